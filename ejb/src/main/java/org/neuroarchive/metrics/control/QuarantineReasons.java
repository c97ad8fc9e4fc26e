package org.neuroarchive.metrics.control;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code reason} tag of a quarantined file: a few fixed words for the free text a problem file is
 * recorded with (which names files and UIDs and would make a new time series per file).
 */
public final class QuarantineReasons {

    /** The tags, in the order they are tried, each with the beginnings of the texts it stands for. */
    private static final List<Map.Entry<String, List<String>>> RULES = List.of(
            Map.entry("not_dicom", List.of("not a dicom file", "empty file")),
            Map.entry("unreadable", List.of("not readable as dicom", "unreadable")),
            Map.entry("incomplete", List.of("truncated", "no pixel data", "pixel data", "encapsulated pixel data")),
            Map.entry("missing_attributes", List.of("missing or malformed required")),
            Map.entry("conflicting_duplicate", List.of("conflicting duplicate")),
            Map.entry("superseded", List.of("superseded")),
            Map.entry("discarded", List.of("discarded from review")),
            Map.entry("deidentification", List.of("cannot be de-identified", "cannot be written de-identified")));

    public static final String OTHER = "other";

    private QuarantineReasons() {
    }

    /** The tag of {@code reason}: one of the fixed words, {@link #OTHER} for a text no rule knows. */
    public static String of(String reason) {
        String text = reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT);
        for (Map.Entry<String, List<String>> rule : RULES) {
            if (rule.getValue().stream().anyMatch(text::startsWith)) {
                return rule.getKey();
            }
        }
        return OTHER;
    }

    /** Every tag this class answers. */
    public static List<String> all() {
        List<String> tags = new java.util.ArrayList<>(RULES.stream().map(Map.Entry::getKey).toList());
        tags.add(OTHER);
        return tags;
    }
}
