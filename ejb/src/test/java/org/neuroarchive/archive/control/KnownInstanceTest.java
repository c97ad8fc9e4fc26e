package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.dicom.InspectedInstance;
import org.neuroarchive.dicom.SameContent;
import org.neuroarchive.testing.SyntheticSeries;

/**
 * The same image sent twice in different transfer syntaxes is a duplicate, not a conflicting
 * duplicate: files re-encoded by dcmtk (implicit VR, big endian, deflated, RLE, JPEG lossless) and by
 * PixelMed are compared by content with the archived original. A changed attribute or pixel is a
 * conflict, and so is what cannot be shown to be the same (JPEG 2000 pixels without a decoder here).
 */
class KnownInstanceTest {

    private static final Path CORPUS = Path.of("/usr/lib/python3/dist-packages/pydicom/data/test_files");

    private final SameContent content = new SameContent();
    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    private Path archived;

    @BeforeEach
    void archiveAnMrSlice() throws Exception {
        archived = dir.resolve("archived.dcm");
        SyntheticSeries.mr().size(64, 48).build(1, SyntheticSeries.newUid())
                .write(archived.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
    }

    @Test
    void theSameBytesAreAnIdenticalCopy() throws Exception {
        Path copy = Files.copy(archived, dir.resolve("copy.dcm"));

        KnownInstance known = compare(archived, copy);

        assertEquals(KnownInstance.Kind.IDENTICAL_BYTES, known.kind());
        assertEquals("identical bytes", known.detail());
    }

    @Test
    void theSameImageReEncodedByDcmtkIsADuplicateInAnotherEncoding() throws Exception {
        List<String> failures = new ArrayList<>();
        String[][] encodings = {
            {"dcmconv", "+ti"}, {"dcmconv", "+tb"}, {"dcmconv", "+td"}, {"dcmcrle"}, {"dcmcjpeg", "+e1"}, {"dcmcjpeg", "+el"}};
        for (String[] encoding : encodings) {
            Path sent = dcmtk(archived, String.join("", encoding).replace("+", "-"), encoding);
            KnownInstance known = compare(archived, sent);
            if (known.kind() != KnownInstance.Kind.SAME_CONTENT || !known.detail().startsWith("same content in another encoding: ")) {
                failures.add(String.join(" ", encoding) + ": " + known);
            }
        }
        assertEquals(List.of(), failures);
    }

    @Test
    void theSameImageWrittenByPixelMedInAnotherTransferSyntaxIsADuplicate() throws Exception {
        AttributeList list = new AttributeList();
        list.read(archived.toFile());
        list.removeMetaInformationHeaderAttributes();
        for (String transferSyntax : new String[] {TransferSyntax.ImplicitVRLittleEndian,
                TransferSyntax.ExplicitVRBigEndian, TransferSyntax.DeflatedExplicitVRLittleEndian}) {
            com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, transferSyntax, "SENDER");
            Path sent = dir.resolve("pixelmed-" + transferSyntax + ".dcm");
            list.write(sent.toFile(), transferSyntax, true, true);

            KnownInstance known = compare(archived, sent);

            assertEquals(KnownInstance.Kind.SAME_CONTENT, known.kind(), transferSyntax + ": " + known.detail());
            assertTrue(known.detail().contains(transferSyntax + " arrived"), known.detail());
        }
    }

    @Test
    void aChangedAttributeIsAConflictThatNamesIt() throws Exception {
        Path renamed = dcmtk(archived, "renamed", "dcmodify", "-nb", "-m", "(0010,0010)=Other^Name");

        KnownInstance known = compare(archived, renamed);

        assertEquals(KnownInstance.Kind.CONFLICT, known.kind());
        assertTrue(known.detail().startsWith("different content: (0x0010,0x0010) PatientName differs"), known.detail());
    }

