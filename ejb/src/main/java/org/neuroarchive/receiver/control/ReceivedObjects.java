package org.neuroarchive.receiver.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.neuroarchive.files.AtomicFiles;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.AssociationInfo;
import org.neuroarchive.dicom.DicomPeer;
import org.neuroarchive.dicom.Refusal;
import org.neuroarchive.dicom.StorageListener;
import org.neuroarchive.importing.control.ReceivedFolders;
import org.neuroarchive.importing.control.ScanTrigger;

/**
 * Takes each object the DICOM receiver completed and renames it into the peer's folder of
 * {@code incomingdir/received/} (named by the configured peer entry, see {@link ReceivedFolders}; the
 * file name is a fresh UUID), where the global import takes it without waiting for it to settle; asks
 * for a scan at most once a second while objects arrive and once more when an association ends. Only
 * regular files inside the receiving folder are ever moved, and only into the received folder.
 * Associations and refusals go to the {@link ReceiverStatus} counters and the {@link ReceiverAudit}.
 */
@ApplicationScoped
public class ReceivedObjects implements StorageListener.Sink {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");
    private static final long SCAN_EVERY_MILLIS = 1000;

    @Inject
    StorageLocations locations;

    @Inject
    ReceiverStatus status;

    @Inject
    ReceiverAudit audit;

    @Inject
    ScanTrigger scans;

    private final AtomicLong lastScanRequest = new AtomicLong();

    @Override
    public void received(Path file, AssociationInfo association, String transferSyntaxUid) throws IOException {
        try {
            Path source = inside(locations.receiving(), file);
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("not a regular file: " + source.getFileName());
            }
            long size = Files.size(source);
            moveIntoIncoming(source, folder(association.peer()));
            status.received(size);
        } catch (IOException | RuntimeException e) {
            status.failed();
            LOG.warning(() -> "a received object of association " + association.number()
                    + " could not be put into incomingdir: " + e);
            throw e;
        }
        long now = System.currentTimeMillis();
        long last = lastScanRequest.get();
        if (now - last >= SCAN_EVERY_MILLIS && lastScanRequest.compareAndSet(last, now)) {
            scans.scanSoon();
        }
    }

    @Override
    public void associationOpened(AssociationInfo association) {
        status.associationOpened();
    }

    @Override
    public void associationEnded(AssociationInfo association, boolean released, int objectsStored, String problem) {
        status.associationEnded();
        audit.association(association, released, objectsStored, problem);
        scans.scanSoon();
    }

    @Override
    public void refused(Refusal refusal) {
        status.refused(refusal.reason());
        audit.refused(refusal);
    }

    /** The peer's folder below incomingdir/received, checked to be a direct child of it. */
    private Path folder(DicomPeer peer) throws IOException {
        Path received = locations.received().toAbsolutePath().normalize();
        Path folder = received.resolve(ReceivedFolders.folderName(peer.aet(), peer.costcenter())).normalize();
        if (!received.equals(folder.getParent())) {
            throw new IOException("peer folder outside incomingdir/received");
        }
        return folder;
    }

    /** {@code file}, absolute, when it lies below {@code root}; an {@link IOException} otherwise. */
    static Path inside(Path root, Path file) throws IOException {
        Path base = root.toAbsolutePath().normalize();
        Path path = file.toAbsolutePath().normalize();
        if (!path.startsWith(base) || path.equals(base)) {
            throw new IOException("refused to move a file outside " + base + ": " + path.getFileName());
        }
        return path;
    }

    private void moveIntoIncoming(Path file, Path dir) throws IOException {
        for (int attempt = 0; ; attempt++) {
            try {
                // a name of our own: never overwrites, and nothing a peer sent is in it
                AtomicFiles.moveUnder(file, dir, UUID.randomUUID() + ".dcm");
                return;
            } catch (NoSuchFileException folderRemoved) {
                if (attempt >= 3 || !Files.exists(file)) {
                    throw folderRemoved;
                }
                // the scanner removed the empty folder just now: create it again
            }
        }
    }
}
