package org.neuroarchive.receiver.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.dicom.ListenerSettings;

/** The receiver's settings as the listener gets them: defaults, who is a peer when none are listed, checked values. */
class ReceiverConfigurationTest {

    @TempDir
    Path dir;

    private final Map<String, String> values = new HashMap<>();

    private ReceiverSettings settings() {
        return ReceiverSettings.of(values);
    }

    private void set(String key, String value) {
        values.put("neuroarchive.dicom." + key, value);
    }

    @Test
    void theEmbeddedDefaultAcceptsLoopbackPeersOnly() throws Exception {
        ReceiverConfiguration configuration = ReceiverConfiguration.of(settings());
        ListenerSettings listener = configuration.listener();
        assertEquals("NEUROARCHIVE", listener.aet());
        assertTrue(listener.peers().match("ANY", InetAddress.getByName("127.0.0.1")).isPresent());
        assertTrue(listener.peers().match("ANY", InetAddress.getByName("::1")).isPresent());
        assertTrue(listener.peers().match("ANY", InetAddress.getByName("10.0.0.5")).isEmpty());
        assertEquals(20, listener.limits().maxAssociations());
        assertEquals(60_000, listener.limits().readTimeoutMillis());
        assertEquals(65536, listener.limits().maxPduLength());
        assertNull(listener.tls());
        assertEquals(java.util.List.of(), configuration.warnings());
    }

    @Test
    void onAPublicAddressWithoutPeersEveryoneIsRefusedAndTheLogSaysHowToListThem() throws Exception {
        set("bind-address", "0.0.0.0");
        ReceiverConfiguration configuration = ReceiverConfiguration.of(settings());
        assertTrue(configuration.listener().peers().isEmpty());
        assertTrue(configuration.listener().peers().match("ANY", InetAddress.getByName("127.0.0.1")).isEmpty());
        assertTrue(configuration.warnings().get(0).contains("every association is refused"), configuration.warnings().toString());
        assertTrue(configuration.warnings().get(0).contains("NEUROARCHIVE_DICOM_PEERS=CT1@10.0.0.5"), configuration.warnings().toString());
    }

    @Test
    void listedPeersReplaceTheDefault() throws Exception {
        set("peers", " CT1@10.0.0.5 , MR3@10.0.4.0/24=123456 ");
        ListenerSettings listener = ReceiverConfiguration.of(settings()).listener();
        assertTrue(listener.peers().match("CT1", InetAddress.getByName("127.0.0.1")).isEmpty());
        assertEquals("123456", listener.peers().match("MR3", InetAddress.getByName("10.0.4.77")).orElseThrow().costcenter());
    }

    @Test
    void tlsNeedsAReadableKeyStore() throws Exception {
        set("tls.required", "true");
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReceiverConfiguration.of(settings())).getMessage()
                .contains("NEUROARCHIVE_DICOM_TLS_KEYSTORE"));
        set("tls.keystore", dir.resolve("missing.p12").toString());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ReceiverConfiguration.of(settings())).getMessage()
                .contains("cannot read"));
        Path keystore = Files.writeString(dir.resolve("server.p12"), "not checked here: the listener opens it");
        set("tls.keystore", keystore.toString());
        ListenerSettings listener = ReceiverConfiguration.of(settings()).listener();
        assertEquals(2762, listener.tls().port());
        assertTrue(!listener.plain(), "TLS required: no plain port");
    }
}
