package org.neuroarchive.security.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.security.entity.SiteRoles;

class GrantRulesTest {

    private static final long OWN = 1;
    private static final long SEEN = 2;
    private static final long HIDDEN = 3;

    private static final Caller ADMIN = new Caller(Actor.user("root"), SiteRoles.groups(Set.of(Roles.ADMIN)), Map.of());
    private static final Caller PROJECT_ADMIN = new Caller(Actor.user("pa"), SiteRoles.groups(Set.of(Roles.VIEWER)), Map.of(
            OWN, EnumSet.of(ProjectPermission.VIEW_DATA, ProjectPermission.PROJECT_ADMIN),
            SEEN, EnumSet.of(ProjectPermission.VIEW_DATA)));

    @Test
    void aProjectAdminAdministersItsProjectOnly() {
        assertDoesNotThrow(() -> GrantRules.requireAdministers(PROJECT_ADMIN, OWN, "own"));
        assertEquals(RequestRejected.Reason.FORBIDDEN, reason(() -> GrantRules.requireAdministers(PROJECT_ADMIN, SEEN, "seen")));
        assertEquals(RequestRejected.Reason.NOT_FOUND, reason(() -> GrantRules.requireAdministers(PROJECT_ADMIN, HIDDEN, "hidden")));
        assertDoesNotThrow(() -> GrantRules.requireAdministers(ADMIN, HIDDEN, "hidden"));
        assertTrue(GrantRules.sees(PROJECT_ADMIN, SEEN));
        assertFalse(GrantRules.sees(PROJECT_ADMIN, HIDDEN));
        assertTrue(GrantRules.sees(Caller.SYSTEM, HIDDEN));
        assertFalse(GrantRules.sees(Caller.NOBODY, OWN));
    }

    @Test
    void aProjectAdminMakesModestKeysForItsProjects() {
        assertDoesNotThrow(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN, Set.of(Roles.VIEWER, Roles.IMPORTER),
                List.of(project(OWN, ProjectPermission.VIEW_DATA, ProjectPermission.MODIFY_DATA))));
        assertEquals(RequestRejected.Reason.FORBIDDEN, reason(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN,
                Set.of(Roles.REVIEWER), List.of(project(OWN, ProjectPermission.VIEW_DATA)))));
        assertEquals(RequestRejected.Reason.FORBIDDEN, reason(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN,
                Set.of(Roles.ADMIN), List.of(project(OWN, ProjectPermission.VIEW_DATA)))));
        assertEquals(RequestRejected.Reason.FORBIDDEN, reason(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN,
                Set.of(), List.of(project(SEEN, ProjectPermission.VIEW_DATA)))));
        assertEquals(RequestRejected.Reason.NOT_FOUND, reason(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN,
                Set.of(), List.of(project(HIDDEN, ProjectPermission.VIEW_DATA)))));
        assertEquals(RequestRejected.Reason.FORBIDDEN, reason(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN,
                Set.of(), List.of(project(OWN, ProjectPermission.PROJECT_ADMIN)))));
        assertEquals(RequestRejected.Reason.INVALID, reason(() -> GrantRules.requireMayCreateKey(PROJECT_ADMIN, Set.of(), List.of())));
    }

    @Test
    void anAdministratorMakesAnyKeyAndAKeyMakesNone() {
        assertDoesNotThrow(() -> GrantRules.requireMayCreateKey(ADMIN, Set.of(Roles.ADMIN), List.of()));
        Caller key = new Caller(Actor.apiKey("0123456789abcdef"), PROJECT_ADMIN.roles(), PROJECT_ADMIN.grants());
        assertEquals(RequestRejected.Reason.FORBIDDEN, reason(() -> GrantRules.requireMayCreateKey(key, Set.of(Roles.VIEWER),
                List.of(project(OWN, ProjectPermission.VIEW_DATA)))));
    }

    @Test
    void keysAreManagedByTheirMakerAndAdministrators() {
        assertTrue(GrantRules.mayManageKey(PROJECT_ADMIN, "user:pa"));
        assertFalse(GrantRules.mayManageKey(PROJECT_ADMIN, "user:someone"));
        assertTrue(GrantRules.mayManageKey(ADMIN, "user:someone"));
    }

    private static GrantRules.KeyProject project(long id, ProjectPermission... permissions) {
        return new GrantRules.KeyProject(id, "cc" + id, EnumSet.copyOf(List.of(permissions)));
    }

    private static RequestRejected.Reason reason(Runnable check) {
        return assertThrows(RequestRejected.class, check::run).reason();
    }
}
