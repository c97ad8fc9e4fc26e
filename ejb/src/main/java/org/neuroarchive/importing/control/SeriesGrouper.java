package org.neuroarchive.importing.control;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.dicom.GroupingKeys;

/**
 * Groups readable files into series, keeping the order in which they were found. Files are grouped by
 * their {@link SeriesKey}; a file whose SeriesInstanceUID and SeriesNumber are already in a group joins
 * that group even when its key differs (another StudyInstanceUID), so that the archive sees the
 * disagreement and holds the series instead of filing its parts into two studies.
 */
public final class SeriesGrouper {

    private final Map<SeriesKey, List<Path>> groups = new LinkedHashMap<>();
    private final Map<String, SeriesKey> keyOfSeriesUid = new HashMap<>();

    public void add(Path file, GroupingKeys keys) {
        SeriesKey key = keyOfSeriesUid.computeIfAbsent(keys.seriesInstanceUid() + "|" + keys.seriesNumber(),
                uid -> SeriesKey.of(keys));
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(file);
    }

    public Map<SeriesKey, List<Path>> groups() {
        return groups;
    }

    public int fileCount() {
        return groups.values().stream().mapToInt(List::size).sum();
    }
}
