package org.neuroarchive.matching.control;

import java.security.SecureRandom;
import java.util.Set;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;

/**
 * New UIDs as NiDB makes them: a prefix ({@code S} for subjects, {@code F} for families) + 4 random
 * digits + 3 random letters A–Z, e.g. {@code S1234ABC}, re-drawn while the letters spell a word on
 * the offensive list or the UID is taken.
 */
public final class NidbUidGenerator {

    /** Three-letter words that must never appear in a subject UID (NiDB keeps a similar list). */
    static final Set<String> OFFENSIVE = Set.of(
            "ASS", "CUM", "DIE", "DIK", "FAG", "FAT", "FUC", "FUK", "FUX", "GAY", "GOD", "JEW", "JIZ", "KKK",
            "KIL", "NIG", "NUT", "PEE", "PIS", "POO", "PUS", "SEX", "SHT", "SUK", "TIT", "VAG", "WTF", "XXX",
            "DAM", "HOE", "LSD", "NAZ", "PMS", "SUX", "WOP", "CUK", "DIC", "DIX", "FCK", "KYK", "NGR", "SOB");

    private static final int MAX_ATTEMPTS = 1000;

    private final char prefix;
    private final RandomGenerator random;

    public NidbUidGenerator(char prefix) {
        this(prefix, new SecureRandom());
    }

    public NidbUidGenerator(char prefix, RandomGenerator random) {
        this.prefix = prefix;
        this.random = random;
    }

    public static NidbUidGenerator subjects() {
        return new NidbUidGenerator('S');
    }

    public static NidbUidGenerator families() {
        return new NidbUidGenerator('F');
    }

    /** A new UID for which {@code taken} answers false. */
    public String next(Predicate<String> taken) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            StringBuilder uid = new StringBuilder().append(prefix);
            for (int i = 0; i < 4; i++) {
                uid.append((char) ('0' + random.nextInt(10)));
            }
            StringBuilder letters = new StringBuilder(3);
            for (int i = 0; i < 3; i++) {
                letters.append((char) ('A' + random.nextInt(26)));
            }
            if (OFFENSIVE.contains(letters.toString())) {
                continue;
            }
            String candidate = uid.append(letters).toString();
            if (!taken.test(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("no free " + prefix + " UID found after " + MAX_ATTEMPTS + " attempts");
    }

    /** Whether {@code text} has the form of a subject UID. */
    public static boolean looksLikeSubjectUid(String text) {
        return text != null && text.matches("S[0-9]{4}[A-Z]{3}");
    }
}
