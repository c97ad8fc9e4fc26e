package org.neuroarchive.receiver.control;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.logging.Logger;
import org.neuroarchive.files.AtomicFiles;

/**
 * Groups the objects of each association into a batch the import does not see yet, and hands the batch
 * over in one step. A batch is a hidden folder {@code <peer folder>/.batch-<uuid>/} (the scan skips
 * hidden names); each completed object is renamed into it under a name of our own before the peer is
 * answered. The batch is released by one atomic rename of the folder to {@code batch-<uuid>}: when its
 * association ends (released or aborted: the objects in it are complete and were acknowledged), when it
 * holds {@code maxObjects}, or when its first object is {@code maxAge} old (checked with each object and
 * by {@link #releaseDue()}, which the receiver calls periodically). What a crash left hidden was all
 * acknowledged and is released by {@link #recover} before the receiver listens again, or by the node that
 * takes over when the node that received them is lost.
 * <p>
 * Thread-safe: each association adds from its own thread, the periodic check from another; a batch is
 * changed only under its own lock.
 */
public final class ReceivedBatches {

    static final String HIDDEN = ".batch-";
    static final String VISIBLE = "batch-";
    /** Between the node's name and the batch's own in a hidden batch's name (never in a node name). */
    static final char NODE_END = '+';

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");
    private static final int MOVE_ATTEMPTS = 4;

    private final String node;
    private final int maxObjects;
    private final long maxAgeNanos;
    private final LongSupplier nanoClock;
    private final Map<Long, Batch> open = new ConcurrentHashMap<>();

    /** Batches of node {@code node} (this server). */
    public ReceivedBatches(String node, int maxObjects, Duration maxAge) {
        this(node, maxObjects, maxAge, System::nanoTime);
    }

    /** With a clock of its own (tests): {@code nanoClock} answers nanoseconds, as {@link System#nanoTime()}. */
    ReceivedBatches(String node, int maxObjects, Duration maxAge, LongSupplier nanoClock) {
        if (maxObjects < 1 || maxAge.isNegative()) {
            throw new IllegalArgumentException("a batch needs at least one object and an age of 0 or more");
        }
        this.node = node;
        this.maxObjects = maxObjects;
        this.maxAgeNanos = maxAge.toNanos();
        this.nanoClock = nanoClock;
    }

    /** One association's batch: its hidden folder, when its first object came, how many it holds. */
    private static final class Batch {
        final Path peerFolder;
        final String id;
        final long started;
        int objects;
        boolean done;

        Batch(Path peerFolder, String node, long started) {
            this.peerFolder = peerFolder;
            this.id = node + NODE_END + UUID.randomUUID();
            this.started = started;
        }

        Path hidden() {
            return peerFolder.resolve(HIDDEN + id);
        }
    }

    /**
     * Renames the complete {@code file} into the open batch of {@code association} below
     * {@code peerFolder} (created as needed, again when the scan removed the empty peer folder just now),
     * under a fresh name of our own. Answers whether this released the batch (full, or old enough): then
     * the import should scan. An {@link IOException} means the file was not taken.
     */
    public boolean add(long association, Path peerFolder, Path file) throws IOException {
        while (true) {
            Batch batch = open.computeIfAbsent(association, number -> new Batch(peerFolder, node, nanoClock.getAsLong()));
            synchronized (batch) {
                if (batch.done) { // released by the periodic check meanwhile: a new batch
                    open.remove(association, batch);
                    continue;
                }
                moveInto(batch.hidden(), file);
                batch.objects++;
                return (batch.objects >= maxObjects || due(batch)) && release(association, batch);
            }
        }
    }

    /** The association ended: releases its batch. Answers whether objects were released. */
    public boolean end(long association) {
        Batch batch = open.get(association);
        if (batch == null) {
            return false;
        }
        synchronized (batch) {
            return !batch.done && release(association, batch);
        }
    }

