package org.neuroarchive.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.ClientAddress;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.OidcSettings;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.security.entity.SiteRoles;

/**
 * Turns a verified OpenID Connect token into the local account it stands for: found by the login-name
 * claim, created at the first sign-on (origin {@code oidc}, no password), and, with
 * {@code neuroarchive.oidc.mapping=claims}, given the site roles and project grants of the token's claims
 * at every sign-on ({@link OidcGrants}). A local account of the same login name is never taken over.
 * Sign-ons, refusals and account creation go to the audit trail.
 */
@Stateless
@PermitAll
public class OidcAccounts {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.security");
    private static final long QUIET_MILLIS = 60_000;

    /** How the token came: a screen login through the authorization code flow, or a bearer token on the API. */
    public enum Channel {
        SCREENS("login", "oidc"),
        BEARER("login.bearer", "oidc access token");

        final String action;
        final String detail;

        Channel(String action, String detail) {
            this.action = action;
            this.detail = detail;
        }
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    OidcSettings settings;

    @Inject
    OidcGrants grants;

    @Inject
    RecentUses recentUses;

    @Inject
    AuditTrail audit;

    @Inject
    ClientAddress clientAddress;

    /** The identity of the person {@code claims} (of a verified token) describe, or why there is none. */
    public Authenticator.Result signOn(Map<String, Object> claims, Channel channel) {
        OidcClaims.SignOn person = OidcClaims.read(claims, settings.loginClaim(), settings.rolesClaim(), settings.grantsClaim());
        if (!person.usable()) {
            return refused(Actor.user("?"), channel, person.refusal());
        }
        Actor actor = Actor.user(person.login());
        Optional<Account> found = em.createNamedQuery(Account.BY_LOGIN, Account.class).setParameter("login", person.login())
                .getResultStream().findFirst();
        if (found.isPresent() && found.get().getOrigin() != Account.Origin.OIDC) {
            return refused(actor, channel, "a local account has this login name; single sign-on does not take it over");
        }
        if (found.isPresent() && !found.get().isEnabled()) {
            return refused(actor, channel, "account disabled");
        }
        boolean fromClaims = settings.mapping() == OidcSettings.Mapping.CLAIMS;
        List<String> notes = new ArrayList<>(fromClaims ? person.notes() : List.of());
        Account account = found.orElseGet(() -> create(person, fromClaims));
        account.describe(person.fullName().isEmpty() ? account.getFullName() : person.fullName(),
                person.email().isEmpty() ? account.getEmail() : person.email());
        if (fromClaims) {
            Set<String> before = account.getSiteRoles();
            if (!before.equals(person.roles())) {
                account.setSiteRoles(person.roles());
                audit.record(AuditEvent.of(Actor.SYSTEM, "account.update").object("account", account.getLogin())
                        .detail("site roles from single sign-on: [" + SiteRoles.format(before) + "] → ["
                                + SiteRoles.format(person.roles()) + "]"));
            }
            notes.addAll(grants.replace(account, person.grants()));
        }
        String address = clientAddress.get();
        if (channel == Channel.SCREENS || recentUses.firstIn("oidc:" + account.getLogin() + "@" + address, QUIET_MILLIS)) {
            account.loggedIn();
            audit.record(AuditEvent.of(actor, channel.action).detail(channel.detail
                    + (notes.isEmpty() ? "" : "; " + String.join("; ", notes))));
        }
        return Authenticator.Result.accepted(Authenticator.identity(account));
    }

    /** A token that could not be used (signature, issuer, audience, expiry, nonce, state …): one audit row. */
    public Authenticator.Result refused(String why, Channel channel) {
        return refused(Actor.user("?"), channel, why);
    }

    private Authenticator.Result refused(Actor actor, Channel channel, String why) {
        audit.record(AuditEvent.of(actor, channel.action).refused(channel.detail + ": " + why));
        LOG.info(() -> "refused single sign-on (" + channel.detail + ") of " + Authenticator.printable(actor.text())
                + " from " + clientAddress.get() + ": " + why);
        return Authenticator.Result.refused("single sign-on refused: " + why);
    }

    private Account create(OidcClaims.SignOn person, boolean fromClaims) {
        Account account = new Account(person.login(), person.fullName(), person.email(),
                fromClaims ? person.roles() : Set.of(), Account.Origin.OIDC);
        em.persist(account);
        em.flush(); // a concurrent first sign-on of the same person fails here, before anything is recorded
        audit.record(AuditEvent.of(Actor.user(person.login()), "account.create").object("account", person.login())
                .detail("first single sign-on via " + settings.issuer() + "; site roles ["
                        + SiteRoles.format(account.getSiteRoles()) + "]" + (fromClaims ? " from claims" : ", managed locally")));
        LOG.info(() -> "created the account '" + Authenticator.printable(person.login()) + "' at its first single sign-on");
        return account;
    }
}
