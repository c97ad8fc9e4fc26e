package org.neuroarchive.web.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Only the login page and what it is drawn with can be fetched without logging in. */
class PublicPathsTest {

    @Test
    void theLoginPageAndItsResourcesArePublic() {
        for (String path : new String[] {"/login", "/login.xhtml", "/favicon.ico", ErrorAnswer.PATH,
                "/jakarta.faces.resource/theme.css.xhtml", "/resources/logo.png"}) {
            assertTrue(PublicPaths.isPublic(path), path);
        }
    }

    @Test
    void everythingElseNeedsACaller() {
        for (String path : new String[] {"/", "/imports", "/api/stats", "/login/../imports", "/resources/../api/stats",
                "/jakarta.faces.resource/../../imports", "/loginx", "/resourcesx/a"}) {
            assertFalse(PublicPaths.isPublic(path), path);
        }
    }

    @Test
    void theApiIsTheApiFolderOnly() {
        assertTrue(PublicPaths.isApi("/api"));
        assertTrue(PublicPaths.isApi("/api/scans"));
        assertFalse(PublicPaths.isApi("/apiary"));
        assertFalse(PublicPaths.isApi("/imports/api"));
    }
}
