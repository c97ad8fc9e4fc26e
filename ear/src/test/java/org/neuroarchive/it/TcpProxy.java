package org.neuroarchive.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

/**
 * A loopback TCP relay between a server and a service it uses (the database), which a test can
 * {@link #cut()}: every open connection is dropped and new ones are refused, as when the service is
 * down, until {@link #restore()} listens again on the same port. It can also cut at one precise
 * moment of the MySQL protocol ({@link #cutAt}): when the client ends a given kind of XA transaction.
 */
final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private volatile ServerSocket listener;
    private volatile CommitTrap trap;
    private volatile Transcript transcript;
    private int port;

    TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
    }

    /** Starts listening on a free loopback port; answers it. */
    int start() throws IOException {
        listen(0);
        port = listener.getLocalPort();
        return port;
    }

    /** Drops every relayed connection and refuses new ones. */
    synchronized void cut() throws IOException {
        ServerSocket current = listener;
        listener = null;
        current.close();
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /**
     * Arms a one-time cut: when a client sends {@code statement} (e.g. {@code "XA COMMIT"}) to end an XA
     * transaction in which it sent SQL matching {@code marker}, the relay forwards that statement or
     * not, then {@link #cut()}s. The database thus commits or never sees the commit, and the server
     * gets no answer either way. Answers a latch that opens at the cut.
     */
    CountDownLatch cutAt(String statement, Pattern marker, boolean forwardStatement) {
        CommitTrap armed = new CommitTrap(statement, marker, forwardStatement);
        trap = armed;
        return armed.sprung;
    }

    /**
     * From now on, writes to {@code file} every statement that ends or begins a transaction (XA statements,
     * {@code COMMIT}, {@code ROLLBACK}, {@code SET autocommit}) as the clients send them, each with its
     * connection's number and whether SQL matching {@code marker} came before it in the transaction.
     */
    void transcript(Path file, Pattern marker) throws IOException {
        transcript = new Transcript(file, marker);
    }

    /** Listens again on the same port. */
    synchronized void restore() throws IOException {
        listen(port);
    }

    @Override
    public void close() throws IOException {
        if (listener != null) {
            cut();
        }
    }

    private void listen(int onPort) throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
        listener = socket;
        Thread acceptor = new Thread(() -> accept(socket), "tcp-proxy-accept-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream;
                try {
                    upstream = new Socket(targetHost, targetPort);
                } catch (IOException e) {
                    closeQuietly(client);
                    continue;
                }
                open.add(client);
                open.add(upstream);
                int connection = connections.incrementAndGet();
                pump(client, upstream, connection);
                pump(upstream, client, 0);
            } catch (IOException closed) {
                return;
            }
        }
    }

    /** Relays {@code from} to {@code to}; {@code connection} numbers a client's side (from 1), 0 the database's. */
    private void pump(Socket from, Socket to, int connection) {
        boolean fromClient = connection > 0;
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            boolean markerSeen = false;
            boolean[] marked = {false};
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
                    Transcript writing = fromClient ? transcript : null;
                    if (writing != null) {
                        writing.record(connection, buffer, n, marked);
                    }
                    CommitTrap armed = fromClient ? trap : null;
                    if (armed != null) {
                        // the driver sends a command and waits for its answer: one read holds one command
                        String command = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
                        markerSeen = !command.contains("XA START") && (markerSeen || armed.marker.matcher(command).find());
                        if (markerSeen && command.contains(armed.statement) && armed.spring(this)) {
                            if (armed.forward) {
                                out.write(buffer, 0, n);
                                out.flush();
                            }
                            cut();
                            armed.sprung.countDown();
                            return;
                        }
                    }
                    out.write(buffer, 0, n);
                }
            } catch (IOException dropped) {
                // the other side or cut() closed the connection
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, "tcp-proxy-pump");
        t.setDaemon(true);
        t.start();
    }

    /** A cut waiting for the end of a matching transaction; springs once. */
    private static final class CommitTrap {
        final String statement;
        final Pattern marker;
        final boolean forward;
        final CountDownLatch sprung = new CountDownLatch(1);

        CommitTrap(String statement, Pattern marker, boolean forward) {
            this.statement = statement;
            this.marker = marker;
            this.forward = forward;
        }

        boolean spring(TcpProxy proxy) {
            synchronized (proxy) {
                if (proxy.trap != this) {
                    return false;
                }
                proxy.trap = null;
                return true;
            }
        }
    }

    /** The transaction statements of {@link #transcript}. */
    private static final class Transcript {
        private static final Pattern ENDS = Pattern.compile("(?is)\\A\\s*(XA\\s|COMMIT|ROLLBACK|SET\\s+autocommit|START\\s+TRANSACTION|BEGIN)");
        final Path file;
        final Pattern marker;

        Transcript(Path file, Pattern marker) throws IOException {
            this.file = file;
            this.marker = marker;
            Files.writeString(file, "");
        }

        /** One read of a client: a MySQL packet (4 bytes of header, the command byte, the statement). */
        void record(int connection, byte[] buffer, int n, boolean[] marked) throws IOException {
            if (n <= 5) {
                return;
            }
            String sql = new String(buffer, 5, n - 5, StandardCharsets.ISO_8859_1);
            if (sql.regionMatches(true, 0, "XA START", 0, 8)) {
                marked[0] = false;
            }
            marked[0] |= marker.matcher(sql).find();
            if (ENDS.matcher(sql).find()) {
                String line = String.format("%tT.%<tL #%d %s%s%n", System.currentTimeMillis(), connection, marked[0] ? "[marked] " : "",
                        sql.substring(0, Math.min(sql.length(), 240)).replaceAll("[^\\x20-\\x7e]", "."));
                synchronized (this) {
                    Files.writeString(file, line, StandardOpenOption.APPEND);
                }
            }
        }
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
