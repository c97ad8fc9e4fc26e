package org.neuroarchive.web.admin;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.security.control.AccountChange;
import org.neuroarchive.security.control.AccountDraft;
import org.neuroarchive.security.control.AccountView;
import org.neuroarchive.security.control.Accounts;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.web.Pages;

/** {@code /admin/users}: accounts listed, created, edited (name, e-mail, roles, enabled) and given a new password. */
@Named("usersPage")
@ViewScoped
public class UsersPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient Accounts accounts;

    private transient List<AccountView> list;

    private String login;
    private String fullName;
    private String email;
    private List<String> roles = new ArrayList<>();
    private String password;

    private String selected;
    private String editFullName;
    private String editEmail;
    private List<String> editRoles = new ArrayList<>();
    private boolean editEnabled;
    private String newPassword;

    public List<AccountView> getAccounts() {
        if (list == null) {
            list = accounts.list();
        }
        return list;
    }

    public List<String> getSiteRoles() {
        return Roles.SITE_ROLES;
    }

    public void create() {
        String created = login == null ? "" : login.strip();
        Pages.act(() -> {
            accounts.create(new AccountDraft(login, fullName, email, roles, password));
            login = null;
            fullName = null;
            email = null;
            roles = new ArrayList<>();
            list = null;
        }, "Account " + created + " created.");
        password = null;
    }

    public void edit(String account) {
        AccountView view = getAccounts().stream().filter(a -> a.login().equals(account)).findFirst().orElse(null);
        if (view == null) {
            selected = null;
            return;
        }
        selected = view.login();
        editFullName = view.fullName();
        editEmail = view.email();
        editRoles = new ArrayList<>(view.roles());
        editEnabled = view.enabled();
        newPassword = null;
    }

    public void save() {
        Pages.act(() -> {
            accounts.update(selected, new AccountChange(editFullName, editEmail, editRoles, editEnabled));
            list = null;
        }, "Account " + selected + " saved.");
    }

    public void resetPassword() {
        Pages.act(() -> accounts.setPassword(selected, newPassword, null), "New password set for " + selected + ".");
        newPassword = null;
    }

    public void close() {
        selected = null;
    }

    public boolean isEditing() {
        return selected != null;
    }

    public String getSelected() {
        return selected;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public List<String> getRoles() {
        return roles;
    }

    public void setRoles(List<String> roles) {
        this.roles = roles;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }

    public String getEditFullName() {
        return editFullName;
    }

    public void setEditFullName(String editFullName) {
        this.editFullName = editFullName;
    }

    public String getEditEmail() {
        return editEmail;
    }

    public void setEditEmail(String editEmail) {
        this.editEmail = editEmail;
    }

    public List<String> getEditRoles() {
        return editRoles;
    }

    public void setEditRoles(List<String> editRoles) {
        this.editRoles = editRoles;
    }

    public boolean isEditEnabled() {
        return editEnabled;
    }

    public void setEditEnabled(boolean editEnabled) {
        this.editEnabled = editEnabled;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }
}
