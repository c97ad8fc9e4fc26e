package org.neuroarchive.matching.control;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.common.entity.ColumnText;

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
        String name = patientName.isBlank() ? explicitPatientId : patientName;
        return new SeriesIdentity(explicitPatientId, ColumnText.clip(name, TEXT), sex, birthDate, modality, studyDateTime,
                studyInstanceUid, studyId, studyDescription, seriesInstanceUid, seriesNumber, seriesDateTime,
                seriesDescription, protocolName, rows, columns, true);
    }

    /**
     * Why this series cannot be filed under a subject and study without guessing, or empty when it
     * can. NiDB guesses here (one subject for every blank PatientID, one study per series for a blank
     * date); such a series is held for a person instead. A released series needs no StudyDate.
     */
    public Optional<String> unfileableReason() {
        if (patientId.isBlank()) {
            return Optional.of("blank PatientID: the subject cannot be identified");
        }
        if (patientId.length() > TEXT) {
            return Optional.of("PatientID longer than " + TEXT + " characters");
        }
        if (studyDateTime.isEmpty() && !released) {
            return Optional.of("no valid StudyDate: the study cannot be matched");
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
