package org.neuroarchive.metrics.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class QuarantineReasonsTest {

    @Test
    void theReasonsOfTheReaderAndTheFilerHaveTheirOwnTag() {
        assertEquals("not_dicom", QuarantineReasons.of("not a DICOM file (no DICM prefix at byte 128, and …)"));
        assertEquals("not_dicom", QuarantineReasons.of("empty file (0 bytes)"));
        assertEquals("unreadable", QuarantineReasons.of("not readable as DICOM: bad length"));
        assertEquals("incomplete", QuarantineReasons.of("truncated: the file ends inside an attribute (1 of 2)"));
        assertEquals("incomplete", QuarantineReasons.of("pixel data holds 10 bytes but the image dimensions need 20"));
        assertEquals("missing_attributes", QuarantineReasons.of("missing or malformed required attribute(s): SOPInstanceUID"));
        assertEquals("conflicting_duplicate", QuarantineReasons.of("conflicting duplicate: SOPInstanceUID 1.2 is …"));
        assertEquals("superseded", QuarantineReasons.of("superseded: replaced by a.dcm, …"));
        assertEquals("discarded", QuarantineReasons.of("discarded from review: PatientID differs"));
        assertEquals("deidentification", QuarantineReasons.of("cannot be de-identified: x"));
    }

    @Test
    void anUnknownTextIsOtherAndEveryTagIsListed() {
        assertEquals(QuarantineReasons.OTHER, QuarantineReasons.of("something new"));
        assertEquals(QuarantineReasons.OTHER, QuarantineReasons.of(null));
        assertTrue(QuarantineReasons.all().containsAll(java.util.List.of("not_dicom", "incomplete", "other")));
    }
}
