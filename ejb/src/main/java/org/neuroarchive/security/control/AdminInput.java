package org.neuroarchive.security.control;

import java.util.regex.Pattern;
import org.neuroarchive.common.control.RequestRejected;

/**
 * The checks of what people type on the admin screens and send to the admin API: login names, e-mail
 * addresses, names, cost centers. Each answers the cleaned value or refuses it as invalid input with a
 * sentence saying what is expected.
 */
public final class AdminInput {

    /** Letters, digits and {@code . _ @ -}, starting with a letter or digit, at most 64 characters. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,63}");
    /** Letters, digits and {@code . _ -}, starting with a letter or digit, at most 64 characters (it is part of URLs). */
    private static final Pattern COSTCENTER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@]+@[^\\s@]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    private AdminInput() {
    }

    public static String login(String login) {
        String value = login == null ? "" : login.strip();
        if (!LOGIN.matcher(value).matches()) {
            throw invalid("a login name has 1 to 64 letters, digits or . _ @ -, and starts with a letter or digit; not '"
                    + printable(login) + "'");
        }
        return value;
    }

    public static String costcenter(String costcenter) {
        String value = costcenter == null ? "" : costcenter.strip();
        if (!COSTCENTER.matcher(value).matches()) {
            throw invalid("a cost center has 1 to 64 letters, digits or . _ -, and starts with a letter or digit; not '"
                    + printable(costcenter) + "'");
        }
        return value;
    }

    /** An optional e-mail address: empty, or something@somewhere, at most 255 characters. */
    public static String email(String email) {
        String value = email == null ? "" : email.strip();
        if (!value.isEmpty() && (value.length() > 255 || !EMAIL.matcher(value).matches())) {
            throw invalid("an e-mail address looks like name@example.org (at most 255 characters); not '" + printable(email) + "'");
        }
        return value;
    }

    /** Free text of one line (a person's or a project's name): no control characters, at most {@code max} characters. */
    public static String text(String what, String text, int max, boolean required) {
        String value = text == null ? "" : text.strip();
        if (required && value.isEmpty()) {
            throw invalid(what + " is required");
        }
        if (value.length() > max || CONTROL.matcher(value).find()) {
            throw invalid(what + " is one line of at most " + max + " characters");
        }
        return value;
    }

    /** A password that may be set, or the reason it may not. */
    public static String password(String password) {
        String weakness = PasswordHashing.weakness(password);
        if (weakness != null) {
            throw invalid(weakness);
        }
        if (password.length() > 1024) {
            throw invalid("a password has at most 1024 characters");
        }
        return password;
    }

    /** Text from a request as it may appear in a message or log line: printable ASCII, at most 64 characters. */
    public static String printable(String text) {
        if (text == null) {
            return "";
        }
        String clean = text.replaceAll("[^\\x20-\\x7E]", "?");
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }

    private static RequestRejected invalid(String message) {
        return new RequestRejected(RequestRejected.Reason.INVALID, message);
    }
}
