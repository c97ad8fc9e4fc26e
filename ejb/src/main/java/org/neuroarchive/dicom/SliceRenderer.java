package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.ConsumerFormatImageMaker;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Renders one frame of a DICOM image at its own size for the slice browser, as PNG. Gray images are windowed by
 * {@link WindowLevel}: the object's first WindowCenter/WindowWidth after RescaleSlope/RescaleIntercept, else the
 * frame's lowest to highest value; color images are converted to 8-bit RGB by PixelMed. Compressed pixels are
 * decoded as for the thumbnail ({@link PixelSource}: JPEG-LS and JPEG 2000 through {@link ExternalDecoder}).
 * Every failure is a {@link ThumbnailException} with a reason.
 */
public class SliceRenderer {

    private final long maxPixelBytes;

    public SliceRenderer() {
        this(ThumbnailRenderer.DEFAULT_MAX_PIXEL_BYTES);
    }

    /** A renderer that refuses images whose decoded pixel data exceed {@code maxPixelBytes}. */
    public SliceRenderer(long maxPixelBytes) {
        this.maxPixelBytes = maxPixelBytes;
    }

    /** How many frames {@code file} has (1 for a single-frame image), from its header alone. */
    public int frames(Path file) throws ThumbnailException {
        DicomHeader header = PixelSource.readHeader(new DicomReader(), file);
        if (!header.isImage()) {
            throw new ThumbnailException("not an image (no Rows and Columns)");
        }
        return header.numberOfFrames() == null || header.numberOfFrames() < 1 ? 1 : header.numberOfFrames();
    }

    /** Frame {@code frame} (1 = the first) of {@code file} as PNG bytes. */
    public byte[] renderPng(Path file, int frame) throws ThumbnailException {
        BufferedImage image = render(file, frame);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", png);
        } catch (IOException e) {
            throw new ThumbnailException("PNG encoding failed: " + e.getMessage());
        }
        return png.toByteArray();
    }

    /** Frame {@code frame} (1 = the first) of {@code file}: 8-bit gray or RGB, at the image's size. */
    public BufferedImage render(Path file, int frame) throws ThumbnailException {
        try (PixelSource source = PixelSource.open(file, maxPixelBytes)) {
            int frames = source.image().getNumberOfBufferedImages();
            if (frame < 1 || frame > frames) {
                throw new NoSuchFrameException(frame, frames);
            }
            BufferedImage stored = source.image().getBufferedImage(frame - 1);
            if (stored.getColorModel().getNumColorComponents() == 1 && stored.getRaster().getNumBands() == 1) {
                return windowed(stored.getRaster(), source.attributes());
            }
            return rgb(ConsumerFormatImageMaker.makeEightBitFrame(source.image(), frame - 1));
        } catch (OutOfMemoryError e) {
            throw new ThumbnailException("not enough memory to render this image");
        } catch (RuntimeException | LinkageError e) {
            throw new ThumbnailException("PixelMed cannot display this image (" + e + ")");
        }
    }

    /** A frame number outside 1..the object's frames. */
    public static final class NoSuchFrameException extends ThumbnailException {

        private static final long serialVersionUID = 1L;

        NoSuchFrameException(int frame, int frames) {
            super("no frame " + frame + ": the object has " + frames + (frames == 1 ? " frame" : " frames"));
        }
    }

    /** Gray pixels through the object's window (or the frame's range). */
    static BufferedImage windowed(Raster raster, AttributeList attributes) {
        boolean signed = integer(attributes, TagFromName.PixelRepresentation) == 1;
        int bits = integer(attributes, TagFromName.BitsAllocated);
        int width = raster.getWidth();
        int height = raster.getHeight();
        int[] stored = raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, (int[]) null);
        int min = Integer.MAX_VALUE;
        int max = Integer.MIN_VALUE;
        for (int i = 0; i < stored.length; i++) {
            stored[i] = signed ? (bits <= 8 ? (byte) stored[i] : (short) stored[i]) : stored[i];
            min = Math.min(min, stored[i]);
            max = Math.max(max, stored[i]);
        }
        boolean inverted = "MONOCHROME1".equals(Attribute.getSingleStringValueOrEmptyString(attributes,
                TagFromName.PhotometricInterpretation).strip());
        WindowLevel window = WindowLevel.of(first(attributes, TagFromName.WindowCenter), first(attributes,
                TagFromName.WindowWidth), first(attributes, TagFromName.RescaleSlope),
                first(attributes, TagFromName.RescaleIntercept), inverted, min, max);
        BufferedImage gray = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster out = gray.getRaster();
        int[] levels = new int[stored.length];
        for (int i = 0; i < stored.length; i++) {
            levels[i] = window.gray(stored[i]);
        }
        out.setPixels(0, 0, width, height, levels);
        return gray;
    }

    private static int integer(AttributeList attributes, AttributeTag tag) {
        return Attribute.getSingleIntegerValueOrDefault(attributes, tag, 0);
    }

    /** The first value of a (possibly multi-valued) decimal attribute, null when absent or not a number. */
    private static Double first(AttributeList attributes, AttributeTag tag) {
        Attribute attribute = attributes.get(tag);
        if (attribute == null || attribute.getVM() < 1) {
            return null;
        }
        try {
            double[] values = attribute.getDoubleValues();
            return values == null || values.length == 0 || !Double.isFinite(values[0]) ? null : values[0];
        } catch (DicomException | RuntimeException notANumber) {
            return null;
        }
    }

    private static BufferedImage rgb(BufferedImage frame) throws ThumbnailException {
        if (frame == null) {
            throw new ThumbnailException("PixelMed could not make an 8-bit frame");
        }
        BufferedImage rgb = new BufferedImage(frame.getWidth(), frame.getHeight(), BufferedImage.TYPE_INT_RGB);
        rgb.getGraphics().drawImage(frame, 0, 0, null);
        return rgb;
    }
}
