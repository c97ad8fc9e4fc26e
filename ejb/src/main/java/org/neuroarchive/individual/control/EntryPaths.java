package org.neuroarchive.individual.control;

import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Turns names from outside (archive entries, uploaded file names) into paths inside the staging folder,
 * refusing any name that would leave it; nothing here touches the disk.
 */
final class EntryPaths {

    /** Longest accepted name segment in UTF-8 bytes, leaving room for a {@code _n} suffix and {@code .part}. */
    static final int MAX_SEGMENT_BYTES = 240;
    private static final String FALLBACK_NAME = "upload";

    private EntryPaths() {
    }

    /**
     * Where entry {@code entryName} of {@code archive} belongs below {@code base}: backslashes count as
     * separators; absolute names, {@code ..} segments and names escaping {@code base} are refused.
     * An empty name or {@code ./} gives {@code base} itself.
     */
    static Path resolve(Path base, String entryName, String archive) throws UnpackException {
        String name = entryName.replace('\\', '/');
        if (name.startsWith("/") || hasDotDot(name)) {
            throw outside(entryName, archive);
        }
        for (String segment : name.split("/")) {
            if (segment.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
                throw new UnpackException(entry(entryName, archive) + " has a name longer than " + MAX_SEGMENT_BYTES
                        + " bytes");
            }
        }
        Path target;
        try {
            target = base.resolve(Path.of(name).normalize()).normalize();
        } catch (InvalidPathException e) {
            throw new UnpackException(entry(entryName, archive) + " is not a valid file name");
        }
        if (!target.startsWith(base)) {
            throw outside(entryName, archive);
        }
        return target;
    }

    /** Whether {@code path} has a {@code ..} segment, with either separator. */
    static boolean hasDotDot(String path) {
        for (String segment : path.split("[/\\\\]")) {
            if (segment.equals("..")) {
                return true;
            }
        }
        return false;
    }

    /**
     * The name a plain upload is stored under: the last element of {@code originalName} (browsers may
     * send a whole client path), or "upload" when nothing usable is left.
     */
    static String plainName(String originalName) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        if (name.isBlank() || name.equals(".") || name.equals("..") || name.indexOf('\0') >= 0) {
            return FALLBACK_NAME;
        }
        return truncate(name);
    }

    /** The name of a gzip file's content: {@code name} without {@code .gz} (or {@code .gzip}). */
    static String withoutGz(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        String stripped = name;
        if (lower.endsWith(".gz")) {
            stripped = name.substring(0, name.length() - 3);
        } else if (lower.endsWith(".gzip")) {
            stripped = name.substring(0, name.length() - 5);
        }
        return stripped.isEmpty() || stripped.equals(".") || stripped.equals("..") ? FALLBACK_NAME : stripped;
    }

    /** {@code entry 'name' in archive}, with control characters replaced and very long names cut. */
    static String entry(String entryName, String archive) {
        return "entry '" + printable(entryName) + "' in " + archive;
    }

    /** {@code text} without control characters and cut to 200 characters, for messages. */
    static String printable(String text) {
        String clean = text.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return clean.length() > 200 ? clean.substring(0, 200) + "…" : clean;
    }

    private static UnpackException outside(String entryName, String archive) {
        return new UnpackException(entry(entryName, archive) + " would be written outside the import folder");
    }

    private static String truncate(String name) {
        String cut = name;
        while (cut.getBytes(StandardCharsets.UTF_8).length > MAX_SEGMENT_BYTES) {
            cut = cut.substring(0, cut.offsetByCodePoints(cut.length(), -1));
        }
        return cut;
    }
}
