package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.IntStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

class ThumbnailRendererTest {

    private final ThumbnailRenderer renderer = new ThumbnailRenderer();

    @TempDir
    Path dir;

    @Test
    void rendersADecodablePngScaledToFit() throws Exception {
        Path file = SyntheticSeries.mr().size(512, 384).instances(1).writeTo(dir, "mr").get(0);

        byte[] png = renderer.renderPng(file);

        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "ImageIO decodes the PNG");
        assertEquals(ThumbnailRenderer.MAX_SIZE, image.getHeight(), "the longest side fits");
        assertEquals(192, image.getWidth(), "aspect ratio kept");
        long grays = IntStream.range(0, image.getWidth()).map(x -> image.getRaster().getSample(x, 96, 0)).distinct().count();
        assertTrue(grays > 10, "a windowed gradient, not a flat image: " + grays + " gray levels");
        assertTrue(png.length < 200_000, png.length + " bytes");
    }

    @Test
    void smallImagesKeepTheirSize() throws Exception {
        Path file = SyntheticSeries.mr().size(16, 16).instances(1).writeTo(dir, "mr").get(0);

        BufferedImage image = renderer.render(file);

        assertEquals(16, image.getWidth());
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
    }

    @Test
    void anImageTooLargeForMemoryIsRefusedBeforeItsPixelsAreRead() throws Exception {
        Path file = SyntheticSeries.mr().size(128, 128).instances(1).writeTo(dir, "big").get(0);

        ThumbnailException e = assertThrows(ThumbnailException.class, () -> new ThumbnailRenderer(16 * 1024).renderPng(file));
        assertTrue(e.reason().startsWith("image too large"), e.reason());
        assertEquals(128, new ThumbnailRenderer(32 * 1024).render(file).getWidth(), "128x128x2 bytes = 32 KiB is allowed");
    }

    @Test
    void anObjectWithoutPixelsHasNoThumbnail() {
        Path file = SyntheticSeries.mr().withoutPixels().instances(1).writeTo(dir, "raw").get(0);

        ThumbnailException e = assertThrows(ThumbnailException.class, () -> renderer.renderPng(file));
        assertTrue(e.reason().startsWith("not an image"), e.reason());
    }

    @Test
    void aPixelEncodingPixelMedCannotDisplayIsAReasonNotACrash() {
        Path file = SyntheticSeries.mr().bitsAllocated(32).instances(1).writeTo(dir, "wide").get(0);

        ThumbnailException e = assertThrows(ThumbnailException.class, () -> renderer.renderPng(file));
        assertTrue(e.reason().contains("32 bit"), e.reason());
    }

    @Test
    void aFileThatIsNotDicomHasNoThumbnail() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.dcm"), "not an image\n".repeat(50), StandardCharsets.UTF_8);

        assertThrows(ThumbnailException.class, () -> renderer.renderPng(text));
        assertThrows(ThumbnailException.class, () -> renderer.renderPng(dir.resolve("gone.dcm")));
    }

    @Test
    void aCompressionWithoutDecoderIsAReasonNotACrash() {
        // 12-bit JPEG extended: the JDK's JPEG reader refuses it, and GDCM is asked only for JPEG-LS and JPEG 2000
        Path jpeg12 = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/JPEG-lossy.dcm");
        Assumptions.assumeTrue(Files.isRegularFile(jpeg12), "python3-pydicom is not installed");

        ThumbnailException e = assertThrows(ThumbnailException.class, () -> renderer.renderPng(jpeg12));
        assertTrue(e.reason().startsWith("no JPEG extended decoder"), e.reason());
    }
}
