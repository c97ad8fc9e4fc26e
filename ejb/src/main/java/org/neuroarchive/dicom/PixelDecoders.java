package org.neuroarchive.dicom;

import com.pixelmed.dicom.CompressedFrameDecoder;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TransferSyntax;
import java.util.Map;
import java.util.Optional;
import javax.imageio.ImageReader;

/**
 * Whether this server can decode the pixel data of a transfer syntax: native, deflated and RLE data
 * always; JPEG-family data only with an ImageIO reader installed (PixelMed looks one up by format name,
 * and the JDK has only baseline JPEG). Asked before a thumbnail is rendered: PixelMed itself finds out
 * only while decoding, and logs the failure with a stack trace. Storing never asks: an object is archived
 * as it arrived, whether its pixels can be decoded here or not.
 */
final class PixelDecoders {

    private static final String RLE = "1.2.840.10008.1.2.5";

    /** Transfer syntax → PixelMed's ImageIO format name and a name for people. */
    private static final Map<String, String[]> READERS = Map.of(
            "1.2.840.10008.1.2.4.50", new String[] {"JPEG", "JPEG baseline"},
            "1.2.840.10008.1.2.4.51", new String[] {"JPEG", "JPEG extended"},
            "1.2.840.10008.1.2.4.55", new String[] {"JPEG", "JPEG full progression"},
            "1.2.840.10008.1.2.4.57", new String[] {"jpeg-lossless", "JPEG lossless"},
            "1.2.840.10008.1.2.4.70", new String[] {"jpeg-lossless", "JPEG lossless"},
            "1.2.840.10008.1.2.4.80", new String[] {"jpeg-ls", "JPEG-LS"},
            "1.2.840.10008.1.2.4.81", new String[] {"jpeg-ls", "JPEG-LS"},
            "1.2.840.10008.1.2.4.90", new String[] {"JPEG2000", "JPEG 2000"},
            "1.2.840.10008.1.2.4.91", new String[] {"JPEG2000", "JPEG 2000"});

    private PixelDecoders() {
    }

    /**
     * Why the pixel data of {@code header} cannot be decoded here, or empty when it can (as far as a
     * decoder for its encoding is installed).
     */
    static Optional<String> missing(DicomHeader header) {
        String uid = header.transferSyntaxUid();
        if (uid.isEmpty() || RLE.equals(uid) || !new TransferSyntax(uid).isEncapsulated()) {
            return Optional.empty();
        }
        String[] reader = READERS.get(uid);
        if (reader == null) {
            return Optional.of("no decoder on this server for transfer syntax " + uid);
        }
        int bytesPerSample = header.bitsAllocated() != null && header.bitsAllocated() > 8 ? 2 : 1;
        try {
            ImageReader found = CompressedFrameDecoder.selectReaderFromCodecsAvailable(reader[0], uid, bytesPerSample);
            if (found == null) {
                return Optional.of(noDecoder(reader[1], uid, ""));
            }
            found.dispose();
            return Optional.empty();
        } catch (DicomException | RuntimeException e) {
            // "No reader for JPEG2000 available …" says nothing more; other refusals do (e.g. 12-bit JPEG)
            String detail = e.getMessage() == null || e.getMessage().startsWith("No reader") ? "" : ": " + e.getMessage();
            return Optional.of(noDecoder(reader[1], uid, detail));
        }
    }

    private static String noDecoder(String name, String uid, String detail) {
        return "no " + name + " decoder on this server for these pixels (transfer syntax " + uid + detail + ")";
    }
}
