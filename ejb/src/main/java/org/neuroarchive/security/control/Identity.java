package org.neuroarchive.security.control;

import java.util.Set;
import org.neuroarchive.audit.entity.Actor;

/**
 * An authenticated caller as the web tier hands it to the container: the principal name (an account's
 * login, or {@code apikey:<key id>}), the container groups (site roles and {@code user}), and the actor
 * the audit trail names.
 */
public record Identity(String principal, Set<String> groups, Actor actor) {

    public static final String API_KEY_PREFIX = "apikey:";

    public Identity {
        groups = Set.copyOf(groups);
    }

    /** The actor a container principal name stands for: an API key ({@code apikey:<id>}) or an account. */
    public static Actor actorOf(String principal) {
        if (principal == null || principal.isBlank()) {
            return Actor.SYSTEM;
        }
        return principal.startsWith(API_KEY_PREFIX) ? Actor.apiKey(principal.substring(API_KEY_PREFIX.length()))
                : Actor.user(principal);
    }
}
