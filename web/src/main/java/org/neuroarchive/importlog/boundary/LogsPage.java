package org.neuroarchive.importlog.boundary;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import org.neuroarchive.importlog.control.ImportLogSearch;
import org.neuroarchive.importlog.control.ImportLogView;

/** {@code /logs}: the import log filtered by date range and keyword, newest first, a page at a time. */
@Named("logs")
@ViewScoped
public class LogsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final int PAGE = 50;

    @Inject
    transient ImportLogSearch search;

    private LocalDate from = LocalDate.now().minusDays(7);
    private LocalDate to = LocalDate.now();
    private String keyword;
    private int offset;
    private transient List<ImportLogView> lines;

    public List<ImportLogView> getLines() {
        if (lines == null) {
            lines = search.search(from == null ? null : from.atStartOfDay(), to == null ? null : to.plusDays(1).atStartOfDay(),
                    keyword == null || keyword.isBlank() ? null : keyword.strip(), offset, PAGE);
        }
        return lines;
    }

    public void filter() {
        offset = 0;
        lines = null;
    }

    public void next() {
        offset += PAGE;
        lines = null;
    }

    public void previous() {
        offset = Math.max(0, offset - PAGE);
        lines = null;
    }

    public boolean isFirstPage() {
        return offset == 0;
    }

    public boolean isLastPage() {
        return getLines().size() < PAGE;
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

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }
}
