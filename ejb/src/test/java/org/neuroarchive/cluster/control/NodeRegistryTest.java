package org.neuroarchive.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuroarchive.cluster.entity.ClusterNode;
import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;

/** The nodes' heartbeat rows and the take-over of a lost node, on a real database. */
class NodeRegistryTest {

    private final TestDatabase db = TestDatabase.migrated();
    private final ClusterSettings nodeA = ClusterSettings.of("node-a", 30, 60);
    private final ClusterSettings nodeB = ClusterSettings.of("node-b", 30, 60);
    private final ClusterSettings nodeC = ClusterSettings.of("node-c", 30, 60);

    @AfterEach
    void close() {
        db.close();
    }

    private static NodeRegistry registry(TestTransaction tx, ClusterSettings node) {
        NodeRegistry registry = new NodeRegistry();
        registry.em = tx.em();
        registry.cluster = node;
        return registry;
    }

    private void beat(ClusterSettings node, String receiver, long objects) throws Exception {
        db.run(tx -> registry(tx, node).heartbeat(receiver, objects));
    }

    private void unseenFor(String node, int seconds) throws Exception {
        db.run(tx -> tx.em().createQuery("UPDATE ClusterNode n SET n.lastSeen = :at WHERE n.name = :name")
                .setParameter("at", LocalDateTime.now().minusSeconds(seconds)).setParameter("name", node).executeUpdate());
    }

    private List<ClusterNode> nodes() throws Exception {
        return db.inTransaction(tx -> registry(tx, nodeA).nodes());
    }

    @Test
    void everyNodeWritesItsOwnRow() throws Exception {
        beat(nodeA, "LISTENING", 12);
        beat(nodeB, "DISABLED", 0);
        beat(nodeA, "LISTENING", 15);
        List<ClusterNode> nodes = nodes();
        assertEquals(List.of("node-a", "node-b"), nodes.stream().map(ClusterNode::getName).toList());
        assertEquals(15, nodes.get(0).getReceiverObjects());
        assertEquals(nodeA.run(), nodes.get(0).getInstance());
        assertEquals("DISABLED", nodes.get(1).getReceiverState());
        assertEquals(List.of(), db.inTransaction(tx -> registry(tx, nodeA).lostNodes()));
    }

    @Test
    void aLostNodeIsTakenOverByExactlyOneSurvivorAndComesBackWhenItBeatsAgain() throws Exception {
        beat(nodeA, "", 0);
        beat(nodeB, "", 0);
        beat(nodeC, "", 0);
        unseenFor("node-c", 59);
        assertEquals(List.of(), db.inTransaction(tx -> registry(tx, nodeA).lostNodes()), "not lost before 60 s");
        unseenFor("node-c", 61);
        assertEquals(List.of("node-c"), db.inTransaction(tx -> registry(tx, nodeA).lostNodes()));
        assertEquals(List.of("node-c"), db.inTransaction(tx -> registry(tx, nodeB).lostNodes()));

        assertTrue((boolean) db.inTransaction(tx -> registry(tx, nodeB).takeOver("node-c")), "node-b takes node-c over");
        assertFalse((boolean) db.inTransaction(tx -> registry(tx, nodeA).takeOver("node-c")), "node-a finds it taken over");
        assertEquals(List.of(), db.inTransaction(tx -> registry(tx, nodeA).lostNodes()));
        ClusterNode lost = nodes().get(2);
        assertEquals("node-b", lost.getTakenOverBy());

        ClusterSettings restarted = ClusterSettings.of("node-c", 30, 60);
        beat(restarted, "LISTENING", 0);
        ClusterNode back = nodes().get(2);
        assertNull(back.getLostAt());
        assertEquals(restarted.run(), back.getInstance());
        assertFalse((boolean) db.inTransaction(tx -> registry(tx, nodeA).takeOver("node-c")), "a node seen again is not taken over");
    }

    @Test
    void aNodeIsNeverItsOwnLostNode() throws Exception {
        beat(nodeA, "", 0);
        unseenFor("node-a", 600);
        assertEquals(List.of(), db.inTransaction(tx -> registry(tx, nodeA).lostNodes()));
    }
}
