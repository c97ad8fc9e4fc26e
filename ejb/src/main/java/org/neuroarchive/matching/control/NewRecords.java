package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Family;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * Creates subjects, enrollments, studies and series, each in its own short transaction so that
 * concurrent archive transactions see them at once and never create twins: a lock is taken (the
 * parent row, or a creation_lock row for subjects) and the lookup repeated before inserting.
 * Each method answers the id and whether it was created now.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class NewRecords {

    @PersistenceContext
    EntityManager em;

    @Resource
    SessionContext context;

    private final NidbUidGenerator subjectUids = NidbUidGenerator.subjects();
    private final NidbUidGenerator familyUids = NidbUidGenerator.families();

    /** For the container. */
    public NewRecords() {
    }

    /**
     * Outside a container (tests): {@code em} and {@code context} must belong to a transaction of this
     * bean's own, as the container's REQUIRES_NEW gives it.
     */
    NewRecords(EntityManager em, SessionContext context) {
        this.em = em;
        this.context = context;
    }

    /**
     * The subject with this PatientID: created, with its family and the PatientID as alternate UID,
     * unless another transaction created it meanwhile. Empty if the unique alternate UID (a safety
     * net behind the lock) was violated all the same; the caller then looks again.
     */
    public Optional<Found<Long>> subject(SeriesIdentity identity, MatchingCriteria.Subject criterion) {
        em.createNativeQuery("SELECT name FROM creation_lock WHERE name = 'subject' FOR UPDATE").getResultList();
        Optional<Subject> existing = SubjectMatcher.lookup(em, identity, criterion);
        if (existing.isPresent()) {
            return Optional.of(Found.existing(existing.get().getId()));
        }
        String uid = subjectUids.next(candidate -> em.createNamedQuery(Subject.UID_EXISTS, Long.class)
                .setParameter("uid", candidate).getSingleResult() > 0);
        String familyUid = familyUids.next(candidate -> em.createNamedQuery(Family.UID_EXISTS, Long.class)
                .setParameter("uid", candidate).getSingleResult() > 0);
        Family family = new Family(familyUid, "Proband-" + uid);
        Subject subject = new Subject(uid, family, identity.patientName(), identity.sex(), identity.birthDate());
        if (!identity.patientId().isBlank() && SubjectMatcher.lookup(em, identity.patientId()).isEmpty()) {
            subject.addAlternateUid(identity.patientId());
        }
        try {
            em.persist(family);
            em.persist(subject);
            em.flush();
            return Optional.of(Found.created(subject.getId()));
        } catch (PersistenceException raceLost) {
            context.setRollbackOnly();
            return Optional.empty();
        }
    }

    /** See {@link SubjectMatcher#addAlternateUids}; under the subject creation lock. */
    public java.util.List<String> alternateUids(long subjectId, java.util.List<String> altUids) {
        em.createNativeQuery("SELECT name FROM creation_lock WHERE name = 'subject' FOR UPDATE").getResultList();
        Subject subject = em.find(Subject.class, subjectId);
        java.util.List<String> refused = new java.util.ArrayList<>();
        for (String altuid : altUids) {
            String clean = altuid == null ? "" : altuid.strip();
            if (clean.isEmpty()) {
                continue;
            }
            Optional<Subject> owner = SubjectMatcher.lookup(em, clean);
            if (owner.isEmpty()) {
                subject.addAlternateUid(clean);
                em.flush();
            } else if (!owner.get().getId().equals(subjectId)) {
                refused.add(clean);
            }
        }
        return refused;
    }

    public long enrollment(long subjectId, long projectId) {
        Subject subject = em.find(Subject.class, subjectId, LockModeType.PESSIMISTIC_WRITE);
        Project project = em.find(Project.class, projectId);
        return em.createNamedQuery(Enrollment.FIND, Enrollment.class)
                .setParameter("subject", subject).setParameter("project", project)
                .getResultStream().findFirst()
                .orElseGet(() -> persist(new Enrollment(subject, project)))
                .getId();
    }

    public Found<Long> study(long enrollmentId, SeriesIdentity identity, MatchingCriteria.Study criterion) {
        Enrollment enrollment = em.find(Enrollment.class, enrollmentId);
        Subject subject = em.find(Subject.class, enrollment.getSubject().getId(), LockModeType.PESSIMISTIC_WRITE);
        Optional<Study> existing = StudyMatcher.matching(em, enrollment, identity, criterion);
        if (existing.isPresent()) {
            return Found.existing(existing.get().getId());
        }
        Integer max = em.createNamedQuery(Study.MAX_NUMBER, Integer.class).setParameter("subject", subject)
                .getSingleResult();
        Study study = new Study(enrollment, max == null ? 1 : max + 1, identity.modality(),
                identity.studyDateTime().orElse(null), identity.studyInstanceUid(), identity.studyId(),
                identity.studyDescription());
        return Found.created(persist(study).getId());
    }

    /**
     * The series matching by the criterion, or a new one numbered by its SeriesNumber; when another
     * series of the study (matched differently) has that number, the new one gets the study's max+1.
     */
    public Found<Long> series(long studyId, SeriesIdentity identity, MatchingCriteria.Series criterion) {
        Study study = em.find(Study.class, studyId, LockModeType.PESSIMISTIC_WRITE);
        Optional<Series> existing = SeriesMatcher.matching(em, study, identity, criterion);
        if (existing.isPresent()) {
            return Found.existing(existing.get().getId());
        }
        int number = identity.seriesNumber();
        boolean taken = em.createNamedQuery(Series.BY_NUMBER, Series.class)
                .setParameter("study", study).setParameter("number", number).getResultStream().findAny().isPresent();
        if (taken) {
            number = em.createNamedQuery(Series.MAX_NUMBER, Integer.class).setParameter("study", study).getSingleResult() + 1;
        }
        return Found.created(persist(new Series(study, number, identity.seriesInstanceUid(),
                identity.modality(), identity.seriesDateTime().orElse(null))).getId());
    }

    private <T> T persist(T entity) {
        em.persist(entity);
        em.flush();
        return entity;
    }
}
