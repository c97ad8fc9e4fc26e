package org.neuroarchive.matching.control;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** NiDB reads the project's cost center from "(costcenter)" inside StudyDescription. */
public final class CostCenter {

    private static final Pattern IN_PARENTHESES = Pattern.compile("\\(\\s*([^()]*?)\\s*\\)");

    private CostCenter() {
    }

    /** The text of the first non-empty parenthesised group, e.g. "Brain (121961)" gives "121961". */
    public static Optional<String> fromStudyDescription(String studyDescription) {
        if (studyDescription == null) {
            return Optional.empty();
        }
        Matcher matcher = IN_PARENTHESES.matcher(studyDescription);
        while (matcher.find()) {
            if (!matcher.group(1).isEmpty()) {
                return Optional.of(matcher.group(1));
            }
        }
        return Optional.empty();
    }
}
