package org.neuroarchive.receiver.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.ClusterSettings;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.AssociationInfo;
import org.neuroarchive.dicom.DicomPeer;
import org.neuroarchive.dicom.DicomPeers;
import org.neuroarchive.dicom.Refusal;
import org.neuroarchive.importing.control.ReceivedFolders;
import org.neuroarchive.importing.control.ScanTrigger;

/**
 * Where received objects go: renamed into a batch folder of their association in
 * incomingdir/received/<peer entry's folder>/ under names of our own, never overwritten, never moved from
 * or to anywhere else, hidden from the import until the batch is full or its association ends; audit
 * rows and counters of associations and refusals.
 */
class ReceivedObjectsTest {

    @TempDir
    Path dir;

    private final ReceivedObjects objects = new ReceivedObjects();
    private final AtomicInteger scans = new AtomicInteger();
    private final List<AuditEvent> rows = new CopyOnWriteArrayList<>();
    private StorageLocations locations;

    @BeforeEach
    void wire() throws Exception {
        locations = StorageLocations.under(dir);
        objects.locations = locations;
        objects.settings = ReceiverSettings.of(Map.of("neuroarchive.dicom.batch-objects", "3"));
        objects.cluster = ClusterSettings.of("node-1", 30, 60);
        objects.init();
        objects.status = new ReceiverStatus();
        objects.scans = new ScanTrigger() {
            @Override
            public void scanSoon() {
                scans.incrementAndGet();
            }
        };
        objects.audit = new ReceiverAudit();
        objects.audit.trail = new AuditTrail() {
            @Override
            public void record(AuditEvent.Builder event) {
                rows.add(event.build());
            }
        };
    }

    private static AssociationInfo association(String peerList, String callingAet) {
        DicomPeer peer = DicomPeers.parse(peerList).list().get(0);
        return new AssociationInfo(7, "127.0.0.1", callingAet, "NEUROARCHIVE", peer, false);
    }

