package org.neuroarchive.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class OidcPendingTest {

    @Test
    void aSealedSignOnOpensOnlyOnThisServerAndIntact() throws Exception {
        OidcPending pending = new OidcPending();
        OidcPending.SignOn signOn = OidcPending.SignOn.start("/imports?x=1", "http://127.0.0.1:8080/neuroarchive/auth/oidc/callback");
        String sealed = pending.seal(signOn);
        assertFalse(sealed.contains(signOn.verifier()), "the verifier is encrypted");
        assertEquals(signOn, pending.open(sealed).orElseThrow());
        assertTrue(new OidcPending().open(sealed).isEmpty(), "another server's key");
        char[] chars = sealed.toCharArray();
        int i = sealed.lastIndexOf('.') - 5;
        chars[i] = chars[i] == 'A' ? 'B' : 'A';
        assertTrue(pending.open(new String(chars)).isEmpty(), "tampered");
        assertTrue(pending.open("garbage").isEmpty());
    }

    @Test
    void theChallengeIsTheS256OfTheVerifier() throws Exception {
        OidcPending.SignOn signOn = OidcPending.SignOn.start("/", "x");
        String expected = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(signOn.verifier().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(expected, signOn.challenge());
        assertTrue(signOn.verifier().length() >= 43 && signOn.verifier().length() <= 128);
        assertNotEquals(signOn.state(), OidcPending.SignOn.start("/", "x").state());
    }
}
