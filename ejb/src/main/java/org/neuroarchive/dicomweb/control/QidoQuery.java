package org.neuroarchive.dicomweb.control;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.common.control.Paging;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.dicom.DicomKeywords;

/**
 * A QIDO-RS search as its query parameters state it (PS3.18 8.3.4): matching keys by keyword or tag,
 * {@code includefield} (keywords, tags or {@code all}), {@code limit} and {@code offset}. {@code fuzzymatching}
 * is accepted and ignored (names match by wildcards only). A key with an empty value is universal matching and
 * only asks for the attribute to be returned. Anything else (an unknown parameter or attribute, a key the
 * archive cannot match on or one of a lower level, a malformed value) is refused as invalid.
 */
public record QidoQuery(QidoLevel level, Map<QidoKey, String> keys, Set<Integer> includeFields, boolean includeAll,
                        int offset, int limit) {

    public static final int DEFAULT_LIMIT = Paging.MAX_LIMIT;

    public QidoQuery {
        keys = Map.copyOf(keys);
        includeFields = Set.copyOf(includeFields);
    }

    public static QidoQuery parse(QidoLevel level, Map<String, List<String>> parameters) {
        Map<QidoKey, String> keys = new EnumMap<>(QidoKey.class);
        Set<Integer> include = new HashSet<>();
        boolean all = false;
        int offset = 0;
        int limit = DEFAULT_LIMIT;
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            for (String value : parameter.getValue()) {
                switch (name) {
                    case "includefield" -> all |= includeFields(value, include);
                    case "limit" -> limit = number(name, value, 1, Paging.MAX_LIMIT);
                    case "offset" -> offset = number(name, value, 0, Integer.MAX_VALUE);
                    case "fuzzymatching" -> fuzzy(value);
                    default -> key(level, name, value, keys, include);
                }
            }
        }
        return new QidoQuery(level, keys, include, all, offset, limit);
    }

    /** The value of {@code key}, if the query matches on it. */
    public Optional<String> value(QidoKey key) {
        return Optional.ofNullable(keys.get(key));
    }

    /** Whether an optional attribute was asked for ({@code includefield} or an empty matching key). */
    public boolean includes(int tag) {
        return includeAll || includeFields.contains(tag);
    }

    private static boolean includeFields(String value, Set<Integer> include) {
        boolean all = false;
        for (String field : value.split(",")) {
            String f = field.strip();
            if (f.equals("all")) {
                all = true;
            } else {
                include.add(tag("includefield", f));
            }
        }
        return all;
    }

    private static void key(QidoLevel level, String name, String value, Map<QidoKey, String> keys, Set<Integer> include) {
        int tag = tag(name, name);
        if (value.isBlank()) {
            include.add(tag);
            return;
        }
        QidoKey key = QidoKey.ofTag(tag).orElseThrow(() -> invalid(name + ": the archive cannot match on this attribute; "
                + "matching keys: " + java.util.Arrays.stream(QidoKey.values())
                .map(k -> DicomKeywords.keywordOf(k.tag()).orElse("")).toList()));
        if (!level.matches(key.level())) {
            throw invalid(name + " is not a matching key of a " + level.name().toLowerCase(java.util.Locale.ROOT) + " search");
        }
        if (key.match() == QidoKey.Match.DATE) {
            DateRange.parse(name, value);
        } else if (key.match() == QidoKey.Match.NUMBER) {
            number(name, value, Integer.MIN_VALUE, Integer.MAX_VALUE);
        }
        if (keys.putIfAbsent(key, value.strip()) != null) {
            throw invalid(name + " is given twice");
        }
    }

    private static int tag(String parameter, String name) {
        return DicomKeywords.tagOf(name).orElseThrow(() -> invalid(parameter.equals(name)
                ? "unknown query parameter " + name + " (neither a DICOM keyword or tag nor includefield, limit, offset, fuzzymatching)"
                : parameter + "=" + name + ": neither a DICOM keyword nor a tag (GGGGEEEE) nor all"));
    }

    private static int number(String name, String value, int min, int max) {
        try {
            int n = Integer.parseInt(value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw invalid(name + "=" + value + ": a whole number from " + min + (max == Integer.MAX_VALUE ? " on" : " to " + max)
                + " expected");
    }

    private static void fuzzy(String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw invalid("fuzzymatching=" + value + ": true or false expected");
        }
    }

    private static RequestRejected invalid(String message) {
        return new RequestRejected(RequestRejected.Reason.INVALID, message);
    }
}
