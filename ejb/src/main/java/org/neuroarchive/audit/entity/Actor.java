package org.neuroarchive.audit.entity;

import java.util.Locale;

/**
 * Who did something: a person's account, an API key, a DICOM peer, or the system itself (timers,
 * message-driven beans working without a person behind them). {@link #text()} is how audit rows, import
 * log lines and messages name it: {@code user:alice}, {@code apikey:3f9c2a1b}, {@code peer:CT1@10.0.0.5},
 * {@code system}.
 */
public record Actor(Kind kind, String name) {

    /** The kinds of actor. */
    public enum Kind { USER, APIKEY, PEER, SYSTEM }

    public static final Actor SYSTEM = new Actor(Kind.SYSTEM, "system");

    public Actor {
        if (kind == null || name == null || name.isBlank()) {
            throw new IllegalArgumentException("an actor needs a kind and a name");
        }
    }

    public static Actor user(String login) {
        return new Actor(Kind.USER, login);
    }

    public static Actor apiKey(String keyId) {
        return new Actor(Kind.APIKEY, keyId);
    }

    /** A DICOM peer: its calling AE title and the address it connected from. */
    public static Actor peer(String callingAet, String address) {
        return new Actor(Kind.PEER, (callingAet == null || callingAet.isBlank() ? "?" : callingAet.strip()) + "@" + address);
    }

    /** The form {@link #text()} writes, back into an actor; {@code system} for anything unknown. */
    public static Actor parse(String text) {
        if (text == null || text.isBlank() || "system".equals(text)) {
            return SYSTEM;
        }
        int colon = text.indexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            return SYSTEM;
        }
        try {
            return new Actor(Kind.valueOf(text.substring(0, colon).toUpperCase(Locale.ROOT)), text.substring(colon + 1));
        } catch (IllegalArgumentException unknown) {
            return SYSTEM;
        }
    }

    public String text() {
        return kind == Kind.SYSTEM ? "system" : kind.name().toLowerCase(Locale.ROOT) + ":" + name;
    }

    @Override
    public String toString() {
        return text();
    }
}
