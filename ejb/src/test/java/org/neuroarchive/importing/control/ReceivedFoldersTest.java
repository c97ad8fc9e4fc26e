package org.neuroarchive.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The received folders of the DICOM peers and the project they stand for. */
class ReceivedFoldersTest {

    @Test
    void folderNamesFromThePeerEntry() {
        assertEquals("CT1", ReceivedFolders.folderName("CT1", null));
        assertEquals("any-ae", ReceivedFolders.folderName(null, null));
        assertEquals("MR_3_x=123456", ReceivedFolders.folderName("MR 3/x", "123456"));
        assertEquals("_..", ReceivedFolders.folderName("..", null));
    }

    @Test
    void theProjectOfAFileBelowReceived() {
        assertEquals("123456", ReceivedFolders.costcenter(Path.of("received/CT1=123456/a.dcm")));
        assertNull(ReceivedFolders.costcenter(Path.of("received/CT1/a.dcm")));
        assertNull(ReceivedFolders.costcenter(Path.of("elsewhere/CT1=123456/a.dcm")), "only below received");
        assertNull(ReceivedFolders.costcenter(Path.of("received/CT1=123456")), "a file in it, not the folder");
        assertNull(ReceivedFolders.costcenter(Path.of("received/CT1=../a.dcm")));
    }
}
