package org.neuroarchive.security.control;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The text of an API key: {@code na_<key id>_<secret>}, a 16-hex-digit public id and a 256-bit random
 * secret (base64url). The database keeps the id and the SHA-256 of the secret: a key with 256 random bits
 * needs no slow hash, and a stolen table does not give the keys.
 */
public record ApiKeyToken(String keyId, String secret) {

    private static final Pattern FORMAT = Pattern.compile("na_([0-9a-f]{16})_([A-Za-z0-9_-]{43})");
    private static final SecureRandom RANDOM = new SecureRandom();

    public static ApiKeyToken generate() {
        byte[] id = new byte[8];
        byte[] secret = new byte[32];
        RANDOM.nextBytes(id);
        RANDOM.nextBytes(secret);
        return new ApiKeyToken(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    }

    /** The key in {@code text}, if it has the form of one. */
    public static Optional<ApiKeyToken> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = FORMAT.matcher(text.strip());
        return m.matches() ? Optional.of(new ApiKeyToken(m.group(1), m.group(2))) : Optional.empty();
    }

    public static boolean looksLikeKey(String text) {
        return text != null && text.strip().startsWith("na_");
    }

    public String text() {
        return "na_" + keyId + "_" + secret;
    }

    public String secretSha256() {
        return sha256(secret);
    }

    /** Whether this key's secret is the one whose SHA-256 is {@code storedSha256} (compared in constant time). */
    public boolean matches(String storedSha256) {
        return storedSha256 != null && MessageDigest.isEqual(secretSha256().getBytes(StandardCharsets.US_ASCII),
                storedSha256.getBytes(StandardCharsets.US_ASCII));
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "na_" + keyId + "_…"; // never the secret
    }
}
