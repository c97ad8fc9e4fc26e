package org.neuroarchive.dicom;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;

/**
 * Writes DICOM bytes element by element, as they are declared and not as they should be: lengths that
 * lie, undefined lengths, sequences, items and fragments, in explicit or implicit VR, either byte order.
 * For tests of what a hostile file does to the reader.
 */
final class RawDicom {

    static final long UNDEFINED = 0xFFFFFFFFL;
    static final String SOP_CLASS = "1.2.840.10008.5.1.4.1.1.4";

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private boolean explicit = true;
    private boolean bigEndian;

    /** A Part 10 file: preamble, DICM, meta header (explicit VR little endian) with its group length. */
    static RawDicom part10(String transferSyntax) {
        RawDicom meta = new RawDicom();
        meta.element(0x0002, 0x0001, "OB", new byte[] {0, 1});
        meta.string(0x0002, 0x0002, "UI", SOP_CLASS);
        meta.string(0x0002, 0x0003, "UI", "1.2.3.4.5.6");
        meta.string(0x0002, 0x0010, "UI", transferSyntax);
        byte[] group = meta.bytes();
        RawDicom file = new RawDicom();
        file.out.writeBytes(new byte[128]);
        file.out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
        file.element(0x0002, 0x0000, "UL", file.u32(group.length));
        file.out.writeBytes(group);
        if (transferSyntax.equals("1.2.840.10008.1.2")) {
            file.explicit = false;
        } else if (transferSyntax.equals("1.2.840.10008.1.2.2")) {
            file.bigEndian = true;
        }
        return file;
    }

    /** A data set without preamble or meta header. */
    static RawDicom raw(boolean explicit, boolean bigEndian) {
        RawDicom file = new RawDicom();
        file.explicit = explicit;
        file.bigEndian = bigEndian;
        return file;
    }

    /** The four UIDs the reader requires. */
    RawDicom identity() {
        string(0x0008, 0x0016, "UI", SOP_CLASS);
        string(0x0008, 0x0018, "UI", "1.2.3.4.5.6");
        string(0x0020, 0x000D, "UI", "1.2.3.4.5.7");
        return string(0x0020, 0x000E, "UI", "1.2.3.4.5.8");
    }

    RawDicom string(int group, int element, String vr, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length % 2 != 0) {
            bytes = (value + (vr.equals("UI") ? "\0" : " ")).getBytes(StandardCharsets.US_ASCII);
        }
        return element(group, element, vr, bytes);
    }

    RawDicom us(int group, int element, int value) {
        return element(group, element, "US", bigEndian ? new byte[] {(byte) (value >> 8), (byte) value}
                : new byte[] {(byte) value, (byte) (value >> 8)});
    }

    /** An element with its value; the declared length is the value's. */
    RawDicom element(int group, int element, String vr, byte[] value) {
        header(group, element, vr, value.length);
        out.writeBytes(value);
        return this;
    }

    /** Only the header of an element: tag, VR (explicit) and the declared length, whatever follows. */
    RawDicom header(int group, int element, String vr, long length) {
        tag(group, element);
        if (explicit) {
            out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
            if (vr.matches("OB|OD|OF|OL|OV|OW|SQ|SV|UC|UN|UR|UT|UV")) {
                out.writeBytes(new byte[2]);
                out.writeBytes(u32(length));
            } else {
                out.writeBytes(u16((int) length));
            }
        } else {
            out.writeBytes(u32(length));
        }
        return this;
    }

    /** An item (or delimiter) tag with a length: FFFE,E000 item, E00D item end, E0DD sequence end. */
    RawDicom item(int element, long length) {
        tag(0xFFFE, element);
        out.writeBytes(u32(length));
        return this;
    }

    RawDicom bytes(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    RawDicom zeros(int count) {
        return bytes(new byte[count]);
    }

    byte[] bytes() {
        return out.toByteArray();
    }

    Path writeTo(Path file) {
        try {
            return Files.write(file, bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A deflated Part 10 file: this meta header, then {@code dataSet} (explicit VR little endian) deflated. */
    static byte[] deflated(RawDicom dataSet) {
        RawDicom file = part10("1.2.840.10008.1.2.1.99");
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (DeflaterOutputStream deflating = new DeflaterOutputStream(compressed, new Deflater(9, true))) {
            deflating.write(dataSet.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        file.out.writeBytes(compressed.toByteArray());
        return file.bytes();
    }

    private void tag(int group, int element) {
        out.writeBytes(u16(group));
        out.writeBytes(u16(element));
    }

    private byte[] u16(int v) {
        return bigEndian ? new byte[] {(byte) (v >> 8), (byte) v} : new byte[] {(byte) v, (byte) (v >> 8)};
    }

    private byte[] u32(long v) {
        return bigEndian ? new byte[] {(byte) (v >> 24), (byte) (v >> 16), (byte) (v >> 8), (byte) v}
                : new byte[] {(byte) v, (byte) (v >> 8), (byte) (v >> 16), (byte) (v >> 24)};
    }
}
