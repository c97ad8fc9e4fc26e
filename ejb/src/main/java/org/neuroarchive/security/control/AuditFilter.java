package org.neuroarchive.security.control;

import java.time.LocalDateTime;

/**
 * Which audit rows to read; {@code null} fields do not filter. {@code actor}: an actor's text
 * ({@code user:alice}, {@code apikey:…}, {@code system}) or a bare name (a login or key id);
 * {@code action}: an action ({@code grant.set}) or its object ({@code grant}: every grant action);
 * {@code project}: a cost center; {@code outcome}: allowed, refused or failed; {@code from} inclusive,
 * {@code to} exclusive.
 */
public record AuditFilter(String actor, String action, String project, String outcome, LocalDateTime from,
                          LocalDateTime to) {

    public static final AuditFilter NONE = new AuditFilter(null, null, null, null, null, null);

    /** The filter as the audit row of its reading describes it. */
    public String describe() {
        StringBuilder text = new StringBuilder();
        append(text, "actor", actor);
        append(text, "action", action);
        append(text, "project", project);
        append(text, "outcome", outcome);
        append(text, "from", from == null ? null : from.toString());
        append(text, "to", to == null ? null : to.toString());
        return text.isEmpty() ? "no filter" : text.toString().strip();
    }

    private static void append(StringBuilder text, String name, String value) {
        if (value != null && !value.isBlank()) {
            text.append(name).append('=').append(AdminInput.printable(value.strip())).append(' ');
        }
    }
}
