package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.FileMetaInformation;
import com.pixelmed.dicom.OtherFloatAttribute;
import com.pixelmed.dicom.SOPClass;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * An object with Rows and Columns whose data set ends without Pixel Data. A header-only MR image is
 * refused with a reason a coordinator understands (it was "read failed with 2 bytes remaining to be
 * read, wanted 2"); objects whose values are in another element (MR spectroscopy) are complete.
 */
class HeaderOnlyFilesTest {

    private static final Path MR_SMALL = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files/MR_small.dcm");

    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    @Test
    void aHeaderOnlyMrImageIsRefusedInWordsACoordinatorUnderstands() throws Exception {
        for (String transferSyntax : new String[] {TransferSyntax.ExplicitVRLittleEndian,
                TransferSyntax.ImplicitVRLittleEndian, TransferSyntax.ExplicitVRBigEndian,
                TransferSyntax.DeflatedExplicitVRLittleEndian}) {
            AttributeList list = SyntheticSeries.mr().size(64, 64).build(1, SyntheticSeries.newUid());
            list.remove(TagFromName.PixelData);
            Path file = write(list, transferSyntax, "header-only");

            DicomFormatException refused = assertThrows(DicomFormatException.class, () -> reader.inspect(file));

            assertEquals("no pixel data: the file holds only the header of an image (MR, 64 x 64 pixels) and ends "
                    + "where its pixel data (7FE0,0010) should begin, so there is no image to view or convert. It is a "
                    + "header-only copy or was cut off after its header: export or send it again with its pixel data",
                    refused.reason(), transferSyntax);
        }
    }

    @Test
    void theRealMrSliceWithoutItsPixelDataIsRefusedWithTheSameReason() throws Exception {
        Assumptions.assumeTrue(Files.isRegularFile(MR_SMALL), "python3-pydicom is not installed");
        AttributeList list = new AttributeList();
        list.read(MR_SMALL.toFile());
        list.remove(TagFromName.PixelData);
        Path file = write(list, TransferSyntax.ExplicitVRLittleEndian, "mr-small-header-only");

        DicomFormatException refused = assertThrows(DicomFormatException.class, () -> reader.inspect(file));

        assertTrue(refused.reason().startsWith("no pixel data: the file holds only the header of an image (MR, 64 x 64"),
                refused.reason());
        assertFalse(refused.reason().contains("read failed"), refused.reason());
    }

    @Test
    void anMrSpectroscopyObjectKeepsItsValuesInSpectroscopyDataAndIsComplete() throws Exception {
        AttributeList list = SyntheticSeries.mr().modality("MR", SOPClass.MRSpectroscopyStorage).size(1, 1)
                .build(1, SyntheticSeries.newUid());
        list.remove(TagFromName.PixelData);
        OtherFloatAttribute spectrum = new OtherFloatAttribute(TagFromName.SpectroscopyData);
        spectrum.setValues(new float[] {1.5f, -2.25f, 3f, 0.5f});
        list.put(spectrum);
        Path file = write(list, TransferSyntax.ExplicitVRLittleEndian, "spectroscopy");

        InspectedInstance inspected = reader.inspect(file);

        assertEquals(SOPClass.MRSpectroscopyStorage, inspected.header().sopClassUid());
        assertEquals(Files.size(file), inspected.size());
    }

    @Test
    void anImageCutOffInsideTheHeaderOfItsPixelDataIsTruncatedNotHeaderOnly() throws Exception {
        Path whole = SyntheticSeries.mr().instances(1).writeTo(dir, "whole").get(0);
        byte[] bytes = Files.readAllBytes(whole);
        int pixelData = indexOfPixelDataTag(bytes);
        Path cut = Files.write(dir.resolve("cut.dcm"), java.util.Arrays.copyOf(bytes, pixelData + 4 + 3));

        DicomFormatException refused = assertThrows(DicomFormatException.class, () -> reader.inspect(cut));

        assertTrue(refused.reason().startsWith("truncated"), refused.reason());
        assertFalse(refused.reason().contains("read failed"), refused.reason());
    }

    private static int indexOfPixelDataTag(byte[] bytes) {
        for (int i = bytes.length - 4; i >= 0; i--) {
            if (bytes[i] == (byte) 0xE0 && bytes[i + 1] == 0x7F && bytes[i + 2] == 0x10 && bytes[i + 3] == 0x00) {
                return i;
            }
        }
        throw new IllegalStateException("no (7FE0,0010)");
    }

    private Path write(AttributeList list, String transferSyntax, String name) throws Exception {
        list.removeMetaInformationHeaderAttributes();
        FileMetaInformation.addFileMetaInformation(list, transferSyntax, "NEUROARCHIVE");
        Path file = dir.resolve(name + "-" + transferSyntax + ".dcm");
        list.write(file.toFile(), transferSyntax, true, true);
        return file;
    }
}
