package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.common.control.RowBatch;
import org.neuroarchive.individual.entity.StagedFile;
import org.neuroarchive.individual.entity.StagedSeries;
import org.neuroarchive.matching.control.ExistingMatch;
import org.neuroarchive.matching.entity.MatchingCriteria;
import org.neuroarchive.matching.control.SeriesIdentity;

/**
 * Records what a parse found — series with their files and what each matches in the archive, and
 * the unreadable files with their reasons — a group at a time, each group in its own transaction.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class StagedSeriesWriter {

    private static final RowBatch FILE_ROWS = new RowBatch("staged_file",
            List.of("import_id", "series_id", "relative_path", "file_size", "reason", "sha256", "created_at"),
            Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.TIMESTAMP);

    @PersistenceContext
    EntityManager em;

    @Inject
    ExistingMatch existing;

    public void series(long importId, List<SeriesBuckets.Bucket> buckets, String project,
                       MatchingCriteria criteria) {
        for (SeriesBuckets.Bucket bucket : buckets) {
            SeriesIdentity id = bucket.identity();
            SeriesBuckets.Key key = bucket.key();
            StagedSeries series = new StagedSeries(importId, key.nonmatch(), key.subject(), key.study(), key.series());
            series.describeSubjectAndStudy(id.patientId(), id.patientName(), id.sex(), id.birthDate(),
                    id.studyInstanceUid(), id.studyId(), id.studyDateTime().orElse(null), id.studyDescription());
            series.describeSeries(id.seriesInstanceUid(), id.seriesNumber(), id.seriesDateTime().orElse(null),
                    id.seriesDescription(), id.protocolName(), id.modality(), id.rows(), id.columns());
            series.contents(bucket.files().size(), bucket.bytes());
            ExistingMatch.Match match = existing.of(id, project, criteria);
            series.matches(match.subjectId(), match.studyId(), match.seriesId(), match.text());
            if (bucket.disagreement().isPresent()) {
                // not selected by default: archiving it anyway is a person's decision
                series.select(false);
                series.moveTo(StagedSeriesStatus.PARSED, "held for review: " + bucket.disagreement().get()
                        + "; not selected for archiving (parse again with a specific PatientID, or select it)");
            } else {
                id.unfileableReason(criteria).ifPresent(reason -> series.moveTo(StagedSeriesStatus.PARSED,
                        "cannot be archived with these criteria: " + reason));
            }
            em.persist(series);
            em.flush(); // its id, for the rows of its files
            List<StagedFile> files = new ArrayList<>(bucket.files().size());
            for (int i = 0; i < bucket.files().size(); i++) {
                files.add(StagedFile.inSeries(importId, series.getId(), bucket.files().get(i), bucket.sizes().get(i),
                        bucket.digests().get(i)));
            }
            insert(files);
        }
    }

    public void unreadable(long importId, List<Unreadable> files) {
        insert(files.stream().map(f -> StagedFile.unreadable(importId, f.relativePath(), f.size(), f.reason())).toList());
    }

    /** A row per file in JDBC batches ({@link RowBatch}), not an INSERT and an id read each. */
    private void insert(List<StagedFile> files) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        FILE_ROWS.insert(em, files.stream().map(f -> new Object[] {f.getImportId(), f.getSeriesId(), f.getRelativePath(),
            f.getFileSize(), f.getReason(), f.getSha256(), now}).toList());
    }

    /** A file the parse could not use, and why. */
    public record Unreadable(String relativePath, long size, String reason) {
    }
}
