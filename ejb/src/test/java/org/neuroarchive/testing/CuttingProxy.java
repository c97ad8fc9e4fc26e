package org.neuroarchive.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * A TCP proxy for tests: forwards one connection to {@code target} and cuts both sides after
 * {@code limit} bytes from the client — a sender that breaks off in the middle of an object.
 */
public final class CuttingProxy implements AutoCloseable {

    private final ServerSocket server;

    public CuttingProxy(int target, int limit) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            try (Socket client = server.accept(); Socket upstream = new Socket("127.0.0.1", target)) {
                Thread back = new Thread(() -> pump(upstream, client, Long.MAX_VALUE));
                back.start();
                pump(client, upstream, limit);
            } catch (IOException ignored) {
                // the test closes the proxy
            }
        });
        thread.setDaemon(true);
        thread.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private static void pump(Socket from, Socket to, long limit) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buffer)) > 0 && total < limit) {
                int allowed = (int) Math.min(n, limit - total);
                out.write(buffer, 0, allowed);
                total += allowed;
            }
        } catch (IOException ignored) {
            // one side closed
        } finally {
            try {
                from.close();
                to.close();
            } catch (IOException ignored) {
                // closed already
            }
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
