package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UploadReceiverTest {

    @Test
    void clientFileNamesLoseFoldersControlCharactersAndLeadingDots() {
        assertEquals("scan.zip", UploadReceiver.safeName("C:\\Users\\me\\scan.zip", 0));
        assertEquals("evil.dcm", UploadReceiver.safeName("../../evil.dcm", 0));
        assertEquals("file-3", UploadReceiver.safeName("..", 3));
        assertEquals("file-1", UploadReceiver.safeName(null, 1));
        assertEquals("file-2.hidden", UploadReceiver.safeName(".hidden", 2));
        assertEquals("ab.dcm", UploadReceiver.safeName("a\u0000b\n.dcm", 0));
    }
}
