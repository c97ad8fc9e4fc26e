package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.common.control.Roles;

/**
 * The audit trail for administrators: filtered by actor, action, project, outcome and time, newest
 * first, a page at a time. Every reading is itself recorded (audit.read, with the filter).
 */
@Stateless
public class AuditSearch {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Roles.ADMIN)
    public List<AuditView> search(AuditFilter filter, int offset, int limit) {
        AuditFilter f = filter == null ? AuditFilter.NONE : filter;
        AuditEvent.Builder event = AuditEvent.of(callers.actor(), "audit.read").object("audit", null).detail(f.describe());
        return AuditedChange.run(audit, event, () -> query(f, offset, limit).getResultStream().map(AuditView::of).toList());
    }

    private TypedQuery<AuditEvent> query(AuditFilter f, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM AuditEvent e WHERE 1 = 1");
        Map<String, Object> parameters = new LinkedHashMap<>();
        String actor = blankToNull(f.actor());
        if (actor != null) {
            if (actor.contains(":") || actor.equals("system")) {
                jpql.append(" AND e.actor = :actor");
                parameters.put("actor", actor);
            } else {
                jpql.append(" AND (e.actor = :user OR e.actor = :key)");
                parameters.put("user", "user:" + actor);
                parameters.put("key", "apikey:" + actor);
            }
        }
        String action = blankToNull(f.action());
        if (action != null) {
            jpql.append(" AND (e.action = :action OR e.action LIKE :actions ESCAPE '!')");
            parameters.put("action", action.toLowerCase(Locale.ROOT));
            parameters.put("actions", escapeLike(action.toLowerCase(Locale.ROOT)) + ".%");
        }
        String project = blankToNull(f.project());
        if (project != null) {
            jpql.append(" AND e.project = :project");
            parameters.put("project", project);
        }
        String outcome = blankToNull(f.outcome());
        if (outcome != null) {
            jpql.append(" AND e.outcome = :outcome");
            parameters.put("outcome", outcome(outcome));
        }
        if (f.from() != null) {
            jpql.append(" AND e.createdAt >= :from");
            parameters.put("from", f.from());
        }
        if (f.to() != null) {
            jpql.append(" AND e.createdAt < :to");
            parameters.put("to", f.to());
        }
        jpql.append(" ORDER BY e.id DESC");
        TypedQuery<AuditEvent> query = em.createQuery(jpql.toString(), AuditEvent.class);
        parameters.forEach(query::setParameter);
        return Paging.page(query, offset, limit);
    }

    private static AuditEvent.Outcome outcome(String text) {
        try {
            return AuditEvent.Outcome.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "outcome is allowed, refused or failed; not '"
                    + AdminInput.printable(text) + "'");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
