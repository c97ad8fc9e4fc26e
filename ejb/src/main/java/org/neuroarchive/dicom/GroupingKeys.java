package org.neuroarchive.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the folder scan needs of a file to put it into its series: StudyInstanceUID, SeriesInstanceUID
 * and SeriesNumber. {@link DicomReader#readGroupingKeys} takes them from the element walk that checks
 * every file anyway, without a second parse by PixelMed of the whole header; the archive transaction
 * reads the file completely later.
 */
public record GroupingKeys(String studyInstanceUid, String seriesInstanceUid, Integer seriesNumber) {

    public static GroupingKeys of(DicomHeader header) {
        return new GroupingKeys(header.studyInstanceUid(), header.seriesInstanceUid(), header.seriesNumber());
    }

    /**
     * The keys among the attributes the walk decoded, read as {@link DicomReader#readHeader} reads them;
     * empty when a required UID (SOP class and instance, study, series) is missing or malformed: the
     * full header read then decides, and says why.
     */
    static Optional<GroupingKeys> of(AttributeList identity) {
        if (identity == null) {
            return Optional.empty();
        }
        List<String> missing = new ArrayList<>();
        AttributeText.requiredUid(identity, TagFromName.SOPClassUID, "SOPClassUID", missing);
        AttributeText.requiredUid(identity, TagFromName.SOPInstanceUID, "SOPInstanceUID", missing);
        String study = AttributeText.requiredUid(identity, TagFromName.StudyInstanceUID, "StudyInstanceUID", missing);
        String series = AttributeText.requiredUid(identity, TagFromName.SeriesInstanceUID, "SeriesInstanceUID", missing);
        if (!missing.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new GroupingKeys(study, series, AttributeText.number(identity, TagFromName.SeriesNumber)));
    }
}
