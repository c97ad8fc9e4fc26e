package org.neuroarchive.search.control;

import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.matching.entity.SeriesParameters;

/**
 * A series as the API shows it, with the study and subject it is filed under, its acquisition parameters,
 * whether InstanceNumbers are missing ({@code valid} false: {@code missingInstanceCount} of them, the first
 * {@value ArchiveBrowser#MISSING_LISTED} listed; absent for series not checked yet) and whether it has a
 * thumbnail ({@code GET /api/series/{id}/thumbnail}).
 */
public record SeriesView(long id, int seriesNumber, String seriesInstanceUid, String modality, String description,
                         String protocol, LocalDateTime seriesDateTime, Integer rows, Integer columns, int fileCount,
                         long totalBytes, String subjectUid, long studyId, int studyNumber, String studyInstanceUid,
                         LocalDateTime studyDateTime, String projectCostcenter, String archivePath,
                         SeriesParameters parameters, Boolean valid, Integer missingInstanceCount,
                         List<Integer> missingInstanceNumbers, boolean thumbnail) {
}
