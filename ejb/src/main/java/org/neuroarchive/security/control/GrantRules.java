package org.neuroarchive.security.control;

import java.util.Collection;
import java.util.Set;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * Who may grant what, as NiDB has it and a little stricter. A project the caller holds no grant on does
 * not exist for it (404); seeing a project is not administering it (403 without
 * {@link ProjectPermission#PROJECT_ADMIN}). An administrator may do everything. A project admin makes API
 * keys only for its own projects, with at most the roles {@code viewer} and {@code importer} and
 * without {@code project-admin}; a key never makes keys unless it is an administrator's.
 */
public final class GrantRules {

    /** The site roles a project admin may give a key. */
    public static final Set<String> PROJECT_ADMIN_KEY_ROLES = Set.of(Roles.VIEWER, Roles.IMPORTER);

    /** A project a key is to be granted on: its id, cost center and the permissions asked for. */
    public record KeyProject(long projectId, String costcenter, Set<ProjectPermission> permissions) {
    }

    private GrantRules() {
    }

    /** Whether the caller may know that the project exists. */
    public static boolean sees(Caller caller, long projectId) {
        return caller.unrestricted() || caller.grants().containsKey(projectId);
    }

    /** Whether the caller may change grants on the project and make keys for it. */
    public static boolean administers(Caller caller, long projectId) {
        return caller.may(ProjectPermission.PROJECT_ADMIN, projectId);
    }

    /** Refuses unless the caller administers the project: 404 when it cannot see it, 403 when it only sees it. */
    public static void requireAdministers(Caller caller, long projectId, String costcenter) {
        if (!sees(caller, projectId)) {
            throw notFound(costcenter);
        }
        if (!administers(caller, projectId)) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, "granting on project " + costcenter
                    + " needs the permission project-admin on it");
        }
    }

    /** Refuses, before anything else is looked at, a caller who may make no key at all. */
    public static void requireMayCreateSomeKey(Caller caller) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        if (caller.actor().kind() != Actor.Kind.USER) {
            throw forbidden("an API key cannot make API keys unless it has the role admin");
        }
        if (caller.projectsWith(ProjectPermission.PROJECT_ADMIN).isEmpty()) {
            throw forbidden("making API keys needs the role admin or the permission project-admin on a project");
        }
    }

    /** Refuses a key the caller may not make. */
    public static void requireMayCreateKey(Caller caller, Set<String> roles, Collection<KeyProject> projects) {
        if (caller.hasRole(Roles.ADMIN)) {
            return;
        }
        if (caller.actor().kind() != Actor.Kind.USER) {
            throw forbidden("an API key cannot make API keys unless it has the role admin");
        }
        if (!PROJECT_ADMIN_KEY_ROLES.containsAll(roles)) {
            throw forbidden("a project admin gives keys only the roles viewer and importer");
        }
        if (projects.isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.INVALID,
                    "name at least one project you administer for the key (\"projects\":[{\"costcenter\":…,\"permissions\":[…]}])");
        }
        for (KeyProject project : projects) {
            requireAdministers(caller, project.projectId(), project.costcenter());
            if (project.permissions().contains(ProjectPermission.PROJECT_ADMIN)) {
                throw forbidden("only an administrator gives a key project-admin");
            }
        }
    }

    /** Whether the caller may see, list and revoke a key made by {@code createdBy} (an actor's text). */
    public static boolean mayManageKey(Caller caller, String createdBy) {
        return caller.hasRole(Roles.ADMIN) || caller.actor().text().equals(createdBy);
    }

    static RequestRejected notFound(String costcenter) {
        return new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no project with cost center " + AdminInput.printable(costcenter));
    }

    private static RequestRejected forbidden(String message) {
        return new RequestRejected(RequestRejected.Reason.FORBIDDEN, message);
    }
}
