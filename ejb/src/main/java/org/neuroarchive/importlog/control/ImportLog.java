package org.neuroarchive.importlog.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.neuroarchive.config.NodeName;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.common.control.RowBatch;
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
    private static final RowBatch ROWS = new RowBatch("import_log",
            List.of("created_at", "batch_id", "import_id", "outcome", "file_name", "subject_uid", "study_num",
                    "series_num", "message", "actor", "project_id", "node"),
            Types.TIMESTAMP, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.INTEGER,
            Types.INTEGER, Types.VARCHAR, Types.VARCHAR, Types.BIGINT, Types.VARCHAR);
    /** This server's name: every line names the node that wrote it. */
    private static final String NODE = NodeName.current();

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
        em.persist(entry.on(NODE));
        logLine(entry);
    }

    /**
     * Records the rows of one archive transaction (a row per file) in JDBC batches ({@link RowBatch})
     * rather than an INSERT and an id read per row; {@code rows} is empty afterwards.
     */
    public void recordAll(ImportLogRows rows) {
        List<ImportLogEntry> entries = rows.takeAll();
        if (entries.isEmpty()) {
            return;
        }
        String actor = callers.current().actor().text();
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        List<Object[]> values = new ArrayList<>(entries.size());
        for (ImportLogEntry entry : entries) {
            if (entry.getActor() == null) {
                entry.by(actor);
            }
            values.add(new Object[] {now, entry.getBatchId(), entry.getImportId(), entry.getOutcome().name(),
                entry.getFileName(), entry.getSubjectUid(), entry.getStudyNum(), entry.getSeriesNum(), entry.getMessage(),
                entry.getActor(), entry.getProjectId(), NODE});
        }
        ROWS.insert(em, values);
        entries.forEach(ImportLog::logLine);
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
