package org.neuroarchive.web.security;

/** Where to go after logging in: a path inside the application, never another site. */
final class LocalTarget {

    private LocalTarget() {
    }

    /** {@code next} when it is a path of ours ({@code /imports?x=1}), otherwise {@code /}. */
    static String of(String next) {
        if (next == null || next.isBlank() || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")
                || next.contains("\r") || next.contains("\n") || next.startsWith("/auth/") || next.length() > 2000) {
            return "/";
        }
        return next;
    }
}
