package org.neuroarchive.importing.boundary;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.neuroarchive.application.ApplicationStartup;
import org.neuroarchive.application.FailedDelivery;
import org.neuroarchive.archive.control.ArchiveStorageException;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.importing.control.BatchArchiver;
import org.neuroarchive.importing.control.BatchRetries;
import org.neuroarchive.importing.control.ClaimRecovery;
import org.neuroarchive.importing.control.ImportDispatcher;
import org.neuroarchive.security.control.Callers;

/**
 * Receives one message per claimed series and hands it to the archive, in the message's transaction,
 * on behalf of the actor the message names (the system, or the reviewer who released or retried it);
 * what became of the series goes to the audit trail once its archive transaction has committed.
 * The queue comes from the vendor descriptors (jboss-ejb3.xml, glassfish-ejb-jar.xml), see Resources.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@RunAs(Roles.SYSTEM)
@PermitAll
public class ImportSeriesMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ApplicationStartup startup;

    @Inject
    BatchArchiver archiver;

    @Inject
    BatchRetries retries;

    @Inject
    ClaimRecovery recovery;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Override
    public void onMessage(Message message) {
        long batchId;
        try {
            batchId = message.getLongProperty(ImportDispatcher.BATCH_ID);
        } catch (JMSException | NumberFormatException e) {
            LOG.warning(() -> "ignoring a message without a valid " + ImportDispatcher.BATCH_ID + " property: " + e);
            return;
        }
        startup.ready();
        callers.actFor(actor(message));
        try {
            AuditEvent.Builder archived = archiver.archive(batchId);
            if (archived != null) {
                audit.record(archived);
            } else {
                recovery.finishArchivedLeftovers(batchId);
            }
        } catch (java.io.IOException e) {
            // the leftovers of a finished batch could not be moved now: the next start-up recovery does it
            LOG.warning(() -> "import batch " + batchId + ": claimed files of a finished batch not removed now: " + e);
        } catch (ArchiveStorageException e) {
            // the archive transaction rolled back: every file is still claimed; try again later
            retries.attemptFailed(batchId, e.getMessage());
        } catch (RuntimeException e) {
            // not even a failed attempt could be recorded (the database is unreachable): redelivery
            throw FailedDelivery.backOff(message, "import batch " + batchId, e);
        }
    }

    private static Actor actor(Message message) {
        try {
            return Actor.parse(message.getStringProperty(ImportDispatcher.ACTOR));
        } catch (JMSException unreadable) {
            return Actor.SYSTEM;
        }
    }
}
