package org.neuroarchive.web.stats;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.neuroarchive.config.ClusterSettings;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import jakarta.faces.context.FacesContext;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.receiver.control.ReceiverStatus;
import org.neuroarchive.stats.control.ArchiveStats;
import org.neuroarchive.stats.control.StatisticsService;

/**
 * {@code /status}: disk space of incomingdir, archive and backup; queue depths; receiver; version. The
 * folders' absolute paths on the server are shown to admins only.
 */
@Named("status")
@RequestScoped
public class StatusPage {

    /** Space on the file system holding one of the folders. */
    public record Disk(String name, String path, String total, String free, int usedPercent) {
    }

    @Inject
    ClusterSettings cluster;

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
        boolean admin = FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.ADMIN);
        return List.of(disk("incomingdir", locations.incoming(), admin), disk("archivedir", locations.archive(), admin),
                disk("backupdir", locations.backup(), admin), disk("staging", locations.staging(), admin));
    }

    /** The disk of {@code path}: the path itself for admins, its folder name for everyone else. */
    static Disk disk(String name, Path path, boolean showPath) {
        String shown = showPath ? path.toString() : String.valueOf(path.getFileName());
        try {
            FileStore store = Files.getFileStore(path);
            long total = store.getTotalSpace();
            long free = store.getUsableSpace();
            return new Disk(name, shown, gib(total), gib(free), total == 0 ? 0 : (int) (100 * (total - free) / total));
        } catch (IOException e) {
            return new Disk(name, shown, "?", showPath ? "not readable: " + e.getMessage() : "not readable", 0);
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

    /** The node answering this page. */
    public String getNode() {
        return cluster.node();
    }

    public int getNodeLostSeconds() {
        return cluster.nodeLostSeconds();
    }

    public String getVersion() {
        return Optional.ofNullable(ArchiveStats.class.getPackage().getImplementationVersion()).orElse("development build");
    }
}
