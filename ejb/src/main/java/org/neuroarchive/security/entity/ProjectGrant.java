package org.neuroarchive.security.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.util.EnumSet;
import java.util.Set;
import org.neuroarchive.common.entity.UpdatableRecord;
import org.neuroarchive.matching.entity.Project;

/** NiDB's permissions on one project, granted to an account or to an API key. */
@Entity
@Table(name = "project_grant")
@NamedQuery(name = ProjectGrant.OF_ACCOUNT, query = "SELECT g FROM ProjectGrant g WHERE g.account = :account ORDER BY g.project.costcenter")
@NamedQuery(name = ProjectGrant.OF_KEY, query = "SELECT g FROM ProjectGrant g WHERE g.apiKey = :key ORDER BY g.project.costcenter")
@NamedQuery(name = ProjectGrant.OF_PROJECT, query = "SELECT g FROM ProjectGrant g WHERE g.project = :project ORDER BY g.id")
public class ProjectGrant extends UpdatableRecord {

    public static final String OF_ACCOUNT = "ProjectGrant.ofAccount";
    public static final String OF_KEY = "ProjectGrant.ofKey";
    public static final String OF_PROJECT = "ProjectGrant.ofProject";

    @ManyToOne
    @JoinColumn(name = "account_id", updatable = false)
    private Account account;

    @ManyToOne
    @JoinColumn(name = "api_key_id", updatable = false)
    private ApiKey apiKey;

    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id", nullable = false, updatable = false)
    private Project project;

    @Column(name = "view_data", nullable = false)
    private boolean viewData;

    @Column(name = "view_phi", nullable = false)
    private boolean viewPhi;

    @Column(name = "modify_data", nullable = false)
    private boolean modifyData;

    @Column(name = "project_admin", nullable = false)
    private boolean projectAdmin;

    protected ProjectGrant() {
    }

    public static ProjectGrant toAccount(Account account, Project project, Set<ProjectPermission> permissions) {
        ProjectGrant grant = new ProjectGrant();
        grant.account = account;
        grant.project = project;
        grant.setPermissions(permissions);
        return grant;
    }

    public static ProjectGrant toKey(ApiKey key, Project project, Set<ProjectPermission> permissions) {
        ProjectGrant grant = new ProjectGrant();
        grant.apiKey = key;
        grant.project = project;
        grant.setPermissions(permissions);
        return grant;
    }

    public void setPermissions(Set<ProjectPermission> permissions) {
        viewData = permissions.contains(ProjectPermission.VIEW_DATA);
        viewPhi = permissions.contains(ProjectPermission.VIEW_PHI);
        modifyData = permissions.contains(ProjectPermission.MODIFY_DATA);
        projectAdmin = permissions.contains(ProjectPermission.PROJECT_ADMIN);
    }

    public Set<ProjectPermission> getPermissions() {
        Set<ProjectPermission> permissions = EnumSet.noneOf(ProjectPermission.class);
        if (viewData) {
            permissions.add(ProjectPermission.VIEW_DATA);
        }
        if (viewPhi) {
            permissions.add(ProjectPermission.VIEW_PHI);
        }
        if (modifyData) {
            permissions.add(ProjectPermission.MODIFY_DATA);
        }
        if (projectAdmin) {
            permissions.add(ProjectPermission.PROJECT_ADMIN);
        }
        return permissions;
    }

    public Account getAccount() {
        return account;
    }

    public ApiKey getApiKey() {
        return apiKey;
    }

    public Project getProject() {
        return project;
    }
}