    private Path arrived(String name, String content) throws IOException {
        Path file = Files.createDirectories(locations.receiving().resolve("association-7")).resolve(name);
        return Files.writeString(file, content);
    }

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.sorted().toList();
        }
    }

    /** The regular files below {@code folder}, hidden batches included, relative to it. */
    private static List<String> filesBelow(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(f -> folder.relativize(f).toString()).sorted().toList();
        }
    }

    @Test
    void completeObjectsWaitInAHiddenBatchOfTheirAssociationUntilItEnds() throws Exception {
        AssociationInfo scanner = association("SCANNER1@127.0.0.1", "SCANNER1");
        objects.received(arrived("object-1.dcm", "first"), scanner, "1.2.840.10008.1.2.1");
        objects.received(arrived("object-2.dcm", "second"), scanner, "1.2.840.10008.1.2.1");

        Path peer = locations.received().resolve("SCANNER1");
        List<String> files = filesBelow(peer);
        assertEquals(2, files.size(), "never overwritten");
        String batch = "\\.batch-node-1\\+[0-9a-f-]{36}/[0-9a-f-]{36}\\.dcm";
        assertTrue(files.stream().allMatch(f -> f.matches(batch)), files.toString());
        assertEquals(1, filesIn(peer).size(), "one batch");
        assertEquals(2, objects.status.view().objectsReceived());
        assertEquals(0, scans.get(), "the import does not see the batch yet");
        assertTrue(filesIn(locations.receiving().resolve("association-7")).isEmpty(), "moved, not copied");

        objects.associationEnded(scanner, true, 2, null);
        assertEquals(1, scans.get(), "one scan when the association ends");
        List<String> released = filesBelow(peer);
        assertTrue(released.stream().allMatch(f -> f.matches("batch-node-1\\+[0-9a-f-]{36}/[0-9a-f-]{36}\\.dcm")), released.toString());
        assertEquals(2, released.size());
    }

    @Test
    void aFullBatchIsHandedOverAtOnceAndTheNextObjectsStartAnother() throws Exception {
        AssociationInfo scanner = association("SCANNER1@127.0.0.1", "SCANNER1");
        for (int i = 1; i <= 4; i++) {
            objects.received(arrived("object-" + i + ".dcm", "object " + i), scanner, "1.2.840.10008.1.2.1");
        }
        assertEquals(1, scans.get(), "a batch of 3 (neuroarchive.dicom.batch-objects) was released");
        List<String> names = filesIn(locations.received().resolve("SCANNER1")).stream()
                .map(p -> p.getFileName().toString().replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "ID"))
                .toList();
        assertEquals(List.of(".batch-node-1+ID", "batch-node-1+ID").stream().sorted().toList(), names.stream().sorted().toList());
        objects.associationEnded(scanner, false, 4, "aborted");
        assertEquals(2, scans.get(), "an aborted association's complete objects are handed over too");
        assertEquals(4, filesBelow(locations.received()).stream().filter(f -> !f.contains("/.batch-")).count());
    }

    @Test
    void anAssociationWithoutObjectsAsksForNoScan() {
        AssociationInfo scanner = association("SCANNER1@127.0.0.1", "SCANNER1");
        objects.associationOpened(scanner);
        objects.associationEnded(scanner, true, 0, null);
        assertEquals(0, scans.get());
        assertFalse(Files.exists(locations.received()));
    }

    @Test
    void theFolderComesFromThePeerEntryNotFromWhatThePeerSent() throws Exception {
        AssociationInfo any = association("*@127.0.0.0/8", "../../ETC");
        AssociationInfo project = new AssociationInfo(8, "127.0.0.1", "MR 3/x", "NEUROARCHIVE",
                DicomPeers.parse("MR 3/x@127.0.0.1=888888").list().get(0), false);
        objects.received(arrived("object-1.dcm", "a"), any, "1.2.840.10008.1.2");
        objects.received(arrived("object-2.dcm", "b"), project, "1.2.840.10008.1.2");
        objects.associationEnded(any, true, 1, null);
        objects.associationEnded(project, true, 1, null);
        assertEquals(1, filesBelow(locations.received().resolve("any-ae")).size());
        assertEquals(1, filesBelow(locations.received().resolve("MR_3_x=888888")).size(), "the project's folder");
        assertEquals(2, filesIn(locations.received()).size(), "nothing else below received");
        assertEquals("888888", ReceivedFolders.costcenter(locations.incoming().relativize(
                locations.received().resolve("MR_3_x=888888").resolve(filesBelow(locations.received().resolve("MR_3_x=888888")).get(0)))),
                "a released batch is still filed into the peer's project");
    }

    @Test
    void aFileOutsideTheReceivingFolderIsNeitherMovedNorDeleted() throws Exception {
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        Files.createDirectories(locations.receiving().resolve("association-7"));
        AssociationInfo scanner = association("SCANNER1@127.0.0.1", "SCANNER1");
        for (Path outside : List.of(victim, locations.receiving().resolve("association-7/../../victim.txt"),
                locations.receiving())) {
            assertThrows(IOException.class, () -> objects.received(outside, scanner, "1.2.840.10008.1.2"));
        }
        assertEquals("precious", Files.readString(victim));
        assertFalse(Files.exists(locations.received()), "nothing reached incomingdir");
        assertEquals(3, objects.status.view().failures());
    }

    @Test
    void oneAuditRowPerAssociationAndPerRefusalNamingThePeer() {
        AssociationInfo project = association("CT1@127.0.0.1=888888", "CT1");
        objects.associationOpened(project);
        objects.associationEnded(project, true, 12, null);
        objects.associationOpened(project);
        objects.associationEnded(project, false, 3, "silent for 60.0 s: closed");
        objects.refused(new Refusal("10.0.0.9", "LAPTOP", "NEUROARCHIVE", Refusal.Reason.UNKNOWN_PEER,
                "no peer entry for AE title 'LAPTOP' at 10.0.0.9"));
        objects.refused(new Refusal("10.0.0.9", null, null, Refusal.Reason.TOO_MANY_FROM_ADDRESS, "10 associations open"));

        assertEquals(4, rows.size());
        AuditEvent released = rows.get(0);
        assertEquals("dicom.association", released.getAction());
        assertEquals("peer:CT1@127.0.0.1", released.getActor());
        assertEquals("127.0.0.1", released.getClientAddress());
        assertEquals("888888", released.getProject());
        assertEquals(AuditEvent.Outcome.ALLOWED, released.getOutcome());
        assertTrue(released.getDetail().contains("12 objects stored, released"), released.getDetail());
        AuditEvent aborted = rows.get(1);
        assertEquals(AuditEvent.Outcome.FAILED, aborted.getOutcome());
        assertTrue(aborted.getDetail().contains("3 objects stored, aborted: silent for 60.0 s"), aborted.getDetail());
        AuditEvent unknown = rows.get(2);
        assertEquals("dicom.refused", unknown.getAction());
        assertEquals("peer:LAPTOP@10.0.0.9", unknown.getActor());
        assertEquals(AuditEvent.Outcome.REFUSED, unknown.getOutcome());
        assertTrue(unknown.getDetail().startsWith("unknown-peer: "), unknown.getDetail());
        assertEquals("peer:?@10.0.0.9", rows.get(3).getActor());

        ReceiverStatus.View view = objects.status.view();
        assertEquals(2, view.refused());
        assertEquals(1, view.refusedByReason().get("unknown-peer"));
        assertEquals(1, view.refusedByReason().get("too-many-from-address"));
        assertEquals(0, view.activeAssociations());
    }
}
