package org.neuroarchive.dicomweb.control;

import java.util.Locale;
import org.neuroarchive.common.control.LikePattern;

/**
 * DICOM wildcard matching (PS3.4 C.2.2.2.4) as SQL LIKE: {@code *} any run of characters, {@code ?} one
 * character; everything else literal ({@code %}, {@code _} and the escape character escaped as
 * {@link LikePattern} does). Lower case: compare with a lower-cased column and {@link LikePattern#ESCAPE}.
 */
public final class Wildcards {

    private Wildcards() {
    }

    public static String like(String value) {
        String escaped = LikePattern.escape(value.strip().toLowerCase(Locale.ROOT));
        return escaped.replace('*', '%').replace('?', '_');
    }
}
