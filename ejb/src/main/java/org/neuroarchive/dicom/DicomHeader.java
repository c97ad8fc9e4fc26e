package org.neuroarchive.dicom;

/**
 * The attributes of one DICOM instance that the import needs, read from its header.
 * Strings are trimmed and never null (blank when the attribute is absent); numbers are null when
 * absent or not a number. No PixelMed type leaks out of this package. The acquisition parameters
 * recorded per series (TR, TE, kVp…) are grouped in {@link AcquisitionParameters}.
 */
public record DicomHeader(
        String sopClassUid,
        String sopInstanceUid,
        String studyInstanceUid,
        String seriesInstanceUid,
        String transferSyntaxUid,
        String patientId,
        String patientName,
        String patientSex,
        String patientBirthDate,
        String modality,
        String studyDate,
        String studyTime,
        String studyId,
        String studyDescription,
        String seriesDate,
        String seriesTime,
        String seriesDescription,
        String protocolName,
        Integer seriesNumber,
        Integer instanceNumber,
        Integer acquisitionNumber,
        String acquisitionTime,
        String contentTime,
        Integer rows,
        Integer columns,
        Integer numberOfFrames,
        Integer samplesPerPixel,
        Integer bitsAllocated,
        String photometricInterpretation,
        AcquisitionParameters acquisition) {

    public DicomHeader {
        acquisition = acquisition == null ? AcquisitionParameters.NONE : acquisition;
    }

    /** A header without acquisition parameters (tests and tools that need identity only). */
    public DicomHeader(String sopClassUid, String sopInstanceUid, String studyInstanceUid, String seriesInstanceUid,
                       String transferSyntaxUid, String patientId, String patientName, String patientSex,
                       String patientBirthDate, String modality, String studyDate, String studyTime, String studyId,
                       String studyDescription, String seriesDate, String seriesTime, String seriesDescription,
                       String protocolName, Integer seriesNumber, Integer instanceNumber, Integer acquisitionNumber,
                       String acquisitionTime, String contentTime, Integer rows, Integer columns, Integer numberOfFrames,
                       Integer samplesPerPixel, Integer bitsAllocated, String photometricInterpretation) {
        this(sopClassUid, sopInstanceUid, studyInstanceUid, seriesInstanceUid, transferSyntaxUid, patientId, patientName,
                patientSex, patientBirthDate, modality, studyDate, studyTime, studyId, studyDescription, seriesDate,
                seriesTime, seriesDescription, protocolName, seriesNumber, instanceNumber, acquisitionNumber,
                acquisitionTime, contentTime, rows, columns, numberOfFrames, samplesPerPixel, bitsAllocated,
                photometricInterpretation, AcquisitionParameters.NONE);
    }

    /** True for objects that carry an image (Rows and Columns present). */
    public boolean isImage() {
        return rows != null && columns != null;
    }

    /** Number of pixel bytes a native (uncompressed) encoding of this image holds, or -1 if unknown. */
    public long expectedNativePixelBytes() {
        if (!isImage() || bitsAllocated == null) {
            return -1;
        }
        long frames = numberOfFrames == null || numberOfFrames < 1 ? 1 : numberOfFrames;
        long samples = samplesPerPixel == null || samplesPerPixel < 1 ? 1 : samplesPerPixel;
        if (samples == 3 && photometricInterpretation.endsWith("_422")) {
            // YBR_FULL_422 / YBR_PARTIAL_422: chrominance is sampled at half the horizontal rate, so a
            // native encoding holds Y Y Cb Cr per pair of pixels: two values per pixel, not three
            samples = 2;
        }
        long bits = (long) rows * columns * samples * frames * bitsAllocated;
        return (bits + 7) / 8;
    }
}
