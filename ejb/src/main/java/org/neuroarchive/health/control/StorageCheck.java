package org.neuroarchive.health.control;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Whether the archive's folders can take files: each can be written (a probe file is created and
 * deleted, which also proves the file system is not read-only), and each file system they lie on has
 * more usable space than the floor. Why a check failed is logged, never answered.
 */
final class StorageCheck {

    private static final Logger LOG = Logger.getLogger(StorageCheck.class.getName());

    private final long minFreeBytes;

    StorageCheck(long minFreeBytes) {
        this.minFreeBytes = minFreeBytes;
    }

    /**
     * True when {@code folder} exists and a file can be created and deleted in it. The probe has a hidden
     * name of its own ({@code .health-*.probe}): the folder scan skips hidden files, and concurrent checks
     * never meet.
     */
    boolean writable(String label, Path folder) {
        try {
            Path probe = Files.createTempFile(folder, ".health-", ".probe");
            try {
                Files.write(probe, new byte[] {'o', 'k'});
            } finally {
                Files.delete(probe);
            }
            return true;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "health: {0} ({1}) cannot be written: {2}", new Object[] {label, folder, e.toString()});
            return false;
        }
    }

    /** True when every file system under {@code folders} (label → folder) has more than the floor usable. */
    boolean spaceAboveFloor(Map<String, Path> folders) {
        Map<FileStore, String> stores = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, Path> folder : folders.entrySet()) {
                stores.putIfAbsent(Files.getFileStore(folder.getValue()), folder.getKey());
            }
            boolean above = true;
            for (Map.Entry<FileStore, String> store : stores.entrySet()) {
                long usable = store.getKey().getUsableSpace();
                if (usable <= minFreeBytes) {
                    LOG.warning(() -> "health: the file system of " + store.getValue() + " has " + usable
                            + " bytes usable, the floor is " + minFreeBytes + " (neuroarchive.dicom.min-free-bytes)");
                    above = false;
                }
            }
            return above;
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.WARNING, "health: free space cannot be read: {0}", e.toString());
            return false;
        }
    }
}
