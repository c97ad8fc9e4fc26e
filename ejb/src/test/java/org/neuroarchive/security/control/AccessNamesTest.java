package org.neuroarchive.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.entity.ProjectPermission;

class AccessNamesTest {

    @Test
    void permissionsHaveTheirJsonNames() {
        assertEquals(List.of("view-data", "view-phi", "modify-data", "project-admin"), AccessNames.PERMISSIONS);
        assertEquals(List.of("view-data", "project-admin"),
                AccessNames.names(EnumSet.of(ProjectPermission.PROJECT_ADMIN, ProjectPermission.VIEW_DATA)));
    }

    @Test
    void permissionNamesAreParsedWhateverTheirSpelling() {
        assertEquals(EnumSet.of(ProjectPermission.VIEW_PHI, ProjectPermission.MODIFY_DATA),
                AccessNames.permissions(List.of("view-phi", " MODIFY_DATA ")));
        assertEquals(Set.of(), AccessNames.permissions(null));
        assertEquals(Set.of(), AccessNames.permissions(List.of()));
    }

    @Test
    void anUnknownPermissionIsInvalid() {
        RequestRejected rejected = assertThrows(RequestRejected.class, () -> AccessNames.permissions(List.of("view-data", "root")));
        assertEquals(RequestRejected.Reason.INVALID, rejected.reason());
        assertTrue(rejected.getMessage().contains("unknown permission 'root'"), rejected.getMessage());
        assertThrows(RequestRejected.class, () -> AccessNames.permissions(Arrays.asList((String) null)));
    }

    @Test
    void rolesAreParsedAndListedInTheirOrder() {
        assertEquals(Set.of("viewer", "admin"), AccessNames.roles(List.of("Viewer", "admin")));
        assertEquals(List.of("admin", "viewer"), AccessNames.roleList(Set.of("viewer", "admin", "user")));
        assertEquals(Set.of(), AccessNames.roles(null));
        for (List<String> bad : List.of(List.of("root"), List.of("viewer,admin"), List.of(" "), List.of("system"), List.of("user"))) {
            RequestRejected rejected = assertThrows(RequestRejected.class, () -> AccessNames.roles(bad), bad.toString());
            assertEquals(RequestRejected.Reason.INVALID, rejected.reason());
        }
    }
}
