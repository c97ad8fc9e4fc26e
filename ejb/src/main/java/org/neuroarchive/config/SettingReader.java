package org.neuroarchive.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.Config;

/**
 * Reads settings by the one rule every key follows. Each value is parsed once, when its settings are
 * loaded at start-up ({@link SettingsCheck}); a value that is not of its kind or outside its range is
 * never clamped or replaced by the default: the deployment stops with a sentence naming the key, its
 * environment variable, the value and what it must be, e.g.
 * {@code neuroarchive.import.max-attempts=0 (env NEUROARCHIVE_IMPORT_MAX_ATTEMPTS) is not a whole
 * number between 1 and 100}. A key that is not set (or set to an empty value) takes its default.
 * <p>
 * A renamed key ({@link #renamed}) is still read under its old name when the new one is not set; the
 * log then says once which name replaces it.
 */
public final class SettingReader {

    private static final List<String> TRUE = List.of("true", "yes", "y", "on", "1");
    private static final List<String> FALSE = List.of("false", "no", "n", "off", "0");

    private final Function<String, Optional<String>> source;
    private final Map<String, String> oldNames = new LinkedHashMap<>();
    private final Set<String> deprecations = new LinkedHashSet<>();

    private SettingReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    /** Values from MicroProfile Config: system properties, environment variables, configuration files. */
    public static SettingReader of(Config config) {
        return new SettingReader(key -> config.getOptionalValue(key, String.class));
    }

    /** Fixed values (tests and tools); a key not in the map is not set. */
    public static SettingReader of(Map<String, String> values) {
        return new SettingReader(key -> Optional.ofNullable(values.get(key)));
    }

    /** {@code newKey} was called {@code oldKey} before: the old name still works, with a line in the log. */
    public SettingReader renamed(String oldKey, String newKey) {
        oldNames.put(newKey, oldKey);
        return this;
    }

    /** The lines for the log about old names that are still used (one per key). */
    public List<String> deprecations() {
        return List.copyOf(deprecations);
    }

    /** The value of {@code key} without surrounding blanks, or empty when it is not set or blank. */
    public Optional<String> text(String key) {
        return raw(key).map(Value::text);
    }

    /** The value exactly as set, blanks included (a password), or empty when it is not set or blank. */
    public Optional<String> exact(String key) {
        return raw(key).map(Value::raw);
    }

    public String text(String key, String defaultValue) {
        return text(key).orElse(defaultValue);
    }

    /** A directory or file, absolute and normalized (a relative path is taken from the server's working directory). */
    public Optional<Path> path(String key) {
        return raw(key).map(value -> {
            try {
                return Path.of(value.text()).toAbsolutePath().normalize();
            } catch (InvalidPathException notAPath) {
                throw value.invalid("is not a path: " + notAPath.getReason());
            }
        });
    }

    /** Comma-separated values, each without surrounding blanks; empty entries are left out. */
    public List<String> list(String key, String defaultValue) {
        return Arrays.stream(text(key, defaultValue).split(",")).map(String::strip).filter(v -> !v.isEmpty()).toList();
    }

    /** The exception for a value of {@code key} that is of the right kind but cannot work, saying {@code why}. */
    public InvalidSettingException invalid(String key, String why) {
        return raw(key).orElse(new Value(key, "")).invalid(why);
    }

    public int wholeNumber(String key, int defaultValue, int min, int max) {
        return (int) wholeNumber(key, (long) defaultValue, min, max);
    }

    public long wholeNumber(String key, long defaultValue, long min, long max) {
        Optional<Value> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            long number = Long.parseLong(value.get().text());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // said below
        }
        throw value.get().invalid("is not a whole number between " + min + " and " + max);
    }

    /**
     * {@code true}, {@code yes}, {@code y}, {@code on}, {@code 1} (what MicroProfile Config took as true)
     * or {@code false}, {@code no}, {@code n}, {@code off}, {@code 0}, in any case; any other word
     * (which MicroProfile Config silently took as false) is refused.
     */
    public boolean flag(String key, boolean defaultValue) {
        Optional<Value> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        String word = value.get().text().toLowerCase(Locale.ROOT);
        if (TRUE.contains(word)) {
            return true;
        }
        if (FALSE.contains(word)) {
            return false;
        }
        throw value.get().invalid("is not true or false");
    }

    /**
     * One of the constants of {@code defaultValue}'s type, written as its {@link #word} ({@code
     * quarantine-newcomer}) or its Java name ({@code QUARANTINE_NEWCOMER}), in any case.
     */
    public <E extends Enum<E>> E oneOf(String key, E defaultValue) {
        Optional<Value> value = raw(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        E[] constants = defaultValue.getDeclaringClass().getEnumConstants();
        String wanted = value.get().text().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(constants).filter(c -> c.name().equals(wanted)).findFirst()
                .orElseThrow(() -> value.get().invalid("is not one of "
                        + Arrays.stream(constants).map(SettingReader::word).collect(Collectors.joining(", "))));
    }

    /** How a constant is written in a setting: lower case, words joined by hyphens. */
    public static String word(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The environment variable MicroProfile Config reads for {@code key}: {@code NEUROARCHIVE_IMPORT_MAX_FILES}. */
    public static String environment(String key) {
        return key.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    private Optional<Value> raw(String key) {
        Optional<Value> value = present(key);
        String oldKey = oldNames.get(key);
        if (oldKey == null) {
            return value;
        }
        Optional<Value> old = present(oldKey);
        if (old.isPresent()) {
            deprecations.add(value.isPresent()
                    ? oldKey + " (env " + environment(oldKey) + ") is ignored: " + key + " is set; remove the old name"
                    : oldKey + " (env " + environment(oldKey) + ") is deprecated: name it " + key + " (env "
                            + environment(key) + ")");
        }
        return value.or(() -> old);
    }

    private Optional<Value> present(String key) {
        return source.apply(key).filter(v -> !v.isBlank()).map(v -> new Value(key, v));
    }

    /** A value as it was read, with the key it was read under. */
    private record Value(String key, String raw) {

        String text() {
            return raw.strip();
        }

        InvalidSettingException invalid(String what) {
            return new InvalidSettingException(key + "=" + raw + " (env " + environment(key) + ") " + what);
        }
    }
}
