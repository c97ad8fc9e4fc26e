package org.neuroarchive.dicom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.neuroarchive.dicom.RawDicom.UNDEFINED;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that declare more than they hold. PixelMed allocates the length an element declares before it
 * reads the value; each of these files, a few hundred bytes long, made it throw OutOfMemoryError on a
 * 256 MB heap (this class runs with -Xmx256m, see the ejb POM). Every reading path must refuse them with
 * a reason and allocate next to nothing.
 */
class HostileFilesTest {

    private static final long HUGE = 0x7FFFFFF0L;
    /** What reading a few hundred bytes may allocate: PixelMed's dictionary lookups, buffers, lists. */
    private static final long LITTLE = 16L << 20;
    private static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";
    private static final String RLE = "1.2.840.10008.1.2.5";

    private final DicomReader reader = new DicomReader();

    @TempDir
    Path dir;

    @Test
    void aHugeValueInExplicitVrOfEachBulkKind() {
        for (String vr : new String[] {"OB", "OW", "UN", "UT", "OF"}) {
            Path file = RawDicom.part10(EXPLICIT_LITTLE).identity().header(0x0019, 0x1001, vr, HUGE).zeros(64)
                    .writeTo(dir.resolve("explicit-" + vr + ".dcm"));
            String reason = refusedEverywhere(file);
            assertTrue(reason.startsWith("truncated: the file ends inside an attribute ((0019,1001) at byte"), reason);
            assertTrue(reason.endsWith("declares 2147483632 bytes, 64 are left)"), reason);
        }
    }

    @Test
    void aHugeValueInImplicitVrWithoutMetaHeader() {
        Path file = RawDicom.raw(false, false).identity().header(0x0042, 0x0011, "OB", HUGE).zeros(32)
                .writeTo(dir.resolve("implicit.dcm"));
        assertTrue(refusedEverywhere(file).contains("(0042,0011)"));
        Path privateElement = RawDicom.raw(false, false).identity().header(0x0019, 0x1001, "UN", HUGE).zeros(32)
                .writeTo(dir.resolve("implicit-private.dcm"));
        assertTrue(refusedEverywhere(privateElement).contains("(0019,1001)"));
    }

    @Test
    void aHugeValueInExplicitBigEndianWithoutMetaHeader() {
        Path file = RawDicom.raw(true, true).identity().header(0x0019, 0x1001, "OB", HUGE).zeros(32)
                .writeTo(dir.resolve("big-endian.dcm"));
        assertTrue(refusedEverywhere(file).contains("declares 2147483632 bytes"));
    }

    @Test
    void aHugeValueInTheMetaHeader() {
        RawDicom file = RawDicom.raw(true, false).zeros(128).bytes("DICM".getBytes());
        file.element(0x0002, 0x0000, "UL", new byte[] {40, 0, 0, 0}).header(0x0002, 0x0001, "OB", HUGE).zeros(40);
        Path path = file.writeTo(dir.resolve("meta.dcm"));
        String reason = refusedEverywhere(path);
        assertTrue(reason.contains("(0002,0001) at byte 144 declares 2147483632 bytes"), reason);
        DicomFormatException header = assertThrows(DicomFormatException.class, () -> reader.readHeader(path));
        assertEquals(reason, header.reason(), "no UID before it: the header says why too");
    }

    @Test
    void aHugeValueInANestedSequenceItem() {
        Path file = RawDicom.part10(EXPLICIT_LITTLE).identity()
                .header(0x0008, 0x1115, "SQ", UNDEFINED).item(0xE000, UNDEFINED)
                .header(0x0008, 0x1140, "SQ", UNDEFINED).item(0xE000, UNDEFINED)
                .header(0x0019, 0x1001, "OB", HUGE).zeros(16).writeTo(dir.resolve("nested.dcm"));
        assertTrue(refusedEverywhere(file).contains("(0019,1001)"));
    }

    @Test
    void aHugeSequenceLengthInATinyFile() {
        Path file = RawDicom.part10(EXPLICIT_LITTLE).identity().header(0x0008, 0x1115, "SQ", HUGE)
                .item(0xE000, 8).string(0x0008, 0x1150, "UI", "1.2.3").writeTo(dir.resolve("sequence.dcm"));
        assertTrue(refusedEverywhere(file).startsWith("truncated"));
    }

    @Test
    void aHugeValueInADeflatedDataSet() {
        Path file = write("deflated.dcm", RawDicom.deflated(RawDicom.raw(true, false).identity()
                .header(0x0019, 0x1001, "OB", HUGE).zeros(64)));
        String reason = refusedEverywhere(file);
        assertEquals("truncated: the data set ends inside an attribute ((0019,1001) declares 2147483632 bytes)", reason);
        DicomFormatException header = assertThrows(DicomFormatException.class, () -> reader.readHeader(file));
        assertEquals(reason, header.reason(), "a deflated data set is refused before PixelMed inflates it");
    }

    @Test
    void aDeflatedDataSetThatInflatesBeyondTheLimit() throws Exception {
        Path file = write("bomb.dcm", RawDicom.deflated(RawDicom.raw(true, false).identity()
                .element(0x0019, 0x1001, "OB", new byte[8 << 20])));
        assertTrue(Files.size(file) < 64 * 1024, "8 MiB of zeros deflate to " + Files.size(file) + " bytes");
        DicomReader limited = new DicomReader(1 << 20);
        DicomFormatException e = assertThrows(DicomFormatException.class, () -> limited.readHeader(file));
        assertEquals("the deflated data set inflates to more than 1048576 bytes", e.reason());
        // the default limit (2 GiB) reads it
        assertEquals(RawDicom.SOP_CLASS, reader.inspect(file).header().sopClassUid());
    }

