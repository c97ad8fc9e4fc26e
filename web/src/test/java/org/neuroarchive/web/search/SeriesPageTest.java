package org.neuroarchive.web.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.matching.entity.SeriesParameters;

class SeriesPageTest {

    @Test
    void missingNumbersAreWrittenAsRanges() {
        assertEquals("3, 5-6, 9-11", SeriesPage.ranges(List.of(3, 5, 6, 9, 10, 11)));
        assertEquals("7", SeriesPage.ranges(List.of(7)));
        assertEquals("", SeriesPage.ranges(List.of()));
    }

    @Test
    void onlyThePresentParametersAreListedWithTheirUnits() {
        SeriesParameters p = new SeriesParameters(2000.0, 30.5, null, 77.0, 3.0, 1.0, null, null, "EP", "*epfid2d1_64",
                null, 36, 2, null, null, null, null, " ");

        List<ParameterList.Parameter> listed = ParameterList.of(p);

        assertEquals(List.of("TR 2000 ms", "TE 30.5 ms", "Flip angle 77 °", "Field strength 3 T", "Slice thickness 1 mm",
                "Scanning sequence EP", "Sequence name *epfid2d1_64", "Slices 36", "BOLD repetitions 2"),
                listed.stream().map(l -> l.name() + " " + l.value()).toList());
        assertEquals(List.of(), ParameterList.of(null));
    }
}
