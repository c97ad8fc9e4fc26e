package org.neuroarchive.receiver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.AtomicFiles;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.StorageListener;
import org.neuroarchive.importing.control.ScanTrigger;

/**
 * Takes each object the DICOM receiver completed and renames it into
 * {@code incomingdir/received/<calling AE>/}, where the global import takes it without waiting for
 * it to settle (it is complete by construction); asks for a scan at most once a second while
 * objects arrive and once more when an association ends. An object from a calling AE title that is
 * not allowed, or one that cannot be moved, is refused: the sender gets no success for it.
 */
@ApplicationScoped
public class ReceivedObjects implements StorageListener.Sink {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");
    private static final long SCAN_EVERY_MILLIS = 1000;

    @Inject
    StorageLocations locations;

    @Inject
    ReceiverSettings settings;

    @Inject
    ReceiverStatus status;

    @Inject
    ScanTrigger scans;

    private final AtomicLong lastScanRequest = new AtomicLong();

    @Override
    public void received(Path file, String callingAet, String transferSyntaxUid) throws IOException {
        if (!settings.allowedCallingAets().isEmpty() && !settings.allowedCallingAets().contains(callingAet)) {
            status.failed();
            Files.deleteIfExists(file);
            LOG.warning(() -> "refused an object from calling AE title '" + callingAet + "': not in neuroarchive.dicom.allowed-calling-aets");
            throw new IOException("calling AE title " + callingAet + " is not allowed to store");
        }
        long size = Files.size(file);
        try {
            moveIntoIncoming(file, folderName(callingAet));
        } catch (IOException e) {
            status.failed();
            LOG.warning(() -> "a received object could not be put into incomingdir: " + e);
            throw e;
        }
        status.received(size);
        long now = System.currentTimeMillis();
        long last = lastScanRequest.get();
        if (now - last >= SCAN_EVERY_MILLIS && lastScanRequest.compareAndSet(last, now)) {
            scans.scanSoon();
        }
    }

    @Override
    public void associationOpened(String remote) {
        status.associationOpened();
    }

    @Override
    public void associationEnded(String remote, boolean released) {
        status.associationEnded();
        if (!released) {
            LOG.info(() -> "DICOM association from " + remote + " ended without release; objects not complete were discarded");
        }
        scans.scanSoon();
    }

    private void moveIntoIncoming(Path file, String folder) throws IOException {
        Path dir = locations.received().resolve(folder);
        for (int attempt = 0; ; attempt++) {
            try {
                // never overwrites: the same object sent twice is kept twice, and the archive decides
                AtomicFiles.moveUnder(file, dir, file.getFileName() + ".dcm");
                return;
            } catch (NoSuchFileException folderRemoved) {
                if (attempt >= 3 || !Files.exists(file)) {
                    throw folderRemoved;
                }
                // the scanner removed the empty folder just now: create it again
            }
        }
    }

    /** The calling AE title as a folder name: letters, digits, '-', '_' and '.'; "unknown" if empty. */
    static String folderName(String callingAet) {
        String clean = callingAet.replaceAll("[^A-Za-z0-9._-]", "_");
        return clean.isEmpty() || clean.startsWith(".") ? "unknown" + clean : clean;
    }
}
