package org.neuroarchive.security.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.security.entity.ProjectGrant;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * Makes a single sign-on account's project grants exactly those of its token's claims: new grants are
 * added, changed ones updated, the others revoked; each change is an audit row ({@code grant.set},
 * {@code grant.revoke}, actor {@code system}). Cost centers without a project here are ignored: projects
 * are created by the archive's administrators, never by a token.
 */
@Stateless
@PermitAll
public class OidcGrants {

    @PersistenceContext
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Answers notes on what was ignored (for the login's audit row). */
    public List<String> replace(Account account, Map<String, Set<ProjectPermission>> claimed) {
        List<String> notes = new ArrayList<>();
        Map<Long, ProjectGrant> held = new HashMap<>();
        for (ProjectGrant grant : em.createNamedQuery(ProjectGrant.OF_ACCOUNT, ProjectGrant.class)
                .setParameter("account", account).getResultList()) {
            held.put(grant.getProject().getId(), grant);
        }
        for (Map.Entry<String, Set<ProjectPermission>> entry : claimed.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            Optional<Project> project = em.createNamedQuery(Project.BY_COSTCENTER, Project.class)
                    .setParameter("costcenter", entry.getKey()).getResultStream().findFirst();
            if (project.isEmpty()) {
                notes.add("no project " + entry.getKey() + " here");
                continue;
            }
            ProjectGrant grant = held.remove(project.get().getId());
            if (grant == null) {
                em.persist(ProjectGrant.toAccount(account, project.get(), entry.getValue()));
                record(account, "grant.set", project.get(), entry.getValue());
            } else if (!grant.getPermissions().equals(entry.getValue())) {
                grant.setPermissions(entry.getValue());
                record(account, "grant.set", project.get(), entry.getValue());
            }
        }
        for (ProjectGrant gone : held.values()) {
            em.remove(gone);
            record(account, "grant.revoke", gone.getProject(), Set.of());
        }
        return notes;
    }

    private void record(Account account, String action, Project project, Set<ProjectPermission> permissions) {
        audit.record(AuditEvent.of(Actor.SYSTEM, action).object("account", account.getLogin()).project(project.getCostcenter())
                .detail("from single sign-on claims" + (permissions.isEmpty() ? "" : ": " + names(permissions))));
    }

    static String names(Set<ProjectPermission> permissions) {
        return permissions.stream().sorted().map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .collect(Collectors.joining(","));
    }
}
