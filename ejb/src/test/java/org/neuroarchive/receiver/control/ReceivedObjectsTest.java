package org.neuroarchive.receiver.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.AssociationInfo;
import org.neuroarchive.dicom.DicomPeer;
import org.neuroarchive.dicom.DicomPeers;
import org.neuroarchive.dicom.Refusal;
import org.neuroarchive.importing.control.ScanTrigger;

/**
 * Where received objects go: renamed into incomingdir/received/<peer entry's folder>/ under names of our
 * own, never overwritten, never moved from or to anywhere else; audit rows and counters of associations
 * and refusals.
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

    @Test
    void aCompleteObjectIsRenamedIntoItsPeersFolderUnderANameOfOurOwn() throws Exception {
        AssociationInfo scanner = association("SCANNER1@127.0.0.1", "SCANNER1");
        objects.received(arrived("object-1.dcm", "first"), scanner, "1.2.840.10008.1.2.1");
        objects.received(arrived("object-2.dcm", "second"), scanner, "1.2.840.10008.1.2.1");

        List<Path> files = filesIn(locations.received().resolve("SCANNER1"));
        assertEquals(2, files.size(), "never overwritten");
        assertTrue(files.stream().allMatch(f -> f.getFileName().toString().matches("[0-9a-f-]{36}\\.dcm")), files.toString());
        assertEquals(2, objects.status.view().objectsReceived());
        assertEquals(1, scans.get(), "at most one scan a second while objects arrive");
        objects.associationEnded(scanner, true, 2, null);
        assertEquals(2, scans.get(), "and one when the association ends");
    }

    @Test
    void theFolderComesFromThePeerEntryNotFromWhatThePeerSent() throws Exception {
        objects.received(arrived("object-1.dcm", "a"), association("*@127.0.0.0/8", "../../ETC"), "1.2.840.10008.1.2");
        objects.received(arrived("object-2.dcm", "b"), association("MR 3/x@127.0.0.1=888888", "MR 3/x"), "1.2.840.10008.1.2");
        assertEquals(1, filesIn(locations.received().resolve("any-ae")).size());
        assertEquals(1, filesIn(locations.received().resolve("MR_3_x=888888")).size(), "the project's folder");
        assertEquals(2, filesIn(locations.received()).size(), "nothing else below received");
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
