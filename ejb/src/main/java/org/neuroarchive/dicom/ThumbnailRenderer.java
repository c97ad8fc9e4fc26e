package org.neuroarchive.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.display.ConsumerFormatImageMaker;
import com.pixelmed.display.SourceImage;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import javax.imageio.ImageIO;

/**
 * Renders a small PNG of a DICOM image with PixelMed (NiDB's {@code thumb.png}): the middle frame, windowed
 * to 8 bits by PixelMed, scaled down to fit {@value #MAX_SIZE} pixels. Needs {@code -Djava.awt.headless=true}
 * on a server. Every way this can fail (not an image, a compression without a decoder here such as JPEG 2000
 * or JPEG-LS, an odd photometric interpretation, a frame too large for memory) ends in a
 * {@link ThumbnailException} with a reason, never in another exception.
 */
public class ThumbnailRenderer {

    /** The longest side of a thumbnail, in pixels (smaller images keep their size). */
    public static final int MAX_SIZE = 256;

    /**
     * Decoded pixel data above this size (64 MiB: a 4096x4096 16-bit frame, or a 512x512 multi-frame object of
     * 128 frames) is not rendered: PixelMed holds the whole object in memory, not just the middle frame.
     */
    public static final long DEFAULT_MAX_PIXEL_BYTES = 64L * 1024 * 1024;

    /** Rendering holds a decoded image in memory: a few at a time, whatever the number of archive threads. */
    private static final Semaphore RENDERING = new Semaphore(2);

    private final DicomReader reader = new DicomReader();
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
        DicomHeader header = readHeader(file);
        if (!header.isImage()) {
            throw new ThumbnailException("not an image (no Rows and Columns)");
        }
        Optional<String> noDecoder = PixelDecoders.missing(header);
        if (noDecoder.isPresent()) {
            throw new ThumbnailException(noDecoder.get());
        }
        long pixelBytes = decodedPixelBytes(header);
        if (pixelBytes > maxPixelBytes) {
            throw new ThumbnailException("image too large to render safely (" + pixelBytes / 1024 + " KiB of pixels, at most "
                    + maxPixelBytes / 1024 + ")");
        }
        ScanResult whole = scanWholeFile(file);
        if (whole.topLevelPixelDataLength() > maxPixelBytes) {
            throw new ThumbnailException("image too large to render safely (" + whole.topLevelPixelDataLength() / 1024
                    + " KiB of pixel data, at most " + maxPixelBytes / 1024 + ")");
        }
        try {
            RENDERING.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ThumbnailException("interrupted while waiting to render");
        }
        try {
            return scaled(eightBitMiddleFrame(file, whole.simplePixelData()));
        } catch (OutOfMemoryError e) {
            throw new ThumbnailException("not enough memory to render a " + header.columns() + "x" + header.rows()
                    + " image");
        } catch (RuntimeException | LinkageError e) {
            // PixelMed fails this way on photometric interpretations and encodings it does not support
            throw new ThumbnailException("PixelMed cannot display this image (" + e + ")");
        } finally {
            RENDERING.release();
        }
    }

    private DicomHeader readHeader(Path file) throws ThumbnailException {
        try {
            return reader.readHeader(file);
        } catch (DicomFormatException e) {
            throw new ThumbnailException(e.reason());
        } catch (NoSuchFileException e) {
            throw new ThumbnailException("the file is gone: " + file);
        } catch (IOException e) {
            throw new ThumbnailException("unreadable: " + e);
        }
    }

    /** PixelMed reads the whole file for a thumbnail: only what {@link ElementScan} found safe to read. */
    private ScanResult scanWholeFile(Path file) throws ThumbnailException {
        try {
            ScanResult whole = reader.scanWholeFile(file);
            if (whole.cut()) {
                throw new ThumbnailException(whole.reason());
            }
            return whole;
        } catch (DicomFormatException e) {
            throw new ThumbnailException(e.reason());
        } catch (NoSuchFileException e) {
            throw new ThumbnailException("the file is gone: " + file);
        }
    }

    private static long decodedPixelBytes(DicomHeader header) {
        long frames = header.numberOfFrames() == null || header.numberOfFrames() < 1 ? 1 : header.numberOfFrames();
        long samples = header.samplesPerPixel() == null || header.samplesPerPixel() < 1 ? 1 : header.samplesPerPixel();
        // PixelMed takes 16 bits when BitsAllocated is missing
        long bits = header.bitsAllocated() == null ? 16 : header.bitsAllocated();
        long bytes = bits <= 8 ? 1 : (bits + 7) / 8;
        return (long) header.rows() * header.columns() * frames * samples * bytes;
    }

    /**
     * Reads the whole file and makes an 8-bit frame. PixelMed decodes compressed pixel data while it reads
     * ({@code decompress}) only where the scan found it follows the fragments as the scan did (one
     * fragment per frame, nothing nested); otherwise it keeps the frames compressed and decodes the one
     * frame shown.
     */
    private static BufferedImage eightBitMiddleFrame(Path file, boolean decompress) throws ThumbnailException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024)) {
            AttributeList list = new AttributeList();
            list.setDecompressPixelData(decompress);
            list.read(new DicomInputStream(in));
            if (list.get(TagFromName.PixelData) == null) {
                throw new ThumbnailException("the image has no pixel data");
            }
            SourceImage source = new SourceImage(list);
            int frames = source.getNumberOfBufferedImages();
            if (frames < 1) {
                throw new ThumbnailException("PixelMed found no displayable frame");
            }
            BufferedImage frame = ConsumerFormatImageMaker.makeEightBitFrame(source, frames / 2);
            if (frame == null) {
                throw new ThumbnailException("PixelMed could not make an 8-bit frame");
            }
            return frame;
        } catch (DicomException e) {
            // e.g. "No reader for JPEG2000 available for Transfer Syntax 1.2.840.10008.1.2.4.91"
            throw new ThumbnailException(e.getMessage() == null ? e.toString() : e.getMessage());
        } catch (IOException e) {
            throw new ThumbnailException("unreadable: " + e);
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
