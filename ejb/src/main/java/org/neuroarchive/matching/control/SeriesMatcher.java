package org.neuroarchive.matching.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;

/** NiDB's default series rule: same study and SeriesNumber; a matched series is updated, never duplicated. */
@Stateless
public class SeriesMatcher {

    @PersistenceContext
    EntityManager em;

    @Inject
    NewRecords newRecords;

    public Found<Series> findOrCreate(Study study, SeriesIdentity identity) {
        java.util.Optional<Series> existing = em.createNamedQuery(Series.BY_NUMBER, Series.class)
                .setParameter("study", study).setParameter("number", identity.seriesNumber())
                .getResultStream().findFirst();
        if (existing.isPresent()) {
            return Found.existing(existing.get());
        }
        Found<Long> made = newRecords.series(study.getId(), identity);
        return new Found<>(em.find(Series.class, made.value()), made.created());
    }
}
