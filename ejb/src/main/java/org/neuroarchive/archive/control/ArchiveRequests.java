package org.neuroarchive.archive.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Queue;
import java.util.List;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.Resources;

/**
 * The one sender of {@link ArchiveRequest}s, for every entry. Sends in the caller's transaction (the
 * connection factory is XA): the row of the waiting series and its request commit together, or
 * neither does. All requests go to one queue ({@link Resources#ARCHIVE_QUEUE}), read by one
 * message-driven bean that hands each to the {@link ArchiveRequestHandler} of its kind.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ArchiveRequests {

    @Resource(name = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(name = Resources.ARCHIVE_QUEUE)
    Queue queue;

    public void send(ArchiveRequest request) {
        sendAll(List.of(request));
    }

    public void sendAll(List<ArchiveRequest> requests) {
        if (requests.isEmpty()) {
            return;
        }
        try (JMSContext jms = connectionFactory.createContext()) {
            JMSProducer producer = jms.createProducer();
            for (ArchiveRequest request : requests) {
                producer.setProperty(ArchiveRequest.KIND, request.kind().name())
                        .setProperty(ArchiveRequest.ID, request.id())
                        .setProperty(ArchiveRequest.ACTOR, request.actor().text())
                        .send(queue, "archive " + request.describe());
            }
        }
    }
}
