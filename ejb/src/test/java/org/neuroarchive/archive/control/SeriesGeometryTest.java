package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.neuroarchive.dicom.AcquisitionParameters;

class SeriesGeometryTest {

    private static AcquisitionParameters mr(String scanningSequence, String imageType, Integer imagesInMosaic) {
        return new AcquisitionParameters(2000.0, 30.0, null, 90.0, 3.0, 3.0, null, 2000.0, scanningSequence,
                "", imageType, null, null, null, "", "", "", imagesInMosaic);
    }

    @Test
    void aNonMosaicBoldSeriesHasFilesPerSlicePositionRepetitions() {
        AcquisitionParameters bold = mr("EP", "ORIGINAL\\PRIMARY\\M", null);
        assertEquals(32, SeriesGeometry.slices(bold, null, 32));
        assertEquals(150, SeriesGeometry.boldRepetitions(bold, null, 4800, 32));
        assertEquals(2, SeriesGeometry.boldRepetitions(bold, null, 70, 32), "an incomplete last volume is not counted");
    }

    @Test
    void aMosaicHoldsOneVolumePerFile() {
        AcquisitionParameters mosaic = mr("EP", "ORIGINAL\\PRIMARY\\M\\ND\\MOSAIC", 36);
        assertEquals(36, SeriesGeometry.slices(mosaic, null, 1));
        assertEquals(200, SeriesGeometry.boldRepetitions(mosaic, null, 200, 1));
    }

    @Test
    void onlyEchoPlanarSeriesHaveRepetitions() {
        AcquisitionParameters t1 = mr("GR\\IR", "ORIGINAL\\PRIMARY\\M", null);
        assertEquals(176, SeriesGeometry.slices(t1, null, 176));
        assertNull(SeriesGeometry.boldRepetitions(t1, null, 176, 176));
    }

    @Test
    void multiFrameObjectsCountFramesAndWithoutPositionsNothingIsGuessed() {
        AcquisitionParameters bold = mr("EP", "", null);
        assertEquals(60, SeriesGeometry.slices(bold, 60, 1));
        assertNull(SeriesGeometry.boldRepetitions(bold, 60, 1, 1));
        assertNull(SeriesGeometry.slices(bold, null, 0));
        assertNull(SeriesGeometry.boldRepetitions(bold, null, 100, 0));
    }
}
