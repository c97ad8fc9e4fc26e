package org.neuroarchive.application;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * A message whose handling failed for a reason outside the message itself — most often an
 * unreachable database — goes back to the broker to be delivered again. Artemis redelivers rolled-back
 * deliveries at once, whatever the queue's redelivery delay says (measured with WildFly on an
 * external broker: 10 deliveries of each message within 3 s, then the dead-letter queue), so a
 * 30-second database outage would use up every attempt. The message-driven beans therefore wait
 * before giving a message back: 1 s after its first delivery, doubling up to 30 s. With the broker's
 * 10 delivery attempts a message outlives an outage of about 2.5 minutes; after a longer one the
 * re-send of work that stayed queued (the archive request handlers' resendDue, StalledImports) and the
 * restart recovery take over.
 */
public final class FailedDelivery {

    static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    private FailedDelivery() {
    }

    /** Waits as long as the message's delivery count asks, then answers the failure for the caller to throw. */
    public static RuntimeException backOff(Message message, String what, RuntimeException failure) {
        int delivery = deliveryCount(message);
        Duration pause = pauseAfter(delivery);
        LOG.warning(() -> what + ": delivery " + delivery + " failed (" + rootCause(failure) + "); the message goes back to the broker in "
                + pause.toSeconds() + " s");
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return failure;
    }

    /** 1 s after the first delivery, then doubling, at most {@link #LONGEST_PAUSE}. */
    static Duration pauseAfter(int delivery) {
        int doublings = Math.max(0, Math.min(delivery - 1, 10));
        return Duration.ofSeconds(Math.min(LONGEST_PAUSE.toSeconds(), 1L << doublings));
    }

    /** The failure's own words, below the container's EJBException wrappers, for a person to read. */
    public static String reason(RuntimeException failure) {
        Throwable cause = failure;
        while (cause instanceof jakarta.ejb.EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private static int deliveryCount(Message message) {
        try {
            return message.propertyExists("JMSXDeliveryCount") ? message.getIntProperty("JMSXDeliveryCount") : 1;
        } catch (JMSException | NumberFormatException e) {
            return 1;
        }
    }

    private static String rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + firstLine(cause.getMessage()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
