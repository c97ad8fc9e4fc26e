package org.neuroarchive.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuroarchive.security.entity.ProjectPermission;

class OidcClaimsTest {

    private static final String ROLES = "resource_access.neuroarchive.roles";

    /** Claims as Keycloak writes them (see the README's example realm). */
    private static Map<String, Object> keycloak() {
        return Map.of("preferred_username", "alice", "name", "Alice Archivist", "email", "alice@example.org",
                "resource_access", Map.of("neuroarchive", Map.of("roles", List.of("importer", "Viewer", "uma_protection")),
                        "account", Map.of("roles", List.of("manage-account"))),
                "realm_access", Map.of("roles", List.of("offline_access", "admin")),
                "neuroarchive_projects", List.of("999999:view-data,view-phi", "888888:view-data", "888888:modify-data"));
    }

    @Test
    void readsLoginNameRolesAndGrantsAsKeycloakWritesThem() {
        OidcClaims.SignOn person = OidcClaims.read(keycloak(), "preferred_username", ROLES, "neuroarchive_projects");
        assertTrue(person.usable());
        assertEquals("alice", person.login());
        assertEquals("Alice Archivist", person.fullName());
        assertEquals("alice@example.org", person.email());
        assertEquals(Set.of("importer", "viewer"), person.roles(), "unknown role names are ignored, case does not matter");
        assertEquals(Map.of("999999", EnumSet.of(ProjectPermission.VIEW_DATA, ProjectPermission.VIEW_PHI),
                "888888", EnumSet.of(ProjectPermission.VIEW_DATA, ProjectPermission.MODIFY_DATA)), person.grants());
        assertEquals(List.of(), person.notes());
    }

    @Test
    void realmRolesAreAnotherPath() {
        OidcClaims.SignOn person = OidcClaims.read(keycloak(), "preferred_username", "realm_access.roles", "neuroarchive_projects");
        assertEquals(Set.of("admin"), person.roles());
    }

    @Test
    void aClientIdWithDotsIsFound() {
        Map<String, Object> claims = Map.of("sub", "x", "preferred_username", "bob",
                "resource_access", Map.of("archive.example.org", Map.of("roles", List.of("reviewer"))));
        assertEquals(Set.of("reviewer"), OidcClaims.read(claims, "preferred_username", "resource_access.archive.example.org.roles",
                "g").roles());
        assertEquals("x", ClaimPath.string(claims, "sub"));
        assertNull(ClaimPath.find(claims, "resource_access.other.roles"));
    }

    @Test
    void noRolesClaimMeansNoRolesWithANote() {
        OidcClaims.SignOn person = OidcClaims.read(Map.of("preferred_username", "carol", "given_name", "Carol", "family_name", "C"),
                "preferred_username", ROLES, "neuroarchive_projects");
        assertEquals(Set.of(), person.roles());
        assertEquals(Map.of(), person.grants());
        assertEquals("Carol C", person.fullName());
        assertEquals("", person.email());
        assertEquals(List.of("no roles claim '" + ROLES + "'"), person.notes());
    }

    @Test
    void aLoginNameThatCannotBeOneIsRefused() {
        assertFalse(OidcClaims.read(Map.of("sub", "x"), "preferred_username", ROLES, "g").usable());
        assertFalse(OidcClaims.read(Map.of("preferred_username", "apikey:0123"), "preferred_username", ROLES, "g").usable(),
                "a colon would make it look like an API key's principal");
        assertFalse(OidcClaims.read(Map.of("preferred_username", "a b"), "preferred_username", ROLES, "g").usable());
        assertFalse(OidcClaims.read(Map.of("preferred_username", "x".repeat(65)), "preferred_username", ROLES, "g").usable());
        assertTrue(OidcClaims.read(Map.of("email", "dora.d+mri@example.org"), "email", ROLES, "g").usable());
    }

    @Test
    void grantsAsOneStringAsAnObjectAndWithMistakes() {
        List<String> notes = new ArrayList<>();
        assertEquals(Map.of("1", EnumSet.of(ProjectPermission.VIEW_DATA), "2", EnumSet.of(ProjectPermission.PROJECT_ADMIN)),
                OidcClaims.grants("1:view-data; 2:project-admin", notes));
        assertEquals(Map.of("3", EnumSet.of(ProjectPermission.VIEW_PHI, ProjectPermission.VIEW_DATA)),
                OidcClaims.grants(Map.of("3", List.of("view-phi", "VIEW_DATA")), notes));
        assertEquals(List.of(), notes);
        Map<String, Set<ProjectPermission>> some = OidcClaims.grants(List.of("4:view-data,delete-all", "nocolon", "5 6:view-data",
                "../x:view-data"), notes);
        assertEquals(Map.of("4", EnumSet.of(ProjectPermission.VIEW_DATA), "6", EnumSet.of(ProjectPermission.VIEW_DATA)), some);
        assertEquals(4, notes.size(), notes.toString());
    }
}
