package org.neuroarchive.application;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
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
import java.io.UncheckedIOException;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.neuroarchive.archive.control.ArchiveRequestHandler;
import org.neuroarchive.archive.control.DerivedFilesRepair;
import org.neuroarchive.config.Resources;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.security.control.InitialAdmin;

/**
 * Runs once before anything else: creates the data directories, migrates the schema, repairs the
 * database's identity counters, makes sure an administrator exists, and runs the one start-up
 * recovery of waiting series (every {@link ArchiveRequestHandler}'s {@code recover}: claim folders of
 * the folder scan, uploads, parses and staged series of individual imports), then repairs derived
 * files of recent series. Other beans that must not run earlier call {@link #ready()}.
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

    @PostConstruct
    void start() {
        locations.createDirectories();
        LOG.info(() -> "NeuroArchive data: incomingdir " + locations.incoming() + ", archivedir " + locations.archive()
                + ", problemdir " + locations.problem() + ", backupdir " + locations.backup()
                + ", staging " + locations.staging());
        SchemaMigration.migrate(dataSource);
        try {
            H2IdentityRepair.repair(dataSource);
            initialAdmin.ensure();
            if (individualImports.usesDefaultRoot()) {
                Files.createDirectories(individualImports.defaultRoot());
            }
            LOG.info(() -> "individual imports may read server paths under " + individualImports.allowedRoots());
            for (ArchiveRequestHandler waiting : archiveRequests) {
                waiting.recover();
            }
            derivedFiles.repairRecent();
        } catch (IOException e) {
            throw new UncheckedIOException("recovery of waiting series failed", e);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database's identity counters: " + e.getMessage(), e);
        }
    }

    /** Returns once startup has completed (the container serialises calls after initialisation). */
    public boolean ready() {
        return true;
    }
}
