package org.neuroarchive.importlog.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;

/**
 * Writes the import log: a database row a user can query and a line in the server log. Expected
 * problems (bad files) are logged as one readable line, never as a stack trace.
 */
@Stateless
public class ImportLog {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    /** A step of individual import {@code importId} (created, parsed, archived, failed…). */
    public void importStep(long importId, ImportLogEntry.Outcome outcome, String message) {
        record(new ImportLogEntry(LogSource.individualImport(importId), outcome, "import " + importId, message));
    }

    public void record(ImportLogEntry entry) {
        em.persist(entry);
        Level level = switch (entry.getOutcome()) {
            case QUARANTINED, FAILED -> Level.WARNING;
            case ARCHIVED -> Level.FINE;
            default -> Level.INFO;
        };
        LOG.log(level, "[{0}] {1}: {2}", new Object[] {entry.getOutcome(), entry.getFileName(), entry.getMessage()});
    }
}
