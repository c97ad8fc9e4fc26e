package org.neuroarchive.cluster.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neuroarchive.cluster.control.ScanLeases.Grant;
import org.neuroarchive.cluster.entity.ScanLease;
import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;

/** The scan lease on a real database (H2 in MySQL mode, the V10 schema), with two nodes taking turns. */
class ScanLeasesTest {

    private final TestDatabase db = TestDatabase.migrated();
    private final ClusterSettings nodeA = ClusterSettings.of("node-a", 30, 60);
    private final ClusterSettings nodeB = ClusterSettings.of("node-b", 30, 60);

    @AfterEach
    void close() {
        db.close();
    }

    private static ScanLeases leases(TestTransaction tx, ClusterSettings node) {
        ScanLeases leases = new ScanLeases();
        leases.em = tx.em();
        leases.cluster = node;
        return leases;
    }

    private ScanLeases.Hold hold(ClusterSettings node, int waiting) throws Exception {
        return db.inTransaction(tx -> leases(tx, node).hold(waiting));
    }

    private ScanLease lease() throws Exception {
        return db.inTransaction(tx -> tx.em().find(ScanLease.class, ScanLease.INCOMINGDIR));
    }

    /** Time passes for the lease: it expired {@code secondsAgo} ago. */
    private void expire(int secondsAgo) throws Exception {
        db.run(tx -> tx.em().createQuery("UPDATE ScanLease l SET l.expiresAt = :at")
                .setParameter("at", LocalDateTime.now().minusSeconds(secondsAgo)).executeUpdate());
    }

    @Test
    void oneNodeHoldsTheLeaseUntilItExpiresThenAnotherTakesIt() throws Exception {
        assertEquals(Grant.ACQUIRED, hold(nodeA, 7).grant());
        assertEquals(Grant.RENEWED, hold(nodeA, 9).grant());
        assertEquals(Grant.REFUSED, hold(nodeB, 0).grant());
        ScanLease held = lease();
        assertEquals("node-a", held.getHolderNode());
        assertEquals(9, held.getWaitingFiles(), "the holder writes the files waiting in incomingdir");
        assertTrue(held.getExpiresAt().isAfter(LocalDateTime.now().plusSeconds(25)));

        expire(1);
        assertEquals(Grant.ACQUIRED, hold(nodeB, 3).grant(), "node-a stopped renewing: node-b scans now");
        assertEquals(Grant.REFUSED, hold(nodeA, 0).grant(), "and node-a, back, does not take it again");
        assertEquals("node-b", lease().getHolderNode());
    }

    @Test
    void aNodeRestartedUnderTheSameNameTakesItsLeaseBackAtOnce() throws Exception {
        assertEquals(Grant.ACQUIRED, hold(nodeA, 0).grant());
        ClusterSettings restarted = ClusterSettings.of("node-a", 30, 60);
        assertFalse(restarted.run().equals(nodeA.run()));
        assertEquals(Grant.ACQUIRED, hold(restarted, 0).grant(), "a new run: it recovers the claims, then scans");
        assertEquals(Grant.RENEWED, hold(restarted, 0).grant());
        assertEquals(restarted.run(), lease().getHolderInstance());
    }

    @Test
    void aStoppingHolderHandsTheLeaseOverAtOnce() throws Exception {
        hold(nodeA, 0);
        db.run(tx -> leases(tx, nodeB).release());
        assertEquals("node-a", lease().getHolderNode(), "only the holder releases");
        db.run(tx -> leases(tx, nodeA).release());
        assertNull(lease().getHolderNode());
        assertEquals(Grant.ACQUIRED, hold(nodeB, 0).grant());
    }

    @Test
    void aScanAskedForOnAnotherNodeIsRunByTheHolderOnce() throws Exception {
        hold(nodeA, 0);
        assertTrue((boolean) db.inTransaction(tx -> leases(tx, nodeA).askForScan()), "the holder scans itself");
        assertFalse(hold(nodeA, 0).scanAsked());
        assertFalse((boolean) db.inTransaction(tx -> leases(tx, nodeB).askForScan()), "node-b is not the holder: it leaves a note");
        assertTrue(hold(nodeA, 0).scanAsked(), "the holder's next tick scans");
        assertFalse(hold(nodeA, 0).scanAsked(), "once");
    }
}
