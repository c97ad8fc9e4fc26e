package org.neuroarchive.web;

import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import org.neuroarchive.common.control.RequestRejected;

/** What every screen does with the outcome of an action: a message a person can act on. */
public final class Pages {

    private Pages() {
    }

    /** Runs the action and shows {@code done}, or the reason it was refused. */
    public static void act(Runnable action, String done) {
        try {
            action.run();
            message(FacesMessage.SEVERITY_INFO, done);
        } catch (RequestRejected rejected) {
            message(FacesMessage.SEVERITY_ERROR, rejected.getMessage());
        } catch (jakarta.ejb.EJBAccessException denied) {
            message(FacesMessage.SEVERITY_ERROR, "Your roles do not allow this.");
        } catch (EJBException failed) {
            message(FacesMessage.SEVERITY_ERROR, failed.getCause() instanceof RequestRejected r ? r.getMessage()
                    : "the action failed: " + failed.getMessage());
        }
    }

    public static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
