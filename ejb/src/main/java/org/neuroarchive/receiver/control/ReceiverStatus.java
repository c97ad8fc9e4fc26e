package org.neuroarchive.receiver.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the DICOM receiver is doing: its state (with the reason when it could not start) and its
 * counters since the application started.
 */
@ApplicationScoped
public class ReceiverStatus {

    /** Whether the receiver listens. */
    public enum State { STARTING, LISTENING, DISABLED, FAILED, STOPPED }

    /** A snapshot for the API and the screens. */
    public record View(String state, String message, String aet, String bindAddress, int port, long associations,
                       int activeAssociations, long objectsReceived, long bytesReceived, long failures,
                       Instant lastReceivedAt) {
    }

    private volatile State state = State.STARTING;
    private volatile String message = "";
    private volatile String aet = "";
    private volatile String bindAddress = "";
    private volatile int port;
    private volatile Instant lastReceivedAt;
    private final AtomicLong associations = new AtomicLong();
    private final AtomicLong active = new AtomicLong();
    private final AtomicLong objects = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    public void moveTo(State state, String message, String aet, String bindAddress, int port) {
        this.state = state;
        this.message = message == null ? "" : message;
        this.aet = aet;
        this.bindAddress = bindAddress;
        this.port = port;
    }

    public void stopped() {
        this.state = State.STOPPED;
        this.message = "stopped with the application";
    }

    void associationOpened() {
        associations.incrementAndGet();
        active.incrementAndGet();
    }

    void associationEnded() {
        active.decrementAndGet();
    }

    void received(long size) {
        objects.incrementAndGet();
        bytes.addAndGet(size);
        lastReceivedAt = Instant.now();
    }

    void failed() {
        failures.incrementAndGet();
    }

    public long objectsReceived() {
        return objects.get();
    }

    public View view() {
        return new View(state.name().toLowerCase(java.util.Locale.ROOT), message, aet, bindAddress, port,
                associations.get(), (int) active.get(), objects.get(), bytes.get(), failures.get(), lastReceivedAt);
    }
}
