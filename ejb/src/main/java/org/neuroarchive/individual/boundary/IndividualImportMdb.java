package org.neuroarchive.individual.boundary;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
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
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.individual.control.ImportMessages;
import org.neuroarchive.individual.control.ImportParser;
import org.neuroarchive.individual.control.SeriesArchiving;
import org.neuroarchive.security.control.Callers;

/**
 * Receives the messages of individual imports: parse an import, or archive one of its series. Each
 * is handed to its service; the services keep their own transactions (a parse can take long). The
 * work is done on behalf of the actor the message names: log lines and audit rows name them, and
 * series are archived only into projects they may modify. The
 * queue comes from the vendor descriptors (jboss-ejb3.xml, glassfish-ejb-jar.xml), see Resources.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class IndividualImportMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ApplicationStartup startup;

    @Inject
    ImportParser parser;

    @Inject
    SeriesArchiving archiving;

    @Inject
    Callers callers;

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
        Actor actor = actor(message);
        callers.actFor(actor);
        try {
            if (ImportMessages.PARSE.equals(action)) {
                parser.parse(id, message.getIntProperty(ImportMessages.GENERATION));
            } else if (ImportMessages.ARCHIVE.equals(action)) {
                archiving.archive(id, actor);
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

    private static Actor actor(Message message) {
        try {
            return Actor.parse(message.getStringProperty(ImportMessages.ACTOR));
        } catch (JMSException unreadable) {
            return Actor.SYSTEM;
        }
    }
}
