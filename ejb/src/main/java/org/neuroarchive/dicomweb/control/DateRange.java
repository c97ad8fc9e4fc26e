package org.neuroarchive.dicomweb.control;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import org.neuroarchive.common.control.RequestRejected;

/**
 * A DICOM date matching value (PS3.4 C.2.2.2.5): one date {@code 20260401}, a range {@code 20260401-20260430},
 * from a date on {@code 20260401-} or up to one {@code -20260430}; both ends included, null when open.
 */
public record DateRange(LocalDate from, LocalDate to) {

    private static final DateTimeFormatter DA = DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);

    /** @throws RequestRejected (invalid) for anything else, and for a range that ends before it begins */
    public static DateRange parse(String keyword, String value) {
        String v = value.strip();
        int dash = v.indexOf('-');
        if (dash < 0) {
            LocalDate day = date(keyword, v);
            return new DateRange(day, day);
        }
        if (v.indexOf('-', dash + 1) >= 0 || v.length() == 1) {
            throw invalid(keyword, v);
        }
        LocalDate from = dash == 0 ? null : date(keyword, v.substring(0, dash));
        LocalDate to = dash == v.length() - 1 ? null : date(keyword, v.substring(dash + 1));
        if (from != null && to != null && to.isBefore(from)) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, keyword + "=" + v + ": the range ends before it begins");
        }
        return new DateRange(from, to);
    }

    private static LocalDate date(String keyword, String text) {
        try {
            return LocalDate.parse(text, DA);
        } catch (DateTimeParseException e) {
            throw invalid(keyword, text);
        }
    }

    private static RequestRejected invalid(String keyword, String value) {
        return new RequestRejected(RequestRejected.Reason.INVALID, keyword + "=" + value
                + ": not a DICOM date or range (YYYYMMDD, YYYYMMDD-YYYYMMDD, YYYYMMDD- or -YYYYMMDD)");
    }
}
