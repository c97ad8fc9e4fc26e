package org.neuroarchive.individual.control;

import jakarta.persistence.EntityManager;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.individual.entity.StagedSeries;

/**
 * How many series of an individual import are selected, waiting to be archived, archived and failed,
 * counted from the states of its staged series whenever they are shown (one grouped query), never
 * stored: a count kept beside the series could drift from them.
 *
 * @param selected the series selected for archiving (by default, or by the person's choice)
 * @param queued   series waiting for their archive message
 * @param archived series in the archive (also one the person left out of a later archive request)
 * @param failed   selected series whose archiving failed; their files wait in staging
 */
public record SeriesCounts(int selected, int queued, int archived, int failed) {

    public static final SeriesCounts NONE = new SeriesCounts(0, 0, 0, 0);

    /** The counts of one import. */
    public static SeriesCounts of(EntityManager em, long importId) {
        return of(em, List.of(importId)).getOrDefault(importId, NONE);
    }

    /** The counts of these imports; an import without staged series is left out (read it as {@link #NONE}). */
    public static Map<Long, SeriesCounts> of(EntityManager em, Collection<Long> importIds) {
        Map<Long, SeriesCounts> counts = new HashMap<>();
        if (importIds.isEmpty()) {
            return counts;
        }
        for (Object result : em.createNamedQuery(StagedSeries.COUNT_BY_STATE).setParameter("importIds", importIds)
                .getResultList()) {
            Object[] row = (Object[]) result;
            counts.merge((Long) row[0], NONE.plus((StagedSeriesStatus) row[1], (Boolean) row[2], ((Number) row[3]).intValue()),
                    SeriesCounts::plus);
        }
        return counts;
    }

    /** These counts and {@code n} more series in {@code status}, selected or not. */
    public SeriesCounts plus(StagedSeriesStatus status, boolean isSelected, int n) {
        return new SeriesCounts(selected + (isSelected ? n : 0),
                queued + (status == StagedSeriesStatus.QUEUED ? n : 0),
                archived + (status == StagedSeriesStatus.ARCHIVED ? n : 0),
                failed + (status.notArchived() && isSelected ? n : 0));
    }

    private SeriesCounts plus(SeriesCounts other) {
        return new SeriesCounts(selected + other.selected, queued + other.queued, archived + other.archived,
                failed + other.failed);
    }
}
