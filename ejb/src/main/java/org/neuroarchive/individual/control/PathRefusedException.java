package org.neuroarchive.individual.control;

/**
 * A server path given for an import was refused by {@link AllowedRoots}; the message is meant for the
 * person who typed it, the {@link Kind} for the REST layer's status code.
 */
public class PathRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why the path was refused. */
    public enum Kind {
        /** Blank, relative, containing {@code ..}, or neither a file nor a folder (400). */
        INVALID,
        /** Outside every allowed root, or no roots configured (403). */
        OUTSIDE,
        /** Inside a root but not there (400). */
        NOT_FOUND
    }

    private final Kind kind;

    /** A refusal of the given kind, explained by {@code message}. */
    public PathRefusedException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    /** Why the path was refused. */
    public Kind kind() {
        return kind;
    }
}
