package org.neuroarchive.common.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LikePatternTest {

    @Test
    void wildcardsTypedByAPersonAreLiteral() {
        assertEquals("%100!%!_sure%", LikePattern.containing(" 100%_Sure "));
        assertEquals("%a!!b%", LikePattern.containing("a!b"));
        assertEquals("%t1 mprage%", LikePattern.containing("T1 MPRAGE"));
    }
}
