package org.neuroarchive.web.admin;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.security.control.AuditFilter;
import org.neuroarchive.security.control.AuditSearch;
import org.neuroarchive.security.control.AuditView;
import org.neuroarchive.web.PagedRows;
import org.neuroarchive.web.Pages;

/** {@code /admin/audit}: the audit trail filtered by actor, action, project, outcome and dates, newest first, a page at a time. */
@Named("auditPage")
@ViewScoped
public class AuditPage extends PagedRows<AuditView> {

    private static final long serialVersionUID = 1L;
    public static final int PAGE = 50;

    @Inject
    transient AuditSearch search;

    private String actor;
    private String action;
    private String project;
    private String outcome;

    public AuditPage() {
        super(PAGE, null, null);
    }

    /** The rows of one page; read once per filter or page (each reading is itself audited). */
    @Override
    protected List<AuditView> load(int offset, int limit) {
        try {
            return search.search(new AuditFilter(actor, action, project, outcome, fromTime(), toTime()), offset, limit);
        } catch (RequestRejected rejected) {
            Pages.message(FacesMessage.SEVERITY_ERROR, rejected.getMessage());
            return List.of();
        }
    }

    public String getActor() {
        return actor;
    }

    public void setActor(String actor) {
        this.actor = actor;
    }

    public String getAction() {
        return action;
    }

    public void setAction(String action) {
        this.action = action;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public String getOutcome() {
        return outcome;
    }

    public void setOutcome(String outcome) {
        this.outcome = outcome;
    }
}
