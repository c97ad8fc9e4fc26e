package org.neuroarchive.security.control;

import java.util.List;

/** Changes to an account; a field left {@code null} keeps its value. */
public record AccountChange(String fullName, String email, List<String> roles, Boolean enabled) {
}
