package org.neuroarchive.security.entity;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroarchive.common.control.Roles;

/** A set of site roles as stored in a column: comma-separated names from {@link Roles#SITE_ROLES}. */
public final class SiteRoles {

    private SiteRoles() {
    }

    /** The roles named in {@code text}; an unknown name is refused with an {@link IllegalArgumentException}. */
    public static Set<String> parse(String text) {
        if (text == null || text.isBlank()) {
            return Set.of();
        }
        Set<String> roles = new LinkedHashSet<>();
        for (String name : text.split(",")) {
            String role = name.strip().toLowerCase(Locale.ROOT);
            if (role.isEmpty()) {
                continue;
            }
            if (!Roles.SITE_ROLES.contains(role)) {
                throw new IllegalArgumentException("unknown site role '" + name.strip() + "' (known: "
                        + String.join(", ", Roles.SITE_ROLES) + ")");
            }
            roles.add(role);
        }
        return Set.copyOf(roles);
    }

    /** The column text of {@code roles}, in the order of {@link Roles#SITE_ROLES}. */
    public static String format(Set<String> roles) {
        return Roles.SITE_ROLES.stream().filter(roles::contains).collect(Collectors.joining(","));
    }

    /**
     * The container groups of a caller with these site roles: the roles, {@link Roles#USER}, and every
     * site role for an {@link Roles#ADMIN}.
     */
    public static Set<String> groups(Set<String> roles) {
        Set<String> groups = new LinkedHashSet<>(roles.contains(Roles.ADMIN) ? Roles.SITE_ROLES : roles);
        groups.add(Roles.USER);
        return Set.copyOf(groups);
    }

    public static Set<String> of(String... roles) {
        return parse(Arrays.stream(roles).collect(Collectors.joining(",")));
    }
}
