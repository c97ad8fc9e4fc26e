package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.ClientAddress;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.common.control.Roles;

/**
 * Local accounts: an administrator lists, creates and changes them (name, e-mail, site roles, enabled)
 * and sets anyone's password; every account changes its own password with the current one. There is
 * always an enabled administrator: the last one cannot be disabled or lose the role. Each change writes
 * one audit row (account.create, account.update, account.password), also when it is refused.
 */
@Stateless
public class Accounts {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    CallerMemo memo;

    @Inject
    AuditTrail audit;

    @Inject
    PasswordHashing hashing;

    @Inject
    LoginAttempts attempts;

    @Inject
    ClientAddress clientAddress;

    @RolesAllowed(Roles.ADMIN)
    public List<AccountView> list() {
        return em.createNamedQuery(Account.ALL, Account.class).getResultStream().map(AccountView::of).toList();
    }

    @RolesAllowed(Roles.ADMIN)
    public AccountView get(String login) {
        return AccountView.of(existing(login));
    }

    @RolesAllowed(Roles.ADMIN)
    public AccountView create(AccountDraft draft) {
        String asked = draft == null ? null : draft.login();
        AuditEvent.Builder event = AuditEvent.of(callers.actor(), "account.create").object("account", AdminInput.printable(asked));
        return AuditedChange.run(audit, event, () -> {
            if (draft == null) {
                throw new RequestRejected(RequestRejected.Reason.INVALID,
                        "a JSON body {\"login\",\"fullName\",\"email\",\"roles\",\"password\"} is required");
            }
            String login = AdminInput.login(draft.login());
            String fullName = AdminInput.text("the full name", draft.fullName(), 255, false);
            String email = AdminInput.email(draft.email());
            Set<String> roles = AccessNames.roles(draft.roles());
            String password = AdminInput.password(draft.password());
            if (find(login, true).isPresent()) {
                throw new RequestRejected(RequestRejected.Reason.CONFLICT, "the login name '" + login + "' is taken");
            }
            Account account = new Account(login, fullName, email, roles, Account.Origin.LOCAL);
            account.setPasswordHash(hashing.hash(password));
            em.persist(account);
            em.flush();
            event.detail("roles: " + String.join(",", AccessNames.roleList(roles)));
            return AccountView.of(account);
        });
    }

    @RolesAllowed(Roles.ADMIN)
    public AccountView update(String login, AccountChange change) {
        AuditEvent.Builder event = AuditEvent.of(callers.actor(), "account.update").object("account", AdminInput.printable(login));
        return AuditedChange.run(audit, event, () -> {
            Account account = existing(login);
            if (change == null) {
                throw new RequestRejected(RequestRejected.Reason.INVALID,
                        "a JSON body {\"fullName\",\"email\",\"roles\",\"enabled\"} is required");
            }
            String fullName = change.fullName() == null ? account.getFullName()
                    : AdminInput.text("the full name", change.fullName(), 255, false);
            String email = change.email() == null ? account.getEmail() : AdminInput.email(change.email());
            Set<String> roles = change.roles() == null ? account.getSiteRoles() : AccessNames.roles(change.roles());
            boolean enabled = change.enabled() == null ? account.isEnabled() : change.enabled();
            keepAnAdministrator(account, enabled, roles);
            event.detail(differences(account, fullName, email, roles, enabled));
            account.describe(fullName, email);
            account.setSiteRoles(roles);
            account.setEnabled(enabled);
            em.flush();
            forgetCallers();
            return AccountView.of(account);
        });
    }

