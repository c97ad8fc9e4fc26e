package org.neuroarchive.importing.control;

import org.neuroarchive.dicom.GroupingKeys;

/**
 * Which series a file belongs to, as NiDB groups them: StudyInstanceUID + SeriesNumber, falling back
 * to SeriesInstanceUID when SeriesNumber is absent (some Siemens data has several SeriesInstanceUIDs
 * per SeriesNumber; they belong together).
 */
public record SeriesKey(String value) {

    public static SeriesKey of(GroupingKeys keys) {
        if (keys.seriesNumber() != null) {
            return new SeriesKey(keys.studyInstanceUid() + "|" + keys.seriesNumber());
        }
        return new SeriesKey(keys.studyInstanceUid() + "|uid:" + keys.seriesInstanceUid());
    }

    @Override
    public String toString() {
        return value;
    }
}
