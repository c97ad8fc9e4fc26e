package org.neuroarchive.web.security;

import java.io.Serializable;

/** What a screen session remembers of its login: the account, and how it logged in. */
public record SessionLogin(String login, String method) implements Serializable {

    /** The session attribute holding it. */
    public static final String ATTRIBUTE = "org.neuroarchive.login";
}
