package org.neuroarchive.security.control;

import java.time.LocalDateTime;
import java.util.List;

/** A key to make: its name, site roles, project grants, and optionally when it stops working. */
public record ApiKeyDraft(String name, List<String> roles, List<ProjectAccess> projects, LocalDateTime expiresAt) {
}
