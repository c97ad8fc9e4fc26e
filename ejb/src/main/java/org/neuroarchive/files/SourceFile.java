package org.neuroarchive.files;

import java.nio.file.Path;

/**
 * A file handed to the archive service: where it is now, the name a user knows it by, and what an
 * earlier complete read of it found ({@code null}: it is read completely now).
 */
public record SourceFile(Path path, String originalName, ReadBefore readBefore) {

    /** A file nobody has read completely yet. */
    public SourceFile(Path path, String originalName) {
        this(path, originalName, null);
    }
}
