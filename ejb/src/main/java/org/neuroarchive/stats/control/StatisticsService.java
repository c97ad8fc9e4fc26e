package org.neuroarchive.stats.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * Counts from the database, as far as the caller may see: subjects, studies, series, instances and
 * duplicates of the projects it may view. The queues of the global import (held, failed, problem,
 * queued, waiting and received files) belong to no project yet: they are counted for reviewers and
 * admins, and 0 for everyone else; so are the nodes (servers) and what each archived. Every node answers
 * the same: each figure comes from the database, none from the memory of the node that answers.
 */
@Stateless
@RolesAllowed(Roles.USER)
public class StatisticsService {

    @PersistenceContext
    EntityManager em;

    @Inject
    NodeFigures nodeFigures;

    @Inject
    Callers callers;

    public ArchiveStats current() {
        Caller caller = callers.current();
        ProjectScope visible = ProjectScope.of(caller, ProjectPermission.VIEW_DATA);
        boolean queues = caller.hasRole(Roles.REVIEWER);
        List<NodeStats> nodes = queues ? nodeFigures.nodes(em) : List.of();
        return new ArchiveStats(
                count(visible, "SELECT COUNT(s) FROM Subject s", "SELECT COUNT(s) FROM Subject s WHERE EXISTS "
                        + "(SELECT e FROM Enrollment e WHERE e.subject = s AND e.project.id IN :projects)"),
                count(visible, "SELECT COUNT(s) FROM Study s", "SELECT COUNT(s) FROM Study s WHERE s.enrollment.project.id IN :projects"),
                count(visible, "SELECT COUNT(s) FROM Series s",
                        "SELECT COUNT(s) FROM Series s WHERE s.study.enrollment.project.id IN :projects"),
                // instances from the series' own counts (kept by every archive transaction): one row per
                // series is read, not one per instance (COUNT over instance reads all of an index on
                // MariaDB, and on H2 as soon as another transaction is open: seconds at 1,000,000)
                count(visible, "SELECT SUM(s.fileCount) FROM Series s",
                        "SELECT SUM(s.fileCount) FROM Series s WHERE s.study.enrollment.project.id IN :projects"),
                queues ? count(ProjectScope.ALL, "SELECT COUNT(p) FROM ProblemFile p", null) : 0,
                queues ? em.createNamedQuery(ClaimedSeries.FILES_BY_STATUS, Number.class)
                        .setParameter("status", ClaimedSeries.Status.HELD).getSingleResult().longValue() : 0,
                duplicates(visible),
                queues ? batches(ClaimedSeries.Status.QUEUED) : 0,
                queues ? batches(ClaimedSeries.Status.FAILED) : 0,
                queues ? batches(ClaimedSeries.Status.HELD) : 0,
                queues ? nodeFigures.waitingFiles() : 0,
                NodeFigures.objectsReceived(nodes),
                nodes);
    }

    /** Duplicate files logged: all of them for admins, those logged with a project the caller may view otherwise. */
    private long duplicates(ProjectScope visible) {
        if (visible.all()) {
            return em.createNamedQuery(ImportLogEntry.COUNT_BY_OUTCOME, Long.class)
                    .setParameter("outcome", ImportLogEntry.Outcome.DUPLICATE).getSingleResult();
        }
        if (visible.none()) {
            return 0;
        }
        return visible.bind(em.createQuery("SELECT COUNT(e) FROM ImportLogEntry e WHERE e.outcome = :outcome AND "
                        + visible.where("e.projectId", "projects"), Long.class), "projects")
                .setParameter("outcome", ImportLogEntry.Outcome.DUPLICATE).getSingleResult();
    }

    private long batches(ClaimedSeries.Status status) {
        return em.createNamedQuery(ClaimedSeries.COUNT_BY_STATUS, Long.class).setParameter("status", status).getSingleResult();
    }

    /** {@code all} for callers who see every project, {@code scoped} (with {@code :projects}) for the others. */
    private long count(ProjectScope visible, String all, String scoped) {
        if (visible.all()) {
            return number(em.createQuery(all, Number.class).getSingleResult());
        }
        if (visible.none()) {
            return 0;
        }
        return number(visible.bind(em.createQuery(scoped, Number.class), "projects").getSingleResult());
    }

    /** A COUNT, or a SUM (null over no rows). */
    private static long number(Number value) {
        return value == null ? 0 : value.longValue();
    }
}
