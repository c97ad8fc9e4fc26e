package org.neuroarchive.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Set;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.common.entity.UpdatableRecord;

/**
 * A key an institutional system presents as {@code Authorization: Bearer na_<keyId>_<secret>}. Only the
 * SHA-256 of the secret is stored (the secret is shown once, when the key is made). A key has site roles
 * and project grants of its own, may expire, and can be revoked.
 */
@Entity
@Table(name = "api_key")
@NamedQuery(name = ApiKey.BY_KEY_ID, query = "SELECT k FROM ApiKey k WHERE k.keyId = :keyId")
@NamedQuery(name = ApiKey.ALL, query = "SELECT k FROM ApiKey k ORDER BY k.id DESC")
public class ApiKey extends UpdatableRecord {

    public static final String BY_KEY_ID = "ApiKey.byKeyId";
    public static final String ALL = "ApiKey.all";

    @Column(name = "key_id", nullable = false, length = 32, updatable = false)
    private String keyId;

    @Column(nullable = false)
    private String name;

    @Column(name = "secret_sha256", nullable = false, length = 64, updatable = false)
    private String secretSha256;

    @Column(name = "site_roles", nullable = false)
    private String siteRoles;

    @Column(name = "created_by", nullable = false, updatable = false)
    private String createdBy;

    @Column(name = "expires_at")
    private LocalDateTime expiresAt;

    @Column(name = "revoked_at")
    private LocalDateTime revokedAt;

    @Column(name = "revoked_by")
    private String revokedBy;

    @Column(name = "last_used_at")
    private LocalDateTime lastUsedAt;

    protected ApiKey() {
    }

    public ApiKey(String keyId, String name, String secretSha256, Set<String> roles, String createdBy,
                  LocalDateTime expiresAt) {
        this.keyId = keyId;
        this.name = ColumnText.clip(name, 255);
        this.secretSha256 = secretSha256;
        this.siteRoles = SiteRoles.format(roles);
        this.createdBy = ColumnText.clip(createdBy, 255);
        this.expiresAt = expiresAt;
    }

    /** Whether the key may be used at {@code now}: not revoked, not expired. */
    public boolean usableAt(LocalDateTime now) {
        return revokedAt == null && (expiresAt == null || now.isBefore(expiresAt));
    }

    public void revoke(String by) {
        if (revokedAt == null) {
            revokedAt = LocalDateTime.now();
            revokedBy = ColumnText.clip(by, 255);
        }
    }

    public void used(LocalDateTime at) {
        lastUsedAt = at;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getName() {
        return name;
    }

    public String getSecretSha256() {
        return secretSha256;
    }

    public Set<String> getSiteRoles() {
        return SiteRoles.parse(siteRoles);
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public LocalDateTime getExpiresAt() {
        return expiresAt;
    }

    public LocalDateTime getRevokedAt() {
        return revokedAt;
    }

    public String getRevokedBy() {
        return revokedBy;
    }

    public LocalDateTime getLastUsedAt() {
        return lastUsedAt;
    }
}
