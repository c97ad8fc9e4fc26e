package org.neuroarchive.archive.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.dicom.AcquisitionParameters;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.SeriesParameters;

/**
 * Keeps what NiDB records per series up to date whenever files are archived into it: the acquisition
 * parameters of the latest header, the number of slices and BOLD repetitions (see {@link SeriesGeometry}),
 * and the validity flag with the missing InstanceNumbers over every archived instance (earlier imports
 * included). Runs in the archive transaction, after the new instances are persisted.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class SeriesDetails {

    @PersistenceContext
    EntityManager em;

    /**
     * Brings {@code series} up to date from all its archived instances, read with one query: file count
     * and bytes, parameters, slices, validity. Answers the archived file (relative to archivedir) of its
     * middle instance by InstanceNumber (then id), for the thumbnail; empty when it has none.
     */
    public Optional<Path> update(Series series, DicomHeader latest) {
        List<Integer> numbers = new ArrayList<>();
        Set<String> positions = new HashSet<>();
        List<Object[]> rows = summary(series);
        long bytes = 0;
        for (Object[] row : rows) {
            numbers.add((Integer) row[0]);
            if (row[1] != null) {
                positions.add((String) row[1]);
            }
            bytes += ((Number) row[2]).longValue();
        }
        series.setContents(rows.size(), bytes);
        AcquisitionParameters a = latest.acquisition();
        Integer frames = latest.numberOfFrames();
        series.setParameters(new SeriesParameters(a.repetitionTime(), a.echoTime(), a.inversionTime(), a.flipAngle(),
                a.magneticFieldStrength(), a.sliceThickness(), a.spacingBetweenSlices(), a.pixelBandwidth(),
                a.scanningSequence(), a.sequenceName(), a.imageType(),
                SeriesGeometry.slices(a, frames, positions.size()),
                SeriesGeometry.boldRepetitions(a, frames, rows.size(), positions.size()),
                a.kvp(), a.exposure(), a.xRayTubeCurrent(), a.convolutionKernel(), a.bodyPartExamined()));
        InstanceNumberGaps gaps = InstanceNumberGaps.of(numbers, Series.MISSING_TEXT);
        series.setValidity(gaps.missingCount(), gaps.ranges());
        return middle(rows);
    }

    /** The file of the middle row by InstanceNumber (none first, as the databases sort them), then id. */
    private static Optional<Path> middle(List<Object[]> rows) {
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> ordered = new ArrayList<>(rows);
        ordered.sort(Comparator.comparing((Object[] row) -> (Integer) row[0], Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparing(row -> ((Number) row[4]).longValue()));
        return Optional.of(Path.of((String) ordered.get(rows.size() / 2)[3]));
    }

    /** The archived file (relative to archivedir) of the middle instance by InstanceNumber, if any. */
    public Optional<Path> middleInstance(Series series) {
        return middle(summary(series));
    }

    /** A row per archived instance of {@code series}: InstanceNumber, position, size, path, id. */
    private List<Object[]> summary(Series series) {
        return em.createNamedQuery(Instance.SERIES_SUMMARY, Object[].class).setParameter("series", series).getResultList();
    }
}
