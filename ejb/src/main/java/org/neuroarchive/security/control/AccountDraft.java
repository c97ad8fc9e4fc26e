package org.neuroarchive.security.control;

import java.util.List;

/** A new local account: login name, full name, e-mail (optional), site roles and its first password. */
public record AccountDraft(String login, String fullName, String email, List<String> roles, String password) {
}
