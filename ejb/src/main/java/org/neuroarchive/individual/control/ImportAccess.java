package org.neuroarchive.individual.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Set;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectRights;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.common.control.Roles;

/**
 * Who may see and act on an individual import. It is visible to its creator, to admins, and to those
 * who may view the data of the project it names; others are told it does not exist (404). Its
 * archive, cancel and reparse are for its creator and admins. The patient fields of its staged series
 * are shown to its creator, admins, and those who may view PHI of its project.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportAccess {

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    ProjectRights projects;

    @Inject
    ImportLog importLog;

    /** The import if the caller may see it (locked when asked), else 404. */
    public ImportRequest visible(long id, boolean lock) {
        ImportRequest request = lock ? em.find(ImportRequest.class, id, LockModeType.PESSIMISTIC_WRITE)
                : em.find(ImportRequest.class, id);
        if (request == null || !sees(callers.current(), request)) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, "no import " + id);
        }
        return request;
    }

    /** The import, locked, if the caller may act on it: 404 when it may not see it, 403 when it only may see it. */
    public ImportRequest actionable(long id) {
        return mayActOn(visible(id, true));
    }

    /** {@code request} (visible to the caller) if the caller may act on it, else 403. */
    public ImportRequest mayActOn(ImportRequest request) {
        if (!mayAct(callers.current(), request)) {
            throw new RequestRejected(RequestRejected.Reason.FORBIDDEN, "only " + request.getCreatedBy()
                    + ", who created import " + request.getId() + ", or an admin may change it");
        }
        return request;
    }

    public boolean mayAct(Caller caller, ImportRequest request) {
        return caller.unrestricted() || caller.actor().text().equals(request.getCreatedBy());
    }

    public boolean sees(Caller caller, ImportRequest request) {
        return caller.unrestricted() || caller.actor().text().equals(request.getCreatedBy())
                || request.getProject() != null && caller.may(ProjectPermission.VIEW_DATA, projects.idOf(request.getProject()));
    }

    /** Whether the caller may see the patient fields of the import's staged series. */
    public boolean showsPhi(Caller caller, ImportRequest request) {
        return caller.unrestricted() || caller.actor().text().equals(request.getCreatedBy())
                || request.getProject() != null && caller.may(ProjectPermission.VIEW_PHI, projects.idOf(request.getProject()));
    }

    /**
     * A JPQL condition on import {@code alias} that holds for the imports the caller may see (bound by
     * {@link #bindVisible}).
     */
    public String visibleWhere(Caller caller, String alias) {
        return caller.unrestricted() ? "1 = 1"
                : "(" + alias + ".createdBy = :importCreator OR " + alias + ".project IN :importProjects)";
    }

    public <T> TypedQuery<T> bindVisible(Caller caller, TypedQuery<T> query) {
        if (!caller.unrestricted()) {
            Set<String> costcenters = projects.costcenters(ProjectScope.of(caller, ProjectPermission.VIEW_DATA));
            query.setParameter("importCreator", caller.actor().text())
                    .setParameter("importProjects", costcenters.isEmpty() ? Set.of("") : costcenters);
        }
        return query;
    }

    /** The id of the project the import names, or null. */
    public Long projectId(ImportRequest request) {
        return projects.idOf(request.getProject());
    }

    /** A line of the import's log, concerning its project. */
    public void log(ImportRequest request, ImportLogEntry.Outcome outcome, String message) {
        importLog.importStep(request.getId(), projectId(request), outcome, message);
    }
}
