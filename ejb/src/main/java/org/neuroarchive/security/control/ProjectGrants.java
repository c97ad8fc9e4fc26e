package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.security.entity.ProjectGrant;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * NiDB's permissions of accounts on a project: listed, set and revoked by an administrator or by a
 * project admin of that project (never on another project). Setting an empty list revokes. Each change
 * writes one audit row (grant.set, grant.revoke), also when it is refused.
 */
@Stateless
public class ProjectGrants {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    CallerMemo memo;

    @Inject
    AuditTrail audit;

    /** The grants on the project, to accounts and to API keys. */
    @RolesAllowed(Roles.USER)
    public List<GrantView> list(String costcenter) {
        Caller caller = callers.current();
        Project project = Projects.visibleProject(em, caller, costcenter);
        GrantRules.requireAdministers(caller, project.getId(), project.getCostcenter());
        return em.createNamedQuery(ProjectGrant.OF_PROJECT, ProjectGrant.class).setParameter("project", project)
                .getResultStream()
                .map(g -> new GrantView(g.getAccount() == null ? null : g.getAccount().getLogin(),
                        g.getApiKey() == null ? null : g.getApiKey().getKeyId(), AccessNames.names(g.getPermissions())))
                .toList();
    }

    /**
     * Gives {@code login} exactly {@code permissions} on the project; an empty list revokes its grant;
     * {@code null} (no list sent) is refused as invalid once the caller is known to administer the project.
     */
    @RolesAllowed(Roles.USER)
    public GrantView set(String costcenter, String login, List<String> permissions) {
        return change(costcenter, login, permissions == null ? MISSING : permissions.isEmpty() ? null : permissions);
    }

    @RolesAllowed(Roles.USER)
    public void revoke(String costcenter, String login) {
        change(costcenter, login, null);
    }

    /** Stands for "no permission list was sent" (as opposed to an empty one, which revokes). */
    private static final List<String> MISSING = List.of("(missing)");

    private GrantView change(String costcenter, String login, List<String> names) {
        Caller caller = callers.current();
        AuditEvent.Builder event = AuditEvent.of(caller.actor(), names == null ? "grant.revoke" : "grant.set")
                .object("account", AdminInput.printable(login)).project(AdminInput.printable(costcenter));
        return AuditedChange.run(audit, event, () -> {
            Project project = Projects.visibleProject(em, caller, costcenter);
            GrantRules.requireAdministers(caller, project.getId(), project.getCostcenter());
            if (names == MISSING) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "a JSON body {\"permissions\":[…]} is required (of "
                        + String.join(", ", AccessNames.PERMISSIONS) + "; an empty list revokes)");
            }
            Set<ProjectPermission> permissions = AccessNames.permissions(names);
            Account account = em.createNamedQuery(Account.BY_LOGIN, Account.class).setParameter("login", login == null ? "" : login)
                    .getResultStream().findFirst().orElseThrow(() -> new RequestRejected(RequestRejected.Reason.NOT_FOUND,
                            "no account '" + AdminInput.printable(login) + "'"));
            Optional<ProjectGrant> grant = em.createQuery(
                    "SELECT g FROM ProjectGrant g WHERE g.account = :account AND g.project = :project", ProjectGrant.class)
                    .setParameter("account", account).setParameter("project", project).getResultStream().findFirst();
            String before = grant.map(g -> String.join(",", AccessNames.names(g.getPermissions()))).orElse("none");
            if (permissions.isEmpty()) {
                grant.ifPresent(em::remove);
            } else if (grant.isPresent()) {
                grant.get().setPermissions(permissions);
            } else {
                em.persist(ProjectGrant.toAccount(account, project, permissions));
            }
            em.flush();
            forgetCallers();
            String after = permissions.isEmpty() ? "none" : String.join(",", AccessNames.names(permissions));
            event.detail(before + " -> " + after);
            return new GrantView(account.getLogin(), null, AccessNames.names(permissions));
        });
    }

    private void forgetCallers() {
        try {
            memo.clear();
        } catch (ContextNotActiveException none) {
            // outside a request nothing was remembered
        }
    }
}
