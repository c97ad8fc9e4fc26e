package org.neuroarchive.receiver.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.config.ReceiverSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.importing.control.ScanTrigger;

/** Where received objects go: renamed into incomingdir/received/<AE>/, never overwritten; refused callers. */
class ReceivedObjectsTest {

    @TempDir
    Path dir;

    private final ReceivedObjects objects = new ReceivedObjects();
    private final AtomicInteger scans = new AtomicInteger();
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
        allow(Optional.empty());
    }

    private void allow(Optional<String> callingAets) throws Exception {
        ReceiverSettings settings = new ReceiverSettings();
        var field = ReceiverSettings.class.getDeclaredField("allowedCallingAets");
        field.setAccessible(true);
        field.set(settings, callingAets);
        objects.settings = settings;
    }

    private Path arrived(String name, String content) throws IOException {
        Path file = Files.createDirectories(locations.receiving().resolve("association-1")).resolve(name);
        return Files.writeString(file, content);
    }

    @Test
    void aCompleteObjectIsRenamedIntoIncomingUnderItsCallingAeTitle() throws Exception {
        objects.received(arrived("1.2.3", "first"), "MR SCANNER/1", "1.2.840.10008.1.2.1");
        objects.received(arrived("1.2.3", "second, same SOPInstanceUID"), "MR SCANNER/1", "1.2.840.10008.1.2.1");

        Path folder = locations.received().resolve("MR_SCANNER_1");
        assertEquals("first", Files.readString(folder.resolve("1.2.3.dcm")));
        assertEquals("second, same SOPInstanceUID", Files.readString(folder.resolve("1.2.3-1.dcm")), "never overwritten");
        assertEquals(2, objects.status.view().objectsReceived());
        assertEquals(1, scans.get(), "at most one scan a second while objects arrive");
        objects.associationEnded("peer", true);
        assertEquals(2, scans.get(), "and one when the association ends");
    }

    @Test
    void aCallingAeTitleNotAllowedIsRefusedAndItsObjectDeleted() throws Exception {
        allow(Optional.of("SCANNER1, SCANNER2"));
        Path file = arrived("1.2.4", "from elsewhere");
        assertThrows(IOException.class, () -> objects.received(file, "LAPTOP", "1.2.840.10008.1.2"));
        assertFalse(Files.exists(file));
        assertFalse(Files.exists(locations.received()), "nothing reached incomingdir");
        assertEquals(1, objects.status.view().failures());
        objects.received(arrived("1.2.5", "allowed"), "SCANNER2", "1.2.840.10008.1.2");
        assertTrue(Files.exists(locations.received().resolve("SCANNER2/1.2.5.dcm")));
    }

    @Test
    void callingAeTitlesBecomeSafeFolderNames() {
        assertEquals("SCANNER_1", ReceivedObjects.folderName("SCANNER 1"));
        assertEquals("unknown", ReceivedObjects.folderName(""));
        assertEquals("unknown..", ReceivedObjects.folderName(".."));
    }
}
