package org.neuroarchive.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

class ProjectScopeTest {

    private static final Caller ADMIN = new Caller(Actor.user("root"), Set.of(Roles.ADMIN, Roles.USER), Map.of());
    private static final Caller BOB = new Caller(Actor.user("bob"), Set.of(Roles.IMPORTER, Roles.USER), Map.of(
            1L, Set.of(ProjectPermission.VIEW_DATA, ProjectPermission.MODIFY_DATA),
            2L, Set.of(ProjectPermission.VIEW_DATA, ProjectPermission.VIEW_PHI)));

    @Test
    void adminsAndTheSystemSeeEveryProjectWithoutAFilter() {
        for (Caller caller : List.of(ADMIN, Caller.SYSTEM)) {
            ProjectScope scope = ProjectScope.of(caller, ProjectPermission.VIEW_PHI);
            assertTrue(scope.all());
            assertFalse(scope.none());
            assertTrue(scope.includes(42L));
            assertEquals("1 = 1", scope.where("p.id", "projects"));
        }
    }

    @Test
    void othersSeeTheProjectsGrantedThatPermission() {
        ProjectScope data = ProjectScope.of(BOB, ProjectPermission.VIEW_DATA);
        assertEquals(Set.of(1L, 2L), data.projects());
        assertEquals("p.id IN :projects", data.where("p.id", "projects"));
        ProjectScope phi = ProjectScope.of(BOB, ProjectPermission.VIEW_PHI);
        assertTrue(phi.includes(2L));
        assertFalse(phi.includes(1L));
        assertFalse(phi.includes(null));
        assertTrue(phi.includesAny(List.of(3L, 2L)));
        assertTrue(ProjectScope.of(BOB, ProjectPermission.PROJECT_ADMIN).none());
        assertTrue(ProjectScope.of(Caller.NOBODY, ProjectPermission.VIEW_DATA).none());
    }

    @Test
    void theSystemWorkingForAPersonKeepsItsRightsButNamesThePerson() {
        Caller working = new Caller(Actor.user("bob"), Caller.SYSTEM.roles(), Map.of());
        assertTrue(working.unrestricted());
        assertEquals("user:bob", working.actor().text());
    }

    @Test
    void aRefusalNamesTheActorAndTheCostCenter() {
        org.neuroarchive.matching.entity.Project project = new org.neuroarchive.matching.entity.Project("123456", "P");
        assertEquals("user:bob may not modify project 123456", ProjectRights.refusal(BOB, project));
    }
}
