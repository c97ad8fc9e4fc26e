package org.neuroarchive.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.security.control.AccessNames;
import org.neuroarchive.security.control.ApiKeyDraft;
import org.neuroarchive.security.control.ApiKeyView;
import org.neuroarchive.security.control.ApiKeys;
import org.neuroarchive.security.control.GrantRules;
import org.neuroarchive.security.control.NewApiKey;
import org.neuroarchive.security.control.ProjectAccess;
import org.neuroarchive.security.control.ProjectView;
import org.neuroarchive.security.control.Projects;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.web.Pages;

/**
 * {@code /admin/api-keys}: keys made (by an administrator any key; by a project admin keys for its
 * projects with the roles viewer and importer), listed and revoked. A new key is shown once, on the page
 * that made it; the next action forgets it.
 */
@Named("apiKeysPage")
@ViewScoped
public class ApiKeysPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ApiKeys keys;

    @Inject
    transient Projects projects;

    @Inject
    transient Navigation nav;

    private transient List<ApiKeyView> list;
    private transient List<ProjectView> administered;

    private String name;
    private List<String> roles = new ArrayList<>();
    private List<String> keyProjects = new ArrayList<>();
    private List<String> permissions = new ArrayList<>(List.of(AccessNames.name(ProjectPermission.VIEW_DATA)));
    private LocalDate expires;
    private transient NewApiKey created;

    public List<ApiKeyView> getKeys() {
        if (list == null) {
            list = keys.list();
        }
        return list;
    }

    /** The projects the caller may make keys for. */
    public List<ProjectView> getProjects() {
        if (administered == null) {
            String admin = AccessNames.name(ProjectPermission.PROJECT_ADMIN);
            administered = projects.visible().stream().filter(p -> p.permissions().contains(admin)).toList();
        }
        return administered;
    }

    public List<String> getRoleChoices() {
        return nav.isAdmin() ? Roles.SITE_ROLES : Roles.SITE_ROLES.stream().filter(GrantRules.PROJECT_ADMIN_KEY_ROLES::contains).toList();
    }

    public List<String> getPermissionChoices() {
        return nav.isAdmin() ? AccessNames.PERMISSIONS
                : AccessNames.PERMISSIONS.stream().filter(p -> !p.equals(AccessNames.name(ProjectPermission.PROJECT_ADMIN))).toList();
    }

    public void create() {
        created = null;
        List<ProjectAccess> access = keyProjects.stream().map(cc -> new ProjectAccess(cc, permissions)).toList();
        Pages.act(() -> {
            created = keys.create(new ApiKeyDraft(name, roles, access, expires == null ? null : expires.plusDays(1).atStartOfDay()));
            name = null;
            roles = new ArrayList<>();
            keyProjects = new ArrayList<>();
            expires = null;
            list = null;
        }, "API key made: copy it now.");
    }

    public void revoke(String keyId) {
        created = null;
        Pages.act(() -> {
            keys.revoke(keyId);
            list = null;
        }, "API key " + keyId + " revoked.");
    }

    /** The key just made, with its text; {@code null} once anything else happened on the page. */
    public NewApiKey getCreated() {
        return created;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public List<String> getKeyProjects() {
        return keyProjects;
    }

    public void setKeyProjects(List<String> keyProjects) {
        this.keyProjects = keyProjects;
    }

    public List<String> getPermissions() {
        return permissions;
    }

    public void setPermissions(List<String> permissions) {
        this.permissions = permissions;
    }

    public LocalDate getExpires() {
        return expires;
    }

    public void setExpires(LocalDate expires) {
        this.expires = expires;
    }
}
