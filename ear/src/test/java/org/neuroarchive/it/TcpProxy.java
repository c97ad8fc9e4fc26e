package org.neuroarchive.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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
    private volatile ServerSocket listener;
    private volatile CommitTrap trap;
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
                pump(client, upstream, true);
                pump(upstream, client, false);
            } catch (IOException closed) {
                return;
            }
        }
    }

    private void pump(Socket from, Socket to, boolean fromClient) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16384];
            boolean markerSeen = false;
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n; (n = in.read(buffer)) >= 0; ) {
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

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
