package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where NeuroArchive keeps files, in NiDB's words. Everything lives under {@code neuroarchive.data-dir}
 * (env {@code NEUROARCHIVE_DATA_DIR}, default {@code ./data}) unless a directory is set on its own,
 * e.g. {@code NEUROARCHIVE_INCOMING_DIR}.
 */
@ApplicationScoped
public class StorageLocations {

    @Inject
    @ConfigProperty(name = "neuroarchive.data-dir", defaultValue = "./data")
    String dataDir;

    @Inject
    @ConfigProperty(name = "neuroarchive.incoming-dir")
    Optional<String> incomingDir;

    @Inject
    @ConfigProperty(name = "neuroarchive.archive-dir")
    Optional<String> archiveDir;

    @Inject
    @ConfigProperty(name = "neuroarchive.problem-dir")
    Optional<String> problemDir;

    @Inject
    @ConfigProperty(name = "neuroarchive.backup-dir")
    Optional<String> backupDir;

    @Inject
    @ConfigProperty(name = "neuroarchive.staging-dir")
    Optional<String> stagingDir;

    private Path data;
    private Path incoming;
    private Path archive;
    private Path problem;
    private Path backup;
    private Path staging;
    private Path claims;
    private Path receiving;

    /** For CDI. */
    public StorageLocations() {
    }

    /** Every directory under one data directory (tests and tools). */
    public static StorageLocations under(Path dataDir) {
        StorageLocations locations = new StorageLocations();
        locations.dataDir = dataDir.toString();
        locations.incomingDir = Optional.empty();
        locations.archiveDir = Optional.empty();
        locations.problemDir = Optional.empty();
        locations.backupDir = Optional.empty();
        locations.stagingDir = Optional.empty();
        locations.resolve();
        return locations;
    }

    @PostConstruct
    void resolve() {
        data = absolute(dataDir);
        incoming = incomingDir.map(StorageLocations::absolute).orElse(data.resolve("incoming"));
        archive = archiveDir.map(StorageLocations::absolute).orElse(data.resolve("archive"));
        problem = problemDir.map(StorageLocations::absolute).orElse(data.resolve("problem"));
        backup = backupDir.map(StorageLocations::absolute).orElse(data.resolve("backup"));
        staging = stagingDir.map(StorageLocations::absolute).orElse(data.resolve("staging"));
        // claimed series wait here for their archive message; beside incoming so that claiming is a rename
        claims = incoming.resolveSibling(incoming.getFileName() + ".claimed");
        // objects arriving over DICOM are written here, beside incomingdir, and renamed into it when complete
        receiving = incoming.resolveSibling(incoming.getFileName() + ".receiving");
    }

    /** Creates every directory that is missing. */
    public void createDirectories() {
        for (Path dir : List.of(data, incoming, archive, problem, backup, staging, claims, receiving)) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create directory " + dir, e);
            }
        }
    }

    private static Path absolute(String path) {
        return Path.of(path).toAbsolutePath().normalize();
    }

    public Path data() {
        return data;
    }

    public Path incoming() {
        return incoming;
    }

    public Path archive() {
        return archive;
    }

    public Path problem() {
        return problem;
    }

    public Path backup() {
        return backup;
    }

    public Path staging() {
        return staging;
    }

    /** Series claimed out of incomingdir, one folder per claim, until archived. */
    public Path claims() {
        return claims;
    }

    /** Where the DICOM receiver writes objects while they arrive (one folder per association). */
    public Path receiving() {
        return receiving;
    }

    /** The folder of incomingdir the DICOM receiver renames complete objects into: taken without settling. */
    public Path received() {
        return incoming.resolve("received");
    }
}
