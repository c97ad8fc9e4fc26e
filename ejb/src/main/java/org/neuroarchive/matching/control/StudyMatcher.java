package org.neuroarchive.matching.control;

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

/**
 * NiDB's default study rule: same enrollment, same modality, StudyDateTime within ±30 seconds;
 * otherwise a new study numbered max+1 for the subject. A series without a StudyDate (only filed when
 * a person released it) joins the study with its StudyInstanceUID in the enrollment, if there is one.
 */
@Stateless
public class StudyMatcher {

    static final Duration WINDOW = Duration.ofSeconds(30);

    @PersistenceContext
    EntityManager em;

    @Inject
    NewRecords newRecords;

    public Found<Study> findOrCreate(Enrollment enrollment, SeriesIdentity identity) {
        Optional<Study> existing = matching(em, enrollment, identity);
        if (existing.isPresent()) {
            return Found.existing(existing.get());
        }
        Found<Long> made = newRecords.study(enrollment.getId(), identity);
        return new Found<>(em.find(Study.class, made.value()), made.created());
    }

    /** The matching study (closest in time), if any. */
    static Optional<Study> matching(EntityManager em, Enrollment enrollment, SeriesIdentity identity) {
        if (identity.studyDateTime().isEmpty()) {
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
