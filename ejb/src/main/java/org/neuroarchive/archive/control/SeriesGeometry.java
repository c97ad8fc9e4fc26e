package org.neuroarchive.archive.control;

import org.neuroarchive.dicom.AcquisitionParameters;

/**
 * Number of slices and of BOLD repetitions (volumes) of a series, from the latest header and what is known
 * of every archived instance. The rules, in order:
 * <ul>
 * <li>slices: a Siemens mosaic counts the images in its mosaic (NumberOfImagesInMosaic); a multi-frame
 * object counts its frames; otherwise the distinct slice positions (ImagePositionPatient to 0.01 mm, else
 * SliceLocation) over all archived instances; unknown when no instance has a position.</li>
 * <li>BOLD repetitions, only for an echo-planar series ({@link AcquisitionParameters#isEpi()}): a mosaic
 * holds one volume per file, so the number of files; otherwise files / distinct slice positions (rounded
 * down); unknown for multi-frame objects (per-frame positions are not analysed) and without positions.</li>
 * </ul>
 */
public final class SeriesGeometry {

    private SeriesGeometry() {
    }

    public static Integer slices(AcquisitionParameters latest, Integer numberOfFrames, int distinctPositions) {
        if (latest.isMosaic() && latest.imagesInMosaic() != null) {
            return latest.imagesInMosaic();
        }
        if (numberOfFrames != null && numberOfFrames > 1) {
            return numberOfFrames;
        }
        return distinctPositions > 0 ? distinctPositions : null;
    }

    public static Integer boldRepetitions(AcquisitionParameters latest, Integer numberOfFrames, int files,
                                          int distinctPositions) {
        if (!latest.isEpi() || files < 1) {
            return null;
        }
        if (latest.isMosaic()) {
            return files;
        }
        if (numberOfFrames != null && numberOfFrames > 1) {
            return null;
        }
        return distinctPositions > 0 ? files / distinctPositions : null;
    }
}
