package org.neuroarchive.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import java.util.Set;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.common.entity.UpdatableRecord;

/** A person who logs in: login name, full name, e-mail, whether enabled, site roles, and a password hash. */
@Entity
@Table(name = "account")
@NamedQuery(name = Account.BY_LOGIN, query = "SELECT a FROM Account a WHERE a.login = :login")
@NamedQuery(name = Account.ALL, query = "SELECT a FROM Account a ORDER BY a.login")
@NamedQuery(name = Account.COUNT, query = "SELECT COUNT(a) FROM Account a")
public class Account extends UpdatableRecord {

    public static final String BY_LOGIN = "Account.byLogin";
    public static final String ALL = "Account.all";
    public static final String COUNT = "Account.count";

    /** Where an account came from. */
    public enum Origin { LOCAL, OIDC }

    @Column(nullable = false, length = 64, updatable = false)
    private String login;

    @Column(name = "full_name", nullable = false)
    private String fullName;

    @Column(nullable = false)
    private String email;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "password_hash", length = 512)
    private String passwordHash;

    @Column(name = "site_roles", nullable = false)
    private String siteRoles;

    @Column(nullable = false, length = 16)
    private String origin;

    @Column(name = "last_login_at")
    private LocalDateTime lastLoginAt;

    protected Account() {
    }

    public Account(String login, String fullName, String email, Set<String> roles, Origin origin) {
        this.login = login;
        this.fullName = ColumnText.clip(fullName == null ? "" : fullName, 255);
        this.email = ColumnText.clip(email == null ? "" : email, 255);
        this.enabled = true;
        this.siteRoles = SiteRoles.format(roles);
        this.origin = origin.name().toLowerCase(java.util.Locale.ROOT);
    }

    public String getLogin() {
        return login;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public Set<String> getSiteRoles() {
        return SiteRoles.parse(siteRoles);
    }

    public Origin getOrigin() {
        return Origin.valueOf(origin.toUpperCase(java.util.Locale.ROOT));
    }

    public LocalDateTime getLastLoginAt() {
        return lastLoginAt;
    }

    public void describe(String fullName, String email) {
        this.fullName = ColumnText.clip(fullName == null ? "" : fullName, 255);
        this.email = ColumnText.clip(email == null ? "" : email, 255);
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public void setSiteRoles(Set<String> roles) {
        this.siteRoles = SiteRoles.format(roles);
    }

    public void loggedIn() {
        this.lastLoginAt = LocalDateTime.now();
    }
}
