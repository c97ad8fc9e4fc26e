package org.neuroarchive.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.dicom.GroupingKeys;

class SeriesGrouperTest {

    private static GroupingKeys file(String studyUid, String seriesUid, Integer seriesNumber) {
        return GroupingKeys.of(new DicomHeader("1.2.840.10008.5.1.4.1.1.4", "1.2." + System.nanoTime(), studyUid, seriesUid,
                "1.2.840.10008.1.2.1", "P1", "Doe^Jane", "F", "19800101", "MR", "20260102", "101500", "1", "R",
                "20260102", "101500", "T1", "t1", seriesNumber, 1, 1, "", "", 8, 8, null, 1, 16, "MONOCHROME2"));
    }

    @Test
    void filesOfOneSeriesInstanceUidStayTogetherWhenTheyDisagreeOnTheirStudy() {
        SeriesGrouper grouper = new SeriesGrouper();
        grouper.add(Path.of("a"), file("1.1", "1.1.1", 3));
        grouper.add(Path.of("b"), file("1.2", "1.1.1", 3)); // same series, another StudyInstanceUID
        grouper.add(Path.of("c"), file("1.2", "1.2.1", 3)); // another series of that other study

        assertEquals(List.of(List.of(Path.of("a"), Path.of("b")), List.of(Path.of("c"))),
                List.copyOf(grouper.groups().values()));
        assertEquals(List.of(new SeriesKey("1.1|3"), new SeriesKey("1.2|3")), List.copyOf(grouper.groups().keySet()));
    }

    @Test
    void nidbGroupingBySeriesNumberIsUnchanged() {
        SeriesGrouper grouper = new SeriesGrouper();
        grouper.add(Path.of("a"), file("1.1", "1.1.1", 3));
        grouper.add(Path.of("b"), file("1.1", "1.1.2", 3)); // Siemens: several SeriesInstanceUIDs per number
        grouper.add(Path.of("c"), file("1.1", "1.1.3", null));

        assertEquals(List.of(List.of(Path.of("a"), Path.of("b")), List.of(Path.of("c"))),
                List.copyOf(grouper.groups().values()));
        assertEquals(3, grouper.fileCount());
    }
}
