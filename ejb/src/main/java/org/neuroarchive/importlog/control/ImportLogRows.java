package org.neuroarchive.importlog.control;

import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.importlog.entity.ImportLogEntry;

/**
 * The import log rows of one archive transaction, gathered while its files are filed and written
 * together by {@link ImportLog#recordAll} (a row per file, in JDBC batches). Not shared
 * between threads.
 */
public final class ImportLogRows {

    private final List<ImportLogEntry> entries = new ArrayList<>();

    public void add(ImportLogEntry entry) {
        entries.add(entry);
    }

    /** The rows gathered so far, in order; none are left here. */
    List<ImportLogEntry> takeAll() {
        List<ImportLogEntry> all = List.copyOf(entries);
        entries.clear();
        return all;
    }
}
