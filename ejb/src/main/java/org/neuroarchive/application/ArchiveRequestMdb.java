package org.neuroarchive.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequestHandler;
import org.neuroarchive.archive.control.ArchiveStorageException;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.security.control.Callers;

/**
 * The one message-driven bean of the archive: every {@link ArchiveRequest}, whatever entry sent it,
 * is read here, handed to the {@link ArchiveRequestHandler} of its kind on behalf of the actor it
 * names, and its failure handled by one rule:
 * <ul>
 * <li>the archive transaction rolled back (storage, a lock timeout, a deadlock): a failed attempt,
 * recorded on the series with its next attempt's time (RetrySchedule), in this message's
 * transaction;</li>
 * <li>the database cannot be reached, or not even the attempt could be recorded: nothing is recorded
 * against the series; the message goes back to the broker after a pause ({@link FailedDelivery}).</li>
 * </ul>
 * Transaction: REQUIRED (the container's default, written here on purpose). The archive work runs in
 * a transaction of its own inside the handler, so its rollback does not undo the message's
 * transaction, which records the failed attempt; if even that fails, the message's transaction rolls
 * back and the broker delivers the message again. The queue comes from the vendor descriptors
 * (jboss-ejb3.xml, glassfish-ejb-jar.xml), see Resources.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@TransactionAttribute(TransactionAttributeType.REQUIRED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class ArchiveRequestMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ApplicationStartup startup;

    @Inject
    Callers callers;

    @Inject
    @Any
    Instance<ArchiveRequestHandler> handlers;

    @Override
    public void onMessage(Message message) {
        ArchiveRequest request;
        try {
            request = ArchiveRequest.read(message);
        } catch (JMSException | RuntimeException e) {
            LOG.warning(() -> "ignoring an archive message without a valid request: " + e);
            return;
        }
        ArchiveRequestHandler handler = handlers.stream().filter(h -> h.kind() == request.kind()).findFirst().orElse(null);
        if (handler == null) {
            LOG.warning(() -> "ignoring an archive request nobody handles: " + request);
            return;
        }
        startup.ready();
        callers.actFor(request.actor());
        try {
            handler.archive(request);
        } catch (ArchiveStorageException | EJBException e) {
            if (DatabaseOutage.causedBy(e)) {
                throw FailedDelivery.backOff(message, request.describe(), e);
            }
            recordAttempt(message, handler, request, e);
        } catch (RuntimeException e) {
            throw FailedDelivery.backOff(message, request.describe(), e);
        }
    }

    private static void recordAttempt(Message message, ArchiveRequestHandler handler, ArchiveRequest request,
                                      RuntimeException failure) {
        try {
            handler.attemptFailed(request, FailedDelivery.reason(failure));
        } catch (RuntimeException notRecorded) {
            throw FailedDelivery.backOff(message, request.describe(), notRecorded);
        }
    }
}
