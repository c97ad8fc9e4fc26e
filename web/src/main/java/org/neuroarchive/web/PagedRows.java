package org.neuroarchive.web;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

/**
 * A screen that lists rows filtered by a date range and other criteria, newest first, a page at a time
 * (the import log, the audit trail): what the page buttons do, and the rows read once per filter or page.
 */
public abstract class PagedRows<T> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final int pageSize;
    private LocalDate from;
    private LocalDate to;
    private int offset;
    private transient List<T> rows;

    protected PagedRows(int pageSize, LocalDate from, LocalDate to) {
        this.pageSize = pageSize;
        this.from = from;
        this.to = to;
    }

    /** The rows of one page, for the criteria on the form. */
    protected abstract List<T> load(int offset, int limit);

    /** The start of the first day of the range, or null. */
    protected LocalDateTime fromTime() {
        return from == null ? null : from.atStartOfDay();
    }

    /** The start of the day after the range, or null. */
    protected LocalDateTime toTime() {
        return to == null ? null : to.plusDays(1).atStartOfDay();
    }

    public List<T> getRows() {
        if (rows == null) {
            rows = List.of(); // what load shows as a message when it refuses must not be asked again
            rows = load(offset, pageSize);
        }
        return rows;
    }

    public void filter() {
        offset = 0;
        rows = null;
    }

    public void next() {
        offset += pageSize;
        rows = null;
    }

    public void previous() {
        offset = Math.max(0, offset - pageSize);
        rows = null;
    }

    public boolean isFirstPage() {
        return offset == 0;
    }

    public boolean isLastPage() {
        return getRows().size() < pageSize;
    }

    public int getOffset() {
        return offset;
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }
}
