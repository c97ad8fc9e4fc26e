package org.neuroarchive.dicom;

import com.pixelmed.display.ConsumerFormatImageMaker;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders a small PNG of a DICOM image with PixelMed (NiDB's {@code thumb.png}): the middle frame, windowed
 * to 8 bits by PixelMed, scaled down to fit {@value #MAX_SIZE} pixels. Needs {@code -Djava.awt.headless=true}
 * on a server. JPEG-LS and JPEG 2000 pixels are decoded with GDCM first ({@link ExternalDecoder}). Every way
 * this can fail (not an image, a compression without a decoder here, an odd photometric interpretation, a frame
 * too large for memory) ends in a {@link ThumbnailException} with a reason, never in another exception.
 */
public class ThumbnailRenderer {

    /** The longest side of a thumbnail, in pixels (smaller images keep their size). */
    public static final int MAX_SIZE = 256;

    /**
     * Decoded pixel data above this size (64 MiB: a 4096x4096 16-bit frame, or a 512x512 multi-frame object of
     * 128 frames) is not rendered: PixelMed holds the whole object in memory, not just the middle frame.
     */
    public static final long DEFAULT_MAX_PIXEL_BYTES = 64L * 1024 * 1024;

    private final long maxPixelBytes;

    public ThumbnailRenderer() {
        this(DEFAULT_MAX_PIXEL_BYTES);
    }

    /** A renderer that refuses images whose decoded pixel data exceed {@code maxPixelBytes}. */
    public ThumbnailRenderer(long maxPixelBytes) {
        this.maxPixelBytes = maxPixelBytes;
    }

    /** The thumbnail of {@code file} as PNG bytes. */
    public byte[] renderPng(Path file) throws ThumbnailException {
        BufferedImage image = render(file);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new ThumbnailException("no PNG encoder for a " + image.getColorModel().getNumComponents()
                        + "-component image");
            }
        } catch (IOException e) {
            throw new ThumbnailException("PNG encoding failed: " + e.getMessage());
        }
        return png.toByteArray();
    }

    /** The thumbnail of {@code file}: 8 bits per channel, gray or RGB, at most {@value #MAX_SIZE} pixels a side. */
    public BufferedImage render(Path file) throws ThumbnailException {
        try (PixelSource source = PixelSource.open(file, maxPixelBytes)) {
            int frames = source.image().getNumberOfBufferedImages();
            BufferedImage frame = ConsumerFormatImageMaker.makeEightBitFrame(source.image(), frames / 2);
            if (frame == null) {
                throw new ThumbnailException("PixelMed could not make an 8-bit frame");
            }
            return scaled(frame);
        } catch (OutOfMemoryError e) {
            throw new ThumbnailException("not enough memory to render this image");
        } catch (RuntimeException | LinkageError e) {
            // PixelMed fails this way on photometric interpretations and encodings it does not support
            throw new ThumbnailException("PixelMed cannot display this image (" + e + ")");
        }
    }

    /** Redraws into a plain 8-bit gray or RGB image (PNG-friendly), scaled down to fit {@link #MAX_SIZE}. */
    private static BufferedImage scaled(BufferedImage frame) {
        double factor = Math.min(1.0, (double) MAX_SIZE / Math.max(frame.getWidth(), frame.getHeight()));
        int width = Math.max(1, (int) Math.round(frame.getWidth() * factor));
        int height = Math.max(1, (int) Math.round(frame.getHeight() * factor));
        boolean gray = frame.getColorModel().getNumColorComponents() == 1;
        BufferedImage thumbnail = new BufferedImage(width, height, gray ? BufferedImage.TYPE_BYTE_GRAY : BufferedImage.TYPE_INT_RGB);
        Graphics2D g = thumbnail.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.drawImage(frame, 0, 0, width, height, null);
        } finally {
            g.dispose();
        }
        return thumbnail;
    }
}
