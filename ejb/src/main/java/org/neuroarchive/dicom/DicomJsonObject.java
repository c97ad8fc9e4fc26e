package org.neuroarchive.dicom;

import java.math.BigDecimal;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One data set in the DICOM JSON model (PS3.18 F.2): attributes keyed by their tag as eight upper-case
 * hexadecimal digits, each with its {@code vr} and, when it has values, {@code Value} (numbers for the
 * numeric VRs, {@code {"Alphabetic": …}} for person names), {@code InlineBinary} (Base64) for binary VRs
 * or nested data sets for sequences. Attributes come out in tag order whatever order they were put in.
 */
public final class DicomJsonObject {

    private static final List<String> NUMBER_VRS = List.of("DS", "FL", "FD", "IS", "SL", "SS", "SV", "UL", "US", "UV");

    private final Map<Integer, String> attributes = new TreeMap<>(Integer::compareUnsigned);

    /** Text values ({@code null} or empty values stay empty); numeric VRs become JSON numbers, PN names. */
    public DicomJsonObject put(int tag, String vr, List<String> values) {
        if ("PN".equals(vr)) {
            return putRaw(tag, vr, "Value", values.isEmpty() ? null : names(values));
        }
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            json.append(json.length() > 1 ? "," : "").append(NUMBER_VRS.contains(vr) ? number(value) : string(value));
        }
        return putRaw(tag, vr, "Value", values.isEmpty() ? null : json.append(']').toString());
    }

    public DicomJsonObject put(int tag, String vr, String... values) {
        List<String> present = java.util.Arrays.stream(values).filter(v -> v != null && !v.isEmpty()).toList();
        return put(tag, vr, present);
    }

    /** An attribute without a value (a required return attribute the archive does not hold). */
    public DicomJsonObject empty(int tag, String vr) {
        return putRaw(tag, vr, null, null);
    }

    public DicomJsonObject binary(int tag, String vr, byte[] bytes) {
        return putRaw(tag, vr, "InlineBinary", bytes.length == 0 ? null : string(Base64.getEncoder().encodeToString(bytes)));
    }

    public DicomJsonObject sequence(int tag, List<DicomJsonObject> items) {
        StringBuilder json = new StringBuilder("[");
        items.forEach(item -> json.append(json.length() > 1 ? "," : "").append(item.toJson()));
        return putRaw(tag, "SQ", "Value", items.isEmpty() ? null : json.append(']').toString());
    }

    public boolean has(int tag) {
        return attributes.containsKey(tag);
    }

    public boolean isEmpty() {
        return attributes.isEmpty();
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{");
        attributes.forEach((tag, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(tagText(tag))
                .append("\":").append(value));
        return json.append('}').toString();
    }

    /** {@code GGGGEEEE}, upper case. */
    public static String tagText(int tag) {
        return String.format(Locale.ROOT, "%08X", tag);
    }

    private DicomJsonObject putRaw(int tag, String vr, String key, String json) {
        attributes.put(tag, "{\"vr\":" + string(vr) + (json == null ? "" : ",\"" + key + "\":" + json) + "}");
        return this;
    }

    private static String names(List<String> values) {
        StringBuilder json = new StringBuilder("[");
        for (String value : values) {
            json.append(json.length() > 1 ? "," : "");
            if (value == null || value.isEmpty()) {
                json.append("null");
                continue;
            }
            String[] groups = value.split("=", -1);
            String[] keys = {"Alphabetic", "Ideographic", "Phonetic"};
            StringBuilder name = new StringBuilder("{");
            for (int i = 0; i < Math.min(groups.length, keys.length); i++) {
                if (!groups[i].isEmpty()) {
                    name.append(name.length() > 1 ? "," : "").append('"').append(keys[i]).append("\":").append(string(groups[i]));
                }
            }
            json.append(name).append('}');
        }
        return json.append(']').toString();
    }

    /** A JSON number for a DS/IS/binary number text; {@code null} when the text is no number. */
    static String number(String value) {
        if (value == null || value.isBlank()) {
            return "null";
        }
        try {
            return new BigDecimal(value.strip().replaceFirst("^\\+", "")).toString();
        } catch (NumberFormatException e) {
            return "null";
        }
    }

    /** A JSON string, escaped; {@code null} for null or empty. */
    static String string(String value) {
        if (value == null || value.isEmpty()) {
            return "null";
        }
        StringBuilder json = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> json.append(c < 0x20 ? String.format(Locale.ROOT, "\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return json.append('"').toString();
    }
}
