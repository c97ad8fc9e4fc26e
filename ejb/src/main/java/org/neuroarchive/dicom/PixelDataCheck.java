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

    static void verify(DicomInputStream dis, DicomHeader header) throws IOException, DicomFormatException {
        long length;
        try {
            length = readElementLength(dis);
        } catch (EOFException e) {
            throw new DicomFormatException("truncated: the image has no pixel data");
        }
        if (length == UNDEFINED_LENGTH) {
            verifyFragments(dis);
            return;
        }
        long expected = header.expectedNativePixelBytes();
        if (expected > 0 && length < expected) {
            throw new DicomFormatException("pixel data holds " + length + " bytes but the image dimensions need "
                    + expected);
        }
        skip(dis, length, "truncated inside the pixel data");
    }

    private static long readElementLength(DicomInputStream dis) throws IOException, DicomFormatException {
        if (dis.getTransferSyntaxToReadDataSet().isImplicitVR()) {
            return dis.readUnsigned32();
        }
        byte[] vr = new byte[2];
        dis.readInsistently(vr, 0, 2);
        String code = new String(vr, java.nio.charset.StandardCharsets.US_ASCII);
        switch (code) {
            case "OB", "OW", "OF", "OD", "OL", "OV", "UN" -> {
                dis.readUnsigned16(); // reserved
                return dis.readUnsigned32();
            }
            default -> throw new DicomFormatException("pixel data has an unexpected value representation '" + code + "'");
        }
    }

    private static void verifyFragments(DicomInputStream dis) throws IOException, DicomFormatException {
        try {
            while (true) {
                int group = dis.readUnsigned16();
                int element = dis.readUnsigned16();
                long length = dis.readUnsigned32();
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
