package org.neuroarchive.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The page buttons of the import log and the audit trail: offsets, the last page, one load per page, the date range. */
class PagedRowsTest {

    /** 25 rows numbered 0 to 24, three to a page; records every load. */
    private static final class Numbers extends PagedRows<Integer> {

        private static final long serialVersionUID = 1L;

        final List<String> loads = new ArrayList<>();
        int total = 25;

        Numbers(LocalDate from, LocalDate to) {
            super(3, from, to);
        }

        @Override
        protected List<Integer> load(int offset, int limit) {
            loads.add(offset + "+" + limit);
            return IntStream.range(offset, Math.min(total, offset + limit)).boxed().toList();
        }
    }

    @Test
    void pagesForwardAndBackAndNeverBeforeTheFirst() {
        Numbers numbers = new Numbers(null, null);
        assertEquals(List.of(0, 1, 2), numbers.getRows());
        assertTrue(numbers.isFirstPage());
        numbers.next();
        numbers.next();
        assertEquals(List.of(6, 7, 8), numbers.getRows());
        assertEquals(6, numbers.getOffset());
        assertFalse(numbers.isFirstPage());
        numbers.previous();
        numbers.previous();
        numbers.previous();
        assertEquals(0, numbers.getOffset());
        assertEquals(List.of(0, 1, 2), numbers.getRows());
    }

    @Test
    void thePageWithFewerRowsThanAPageIsTheLast() {
        Numbers numbers = new Numbers(null, null);
        for (int page = 0; page < 8; page++) {
            assertFalse(numbers.isLastPage(), "page " + page);
            numbers.next();
        }
        assertEquals(List.of(24), numbers.getRows());
        assertTrue(numbers.isLastPage());
        numbers.total = 27;
        numbers.filter();
        numbers.next();
        assertFalse(numbers.isLastPage());
    }

    @Test
    void rowsAreLoadedOncePerPageAndFilteringStartsAgainAtTheFirst() {
        Numbers numbers = new Numbers(null, null);
        numbers.getRows();
        numbers.getRows();
        numbers.isLastPage();
        numbers.next();
        numbers.getRows();
        numbers.getRows();
        assertEquals(List.of("0+3", "3+3"), numbers.loads);
        numbers.filter();
        assertEquals(0, numbers.getOffset());
        numbers.getRows();
        assertEquals(List.of("0+3", "3+3", "0+3"), numbers.loads);
    }

    @Test
    void theDateRangeCoversWholeDays() {
        Numbers numbers = new Numbers(LocalDate.of(2026, 11, 24), LocalDate.of(2026, 11, 25));
        assertEquals(LocalDateTime.of(2026, 11, 24, 0, 0), numbers.fromTime());
        assertEquals(LocalDateTime.of(2026, 11, 26, 0, 0), numbers.toTime(), "up to the start of the day after");
        numbers.setFrom(null);
        numbers.setTo(null);
        assertNull(numbers.fromTime());
        assertNull(numbers.toTime());
    }
}
