package org.neuroarchive.matching.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NidbUidGeneratorTest {

    @Test
    void uidsHaveNidbsForm() {
        NidbUidGenerator generator = new NidbUidGenerator('S', new Random(1));
        for (int i = 0; i < 1000; i++) {
            String uid = generator.next(candidate -> false);
            assertTrue(uid.matches("S[0-9]{4}[A-Z]{3}"), uid);
            assertTrue(NidbUidGenerator.looksLikeSubjectUid(uid));
        }
    }

    @Test
    void familyUidsHaveTheSameFormWithF() {
        String uid = new NidbUidGenerator('F', new Random(11)).next(candidate -> false);
        assertTrue(uid.matches("F[0-9]{4}[A-Z]{3}"), uid);
    }

    @Test
    void neverSpellsAnOffensiveWord() {
        NidbUidGenerator generator = new NidbUidGenerator('S', new Random(7));
        for (int i = 0; i < 50_000; i++) {
            String letters = generator.next(candidate -> false).substring(5);
            assertFalse(NidbUidGenerator.OFFENSIVE.contains(letters), letters);
        }
    }

    @Test
    void drawsAgainWhileTheUidIsTaken() {
        Set<String> taken = new HashSet<>();
        NidbUidGenerator first = new NidbUidGenerator('S', new Random(3));
        taken.add(first.next(candidate -> false));
        String second = new NidbUidGenerator('S', new Random(3)).next(taken::contains);
        assertNotEquals(taken.iterator().next(), second);
    }

    @Test
    void givesUpClearlyWhenEverythingIsTaken() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new NidbUidGenerator('S', new Random(5)).next(candidate -> true));
        assertTrue(e.getMessage().contains("no free S UID"));
    }

    @Test
    void costCenterComesFromParenthesesInStudyDescription() {
        assertEquals("121961", CostCenter.fromStudyDescription("Brain research (121961)").orElseThrow());
        assertEquals("ABC", CostCenter.fromStudyDescription("( ) MRI ( ABC ) (XYZ)").orElseThrow());
        assertTrue(CostCenter.fromStudyDescription("Brain^Research").isEmpty());
        assertTrue(CostCenter.fromStudyDescription("").isEmpty());
    }
}
