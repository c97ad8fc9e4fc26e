package org.neuroarchive.config;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Limits and roots of the individual import (env {@code NEUROARCHIVE_IMPORT_*}): where server-path
 * imports may read from, and how much an upload or archive may hold once unpacked.
 */
@ApplicationScoped
public class IndividualImportSettings {

    @Inject
    StorageLocations locations;

    /** Comma-separated directories; default: {@code <data-dir>/import}. */
    @Inject
    @ConfigProperty(name = "neuroarchive.import.allowed-roots")
    Optional<String> allowedRoots;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.max-unpacked-bytes", defaultValue = "21474836480")
    long maxUnpackedBytes;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.max-files", defaultValue = "100000")
    int maxFiles;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.max-compression-ratio", defaultValue = "100")
    long maxCompressionRatio;

    @Inject
    @ConfigProperty(name = "neuroarchive.import.max-upload-bytes", defaultValue = "21474836480")
    long maxUploadBytes;

    /** Server paths an import may read: these directories and everything below them. */
    public List<Path> allowedRoots() {
        return allowedRoots.filter(s -> !s.isBlank())
                .map(s -> Arrays.stream(s.split(",")).map(String::strip).filter(p -> !p.isEmpty())
                        .map(p -> Path.of(p).toAbsolutePath().normalize()).toList())
                .orElseGet(() -> List.of(defaultRoot()));
    }

    /** {@code <data-dir>/import}, created at start-up when no roots are configured. */
    public Path defaultRoot() {
        return locations.data().resolve("import");
    }

    public boolean usesDefaultRoot() {
        return allowedRoots.filter(s -> !s.isBlank()).isEmpty();
    }

    public long maxUnpackedBytes() {
        return maxUnpackedBytes;
    }

    public int maxFiles() {
        return maxFiles;
    }

    public long maxCompressionRatio() {
        return maxCompressionRatio;
    }

    public long maxUploadBytes() {
        return maxUploadBytes;
    }
}
