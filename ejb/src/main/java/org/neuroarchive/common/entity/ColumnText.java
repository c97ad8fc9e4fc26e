package org.neuroarchive.common.entity;

/** Text made to fit a database column: at most {@code max} characters, never half a character. */
public final class ColumnText {

    private ColumnText() {
    }

    public static String clip(String text, int max) {
        if (text == null || text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end);
    }
}
