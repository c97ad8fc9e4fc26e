package org.neuroarchive.security.control;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.security.entity.SiteRoles;

/**
 * Site roles and project permissions as the API and the screens name them: roles {@code admin},
 * {@code importer}, {@code reviewer}, {@code viewer}, {@code metrics}; permissions {@code view-data}, {@code view-phi},
 * {@code modify-data}, {@code project-admin}. An unknown name is refused as invalid input.
 */
public final class AccessNames {

    /** The permission names in the order lists show them. */
    public static final List<String> PERMISSIONS = EnumSet.allOf(ProjectPermission.class).stream()
            .map(AccessNames::name).toList();

    private AccessNames() {
    }

    public static String name(ProjectPermission permission) {
        return permission.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** {@code permissions} as names, in the order of {@link ProjectPermission}. */
    public static List<String> names(Collection<ProjectPermission> permissions) {
        return EnumSet.allOf(ProjectPermission.class).stream().filter(permissions::contains).map(AccessNames::name).toList();
    }

    /** The permissions named (case and {@code _}/{@code -} do not matter); {@code null} is none. */
    public static Set<ProjectPermission> permissions(Collection<String> names) {
        Set<ProjectPermission> permissions = EnumSet.noneOf(ProjectPermission.class);
        if (names == null) {
            return permissions;
        }
        for (String name : names) {
            String key = name == null ? "" : name.strip().toUpperCase(Locale.ROOT).replace('-', '_');
            try {
                permissions.add(ProjectPermission.valueOf(key));
            } catch (IllegalArgumentException unknown) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "unknown permission '" + AdminInput.printable(name)
                        + "' (known: " + String.join(", ", PERMISSIONS) + ")");
            }
        }
        return permissions;
    }

    /** The site roles named; {@code null} is none. */
    public static Set<String> roles(Collection<String> names) {
        if (names == null) {
            return Set.of();
        }
        for (String name : names) {
            if (name == null || name.isBlank() || name.contains(",")) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "unknown site role '" + AdminInput.printable(name)
                        + "' (known: " + String.join(", ", Roles.SITE_ROLES) + ")");
            }
        }
        try {
            return SiteRoles.parse(String.join(",", names));
        } catch (IllegalArgumentException unknown) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, AdminInput.printable(unknown.getMessage()));
        }
    }

    /** {@code roles} as a list in the order of {@link Roles#SITE_ROLES}. */
    public static List<String> roleList(Collection<String> roles) {
        return Roles.SITE_ROLES.stream().filter(roles::contains).toList();
    }
}
