package org.neuroarchive.stats.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.receiver.control.ReceiverStatus;
import org.neuroarchive.stats.control.ArchiveStats;
import org.neuroarchive.stats.control.StatisticsService;

/** {@code /status}: disk space of incomingdir, archive and backup; queue depths; receiver; version. */
@Named("status")
@RequestScoped
public class StatusPage {

    /** Space on the file system holding one of the folders. */
    public record Disk(String name, String path, String total, String free, int usedPercent) {
    }

    @Inject
    StorageLocations locations;

    @Inject
    StatisticsService statistics;

    @Inject
    ReceiverStatus receiver;

    @Inject
    ImportQueries imports;

    private ArchiveStats stats;

    public List<Disk> getDisks() {
        return List.of(disk("incomingdir", locations.incoming()), disk("archivedir", locations.archive()),
                disk("backupdir", locations.backup()), disk("staging", locations.staging()));
    }

    private static Disk disk(String name, Path path) {
        try {
            FileStore store = Files.getFileStore(path);
            long total = store.getTotalSpace();
            long free = store.getUsableSpace();
            return new Disk(name, path.toString(), gib(total), gib(free), total == 0 ? 0 : (int) (100 * (total - free) / total));
        } catch (IOException e) {
            return new Disk(name, path.toString(), "?", "not readable: " + e.getMessage(), 0);
        }
    }

    private static String gib(long bytes) {
        return String.format(java.util.Locale.ROOT, "%.1f GiB", bytes / 1073741824.0);
    }

    public ArchiveStats getStats() {
        if (stats == null) {
            stats = statistics.current();
        }
        return stats;
    }

    public long getImportsInProgress() {
        return imports.running();
    }

    public ReceiverStatus.View getReceiver() {
        return receiver.view();
    }

    public String getVersion() {
        return Optional.ofNullable(ArchiveStats.class.getPackage().getImplementationVersion()).orElse("development build");
    }
}