    @Test
    void changedPixelsInAnotherEncodingAreAConflict() throws Exception {
        AttributeList list = new AttributeList();
        list.read(archived.toFile());
        short[] pixels = list.get(TagFromName.PixelData).getShortValues();
        pixels[100]++;
        list.get(TagFromName.PixelData).setValues(pixels);
        Path changed = dir.resolve("changed.dcm");
        list.write(changed.toFile(), TransferSyntax.ExplicitVRLittleEndian, true, true);
        Path changedRle = dcmtk(changed, "changed-rle", "dcmcrle");

        KnownInstance known = compare(archived, changedRle);

        assertEquals(KnownInstance.Kind.CONFLICT, known.kind());
        assertTrue(known.detail().startsWith("different content: the same attributes but different pixel values"),
                known.detail());
    }

    @Test
    void aRealMrSliceInJpeg2000CannotBeShownTheSameWithoutADecoderAndStaysAConflict() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "python3-pydicom is not installed");
        Path original = CORPUS.resolve("MR_small.dcm");
        for (String same : new String[] {"MR_small_implicit.dcm", "MR_small_bigendian.dcm", "MR_small_RLE.dcm"}) {
            KnownInstance known = compare(original, CORPUS.resolve(same));
            assertEquals(KnownInstance.Kind.SAME_CONTENT, known.kind(), same + ": " + known.detail());
        }

        KnownInstance jpeg2000 = compare(original, CORPUS.resolve("MR_small_jp2klossless.dcm"));

        assertEquals(KnownInstance.Kind.CONFLICT, jpeg2000.kind());
        assertEquals("not shown to be the same object, so kept as a conflict: the same attributes, but the pixels cannot "
                + "be compared: no JPEG 2000 decoder on this server for these pixels (transfer syntax "
                + "1.2.840.10008.1.2.4.90) (transfer syntax 1.2.840.10008.1.2.1 archived, 1.2.840.10008.1.2.4.90 arrived)",
                jpeg2000.detail());
    }

    @Test
    void theSameJpeg2000FileFromAnotherSenderIsADuplicateWithoutDecodingIt() throws Exception {
        Assumptions.assumeTrue(Files.isDirectory(CORPUS), "python3-pydicom is not installed");
        Path original = CORPUS.resolve("MR_small_jp2klossless.dcm");
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        list.read(original.toFile());
        list.removeMetaInformationHeaderAttributes();
        com.pixelmed.dicom.FileMetaInformation.addFileMetaInformation(list, "1.2.840.10008.1.2.4.90", "OTHER_SENDER");
        Path resent = dir.resolve("resent-jp2k.dcm");
        list.write(resent.toFile(), "1.2.840.10008.1.2.4.90", true, true);

        KnownInstance known = compare(original, resent);

        assertEquals(KnownInstance.Kind.SAME_CONTENT, known.kind(), known.detail());
        assertTrue(known.detail().startsWith("same content in another encoding: same attributes and the same compressed "
                + "pixel data"), known.detail());
    }

    private KnownInstance compare(Path archivedFile, Path arrived) throws Exception {
        InspectedInstance a = reader.inspect(archivedFile);
        InspectedInstance b = reader.inspect(arrived);
        assertEquals(a.header().sopInstanceUid(), b.header().sopInstanceUid(), "the same SOPInstanceUID");
        return KnownInstance.of(content, archivedFile, a.sha256(), arrived, b.sha256());
    }

    /** Runs a dcmtk tool on a copy of {@code source} (the last two arguments are input and output). */
    private Path dcmtk(Path source, String name, String... command) throws IOException, InterruptedException {
        Path target = dir.resolve(name + ".dcm");
        List<String> args = new ArrayList<>(List.of(command));
        if (command[0].equals("dcmodify")) {
            Files.copy(source, target);
            args.add(target.toString());
        } else {
            args.add(source.toString());
            args.add(target.toString());
        }
        Process process;
        try {
            process = new ProcessBuilder(args).redirectErrorStream(true).start();
        } catch (IOException e) {
            Assumptions.abort("dcmtk is not installed (" + command[0] + ")");
            throw e;
        }
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS) && process.exitValue() == 0, args + ": " + output);
        return target;
    }
}
