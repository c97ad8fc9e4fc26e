package org.neuroarchive.application;

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
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.individual.control.ImportMessages;
import org.neuroarchive.individual.control.ImportParser;
import org.neuroarchive.security.control.Callers;

/**
 * Receives the parse requests of individual imports (the step before their series become archive
 * requests) and hands each to the parser on behalf of the actor the message names. The same shape as
 * the archive's message-driven bean (read, wait for start-up, act for the actor, back off on failure),
 * but NOT_SUPPORTED: a parse reads and copies a whole upload and can outlast any transaction timeout,
 * so the parser keeps transactions of its own, one per step. An archive message an older version sent
 * to this queue is passed on as an archive request. The queue comes from the vendor descriptors
 * (jboss-ejb3.xml, glassfish-ejb-jar.xml), see Resources.
 */
@MessageDriven(activationConfig = {
        @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
})
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RunAs(Roles.SYSTEM)
@PermitAll
public class ParseRequestMdb implements MessageListener {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    ApplicationStartup startup;

    @Inject
    ImportParser parser;

    @Inject
    ArchiveRequests archiveRequests;

    @Inject
    Callers callers;

    @Override
    public void onMessage(Message message) {
        String action;
        long id;
        int generation;
        try {
            action = message.getStringProperty(ImportMessages.ACTION);
            id = message.getLongProperty(ImportMessages.ID);
            generation = ImportMessages.PARSE.equals(action) ? message.getIntProperty(ImportMessages.GENERATION) : 0;
        } catch (JMSException | NumberFormatException e) {
            LOG.warning(() -> "ignoring an individual-import message without valid properties: " + e);
            return;
        }
        startup.ready();
        Actor actor = actor(message);
        callers.actFor(actor);
        try {
            if (ImportMessages.PARSE.equals(action)) {
                parser.parse(id, generation);
            } else if (ImportMessages.ARCHIVE.equals(action)) {
                archiveRequests.send(new ArchiveRequest(ArchiveRequest.Kind.STAGED_SERIES, id, actor));
            } else {
                LOG.warning(() -> "ignoring an individual-import message with unknown action " + action);
            }
        } catch (RuntimeException e) {
            // e.g. the database is unreachable: the message is delivered again
            throw FailedDelivery.backOff(message, "individual import " + id + " (" + action + ")", e);
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
