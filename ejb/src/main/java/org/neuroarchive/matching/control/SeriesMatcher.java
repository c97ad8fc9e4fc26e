package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * NiDB's series rules within a study: by default the same SeriesNumber; the individual import may
 * match the SeriesDate/Time or the SeriesInstanceUID instead. A matched series is updated, never
 * duplicated.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class SeriesMatcher {

    @PersistenceContext
    EntityManager em;

    @Inject
    NewRecords newRecords;

    public Found<Series> findOrCreate(Study study, SeriesIdentity identity, MatchingCriteria.Series criterion) {
        Optional<Series> existing = matching(em, study, identity, criterion);
        if (existing.isPresent()) {
            return Found.existing(existing.get());
        }
        Found<Long> made = newRecords.series(study.getId(), identity, criterion);
        return new Found<>(em.find(Series.class, made.value()), made.created());
    }

    /** The existing series of the study this one is by the criterion, if any. */
    public Optional<Series> find(Study study, SeriesIdentity identity, MatchingCriteria.Series criterion) {
        return matching(em, study, identity, criterion);
    }

    static Optional<Series> matching(EntityManager em, Study study, SeriesIdentity identity,
                                     MatchingCriteria.Series criterion) {
        return switch (criterion) {
            case SERIES_NUMBER -> em.createNamedQuery(Series.BY_NUMBER, Series.class)
                    .setParameter("study", study).setParameter("number", identity.seriesNumber())
                    .getResultStream().findFirst();
            case SERIES_UID -> em.createNamedQuery(Series.BY_UID, Series.class)
                    .setParameter("study", study).setParameter("uid", identity.seriesInstanceUid())
                    .getResultStream().findFirst();
            case SERIES_DATE -> identity.seriesDateTime().flatMap(at -> em.createNamedQuery(Series.BY_DATETIME, Series.class)
                    .setParameter("study", study).setParameter("at", at)
                    .getResultStream().findFirst());
        };
    }
}
