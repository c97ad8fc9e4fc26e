package org.neuroarchive.dicom;

/**
 * Text a DICOM peer sent (AE titles, UIDs), made safe for log lines and audit rows: printable ASCII
 * only (anything else becomes {@code ?}), clipped to a length with {@code …} when longer.
 */
public final class PeerText {

    private PeerText() {
    }

    /** {@code text} with every character outside printable ASCII replaced, at most {@code max} characters. */
    public static String clean(String text, int max) {
        if (text == null) {
            return "";
        }
        StringBuilder clean = new StringBuilder(Math.min(text.length(), max + 1));
        for (int i = 0; i < text.length() && clean.length() < max; i++) {
            char c = text.charAt(i);
            clean.append(c >= 0x20 && c < 0x7f ? c : '?');
        }
        if (text.length() > max) {
            clean.append('…');
        }
        return clean.toString();
    }

    /** An AE title as it may appear in logs: cleaned, at most 16 characters. */
    public static String aet(String aet) {
        return clean(aet, 16);
    }
}
