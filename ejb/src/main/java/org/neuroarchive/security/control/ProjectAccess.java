package org.neuroarchive.security.control;

import java.util.List;

/** Permissions on the project with this cost center (an API key's grants, asked for or held). */
public record ProjectAccess(String costcenter, List<String> permissions) {
}
