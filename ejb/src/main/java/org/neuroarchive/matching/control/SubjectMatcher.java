package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.neuroarchive.matching.entity.AlternateUid;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * NiDB's subject rules. By default (the global import) the PatientID is compared with every subject's
 * UID and alternate UIDs, and with their SHA-1 hashes, across all projects; the individual import
 * may instead match PatientName, sex and birth date together. A new subject gets a
 * fresh UID, a family, and the PatientID as alternate UID; it is enrolled in the project when it is
 * not yet.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class SubjectMatcher {

    private static final int ATTEMPTS = 3;

    @PersistenceContext
    EntityManager em;

    @Inject
    NewRecords newRecords;

    public Optional<Subject> find(String patientId) {
        return lookup(em, patientId);
    }

    /** The existing subject of this series by the criterion, if any. */
    public Optional<Subject> find(SeriesIdentity identity, MatchingCriteria.Subject criterion) {
        return lookup(em, identity, criterion);
    }

    static Optional<Subject> lookup(EntityManager em, SeriesIdentity identity, MatchingCriteria.Subject criterion) {
        if (criterion == MatchingCriteria.Subject.NAME_SEX_DOB) {
            return em.createNamedQuery(Subject.BY_DEMOGRAPHICS, Subject.class)
                    .setParameter("name", identity.patientName()).setParameter("sex", identity.sex())
                    .setParameter("birthDate", identity.birthDate())
                    .setMaxResults(1).getResultStream().findFirst();
        }
        return lookup(em, identity.patientId());
    }

    /**
     * The first subject (lowest id) whose UID or alternate UID is {@code patientId}, or whose SHA-1 of
     * one is {@code patientId} in lower case. Four lookups, each on an index of its own: a single query
     * ORing the four columns of subject and subject_altuid uses none, and scans every subject
     * (bench/archive-queries.md).
     */
    static Optional<Subject> lookup(EntityManager em, String patientId) {
        String hash = patientId.strip().toLowerCase(Locale.ROOT);
        return Stream.of(ids(em, Subject.IDS_BY_UID, patientId), ids(em, AlternateUid.SUBJECT_IDS_BY_ALTUID, patientId),
                        ids(em, Subject.IDS_BY_UID_SHA1, hash), ids(em, AlternateUid.SUBJECT_IDS_BY_ALTUID_SHA1, hash))
                .flatMap(List::stream).min(Long::compare)
                .map(id -> em.find(Subject.class, id));
    }

    private static List<Long> ids(EntityManager em, String query, String value) {
        return em.createNamedQuery(query, Long.class).setParameter("value", value).getResultList();
    }

    public Found<Subject> findOrCreate(SeriesIdentity identity, MatchingCriteria.Subject criterion) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Optional<Subject> existing = find(identity, criterion);
            if (existing.isPresent()) {
                return Found.existing(existing.get());
            }
            Optional<Found<Long>> made = newRecords.subject(identity, criterion);
            if (made.isPresent()) {
                return new Found<>(em.find(Subject.class, made.get().value()), made.get().created());
            }
        }
        throw new IllegalStateException("could not find or create the subject of this series after " + ATTEMPTS + " attempts");
    }

    /**
     * Adds these alternate UIDs to the subject; answers those that already name another subject
     * (left out: an alternate UID identifies one subject).
     */
    public java.util.List<String> addAlternateUids(Subject subject, java.util.List<String> altUids) {
        if (altUids.isEmpty()) {
            return java.util.List.of();
        }
        return newRecords.alternateUids(subject.getId(), altUids);
    }

    public Enrollment enroll(Subject subject, Project project) {
        return em.createNamedQuery(Enrollment.FIND, Enrollment.class)
                .setParameter("subject", subject).setParameter("project", project)
                .getResultStream().findFirst()
                .orElseGet(() -> em.find(Enrollment.class, newRecords.enrollment(subject.getId(), project.getId())));
    }
}
