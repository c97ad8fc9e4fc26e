package org.neuroarchive.dicom;

/**
 * Maps stored pixel values to 8-bit gray as a DICOM viewer does (PS3.3 C.11.2.1.2, linear VOI LUT): the
 * stored value is rescaled ({@code value = stored * slope + intercept}, the modality LUT), then the window
 * {@code center}/{@code width} selects the range shown from black to white; MONOCHROME1 is shown inverted.
 *
 * @param center    the window center, in rescaled units
 * @param width     the window width, at least 1
 * @param slope     RescaleSlope (1 when absent)
 * @param intercept RescaleIntercept (0 when absent)
 * @param inverted  MONOCHROME1: the lowest values are white
 */
public record WindowLevel(double center, double width, double slope, double intercept, boolean inverted) {

    public WindowLevel {
        if (!(width >= 1) || !Double.isFinite(center) || !Double.isFinite(slope) || slope == 0 || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("not a window: center " + center + ", width " + width + ", slope " + slope
                    + ", intercept " + intercept);
        }
    }

    /**
     * The window the object asks for (its first WindowCenter and WindowWidth) when it has a usable one,
     * otherwise the full range of this frame: its lowest stored value black, its highest white.
     */
    public static WindowLevel of(Double center, Double width, Double slope, Double intercept, boolean inverted,
                                 int minStored, int maxStored) {
        double s = slope == null || slope == 0 || !Double.isFinite(slope) ? 1 : slope;
        double i = intercept == null || !Double.isFinite(intercept) ? 0 : intercept;
        if (center != null && width != null && Double.isFinite(center) && width >= 1) {
            return new WindowLevel(center, width, s, i, inverted);
        }
        double low = Math.min(minStored * s + i, maxStored * s + i);
        double high = Math.max(minStored * s + i, maxStored * s + i);
        return new WindowLevel((low + high) / 2 + 0.5, high - low + 1, s, i, inverted);
    }

    /** The gray level (0 black … 255 white) of a stored pixel value. */
    public int gray(int stored) {
        double value = stored * slope + intercept;
        double c = center - 0.5;
        double w = width - 1;
        int level;
        if (value <= c - w / 2) {
            level = 0;
        } else if (value > c + w / 2) {
            level = 255;
        } else {
            level = (int) Math.round(((value - c) / w + 0.5) * 255);
        }
        level = Math.max(0, Math.min(255, level));
        return inverted ? 255 - level : level;
    }
}