    @Test
    void sequencesNestedDeeperThanPixelMedsStackAllows() {
        RawDicom file = RawDicom.part10(EXPLICIT_LITTLE).identity();
        for (int level = 0; level < 5000; level++) {
            file.header(0x0008, 0x1115, "SQ", UNDEFINED).item(0xE000, UNDEFINED);
        }
        Path path = file.writeTo(dir.resolve("deep.dcm"));
        String reason = refusedEverywhere(path);
        assertTrue(reason.startsWith("malformed: sequences nested more than 64 levels deep"), reason);
    }

    @Test
    void aHugeFragmentOfAnIconNestedInTheHeader() {
        Path file = RawDicom.part10(RLE).identity()
                .header(0x0088, 0x0200, "SQ", UNDEFINED).item(0xE000, UNDEFINED)
                .us(0x0028, 0x0010, 64).us(0x0028, 0x0011, 64)
                .header(0x7FE0, 0x0010, "OB", UNDEFINED).item(0xE000, 0).item(0xE000, HUGE).zeros(16)
                .writeTo(dir.resolve("icon-fragment.dcm"));
        assertTrue(refusedEverywhere(file).contains("fragment"));
    }

    /** Before, the header read decoded a compressed icon at the size it declared (40000 x 40000: 1.6 GB). */
    @Test
    void aCompressedIconIsNotDecodedByHeaderReads() throws Exception {
        Path file = RawDicom.part10(RLE).identity()
                .header(0x0088, 0x0200, "SQ", UNDEFINED).item(0xE000, UNDEFINED)
                .us(0x0028, 0x0010, 40000).us(0x0028, 0x0011, 40000)
                .us(0x0028, 0x0100, 8)
                .header(0x7FE0, 0x0010, "OB", UNDEFINED).item(0xE000, 0).item(0xE000, 64).zeros(64)
                .item(0xE0DD, 0).item(0xE00D, 0).item(0xE0DD, 0).writeTo(dir.resolve("icon.dcm"));
        long before = allocated();
        assertEquals("1.2.3.4.5.8", reader.readHeader(file).seriesInstanceUid());
        reader.inspect(file);
        assertTrue(allocated() - before < LITTLE, "allocated " + (allocated() - before));
    }

    @Test
    void moreRleFragmentsThanFramesWouldBeReadAsElements() {
        // PixelMed reads NumberOfFrames RLE fragments, then takes what follows the next item tag for elements
        byte[] hidden = RawDicom.raw(true, false).header(0x0019, 0x1001, "OB", HUGE).bytes();
        Path file = RawDicom.part10(RLE).identity().us(0x0028, 0x0010, 2).us(0x0028, 0x0011, 2)
                .header(0x7FE0, 0x0010, "OB", UNDEFINED).item(0xE000, 0).item(0xE000, 64).zeros(64)
                .item(0xE000, hidden.length + 16).bytes(hidden).zeros(16).item(0xE0DD, 0)
                .writeTo(dir.resolve("rle-fragments.dcm"));
        assertTrue(refusedEverywhere(file).contains("more fragments than its 1 frame(s)"));
    }

    @Test
    void aHugeValueAfterThePixelData() {
        Path file = RawDicom.part10(EXPLICIT_LITTLE).identity().us(0x0028, 0x0010, 2).us(0x0028, 0x0011, 2)
                .us(0x0028, 0x0100, 16).element(0x7FE0, 0x0010, "OW", new byte[8])
                .header(0xFFFC, 0xFFFC, "OB", HUGE).zeros(8).writeTo(dir.resolve("trailing.dcm"));
        assertTrue(refusedEverywhere(file).contains("(FFFC,FFFC)"));
    }

    /**
     * inspect, the thumbnail and the de-identification refuse the file, readHeader refuses it or reads
     * what comes before the bad element; all of it allocates little. Returns inspect's reason.
     */
    private String refusedEverywhere(Path file) {
        long before = allocated();
        try {
            reader.readHeader(file);
        } catch (DicomFormatException e) {
            assertTrue(!e.reason().isBlank());
        } catch (Exception e) {
            throw new AssertionError(file.getFileName() + ": " + e, e);
        }
        DicomFormatException inspected = assertThrows(DicomFormatException.class, () -> reader.inspect(file),
                file.getFileName().toString());
        assertThrows(ThumbnailException.class, () -> new ThumbnailRenderer().render(file), file.getFileName().toString());
        assertThrows(DicomFormatException.class,
                () -> new Deidentifier("salt").deidentify(file, dir.resolve("deid.dcm"), "ANON1"),
                file.getFileName().toString());
        long allocated = allocated() - before;
        assertTrue(allocated < LITTLE, file.getFileName() + ": allocated " + allocated + " bytes");
        return inspected.reason();
    }

    private Path write(String name, byte[] bytes) {
        try {
            return Files.write(dir.resolve(name), bytes);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long allocated() {
        return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadAllocatedBytes();
    }
}
