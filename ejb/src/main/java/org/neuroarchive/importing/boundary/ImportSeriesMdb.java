package org.neuroarchive.importing.boundary;

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
import org.neuroarchive.importing.control.BatchArchiver;
import org.neuroarchive.importing.control.BatchRetries;
import org.neuroarchive.importing.control.ImportDispatcher;

/**
 * Receives one message per claimed series and hands it to the archive, in the message's transaction.
 * The queue comes from the vendor descriptors (jboss-ejb3.xml, glassfish-ejb-jar.xml), see Resources.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
public class ImportSeriesMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ApplicationStartup startup;

    @Inject
    BatchArchiver archiver;

    @Inject
    BatchRetries retries;

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
        try {
            archiver.archive(batchId);
        } catch (ArchiveStorageException e) {
            // the archive transaction rolled back: every file is still claimed; try again later
            retries.attemptFailed(batchId, e.getMessage());
        } catch (RuntimeException e) {
            // not even a failed attempt could be recorded (the database is unreachable): redelivery
            throw FailedDelivery.backOff(message, "import batch " + batchId, e);
        }
    }
}
