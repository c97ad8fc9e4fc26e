package org.neuroarchive.security.control;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * Who is calling a service, with what they may do: their site roles and their permissions per project
 * (by project id). An {@link Roles#ADMIN} may do everything on every project; {@link #SYSTEM} (timers,
 * message-driven beans) too, on behalf of whoever started the work.
 */
public record Caller(Actor actor, Set<String> roles, Map<Long, Set<ProjectPermission>> grants) {

    public static final Caller SYSTEM = new Caller(Actor.SYSTEM, Set.of(Roles.SYSTEM), Map.of());
    /** A caller without any right (an unknown or disabled principal). */
    public static final Caller NOBODY = new Caller(Actor.SYSTEM, Set.of(), Map.of());

    public Caller {
        roles = Set.copyOf(roles);
        grants = Map.copyOf(grants);
    }

    /** Sees and may change every project. */
    public boolean unrestricted() {
        return roles.contains(Roles.ADMIN) || roles.contains(Roles.SYSTEM);
    }

    public boolean hasRole(String role) {
        return unrestricted() || roles.contains(role);
    }

    /** Whether the caller holds {@code permission} on project {@code projectId}. */
    public boolean may(ProjectPermission permission, Long projectId) {
        if (unrestricted()) {
            return true;
        }
        if (projectId == null) {
            return false;
        }
        Set<ProjectPermission> held = grants.get(projectId);
        return held != null && held.contains(permission);
    }

    /**
     * The projects on which the caller holds {@code permission}; {@code null} when the caller is
     * {@link #unrestricted()} (every project, including those created later).
     */
    public Set<Long> projectsWith(ProjectPermission permission) {
        if (unrestricted()) {
            return null;
        }
        return grants.entrySet().stream().filter(e -> e.getValue().contains(permission)).map(Map.Entry::getKey)
                .collect(Collectors.toUnmodifiableSet());
    }
}
