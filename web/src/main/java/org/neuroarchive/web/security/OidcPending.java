package org.neuroarchive.web.security;

import com.nimbusds.jose.EncryptionMethod;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWEAlgorithm;
import com.nimbusds.jose.JWEHeader;
import com.nimbusds.jose.crypto.DirectDecrypter;
import com.nimbusds.jose.crypto.DirectEncrypter;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWTClaimsSet;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.Base64;
import java.util.Date;
import java.util.Optional;

/**
 * A sign-on between {@code /auth/oidc/start} and {@code /auth/oidc/callback}: state, nonce, PKCE verifier,
 * where to go afterwards and the redirect URI used. It travels in the browser, in a cookie encrypted and
 * authenticated with a key of this server's (JWE, {@code dir} + A256GCM), not in the session: the session
 * cookie is {@code SameSite=Strict} and would not come back with the provider's redirect, while this
 * cookie is {@code SameSite=Lax} (sent on that top-level GET), {@code HttpOnly}, limited to
 * {@code /auth/oidc/} and to 10 minutes. Another browser cannot complete a sign-on started here (its
 * callback lacks the cookie), nor can a page of another site start one here that this browser completes.
 */
final class OidcPending {

    static final String COOKIE = "NA_OIDC";
    static final int LIFETIME_SECONDS = 600;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** One sign-on in progress. */
    record SignOn(String state, String nonce, String verifier, String next, String redirectUri) {

        static SignOn start(String next, String redirectUri) {
            return new SignOn(random(32), random(32), random(48), next, redirectUri);
        }

        /** The PKCE code challenge (S256) of the verifier. */
        String challenge() {
            try {
                byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
                return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private final byte[] key = new byte[32];

    OidcPending() {
        RANDOM.nextBytes(key);
    }

    String seal(SignOn signOn) {
        JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("state", signOn.state()).claim("nonce", signOn.nonce())
                .claim("verifier", signOn.verifier()).claim("next", signOn.next()).claim("redirect", signOn.redirectUri())
                .expirationTime(new Date(System.currentTimeMillis() + LIFETIME_SECONDS * 1000L)).build();
        EncryptedJWT jwt = new EncryptedJWT(new JWEHeader(JWEAlgorithm.DIR, EncryptionMethod.A256GCM), claims);
        try {
            jwt.encrypt(new DirectEncrypter(key));
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot encrypt the sign-on cookie", e);
        }
        return jwt.serialize();
    }

    /** The sign-on sealed in this request's cookie, if it is ours, intact and not expired. */
    Optional<SignOn> open(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return Optional.empty();
        }
        for (Cookie cookie : cookies) {
            if (COOKIE.equals(cookie.getName())) {
                Optional<SignOn> signOn = open(cookie.getValue());
                if (signOn.isPresent()) {
                    return signOn;
                }
            }
        }
        return Optional.empty();
    }

    Optional<SignOn> open(String sealed) {
        try {
            EncryptedJWT jwt = EncryptedJWT.parse(sealed);
            if (!JWEAlgorithm.DIR.equals(jwt.getHeader().getAlgorithm())
                    || !EncryptionMethod.A256GCM.equals(jwt.getHeader().getEncryptionMethod())) {
                return Optional.empty();
            }
            jwt.decrypt(new DirectDecrypter(key));
            JWTClaimsSet claims = jwt.getJWTClaimsSet();
            if (claims.getExpirationTime() == null || claims.getExpirationTime().before(new Date())) {
                return Optional.empty();
            }
            return Optional.of(new SignOn(claims.getStringClaim("state"), claims.getStringClaim("nonce"),
                    claims.getStringClaim("verifier"), claims.getStringClaim("next"), claims.getStringClaim("redirect")));
        } catch (ParseException | JOSEException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The cookie carrying {@code sealed}, or (null) removing it. */
    static Cookie cookie(String sealed, String contextPath, boolean secure) {
        Cookie cookie = new Cookie(COOKIE, sealed == null ? "" : sealed);
        cookie.setPath(contextPath + "/auth/oidc/");
        cookie.setHttpOnly(true);
        cookie.setSecure(secure);
        cookie.setMaxAge(sealed == null ? 0 : LIFETIME_SECONDS);
        cookie.setAttribute("SameSite", "Lax");
        return cookie;
    }

    static String random(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(value);
    }

    static boolean same(String a, String b) {
        return a != null && b != null && MessageDigest.isEqual(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
