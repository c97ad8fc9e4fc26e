package org.neuroarchive.common.control;

import java.util.List;

/**
 * The role names the container checks ({@code @RolesAllowed}); every feature names them, so they live in common: the five site roles of an account or
 * API key, and {@link #SYSTEM}, the identity message-driven beans and timers run as ({@code @RunAs}).
 * Every authenticated caller also has {@link #USER}. An {@link #ADMIN} has every site role.
 */
public final class Roles {

    /** Users, settings, every project. */
    public static final String ADMIN = "admin";
    /** Creates individual imports, triggers scans. */
    public static final String IMPORTER = "importer";
    /** Works the held, failed and problem queues (which belong to no project yet). */
    public static final String REVIEWER = "reviewer";
    /** Reads what the projects granted to them show. */
    public static final String VIEWER = "viewer";
    /** Reads the metrics ({@code /api/metrics}), e.g. Prometheus with an API key; nothing else. */
    public static final String METRICS = "metrics";
    /** Any authenticated caller, whatever its site roles. */
    public static final String USER = "user";
    /** Timers and message-driven beans, working on behalf of whoever started the work. */
    public static final String SYSTEM = "system";

    /** The site roles an account or key can be given, in the order screens list them. */
    public static final List<String> SITE_ROLES = List.of(ADMIN, IMPORTER, REVIEWER, VIEWER, METRICS);

    private Roles() {
    }
}
