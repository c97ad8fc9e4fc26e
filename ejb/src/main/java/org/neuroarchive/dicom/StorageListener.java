package org.neuroarchive.dicom;

import com.pixelmed.network.Association;
import com.pixelmed.network.AssociationFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import javax.net.ssl.SSLSocket;
import org.neuroarchive.common.control.Folders;

/**
 * A DICOM C-STORE and C-ECHO listener on one address: a plain port, a TLS port, or both. Every storage
 * SOP class, any transfer syntax of {@link SenderPreferencePolicy}.
 * <p>
 * Who may store is settled before anything is stored: an address no peer entry lists is refused
 * (A-ASSOCIATE-RJ) as soon as it connects, as is a connection over the limits (in all, or from one
 * address: a transient rejection, sent by one small refusing thread, so excess connections get no
 * thread of their own); otherwise the A-ASSOCIATE-RQ is read (bounded) and its called and calling AE
 * titles checked against the {@link DicomPeers}, and only an accepted request is replayed to PixelMed,
 * which negotiates the presentation contexts. From there {@link StorageAssociation} runs the association.
 * <p>
 * Each association writes into a folder of its own below {@code workDir}, under file names of our own;
 * each complete object is handed to the {@link Sink}, which takes it away. What is left when the
 * association ends was never complete and is deleted.
 */
