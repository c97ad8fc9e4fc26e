package org.neuroarchive.individual.entity;

import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;

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

    /** Something runs for the import: files arrive, a parse or archive messages are under way. */
    public static final Set<ImportStatus> RUNNING =
            Collections.unmodifiableSet(EnumSet.of(UPLOADING, UPLOAD_COMPLETE, PARSING, QUEUED_FOR_ARCHIVE, ARCHIVING));

    public boolean isRunning() {
        return RUNNING.contains(this);
    }

    /** Parsed, or archived with errors: the (remaining) series may be archived. */
    public boolean isArchivable() {
        return this == PARSING_COMPLETE || this == ARCHIVE_ERROR;
    }

    /** Nothing runs and the files are in staging: the import may be parsed again with other criteria. */
    public boolean isReparsable() {
        return this == PARSING_COMPLETE || this == PARSING_ERROR || this == ARCHIVE_ERROR;
    }

    /** The import is over: its staging folder is gone. */
    public boolean isFinal() {
        return this == ARCHIVE_COMPLETE || this == CANCELLED;
    }
}
