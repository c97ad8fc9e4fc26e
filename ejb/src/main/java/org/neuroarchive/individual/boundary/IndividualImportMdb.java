package org.neuroarchive.individual.boundary;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import org.neuroarchive.application.ApplicationStartup;
import org.neuroarchive.application.FailedDelivery;
import org.neuroarchive.individual.control.ImportMessages;
import org.neuroarchive.individual.control.ImportParser;
import org.neuroarchive.individual.control.SeriesArchiving;

/**
 * Receives the messages of individual imports: parse an import, or archive one of its series. Each
 * is handed to its service; the services keep their own transactions (a parse can take long). The
 * queue comes from the vendor descriptors (jboss-ejb3.xml, glassfish-ejb-jar.xml), see Resources.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IndividualImportMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ApplicationStartup startup;

    @Inject
    ImportParser parser;

    @Inject
    SeriesArchiving archiving;

    @Override
    public void onMessage(Message message) {
        String action;
        long id;
        try {
            action = message.getStringProperty(ImportMessages.ACTION);
            id = message.getLongProperty(ImportMessages.ID);
        } catch (JMSException | NumberFormatException e) {
            LOG.warning(() -> "ignoring an individual-import message without valid properties: " + e);
            return;
        }
        startup.ready();
        try {
            if (ImportMessages.PARSE.equals(action)) {
                parser.parse(id, message.getIntProperty(ImportMessages.GENERATION));
            } else if (ImportMessages.ARCHIVE.equals(action)) {
                archiving.archive(id);
            } else {
                LOG.warning(() -> "ignoring an individual-import message with unknown action " + action);
            }
        } catch (JMSException | NumberFormatException e) {
            LOG.warning(() -> "ignoring a parse message without a valid generation: " + e);
        } catch (RuntimeException e) {
            // e.g. the database is unreachable: the message is delivered again
            String what = ImportMessages.ARCHIVE.equals(action) ? "staged series " + id + " of an individual import (archive)"
                    : "individual import " + id + " (" + action + ")";
            throw FailedDelivery.backOff(message, what, e);
        }
    }
}
