package org.neuroarchive.web.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.util.Date;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The token checks without a provider: keys made here, tokens signed here, each rule broken once. */
class OidcTokensTest {

    private static final String ISSUER = "https://sso.example.org/realms/research";
    private static final String CLIENT = "neuroarchive";

    private static RSAKey key;
    private static RSAKey otherKey;
    private static JWKSource<SecurityContext> keys;

    @BeforeAll
    static void makeKeys() throws Exception {
        key = new RSAKeyGenerator(2048).keyID("k1").generate();
        otherKey = new RSAKeyGenerator(2048).keyID("k1").generate();
        keys = new ImmutableJWKSet<>(new JWKSet(key.toPublicJWK()));
    }

    private static String token(RSAKey signer, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        long now = System.currentTimeMillis();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("u-1").claim("azp", CLIENT)
                .claim("typ", "Bearer").claim("preferred_username", "alice").issueTime(new Date(now - 1000))
                .expirationTime(new Date(now + 300_000));
        change.accept(claims);
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).type(JOSEObjectType.JWT).build(),
                claims.build());
        jwt.sign(new RSASSASigner(signer));
        return jwt.serialize();
    }

    private static String access(String token) throws Exception {
        return OidcTokens.accessToken(token, ISSUER, CLIENT, 5, keys).getStringClaim("preferred_username") + "";
    }

    private static String refusal(String token) {
        OidcException e = assertThrows(OidcException.class, () -> OidcTokens.accessToken(token, ISSUER, CLIENT, 5, keys));
        assertFalse(e.unavailable());
        return e.getMessage();
    }

    @Test
    void aValidAccessTokenOfOurClientOrAudience() throws Exception {
        assertEquals("alice", access(token(key, c -> { })));
        assertEquals("alice", access(token(key, c -> c.claim("azp", "other-system").audience(List.of("account", CLIENT)))));
    }

    @Test
    void expiredTamperedForeignOrForSomeoneElseIsRefused() throws Exception {
        assertEquals("expired", refusal(token(key, c -> c.expirationTime(new Date(System.currentTimeMillis() - 60_000)))));
        assertEquals("bad signature", refusal(token(otherKey, c -> { })));
        assertEquals("issued by another identity provider", refusal(token(key, c -> c.issuer("https://evil.example.org/realms/research"))));
        assertEquals("the token is not for this archive (neither aud nor azp is 'neuroarchive')",
                refusal(token(key, c -> c.claim("azp", "other-system").audience("account"))));
        assertEquals("not an access token (typ ID)", refusal(token(key, c -> c.claim("typ", "ID"))));
        String[] parts = token(key, c -> { }).split("\\.");
        String payload = Base64URL.encode(new String(Base64URL.from(parts[1]).decode(), java.nio.charset.StandardCharsets.UTF_8)
                .replace("alice", "admin")).toString();
        assertEquals("bad signature", refusal(parts[0] + "." + payload + "." + parts[2]));
        assertEquals("not a signed JWT", refusal("na_0123.abc.def"));
    }

    @Test
    void neitherAnUnsignedTokenNorAnHmacWithThePublicKeyPasses() throws Exception {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("u").claim("azp", CLIENT)
                .issueTime(new Date()).expirationTime(new Date(System.currentTimeMillis() + 60_000)).build();
        refusal(new PlainJWT(claims).serialize());
        SignedJWT hmac = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID("k1").build(), claims);
        hmac.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
        assertEquals("signed with an unknown key or algorithm", refusal(hmac.serialize()));
    }

    @Test
    void anIdTokenNeedsOurAudienceAndTheNonceOfThisSignOn() throws Exception {
        String id = token(key, c -> c.audience(CLIENT).claim("typ", "ID").claim("nonce", "n-1"));
        assertEquals("alice", OidcTokens.idToken(id, "n-1", ISSUER, CLIENT, 5, keys).getStringClaim("preferred_username"));
        assertEquals("the nonce does not match this sign-on",
                assertThrows(OidcException.class, () -> OidcTokens.idToken(id, "n-2", ISSUER, CLIENT, 5, keys)).getMessage());
        String other = token(key, c -> c.audience("someone-else").claim("nonce", "n-1"));
        assertEquals("the token is not for this archive (aud)",
                assertThrows(OidcException.class, () -> OidcTokens.idToken(other, "n-1", ISSUER, CLIENT, 5, keys)).getMessage());
    }
}
