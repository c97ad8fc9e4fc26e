package org.neuroarchive.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** After logging in a person goes to a page of this application, never to another site. */
class LocalTargetTest {

    @Test
    void aPathOfOursIsKept() {
        assertEquals("/imports?x=1", LocalTarget.of("/imports?x=1"));
        assertEquals("/search", LocalTarget.of("/search"));
    }

    @Test
    void anythingThatCouldLeaveTheSiteOrLoopIsTheStartPage() {
        for (String next : new String[] {null, "", "  ", "https://evil.example/", "//evil.example/x", "/\\evil.example",
                "imports", "/auth/login", "/imports\r\nSet-Cookie: x=1", "/imports\nx", "/" + "a".repeat(2000)}) {
            assertEquals("/", LocalTarget.of(next), String.valueOf(next));
        }
    }
}
