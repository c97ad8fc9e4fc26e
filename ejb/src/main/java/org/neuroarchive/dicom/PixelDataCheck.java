package org.neuroarchive.dicom;

import com.pixelmed.dicom.DicomInputStream;
import java.io.EOFException;
import java.io.IOException;

/**
 * Verifies that the Pixel Data element of an image is complete, reading it as a stream without
 * keeping pixels in memory. The stream must be positioned just after the (7FE0,0010) tag, which is
 * where {@code AttributeList.read(dis, PixelData)} leaves it.
 */
final class PixelDataCheck {

    private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;
    private static final int ITEM = 0xE000;
    private static final int SEQUENCE_DELIMITER = 0xE0DD;
    private static final int DELIMITER_GROUP = 0xFFFE;

    private PixelDataCheck() {
    }

    /**
     * Verifies the Pixel Data element the stream is positioned at. Answers false, having read nothing,
     * when the data set ended before any Pixel Data element (the stream is at its end): whether that is
     * acceptable is for the caller to say.
     */
    static boolean verify(DicomInputStream dis, DicomHeader header) throws IOException, DicomFormatException {
        int first = dis.read();
        if (first < 0) {
            return false;
        }
        long length;
        try {
            length = readElementLength(dis, first);
        } catch (EOFException e) {
            throw new DicomFormatException("truncated: the file ends inside the header of its pixel data element");
        }
        if (length == UNDEFINED_LENGTH) {
            verifyFragments(dis);
            return true;
        }
        long expected = header.expectedNativePixelBytes();
        if (expected > 0 && length < expected) {
            throw new DicomFormatException("pixel data holds " + length + " bytes but the image dimensions need "
                    + expected);
        }
        skip(dis, length, "truncated inside the pixel data");
        return true;
    }

    /** The value length of the Pixel Data element whose first byte after the tag is {@code first}. */
    private static long readElementLength(DicomInputStream dis, int first) throws IOException, DicomFormatException {
        if (dis.getTransferSyntaxToReadDataSet().isImplicitVR()) {
            // implicit VR is always little endian
            return (first | (long) next(dis) << 8 | (long) next(dis) << 16 | (long) next(dis) << 24) & 0xFFFFFFFFL;
        }
        byte[] vr = {(byte) first, (byte) next(dis)};
        String code = new String(vr, java.nio.charset.StandardCharsets.US_ASCII);
        switch (code) {
            case "OB", "OW", "OF", "OD", "OL", "OV", "UN" -> {
                next(dis);
                next(dis); // reserved
                return u32(dis);
            }
            default -> throw new DicomFormatException("pixel data has an unexpected value representation '" + code + "'");
        }
    }

    /** PixelMed's readUnsigned16 fails with a bare IOException at the end of the file: EOFException here. */
    private static int u16(DicomInputStream dis) throws IOException {
        int a = next(dis);
        int b = next(dis);
        return dis.getTransferSyntaxToReadDataSet().isBigEndian() ? a << 8 | b : b << 8 | a;
    }

    private static long u32(DicomInputStream dis) throws IOException {
        long a = u16(dis);
        long b = u16(dis);
        return dis.getTransferSyntaxToReadDataSet().isBigEndian() ? a << 16 | b : b << 16 | a;
    }

    private static int next(DicomInputStream dis) throws IOException {
        int b = dis.read();
        if (b < 0) {
            throw new EOFException();
        }
        return b;
    }

    private static void verifyFragments(DicomInputStream dis) throws IOException, DicomFormatException {
        try {
            while (true) {
                int group = u16(dis);
                int element = u16(dis);
                long length = u32(dis);
                if (group == DELIMITER_GROUP && element == SEQUENCE_DELIMITER) {
                    return;
                }
                if (group != DELIMITER_GROUP || element != ITEM || length == UNDEFINED_LENGTH) {
                    throw new DicomFormatException("encapsulated pixel data is malformed (unexpected element "
                            + String.format("(%04X,%04X)", group, element) + ")");
                }
                skip(dis, length, "truncated inside the compressed pixel data");
            }
        } catch (EOFException e) {
            throw new DicomFormatException("truncated inside the compressed pixel data (no sequence delimiter)");
        }
    }

    /** Reads (never skips: skipping would bypass the digest and can pass EOF silently). */
    private static void skip(DicomInputStream dis, long length, String reason) throws IOException, DicomFormatException {
        byte[] buffer = new byte[(int) Math.min(length, 64 * 1024)];
        long remaining = length;
        while (remaining > 0) {
            int n = dis.read(buffer, 0, (int) Math.min(buffer.length, remaining));
            if (n < 0) {
                throw new DicomFormatException(reason + " (" + remaining + " of " + length + " bytes missing)");
            }
            remaining -= n;
        }
    }
}
