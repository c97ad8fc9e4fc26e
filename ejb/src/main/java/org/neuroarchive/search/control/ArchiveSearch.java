package org.neuroarchive.search.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.LikePattern;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * Finds archived series for the search screen: subjects by UID, alternate UID or name; studies by
 * date range and modality; series by protocol or description. Every given criterion must hold. Only
 * series of projects the caller may view are found; alternate UIDs and names are searched (and names
 * shown) only in projects where it may view PHI. Keywords are matched literally ({@code %}, {@code _}).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ArchiveSearch {

    public static final int MAX_HITS = 500;

    /** What to look for; blank or null fields are left out. */
    public record Criteria(String subject, LocalDate from, LocalDate to, String modality, String series) {
    }

    /** One series found, with the subject and study it belongs to ({@code patientName} null without VIEW_PHI). */
    public record Hit(long seriesId, String subjectUid, String patientName, int studyNum, LocalDateTime studyDateTime,
                      String modality, int seriesNum, String description, String protocol, int fileCount) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    PhiReads phiReads;

    public List<Hit> find(Criteria c) {
        Caller caller = callers.current();
        ProjectScope visible = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        ProjectScope phi = ProjectScope.of(caller, ProjectPermission.VIEW_PHI);
        if (visible.none()) {
            return List.of();
        }
        StringBuilder jpql = new StringBuilder("SELECT DISTINCT s FROM Series s JOIN s.study st JOIN st.subject sub "
                + "LEFT JOIN sub.alternateUids a WHERE " + visible.where("st.enrollment.project.id", "visible"));
        Map<String, Object> parameters = new HashMap<>();
        if (present(c.subject())) {
            jpql.append(" AND (LOWER(sub.uid) = :id OR (").append(phi.where("st.enrollment.project.id", "phi"))
                    .append(" AND (LOWER(a.altuid) = :id OR LOWER(sub.patientName) LIKE :name ").append(LikePattern.ESCAPE)
                    .append(")))");
            parameters.put("id", c.subject().strip().toLowerCase(Locale.ROOT));
            parameters.put("name", LikePattern.containing(c.subject()));
        }
        if (c.from() != null) {
            jpql.append(" AND st.studyDateTime >= :from");
            parameters.put("from", c.from().atStartOfDay());
        }
        if (c.to() != null) {
            jpql.append(" AND st.studyDateTime < :to");
            parameters.put("to", c.to().plusDays(1).atStartOfDay());
        }
        if (present(c.modality())) {
            jpql.append(" AND st.modality = :modality");
            parameters.put("modality", c.modality().strip().toUpperCase(Locale.ROOT));
        }
        if (present(c.series())) {
            jpql.append(" AND (LOWER(s.protocol) LIKE :text ").append(LikePattern.ESCAPE)
                    .append(" OR LOWER(s.description) LIKE :text ").append(LikePattern.ESCAPE).append(")");
            parameters.put("text", LikePattern.containing(c.series()));
        }
        jpql.append(" ORDER BY s.id");
        TypedQuery<Series> query = em.createQuery(jpql.toString(), Series.class).setMaxResults(MAX_HITS);
        parameters.forEach(query::setParameter);
        visible.bind(query, "visible");
        if (present(c.subject())) {
            phi.bind(query, "phi");
        }
        List<Hit> hits = query.getResultStream().map(s -> hit(s, phi)).sorted(Comparator.comparing(Hit::subjectUid)
                .thenComparing(Hit::studyNum).thenComparing(Hit::seriesNum)).toList();
        long shown = hits.stream().filter(h -> h.patientName() != null).count();
        if (shown > 0) {
            phiReads.shown(AuditEvent.of(caller.actor(), "search").object("series", null)
                    .detail("patient names of " + shown + " series shown"));
        }
        return hits;
    }

    private static Hit hit(Series s, ProjectScope phi) {
        boolean showName = phi.includes(s.getStudy().getEnrollment().getProject().getId());
        return new Hit(s.getId(), s.getStudy().getSubject().getUid(),
                showName ? s.getStudy().getSubject().getPatientName() : null, s.getStudy().getStudyNum(),
                s.getStudy().getStudyDateTime(), s.getModality(), s.getSeriesNum(), s.getDescription(), s.getProtocol(),
                s.getFileCount());
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
