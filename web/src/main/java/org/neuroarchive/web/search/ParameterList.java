package org.neuroarchive.web.search;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.matching.entity.SeriesParameters;

/** The acquisition parameters of a series as the series page lists them: name and value, those present only. */
public final class ParameterList {

    /** One line of the list. */
    public record Parameter(String name, String value) {
    }

    private final List<Parameter> lines = new ArrayList<>();

    private ParameterList() {
    }

    public static List<Parameter> of(SeriesParameters p) {
        ParameterList list = new ParameterList();
        if (p == null) {
            return List.of();
        }
        list.add("TR", p.repetitionTime(), "ms");
        list.add("TE", p.echoTime(), "ms");
        list.add("TI", p.inversionTime(), "ms");
        list.add("Flip angle", p.flipAngle(), "°");
        list.add("Field strength", p.magneticFieldStrength(), "T");
        list.add("Slice thickness", p.sliceThickness(), "mm");
        list.add("Spacing between slices", p.spacingBetweenSlices(), "mm");
        list.add("Pixel bandwidth", p.pixelBandwidth(), "Hz/pixel");
        list.add("Scanning sequence", p.scanningSequence());
        list.add("Sequence name", p.sequenceName());
        list.add("Image type", p.imageType());
        list.add("Slices", p.numberOfSlices() == null ? null : p.numberOfSlices().toString());
        list.add("BOLD repetitions", p.boldRepetitions() == null ? null : p.boldRepetitions().toString());
        list.add("kVp", p.kvp(), "kV");
        list.add("Exposure", p.exposure(), "mAs");
        list.add("Tube current", p.xRayTubeCurrent(), "mA");
        list.add("Convolution kernel", p.convolutionKernel());
        list.add("Body part", p.bodyPartExamined());
        return List.copyOf(list.lines);
    }

    private void add(String name, Double value, String unit) {
        if (value != null && Double.isFinite(value)) {
            add(name, BigDecimal.valueOf(value).stripTrailingZeros().toPlainString() + " " + unit);
        }
    }

    private void add(String name, String value) {
        if (value != null && !value.isBlank()) {
            lines.add(new Parameter(name, value));
        }
    }
}
