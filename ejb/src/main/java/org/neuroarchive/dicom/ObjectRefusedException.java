package org.neuroarchive.dicom;

/** One object is refused (the association goes on): why, and the C-STORE status the sender gets. */
final class ObjectRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    /** C-STORE status: Refused, out of resources. */
    static final int OUT_OF_RESOURCES = 0xA700;

    private final Refusal.Reason reason;

    ObjectRefusedException(Refusal.Reason reason, String detail) {
        super(detail);
        this.reason = reason;
    }

    Refusal.Reason reason() {
        return reason;
    }

    int status() {
        return OUT_OF_RESOURCES;
    }
}
