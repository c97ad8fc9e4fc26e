package org.neuroarchive.testing;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.LongStringAttribute;
import com.pixelmed.dicom.OtherWordAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.UnsignedShortAttribute;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Generates small, valid DICOM series with PixelMed for tests: one Part 10 file per instance,
 * explicit VR little endian, 16-bit monochrome pixels with a per-instance gradient. Acquisition
 * attributes (TR, TE, kVp…) are added by keyword with {@link #with}; slices repeat every
 * {@link #slicesPerVolume} instances, as in a time series.
 */
public final class SyntheticSeries {

    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000_000L);
    private static final String ROOT = "2.25.424242";

    private String patientId = "P0001";
    private String patientName = "Doe^Jane";
    private String patientSex = "F";
    private String patientBirthDate = "19800101";
    private String modality = "MR";
    private String sopClassUid = SOPClass.MRImageStorage;
    private String studyInstanceUid = newUid();
    private String seriesInstanceUid = newUid();
    private String studyDate = "20260102";
    private String studyTime = "101500";
    private String studyDescription = "Brain^Research";
    private String seriesDescription = "T1 MPRAGE";
    private String protocolName = "t1_mprage_sag";
    private int seriesNumber = 1;
    private int instances = 3;
    private int rows = 16;
    private int columns = 16;
    private int[] instanceNumbers;
    private int slicesPerVolume;
    private int bitsAllocated = 16;
    private boolean image = true;
    private Integer imagesInMosaic;
    private final Map<AttributeTag, String> extra = new LinkedHashMap<>();

    private SyntheticSeries() {
    }

    public static SyntheticSeries mr() {
        return new SyntheticSeries();
    }

    public static String newUid() {
        return ROOT + "." + System.currentTimeMillis() + "." + COUNTER.incrementAndGet();
    }

    public SyntheticSeries patient(String id, String name) {
        this.patientId = id;
        this.patientName = name;
        return this;
    }

    public SyntheticSeries modality(String code, String sopClass) {
        this.modality = code;
        this.sopClassUid = sopClass;
        return this;
    }

    public SyntheticSeries study(String uid, String date, String time, String description) {
        this.studyInstanceUid = uid;
        this.studyDate = date;
        this.studyTime = time;
        this.studyDescription = description;
        return this;
    }

    public SyntheticSeries series(int number, String description) {
        this.seriesNumber = number;
        this.seriesDescription = description;
        this.seriesInstanceUid = newUid();
        return this;
    }

    public SyntheticSeries instances(int count) {
        this.instances = count;
        this.instanceNumbers = null;
        return this;
    }

    /** One instance per number, e.g. {@code 1, 2, 4} for a series with InstanceNumber 3 missing. */
    public SyntheticSeries instanceNumbers(int... numbers) {
        this.instanceNumbers = numbers.clone();
        this.instances = numbers.length;
        return this;
    }

    /**
     * Instance n lies at slice ((n - 1) mod {@code slices}) + 1 (ImagePositionPatient z, in mm), as in a
     * time series of volumes; 0 (the default) puts every instance at its own position.
     */
    public SyntheticSeries slicesPerVolume(int slices) {
        this.slicesPerVolume = slices;
        return this;
    }

    /** Sets (or replaces) an attribute by its DICOM keyword, e.g. {@code with("RepetitionTime", "2000")}. */
    public SyntheticSeries with(String keyword, String value) {
        AttributeTag tag = AttributeList.getDictionary().getTagFromName(keyword);
        if (tag == null) {
            throw new IllegalArgumentException("unknown DICOM keyword " + keyword);
        }
        extra.put(tag, value);
        return this;
    }

    /** A Siemens mosaic: ImageType ends in MOSAIC and the private NumberOfImagesInMosaic is set. */
    public SyntheticSeries siemensMosaic(int images) {
        this.imagesInMosaic = images;
        return with("ImageType", "ORIGINAL\\PRIMARY\\M\\ND\\MOSAIC");
    }

    /** Pixels of 8, 16 or 32 bits (32-bit grayscale is legal DICOM that PixelMed cannot display). */
    public SyntheticSeries bitsAllocated(int bits) {
        this.bitsAllocated = bits;
        return this;
    }

    /** Objects without pixels (no Rows, Columns or PixelData), e.g. raw data or a report. */
    public SyntheticSeries withoutPixels() {
        this.image = false;
        return this;
    }

    public SyntheticSeries size(int rows, int columns) {
        this.rows = rows;
        this.columns = columns;
        return this;
    }

    public String studyInstanceUid() {
        return studyInstanceUid;
    }

    public String seriesInstanceUid() {
        return seriesInstanceUid;
    }

    /** Writes the series into {@code dir} as {@code <prefix>-<n>.dcm}; returns the files in order. */
    public List<Path> writeTo(Path dir, String prefix) {
        try {
            Files.createDirectories(dir);
            List<Path> files = new ArrayList<>();
            int[] numbers = instanceNumbers != null ? instanceNumbers : IntStream.rangeClosed(1, instances).toArray();
            for (int i : numbers) {
                Path file = dir.resolve(prefix + "-" + i + ".dcm");
                build(i, newUid()).write(file.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
                files.add(file);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DicomException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The attribute list of instance {@code number} (1-based) with the given SOPInstanceUID. */
    public AttributeList build(int number, String sopInstanceUid) throws DicomException {
        AttributeList list = new AttributeList();
        put(list, TagFromName.SOPClassUID, sopClassUid);
        put(list, TagFromName.SOPInstanceUID, sopInstanceUid);
        put(list, TagFromName.StudyInstanceUID, studyInstanceUid);
        put(list, TagFromName.SeriesInstanceUID, seriesInstanceUid);
        put(list, TagFromName.PatientID, patientId);
        put(list, TagFromName.PatientName, patientName);
        put(list, TagFromName.PatientSex, patientSex);
        put(list, TagFromName.PatientBirthDate, patientBirthDate);
        put(list, TagFromName.Modality, modality);
        put(list, TagFromName.StudyDate, studyDate);
        put(list, TagFromName.StudyTime, studyTime);
        put(list, TagFromName.StudyID, "1");
        put(list, TagFromName.StudyDescription, studyDescription);
        put(list, TagFromName.SeriesDate, studyDate);
        put(list, TagFromName.SeriesTime, studyTime);
        put(list, TagFromName.SeriesDescription, seriesDescription);
        put(list, TagFromName.ProtocolName, protocolName);
        put(list, TagFromName.SeriesNumber, Integer.toString(seriesNumber));
        put(list, TagFromName.InstanceNumber, Integer.toString(number));
        put(list, TagFromName.AcquisitionNumber, "1");
        put(list, TagFromName.AcquisitionTime, studyTime + ".250000");
        put(list, TagFromName.ContentTime, studyTime + ".500000");
        int slice = slicesPerVolume > 0 ? (number - 1) % slicesPerVolume + 1 : number;
        put(list, TagFromName.ImagePositionPatient, "0\\0\\" + slice);
        put(list, TagFromName.SliceThickness, "1");
        for (Map.Entry<AttributeTag, String> attribute : extra.entrySet()) {
            put(list, attribute.getKey(), attribute.getValue());
        }
        if (imagesInMosaic != null) {
            Attribute creator = new LongStringAttribute(new AttributeTag(0x0019, 0x0010));
            creator.addValue("SIEMENS MR HEADER");
            list.put(creator);
            Attribute mosaic = new UnsignedShortAttribute(new AttributeTag(0x0019, 0x100A));
            mosaic.addValue(imagesInMosaic);
            list.put(mosaic);
        }
        if (image) {
            addPixels(list, number);
        }
        FileMetaInformation.addFileMetaInformation(list, TransferSyntax.ExplicitVRLittleEndian, "NEUROARCHIVE");
        return list;
    }

    private void addPixels(AttributeList list, int number) throws DicomException {
        int stored = bitsAllocated == 16 ? 12 : bitsAllocated;
        put(list, TagFromName.Rows, Integer.toString(rows));
        put(list, TagFromName.Columns, Integer.toString(columns));
        put(list, TagFromName.SamplesPerPixel, "1");
        put(list, TagFromName.PhotometricInterpretation, "MONOCHROME2");
        put(list, TagFromName.BitsAllocated, Integer.toString(bitsAllocated));
        put(list, TagFromName.BitsStored, Integer.toString(stored));
        put(list, TagFromName.HighBit, Integer.toString(stored - 1));
        put(list, TagFromName.PixelRepresentation, "0");
        // 16-bit words: two pixels each for 8 bits, half a pixel each for 32 bits
        short[] words = new short[rows * columns * bitsAllocated / 16];
        for (int p = 0; p < words.length; p++) {
            words[p] = (short) ((p * 7 + number * 13) % (1 << Math.min(stored, 12)));
        }
        Attribute pixelData = new OtherWordAttribute(TagFromName.PixelData);
        pixelData.setValues(words);
        list.put(pixelData);
    }

    private static void put(AttributeList list, AttributeTag tag, String value) throws DicomException {
        Attribute attribute = AttributeList.getDictionary().getValueRepresentationFromTag(tag) == null
                ? null
                : com.pixelmed.dicom.AttributeFactory.newAttribute(tag);
        if (attribute == null) {
            throw new IllegalArgumentException("unknown tag " + tag);
        }
        attribute.addValue(value);
        list.put(attribute);
    }
}
