package org.neuroarchive.files;

import java.nio.file.Path;

/** A file handed to the archive service: where it is now, and the name a user knows it by. */
public record SourceFile(Path path, String originalName) {
}
