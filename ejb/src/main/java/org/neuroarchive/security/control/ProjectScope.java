package org.neuroarchive.security.control;

import jakarta.persistence.Query;
import java.util.Collection;
import java.util.Set;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * The projects (by id) on which a caller holds one permission, for the filters of queries:
 * {@link #all()} for admins and the system (no filter), {@link #none()} when nothing is granted (the
 * query need not run: an empty {@code IN ()} is not valid everywhere).
 */
public record ProjectScope(Set<Long> projects) {

    public static final ProjectScope ALL = new ProjectScope(null);

    public ProjectScope {
        projects = projects == null ? null : Set.copyOf(projects);
    }

    public static ProjectScope of(Caller caller, ProjectPermission permission) {
        return new ProjectScope(caller.projectsWith(permission));
    }

    public boolean all() {
        return projects == null;
    }

    public boolean none() {
        return projects != null && projects.isEmpty();
    }

    public boolean includes(Long projectId) {
        return all() || projectId != null && projects.contains(projectId);
    }

    /** Whether any of {@code projectIds} is included. */
    public boolean includesAny(Collection<Long> projectIds) {
        return all() || projectIds.stream().anyMatch(projects::contains);
    }

    /**
     * A JPQL condition: {@code path} (a project id) in the scope, as parameter {@code parameter};
     * {@code 1 = 1} when every project is in it. Bind it with {@link #bind(Query, String)}.
     */
    public String where(String path, String parameter) {
        return all() ? "1 = 1" : path + " IN :" + parameter;
    }

    public <Q extends Query> Q bind(Q query, String parameter) {
        if (!all()) {
            query.setParameter(parameter, none() ? Set.of(-1L) : projects);
        }
        return query;
    }
}
