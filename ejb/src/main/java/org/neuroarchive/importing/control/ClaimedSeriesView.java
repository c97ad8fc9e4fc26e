package org.neuroarchive.importing.control;

import java.time.LocalDateTime;

/**
 * A claimed series waiting for a person (held) or for a retry (failed), with what its first file
 * says about it so that a person can decide.
 */
public record ClaimedSeriesView(long id, String status, String reason, int fileCount, int attempts,
                        LocalDateTime nextAttemptAt, LocalDateTime createdAt, LocalDateTime updatedAt,
                        String patientId, String patientName, String modality, String studyDate,
                        String studyDescription, Integer seriesNumber, String seriesDescription,
                        String studyInstanceUid, String seriesInstanceUid) {
}
