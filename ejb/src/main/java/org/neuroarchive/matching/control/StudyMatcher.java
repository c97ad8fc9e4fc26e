package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.Optional;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * NiDB's study rules within the subject's enrollment. By default: same modality, StudyDateTime within
 * ±30 seconds; the individual import may match the StudyInstanceUID or the StudyID instead. Otherwise
 * a new study numbered max+1 for the subject. A series without a StudyDate (only filed when
 * a person released it) joins the study with its StudyInstanceUID in the enrollment, if there is one.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class StudyMatcher {

    static final Duration WINDOW = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    NewRecords newRecords;

    public Found<Study> findOrCreate(Enrollment enrollment, SeriesIdentity identity, MatchingCriteria.Study criterion) {
        Optional<Study> existing = matching(em, enrollment, identity, criterion);
        if (existing.isPresent()) {
            return Found.existing(existing.get());
        }
        Found<Long> made = newRecords.study(enrollment.getId(), identity, criterion);
        return new Found<>(em.find(Study.class, made.value()), made.created());
    }

    /** The existing study of the enrollment this series belongs to by the criterion, if any. */
    public Optional<Study> find(Enrollment enrollment, SeriesIdentity identity, MatchingCriteria.Study criterion) {
        return matching(em, enrollment, identity, criterion);
    }

    /** The matching study (for date matching the closest in time), if any. */
    static Optional<Study> matching(EntityManager em, Enrollment enrollment, SeriesIdentity identity,
                                    MatchingCriteria.Study criterion) {
        if (criterion == MatchingCriteria.Study.STUDY_ID) {
            return em.createNamedQuery(Study.BY_STUDY_ID, Study.class)
                    .setParameter("enrollment", enrollment)
                    .setParameter("studyId", identity.studyId())
                    .getResultStream().findFirst();
        }
        if (criterion == MatchingCriteria.Study.STUDY_UID || identity.studyDateTime().isEmpty()) {
            return em.createNamedQuery(Study.BY_UID, Study.class)
                    .setParameter("enrollment", enrollment)
                    .setParameter("uid", identity.studyInstanceUid())
                    .getResultStream().findFirst();
        }
        LocalDateTime at = identity.studyDateTime().get();
        return em.createNamedQuery(Study.BY_MODALITY_AND_TIME, Study.class)
                .setParameter("enrollment", enrollment)
                .setParameter("modality", identity.modality())
                .setParameter("from", at.minus(WINDOW))
                .setParameter("to", at.plus(WINDOW))
                .getResultStream()
                .min(Comparator.comparing((Study s) -> Duration.between(s.getStudyDateTime(), at).abs()));
    }
}
