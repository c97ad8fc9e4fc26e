package org.neuroarchive.individual.control;

import java.io.IOException;

/**
 * Reading a source failed: for an archive this means it is damaged or of an unsupported kind, which
 * {@link Unpacker} reports as an {@link UnpackException}; writing failures stay plain {@link IOException}s.
 */
final class SourceReadException extends IOException {

    private static final long serialVersionUID = 1L;

    SourceReadException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
