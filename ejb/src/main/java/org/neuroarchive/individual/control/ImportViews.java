package org.neuroarchive.individual.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.individual.entity.ImportRequest;

/** How the API shows individual imports (JSON field names are the contract). */
public final class ImportViews {

    private ImportViews() {
    }

    /**
     * One import in the list, with who created it and the project it names; the series counts are
     * those of {@link SeriesCounts}.
     */
    public record Summary(long id, String status, int percent, String message, String source, LocalDateTime createdAt,
                          LocalDateTime updatedAt, int fileCount, int seriesSelected, int seriesArchived, int seriesFailed,
                          String createdBy, String project) {

        static Summary of(ImportRequest r, SeriesCounts series) {
            return new Summary(r.getId(), r.getStatus().code(), r.getPercent(), r.getMessage(),
                    r.getSourcePath() == null ? "upload" : r.getSourcePath(), r.getCreatedAt(), r.getUpdatedAt(),
                    r.getFileCount(), series.selected(), series.archived(), series.failed(), r.getCreatedBy(),
                    r.getProject());
        }
    }

    /** The options as they were chosen (API names); {@code patientId} and {@code altUids} null without PHI rights. */
    public record Options(String modality, String project, String subjectCriteria, String patientId,
                          String studyCriteria, String seriesCriteria, boolean anonymize, List<String> altUids,
                          String notes) {

        static Options of(ImportRequest r, boolean phi) {
            return new Options(r.getModality(), r.getProject(), r.criteria().subject().code(), phi ? r.getPatientId() : null,
                    r.criteria().study().code(), r.criteria().series().code(), r.isAnonymize(), phi ? r.altUidList() : null,
                    r.getNotes());
        }

        boolean showsPhi() {
            return patientId != null || altUids != null && !altUids.isEmpty();
        }
    }

    /** An archived record something matches: its id and its NiDB name (UID, study or series number). */
    public record Match(long id, String name) {
    }

    public record Series(long id, Integer seriesNumber, String description, String protocol, LocalDateTime date,
                         String modality, Integer rows, Integer columns, int fileCount, long bytes, boolean selected,
                         String status, String message, Match matches, Long archivedSeriesId) {
    }

    public record Study(String key, String studyInstanceUid, String studyId, LocalDateTime date, String modality,
                        String description, Match matches, List<Series> series) {
    }

    /**
     * A subject of the tree: {@code key} is what its series were grouped by; without the right to see
     * patient data, the key is "subject N" and {@code patientId}, {@code patientName}, {@code birthDate}
     * are null.
     */
    public record Subject(String key, String patientId, String patientName, String sex, LocalDate birthDate,
                          Match matches, List<Study> studies) {
    }

    public record UnreadableFile(String path, long size, String reason) {
    }

    public record LogLine(LocalDateTime at, String outcome, String file, String message, String actor) {
    }

    /**
     * Everything about one import: status, options, the tree, nonmatch series, unreadable files, log;
     * who created it, and whether the caller may archive, cancel or parse it again ({@code mayAct}).
     */
    public record Detail(long id, String status, int percent, String message, String source, LocalDateTime createdAt,
                         LocalDateTime updatedAt, Options options, int fileCount, int unreadableCount,
                         List<Subject> subjects, List<Series> nonmatch, List<UnreadableFile> unreadable,
                         List<LogLine> log, String createdBy, boolean mayAct) {
    }
}
