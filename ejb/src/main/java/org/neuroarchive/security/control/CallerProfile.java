package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.security.entity.Account;
import org.neuroarchive.security.entity.ApiKey;
import org.neuroarchive.common.control.Roles;

/** Who the caller is and what it may see ({@code GET /api/me}, the account screen). */
@Stateless
public class CallerProfile {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @RolesAllowed(Roles.USER)
    public Profile me() {
        Caller caller = callers.current();
        Actor actor = caller.actor();
        List<ProjectView> visible = Projects.visible(em, caller);
        List<String> effective = AccessNames.roleList(caller.roles());
        if (actor.kind() == Actor.Kind.USER) {
            return em.createNamedQuery(Account.BY_LOGIN, Account.class).setParameter("login", actor.name()).getResultStream()
                    .findFirst()
                    .map(a -> new Profile(a.getLogin(), a.getFullName(), a.getEmail(), AccessNames.roleList(a.getSiteRoles()),
                            actor.text(), visible))
                    .orElseGet(() -> new Profile(actor.name(), null, null, effective, actor.text(), visible));
        }
        if (actor.kind() == Actor.Kind.APIKEY) {
            return em.createNamedQuery(ApiKey.BY_KEY_ID, ApiKey.class).setParameter("keyId", actor.name()).getResultStream()
                    .findFirst()
                    .map(k -> new Profile(null, k.getName(), null, AccessNames.roleList(k.getSiteRoles()), actor.text(), visible))
                    .orElseGet(() -> new Profile(null, null, null, effective, actor.text(), visible));
        }
        return new Profile(null, null, null, effective, actor.text(), visible);
    }
}
