package org.neuroarchive.archive.control;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import org.neuroarchive.audit.entity.Actor;

/**
 * The one message every entry sends to have a series archived: which kind of waiting series
 * ({@link Kind}), its row id, and who asked for it. The folder scan (files copied into incomingdir or
 * received over DICOM) sends {@link Kind#CLAIMED_SERIES}; the individual import sends
 * {@link Kind#STAGED_SERIES}. A new entry either places its files in incomingdir (and so becomes a
 * claimed series) or adds a kind with its {@link ArchiveRequestHandler}. The message carries ids
 * only: the row of the series is the truth, so a message delivered twice, or sent again, changes
 * nothing.
 */
public record ArchiveRequest(Kind kind, long id, Actor actor) {

    /** Message property: the {@link Kind}'s name. */
    public static final String KIND = "kind";
    /** Message property: the id of the waiting series' row ({@code import_batch} or {@code staged_series}). */
    public static final String ID = "id";
    /**
     * Message property: who asked for the work ({@link Actor#text()}): the system for what a scan claims,
     * the reviewer who released or retried a series, the person who started an individual import. The
     * archive works on their behalf: log lines and audit rows name them, and a person's series are filed
     * only into projects they may modify.
     */
    public static final String ACTOR = "actor";
    /** The property of archive messages sent before there was one request type (global import only). */
    static final String LEGACY_BATCH_ID = "batchId";

    /** The kinds of waiting series; each has one {@link ArchiveRequestHandler}. */
    public enum Kind {
        /** A series the scan of incomingdir claimed (an {@code import_batch} row and its claim folder). */
        CLAIMED_SERIES("import batch"),
        /** A selected series of an individual import (a {@code staged_series} row and its staging files). */
        STAGED_SERIES("staged series");

        private final String noun;

        Kind(String noun) {
            this.noun = noun;
        }
    }

    public ArchiveRequest {
        if (kind == null) {
            throw new IllegalArgumentException("an archive request needs a kind");
        }
        actor = actor == null ? Actor.SYSTEM : actor;
    }

    /** Reads a request from a message; an IllegalArgumentException says what is missing. */
    public static ArchiveRequest read(Message message) throws JMSException {
        Actor actor = actor(message);
        if (!message.propertyExists(KIND) && message.propertyExists(LEGACY_BATCH_ID)) {
            return new ArchiveRequest(Kind.CLAIMED_SERIES, longProperty(message, LEGACY_BATCH_ID), actor);
        }
        String kind = message.getStringProperty(KIND);
        if (kind == null) {
            throw new IllegalArgumentException("no " + KIND + " property");
        }
        return new ArchiveRequest(Kind.valueOf(kind), longProperty(message, ID), actor);
    }

    /** How log lines name the series: e.g. "import batch 12". */
    public String describe() {
        return kind.noun + " " + id;
    }

    private static long longProperty(Message message, String name) throws JMSException {
        if (!message.propertyExists(name)) {
            throw new IllegalArgumentException("no " + name + " property");
        }
        return message.getLongProperty(name);
    }

    private static Actor actor(Message message) {
        try {
            return Actor.parse(message.getStringProperty(ACTOR));
        } catch (JMSException | RuntimeException unreadable) {
            return Actor.SYSTEM;
        }
    }
}
