package org.neuroarchive.importing.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.dicom.DicomHeader;

/** Groups readable files into series, keeping the order in which they were found. */
public final class SeriesGrouper {

    private final Map<SeriesKey, List<Path>> groups = new LinkedHashMap<>();

    public void add(Path file, DicomHeader header) {
        groups.computeIfAbsent(SeriesKey.of(header), key -> new ArrayList<>()).add(file);
    }

    public Map<SeriesKey, List<Path>> groups() {
        return groups;
    }

    public int fileCount() {
        return groups.values().stream().mapToInt(List::size).sum();
    }
}
