package org.neuroarchive.importing.control;

import org.neuroarchive.dicom.DicomHeader;

/**
 * Which series a file belongs to, as NiDB groups them: StudyInstanceUID + SeriesNumber, falling back
 * to SeriesInstanceUID when SeriesNumber is absent (some Siemens data has several SeriesInstanceUIDs
 * per SeriesNumber; they belong together).
 */
public record SeriesKey(String value) {

    public static SeriesKey of(DicomHeader header) {
        if (header.seriesNumber() != null) {
            return new SeriesKey(header.studyInstanceUid() + "|" + header.seriesNumber());
        }
        return new SeriesKey(header.studyInstanceUid() + "|uid:" + header.seriesInstanceUid());
    }

    @Override
    public String toString() {
        return value;
    }
}
