package org.neuroarchive.matching.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * Who, when and what a series is, from one of its headers, with NiDB's normalisation of blank tags:
 * Modality → OT, PatientName → PatientID, sex → U, SeriesNumber → digits of SeriesTime,
 * SeriesDate/Time → StudyDate/Time. Text is clipped to what the database stores.
 */
public record SeriesIdentity(
        String patientId,
        String patientName,
        String sex,
        LocalDate birthDate,
        String modality,
        Optional<LocalDateTime> studyDateTime,
        String studyInstanceUid,
        String studyId,
        String studyDescription,
        String seriesInstanceUid,
        Integer seriesNumber,
        Optional<LocalDateTime> seriesDateTime,
        String seriesDescription,
        String protocolName,
        Integer rows,
        Integer columns,
        boolean released) {

    private static final int TEXT = 255;
    private static final int CODE = 16;

    public static SeriesIdentity of(DicomHeader h) {
        String modality = h.modality().isBlank() ? "OT" : ColumnText.clip(h.modality().toUpperCase(), CODE);
        String patientName = h.patientName().isBlank() ? h.patientId() : h.patientName();
        String sex = switch (h.patientSex().toUpperCase()) {
            case "M", "F", "O" -> h.patientSex().toUpperCase();
            default -> "U";
        };
        Optional<LocalDateTime> studyDateTime = DicomDateTimes.dateTime(h.studyDate(), h.studyTime());
        Optional<LocalDateTime> seriesDateTime = DicomDateTimes.dateTime(h.seriesDate(), h.seriesTime())
                .or(() -> studyDateTime);
        Integer seriesNumber = h.seriesNumber() != null ? h.seriesNumber() : seriesNumberFromTime(h.seriesTime());
        return new SeriesIdentity(h.patientId(), ColumnText.clip(patientName, TEXT), sex,
                DicomDateTimes.date(h.patientBirthDate()).orElse(null), modality, studyDateTime,
                h.studyInstanceUid(), ColumnText.clip(h.studyId(), 64), ColumnText.clip(h.studyDescription(), TEXT),
                h.seriesInstanceUid(), seriesNumber, seriesDateTime, ColumnText.clip(h.seriesDescription(), TEXT),
                ColumnText.clip(h.protocolName(), TEXT), h.rows(), h.columns(), false);
    }

    /**
     * The identity a person gave when releasing a held series: this PatientID, and (without a
     * StudyDate) the study found by StudyInstanceUID or a new one instead of a time match.
     */
    public SeriesIdentity releasedAs(String explicitPatientId) {
        return withPatientId(explicitPatientId, true);
    }

    /** The same series under another PatientID (typed by a user, or taken from a folder name). */
    public SeriesIdentity withPatientId(String explicitPatientId) {
        return withPatientId(explicitPatientId, released);
    }

    private SeriesIdentity withPatientId(String explicitPatientId, boolean release) {
        String name = patientName.isBlank() || patientName.equals(patientId) ? explicitPatientId : patientName;
        return new SeriesIdentity(explicitPatientId, ColumnText.clip(name, TEXT), sex, birthDate, modality, studyDateTime,
                studyInstanceUid, studyId, studyDescription, seriesInstanceUid, seriesNumber, seriesDateTime,
                seriesDescription, protocolName, rows, columns, release);
    }

    /** {@link #unfileableReason(MatchingCriteria)} by the global import's rules. */
    public Optional<String> unfileableReason() {
        return unfileableReason(MatchingCriteria.NIDB_DEFAULTS);
    }

    /**
     * Why this series cannot be filed under a subject and study by these criteria without guessing,
     * or empty when it can. NiDB guesses here (one subject for every blank PatientID, one study per
     * series for a blank date); such a series waits for a person instead. A released series needs no
     * StudyDate.
     */
    public Optional<String> unfileableReason(MatchingCriteria criteria) {
        if (criteria.subject() == MatchingCriteria.Subject.NAME_SEX_DOB) {
            if (patientName.isBlank() || birthDate == null) {
                return Optional.of("no PatientName or no valid PatientBirthDate: the subject cannot be matched by name, sex and birth date");
            }
        } else if (patientId.isBlank()) {
            return Optional.of(criteria.subject() == MatchingCriteria.Subject.PATIENT_ID_FROM_DIR
                    ? "no folder name to take the PatientID from: the subject cannot be identified"
                    : "blank PatientID: the subject cannot be identified");
        }
        if (patientId.length() > ColumnText.PATIENT_ID) {
            return Optional.of("PatientID longer than " + ColumnText.PATIENT_ID + " characters (DICOM's limit)");
        }
        switch (criteria.study()) {
            case MODALITY_STUDY_DATE -> {
                if (studyDateTime.isEmpty() && !released) {
                    return Optional.of("no valid StudyDate: the study cannot be matched");
                }
            }
            case STUDY_ID -> {
                if (studyId.isBlank()) {
                    return Optional.of("blank StudyID (0020,0010): the study cannot be matched by StudyID");
                }
            }
            case STUDY_UID -> {
                // every readable instance has a StudyInstanceUID
            }
        }
        if (criteria.series() == MatchingCriteria.Series.SERIES_DATE && seriesDateTime.isEmpty()) {
            return Optional.of("no valid SeriesDate or StudyDate: the series cannot be matched by date");
        }
        if (seriesNumber == null) {
            return Optional.of("no SeriesNumber and no SeriesTime to derive one from");
        }
        return Optional.empty();
    }

    private static Integer seriesNumberFromTime(String seriesTime) {
        String digits = seriesTime == null ? "" : seriesTime.replaceAll("[^0-9]", "");
        if (digits.isEmpty()) {
            return null;
        }
        String trimmed = digits.length() > 9 ? digits.substring(0, 9) : digits;
        return Integer.valueOf(trimmed);
    }

}
