package org.neuroarchive.security.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.common.control.RequestRejected;

class AdminInputTest {

    @Test
    void loginNames() {
        assertEquals("alice", AdminInput.login(" alice "));
        assertEquals("a.b_c-d@lab", AdminInput.login("a.b_c-d@lab"));
        for (String bad : List.of("", " ", "../x", ".hidden", "apikey:1", "a b", "é", "x".repeat(65))) {
            assertInvalid(() -> AdminInput.login(bad), bad);
        }
        assertEquals(64, AdminInput.login("x".repeat(64)).length());
    }

    @Test
    void costCenters() {
        assertEquals("121961", AdminInput.costcenter("121961"));
        assertEquals("LAB-7.b_2", AdminInput.costcenter("LAB-7.b_2"));
        for (String bad : List.of("", "a/b", "(123)", "12 34", "-1", "%41", "x".repeat(65))) {
            assertInvalid(() -> AdminInput.costcenter(bad), bad);
        }
    }

    @Test
    void emailIsOptionalButWellFormed() {
        assertEquals("", AdminInput.email(null));
        assertEquals("", AdminInput.email("  "));
        assertEquals("a@b.org", AdminInput.email(" a@b.org "));
        for (String bad : List.of("a", "a@", "@b", "a b@c", "a@b@c")) {
            assertInvalid(() -> AdminInput.email(bad), bad);
        }
    }

    @Test
    void textIsOneLine() {
        assertEquals("Study of things", AdminInput.text("name", " Study of things ", 255, true));
        assertEquals("", AdminInput.text("name", null, 255, false));
        assertInvalid(() -> AdminInput.text("name", " ", 255, true), "required");
        assertInvalid(() -> AdminInput.text("name", "two\nlines", 255, false), "newline");
        assertInvalid(() -> AdminInput.text("name", "x".repeat(256), 255, false), "long");
    }

    @Test
    void passwordsFollowTheRules() {
        assertEquals("twelve-chars", AdminInput.password("twelve-chars"));
        RequestRejected shortOne = assertThrows(RequestRejected.class, () -> AdminInput.password("short"));
        assertTrue(shortOne.getMessage().contains("at least 12 characters"));
        assertInvalid(() -> AdminInput.password(" leading-space-x"), "space");
        assertInvalid(() -> AdminInput.password(null), "null");
        assertInvalid(() -> AdminInput.password("x".repeat(1025)), "long");
    }

    @Test
    void printableClipsAndCleans() {
        assertEquals("a?b", AdminInput.printable("a\nb"));
        assertEquals("x".repeat(64) + "…", AdminInput.printable("x".repeat(100)));
        assertEquals("", AdminInput.printable(null));
    }

    private static void assertInvalid(Runnable check, String what) {
        RequestRejected rejected = assertThrows(RequestRejected.class, check::run, what);
        assertEquals(RequestRejected.Reason.INVALID, rejected.reason(), what);
    }
}
