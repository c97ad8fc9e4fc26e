package org.neuroarchive.config;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;

/**
 * Limits and roots of the individual import ({@code neuroarchive.individual.*}, env
 * {@code NEUROARCHIVE_INDIVIDUAL_*}): where server-path imports may read from, and how much an upload
 * or archive may hold once unpacked. Read once, at start-up, by the rule of {@link SettingReader}.
 * These keys were {@code neuroarchive.import.*} (the global import's prefix) before; the old names
 * still work when the new ones are not set, and the log says which name replaces each.
 */
@ApplicationScoped
public class IndividualImportSettings {

    public static final String ALLOWED_ROOTS = "neuroarchive.individual.allowed-roots";
    public static final String MAX_UNPACKED_BYTES = "neuroarchive.individual.max-unpacked-bytes";
    public static final String MAX_FILES = "neuroarchive.individual.max-files";
    public static final String MAX_COMPRESSION_RATIO = "neuroarchive.individual.max-compression-ratio";
    public static final String MAX_UPLOAD_BYTES = "neuroarchive.individual.max-upload-bytes";

    /** 1 PiB: more than any upload or import, small enough to add an envelope without overflow. */
    static final long MAX_BYTES = 1L << 50;
    private static final long GIB_20 = 20L << 30;
    private static final Logger LOG = Logger.getLogger("org.neuroarchive.config");

    @Inject
    Config config;

    @Inject
    StorageLocations locations;

    /** Empty: {@code <data-dir>/import}. */
    private List<Path> allowedRoots;
    private long maxUnpackedBytes;
    private int maxFiles;
    private long maxCompressionRatio;
    private long maxUploadBytes;

    /** For CDI. */
    public IndividualImportSettings() {
    }

    /** Settings from these values (tests and tools). */
    public static IndividualImportSettings from(SettingReader settings, StorageLocations locations) {
        IndividualImportSettings read = new IndividualImportSettings();
        read.locations = locations;
        read.read(settings);
        return read;
    }

    @PostConstruct
    void load() {
        SettingReader settings = SettingReader.of(config);
        read(settings);
        settings.deprecations().forEach(LOG::warning);
    }

    private void read(SettingReader settings) {
        for (String key : List.of(ALLOWED_ROOTS, MAX_UNPACKED_BYTES, MAX_FILES, MAX_COMPRESSION_RATIO, MAX_UPLOAD_BYTES)) {
            settings.renamed(key.replace("neuroarchive.individual.", "neuroarchive.import."), key);
        }
        allowedRoots = roots(settings);
        maxUnpackedBytes = settings.wholeNumber(MAX_UNPACKED_BYTES, GIB_20, 1, MAX_BYTES);
        maxFiles = settings.wholeNumber(MAX_FILES, 100_000, 1, Integer.MAX_VALUE);
        maxCompressionRatio = settings.wholeNumber(MAX_COMPRESSION_RATIO, 100L, 1, 1_000_000);
        maxUploadBytes = settings.wholeNumber(MAX_UPLOAD_BYTES, GIB_20, 1, MAX_BYTES);
    }

    private static List<Path> roots(SettingReader settings) {
        try {
            return settings.list(ALLOWED_ROOTS, "").stream().map(p -> Path.of(p).toAbsolutePath().normalize()).toList();
        } catch (InvalidPathException notAPath) {
            throw settings.invalid(ALLOWED_ROOTS, "is not a comma-separated list of directories: " + notAPath.getMessage());
        }
    }

    /** Server paths an import may read: these directories and everything below them. */
    public List<Path> allowedRoots() {
        return allowedRoots.isEmpty() ? List.of(defaultRoot()) : allowedRoots;
    }

    /** {@code <data-dir>/import}, created at start-up when no roots are configured. */
    public Path defaultRoot() {
        return locations.data().resolve("import");
    }

    public boolean usesDefaultRoot() {
        return allowedRoots.isEmpty();
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
