package org.neuroarchive.testing;

import java.util.concurrent.atomic.AtomicLong;
import org.neuroarchive.dicom.AcquisitionParameters;
import org.neuroarchive.dicom.DicomHeader;

/**
 * A {@link DicomHeader} for tests, named field by field instead of thirty positional arguments. It starts
 * as one slice of a fileable MR series (PatientID {@code P1}, StudyDate/Time 2026-01-02 10:15:00,
 * SeriesNumber 1, a 16×16 16-bit image, a fresh SOPInstanceUID); a test sets what it is about.
 */
public final class DicomHeaderBuilder {

    public static final String MR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.4";
    public static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";

    private static final AtomicLong INSTANCES = new AtomicLong();

    private String sopClassUid = MR_IMAGE_STORAGE;
    private String sopInstanceUid = "1.2.826.0.1.3680043.9.7433.9." + INSTANCES.incrementAndGet();
    private String studyInstanceUid = "1.2.3";
    private String seriesInstanceUid = "1.2.3.5";
    private String transferSyntaxUid = EXPLICIT_VR_LITTLE_ENDIAN;
    private String patientId = "P1";
    private String patientName = "Doe^Jane";
    private String patientSex = "F";
    private String patientBirthDate = "19800101";
    private String modality = "MR";
    private String studyDate = "20260102";
    private String studyTime = "101500";
    private String studyId = "1";
    private String studyDescription = "Brain";
    private String seriesDate = "20260102";
    private String seriesTime = "101500";
    private String seriesDescription = "T1";
    private String protocolName = "t1_mprage";
    private Integer seriesNumber = 1;
    private Integer instanceNumber = 1;
    private Integer acquisitionNumber = 1;
    private String acquisitionTime = "";
    private String contentTime = "";
    private Integer rows = 16;
    private Integer columns = 16;
    private Integer numberOfFrames;
    private Integer samplesPerPixel = 1;
    private Integer bitsAllocated = 16;
    private String photometricInterpretation = "MONOCHROME2";
    private AcquisitionParameters acquisition = AcquisitionParameters.NONE;

    private DicomHeaderBuilder() {
    }

    /** One slice of a fileable MR series; see the class comment for its values. */
    public static DicomHeaderBuilder mr() {
        return new DicomHeaderBuilder();
    }

    public DicomHeader build() {
        return new DicomHeader(sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, transferSyntaxUid,
                patientId, patientName, patientSex, patientBirthDate, modality, studyDate, studyTime, studyId,
                studyDescription, seriesDate, seriesTime, seriesDescription, protocolName, seriesNumber, instanceNumber,
                acquisitionNumber, acquisitionTime, contentTime, rows, columns, numberOfFrames, samplesPerPixel,
                bitsAllocated, photometricInterpretation, acquisition);
    }

    public DicomHeaderBuilder sopClassUid(String value) {
        sopClassUid = value;
        return this;
    }

    public DicomHeaderBuilder sopInstanceUid(String value) {
        sopInstanceUid = value;
        return this;
    }

    public DicomHeaderBuilder studyInstanceUid(String value) {
        studyInstanceUid = value;
        return this;
    }

    public DicomHeaderBuilder seriesInstanceUid(String value) {
        seriesInstanceUid = value;
        return this;
    }

    public DicomHeaderBuilder transferSyntaxUid(String value) {
        transferSyntaxUid = value;
        return this;
    }

    /** PatientID and PatientName. */
    public DicomHeaderBuilder patient(String id, String name) {
        patientId = id;
        patientName = name;
        return this;
    }

    public DicomHeaderBuilder patientId(String value) {
        patientId = value;
        return this;
    }

    public DicomHeaderBuilder patientName(String value) {
        patientName = value;
        return this;
    }

    public DicomHeaderBuilder patientSex(String value) {
        patientSex = value;
        return this;
    }

    public DicomHeaderBuilder patientBirthDate(String value) {
        patientBirthDate = value;
        return this;
    }

    public DicomHeaderBuilder modality(String value) {
        modality = value;
        return this;
    }

    /** StudyDate and StudyTime (DA and TM values). */
    public DicomHeaderBuilder studyAt(String date, String time) {
        studyDate = date;
        studyTime = time;
        return this;
    }

    public DicomHeaderBuilder studyId(String value) {
        studyId = value;
        return this;
    }

    public DicomHeaderBuilder studyDescription(String value) {
        studyDescription = value;
        return this;
    }

    /** SeriesDate and SeriesTime (DA and TM values). */
    public DicomHeaderBuilder seriesAt(String date, String time) {
        seriesDate = date;
        seriesTime = time;
        return this;
    }

    public DicomHeaderBuilder seriesDescription(String value) {
        seriesDescription = value;
        return this;
    }

    public DicomHeaderBuilder protocolName(String value) {
        protocolName = value;
        return this;
    }

    public DicomHeaderBuilder seriesNumber(Integer value) {
        seriesNumber = value;
        return this;
    }

    public DicomHeaderBuilder instanceNumber(Integer value) {
        instanceNumber = value;
        return this;
    }

    public DicomHeaderBuilder acquisitionNumber(Integer value) {
        acquisitionNumber = value;
        return this;
    }

    public DicomHeaderBuilder acquisitionTime(String value) {
        acquisitionTime = value;
        return this;
    }

    public DicomHeaderBuilder contentTime(String value) {
        contentTime = value;
        return this;
    }

    /** Rows and Columns (both null: not an image). */
    public DicomHeaderBuilder image(Integer rowCount, Integer columnCount) {
        rows = rowCount;
        columns = columnCount;
        return this;
    }

    public DicomHeaderBuilder numberOfFrames(Integer value) {
        numberOfFrames = value;
        return this;
    }

    public DicomHeaderBuilder samplesPerPixel(Integer value) {
        samplesPerPixel = value;
        return this;
    }

    public DicomHeaderBuilder bitsAllocated(Integer value) {
        bitsAllocated = value;
        return this;
    }

    public DicomHeaderBuilder photometricInterpretation(String value) {
        photometricInterpretation = value;
        return this;
    }

    public DicomHeaderBuilder acquisition(AcquisitionParameters value) {
        acquisition = value;
        return this;
    }
}
