package org.neuroarchive.security.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Passwords hashed with PBKDF2 (Jakarta Security's {@link Pbkdf2PasswordHash}: HMAC-SHA-256, a random
 * 32-byte salt per password, {@value #ITERATIONS} iterations). The hash carries its parameters, so
 * hashes made with other parameters still verify.
 */
@ApplicationScoped
public class PasswordHashing {

    static final int ITERATIONS = 210_000;
    /** Shorter passwords are refused when set. */
    public static final int MIN_LENGTH = 12;

    @Inject
    Pbkdf2PasswordHash pbkdf2;

    @PostConstruct
    void configure() {
        pbkdf2.initialize(Map.of(
                "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
                "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
                "Pbkdf2PasswordHash.SaltSizeBytes", "32",
                "Pbkdf2PasswordHash.KeySizeBytes", "32"));
    }

    public String hash(String password) {
        return pbkdf2.generate(password.toCharArray());
    }

    public boolean verify(String password, String hash) {
        if (password == null || hash == null || hash.isBlank()) {
            return false;
        }
        try {
            return pbkdf2.verify(password.toCharArray(), hash);
        } catch (RuntimeException malformed) {
            return false;
        }
    }

    /** Why {@code password} cannot be set, or {@code null} when it can. */
    public static String weakness(String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "a password needs at least " + MIN_LENGTH + " characters";
        }
        if (password.strip().length() != password.length()) {
            return "a password cannot begin or end with a space";
        }
        return null;
    }
}
