package org.neuroarchive.archive.control;

import java.time.LocalDateTime;

/** A file in problemdir as the API shows it; {@code storedPath} is relative to problemdir. */
public record ProblemView(long id, String originalName, String storedPath, String reason, LocalDateTime createdAt) {
}
