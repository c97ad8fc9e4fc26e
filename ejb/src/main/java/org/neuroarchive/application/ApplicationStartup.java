package org.neuroarchive.application;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import org.neuroarchive.config.IndividualImportSettings;
import org.neuroarchive.config.InvalidSettingException;
import org.neuroarchive.config.SettingsCheck;
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.neuroarchive.archive.control.ArchiveRequestHandler;
import org.neuroarchive.archive.control.CommitMarks;
import org.neuroarchive.archive.control.DerivedFilesRepair;
import org.neuroarchive.cluster.control.NodeJoin;
import org.neuroarchive.config.Resources;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.health.control.StartupProgress;
import org.neuroarchive.security.control.InitialAdmin;

/**
 * Runs once before anything else, in this order: reads and checks every setting (a value that cannot
 * work stops the deployment, see {@link SettingsCheck}); creates the data directories; migrates the
 * schema; repairs H2's identity counters; makes sure an administrator exists; joins the nodes sharing the
 * database (refusing to start under the name of a running node, see {@link NodeJoin}); creates the default
 * folder of server-path imports; runs the one start-up recovery of waiting series (every
 * {@link ArchiveRequestHandler}'s {@code recover}: claim folders of the folder scan, uploads, parses and
 * staged series of individual imports); repairs derived files (details, thumbnails) of recent series; and
 * removes commit marks a crash left (see {@link CommitMarks}).
 * Other beans that must not run earlier call {@link #ready()} (the message-driven beans) or depend on
 * it (the DICOM receiver, the timers).
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
@RunAs(Roles.SYSTEM)
@PermitAll
public class ApplicationStartup {

    private static final Logger LOG = Logger.getLogger(ApplicationStartup.class.getName());

    @Resource(name = Resources.DATASOURCE)
    DataSource dataSource;

    @Inject
    SettingsCheck settings;

    @Inject
    StorageLocations locations;

    @Inject
    @Any
    Instance<ArchiveRequestHandler> archiveRequests;

    @Inject
    DerivedFilesRepair derivedFiles;

    @Inject
    IndividualImportSettings individualImports;

    @Inject
    InitialAdmin initialAdmin;

    @Inject
    StartupProgress progress;

    @Inject
    NodeJoin nodeJoin;

    @Inject
    CommitMarks commitMarks;

    @PostConstruct
    void start() {
        checkSettings();
        locations.createDirectories();
        LOG.info(() -> "NeuroArchive data: incomingdir " + locations.incoming() + ", archivedir " + locations.archive()
                + ", problemdir " + locations.problem() + ", backupdir " + locations.backup()
                + ", staging " + locations.staging());
        SchemaMigration.migrate(dataSource);
        try {
            H2IdentityRepair.repair(dataSource);
            initialAdmin.ensure();
            nodeJoin.join();
            if (individualImports.usesDefaultRoot()) {
                Files.createDirectories(individualImports.defaultRoot());
            }
            LOG.info(() -> "individual imports may read server paths under " + individualImports.allowedRoots());
            for (ArchiveRequestHandler waiting : archiveRequests) {
                waiting.recover();
            }
            derivedFiles.repairRecent();
            forgetOldCommitMarks();
            progress.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("recovery of waiting series failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database's identity counters: " + e.getMessage(), e);
        }
    }

    /** Housekeeping: a failure is logged and the start goes on (the marks are only rows to remove, the next start tries again). */
    private void forgetOldCommitMarks() {
        try {
            int leftOver = commitMarks.forgetOlderThan(java.time.LocalDateTime.now().minusDays(1));
            if (leftOver > 0) {
                LOG.info(() -> leftOver + " commit marks older than a day removed (left by a crash after their transactions ended)");
            }
        } catch (jakarta.ejb.EJBException | jakarta.persistence.PersistenceException e) {
            LOG.warning(() -> "commit marks left by a crash were not removed at this start (the next start tries again): " + e);
        }
    }

    private void checkSettings() {
        try {
            settings.check();
        } catch (RuntimeException e) {
            InvalidSettingException invalid = SettingsCheck.reason(e);
            if (invalid == null) {
                throw e;
            }
            LOG.severe(() -> "NeuroArchive does not start: " + invalid.getMessage());
            throw invalid;
        }
    }

    /**
     * Returns once startup has completed: the container delivers no call before the singleton's
     * initialisation has finished. A read lock, so that concurrent message deliveries do not queue
     * behind each other on this call (the default, a write lock, serialised every delivery).
     */
    @Lock(LockType.READ)
    public boolean ready() {
        return true;
    }
}
