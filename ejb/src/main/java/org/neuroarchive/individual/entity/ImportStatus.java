package org.neuroarchive.individual.entity;

import java.util.Arrays;

/** Where an individual import stands, with the names NiDB users know (see {@link #code()}). */
public enum ImportStatus {
    UPLOADING("uploading"),
    UPLOAD_COMPLETE("uploadcomplete"),
    UPLOAD_ERROR("uploaderror"),
    PARSING("parsing"),
    PARSING_COMPLETE("parsingcomplete"),
    PARSING_ERROR("parsingerror"),
    QUEUED_FOR_ARCHIVE("queueforarchive"),
    ARCHIVING("archiving"),
    ARCHIVE_COMPLETE("archivecomplete"),
    ARCHIVE_ERROR("archiveerror"),
    CANCELLED("cancelled");

    private final String code;

    ImportStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static ImportStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown import status " + code));
    }

    /** Nothing runs for the import now: it may be parsed again, archived or cancelled. */
    public boolean isAtRest() {
        return this == PARSING_COMPLETE || this == PARSING_ERROR || this == ARCHIVE_ERROR || this == UPLOAD_ERROR;
    }

    /** The import is over: its staging folder is gone. */
    public boolean isFinal() {
        return this == ARCHIVE_COMPLETE || this == CANCELLED;
    }
}