public final class StorageListener implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.receiver");
    private static final int SOCKET_BUFFER = 262144;
    /** How long the refusing thread waits for a refused peer to read its rejection and close. */
    private static final int REFUSAL_LINGER_MILLIS = 1000;
    private static final int REFUSALS_QUEUED = 16;

    /** Where received objects and what happened to associations go. */
    public interface Sink {
        /** A complete object in a file of the association's folder: move it away, or throw to fail it (status 0110). */
        void received(Path file, AssociationInfo association, String transferSyntaxUid) throws IOException;

        /** An association was accepted. */
        void associationOpened(AssociationInfo association);

        /** It ended: {@code released} normally (A-RELEASE), otherwise {@code problem} says how. */
        void associationEnded(AssociationInfo association, boolean released, int objectsStored, String problem);

        /** An association or an object was refused. Called on the listener's threads: keep it short. */
        void refused(Refusal refusal);
    }

    private final ListenerSettings settings;
    private final Path workDir;
    private final Sink sink;
    private final ServerSocket plain;
    private final ServerSocket secure;
    private final AssociationSlots slots;
    private final ThreadPoolExecutor workers;
    private final ThreadPoolExecutor refusing;
    private final AtomicLong associations = new AtomicLong();
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<Thread> acceptors = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private StorageListener(ListenerSettings settings, Path workDir, Sink sink, ThreadFactory threads, ServerSocket plain,
                            ServerSocket secure) {
        this.settings = settings;
        this.workDir = workDir;
        this.sink = sink;
        this.plain = plain;
        this.secure = secure;
        ReceiverLimits limits = settings.limits();
        this.slots = new AssociationSlots(limits.maxAssociations(), limits.maxAssociationsPerAddress());
        this.workers = new ThreadPoolExecutor(0, limits.maxAssociations(), 30, TimeUnit.SECONDS, new SynchronousQueue<>(), threads);
        this.refusing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(REFUSALS_QUEUED), threads);
    }

    /**
     * Binds the plain and/or TLS port (a {@link java.net.BindException} when one is taken; an
     * {@link IOException} naming the key store when TLS cannot start) and starts accepting.
     */
    public static StorageListener open(ListenerSettings settings, Path workDir, Sink sink, ThreadFactory threads)
            throws IOException {
        Files.createDirectories(workDir);
        ServerSocket plain = null;
        ServerSocket secure = null;
        try {
            if (settings.plain()) {
                plain = bind(new ServerSocket(), settings.bindAddress(), settings.port());
            }
            if (settings.tls() != null) {
                secure = bind(DicomTls.serverSocket(settings.tls()), settings.bindAddress(), settings.tls().port());
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(plain);
            closeQuietly(secure);
            throw e;
        }
        StorageListener listener = new StorageListener(settings, workDir, sink, threads, plain, secure);
        if (plain != null) {
            ServerSocket server = plain;
            listener.start(threads.newThread(() -> listener.acceptLoop(server, false)));
        }
        if (secure != null) {
            ServerSocket server = secure;
            listener.start(threads.newThread(() -> listener.acceptLoop(server, true)));
        }
        return listener;
    }

    private void start(Thread acceptor) {
        acceptors.add(acceptor);
        acceptor.start();
    }

    private static ServerSocket bind(ServerSocket server, String address, int port) throws IOException {
        try {
            server.setReuseAddress(true);
            server.bind(new InetSocketAddress(address, port), 64);
            return server;
        } catch (IOException e) {
            server.close();
            throw e;
        }
    }

    /** The plain port, or -1 when only TLS is offered. */
    public int port() {
        return plain == null ? -1 : plain.getLocalPort();
    }

    /** The TLS port, or -1 without TLS. */
    public int tlsPort() {
        return secure == null ? -1 : secure.getLocalPort();
    }

    /** How many associations were accepted. */
    public long associations() {
        return associations.get();
    }

    /** How many connections hold a slot now. */
    public int active() {
        return slots.active();
    }

    private void acceptLoop(ServerSocket server, boolean tls) {
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
            admit(socket, tls);
        }
    }

    private void admit(Socket socket, boolean tls) {
        InetAddress address = socket.getInetAddress();
        String ip = address.getHostAddress();
        if (!settings.peers().admitsAddress(address)) {
            sink.refused(new Refusal(ip, null, null, Refusal.Reason.UNKNOWN_PEER, "no peer is listed for this address"));
            if (tls) {
                closeQuietly(socket); // not a peer: no TLS handshake for it
            } else {
                refuse(socket, Pdus.reject(Pdus.REJECTED_PERMANENT, Pdus.SOURCE_USER, Pdus.CALLING_AE_NOT_RECOGNIZED));
            }
            return;
        }
        Refusal.Reason full = slots.acquire(address);
        if (full != null) {
            ReceiverLimits limits = settings.limits();
            sink.refused(new Refusal(ip, null, null, full, full == Refusal.Reason.TOO_MANY_ASSOCIATIONS
                    ? limits.maxAssociations() + " associations open (neuroarchive.dicom.max-associations)"
                    : limits.maxAssociationsPerAddress() + " associations open from this address"
                      + " (neuroarchive.dicom.max-associations-per-address)"));
            refuse(socket, Pdus.reject(Pdus.REJECTED_TRANSIENT, Pdus.SOURCE_PROVIDER_PRESENTATION, Pdus.LOCAL_LIMIT_EXCEEDED));
            return;
        }
        long number = associations.incrementAndGet();
        open.add(socket);
        try {
            workers.execute(() -> serve(socket, number, tls));
        } catch (RejectedExecutionException e) { // closing, or more threads than slots: cannot happen otherwise
            open.remove(socket);
            slots.release(address);
            closeQuietly(socket);
        }
    }

    /** Sends {@code rejection} and closes, on the refusing thread; when it is busy, just closes. */
    private void refuse(Socket socket, byte[] rejection) {
        open.add(socket);
        try {
            refusing.execute(() -> {
                try {
                    socket.setSoTimeout(REFUSAL_LINGER_MILLIS);
                    OutputStream out = socket.getOutputStream();
                    out.write(rejection);
                    out.flush();
                    if (!(socket instanceof SSLSocket)) {
                        socket.shutdownOutput();
                    }
                    drain(socket.getInputStream()); // the request in flight: unread, closing would reset the rejection away
                } catch (IOException ignored) {
                    // the peer went away
                } finally {
                    closeQuietly(socket);
                    open.remove(socket);
                }
            });
        } catch (RejectedExecutionException busy) {
            closeQuietly(socket);
            open.remove(socket);
        }
    }

    private static void drain(InputStream in) throws IOException {
        byte[] discard = new byte[8192];
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(REFUSAL_LINGER_MILLIS);
        int total = 0;
        while (total < PduLimitStream.OTHER_PDU_LIMIT && System.nanoTime() < deadline) {
            int n = in.read(discard);
            if (n < 0) {
                return;
            }
            total += n;
        }
    }

    /** The peer entry that lets this request in, or empty when it was refused (and answered so). */
    private Optional<DicomPeer> admitted(Socket socket, AssociateRequest request, InetAddress address) throws IOException {
        String ip = address.getHostAddress();
        String calling = PeerText.aet(request.callingAet());
        String called = PeerText.aet(request.calledAet());
        if (!request.calledAet().equals(settings.aet())) {
            sink.refused(new Refusal(ip, calling, called, Refusal.Reason.UNKNOWN_CALLED_AE,
                    "called AE title '" + called + "' is not " + settings.aet()));
            reject(socket, Pdus.CALLED_AE_NOT_RECOGNIZED);
            return Optional.empty();
        }
        Optional<DicomPeer> peer = settings.peers().match(request.callingAet(), address);
        if (peer.isEmpty()) {
            sink.refused(new Refusal(ip, calling, called, Refusal.Reason.UNKNOWN_PEER,
                    "no peer entry for AE title '" + calling + "' at " + ip));
            reject(socket, Pdus.CALLING_AE_NOT_RECOGNIZED);
        }
        return peer;
    }

    private void serve(Socket socket, long number, boolean tls) {
        InetAddress address = socket.getInetAddress();
        String ip = address.getHostAddress();
        Path folder = workDir.resolve("association-" + number);
        AssociationInfo info = null;
        StorageAssociation.Outcome outcome = null;
        try {
            ReceiverLimits limits = settings.limits();
            socket.setSoTimeout(limits.readTimeoutMillis());
            socket.setTcpNoDelay(true);
            if (tls && !handshake((SSLSocket) socket, ip)) {
                return;
            }
            PduLimitStream in = new PduLimitStream(socket.getInputStream(), limits.maxPduLength());
            AssociateRequest request = request(socket, in, ip);
            if (request == null) {
                return;
            }
            Optional<DicomPeer> peer = admitted(socket, request, address);
            if (peer.isEmpty()) {
                return;
            }
            Files.createDirectories(folder);
            info = new AssociationInfo(number, ip, PeerText.aet(request.callingAet()), PeerText.aet(request.calledAet()),
                    peer.get(), tls);
            sink.associationOpened(info);
            outcome = new StorageAssociation(negotiate(socket, request, in), socket, in, folder, info, limits, sink).run();
        } catch (Exception e) { // PixelMed declares its network and DICOM exceptions as Exception subclasses
            String problem = "association " + number + " from " + ip + " failed: " + e.getClass().getSimpleName();
            LOG.fine(problem);
            outcome = new StorageAssociation.Outcome(false, 0, problem);
        } finally {
            closeQuietly(socket);
            open.remove(socket);
            Folders.deleteTree(folder); // whatever is left never arrived complete
            slots.release(address);
            if (info != null) {
                sink.associationEnded(info, outcome.released(), outcome.objectsStored(), outcome.problem());
            }
        }
    }

    private boolean handshake(SSLSocket socket, String ip) {
        try {
            socket.startHandshake();
            return true;
        } catch (IOException e) {
            sink.refused(new Refusal(ip, null, null, Refusal.Reason.TLS,
                    "TLS handshake failed: " + PeerText.clean(e.getMessage(), 120)));
            return false;
        }
    }

    /** The A-ASSOCIATE-RQ, or {@code null} when there is none (closed, or refused here for its size or form). */
    private AssociateRequest request(Socket socket, PduLimitStream in, String ip) throws IOException {
        try {
            return AssociateRequest.read(in);
        } catch (PduTooLargeException | PeerProtocolException bad) {
            boolean tooLarge = bad instanceof PduTooLargeException large && large.type() == Pdus.ASSOCIATE_RQ;
            sink.refused(new Refusal(ip, null, null, tooLarge ? Refusal.Reason.PDU_TOO_LARGE : Refusal.Reason.PROTOCOL,
                    tooLarge ? bad.getMessage() : "not a DICOM association request"));
            send(socket, Pdus.abort(Pdus.ABORT_PROVIDER, Pdus.ABORT_INVALID_PARAMETER));
            return null;
        }
    }

    private static Association negotiate(Socket socket, AssociateRequest request, PduLimitStream in) throws Exception {
        return AssociationFactory.createNewAssociation(new PeerSocket(socket, request.bytes(), in),
                request.calledAet(), in.maxPDataLength(), SOCKET_BUFFER, SOCKET_BUFFER, new SenderPreferencePolicy());
    }

    private static void reject(Socket socket, int reason) throws IOException {
        send(socket, Pdus.reject(Pdus.REJECTED_PERMANENT, Pdus.SOURCE_USER, reason));
        if (!(socket instanceof SSLSocket)) {
            socket.shutdownOutput();
        }
    }

    private static void send(Socket socket, byte[] pdu) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(pdu);
        out.flush();
    }

    /**
     * Stops accepting and closes open associations (their partial objects are deleted). Returns once the
     * ports are closed: a server socket closed while its thread waits in accept() keeps listening until
     * that thread has left accept(), so the accepting threads are waited for.
     */
    @Override
    public void close() {
        closed = true;
        closeQuietly(plain);
        closeQuietly(secure);
        for (Thread acceptor : acceptors) {
            try {
                acceptor.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        open.forEach(StorageListener::closeQuietly);
        workers.shutdown();
        refusing.shutdown();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception ignored) {
            // closing anyway
        }
    }
}
