package org.neuroarchive.web.rest;

import jakarta.ws.rs.BadRequestException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Query parameters that name a time: {@code 2026-11-24} or {@code 2026-11-24T10:15:00}. */
public final class TimeParameters {

    private TimeParameters() {
    }

    /** The instant named, or for a bare date its start ({@code endOfDay} false) or the next day's start. */
    public static LocalDateTime parse(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return endOfDay ? date.plusDays(1).atStartOfDay() : date.atStartOfDay();
            }
            return LocalDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a date (2026-11-24) or a date and time (2026-11-24T10:15:00), not '"
                    + value + "'");
        }
    }
}
