package org.neuroarchive.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeFactory;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherByteAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Writes one DICOM image with exactly the stored pixel values a test asks for (8 or 16 bits, unsigned or
 * signed, one or more frames, any extra attribute such as WindowCenter or RescaleSlope), uncompressed, and
 * compressed copies of it made with GDCM's {@code gdcmconv} (JPEG-LS, JPEG 2000), the tool the server decodes
 * them with.
 */
public final class PixelObjects {

    /** The stored value of a pixel. */
    @FunctionalInterface
    public interface Pixels {
        int value(int frame, int x, int y);
    }

    private int rows = 32;
    private int columns = 48;
    private int frames = 1;
    private int bits = 16;
    private boolean signed;
    private Pixels pixels = (frame, x, y) -> x * 10 + frame;
    private final Map<AttributeTag, String> extra = new LinkedHashMap<>();

    private PixelObjects() {
    }

    public static PixelObjects image() {
        return new PixelObjects();
    }

    public PixelObjects size(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        return this;
    }

    public PixelObjects frames(int count) {
        this.frames = count;
        return this;
    }

    /** 8 or 16 bits allocated and stored; signed or not. */
    public PixelObjects bits(int allocated, boolean signed) {
        this.bits = allocated;
        this.signed = signed;
        return this;
    }

    public PixelObjects pixels(Pixels values) {
        this.pixels = values;
        return this;
    }

    /** Sets an attribute by keyword, e.g. {@code with("WindowCenter", "100\\200")}. */
    public PixelObjects with(String keyword, String value) {
        extra.put(AttributeList.getDictionary().getTagFromName(keyword), value);
        return this;
    }

    /** Writes the object, explicit VR little endian. */
    public Path writeTo(Path file) throws IOException, DicomException {
        Files.createDirectories(file.getParent());
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, SOPClass.MRImageStorage);
        put(list, TagFromName.SOPInstanceUID, SyntheticSeries.newUid());
        put(list, TagFromName.StudyInstanceUID, SyntheticSeries.newUid());
        put(list, TagFromName.SeriesInstanceUID, SyntheticSeries.newUid());
        put(list, TagFromName.Modality, "MR");
        put(list, TagFromName.PatientID, "PIXELS");
        put(list, TagFromName.Rows, Integer.toString(rows));
        put(list, TagFromName.Columns, Integer.toString(columns));
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.BitsAllocated, Integer.toString(bits));
        put(list, TagFromName.BitsStored, Integer.toString(bits));
        put(list, TagFromName.HighBit, Integer.toString(bits - 1));
        put(list, TagFromName.PixelRepresentation, signed ? "1" : "0");
        if (frames > 1) {
            put(list, TagFromName.NumberOfFrames, Integer.toString(frames));
        }
        for (Map.Entry<AttributeTag, String> attribute : extra.entrySet()) {
            put(list, attribute.getKey(), attribute.getValue());
        }
        list.put(pixelData());
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "NEUROARCHIVE");
        list.write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        return file;
    }

    private Attribute pixelData() throws DicomException {
        int count = rows * columns * frames;
        if (bits == 8) {
            byte[] bytes = new byte[count + count % 2];
            fill((i, v) -> bytes[i] = (byte) v);
            Attribute data = new OtherByteAttribute(TagFromName.PixelData);
            data.setValues(bytes);
            return data;
        }
        short[] words = new short[count];
        fill((i, v) -> words[i] = (short) v);
        Attribute data = new OtherWordAttribute(TagFromName.PixelData);
        data.setValues(words);
        return data;
    }

    private interface Sink {
        void set(int index, int value);
    }

    private void fill(Sink sink) {
        int i = 0;
        for (int f = 0; f < frames; f++) {
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < columns; x++) {
                    sink.set(i++, pixels.value(f, x, y));
                }
            }
        }
    }

    /** A copy of {@code source} compressed by gdcmconv with {@code option} ({@code --jpegls}, {@code --j2k}). */
    public static Path compressed(Path source, String option, Path target) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("gdcmconv", option, source.toString(), target.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("gdcmconv " + option + " failed: " + output);
        }
        return target;
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = AttributeFactory.newAttribute(tag);
        attribute.addValue(value);
        list.put(attribute);
    }
}
