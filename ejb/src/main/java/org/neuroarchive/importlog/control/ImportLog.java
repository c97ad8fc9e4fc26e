package org.neuroarchive.importlog.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.Collections;
import java.util.List;
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
    private static final int ROWS_PER_STATEMENT = 100;
    private static final String INSERT = "INSERT INTO import_log (created_at, batch_id, import_id, outcome, file_name, "
            + "subject_uid, study_num, series_num, message, actor, project_id) VALUES ";
    private static final String ROW_VALUES = "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        logLine(entry);
    }

    /**
     * Records the rows of one archive transaction (a row per file) with one INSERT statement per
     * {@value #ROWS_PER_STATEMENT} rows rather than one per row; {@code rows} is empty afterwards.
     */
    public void recordAll(ImportLogRows rows) {
        List<ImportLogEntry> entries = rows.takeAll();
        if (entries.isEmpty()) {
            return;
        }
        String actor = callers.current().actor().text();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        for (int from = 0; from < entries.size(); from += ROWS_PER_STATEMENT) {
            List<ImportLogEntry> chunk = entries.subList(from, Math.min(entries.size(), from + ROWS_PER_STATEMENT));
            Query insert = em.createNativeQuery(INSERT + String.join(",", Collections.nCopies(chunk.size(), ROW_VALUES)));
            int p = 1;
            for (ImportLogEntry entry : chunk) {
                if (entry.getActor() == null) {
                    entry.by(actor);
                }
                Object[] values = {now, entry.getBatchId(), entry.getImportId(), entry.getOutcome().name(), entry.getFileName(),
                    entry.getSubjectUid(), entry.getStudyNum(), entry.getSeriesNum(), entry.getMessage(), entry.getActor(),
                    entry.getProjectId()};
                for (Object value : values) {
                    insert.setParameter(p++, value);
                }
                logLine(entry);
            }
            insert.executeUpdate();
        }
    }

    private static void logLine(ImportLogEntry entry) {
        Level level = switch (entry.getOutcome()) {
            case QUARANTINED, FAILED -> Level.WARNING;
            case ARCHIVED -> Level.FINE;
            default -> Level.INFO;
        };
        LOG.log(level, "[{0}] {1} {2}: {3}",
                new Object[] {entry.getOutcome(), entry.getActor(), entry.getFileName(), entry.getMessage()});
    }
}
