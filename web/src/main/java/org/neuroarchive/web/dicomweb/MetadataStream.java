package org.neuroarchive.web.dicomweb;

import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.logging.Logger;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomJsonHeader;
import org.neuroarchive.dicomweb.control.WadoObjects;

/**
 * A WADO-RS metadata answer: a DICOM JSON array with the header of each archived file (no pixel data),
 * read and written one file at a time; patient identity only when the caller may view PHI. A file that
 * cannot be read any more is left out with a log line (the answer has begun and cannot turn into an error).
 */
final class MetadataStream implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(MetadataStream.class.getName());

    private final WadoObjects objects;

    MetadataStream(WadoObjects objects) {
        this.objects = objects;
    }

    @Override
    public void write(OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('[');
        boolean first = true;
        for (Path file : objects.files()) {
            try {
                String header = DicomJsonHeader.of(file, objects.phi());
                writer.write(first ? "" : ",");
                writer.write(header);
                first = false;
            } catch (DicomFormatException e) {
                LOG.warning(() -> "metadata of " + file + " left out: " + e.getMessage());
            }
        }
        writer.write(']');
        writer.flush();
    }
}
