package org.neuroarchive.web.security;

/**
 * Why a single sign-on step failed: the token or answer was not acceptable ({@link #unavailable()} false:
 * the caller is refused), or the identity provider could not be asked (true: try again later).
 */
public class OidcException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean unavailable;

    private OidcException(String message, boolean unavailable) {
        super(message);
        this.unavailable = unavailable;
    }

    static OidcException refused(String why) {
        return new OidcException(why, false);
    }

    static OidcException unavailable(String why) {
        return new OidcException(why, true);
    }

    public boolean unavailable() {
        return unavailable;
    }
}
