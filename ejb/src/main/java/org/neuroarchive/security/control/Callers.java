package org.neuroarchive.security.control;

import jakarta.annotation.Resource;
import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.security.Principal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.security.entity.ApiKey;
import org.neuroarchive.security.entity.ProjectGrant;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.security.entity.SiteRoles;

/**
 * The {@link Caller} of the current service call, from the container's caller principal: an account
 * (by login), an API key ({@code apikey:<key id>}), or {@link Caller#SYSTEM} for timers and
 * message-driven beans (which run as {@link Roles#SYSTEM}). A principal that is unknown, disabled,
 * revoked or expired is {@link Caller#NOBODY}. Looked up once per request.
 * <p>
 * Work the system does for a person (a message-driven bean handling a message that names its
 * {@code actor}) is done with the system's rights, but named after that person: {@link #actFor(Actor)}
 * makes {@link #current()} answer the system with that actor for the rest of the request, and
 * {@link #of(Actor)} answers the person's own rights, for the checks of what they asked for.
 */
@Stateless
@PermitAll
@DeclareRoles({Roles.ADMIN, Roles.IMPORTER, Roles.REVIEWER, Roles.VIEWER, Roles.METRICS, Roles.USER, Roles.SYSTEM})
public class Callers {

    @Resource
    SessionContext context;

    @PersistenceContext
    EntityManager em;

    @Inject
    CallerMemo memo;

    /** For the container. */
    public Callers() {
    }

    /**
     * Outside a container (tests): the session context of the bean being called, the persistence context
     * of its transaction, and what the current request remembers.
     */
    public Callers(SessionContext context, EntityManager em, CallerMemo memo) {
        this.context = context;
        this.em = em;
        this.memo = memo;
    }

    public Caller current() {
        if (context.isCallerInRole(Roles.SYSTEM)) {
            Actor actingFor = actingFor();
            return actingFor == null ? Caller.SYSTEM : new Caller(actingFor, Caller.SYSTEM.roles(), java.util.Map.of());
        }
        Principal principal = context.getCallerPrincipal();
        String name = principal == null ? null : principal.getName();
        if (name == null || name.isBlank() || "anonymous".equalsIgnoreCase(name)) {
            return Caller.NOBODY;
        }
        return cached(name);
    }

    /** The actor of the current call, for audit rows and import log lines. */
    public Actor actor() {
        return current().actor();
    }

    /**
     * The system works on behalf of {@code actor} for the rest of this request (import log lines and
     * audit rows name it). Only the system can do this; {@link Actor#SYSTEM} or null clears it.
     */
    @RolesAllowed(Roles.SYSTEM)
    public void actFor(Actor actor) {
        try {
            memo.actFor(actor == null || actor.kind() == Actor.Kind.SYSTEM ? null : actor);
        } catch (ContextNotActiveException noRequest) {
            // nothing to remember it in: the work is named after the system
        }
    }

    /**
     * The rights of {@code actor} itself: an account or API key as it is now (disabled, revoked or
     * expired: {@link Caller#NOBODY}); the system and DICOM peers work with the system's rights.
     */
    public Caller of(Actor actor) {
        if (actor == null) {
            return Caller.SYSTEM;
        }
        return switch (actor.kind()) {
            case USER -> cached(actor.name());
            case APIKEY -> cached(Identity.API_KEY_PREFIX + actor.name());
            case SYSTEM -> Caller.SYSTEM;
            case PEER -> new Caller(actor, Caller.SYSTEM.roles(), java.util.Map.of());
        };
    }

    private Actor actingFor() {
        try {
            return memo.actingFor();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }

    private Caller cached(String principal) {
        try {
            return memo.get(principal, this::load);
        } catch (ContextNotActiveException noRequest) {
            return load(principal);
        }
    }

    Caller load(String principal) {
        if (principal.startsWith(Identity.API_KEY_PREFIX)) {
            return em.createNamedQuery(ApiKey.BY_KEY_ID, ApiKey.class)
                    .setParameter("keyId", principal.substring(Identity.API_KEY_PREFIX.length()))
                    .getResultStream().findFirst()
                    .filter(key -> key.usableAt(LocalDateTime.now()))
                    .map(key -> new Caller(Actor.apiKey(key.getKeyId()), SiteRoles.groups(key.getSiteRoles()),
                            grants(em.createNamedQuery(ProjectGrant.OF_KEY, ProjectGrant.class).setParameter("key", key)
                                    .getResultList())))
                    .orElse(Caller.NOBODY);
        }
        return em.createNamedQuery(Account.BY_LOGIN, Account.class).setParameter("login", principal)
                .getResultStream().findFirst()
                .filter(Account::isEnabled)
                .map(account -> new Caller(Actor.user(account.getLogin()), SiteRoles.groups(account.getSiteRoles()),
                        grants(em.createNamedQuery(ProjectGrant.OF_ACCOUNT, ProjectGrant.class)
                                .setParameter("account", account).getResultList())))
                .orElse(Caller.NOBODY);
    }

    private static Map<Long, Set<ProjectPermission>> grants(java.util.List<ProjectGrant> rows) {
        Map<Long, Set<ProjectPermission>> grants = new HashMap<>();
        for (ProjectGrant grant : rows) {
            grants.put(grant.getProject().getId(), grant.getPermissions());
        }
        return grants;
    }
}
