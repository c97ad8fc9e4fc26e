package org.neuroarchive.individual.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.neuroarchive.individual.entity.StagedSeriesStatus;

/** What the counts of an import's series mean, from rows of the grouped query (status, selected, count). */
class SeriesCountsTest {

    @Test
    void anArchiveWithOneFailingSeries() {
        SeriesCounts counts = SeriesCounts.NONE.plus(StagedSeriesStatus.ARCHIVED, true, 2).plus(StagedSeriesStatus.FAILED, true, 1)
                .plus(StagedSeriesStatus.PARSED, false, 3);
        assertEquals(new SeriesCounts(3, 0, 2, 1), counts, "three selected, two archived, one failed; nonmatch not selected");
    }

    @Test
    void whileArchivingTheQueuedSeriesAreCounted() {
        assertEquals(new SeriesCounts(4, 3, 1, 0), SeriesCounts.NONE.plus(StagedSeriesStatus.QUEUED, true, 3).plus(StagedSeriesStatus.ARCHIVED, true, 1));
    }

    @Test
    void aSeriesLeftOutOfALaterRequestStillCountsAsArchivedButNotAsFailed() {
        SeriesCounts counts = SeriesCounts.NONE.plus(StagedSeriesStatus.ARCHIVED, false, 1).plus(StagedSeriesStatus.HELD, false, 1)
                .plus(StagedSeriesStatus.ARCHIVED, true, 1);
        assertEquals(new SeriesCounts(1, 0, 2, 0), counts);
    }

    @Test
    void skippedSeriesOfACancelledImportAreNeitherArchivedNorFailed() {
        assertEquals(new SeriesCounts(2, 0, 0, 0), SeriesCounts.NONE.plus(StagedSeriesStatus.SKIPPED, true, 2));
    }
}
