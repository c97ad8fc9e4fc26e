package org.neuroarchive.web.dicomweb;

import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.neuroarchive.dicom.StoredTransferSyntax;
import org.neuroarchive.dicomweb.control.WadoObjects;

/**
 * A WADO-RS retrieve answer: {@code multipart/related; type="application/dicom"}, one part per archived file
 * with its bytes exactly as stored, copied file by file while the answer is written (never a whole study in
 * memory). Each part names the file's transfer syntax as its meta information states it.
 */
final class MultipartDicom implements StreamingOutput {

    private static final Logger LOG = Logger.getLogger(MultipartDicom.class.getName());
    private static final byte[] CRLF = "\r\n".getBytes(StandardCharsets.US_ASCII);

    private final List<Path> files;
    private final String boundary = UUID.randomUUID().toString();

    private MultipartDicom(List<Path> files) {
        this.files = files;
    }

    /** The answer for {@code objects}, if every file can be served in the {@code required} transfer syntax. */
    static Response response(WadoObjects objects, Optional<String> required) {
        if (required.isPresent() && !objects.files().stream()
                .allMatch(f -> StoredTransferSyntax.of(f).equals(required))) {
            throw new NotAcceptableException("the archived files are not all stored in transfer syntax " + required.get()
                    + " and are never re-encoded; ask with transfer-syntax=*");
        }
        MultipartDicom body = new MultipartDicom(objects.files());
        return Response.ok(body).header("Content-Type", "multipart/related; type=\"application/dicom\"; boundary="
                + body.boundary).build();
    }

    @Override
    public void write(OutputStream out) throws IOException {
        for (Path file : files) {
            String syntax = StoredTransferSyntax.of(file).map(uid -> "; transfer-syntax=" + uid).orElse("");
            long size = Files.size(file);
            out.write(("--" + boundary + "\r\nContent-Type: application/dicom" + syntax + "\r\nContent-Length: " + size
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            long copied = Files.copy(file, out);
            if (copied != size) {
                LOG.warning(() -> file + " changed while it was sent (" + copied + " bytes, " + size + " expected)");
            }
            out.write(CRLF);
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    }
}
