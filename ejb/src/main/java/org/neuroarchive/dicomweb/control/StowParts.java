package org.neuroarchive.dicomweb.control;

import java.io.IOException;
import java.io.InputStream;

/**
 * The parts of one STOW-RS request body, read as a stream, one after the other: the entry adapter
 * parses the multipart body, {@link StowService} writes each part to a file as it arrives. Reading a
 * part's content to its end leaves the stream at the next part; {@link #next()} skips what was not read.
 */
public interface StowParts {

    /** One body part: its {@code Content-Type} ({@code null} when the part names none) and its content. */
    record Part(String contentType, InputStream content) {
    }

    /** The next part, {@code null} after the last (the closing boundary was read). */
    Part next() throws IOException;

    /**
     * The body ended (cleanly, as far as HTTP can tell) inside a part or before its closing boundary:
     * the part being read is incomplete; the parts before it are whole.
     */
    final class CutOff extends IOException {

        private static final long serialVersionUID = 1L;

        public CutOff(String message) {
            super(message);
        }
    }
}
