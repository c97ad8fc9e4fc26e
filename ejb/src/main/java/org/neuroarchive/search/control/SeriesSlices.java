package org.neuroarchive.search.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.SliceRenderer;
import org.neuroarchive.dicom.ThumbnailException;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * The slices of an archived series for the slice browser: its instances in InstanceNumber order (then as
 * archived), numbered 1..count by position, each rendered frame by frame ({@link SliceRenderer}). Seen as
 * {@code GET /api/series/{id}}: only by callers who may view the data of the series' project; anything else
 * is not found.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class SeriesSlices {

    /** One instance of a series: its place in the browser, InstanceNumber (may be null) and frames. */
    public record Slice(int position, int count, Integer instanceNumber, int frames) {
    }

    /** Why a slice was not rendered: {@code notFound} for a slice or frame that does not exist. */
    public static class NotRendered extends Exception {

        private static final long serialVersionUID = 1L;
        private final boolean notFound;

        NotRendered(String reason, boolean notFound) {
            super(reason, null, false, false);
            this.notFound = notFound;
        }

        public boolean notFound() {
            return notFound;
        }
    }

    private final SliceRenderer renderer = new SliceRenderer();

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    Callers callers;

    /** How many instances the series has; empty when the caller may not see it. */
    public Optional<Integer> count(long seriesId) {
        return rows(seriesId).map(List::size);
    }

    /** Slice {@code position} (1-based) of the series: empty when there is no such slice for the caller. */
    public Optional<Slice> slice(long seriesId, int position) throws NotRendered {
        Optional<List<Object[]>> rows = rows(seriesId);
        if (rows.isEmpty() || position < 1 || position > rows.get().size()) {
            return Optional.empty();
        }
        Object[] row = rows.get().get(position - 1);
        try {
            return Optional.of(new Slice(position, rows.get().size(), (Integer) row[0], renderer.frames(file(row))));
        } catch (ThumbnailException e) {
            throw new NotRendered(e.reason(), false);
        }
    }

    /** Frame {@code frame} (1-based) of slice {@code position} as PNG; empty when there is no such slice. */
    public Optional<byte[]> rendered(long seriesId, int position, int frame) throws NotRendered {
        Optional<List<Object[]>> rows = rows(seriesId);
        if (rows.isEmpty() || position < 1 || position > rows.get().size()) {
            return Optional.empty();
        }
        try {
            return Optional.of(renderer.renderPng(file(rows.get().get(position - 1)), frame));
        } catch (SliceRenderer.NoSuchFrameException e) {
            throw new NotRendered(e.reason(), true);
        } catch (ThumbnailException e) {
            throw new NotRendered(e.reason(), false);
        }
    }

    /** The archived file of a row: always inside archivedir (a path in the database is never trusted further). */
    private Path file(Object[] row) throws NotRendered {
        Path archive = locations.archive().toAbsolutePath().normalize();
        Path file = archive.resolve((String) row[1]).normalize();
        if (!file.startsWith(archive)) {
            throw new NotRendered("the instance file is not in archivedir", false);
        }
        return file;
    }

    /** InstanceNumber and archived file of each instance, in browser order; empty when not visible. */
    private Optional<List<Object[]>> rows(long seriesId) {
        Series series = em.find(Series.class, seriesId);
        if (series == null || !callers.current().may(ProjectPermission.VIEW_DATA,
                series.getStudy().getEnrollment().getProject().getId())) {
            return Optional.empty();
        }
        return Optional.of(em.createNamedQuery(Instance.SERIES_SLICES, Object[].class).setParameter("series", seriesId)
                .getResultList());
    }
}
