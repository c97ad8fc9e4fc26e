package org.neuroarchive.web.admin;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.neuroarchive.security.control.AccessNames;
import org.neuroarchive.security.control.Projects;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/** What the menu offers the caller: the admin pages to administrators, API keys also to project admins. */
@Named("nav")
@RequestScoped
public class Navigation {

    @Inject
    Projects projects;

    private Boolean projectAdmin;

    public boolean isAdmin() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
    }

    /** An administrator, or project-admin on at least one project. */
    public boolean isProjectAdmin() {
        if (projectAdmin == null) {
            String permission = AccessNames.name(ProjectPermission.PROJECT_ADMIN);
            projectAdmin = isAdmin() || projects.visible().stream().anyMatch(p -> p.permissions().contains(permission));
        }
        return projectAdmin;
    }
}
