package org.neuroarchive.security.control;

import java.time.LocalDateTime;
import java.util.List;

/**
 * A key just made, with the whole key text ({@code na_<keyId>_<secret>}): this is the only time anyone
 * sees it; the archive keeps the secret's SHA-256 only.
 */
public record NewApiKey(String keyId, String key, String name, List<String> roles, List<ProjectAccess> projects,
                        String createdBy, LocalDateTime createdAt, LocalDateTime expiresAt) {

    @Override
    public String toString() {
        return "NewApiKey[" + keyId + "]"; // never the secret
    }
}
