package org.neuroarchive.common.control;

import java.util.Locale;

/**
 * A LIKE pattern matching text that contains a keyword as typed: {@code %} and {@code _} in the keyword
 * are literal characters, not wildcards. Use it with {@code LIKE :param ESCAPE '!'} on a lower-cased column.
 */
public final class LikePattern {

    public static final String ESCAPE = "ESCAPE '!'";

    private LikePattern() {
    }

    /** {@code %keyword%}, lower case, with {@code !}, {@code %} and {@code _} escaped by {@code !}. */
    public static String containing(String keyword) {
        return "%" + escape(keyword.strip().toLowerCase(Locale.ROOT)) + "%";
    }

    public static String escape(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
