package org.neuroarchive.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.SourceImage;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;

/**
 * The decoded pixels of one DICOM image, for the thumbnail and the slice renderer: checked before anything is
 * decoded (an image at all, a decoder for its encoding, a size that fits in memory, a structure
 * {@link ElementScan} found safe to read), JPEG-LS and JPEG 2000 decoded by {@link ExternalDecoder} first, then
 * read whole by PixelMed. Holds one of a few rendering places until closed: decoded images take memory,
 * whatever the number of threads asking. Every failure is a {@link ThumbnailException} with a reason.
 */
final class PixelSource implements AutoCloseable {

    /** Rendering holds a decoded image in memory: a few at a time, whatever the number of archive threads. */
    private static final Semaphore RENDERING = new Semaphore(2);

    private final DicomHeader header;
    private final AttributeList attributes;
    private final SourceImage image;

    private PixelSource(DicomHeader header, AttributeList attributes, SourceImage image) {
        this.header = header;
        this.attributes = attributes;
        this.image = image;
    }

    DicomHeader header() {
        return header;
    }

    AttributeList attributes() {
        return attributes;
    }

    SourceImage image() {
        return image;
    }

    /** Opens {@code file} if its decoded pixel data take at most {@code maxPixelBytes}; the caller closes it. */
    static PixelSource open(Path file, long maxPixelBytes) throws ThumbnailException {
        DicomReader reader = new DicomReader();
        DicomHeader header = readHeader(reader, file);
        if (!header.isImage()) {
            throw new ThumbnailException("not an image (no Rows and Columns)");
        }
        Optional<String> noDecoder = PixelDecoders.missing(header);
        boolean external = noDecoder.isPresent() && ExternalDecoder.decodes(header.transferSyntaxUid());
        if (noDecoder.isPresent() && !external) {
            throw new ThumbnailException(noDecoder.get());
        }
        long pixelBytes = decodedPixelBytes(header);
        if (pixelBytes > maxPixelBytes) {
            throw new ThumbnailException("image too large to render safely (" + pixelBytes / 1024 + " KiB of pixels, at most "
                    + maxPixelBytes / 1024 + ")");
        }
        ScanResult whole = scanWholeFile(reader, file);
        if (whole.topLevelPixelDataLength() > maxPixelBytes) {
            throw new ThumbnailException("image too large to render safely (" + whole.topLevelPixelDataLength() / 1024
                    + " KiB of pixel data, at most " + maxPixelBytes / 1024 + ")");
        }
        acquire();
        try {
            if (!external) {
                return loaded(header, read(file, whole.simplePixelData()));
            }
            try (ExternalDecoder.Decoded decoded = ExternalDecoder.decode(file)) {
                ScanResult raw = scanWholeFile(reader, decoded.file());
                return loaded(header, read(decoded.file(), raw.simplePixelData()));
            }
        } catch (OutOfMemoryError e) {
            RENDERING.release();
            throw new ThumbnailException("not enough memory to render a " + header.columns() + "x" + header.rows() + " image");
        } catch (ThumbnailException e) {
            RENDERING.release();
            throw e;
        } catch (RuntimeException | LinkageError e) {
            RENDERING.release();
            // PixelMed fails this way on photometric interpretations and encodings it does not support
            throw new ThumbnailException("PixelMed cannot display this image (" + e + ")");
        }
    }

    private static PixelSource loaded(DicomHeader header, AttributeList attributes) throws ThumbnailException {
        try {
            SourceImage source = new SourceImage(attributes);
            if (source.getNumberOfBufferedImages() < 1) {
                throw new ThumbnailException("PixelMed found no displayable frame");
            }
            return new PixelSource(header, attributes, source);
        } catch (DicomException e) {
            throw new ThumbnailException(e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    @Override
    public void close() {
        RENDERING.release();
    }

    private static void acquire() throws ThumbnailException {
        try {
            RENDERING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThumbnailException("interrupted while waiting to render");
        }
    }

    static DicomHeader readHeader(DicomReader reader, Path file) throws ThumbnailException {
        try {
            return reader.readHeader(file);
        } catch (DicomFormatException e) {
            throw new ThumbnailException(e.reason());
        } catch (NoSuchFileException e) {
            throw new ThumbnailException("the file is gone: " + file);
        } catch (IOException e) {
            throw new ThumbnailException("unreadable: " + e);
        }
    }

    /** PixelMed reads the whole file: only what {@link ElementScan} found safe to read. */
    private static ScanResult scanWholeFile(DicomReader reader, Path file) throws ThumbnailException {
        try {
            ScanResult whole = reader.scanWholeFile(file);
            if (whole.cut()) {
                throw new ThumbnailException(whole.reason());
            }
            return whole;
        } catch (DicomFormatException e) {
            throw new ThumbnailException(e.reason());
        } catch (NoSuchFileException e) {
            throw new ThumbnailException("the file is gone: " + file);
        }
    }

    private static long decodedPixelBytes(DicomHeader header) {
        long frames = header.numberOfFrames() == null || header.numberOfFrames() < 1 ? 1 : header.numberOfFrames();
        long samples = header.samplesPerPixel() == null || header.samplesPerPixel() < 1 ? 1 : header.samplesPerPixel();
        // PixelMed takes 16 bits when BitsAllocated is missing
        long bits = header.bitsAllocated() == null ? 16 : header.bitsAllocated();
        long bytes = bits <= 8 ? 1 : (bits + 7) / 8;
        return (long) header.rows() * header.columns() * frames * samples * bytes;
    }

    /**
     * Reads the whole file. PixelMed decodes compressed pixel data while it reads ({@code decompress}) only
     * where the scan found it follows the fragments as the scan did (one fragment per frame, nothing
     * nested); otherwise it keeps the frames compressed and decodes each frame when it is asked for.
     */
    private static AttributeList read(Path file, boolean decompress) throws ThumbnailException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(decompress);
            list.read(new DicomInputStream(in));
            if (list.get(TagFromName.PixelData) == null) {
                throw new ThumbnailException("the image has no pixel data");
            }
            return list;
        } catch (DicomException e) {
            // e.g. "No reader for JPEG2000 available for Transfer Syntax 1.2.840.10008.1.2.4.91"
            throw new ThumbnailException(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IOException e) {
            throw new ThumbnailException("unreadable: " + e);
        }
    }
}
