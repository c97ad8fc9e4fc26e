package org.neuroarchive.individual.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.neuroarchive.metrics.control.PipelineMetrics;
import org.neuroarchive.config.IndividualImportSettings;
import org.neuroarchive.individual.entity.ImportStatus;

/**
 * The one handling of uploads, for the API ({@code POST /api/imports}) and the page
 * ({@code /imports/new}) alike: {@link #start} creates the import ({@code uploading}), {@link #receive}
 * streams each file into the import's {@code upload/} folder as it arrives (never held in memory),
 * each under {@code upload/<n>/<its own name>}: written to a temporary name and renamed when complete;
 * {@link #complete} queues it for parsing, {@link #fail} ends it with the reason. The whole upload is
 * limited to {@code neuroarchive.individual.max-upload-bytes}.
 */
@ApplicationScoped
public class UploadReceiver {

    private static final int BUFFER = 64 * 1024;

    @Inject
    StagingArea staging;

    @Inject
    IndividualImportSettings settings;

    @Inject
    ImportRequests requests;

    @Inject
    PipelineMetrics metrics;

    /** An upload under way: its import, and the files and bytes received so far. */
    public static final class Upload implements Serializable {
        private static final long serialVersionUID = 1L;
        private final long importId;
        private int files;
        private long bytes;

        Upload(long importId) {
            this.importId = importId;
        }

        public long importId() {
            return importId;
        }

        public int files() {
            return files;
        }
    }

    /** Creates the import, {@code uploading}, for the caller (a refusal is a RequestRejected). */
    public Upload start(ImportOptions options) {
        return new Upload(requests.uploadStarted(options).getId());
    }

    /** Receives the upload's next file; the caller ends the upload with {@link #fail} when this throws. */
    public void receive(Upload upload, String originalName, InputStream content) throws IOException, UploadRefused {
        upload.bytes += receive(upload.importId, upload.files, originalName, content, upload.bytes);
        upload.files++;
    }

    /** Every file is up: the import is queued for parsing. Answers its status. */
    public ImportStatus complete(Upload upload) {
        ImportStatus status = requests.uploadComplete(upload.importId, upload.files, upload.bytes);
        metrics.uploaded(upload.bytes); // counted once the import is queued (committed)
        return status;
    }

    /** The upload cannot go on: the import ends {@code uploaderror} with {@code reason}. Nothing when none started. */
    public void fail(Upload upload, String reason) {
        if (upload != null) {
            requests.uploadFailed(upload.importId, reason);
        }
    }

    /** An upload that cannot be accepted; the message says why. */
    public static final class UploadRefused extends Exception {
        private static final long serialVersionUID = 1L;

        public UploadRefused(String message) {
            super(message, null, false, false);
        }
    }

    /** Receives the {@code index}-th file; {@code soFar} bytes came before it. Answers its size. */
    long receive(long importId, int index, String originalName, InputStream content, long soFar)
            throws IOException, UploadRefused {
        Path folder = Files.createDirectories(staging.upload(importId).resolve(Integer.toString(index)));
        Path target = folder.resolve(safeName(originalName, index));
        Path part = folder.resolve("." + target.getFileName() + ".part");
        long limit = settings.maxUploadBytes();
        long written = 0;
        try (OutputStream out = Files.newOutputStream(part)) {
            byte[] buffer = new byte[BUFFER];
            int n;
            while ((n = content.read(buffer)) > 0) {
                written += n;
                if (soFar + written > limit) {
                    throw new UploadRefused("the upload is larger than the limit of " + limit
                            + " bytes (neuroarchive.individual.max-upload-bytes)");
                }
                out.write(buffer, 0, n);
            }
        } catch (IOException | UploadRefused | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, target, StandardCopyOption.ATOMIC_MOVE);
        return written;
    }

    /** The last element of a client's file name, without control characters; never empty, "." or "..". */
    static String safeName(String originalName, int index) {
        String name = originalName == null ? "" : originalName;
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}]", "").strip();
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.startsWith(".")) {
            name = "file-" + index + (name.startsWith(".") && name.length() > 2 ? name : "");
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }
}
