package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * NiDB's project permissions applied to what a person asks for by cost center: a project the caller
 * holds no permission on is answered like an unknown one (its existence is not revealed); a project
 * the caller knows but may not change is refused with the reason.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ProjectRights {

    @PersistenceContext
    EntityManager em;

    public Optional<Project> byCostcenter(String costcenter) {
        return em.createNamedQuery(Project.BY_COSTCENTER, Project.class).setParameter("costcenter", costcenter)
                .getResultStream().findFirst();
    }

    /** The id of the project with this cost center, or null. */
    public Long idOf(String costcenter) {
        return costcenter == null ? null : byCostcenter(costcenter).map(Project::getId).orElse(null);
    }

    /** The cost centers of these projects ({@code null}: every project stays null). */
    public Set<String> costcenters(ProjectScope scope) {
        if (scope.all()) {
            return null;
        }
        if (scope.none()) {
            return Set.of();
        }
        List<String> found = em.createQuery("SELECT p.costcenter FROM Project p WHERE p.id IN :ids", String.class)
                .setParameter("ids", scope.projects()).getResultList();
        return Set.copyOf(found);
    }

    /**
     * The project {@code caller} may archive into or release into (MODIFY_DATA, or admin). Refused:
     * 400 like an unknown cost center when the caller holds nothing on it, 403 when it holds other
     * permissions only.
     */
    public Project modifiable(Caller caller, String costcenter) {
        Project project = byCostcenter(costcenter).filter(p -> knows(caller, p.getId())).orElseThrow(() ->
                new RequestRejected(RequestRejected.Reason.INVALID, "no project with cost center " + costcenter));
        if (!caller.may(ProjectPermission.MODIFY_DATA, project.getId())) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, refusal(caller, project));
        }
        return project;
    }

    /** Why {@code caller} may not archive into {@code project}: "user:bob may not modify project 123456". */
    public static String refusal(Caller caller, Project project) {
        return caller.actor().text() + " may not modify project " + project.getCostcenter();
    }

    private static boolean knows(Caller caller, Long projectId) {
        return caller.unrestricted() || caller.grants().containsKey(projectId);
    }
}
