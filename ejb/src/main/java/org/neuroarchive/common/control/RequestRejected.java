package org.neuroarchive.common.control;

import jakarta.ejb.ApplicationException;

/**
 * A request a person or a system made that cannot be carried out as asked, with a message they can
 * act on. Nothing was changed. The REST layer answers it as a problem document.
 */
@ApplicationException(rollback = true)
public class RequestRejected extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why: maps to 404, 409, 400 and 403. */
    public enum Reason { NOT_FOUND, CONFLICT, INVALID, FORBIDDEN }

    private final Reason reason;

    public RequestRejected(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
