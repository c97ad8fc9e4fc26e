package org.neuroarchive.security.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * What a verified ID token or access token says about its person, read with the configured claim names:
 * <ul>
 * <li>the login name (e.g. {@code preferred_username}): 1 to 64 letters, digits and {@code . _ @ + -};</li>
 * <li>full name ({@code name}, else {@code given_name family_name}) and e-mail ({@code email});</li>
 * <li>site roles: the values of the roles claim that name one ({@code admin}, {@code importer},
 * {@code reviewer}, {@code viewer}, {@code metrics}, any case); other values (Keycloak's {@code offline_access}, …) are
 * ignored;</li>
 * <li>project grants: entries {@code <costcenter>:<permission>[,<permission>…]} with the permissions
 * {@code view-data}, {@code view-phi}, {@code modify-data}, {@code project-admin}, as a list of strings or
 * one string with entries separated by blanks or {@code ;}; or an object {@code {"<costcenter>":
 * ["view-data", …]}}. Entries of one cost center add up; unknown permissions are ignored with a note.</li>
 * </ul>
 */
public final class OidcClaims {

    private static final Pattern LOGIN = Pattern.compile("[\\p{L}\\p{N}._@+-]{1,64}");
    private static final Pattern COSTCENTER = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    /** A person as the token describes them, with notes on what was ignored; {@code refusal} when unusable. */
    public record SignOn(String login, String fullName, String email, Set<String> roles,
                         Map<String, Set<ProjectPermission>> grants, List<String> notes, String refusal) {
        public boolean usable() {
            return refusal == null;
        }
    }

    private OidcClaims() {
    }

    public static SignOn read(Map<String, ?> claims, String loginClaim, String rolesClaim, String grantsClaim) {
        List<String> notes = new ArrayList<>();
        String login = ClaimPath.string(claims, loginClaim);
        if (login == null || login.isBlank()) {
            return refused("the token has no login name in claim '" + loginClaim + "'");
        }
        login = login.strip();
        if (!LOGIN.matcher(login).matches()) {
            return refused("the login name in claim '" + loginClaim + "' is not usable here (1 to 64 letters, digits, . _ @ + -)");
        }
        String fullName = ClaimPath.string(claims, "name");
        if (fullName == null) {
            fullName = String.join(" ", nonNull(ClaimPath.string(claims, "given_name")),
                    nonNull(ClaimPath.string(claims, "family_name"))).strip();
        }
        String email = nonNull(ClaimPath.string(claims, "email")).strip();
        Set<String> roles = new LinkedHashSet<>();
        for (String value : ClaimPath.strings(claims, rolesClaim)) {
            String role = value.strip().toLowerCase(Locale.ROOT);
            if (Roles.SITE_ROLES.contains(role)) {
                roles.add(role);
            }
        }
        if (ClaimPath.find(claims, rolesClaim) == null) {
            notes.add("no roles claim '" + rolesClaim + "'");
        }
        Map<String, Set<ProjectPermission>> grants = grants(ClaimPath.find(claims, grantsClaim), notes);
        return new SignOn(login, fullName, email, Set.copyOf(roles), grants, List.copyOf(notes), null);
    }

    /** The grants a claim value describes (see the class comment); {@code notes} collects what was ignored. */
    static Map<String, Set<ProjectPermission>> grants(Object value, List<String> notes) {
        Map<String, Set<ProjectPermission>> grants = new LinkedHashMap<>();
        if (value instanceof Map<?, ?> object) {
            for (Map.Entry<?, ?> entry : object.entrySet()) {
                Collection<?> names = entry.getValue() instanceof Collection<?> c ? c : List.of(String.valueOf(entry.getValue()));
                add(grants, String.valueOf(entry.getKey()), names.stream().map(String::valueOf).toList(), notes);
            }
            return grants;
        }
        List<String> entries = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            list.forEach(item -> entries.addAll(split(String.valueOf(item))));
        } else if (value instanceof String text) {
            entries.addAll(split(text));
        }
        for (String entry : entries) {
            int colon = entry.indexOf(':');
            if (colon <= 0) {
                notes.add("grant entry '" + printable(entry) + "' is not <costcenter>:<permissions>");
                continue;
            }
            add(grants, entry.substring(0, colon), List.of(entry.substring(colon + 1).split(",")), notes);
        }
        return grants;
    }

    private static void add(Map<String, Set<ProjectPermission>> grants, String costcenter, List<String> names, List<String> notes) {
        String project = costcenter.strip();
        if (!COSTCENTER.matcher(project).matches()) {
            notes.add("grant for '" + printable(project) + "' ignored: not a cost center");
            return;
        }
        Set<ProjectPermission> permissions = grants.computeIfAbsent(project, p -> EnumSet.noneOf(ProjectPermission.class));
        for (String name : names) {
            String clean = name.strip().toLowerCase(Locale.ROOT);
            if (clean.isEmpty()) {
                continue;
            }
            ProjectPermission permission = permission(clean);
            if (permission == null) {
                notes.add("unknown permission '" + printable(clean) + "' for " + project);
            } else {
                permissions.add(permission);
            }
        }
    }

    /** {@code view-data} → {@link ProjectPermission#VIEW_DATA}; {@code null} for anything else. */
    static ProjectPermission permission(String name) {
        try {
            return ProjectPermission.valueOf(name.replace('-', '_').toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static List<String> split(String text) {
        return java.util.Arrays.stream(text.split("[\\s;]+")).filter(s -> !s.isEmpty()).toList();
    }

    private static SignOn refused(String why) {
        return new SignOn(null, null, null, Set.of(), Map.of(), List.of(), why);
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }

    static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 40 ? clean.substring(0, 40) + "…" : clean;
    }
}