    /** Releases every batch whose first object is old enough; answers how many were released with objects. */
    public int releaseDue() {
        int released = 0;
        for (Map.Entry<Long, Batch> entry : open.entrySet()) {
            Batch batch = entry.getValue();
            synchronized (batch) {
                if (!batch.done && due(batch) && release(entry.getKey(), batch)) {
                    released++;
                }
            }
        }
        return released;
    }

    /** How many batches are open (holding objects the import does not see yet, or about to). */
    public int openBatches() {
        return open.size();
    }

    private boolean due(Batch batch) {
        return nanoClock.getAsLong() - batch.started >= maxAgeNanos;
    }

    /**
     * Makes the batch visible in one rename; the caller holds its lock. A rename that fails leaves the
     * batch open, to be tried again by the next object or check (and released at the latest at start-up).
     */
    private boolean release(long association, Batch batch) {
        Path hidden = batch.hidden();
        try {
            if (batch.objects == 0) {
                Files.deleteIfExists(hidden); // nothing was taken into it
            } else {
                Files.move(hidden, batch.peerFolder.resolve(VISIBLE + batch.id), StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (NoSuchFileException gone) {
            LOG.warning(() -> "batch folder " + hidden + " of association " + association + " disappeared with its "
                    + batch.objects + " objects");
        } catch (IOException e) {
            LOG.warning(() -> "could not release batch " + hidden + " of association " + association + " (" + e
                    + "); trying again");
            return false;
        }
        batch.done = true;
        open.remove(association, batch);
        return batch.objects > 0;
    }

    private static void moveInto(Path dir, Path file) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                // a name of our own: never overwrites, and nothing a peer sent is in it
                AtomicFiles.moveUnder(file, dir, UUID.randomUUID() + ".dcm");
                return;
            } catch (NoSuchFileException folderRemoved) {
                if (attempt >= MOVE_ATTEMPTS || !Files.exists(file)) {
                    throw folderRemoved;
                }
                // the scan removed the empty peer folder while the batch folder was being created: again
            }
        }
    }

    /**
     * At start-up, before the receiver listens, or when {@code node} is lost: releases every hidden batch
     * of {@code node} that a stop or crash left in the peer folders below {@code received} (its objects were
     * all acknowledged), and those named by no node (written before nodes were named), and removes empty
     * ones. Batches other nodes are filling are left alone. Answers how many batches were released.
     */
    public static int recover(Path received, String node) throws IOException {
        if (!Files.isDirectory(received, LinkOption.NOFOLLOW_LINKS)) {
            return 0;
        }
        int released = 0;
        try (DirectoryStream<Path> peers = Files.newDirectoryStream(received)) {
            for (Path peer : peers) {
                if (Files.isDirectory(peer, LinkOption.NOFOLLOW_LINKS)) {
                    released += recoverIn(peer, node);
                }
            }
        }
        return released;
    }

    private static int recoverIn(Path peer, String node) throws IOException {
        int released = 0;
        try (DirectoryStream<Path> batches = Files.newDirectoryStream(peer, HIDDEN + "*")) {
            for (Path batch : batches) {
                if (!Files.isDirectory(batch, LinkOption.NOFOLLOW_LINKS) || !ofNode(batch, node)) {
                    continue;
                }
                if (isEmpty(batch)) {
                    Files.delete(batch);
                    continue;
                }
                Path visible = peer.resolve(VISIBLE + batch.getFileName().toString().substring(HIDDEN.length()));
                if (Files.exists(visible, LinkOption.NOFOLLOW_LINKS)) {
                    visible = peer.resolve(VISIBLE + UUID.randomUUID());
                }
                Files.move(batch, visible, StandardCopyOption.ATOMIC_MOVE);
                released++;
            }
        }
        return released;
    }

    /** Whether the hidden batch belongs to {@code node}, or to no node (named before nodes were). */
    private static boolean ofNode(Path batch, String node) {
        String id = batch.getFileName().toString().substring(HIDDEN.length());
        int end = id.indexOf(NODE_END);
        return end < 0 || id.substring(0, end).equals(node);
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            return !entries.iterator().hasNext();
        }
    }
}
