package org.neuroarchive.archive.control;

import java.nio.file.Path;

/** A file handed to the archive service: where it is now, and the name a user knows it by. */
public record ClaimedFile(Path path, String originalName) {
}