    /**
     * Sets the password of {@code login}: an administrator for any local account; anyone else only its own,
     * giving the current password (which is checked whenever it is given, also for an administrator).
     */
    @RolesAllowed(Roles.USER)
    public void setPassword(String login, String password, String currentPassword) {
        Caller caller = callers.current();
        AuditEvent.Builder event = AuditEvent.of(caller.actor(), "account.password").object("account", AdminInput.printable(login));
        AuditedChange.run(audit, event, () -> {
            boolean self = caller.actor().kind() == Actor.Kind.USER && caller.actor().name().equals(login);
            boolean admin = caller.hasRole(Roles.ADMIN);
            if (!admin && !self) {
                throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, "you may change only your own password");
            }
            Account account = existing(login);
            if (account.getOrigin() != Account.Origin.LOCAL) {
                throw new RequestRejected(RequestRejected.Reason.INVALID,
                        "'" + account.getLogin() + "' logs in through single sign-on: its password is kept there");
            }
            String checked = AdminInput.password(password);
            if (!admin || self && currentPassword != null) {
                checkCurrent(account, currentPassword);
            }
            account.setPasswordHash(hashing.hash(checked));
            em.flush();
            event.detail(self ? "own password" : "set by an administrator");
        });
    }

    private void checkCurrent(Account account, String currentPassword) {
        String address = clientAddress.get() == null ? "?" : clientAddress.get();
        long wait = attempts.blockedSeconds(account.getLogin(), address);
        if (wait > 0) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN,
                    "too many wrong passwords: try again in " + wait + " seconds");
        }
        if (!hashing.verify(currentPassword, account.getPasswordHash())) {
            attempts.failed(account.getLogin(), address);
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, "the current password is wrong");
        }
    }

    /** Refuses a change that would leave no enabled administrator. */
    private void keepAnAdministrator(Account account, boolean enabled, Set<String> roles) {
        boolean adminNow = account.isEnabled() && account.getSiteRoles().contains(Roles.ADMIN);
        boolean adminAfter = enabled && roles.contains(Roles.ADMIN);
        if (!adminNow || adminAfter) {
            return;
        }
        // locks the enabled accounts, so that two administrators cannot demote each other at the same time
        long others = em.createQuery("SELECT a FROM Account a WHERE a.enabled = TRUE ORDER BY a.id", Account.class)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                .filter(a -> !a.getId().equals(account.getId()) && a.getSiteRoles().contains(Roles.ADMIN)).count();
        if (others == 0) {
            throw new RequestRejected(RequestRejected.Reason.CONFLICT, "'" + account.getLogin()
                    + "' is the last enabled administrator: make another account an administrator first");
        }
    }

    private static String differences(Account account, String fullName, String email, Set<String> roles, boolean enabled) {
        Set<String> changed = new TreeSet<>();
        if (!fullName.equals(account.getFullName())) {
            changed.add("full name");
        }
        if (!email.equals(account.getEmail())) {
            changed.add("e-mail");
        }
        StringBuilder detail = new StringBuilder(changed.isEmpty() ? "" : String.join(", ", changed) + "; ");
        if (!roles.equals(account.getSiteRoles())) {
            detail.append("roles ").append(String.join(",", AccessNames.roleList(account.getSiteRoles()))).append(" -> ")
                    .append(String.join(",", AccessNames.roleList(roles))).append("; ");
        }
        if (enabled != account.isEnabled()) {
            detail.append(enabled ? "enabled; " : "disabled; ");
        }
        return detail.isEmpty() ? "no change" : detail.substring(0, detail.length() - 2);
    }

    private Account existing(String login) {
        return find(login, false).orElseThrow(() -> new RequestRejected(RequestRejected.Reason.NOT_FOUND,
                "no account '" + AdminInput.printable(login) + "'"));
    }

    /** The account with this login; {@code ignoreCase}: also one spelled with other capitals. */
    Optional<Account> find(String login, boolean ignoreCase) {
        if (login == null || login.isBlank()) {
            return Optional.empty();
        }
        if (ignoreCase) {
            return em.createQuery("SELECT a FROM Account a WHERE LOWER(a.login) = :login", Account.class)
                    .setParameter("login", login.toLowerCase(Locale.ROOT)).getResultStream().findFirst();
        }
        return em.createNamedQuery(Account.BY_LOGIN, Account.class).setParameter("login", login).getResultStream().findFirst();
    }

    private void forgetCallers() {
        try {
            memo.clear();
        } catch (ContextNotActiveException none) {
            // outside a request nothing was remembered
        }
    }
}
