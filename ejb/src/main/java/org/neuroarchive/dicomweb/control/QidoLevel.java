package org.neuroarchive.dicomweb.control;

/** What a QIDO-RS search returns: studies, series or instances. */
public enum QidoLevel {
    STUDY, SERIES, INSTANCE;

    /** Whether keys of {@code keyLevel} may be matched at this level (a level's own keys and those above it). */
    boolean matches(QidoLevel keyLevel) {
        return keyLevel.ordinal() <= ordinal();
    }
}
