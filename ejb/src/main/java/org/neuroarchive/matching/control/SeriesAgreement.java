package org.neuroarchive.matching.control;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.dicom.DicomHeader;

/**
 * Whether the files of one series agree on who and which study they belong to. A series is filed under
 * one subject and one study, so files that disagree on PatientID (some blank, some another patient's) or,
 * within one SeriesInstanceUID, on StudyInstanceUID would be filed under the first file's identity
 * without anyone noticing. Such a series is held for a person, as a blank PatientID is. The reason
 * gives counts, never the PatientIDs themselves (the import log carries no patient data).
 * Files are added one at a time (a parse keeps one of these per SeriesInstanceUID, not the headers).
 */
public final class SeriesAgreement {

    private final Set<String> patientIds = new HashSet<>();
    private final Map<String, Set<String>> studiesBySeries = new HashMap<>();
    private int blankPatientIds;
    private int files;

    /** Why these files cannot be filed as one series, or empty when they agree (see {@link #disagreement(boolean)}). */
    public static Optional<String> disagreement(Collection<DicomHeader> headers, boolean ownPatientIds) {
        SeriesAgreement agreement = new SeriesAgreement();
        headers.forEach(agreement::add);
        return agreement.disagreement(ownPatientIds);
    }

    public void add(DicomHeader header) {
        files++;
        if (header.patientId().isBlank()) {
            blankPatientIds++;
        } else {
            patientIds.add(header.patientId().strip());
        }
        studiesBySeries.computeIfAbsent(header.seriesInstanceUid(), uid -> new HashSet<>()).add(header.studyInstanceUid());
    }

    /**
     * Why the files added cannot be filed as one series, or empty when they agree.
     *
     * @param ownPatientIds the files' own PatientIDs name the subject (not a PatientID given by a person
     *                      or a folder name, and not name, sex and birth date)
     */
    public Optional<String> disagreement(boolean ownPatientIds) {
        if (ownPatientIds && (patientIds.size() > 1 || !patientIds.isEmpty() && blankPatientIds > 0)) {
            return Optional.of("its files disagree on PatientID (" + patientIds.size() + " different PatientIDs"
                    + (blankPatientIds > 0 ? " and " + blankPatientIds + " files with a blank one" : "") + " among "
                    + files + " files): whose series it is is for a person to decide");
        }
        return studiesBySeries.values().stream().filter(studies -> studies.size() > 1).findFirst()
                .map(studies -> "its files disagree on StudyInstanceUID (" + studies.size() + " studies for one "
                        + "SeriesInstanceUID among " + files + " files): which study it belongs to is for a person to "
                        + "decide");
    }
}
