package org.neuroarchive.dicomweb.control;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What became of the objects of one STOW-RS request: those handed to the import (stored) and those
 * refused, each with its Failure Reason (0008,1197). The codes are the C-STORE failure statuses of
 * PS3.4 Annex B.2.3 (Table B.2-1), which PS3.18 (Store Instances response, Failed SOP Sequence)
 * uses as failure reasons.
 */
public final class StowResult {

    /** Refused: out of resources (object larger than allowed, free-space floor reached). */
    public static final int OUT_OF_RESOURCES = 0xA700;
    /**
     * Error: data set does not match SOP class. Also used for an object whose StudyInstanceUID is not the
     * study named in the request's path: PS3.18 (Store Instances, target resource a study) says such
     * instances are not stored and gives no code of their own; this is the Table B.2-1 error for a data
     * set that does not fit what it is stored as.
     */
    public static final int DATA_SET_DOES_NOT_MATCH = 0xA900;
    /** Error: cannot understand (not DICOM, truncated, required UIDs missing, a part that is not application/dicom). */
    public static final int CANNOT_UNDERSTAND = 0xC000;
    /** Processing failure: the object was whole but could not be handed to the import. */
    public static final int PROCESSING_FAILURE = 0x0110;

    /** An object handed to the import. */
    public record Stored(String sopClassUid, String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid) {
    }

    /** An object refused; its UIDs are blank when they could not be read. */
    public record Failed(String sopClassUid, String sopInstanceUid, int reason, String why) {
    }

    private final List<Stored> stored = new ArrayList<>();
    private final List<Failed> failed = new ArrayList<>();
    private boolean cutOff;

    public List<Stored> stored() {
        return Collections.unmodifiableList(stored);
    }

    public List<Failed> failed() {
        return Collections.unmodifiableList(failed);
    }

    /** Whether the body ended before its closing boundary. */
    public boolean cutOff() {
        return cutOff;
    }

    /** How many parts the request held (stored and failed). */
    public int parts() {
        return stored.size() + failed.size();
    }

    public void add(Stored object) {
        stored.add(object);
    }

    public void add(Failed object) {
        failed.add(object);
    }

    public void markCutOff() {
        cutOff = true;
    }

    /** A short line for the audit trail and the log. */
    public String summary() {
        StringBuilder text = new StringBuilder().append(stored.size()).append(" stored, ").append(failed.size())
                .append(" failed");
        if (cutOff) {
            text.append(", the body ended before its closing boundary");
        }
        for (int i = 0; i < failed.size() && i < 3; i++) {
            Failed f = failed.get(i);
            text.append("; ").append(f.sopInstanceUid().isEmpty() ? "a part" : f.sopInstanceUid()).append(": ")
                    .append(f.why());
        }
        return text.toString();
    }
}
