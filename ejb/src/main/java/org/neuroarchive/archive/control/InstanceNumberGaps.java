package org.neuroarchive.archive.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Which InstanceNumbers are missing from a series: the gaps in 1..max over every archived instance.
 * Instances without an InstanceNumber, and numbers below 1, take no part. The missing numbers are written
 * as ranges ({@code "3,7-9"}) of at most {@code maxText} characters, cut at a range boundary; the count is
 * always complete, so a hostile InstanceNumber (2147483647) costs a few bytes, not billions of entries.
 *
 * @param missingCount how many numbers are missing
 * @param ranges       the missing numbers as ranges, blank when none (shortened when too long)
 */
public record InstanceNumberGaps(int missingCount, String ranges) {

    /** No instance number missing. */
    public boolean valid() {
        return missingCount == 0;
    }

    public static InstanceNumberGaps of(Collection<Integer> instanceNumbers, int maxText) {
        int[] sorted = instanceNumbers.stream().filter(Objects::nonNull).mapToInt(Integer::intValue)
                .filter(n -> n >= 1).distinct().sorted().toArray();
        long missing = 0;
        StringBuilder text = new StringBuilder();
        boolean full = false;
        long previous = 0;
        for (int number : sorted) {
            if (number > previous + 1) {
                long first = previous + 1;
                long last = number - 1L;
                missing += last - first + 1;
                String range = first == last ? Long.toString(first) : first + "-" + last;
                int needed = range.length() + (text.isEmpty() ? 0 : 1);
                if (!full && text.length() + needed <= maxText) {
                    text.append(text.isEmpty() ? "" : ",").append(range);
                } else {
                    full = true;
                }
            }
            previous = number;
        }
        return new InstanceNumberGaps((int) Math.min(Integer.MAX_VALUE, missing), text.toString());
    }

    /** The numbers written as {@code ranges} ({@code "3,7-9"} gives 3, 7, 8, 9), at most {@code limit} of them. */
    public static List<Integer> expand(String ranges, int limit) {
        List<Integer> numbers = new ArrayList<>();
        if (ranges == null || ranges.isBlank()) {
            return numbers;
        }
        for (String range : ranges.split(",")) {
            String[] bounds = range.strip().split("-", 2);
            try {
                long first = Long.parseLong(bounds[0].strip());
                long last = bounds.length == 2 ? Long.parseLong(bounds[1].strip()) : first;
                for (long n = first; n <= last && n <= Integer.MAX_VALUE; n++) {
                    if (numbers.size() >= limit) {
                        return numbers;
                    }
                    numbers.add((int) n);
                }
            } catch (NumberFormatException notARange) {
                // written by of(); anything else in the column is ignored
            }
        }
        return numbers;
    }
}
