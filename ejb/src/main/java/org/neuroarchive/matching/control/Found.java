package org.neuroarchive.matching.control;

/** A row that was either found or created just now (the scan summary counts what was created). */
public record Found<T>(T value, boolean created) {

    public static <T> Found<T> existing(T value) {
        return new Found<>(value, false);
    }

    public static <T> Found<T> created(T value) {
        return new Found<>(value, true);
    }
}
