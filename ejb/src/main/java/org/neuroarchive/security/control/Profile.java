package org.neuroarchive.security.control;

import java.util.List;

/**
 * Who the caller is: its login (null for an API key), name, e-mail, site roles, the actor text the
 * audit trail names it by, and the projects it may see with its permissions.
 */
public record Profile(String login, String fullName, String email, List<String> roles, String actor,
                      List<ProjectView> projects) {
}
