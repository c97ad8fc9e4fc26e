package org.neuroarchive.dicom;

import java.util.Arrays;
import java.util.Locale;

/**
 * Acquisition parameters of one DICOM instance, as NiDB records them per series: MR (TR, TE, TI, flip
 * angle, field strength, slice thickness and spacing, pixel bandwidth, scanning sequence, sequence name,
 * image type) and CT (kVp, exposure, tube current, kernel, body part). Times are in ms, as in DICOM.
 * Strings are trimmed and never null (blank when absent); numbers are null when absent, malformed or not
 * finite.
 *
 * @param slicePosition  where the slice lies, as a comparable key: ImagePositionPatient in hundredths of a
 *                       millimetre ({@code "0\0\1250"}), else {@code "loc:"} and the SliceLocation; blank
 *                       when the header has neither
 * @param imagesInMosaic Siemens' NumberOfImagesInMosaic (0019,100A) of a mosaic image, else null
 */
public record AcquisitionParameters(
        Double repetitionTime,
        Double echoTime,
        Double inversionTime,
        Double flipAngle,
        Double magneticFieldStrength,
        Double sliceThickness,
        Double spacingBetweenSlices,
        Double pixelBandwidth,
        String scanningSequence,
        String sequenceName,
        String imageType,
        Double kvp,
        Double exposure,
        Double xRayTubeCurrent,
        String convolutionKernel,
        String bodyPartExamined,
        String slicePosition,
        Integer imagesInMosaic) {

    /** Nothing known (headers built without acquisition attributes). */
    public static final AcquisitionParameters NONE = new AcquisitionParameters(null, null, null, null, null, null,
            null, null, "", "", "", null, null, null, "", "", "", null);

    /**
     * An echo-planar series, whose files are volumes of a time series (BOLD, also diffusion): ScanningSequence
     * has the value EP, or SequenceName contains "epfid" or "epi" (Siemens {@code *epfid2d1_64}, GE {@code epi}).
     */
    public boolean isEpi() {
        boolean echoPlanar = Arrays.stream(scanningSequence.split("\\\\")).map(String::strip).anyMatch("EP"::equalsIgnoreCase);
        String sequence = sequenceName.toLowerCase(Locale.ROOT);
        return echoPlanar || sequence.contains("epfid") || sequence.contains("epi");
    }

    /** A Siemens mosaic: one file holds every slice of a volume as tiles (ImageType has the value MOSAIC). */
    public boolean isMosaic() {
        return Arrays.stream(imageType.split("\\\\")).map(String::strip).anyMatch("MOSAIC"::equalsIgnoreCase);
    }
}
