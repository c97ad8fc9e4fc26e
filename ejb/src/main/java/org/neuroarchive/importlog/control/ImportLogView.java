package org.neuroarchive.importlog.control;

import java.time.LocalDateTime;

/**
 * One import log line as the API shows it; {@code actor} is who the work was done for ({@code user:alice},
 * {@code system}), {@code node} the server that wrote it (null for lines written before nodes were named).
 */
public record ImportLogView(long id, LocalDateTime createdAt, String outcome, String fileName, String message,
                            Long batchId, String subjectUid, Integer studyNum, Integer seriesNum, String actor, String node) {
}
