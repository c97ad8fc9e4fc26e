package org.neuroarchive.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import org.neuroarchive.security.control.Accounts;
import org.neuroarchive.security.control.CallerProfile;
import org.neuroarchive.security.control.Profile;
import org.neuroarchive.web.Pages;

/** {@code /account}: the caller's own details, roles and projects, and a form to change its own password. */
@Named("accountPage")
@ViewScoped
public class AccountPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient CallerProfile profile;

    @Inject
    transient Accounts accounts;

    private transient Profile me;
    private String currentPassword;
    private String newPassword;
    private String repeatPassword;

    public Profile getMe() {
        if (me == null) {
            me = profile.me();
        }
        return me;
    }

    public void changePassword() {
        String current = currentPassword;
        currentPassword = null;
        if (newPassword == null || !newPassword.equals(repeatPassword)) {
            Pages.message(FacesMessage.SEVERITY_ERROR, "The new password and its repetition differ.");
        } else {
            Pages.act(() -> accounts.setPassword(getMe().login(), newPassword, current == null ? "" : current),
                    "Your password is changed.");
        }
        newPassword = null;
        repeatPassword = null;
    }

    public String getCurrentPassword() {
        return currentPassword;
    }

    public void setCurrentPassword(String currentPassword) {
        this.currentPassword = currentPassword;
    }

    public String getNewPassword() {
        return newPassword;
    }

    public void setNewPassword(String newPassword) {
        this.newPassword = newPassword;
    }

    public String getRepeatPassword() {
        return repeatPassword;
    }

    public void setRepeatPassword(String repeatPassword) {
        this.repeatPassword = repeatPassword;
    }
}
