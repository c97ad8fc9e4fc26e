package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.config.Resources;

/**
 * Sends the parse requests of individual imports, in the caller's transaction: parse an import (for
 * one parse generation). Archiving a staged series is an archive request like every other entry's
 * (org.neuroarchive.archive.control.ArchiveRequests). Parse requests have a queue of their own: a
 * parse reads and copies a whole upload, can take longer than a transaction may, and must not hold
 * up the archive of other entries' series.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportMessages {

    /** Message property: what to do ({@link #PARSE}; {@link #ARCHIVE} only in messages sent by older versions). */
    public static final String ACTION = "action";
    public static final String PARSE = "parse";
    public static final String ARCHIVE = "archive";
    /** Message property: the import id (parse) or, in an older version's archive message, the staged series id. */
    public static final String ID = "id";
    /** Message property: the parse generation the parse message was sent for. */
    public static final String GENERATION = "generation";
    /**
     * Message property: who asked for the work ({@link Actor#text()}); the message-driven bean works on
     * their behalf, and archives only into projects they may modify.
     */
    public static final String ACTOR = "actor";

    /** XA: a context created inside the JTA transaction sends as part of it. */
    @Resource(name = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(name = Resources.INDIVIDUAL_IMPORT_QUEUE)
    Queue queue;

    public void parse(long importId, int generation, Actor actor) {
        try (JMSContext jms = connectionFactory.createContext()) {
            jms.createProducer().setProperty(ACTION, PARSE).setProperty(ID, importId).setProperty(GENERATION, generation)
                    .setProperty(ACTOR, text(actor)).send(queue, "parse import " + importId);
        }
    }

    private static String text(Actor actor) {
        return (actor == null ? Actor.SYSTEM : actor).text();
    }
}
