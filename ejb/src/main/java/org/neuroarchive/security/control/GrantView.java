package org.neuroarchive.security.control;

import java.util.List;

/** Permissions on one project held by an account ({@code login}) or an API key ({@code keyId}); the other is null. */
public record GrantView(String login, String keyId, List<String> permissions) {
}
