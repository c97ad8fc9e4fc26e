package org.neuroarchive.matching.entity;

/**
 * What NiDB records per series besides counts and descriptions: MR parameters (times in ms, flip angle in
 * degrees, field strength in tesla, thickness and spacing in mm, bandwidth in Hz/pixel), the number of
 * slices and, for echo-planar series, of repetitions (volumes), and CT parameters (kVp, exposure in mAs,
 * tube current in mA, reconstruction kernel, body part). Null when the headers do not say.
 */
public record SeriesParameters(
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
        Integer numberOfSlices,
        Integer boldRepetitions,
        Double kvp,
        Double exposure,
        Double xRayTubeCurrent,
        String convolutionKernel,
        String bodyPartExamined) {
}
