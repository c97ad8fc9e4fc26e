package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.DicomOutputStream;
import com.pixelmed.dicom.OtherByteAttributeMultipleCompressedFrames;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;

/**
 * Decides whether two files with the same SOPInstanceUID hold the same object in different encodings
 * (a sender that re-encodes on the wire: explicit or implicit VR, either byte order, deflated, RLE or a
 * lossless JPEG family syntax). Same content: every attribute of the data set has the same value
 * (the file meta information, group lengths and trailing padding describe the encoding and are left
 * out, as is an encoder's Derivation Description), and the pixels decode to the same values. Values are compared as implicit VR little endian
 * bytes, so the value representation and byte order a file was written with do not matter.
 * <p>
 * Where the answer cannot be known the verdict says so ({@link Verdict#UNDECIDED}): pixels that cannot
 * be decoded on this server (no JPEG 2000 decoder, for example), objects too large to hold in memory,
 * files the reader would not read whole. Callers treat that as a conflict: nothing is discarded on a
 * guess. Thread-safe.
 */
public final class SameContent {

    /** What the comparison found. */
    public enum Verdict { SAME_CONTENT, DIFFERENT, UNDECIDED }

    /** The verdict and, for people, what it rests on. */
    public record Result(Verdict verdict, String explanation) {
    }

    /** Decoded pixel data above this size (per file) is not compared: both objects are held in memory. */
    public static final long DEFAULT_MAX_PIXEL_BYTES = 64L * 1024 * 1024;

    /** Comparisons hold two decoded objects in memory: a few at a time. */
    private static final Semaphore COMPARING = new Semaphore(2);
    private static final int BUFFER_SIZE = 64 * 1024;

    private final DicomReader reader = new DicomReader();
    private final long maxPixelBytes;

    public SameContent() {
        this(DEFAULT_MAX_PIXEL_BYTES);
    }

    public SameContent(long maxPixelBytes) {
        this.maxPixelBytes = maxPixelBytes;
    }

