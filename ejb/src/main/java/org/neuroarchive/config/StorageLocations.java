package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.Config;

/**
 * Where NeuroArchive keeps files, in NiDB's words. Everything lives under {@code neuroarchive.data-dir}
 * (env {@code NEUROARCHIVE_DATA_DIR}, default {@code ./data}) unless a directory is set on its own,
 * e.g. {@code NEUROARCHIVE_INCOMING_DIR}. Read once, at start-up, by the rule of {@link SettingReader}.
 */
@ApplicationScoped
public class StorageLocations {

    @Inject
    Config config;

    private Path data;
    private Path incoming;
    private Path archive;
    private Path problem;
    private Path backup;
    private Path staging;
    private Path claims;
    private Path receivingRoot;
    private String node;

    /** For CDI. */
    public StorageLocations() {
    }

    /** Every directory under one data directory (tests and tools). */
    public static StorageLocations under(Path dataDir) {
        return from(SettingReader.of(Map.of("neuroarchive.data-dir", dataDir.toString())));
    }

    /** Locations from these values (tests and tools). */
    public static StorageLocations from(SettingReader settings) {
        StorageLocations locations = new StorageLocations();
        locations.read(settings);
        return locations;
    }

    @PostConstruct
    void load() {
        read(SettingReader.of(config));
    }

    private void read(SettingReader settings) {
        data = settings.path("neuroarchive.data-dir").orElse(Path.of("./data").toAbsolutePath().normalize());
        incoming = settings.path("neuroarchive.incoming-dir").orElse(data.resolve("incoming"));
        archive = settings.path("neuroarchive.archive-dir").orElse(data.resolve("archive"));
        problem = settings.path("neuroarchive.problem-dir").orElse(data.resolve("problem"));
        backup = settings.path("neuroarchive.backup-dir").orElse(data.resolve("backup"));
        staging = settings.path("neuroarchive.staging-dir").orElse(data.resolve("staging"));
        // claimed series wait here for their archive message; beside incoming so that claiming is a rename
        claims = incoming.resolveSibling(incoming.getFileName() + ".claimed");
        // objects arriving over DICOM are written here, beside incomingdir, and renamed into it when complete;
        // one folder per node, as several servers may share the data folder
        receivingRoot = incoming.resolveSibling(incoming.getFileName() + ".receiving");
        node = NodeName.current();
    }

    /** Creates every directory that is missing. */
    public void createDirectories() {
        for (Path dir : List.of(data, incoming, archive, problem, backup, staging, claims, receiving())) {
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create directory " + dir, e);
            }
        }
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

    /**
     * Where this node's DICOM receiver and STOW-RS write objects while they arrive (one folder per
     * association or request): {@code <incomingdir>.receiving/<node>}.
     */
    public Path receiving() {
        return receivingRoot.resolve(node);
    }

    /** The receiving folder of node {@code node} (to clear what a lost node left). */
    public Path receiving(String node) {
        if (!NodeName.valid(node)) {
            throw new IllegalArgumentException("not a node name: " + node);
        }
        return receivingRoot.resolve(node);
    }

    /** Where the receiving folders of every node are. */
    public Path receivingRoot() {
        return receivingRoot;
    }

    /** The folder of incomingdir the DICOM receiver renames complete objects into: taken without settling. */
    public Path received() {
        return incoming.resolve("received");
    }
}
