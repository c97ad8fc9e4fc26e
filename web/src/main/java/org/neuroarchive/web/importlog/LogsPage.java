package org.neuroarchive.web.importlog;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.LocalDate;
import java.util.List;
import org.neuroarchive.importlog.control.ImportLogSearch;
import org.neuroarchive.importlog.control.ImportLogView;
import org.neuroarchive.web.PagedRows;

/** {@code /logs}: the import log filtered by date range and keyword, newest first, a page at a time. */
@Named("logs")
@ViewScoped
public class LogsPage extends PagedRows<ImportLogView> {

    private static final long serialVersionUID = 1L;
    public static final int PAGE = 50;

    @Inject
    transient ImportLogSearch search;

    private String keyword;

    public LogsPage() {
        super(PAGE, LocalDate.now().minusDays(7), LocalDate.now());
    }

    @Override
    protected List<ImportLogView> load(int offset, int limit) {
        return search.search(fromTime(), toTime(), keyword == null || keyword.isBlank() ? null : keyword.strip(), offset, limit);
    }

    /** The lines of the current page (the page's name for its rows). */
    public List<ImportLogView> getLines() {
        return getRows();
    }

    public String getKeyword() {
        return keyword;
    }

    public void setKeyword(String keyword) {
        this.keyword = keyword;
    }
}
