package org.neuroarchive.dicom;

import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One object arriving by C-STORE, written as a Part 10 file under a name the receiver chooses
 * ({@code object-<n>.dcm} in the association's folder; nothing the peer sends names a path): the
 * meta header, then the data set as it arrives. It refuses to grow past the maximum object size and
 * to take the file system below the free-space floor; a refused or abandoned object is deleted.
 */
final class ObjectFile {

    /** Free space is asked of the file system again after this many bytes at the latest. */
    private static final long RECHECK_BYTES = 16L << 20;

    private final Path file;
    private final OutputStream out;
    private final FileStore store;
    private final ReceiverLimits limits;
    private long dataBytes;
    private long spareBytes;

    private ObjectFile(Path file, OutputStream out, FileStore store, ReceiverLimits limits, long spareBytes) {
        this.file = file;
        this.out = out;
        this.store = store;
        this.limits = limits;
        this.spareBytes = spareBytes;
    }

    /** Starts object number {@code number} in {@code folder}; refused at once when the floor is already reached. */
    static ObjectFile create(Path folder, long number, CommandSet command, String transferSyntaxUid, String sourceAet,
                             ReceiverLimits limits) throws IOException, ObjectRefusedException {
        FileStore store = Files.getFileStore(folder);
        long spare = spare(store, limits);
        if (spare <= 0) {
            throw noSpace(store, limits);
        }
        Path file = folder.resolve("object-" + number + ".dcm");
        if (!file.normalize().getParent().equals(folder.normalize())) {
            throw new IOException("object file " + file + " would leave its association folder"); // cannot happen: our name
        }
        OutputStream out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), 65536);
        ObjectFile object = new ObjectFile(file, out, store, limits, spare);
        try {
            FileMetaInformation meta = new FileMetaInformation(command.affectedSopClassUid(),
                    command.affectedSopInstanceUid(), transferSyntaxUid, sourceAet);
            DicomOutputStream header = new DicomOutputStream(out, TransferSyntax.ExplicitVRLittleEndian, null);
            meta.getAttributeList().write(header);
            header.flush();
        } catch (DicomException | IOException | RuntimeException e) {
            object.discard();
            throw new IOException("could not write the meta header: " + e.getClass().getSimpleName(), e);
        }
        return object;
    }

    /** Appends data set bytes; refuses (and deletes the file) past the size limit or the free-space floor. */
    void write(byte[] b, int off, int len) throws IOException, ObjectRefusedException {
        if (dataBytes + len > limits.maxObjectBytes()) {
            discard();
            throw new ObjectRefusedException(Refusal.Reason.OBJECT_TOO_LARGE,
                    "object larger than " + limits.maxObjectBytes() + " bytes (neuroarchive.dicom.max-object-bytes)");
        }
        if (len > spareBytes) {
            spareBytes = spare(store, limits); // other writers may have taken or freed space meanwhile
            if (len > spareBytes) {
                discard();
                throw noSpace(store, limits);
            }
        }
        out.write(b, off, len);
        dataBytes += len;
        spareBytes = Math.min(spareBytes - len, RECHECK_BYTES);
    }

    /** The complete object: closed, ready to be taken away. */
    Path finish() throws IOException {
        out.close();
        return file;
    }

    /** Closes and deletes what was written. */
    void discard() {
        try {
            out.close();
        } catch (IOException ignored) {
            // deleting anyway
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the association folder is deleted when it ends
        }
    }

    private static long spare(FileStore store, ReceiverLimits limits) throws IOException {
        return store.getUsableSpace() - limits.minFreeBytes();
    }

    private static ObjectRefusedException noSpace(FileStore store, ReceiverLimits limits) throws IOException {
        return new ObjectRefusedException(Refusal.Reason.FREE_SPACE, "free space " + store.getUsableSpace()
                + " bytes, the floor is " + limits.minFreeBytes() + " (neuroarchive.dicom.min-free-bytes)");
    }
}
