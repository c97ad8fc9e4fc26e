package org.neuroarchive.importlog.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.security.control.Callers;

/**
 * Writes the import log: a database row a user can query and a line in the server log. Expected
 * problems (bad files) are logged as one readable line, never as a stack trace. Every line names its
 * actor: the caller, or the person a message-driven bean works for. Messages carry no PatientID or
 * patient name (subject UIDs instead): the log is shown to people who may not see patient data.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportLog {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    /** For the container. */
    public ImportLog() {
    }

    /** Outside a container (tests): {@code em} is the persistence context of the caller's transaction. */
    public ImportLog(EntityManager em, Callers callers) {
        this.em = em;
        this.callers = callers;
    }

    /**
     * A step of individual import {@code importId} (created, parsed, archived, failed…), concerning
     * project {@code projectId} (the import's project, null when it names none).
     */
    public void importStep(long importId, Long projectId, ImportLogEntry.Outcome outcome, String message) {
        record(new ImportLogEntry(LogSource.individualImport(importId), outcome, "import " + importId, message)
                .inProject(projectId));
    }

    public void record(ImportLogEntry entry) {
        if (entry.getActor() == null) {
            entry.by(callers.current().actor().text());
        }
        em.persist(entry);
        Level level = switch (entry.getOutcome()) {
            case QUARANTINED, FAILED -> Level.WARNING;
            case ARCHIVED -> Level.FINE;
            default -> Level.INFO;
        };
        LOG.log(level, "[{0}] {1} {2}: {3}",
                new Object[] {entry.getOutcome(), entry.getActor(), entry.getFileName(), entry.getMessage()});
    }
}
