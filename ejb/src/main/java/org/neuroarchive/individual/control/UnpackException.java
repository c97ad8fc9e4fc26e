package org.neuroarchive.individual.control;

/**
 * An upload or server folder was refused while unpacking it: a hostile or damaged archive, or a limit
 * of {@link UnpackLimits} reached. The message is meant for the person who started the import.
 */
public class UnpackException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A refusal explained by {@code message}. */
    public UnpackException(String message) {
        super(message);
    }
}
