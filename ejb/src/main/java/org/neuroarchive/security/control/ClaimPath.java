package org.neuroarchive.security.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds a claim by a path with dots, as Keycloak writes nested claims: {@code realm_access.roles},
 * {@code resource_access.neuroarchive.roles}. A name that itself contains dots (a client id such as
 * {@code archive.example.org}) is found too: at each level the longest name present wins.
 */
final class ClaimPath {

    private ClaimPath() {
    }

    /** The value at {@code path}: a string, number, boolean, list or map; {@code null} when absent. */
    static Object find(Map<String, ?> claims, String path) {
        if (claims == null || path == null || path.isEmpty()) {
            return null;
        }
        if (claims.containsKey(path)) {
            return claims.get(path);
        }
        String[] parts = path.split("\\.");
        for (int end = parts.length - 1; end >= 1; end--) {
            String head = String.join(".", java.util.Arrays.copyOfRange(parts, 0, end));
            Object value = claims.get(head);
            if (value instanceof Map<?, ?> nested) {
                @SuppressWarnings("unchecked")
                Map<String, ?> inner = (Map<String, ?>) nested;
                Object found = find(inner, String.join(".", java.util.Arrays.copyOfRange(parts, end, parts.length)));
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    /** The strings at {@code path}: a single string, or the strings of a list; empty when absent. */
    static List<String> strings(Map<String, ?> claims, String path) {
        Object value = find(claims, path);
        List<String> strings = new ArrayList<>();
        if (value instanceof Collection<?> list) {
            for (Object item : list) {
                if (item instanceof String s) {
                    strings.add(s);
                }
            }
        } else if (value instanceof String s) {
            strings.add(s);
        }
        return strings;
    }

    /** A single string claim (the first one of a list), or {@code null}. */
    static String string(Map<String, ?> claims, String path) {
        List<String> values = strings(claims, path);
        return values.isEmpty() ? null : values.get(0);
    }
}
