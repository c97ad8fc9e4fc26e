package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.PixelObjects;

class SliceRendererTest {

    private final SliceRenderer renderer = new SliceRenderer();

    @TempDir
    Path dir;

    @Test
    void sixteenBitPixelsAreShownFromTheirLowestToTheirHighestValue() throws Exception {
        Path file = PixelObjects.image().size(32, 48).pixels((f, x, y) -> 1000 + x * 50).writeTo(dir.resolve("u16.dcm"));

        BufferedImage png = ImageIO.read(new ByteArrayInputStream(renderer.renderPng(file, 1)));

        assertNotNull(png);
        assertEquals(48, png.getWidth(), "the image's own size");
        assertEquals(32, png.getHeight());
        assertEquals(0, gray(png, 0, 5));
        assertEquals(255, gray(png, 47, 5));
        assertEquals(128, gray(png, 24, 5), 3);
    }

    @Test
    void eightBitPixels() throws Exception {
        Path file = PixelObjects.image().bits(8, false).size(16, 16).pixels((f, x, y) -> 100 + x)
                .writeTo(dir.resolve("u8.dcm"));

        BufferedImage image = renderer.render(file, 1);

        assertEquals(0, gray(image, 0, 0));
        assertEquals(255, gray(image, 15, 0));
        assertEquals(BufferedImage.TYPE_BYTE_GRAY, image.getType());
    }

    @Test
    void signedPixelsKeepTheirSign() throws Exception {
        Path file = PixelObjects.image().bits(16, true).size(8, 21).pixels((f, x, y) -> (x - 10) * 100)
                .writeTo(dir.resolve("s16.dcm"));

        BufferedImage image = renderer.render(file, 1);

        assertEquals(0, gray(image, 0, 0), "-1000 is the lowest value, not 64536");
        assertEquals(128, gray(image, 10, 0), 1, "0 is in the middle");
        assertEquals(255, gray(image, 20, 0));
    }

    @Test
    void theFirstWindowOfTheObjectIsUsedAfterRescale() throws Exception {
        Path file = PixelObjects.image().size(4, 41).pixels((f, x, y) -> x * 10)
                .with("RescaleSlope", "2").with("RescaleIntercept", "-400")
                .with("WindowCenter", "0\\9999").with("WindowWidth", "200\\1").writeTo(dir.resolve("window.dcm"));

        BufferedImage image = renderer.render(file, 1);

        assertEquals(0, gray(image, 15, 0), "stored 150 is -100, the window's lower edge");
        assertEquals(128, gray(image, 20, 0), 1, "stored 200 is 0, the center");
        assertEquals(255, gray(image, 25, 0), "stored 250 is +100");
        assertEquals(255, gray(image, 40, 0));
    }

    @Test
    void aMultiFrameObjectIsRenderedFrameByFrame() throws Exception {
        Path file = PixelObjects.image().frames(3).size(10, 10).pixels((f, x, y) -> x < (f + 1) * 3 ? 0 : 500)
                .writeTo(dir.resolve("frames.dcm"));

        assertEquals(3, renderer.frames(file));
        for (int frame = 1; frame <= 3; frame++) {
            BufferedImage image = renderer.render(file, frame);
            assertEquals(0, gray(image, frame * 3 - 1, 0), "frame " + frame);
            assertEquals(255, gray(image, frame * 3, 0), "frame " + frame);
        }
        SliceRenderer.NoSuchFrameException e = assertThrows(SliceRenderer.NoSuchFrameException.class,
                () -> renderer.render(file, 4));
        assertEquals("no frame 4: the object has 3 frames", e.reason());
        assertThrows(SliceRenderer.NoSuchFrameException.class, () -> renderer.render(file, 0));
    }

    @Test
    void jpegLsAndJpeg2000AreDecodedThroughGdcmAsTheUncompressedObject() throws Exception {
        Path raw = PixelObjects.image().size(24, 40).pixels((f, x, y) -> x * 97 + y * 13).writeTo(dir.resolve("raw.dcm"));
        Path jpegLs = PixelObjects.compressed(raw, "--jpegls", dir.resolve("jls.dcm"));
        Path j2k = PixelObjects.compressed(raw, "--j2k", dir.resolve("j2k.dcm"));
        DicomReader reader = new DicomReader();
        assertEquals("1.2.840.10008.1.2.4.80", reader.readHeader(jpegLs).transferSyntaxUid());
        assertTrue(reader.readHeader(j2k).transferSyntaxUid().startsWith("1.2.840.10008.1.2.4.9"));

        int[] expected = pixels(renderer.render(raw, 1));
        assertArrayEquals(expected, pixels(renderer.render(jpegLs, 1)), "JPEG-LS lossless");
        assertArrayEquals(expected, pixels(renderer.render(j2k, 1)), "JPEG 2000 lossless");
        assertEquals(40, new ThumbnailRenderer().render(jpegLs).getWidth(), "the thumbnail too");
        assertEquals(40, new ThumbnailRenderer().render(j2k).getWidth());
    }

    @Test
    void notAnImageIsAReason() throws Exception {
        Path file = org.neuroarchive.testing.SyntheticSeries.mr().withoutPixels().instances(1).writeTo(dir, "raw").get(0);

        ThumbnailException e = assertThrows(ThumbnailException.class, () -> renderer.render(file, 1));
        assertTrue(e.reason().startsWith("not an image"), e.reason());
        assertThrows(ThumbnailException.class, () -> renderer.frames(file));
    }

    private static int gray(BufferedImage image, int x, int y) {
        return image.getRaster().getSample(x, y, 0);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRaster().getPixels(0, 0, image.getWidth(), image.getHeight(), (int[]) null);
    }
}
