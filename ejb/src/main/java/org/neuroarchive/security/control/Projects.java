package org.neuroarchive.security.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * The projects: each caller lists those it may see (an administrator all of them) with its permissions
 * on each; an administrator creates them (project.create). A project the caller holds no grant on does
 * not exist for it.
 */
@Stateless
public class Projects {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @RolesAllowed(Roles.USER)
    public List<ProjectView> visible() {
        return visible(em, callers.current());
    }

    /** The projects {@code caller} may see, by cost center, with its permissions. */
    static List<ProjectView> visible(EntityManager em, Caller caller) {
        List<Project> projects;
        if (caller.unrestricted()) {
            projects = em.createQuery("SELECT p FROM Project p ORDER BY p.costcenter", Project.class).getResultList();
        } else if (caller.grants().isEmpty()) {
            return List.of();
        } else {
            projects = em.createQuery("SELECT p FROM Project p WHERE p.id IN :ids ORDER BY p.costcenter", Project.class)
                    .setParameter("ids", caller.grants().keySet()).getResultList();
        }
        return projects.stream().map(p -> view(caller, p)).toList();
    }

    /** The project with this cost center, if the caller may see it; otherwise 404. */
    @RolesAllowed(Roles.USER)
    public ProjectView get(String costcenter) {
        Caller caller = callers.current();
        return view(caller, visibleProject(em, caller, costcenter));
    }

    @RolesAllowed(Roles.ADMIN)
    public ProjectView create(String costcenter, String name) {
        AuditEvent.Builder event = AuditEvent.of(callers.actor(), "project.create")
                .object("project", AdminInput.printable(costcenter)).project(AdminInput.printable(costcenter));
        return AuditedChange.run(audit, event, () -> {
            String code = AdminInput.costcenter(costcenter);
            String title = AdminInput.text("the project's name", name, 255, true);
            if (byCostcenter(em, code).isPresent()) {
                throw new RequestRejected(RequestRejected.Reason.CONFLICT, "a project with cost center " + code + " exists");
            }
            Project project = new Project(code, title);
            em.persist(project);
            em.flush();
            event.detail(title);
            return view(callers.current(), project);
        });
    }

    static ProjectView view(Caller caller, Project project) {
        Set<ProjectPermission> held = caller.unrestricted() ? EnumSet.allOf(ProjectPermission.class)
                : caller.grants().getOrDefault(project.getId(), Set.of());
        return new ProjectView(project.getId(), project.getCostcenter(), project.getName(), AccessNames.names(held));
    }

    /** The project with this cost center if the caller may see it; otherwise refused as not found. */
    static Project visibleProject(EntityManager em, Caller caller, String costcenter) {
        return byCostcenter(em, costcenter).filter(p -> GrantRules.sees(caller, p.getId()))
                .orElseThrow(() -> GrantRules.notFound(costcenter));
    }

    static Optional<Project> byCostcenter(EntityManager em, String costcenter) {
        if (costcenter == null || costcenter.isBlank()) {
            return Optional.empty();
        }
        return em.createNamedQuery(Project.BY_COSTCENTER, Project.class).setParameter("costcenter", costcenter.strip())
                .getResultStream().findFirst();
    }
}
