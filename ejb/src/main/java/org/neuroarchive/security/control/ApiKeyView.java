package org.neuroarchive.security.control;

import java.time.LocalDateTime;
import java.util.List;
import org.neuroarchive.security.entity.ApiKey;

/** An API key as lists show it: never its secret. {@code createdBy} is the actor text of its maker. */
public record ApiKeyView(String keyId, String name, List<String> roles, List<ProjectAccess> projects, String createdBy,
                         LocalDateTime createdAt, LocalDateTime expiresAt, LocalDateTime revokedAt,
                         LocalDateTime lastUsedAt) {

    public static ApiKeyView of(ApiKey key, List<ProjectAccess> projects) {
        return new ApiKeyView(key.getKeyId(), key.getName(), AccessNames.roleList(key.getSiteRoles()), projects,
                key.getCreatedBy(), key.getCreatedAt(), key.getExpiresAt(), key.getRevokedAt(), key.getLastUsedAt());
    }

    /** Neither revoked nor expired. */
    public boolean active() {
        return revokedAt == null && (expiresAt == null || LocalDateTime.now().isBefore(expiresAt));
    }
}
