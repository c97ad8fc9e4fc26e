package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real JPEG 2000 and JPEG-LS objects (the pydicom corpus; PixelMed has no decoder for either here):
 * storing reads them structurally and accepts them, and their thumbnail is rendered after GDCM's
 * {@code gdcmconv} decoded them ({@link ExternalDecoder}), with nothing logged as a failure.
 */
class CompressedPixelsTest {

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");
    private static final List<String> OUTSIDE_PIXELMED = List.of("MR_small_jp2klossless.dcm", "JPEG2000.dcm",
            "693_J2KI.dcm", "GDCMJ2K_TextGBR.dcm", "MR_small_jpeg_ls_lossless.dcm");

    @TempDir
    Path dir;

    @Test
    void jpeg2000AndJpegLsObjectsAreArchivableAndGetAThumbnailThroughGdcm() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "python3-pydicom is not installed");
        assertTrue(Files.isExecutable(ExternalDecoder.GDCMCONV), "libgdcm-tools is a prerequisite (gdcmconv)");
        List<Path> files = new ArrayList<>();
        OUTSIDE_PIXELMED.forEach(name -> files.add(CORPUS.resolve(name)));
        // the same slice with its codestream in three fragments, as some senders write it: PixelMed then
        // decodes while displaying (not while reading) and logged the missing decoder as SEVERE
        files.add(splitFragments(CORPUS.resolve("MR_small_jp2klossless.dcm"), dir.resolve("jp2k-fragments.dcm")));

        List<LogRecord> logged = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getThrown() != null || record.getLevel().intValue() >= Level.WARNING.intValue()) {
                    logged.add(record);
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try {
            for (Path file : files) {
                InspectedInstance inspected = new DicomReader().inspect(file);
                assertEquals(Files.size(file), inspected.size(), file.toString());

                java.awt.image.BufferedImage thumbnail = javax.imageio.ImageIO.read(
                        new java.io.ByteArrayInputStream(new ThumbnailRenderer().renderPng(file)));
                assertEquals(Math.min(ThumbnailRenderer.MAX_SIZE, Math.max(inspected.header().rows(),
                        inspected.header().columns())), Math.max(thumbnail.getWidth(), thumbnail.getHeight()), file.toString());
            }
        } finally {
            root.removeHandler(capture);
        }
        assertEquals(List.of(), logged.stream().map(r -> r.getLoggerName() + " " + r.getLevel() + " " + r.getThrown()).toList(),
                "nothing logged as a failure");
    }

    /** {@code source}, a single-frame encapsulated file, with its one fragment cut in three. */
    static Path splitFragments(Path source, Path target) throws Exception {
        byte[] bytes = Files.readAllBytes(source);
        int pixelData = lastIndexOf(bytes, new byte[] {(byte) 0xE0, 0x7F, 0x10, 0x00}); // then OB or OW, 0, undefined
        ByteBuffer in = ByteBuffer.wrap(bytes, pixelData + 12, bytes.length - pixelData - 12).order(ByteOrder.LITTLE_ENDIAN);
        in.getInt(); // offset table item
        int offsetTable = in.getInt();
        in.position(in.position() + offsetTable);
        in.getInt();
        byte[] frame = new byte[in.getInt()];
        in.get(frame);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, pixelData + 12);
        item(out, new byte[0]);
        int third = frame.length / 3 & ~1;
        item(out, java.util.Arrays.copyOfRange(frame, 0, third));
        item(out, java.util.Arrays.copyOfRange(frame, third, 2 * third));
        item(out, java.util.Arrays.copyOfRange(frame, 2 * third, frame.length));
        out.write(new byte[] {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0});
        return Files.write(target, out.toByteArray());
    }

    private static void item(ByteArrayOutputStream out, byte[] value) {
        out.writeBytes(new byte[] {(byte) 0xFE, (byte) 0xFF, 0x00, (byte) 0xE0});
        out.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(value.length).array());
        out.writeBytes(value);
    }

    private static int lastIndexOf(byte[] bytes, byte[] pattern) {
        for (int i = bytes.length - pattern.length; i >= 0; i--) {
            if (java.util.Arrays.equals(bytes, i, i + pattern.length, pattern, 0, pattern.length)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no encapsulated pixel data");
    }
}
