package org.neuroarchive.security.control;

import java.util.List;

/** A project the caller may see, with the caller's permissions on it (every permission for an admin). */
public record ProjectView(Long id, String costcenter, String name, List<String> permissions) {
}
