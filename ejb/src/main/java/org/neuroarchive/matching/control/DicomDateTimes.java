package org.neuroarchive.matching.control;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Optional;

/** DICOM DA/TM values (and their common legacy forms) as java.time values. */
public final class DicomDateTimes {

    private DicomDateTimes() {
    }

    /** {@code YYYYMMDD} or legacy {@code YYYY.MM.DD} / {@code YYYY-MM-DD}. */
    public static Optional<LocalDate> date(String da) {
        if (da == null) {
            return Optional.empty();
        }
        String digits = da.strip().replace(".", "").replace("-", "");
        if (!digits.matches("\\d{8}")) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.of(Integer.parseInt(digits.substring(0, 4)),
                    Integer.parseInt(digits.substring(4, 6)), Integer.parseInt(digits.substring(6, 8))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** {@code HH[MM[SS[.F{1,6}]]]} or legacy {@code HH:MM:SS}; blank or malformed gives midnight. */
    public static LocalTime time(String tm) {
        if (tm == null) {
            return LocalTime.MIDNIGHT;
        }
        String value = tm.strip().replace(":", "");
        String whole = value;
        String fraction = "";
        int dot = value.indexOf('.');
        if (dot >= 0) {
            whole = value.substring(0, dot);
            fraction = value.substring(dot + 1);
        }
        if (!whole.matches("\\d{2}|\\d{4}|\\d{6}") || !fraction.matches("\\d{0,6}")) {
            return LocalTime.MIDNIGHT;
        }
        try {
            int hour = Integer.parseInt(whole.substring(0, 2));
            int minute = whole.length() >= 4 ? Integer.parseInt(whole.substring(2, 4)) : 0;
            int second = whole.length() >= 6 ? Integer.parseInt(whole.substring(4, 6)) : 0;
            int nanos = fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "000000").substring(0, 6)) * 1000;
            return LocalTime.of(hour, minute, Math.min(second, 59), nanos);
        } catch (DateTimeException e) {
            return LocalTime.MIDNIGHT;
        }
    }

    /** Date and time together, empty when the date is missing or malformed. */
    public static Optional<LocalDateTime> dateTime(String da, String tm) {
        return date(da).map(d -> d.atTime(time(tm)));
    }
}
