package org.neuroarchive.importlog.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neuroarchive.common.control.LikePattern;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectRights;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * The import log filtered by time range and keyword (file name, message or subject UID, matched
 * literally), newest first; only the lines the caller may see: those of projects it may view, those of
 * the individual imports it may see (its own, and those naming a project it may view), and, for
 * reviewers, the lines of the global import that concern no project yet (problem files, held series,
 * scans). Admins see every line.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportLogSearch {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    ProjectRights projects;

    public List<ImportLogView> search(LocalDateTime from, LocalDateTime to, String keyword, int offset, int limit) {
        Caller caller = callers.current();
        StringBuilder jpql = new StringBuilder("SELECT e FROM ImportLogEntry e WHERE ").append(visible(caller));
        if (from != null) {
            jpql.append(" AND e.createdAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND e.createdAt < :to");
        }
        boolean hasKeyword = keyword != null && !keyword.isBlank();
        if (hasKeyword) {
            jpql.append(" AND (LOWER(e.fileName) LIKE :q ESCAPE '!' OR LOWER(e.message) LIKE :q ESCAPE '!'"
                    + " OR LOWER(e.subjectUid) LIKE :q ESCAPE '!')");
        }
        jpql.append(" ORDER BY e.id DESC");
        TypedQuery<ImportLogEntry> query = bindVisible(caller, em.createQuery(jpql.toString(), ImportLogEntry.class));
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (hasKeyword) {
            query.setParameter("q", LikePattern.containing(keyword));
        }
        return Paging.page(query, offset, limit)
                .getResultStream()
                .map(e -> new ImportLogView(e.getId(), e.getCreatedAt(), e.getOutcome().name().toLowerCase(Locale.ROOT),
                        e.getFileName(), e.getMessage(), e.getBatchId(), e.getSubjectUid(), e.getStudyNum(), e.getSeriesNum(),
                        e.getActor(), e.getNode()))
                .toList();
    }

    /**
     * The lines the caller may see. The individual imports it may see are named by a subquery on
     * {@code ImportRequest} (the same rule as {@code individual.control.ImportAccess}): a query-level
     * reference only, so that this package does not depend on the individual import's code.
     */
    private static String visible(Caller caller) {
        if (caller.unrestricted()) {
            return "1 = 1";
        }
        return "(e.projectId IN :projects OR e.importId IN (SELECT r.id FROM ImportRequest r WHERE r.createdBy = :me"
                + " OR r.project IN :costcenters)"
                + (caller.hasRole(Roles.REVIEWER) ? " OR (e.projectId IS NULL AND e.importId IS NULL)" : "") + ")";
    }

    private <T> TypedQuery<T> bindVisible(Caller caller, TypedQuery<T> query) {
        if (caller.unrestricted()) {
            return query;
        }
        ProjectScope scope = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        Set<String> costcenters = projects.costcenters(scope);
        return scope.bind(query, "projects").setParameter("me", caller.actor().text())
                .setParameter("costcenters", costcenters.isEmpty() ? Set.of("") : costcenters);
    }
}
