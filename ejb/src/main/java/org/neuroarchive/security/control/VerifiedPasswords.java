package org.neuroarchive.security.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for a few minutes, that a login and password matched a given password hash, so that HTTP
 * Basic clients (one check per request) do not pay for PBKDF2 on every call. Keys are SHA-256 digests
 * of login and password; a changed password hash makes the entry worthless at once.
 */
@ApplicationScoped
public class VerifiedPasswords {

    private static final long KEEP_MILLIS = 5 * 60 * 1000L;
    private static final int MAX_ENTRIES = 10_000;

    private record Entry(String passwordHash, long until) {
    }

    private final Map<String, Entry> verified = new ConcurrentHashMap<>();

    public boolean known(String login, String password, String passwordHash) {
        Entry entry = verified.get(key(login, password));
        return entry != null && entry.until() > System.currentTimeMillis() && entry.passwordHash().equals(passwordHash);
    }

    public void remember(String login, String password, String passwordHash) {
        if (verified.size() >= MAX_ENTRIES) {
            long now = System.currentTimeMillis();
            verified.values().removeIf(e -> e.until() <= now);
            if (verified.size() >= MAX_ENTRIES) {
                verified.clear();
            }
        }
        verified.put(key(login, password), new Entry(passwordHash, System.currentTimeMillis() + KEEP_MILLIS));
    }

    private static String key(String login, String password) {
        return ApiKeyToken.sha256(login + '\u0000' + password);
    }
}
