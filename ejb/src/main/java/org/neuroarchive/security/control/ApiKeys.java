package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.security.entity.ApiKey;
import org.neuroarchive.security.entity.ProjectGrant;
import org.neuroarchive.common.control.Roles;

/**
 * API keys for institutional systems. An administrator makes any key; a project admin makes keys for the
 * projects it administers, with the roles viewer and importer at most ({@link GrantRules}). The key text
 * is answered once; the archive keeps the SHA-256 of its secret. Keys may expire and are revoked, never
 * deleted. An administrator lists and revokes every key, anyone else the keys it made. Each change writes
 * one audit row (apikey.create, apikey.revoke), also when it is refused.
 */
@Stateless
public class ApiKeys {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Roles.USER)
    public List<ApiKeyView> list() {
        Caller caller = callers.current();
        boolean all = caller.hasRole(Roles.ADMIN);
        List<ApiKey> keys = all ? em.createNamedQuery(ApiKey.ALL, ApiKey.class).getResultList()
                : em.createQuery("SELECT k FROM ApiKey k WHERE k.createdBy = :by ORDER BY k.id DESC", ApiKey.class)
                        .setParameter("by", caller.actor().text()).getResultList();
        if (keys.isEmpty()) {
            return List.of();
        }
        Map<Long, List<ProjectAccess>> grants = em.createQuery(
                        "SELECT g FROM ProjectGrant g WHERE g.apiKey IN :keys ORDER BY g.project.costcenter", ProjectGrant.class)
                .setParameter("keys", keys).getResultStream()
                .collect(Collectors.groupingBy(g -> g.getApiKey().getId(), Collectors.mapping(ApiKeys::access, Collectors.toList())));
        return keys.stream().map(k -> ApiKeyView.of(k, grants.getOrDefault(k.getId(), List.of()))).toList();
    }

    @RolesAllowed(Roles.USER)
    public NewApiKey create(ApiKeyDraft draft) {
        Caller caller = callers.current();
        AuditEvent.Builder event = AuditEvent.of(caller.actor(), "apikey.create");
        return AuditedChange.run(audit, event, () -> {
            GrantRules.requireMayCreateSomeKey(caller);
            if (draft == null) {
                throw new RequestRejected(RequestRejected.Reason.INVALID,
                        "a JSON body {\"name\",\"roles\",\"projects\",\"expiresAt\"} is required");
            }
            String name = AdminInput.text("the key's name", draft.name(), 255, true);
            Set<String> roles = AccessNames.roles(draft.roles());
            List<GrantRules.KeyProject> projects = projects(caller, draft.projects());
            if (projects.size() == 1) {
                event.project(projects.get(0).costcenter());
            }
            if (draft.expiresAt() != null && !draft.expiresAt().isAfter(LocalDateTime.now())) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "the expiry " + draft.expiresAt() + " is not in the future");
            }
            GrantRules.requireMayCreateKey(caller, roles, projects);
            ApiKeyToken token = ApiKeyToken.generate();
            event.object("apikey", token.keyId());
            ApiKey key = new ApiKey(token.keyId(), name, token.secretSha256(), roles, caller.actor().text(), draft.expiresAt());
            em.persist(key);
            List<ProjectAccess> granted = new ArrayList<>();
            for (GrantRules.KeyProject project : projects) {
                ProjectGrant grant = ProjectGrant.toKey(key, em.find(Project.class, project.projectId()), project.permissions());
                em.persist(grant);
                granted.add(access(grant));
            }
            em.flush();
            event.detail(name + "; roles " + String.join(",", AccessNames.roleList(roles)) + "; projects "
                    + granted.stream().map(g -> g.costcenter() + "=" + String.join("+", g.permissions())).collect(Collectors.joining(" "))
                    + (draft.expiresAt() == null ? "" : "; expires " + draft.expiresAt()));
            return new NewApiKey(token.keyId(), token.text(), key.getName(), AccessNames.roleList(roles), granted,
                    key.getCreatedBy(), key.getCreatedAt(), key.getExpiresAt());
        });
    }

    /** Revokes the key (again: no change); a key the caller may not manage is not found. */
    @RolesAllowed(Roles.USER)
    public ApiKeyView revoke(String keyId) {
        Caller caller = callers.current();
        AuditEvent.Builder event = AuditEvent.of(caller.actor(), "apikey.revoke").object("apikey", AdminInput.printable(keyId));
        return AuditedChange.run(audit, event, () -> {
            ApiKey key = em.createNamedQuery(ApiKey.BY_KEY_ID, ApiKey.class).setParameter("keyId", keyId == null ? "" : keyId)
                    .getResultStream().findFirst().filter(k -> GrantRules.mayManageKey(caller, k.getCreatedBy()))
                    .orElseThrow(() -> new RequestRejected(RequestRejected.Reason.NOT_FOUND,
                            "no API key " + AdminInput.printable(keyId)));
            event.detail(key.getRevokedAt() == null ? key.getName() : key.getName() + " (revoked before)");
            key.revoke(caller.actor().text());
            em.flush();
            List<ProjectAccess> grants = em.createNamedQuery(ProjectGrant.OF_KEY, ProjectGrant.class).setParameter("key", key)
                    .getResultStream().map(ApiKeys::access).toList();
            return ApiKeyView.of(key, grants);
        });
    }

    /** The projects asked for, each once, as the caller may see them (others are not found). */
    private List<GrantRules.KeyProject> projects(Caller caller, List<ProjectAccess> asked) {
        Map<String, GrantRules.KeyProject> projects = new LinkedHashMap<>();
        for (ProjectAccess access : asked == null ? List.<ProjectAccess>of() : asked) {
            if (access == null) {
                continue;
            }
            Project project = Projects.visibleProject(em, caller, access.costcenter());
            if (projects.containsKey(project.getCostcenter())) {
                throw new RequestRejected(RequestRejected.Reason.INVALID, "project " + project.getCostcenter() + " is named twice");
            }
            var permissions = AccessNames.permissions(access.permissions());
            if (permissions.isEmpty()) {
                throw new RequestRejected(RequestRejected.Reason.INVALID,
                        "name the key's permissions on project " + project.getCostcenter() + " (e.g. [\"view-data\"])");
            }
            projects.put(project.getCostcenter(), new GrantRules.KeyProject(project.getId(), project.getCostcenter(), permissions));
        }
        return List.copyOf(projects.values());
    }

    private static ProjectAccess access(ProjectGrant grant) {
        return new ProjectAccess(grant.getProject().getCostcenter(), AccessNames.names(grant.getPermissions()));
    }
}
