package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.SOPClass;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

class AcquisitionParametersTest {

    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    private AcquisitionParameters read(SyntheticSeries series, int instance) throws Exception {
        return reader.inspect(series.writeTo(dir, "s" + System.nanoTime()).get(instance - 1)).header().acquisition();
    }

    @Test
    void readsMrParametersFromAGeneratedInstance() throws Exception {
        SyntheticSeries mr = SyntheticSeries.mr().instances(1)
                .with("RepetitionTime", "2300").with("EchoTime", "2.98").with("InversionTime", "900")
                .with("FlipAngle", "9").with("MagneticFieldStrength", "3").with("SpacingBetweenSlices", "1.2")
                .with("PixelBandwidth", "240").with("ScanningSequence", "GR\\IR").with("SequenceName", "*tfl3d1_16ns")
                .with("ImageType", "ORIGINAL\\PRIMARY\\M\\NORM\\DIS3D");

        AcquisitionParameters a = read(mr, 1);

        assertEquals(2300.0, a.repetitionTime());
        assertEquals(2.98, a.echoTime());
        assertEquals(900.0, a.inversionTime());
        assertEquals(9.0, a.flipAngle());
        assertEquals(3.0, a.magneticFieldStrength());
        assertEquals(1.0, a.sliceThickness());
        assertEquals(1.2, a.spacingBetweenSlices());
        assertEquals(240.0, a.pixelBandwidth());
        assertEquals("GR\\IR", a.scanningSequence());
        assertEquals("*tfl3d1_16ns", a.sequenceName());
        assertEquals("ORIGINAL\\PRIMARY\\M\\NORM\\DIS3D", a.imageType());
        assertEquals("0\\0\\100", a.slicePosition(), "ImagePositionPatient 0\\0\\1 in hundredths of a mm");
        assertFalse(a.isEpi());
        assertFalse(a.isMosaic());
        assertNull(a.kvp());
        assertNull(a.imagesInMosaic());
    }

    @Test
    void readsCtParametersFromAGeneratedInstance() throws Exception {
        SyntheticSeries ct = SyntheticSeries.mr().modality("CT", SOPClass.CTImageStorage).instances(2)
                .with("KVP", "120").with("Exposure", "250").with("XRayTubeCurrent", "180")
                .with("ConvolutionKernel", "H30s").with("BodyPartExamined", "HEAD");

        AcquisitionParameters a = read(ct, 2);

        assertEquals(120.0, a.kvp());
        assertEquals(250.0, a.exposure());
        assertEquals(180.0, a.xRayTubeCurrent());
        assertEquals("H30s", a.convolutionKernel());
        assertEquals("HEAD", a.bodyPartExamined());
        assertNull(a.repetitionTime());
        assertEquals("0\\0\\200", a.slicePosition());
    }

    @Test
    void aSiemensMosaicEpiSaysHowManyImagesItHolds() throws Exception {
        SyntheticSeries bold = SyntheticSeries.mr().instances(1).siemensMosaic(36)
                .with("ScanningSequence", "EP").with("SequenceName", "*epfid2d1_64");

        AcquisitionParameters a = read(bold, 1);

        assertTrue(a.isMosaic());
        assertTrue(a.isEpi());
        assertEquals(36, a.imagesInMosaic());
    }

    @Test
    void hostileValuesAreDroppedNotTrusted() throws Exception {
        SyntheticSeries hostile = SyntheticSeries.mr().instances(1)
                .with("RepetitionTime", "NaN").with("EchoTime", "1e999").with("FlipAngle", "0x1p3")
                .with("MagneticFieldStrength", "3T").with("ImagePositionPatient", "0\\0\\1e300");

        AcquisitionParameters a = read(hostile, 1);

        assertNull(a.repetitionTime());
        assertNull(a.echoTime(), "not finite");
        assertNull(a.flipAngle(), "hexadecimal is not DICOM");
        assertNull(a.magneticFieldStrength());
        assertEquals("", a.slicePosition(), "a position a billion km away is junk");
    }

    @Test
    void decimalsFollowTheDicomGrammar() {
        assertEquals(-1.5, AcquisitionReader.parseDecimal(" -1.5 "));
        assertEquals(0.5, AcquisitionReader.parseDecimal(".5"));
        assertEquals(1200.0, AcquisitionReader.parseDecimal("1.2E3"));
        assertNull(AcquisitionReader.parseDecimal("Infinity"));
        assertNull(AcquisitionReader.parseDecimal("1.5d"));
        assertNull(AcquisitionReader.parseDecimal(""));
    }

    @Test
    void echoPlanarIsRecognisedByScanningSequenceOrSequenceName() {
        assertTrue(params("SE\\EP", "").isEpi());
        assertTrue(params("", "epi2d").isEpi());
        assertTrue(params("", "*EPFID2D1_64").isEpi());
        assertFalse(params("GR", "*fl3d1").isEpi());
        assertFalse(params("", "").isEpi());
    }

    private static AcquisitionParameters params(String scanningSequence, String sequenceName) {
        return new AcquisitionParameters(null, null, null, null, null, null, null, null, scanningSequence, sequenceName,
                "", null, null, null, "", "", "", null);
    }
}
