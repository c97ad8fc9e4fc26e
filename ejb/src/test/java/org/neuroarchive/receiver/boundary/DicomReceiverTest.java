package org.neuroarchive.receiver.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedThreadFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.receiver.control.ReceivedObjectsFixture;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * The receiver's life cycle: listening (after clearing partial objects and handing over batches a crash
 * left hidden), a port already in use (visible state, no exception), stopped.
 */
class DicomReceiverTest {

    @TempDir
    Path dir;

    private final ReceiverStatus status = new ReceiverStatus();

    private DicomReceiver receiver(int port) throws Exception {
        return receiver(Map.of("neuroarchive.dicom.port", Integer.toString(port)));
    }

    private DicomReceiver receiver(Map<String, String> settings) {
        DicomReceiver receiver = new DicomReceiver();
        receiver.settings = ReceiverSettings.of(settings);
        receiver.locations = StorageLocations.under(dir);
        receiver.status = status;
        receiver.objects = ReceivedObjectsFixture.wired(receiver.locations, receiver.settings, status);
        receiver.threads = new ManagedThreadFactory() {
            @Override
            public Thread newThread(Runnable runnable) {
                return new Thread(runnable);
            }

            @Override
            public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
                throw new UnsupportedOperationException("not used");
            }
        };
        return receiver;
    }

    @Test
    void aPortInUseLeavesAVisibleFailedStateAndNoListener() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            DicomReceiver receiver = receiver(taken.getLocalPort());
            receiver.start();
            ReceiverStatus.View view = status.view();
            assertEquals("failed", view.state());
            assertTrue(view.message().contains("port " + taken.getLocalPort() + " on 127.0.0.1 is in use"), view.message());
            assertTrue(view.message().contains("NEUROARCHIVE_DICOM_PORT"), view.message());
            receiver.stop();
            assertEquals("stopped", status.view().state());
        }
    }

    @Test
    void theRetiredCallingAeListKeepsTheReceiverFromStartingAndSaysWhatToSetInstead() throws Exception {
        DicomReceiver receiver = receiver(Map.of("neuroarchive.dicom.port", "0",
                "neuroarchive.dicom.allowed-calling-aets", "SCANNER1,SCANNER2"));
        receiver.start();
        ReceiverStatus.View view = status.view();
        assertEquals("failed", view.state());
        assertTrue(view.message().contains("NEUROARCHIVE_DICOM_ALLOWED_CALLING_AETS"), view.message());
        assertTrue(view.message().contains("NEUROARCHIVE_DICOM_PEERS"), view.message());
        receiver.stop();
    }

    @Test
    void aPeerListThatCannotBeReadKeepsTheReceiverFromStarting() throws Exception {
        DicomReceiver receiver = receiver(Map.of("neuroarchive.dicom.port", "0",
                "neuroarchive.dicom.peers", "CT1@10.0.0.5,no-at-sign"));
        receiver.start();
        assertEquals("failed", status.view().state());
        assertTrue(status.view().message().contains("neuroarchive.dicom.peers (NEUROARCHIVE_DICOM_PEERS): peer entry 'no-at-sign'"),
                status.view().message());
        receiver.stop();
    }

    @Test
    void listensUntilStoppedAndClearsPartialObjectsLeftByACrash() throws Exception {
        Path leftover = Files.createDirectories(dir.resolve("incoming.receiving/association-7")).resolve("partial");
        Files.writeString(leftover, "half an object");
        Path batch = Files.createDirectories(dir.resolve("incoming/received/CT1/.batch-0f0e0d0c-0000-4000-8000-000000000001"));
        Files.writeString(batch.resolve("0f0e0d0c-0000-4000-8000-000000000002.dcm"), "acknowledged before the crash");
        int port = 0;
        DicomReceiver receiver = null;
        for (int attempt = 0; attempt < 5 && !"listening".equals(status.view().state()); attempt++) {
            try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
                port = probe.getLocalPort(); // free a moment ago; another process may take it, then try another
            }
            receiver = receiver(port);
            receiver.start();
        }
        assertEquals("listening", status.view().state(), status.view().message());
        assertTrue(!Files.exists(leftover), "a partial object from before the restart is removed");
        assertEquals("acknowledged before the crash", Files.readString(dir.resolve(
                "incoming/received/CT1/batch-0f0e0d0c-0000-4000-8000-000000000001/0f0e0d0c-0000-4000-8000-000000000002.dcm")),
                "a complete batch from before the restart is handed to the import");
        receiver.stop();
        assertEquals("stopped", status.view().state());
        // nothing listens any more (binding the port again could collide with an unrelated outgoing
        // connection that happens to use it as its local port)
        assertFalse(listening(port), "the stopped receiver still accepts connections on port " + port);
    }

    /**
     * Whether something accepts connections on {@code port} of the loopback address. A connection to
     * a free port of the ephemeral range can be connected to itself (the kernel picks the same
     * number as its local port: TCP simultaneous open, seen once in CI); that is not a listener.
     */
    private static boolean listening(int port) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
            return socket.getLocalPort() != port;
        } catch (java.net.ConnectException refused) {
            return false;
        }
    }
}
