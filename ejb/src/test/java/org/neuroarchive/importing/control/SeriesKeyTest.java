package org.neuroarchive.importing.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.GroupingKeys;
import org.neuroarchive.testing.DicomHeaderBuilder;

class SeriesKeyTest {

    static GroupingKeys header(String studyUid, String seriesUid, Integer seriesNumber) {
        return GroupingKeys.of(DicomHeaderBuilder.mr().studyInstanceUid(studyUid).seriesInstanceUid(seriesUid)
                .seriesNumber(seriesNumber).build());
    }

    @Test
    void sameStudyAndSeriesNumberIsOneSeriesEvenWithDifferentSeriesUids() {
        assertEquals(SeriesKey.of(header("1.2.1", "1.2.1.1", 5)), SeriesKey.of(header("1.2.1", "1.2.1.2", 5)));
    }

    @Test
    void differentSeriesNumbersAreDifferentSeries() {
        assertNotEquals(SeriesKey.of(header("1.2.1", "1.2.1.1", 5)), SeriesKey.of(header("1.2.1", "1.2.1.1", 6)));
    }

    @Test
    void withoutSeriesNumberTheSeriesInstanceUidDecides() {
        assertEquals(SeriesKey.of(header("1.2.1", "1.2.1.1", null)), SeriesKey.of(header("1.2.1", "1.2.1.1", null)));
        assertNotEquals(SeriesKey.of(header("1.2.1", "1.2.1.1", null)), SeriesKey.of(header("1.2.1", "1.2.1.2", null)));
    }

    @Test
    void grouperKeepsFilesPerSeriesInArrivalOrder() {
        SeriesGrouper grouper = new SeriesGrouper();
        grouper.add(Path.of("a"), header("1.2.1", "x", 1));
        grouper.add(Path.of("b"), header("1.2.1", "x", 2));
        grouper.add(Path.of("c"), header("1.2.1", "x", 1));
        grouper.add(Path.of("d"), header("1.2.9", "y", 1));

        assertEquals(3, grouper.groups().size());
        assertEquals(4, grouper.fileCount());
        assertEquals(java.util.List.of(Path.of("a"), Path.of("c")), grouper.groups().values().iterator().next());
    }
}
