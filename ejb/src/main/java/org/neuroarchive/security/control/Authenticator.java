package org.neuroarchive.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.logging.Logger;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.ClientAddress;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.OidcSettings;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.security.entity.ApiKey;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.security.entity.SiteRoles;

/**
 * Checks credentials for the web tier: a login and password (form login, HTTP Basic), an API key, or
 * a session whose account must still be enabled. Every failure and every form login is written to the
 * audit trail; successful Basic logins and API-key uses at most once a minute per account or key. While
 * single sign-on is on, passwords are accepted only as {@code neuroarchive.oidc.local-login} allows, and
 * never for accounts that single sign-on created.
 */
@Stateless
@PermitAll
public class Authenticator {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.security");
    private static final long QUIET_MILLIS = 60_000;

    /** How a password reached us. */
    public enum Channel { FORM, BASIC }

    /** The outcome of a check: the identity, or why there is none (for the person, not for an attacker). */
    public record Result(Identity identity, String refusal, boolean blocked) {
        public boolean ok() {
            return identity != null;
        }

        static Result refused(String why) {
            return new Result(null, why, false);
        }

        static Result accepted(Identity identity) {
            return new Result(identity, null, false);
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    PasswordHashing hashing;

    @Inject
    VerifiedPasswords verified;

    @Inject
    LoginAttempts attempts;

    @Inject
    RecentUses recentUses;

    @Inject
    AuditTrail audit;

    @Inject
    ClientAddress clientAddress;

    @Inject
    OidcSettings oidc;

    public Result password(String login, String password, Channel channel) {
        String address = address();
        String name = login == null ? "" : login.strip();
        String action = channel == Channel.FORM ? "login" : "login.basic";
        if (oidc.localLogin() == OidcSettings.LocalLogin.NONE) {
            audit.record(AuditEvent.of(Actor.user(name.isEmpty() ? "?" : name), action)
                    .refused("password logins are off (neuroarchive.oidc.local-login=none)"));
            return Result.refused("password logins are switched off: log in with single sign-on");
        }
        long wait = attempts.blockedSeconds(name, address);
        if (wait > 0) {
            audit.record(AuditEvent.of(Actor.user(name.isEmpty() ? "?" : name), action)
                    .refused("too many failed logins; blocked for " + wait + " s"));
            return new Result(null, "too many failed logins: try again in " + wait + " seconds", true);
        }
        Optional<Account> account = name.isEmpty() ? Optional.empty() : byLogin(name);
        boolean ok = account.isPresent() && account.get().isEnabled() && password != null
                && (verified.known(name, password, account.get().getPasswordHash())
                || hashing.verify(password, account.get().getPasswordHash()));
        if (!ok) {
            attempts.failed(name, address);
            String why = account.isEmpty() ? "unknown login" : !account.get().isEnabled() ? "account disabled" : "wrong password";
            audit.record(AuditEvent.of(Actor.user(name.isEmpty() ? "?" : name), action).refused(why));
            LOG.info(() -> "failed " + action + " for '" + printable(name) + "' from " + address + ": " + why);
            return Result.refused("wrong login name or password, or the account is disabled");
        }
        Account found = account.get();
        verified.remember(name, password, found.getPasswordHash());
        attempts.succeeded(name, address);
        String closed = passwordClosed(found);
        if (closed != null) {
            audit.record(AuditEvent.of(Actor.user(name), action).refused(closed));
            return Result.refused("this account logs in with single sign-on");
        }
        if (channel == Channel.FORM || recentUses.firstIn("login:" + name + "@" + address, QUIET_MILLIS)) {
            found.loggedIn();
            audit.record(AuditEvent.of(Actor.user(name), action).detail(channel == Channel.FORM ? "form login" : "HTTP Basic"));
        }
        return Result.accepted(identity(found));
    }

    /** An {@code Authorization: Bearer na_…} key. */
    public Result apiKey(String token) {
        Optional<ApiKeyToken> parsed = ApiKeyToken.parse(token);
        if (parsed.isEmpty()) {
            audit.record(AuditEvent.of(Actor.apiKey("?"), "apikey.use").refused("not an API key of this archive"));
            return Result.refused("the bearer token is not an API key of this archive");
        }
        ApiKeyToken key = parsed.get();
        Optional<ApiKey> stored = em.createNamedQuery(ApiKey.BY_KEY_ID, ApiKey.class).setParameter("keyId", key.keyId())
                .getResultStream().findFirst();
        LocalDateTime now = LocalDateTime.now();
        String why = stored.isEmpty() || !key.matches(stored.get().getSecretSha256()) ? "unknown key or wrong secret"
                : stored.get().getRevokedAt() != null ? "revoked"
                : !stored.get().usableAt(now) ? "expired" : null;
        if (why != null) {
            audit.record(AuditEvent.of(Actor.apiKey(key.keyId()), "apikey.use").refused(why));
            LOG.info(() -> "refused API key " + key.keyId() + " from " + address() + ": " + why);
            return Result.refused("the API key is unknown, revoked or expired");
        }
        ApiKey found = stored.get();
        if (recentUses.firstIn("apikey:" + found.getKeyId(), QUIET_MILLIS)) {
            found.used(now);
            audit.record(AuditEvent.of(Actor.apiKey(found.getKeyId()), "apikey.use").object("apikey", found.getKeyId())
                    .detail(found.getName()));
        }
        return Result.accepted(new Identity(Identity.API_KEY_PREFIX + found.getKeyId(),
                SiteRoles.groups(found.getSiteRoles()), Actor.apiKey(found.getKeyId())));
    }

    /** The identity of a logged-in session's account, if it is still enabled (roles as they are now). */
    public Result session(String login) {
        return byLogin(login).filter(Account::isEnabled).map(a -> Result.accepted(identity(a)))
                .orElseGet(() -> Result.refused("the account was disabled or removed; log in again"));
    }

    /** Why {@code account} may not use its password while single sign-on is on; {@code null} when it may. */
    private String passwordClosed(Account account) {
        if (!oidc.enabled()) {
            return null;
        }
        if (account.getOrigin() == Account.Origin.OIDC) {
            return "a single sign-on account cannot log in with a password";
        }
        if (oidc.localLogin() == OidcSettings.LocalLogin.ADMINS && !account.getSiteRoles().contains(Roles.ADMIN)) {
            return "only local administrators log in with a password (neuroarchive.oidc.local-login=admins)";
        }
        return null;
    }

    public void loggedOut(String login) {
        audit.record(AuditEvent.of(Actor.user(login), "logout"));
    }

    static Identity identity(Account account) {
        return new Identity(account.getLogin(), SiteRoles.groups(account.getSiteRoles()), Actor.user(account.getLogin()));
    }

    private Optional<Account> byLogin(String login) {
        return em.createNamedQuery(Account.BY_LOGIN, Account.class).setParameter("login", login).getResultStream().findFirst();
    }

    private String address() {
        String address = clientAddress.get();
        return address == null ? "?" : address;
    }

    /** A login name as it may appear in a log line: printable ASCII, at most 64 characters. */
    static String printable(String text) {
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
