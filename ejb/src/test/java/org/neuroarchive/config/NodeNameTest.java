package org.neuroarchive.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NodeNameTest {

    @Test
    void theTransactionNodeIdComesFirstThenTheServersNodeName() {
        Map<String, String> env = Map.of("NEUROARCHIVE_TX_NODE_ID", "archive-2");
        Map<String, String> props = Map.of("jboss.node.name", "host-b", "com.sun.aas.instanceName", "server");
        assertEquals("archive-2", NodeName.resolve(env::get, props::get));
        assertEquals("host-b", NodeName.resolve(Map.<String, String>of()::get, props::get));
        assertEquals("server", NodeName.resolve(Map.of("NEUROARCHIVE_TX_NODE_ID", " ")::get,
                Map.of("com.sun.aas.instanceName", "server")::get));
        assertFalse(NodeName.resolve(Map.<String, String>of()::get, Map.<String, String>of()::get).isBlank());
    }
}
