package org.neuroarchive.receiver.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import org.neuroarchive.common.control.Folders;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.logging.Logger;
import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.config.ReceiverSettings;
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
 * file name is a fresh UUID), inside a hidden batch folder of its association ({@link ReceivedBatches}),
 * before the peer is answered. A batch is handed to the global import by one rename, when the
 * association ends, when it is full or old enough ({@code neuroarchive.dicom.batch-objects},
 * {@code neuroarchive.dicom.batch-seconds}), and a scan is asked for then: the import takes the batch at
 * once, without waiting for it to settle, and archives the objects of a series found in one scan in one
 * transaction rather than one or two objects at a time. Only regular files inside the receiving folder are ever moved, and only
 * into the received folder. Associations and refusals go to the {@link ReceiverStatus} counters and the
 * {@link ReceiverAudit}.
 */
@ApplicationScoped
public class ReceivedObjects implements StorageListener.Sink {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");

    @Inject
    StorageLocations locations;

    @Inject
    ReceiverSettings settings;

    @Inject
    ClusterSettings cluster;

    @Inject
    ReceiverStatus status;

    @Inject
    ReceiverAudit audit;

    @Inject
    ScanTrigger scans;

    private ReceivedBatches batches;

    @PostConstruct
    void init() {
        batches = new ReceivedBatches(cluster.node(), settings.batchObjects(), Duration.ofSeconds(settings.batchSeconds()));
    }

    @Override
    public void received(Path file, AssociationInfo association, String transferSyntaxUid) throws IOException {
        boolean released;
        try {
            Path source = inside(locations.receiving(), file);
            if (!Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new IOException("not a regular file: " + source.getFileName());
            }
            long size = Files.size(source);
            released = batches.add(association.number(), folder(association.peer()), source);
            status.received(size);
        } catch (IOException | RuntimeException e) {
            status.failed();
            LOG.warning(() -> "a received object of association " + association.number()
                    + " could not be put into incomingdir: " + e);
            throw e;
        }
        if (released) {
            scans.scanSoon();
        }
    }

    /** Hands over the batches whose first object is old enough (called periodically, so an idle association keeps none). */
    public void releaseDueBatches() {
        if (batches.releaseDue() > 0) {
            scans.scanSoon();
        }
    }

    /**
     * At start-up, before the receiver listens: hands over the batches a stop or crash left hidden (every
     * object in them was acknowledged), and removes the objects that were still arriving (nobody was
     * told they were stored); the import's next scan takes the batches.
     */
    public void recoverBatches() {
        recover(cluster.node(), "the previous run");
    }

    /** The same for a lost node's batches and arrivals, on the node that takes it over; answers how many batches were released. */
    public int recover(String node, String whose) {
        int released = 0;
        try {
            released = ReceivedBatches.recover(locations.received(), node);
            int count = released;
            if (count > 0) {
                LOG.info(() -> count + " batches of received objects left by " + whose + " were handed to the import");
            }
        } catch (IOException e) {
            LOG.warning(() -> "could not hand over the batches of received objects left by " + whose + ": " + e);
        }
        Folders.deleteTree(locations.receiving(node));
        if (node.equals(cluster.node())) {
            removeUnnamedArrivals();
        }
        return released;
    }

    /** Arrivals written before each node had a receiving folder of its own (association-N, stow-*). */
    private void removeUnnamedArrivals() {
        try (DirectoryStream<Path> old = Files.newDirectoryStream(locations.receivingRoot(), "{association-*,stow-*}")) {
            for (Path folder : old) {
                Folders.deleteTree(folder);
            }
        } catch (IOException e) {
            LOG.fine(() -> "arrivals of an earlier version not removed: " + e);
        }
    }

    @Override
    public void associationOpened(AssociationInfo association) {
        status.associationOpened();
    }

    @Override
    public void associationEnded(AssociationInfo association, boolean released, int objectsStored, String problem) {
        boolean handedOver = batches.end(association.number()); // first: nothing below may keep the batch back
        status.associationEnded();
        audit.association(association, released, objectsStored, problem);
        if (handedOver) {
            scans.scanSoon();
        }
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
}
