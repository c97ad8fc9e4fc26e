package org.neuroarchive.dicom;

import com.pixelmed.dicom.StoredFilePathStrategy;
import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationStatusHandler;
import com.pixelmed.network.ReceivedObjectHandler;
import com.pixelmed.network.StorageSOPClassSCP;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.neuroarchive.common.control.Folders;

/**
 * A DICOM C-STORE and C-ECHO listener (PixelMed's storage SCP) on one address and port: every storage
 * SOP class, any transfer syntax PixelMed accepts (implicit and explicit little endian, big endian,
 * deflate, JPEG, JPEG-LS, JPEG 2000, RLE). Each association writes into a folder of its own below
 * {@code workDir}; each complete object is handed to the {@link Sink}, which takes it away. What is
 * left in the folder when the association ends was never complete (a sender that broke off) and is
 * deleted. When the sink refuses an object, the association is closed without a response, so the
 * sender never sees a success for an object that was not stored.
 */
public final class StorageListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");
    private static final int MAX_PDU = 65536;
    private static final int SOCKET_BUFFER = 262144;

    /** Where received objects go. */
    public interface Sink {
        /** A complete object in a temporary file: move it away, or throw to refuse it. */
        void received(Path file, String callingAet, String transferSyntaxUid) throws IOException;

        /** An association began. */
        void associationOpened(String remote);

        /** An association ended; {@code released}: normally (A-RELEASE), otherwise aborted or broken. */
        void associationEnded(String remote, boolean released);
    }

    private final ServerSocket server;
    private final String aet;
    private final Path workDir;
    private final Sink sink;
    private final ThreadFactory threads;
    private final AtomicLong associations = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private StorageListener(ServerSocket server, String aet, Path workDir, Sink sink, ThreadFactory threads) {
        this.server = server;
        this.aet = aet;
        this.workDir = workDir;
        this.sink = sink;
        this.threads = threads;
    }

    /**
     * Binds the address and port (a {@link java.net.BindException} when it is taken) and starts
     * accepting associations on a thread from {@code threads}.
     */
    public static StorageListener open(String bindAddress, int port, String aet, Path workDir, Sink sink,
                                       ThreadFactory threads) throws IOException {
        Files.createDirectories(workDir);
        ServerSocket server = new ServerSocket();
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(bindAddress, port), 64);
        } catch (IOException e) {
            server.close();
            throw e;
        }
        StorageListener listener = new StorageListener(server, aet, workDir, sink, threads);
        threads.newThread(listener::acceptLoop).start();
        return listener;
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) {
                    LOG.warning(() -> "DICOM listener stopped accepting: " + e.getMessage());
                }
                return;
            }
            long number = associations.incrementAndGet();
            try {
                socket.setTcpNoDelay(true);
                open.add(socket);
                threads.newThread(() -> serve(socket, workDir.resolve("association-" + number))).start();
            } catch (IOException | RuntimeException e) {
                LOG.warning(() -> "DICOM association could not start: " + e);
                closeQuietly(socket);
                open.remove(socket);
            }
        }
    }

    private void serve(Socket socket, Path folder) {
        String remote = socket.getRemoteSocketAddress().toString();
        boolean[] released = {false};
        sink.associationOpened(remote);
        try {
            Files.createDirectories(folder);
            ReceivedObjectHandler objects = new ReceivedObjectHandler() {
                @Override
                public void sendReceivedObjectIndication(String fileName, String transferSyntax, String callingAet)
                        throws IOException {
                    sink.received(Path.of(fileName), callingAet == null ? "" : callingAet.strip(), transferSyntax);
                }
            };
            AssociationStatusHandler status = new AssociationStatusHandler() {
                @Override
                public void sendAssociationReleaseIndication(Association association) {
                    released[0] = true;
                }
            };
            new StorageSOPClassSCP(socket, aet, MAX_PDU, SOCKET_BUFFER, SOCKET_BUFFER, folder.toFile(),
                    StoredFilePathStrategy.BYSOPINSTANCEUIDINSINGLEFOLDER, objects, status, null, null, null,
                    new SenderPreferencePolicy()).run();
        } catch (Exception e) { // PixelMed declares its network and DICOM exceptions as Exception subclasses
            LOG.warning(() -> "DICOM association from " + remote + " failed: " + e.getMessage());
        } finally {
            closeQuietly(socket); // PixelMed leaves the socket open after a failure: the sender must not wait
            open.remove(socket);
            Folders.deleteTree(folder); // whatever is left never arrived complete
            sink.associationEnded(remote, released[0]);
        }
    }

    /** Stops accepting and closes open associations (their partial objects are deleted). */
    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        open.forEach(StorageListener::closeQuietly);
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }

    /** How many associations were accepted. */
    public long associations() {
        return associations.get();
    }
}
