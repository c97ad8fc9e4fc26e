package org.neuroarchive.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.security.control.AccessNames;
import org.neuroarchive.security.control.GrantView;
import org.neuroarchive.security.control.ProjectGrants;
import org.neuroarchive.security.control.ProjectView;
import org.neuroarchive.security.control.Projects;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.web.Pages;

/**
 * {@code /admin/projects}: the projects the caller may see with its permissions; administrators create
 * projects; administrators and a project's admins grant and revoke permissions on it, account by account.
 */
@Named("projectsPage")
@ViewScoped
public class ProjectsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Projects projects;

    @Inject
    transient ProjectGrants grants;

    private transient List<ProjectView> list;
    private transient List<GrantView> grantList;

    private String costcenter;
    private String name;

    private String selected;
    private String grantLogin;
    private List<String> grantPermissions = new ArrayList<>();

    public List<ProjectView> getProjects() {
        if (list == null) {
            list = projects.visible();
        }
        return list;
    }

    public List<String> getPermissionNames() {
        return AccessNames.PERMISSIONS;
    }

    public boolean administers(ProjectView project) {
        return project.permissions().contains(AccessNames.name(ProjectPermission.PROJECT_ADMIN));
    }

    public void create() {
        String code = costcenter == null ? "" : costcenter.strip();
        Pages.act(() -> {
            projects.create(costcenter, name);
            costcenter = null;
            name = null;
            list = null;
        }, "Project " + code + " created.");
    }

    public void select(String project) {
        selected = project;
        grantList = null;
        grantLogin = null;
        grantPermissions = new ArrayList<>();
    }

    public List<GrantView> getGrants() {
        if (grantList == null) {
            grantList = selected == null ? List.of() : grants.list(selected);
        }
        return grantList;
    }

    public void editGrant(GrantView grant) {
        grantLogin = grant.login();
        grantPermissions = new ArrayList<>(grant.permissions());
    }

    public void grant() {
        String login = grantLogin == null ? "" : grantLogin.strip();
        boolean revoking = grantPermissions == null || grantPermissions.isEmpty();
        Pages.act(() -> {
            grants.set(selected, login, grantPermissions);
            grantList = null;
            list = null;
        }, revoking ? "Permissions of " + login + " on " + selected + " revoked."
                : login + " holds " + String.join(", ", grantPermissions) + " on " + selected + ".");
    }

    public void revoke(String login) {
        Pages.act(() -> {
            grants.revoke(selected, login);
            grantList = null;
            list = null;
        }, "Permissions of " + login + " on " + selected + " revoked.");
    }

    public boolean isSelecting() {
        return selected != null;
    }

    public String getSelected() {
        return selected;
    }

    public String getCostcenter() {
        return costcenter;
    }

    public void setCostcenter(String costcenter) {
        this.costcenter = costcenter;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getGrantLogin() {
        return grantLogin;
    }

    public void setGrantLogin(String grantLogin) {
        this.grantLogin = grantLogin;
    }

    public List<String> getGrantPermissions() {
        return grantPermissions;
    }

    public void setGrantPermissions(List<String> grantPermissions) {
        this.grantPermissions = grantPermissions;
    }
}