    /** Compares the object in {@code archived} with the one in {@code arrived}. */
    public Result compare(Path archived, Path arrived) {
        try {
            DicomHeader first = safeHeader(archived);
            DicomHeader second = safeHeader(arrived);
            String encodings = "transfer syntax " + first.transferSyntaxUid() + " archived, "
                    + second.transferSyntaxUid() + " arrived";
            Optional<String> tooLarge = tooLarge(first).or(() -> tooLarge(second));
            if (tooLarge.isPresent()) {
                return new Result(Verdict.UNDECIDED, tooLarge.get());
            }
            COMPARING.acquire();
            try {
                return compareLists(first, second, read(archived, false), read(arrived, false), archived, arrived,
                        encodings);
            } finally {
                COMPARING.release();
            }
        } catch (DicomFormatException e) {
            return new Result(Verdict.UNDECIDED, "cannot be read whole: " + e.reason());
        } catch (NoSuchFileException e) {
            return new Result(Verdict.UNDECIDED, "the file is gone: " + e.getMessage());
        } catch (IOException | DicomException | RuntimeException e) {
            return new Result(Verdict.UNDECIDED, "cannot be read whole: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(Verdict.UNDECIDED, "interrupted");
        } catch (OutOfMemoryError e) {
            return new Result(Verdict.UNDECIDED, "not enough memory to compare the two objects");
        }
    }

    private Result compareLists(DicomHeader first, DicomHeader second, AttributeList a, AttributeList b,
                                Path archived, Path arrived, String encodings)
            throws IOException, DicomException, DicomFormatException {
        Optional<String> attribute = firstDifference(a, b, encapsulated(first) || encapsulated(second));
        if (attribute.isPresent()) {
            return new Result(Verdict.DIFFERENT, "different content: " + attribute.get() + " differs (" + encodings + ")");
        }
        if (a.get(TagFromName.PixelData) == null && b.get(TagFromName.PixelData) == null) {
            return new Result(Verdict.SAME_CONTENT, "same attributes, no pixel data (" + encodings + ")");
        }
        if (a.get(TagFromName.PixelData) == null || b.get(TagFromName.PixelData) == null) {
            return new Result(Verdict.DIFFERENT, "different content: only one of them has pixel data (" + encodings + ")");
        }
        if (first.transferSyntaxUid().equals(second.transferSyntaxUid()) && encapsulated(first)
                && Arrays.equals(canonical(a.get(TagFromName.PixelData)), canonical(b.get(TagFromName.PixelData)))) {
            // e.g. the same JPEG 2000 file from another sender: only its meta information differs
            return new Result(Verdict.SAME_CONTENT, "same attributes and the same compressed pixel data (" + encodings + ")");
        }
        Optional<String> noDecoder = PixelDecoders.missing(first).or(() -> PixelDecoders.missing(second));
        if (noDecoder.isPresent()) {
            return new Result(Verdict.UNDECIDED, "the same attributes, but the pixels cannot be compared: "
                    + noDecoder.get() + " (" + encodings + ")");
        }
        byte[] pixelsA = pixels(encapsulated(first) ? read(archived, true) : a, first);
        byte[] pixelsB = pixels(encapsulated(second) ? read(arrived, true) : b, second);
        if (pixelsA == null || pixelsB == null) {
            return new Result(Verdict.UNDECIDED, "the same attributes, but the pixels of one could not be decoded ("
                    + encodings + ")");
        }
        if (!Arrays.equals(pixelsA, pixelsB)) {
            return new Result(Verdict.DIFFERENT, "different content: the same attributes but different pixel values ("
                    + encodings + ")");
        }
        return new Result(Verdict.SAME_CONTENT, "same attributes and same decoded pixels (" + encodings + ")");
    }

    /** The reader's checks first: PixelMed reads all of the file here. */
    private DicomHeader safeHeader(Path file) throws DicomFormatException, NoSuchFileException {
        DicomHeader header = reader.readHeader(file);
        ScanResult whole = reader.scanWholeFile(file);
        if (whole.cut()) {
            throw new DicomFormatException(whole.reason());
        }
        return header;
    }

    private Optional<String> tooLarge(DicomHeader header) {
        long bytes = header.isImage() ? Math.max(header.expectedNativePixelBytes(), 0) : 0;
        return bytes > maxPixelBytes ? Optional.of("too large to compare here (" + bytes / 1024 + " KiB of pixels, at most "
                + maxPixelBytes / 1024 + ")") : Optional.empty();
    }

    private static boolean encapsulated(DicomHeader header) {
        return !header.transferSyntaxUid().isEmpty() && new TransferSyntax(header.transferSyntaxUid()).isEncapsulated();
    }

    private static AttributeList read(Path file, boolean decompress) throws IOException, DicomException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(decompress);
            list.read(new DicomInputStream(in));
            return list;
        }
    }

    /**
     * The first attribute (by tag) whose presence or value differs, leaving out what describes the encoding;
     * with compressed pixels also the Derivation Description an encoder writes about itself (dcmtk's
     * "Lossless JPEG compression, selection value 1, …"): whether the pixels changed, their values say.
     */
    private static Optional<String> firstDifference(AttributeList a, AttributeList b, boolean compressed)
            throws IOException, DicomException {
        TreeSet<AttributeTag> tags = new TreeSet<>(a.keySet());
        tags.addAll(b.keySet());
        for (AttributeTag tag : tags) {
            if (describesEncoding(tag) || compressed && tag.equals(TagFromName.DerivationDescription)) {
                continue;
            }
            Attribute x = a.get(tag);
            Attribute y = b.get(tag);
            if (x == null || y == null || !Arrays.equals(canonical(x), canonical(y))) {
                return Optional.of(tag + " " + Optional.ofNullable(AttributeList.getDictionary().getNameFromTag(tag))
                        .orElse("(private)"));
            }
        }
        return Optional.empty();
    }

    private static boolean describesEncoding(AttributeTag tag) {
        return tag.getGroup() == 0x0002 || tag.getElement() == 0x0000 || tag.equals(TagFromName.DataSetTrailingPadding)
                || tag.equals(TagFromName.PixelData);
    }

    /** The attribute as implicit VR little endian bytes: tag, length and value, whatever VR and byte order it came in. */
    private static byte[] canonical(Attribute attribute) throws IOException, DicomException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DicomOutputStream out = new DicomOutputStream(bytes, null, TransferSyntax.ImplicitVRLittleEndian);
        attribute.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /**
     * The decoded pixel values as little endian bytes, exactly as many as the image needs (no padding);
     * null when they are not decoded.
     */
    private static byte[] pixels(AttributeList list, DicomHeader header) throws IOException, DicomException {
        Attribute pixelData = list.get(TagFromName.PixelData);
        if (pixelData == null || pixelData instanceof OtherByteAttributeMultipleCompressedFrames) {
            return null; // PixelMed could not decode them (it logs why and keeps the frames compressed)
        }
        byte[] bytes = canonical(pixelData);
        byte[] value = Arrays.copyOfRange(bytes, 8, bytes.length); // after tag and length
        long needed = header.expectedNativePixelBytes();
        return needed > 0 && needed <= value.length ? Arrays.copyOf(value, (int) needed) : value;
    }
}
