package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.DicomInputStream;
import com.pixelmed.dicom.TagFromName;
import com.pixelmed.dicom.TransferSyntax;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Reads DICOM files with PixelMed and refuses what the archive cannot use. PixelMed itself accepts
 * junk silently (an empty list for a text file, a partial list for a truncated one), so every read
 * here is validated: required UIDs present, and for {@link #inspect} the pixel data complete. Before
 * PixelMed reads a file, {@link ElementScan} walks its element headers: PixelMed allocates whatever
 * length an element declares, so it reads no further than the file holds.
 * Thread-safe and stateless.
 */
public class DicomReader {

    /**
     * The most a deflated data set may inflate to (2 GiB, the receiver's default largest object): a few
     * kilobytes of deflated zeros can make gigabytes.
     */
    public static final long DEFAULT_MAX_INFLATED_BYTES = ReceiverLimits.DEFAULTS.maxObjectBytes();

    private static final int BUFFER_SIZE = 64 * 1024;
    /** The first bytes of a file, read once for the walk and PixelMed: most headers end within them. */
    private static final int HEAD_SIZE = 16 * 1024;
    /** The Part 10 preamble (128 bytes) and the prefix {@code DICM}. */
    private static final int PREFIX_END = 132;
    private static final int LAST_GROUP_BEFORE_SOP_CLASS = 0x0008;

    private final long maxInflatedBytes;

    public DicomReader() {
        this(DEFAULT_MAX_INFLATED_BYTES);
    }

    /** A reader that refuses deflated data sets inflating to more than {@code maxInflatedBytes}. */
    public DicomReader(long maxInflatedBytes) {
        if (maxInflatedBytes < 1) {
            throw new IllegalArgumentException("the largest inflated data set must be positive");
        }
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /**
     * Reads the header (everything before the pixel data) for grouping and matching. PixelMed reads no
     * further than {@link ElementScan} allows: a file that declares more than it holds reads like a file
     * truncated before that element (the header may still be complete; {@link #inspect} refuses it).
     *
     * @throws DicomFormatException the file is empty, not DICOM or lacks a required UID
     * @throws NoSuchFileException  the file disappeared (not a property of the file's content)
     */
    public DicomHeader readHeader(Path file) throws DicomFormatException, NoSuchFileException {
        long size = checkNotEmpty(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            Walked walked = walkToPixelData(channel, size);
            byte[] head = walked.head();
            ScanResult scan = walked.scan();
            // the header usually ends within the first bytes, read once for the walk and for PixelMed
            long end = scan.cut() ? scan.cutAt() : scan.stoppedAt();
            InputStream in = end >= 0 && end <= head.length ? new ByteArrayInputStream(head, 0, (int) end)
                    : new BufferedInputStream(Channels.newInputStream(channel), BUFFER_SIZE);
            DicomInputStream dis = new DicomInputStream(scan.cut() ? new CutInputStream(in, scan.cutAt()) : in);
            AttributeList list = headerList();
            list.read(dis, TagFromName.PixelData);
            try {
                return toHeader(list, dis);
            } catch (DicomFormatException e) {
                throw scan.cut() ? new DicomFormatException(scan.reason()) : e;
            }
        } catch (NoSuchFileException e) {
            throw e;
        } catch (DicomFormatException e) {
            throw e;
        } catch (IOException | DicomException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /**
     * The keys that put the file into its series, for the folder scan. A file the element walk finds
     * whole up to its pixel data, with every required UID, is not parsed by PixelMed here (its archive
     * transaction reads it completely); any other file is read as {@link #readHeader} reads it, with its
     * reasons for refusing it.
     *
     * @throws DicomFormatException as {@link #readHeader}
     * @throws NoSuchFileException  the file disappeared
     */
    public GroupingKeys readGroupingKeys(Path file) throws DicomFormatException, NoSuchFileException {
        long size = checkNotEmpty(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            ScanResult scan = walkToPixelData(channel, size).scan();
            if (!scan.cut() && scan.stoppedAt() >= 0) {
                Optional<GroupingKeys> keys = GroupingKeys.of(scan.identity());
                if (keys.isPresent()) {
                    return keys.get();
                }
            }
        } catch (NoSuchFileException | DicomFormatException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            // the full read below meets the same problem and names it
        }
        return GroupingKeys.of(readHeader(file));
    }

    /** The first bytes of a file and the element walk of its header, up to its pixel data. */
    private record Walked(byte[] head, ScanResult scan) {
    }

    /** Reads the first bytes, refuses what cannot be DICOM, and walks the header up to the pixel data. */
    private Walked walkToPixelData(FileChannel channel, long size) throws IOException, DicomFormatException {
        byte[] head = readHead(channel, size);
        checkStartsLikeDicom(new ByteArrayInputStream(head), size);
        return new Walked(head, ElementScan.scan(ScanInput.of(channel, size, head), true, maxInflatedBytes));
    }

    /** The first {@value #HEAD_SIZE} bytes of the file (all of a smaller one). */
    private static byte[] readHead(FileChannel channel, long size) throws IOException {
        ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, HEAD_SIZE));
        while (head.hasRemaining() && channel.read(head, head.position()) >= 0) {
            // positional reads: the channel's own position stays at 0 for PixelMed's stream
        }
        return head.position() == head.capacity() ? head.array() : java.util.Arrays.copyOf(head.array(), head.position());
    }

    /**
     * The header of a file that an earlier {@link #inspect} read completely (of {@code size} bytes, with
     * that SHA-256) and that has stayed in a folder of ours since: only its header is read again. When its
     * size is no longer {@code size}, it is inspected completely again instead.
     */
    public InspectedInstance inspectAgain(Path file, long size, String sha256) throws DicomFormatException, NoSuchFileException {
        try {
            if (Files.size(file) != size) {
                return inspect(file);
            }
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(e);
        }
        return new InspectedInstance(readHeader(file), size, sha256);
    }

    /**
     * Reads the whole file once: header, pixel data completeness (without loading pixels into
     * memory) and the SHA-256 of every byte.
     */
    public InspectedInstance inspect(Path file) throws DicomFormatException, NoSuchFileException {
        long size = checkNotEmpty(file);
        MessageDigest sha256 = newSha256();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
             DigestInputStream digesting = new DigestInputStream(Channels.newInputStream(channel), sha256);
             BufferedInputStream buffered = new BufferedInputStream(digesting, BUFFER_SIZE)) {
            checkStartsLikeDicom(buffered, size);
            ScanResult scan = ElementScan.scan(ScanInput.of(channel, size), true, maxInflatedBytes);
            DicomInputStream dis = new DicomInputStream(scan.cut() ? new CutInputStream(buffered, scan.cutAt()) : buffered);
            AttributeList list = headerList();
            long consumed = list.read(dis, TagFromName.PixelData);
            if (scan.cut()) {
                throw new DicomFormatException(scan.reason());
            }
            DicomHeader header = toHeader(list, dis);
            if (TransferSyntax.DeflatedExplicitVRLittleEndian.equals(header.transferSyntaxUid())) {
                if (header.isImage()) {
                    verifyDeflatedPixelData(file, header);
                }
            } else if (header.isImage() && PixelDataCheck.verify(dis, header)) {
                // complete pixel data
            } else if (consumed < size && dis.read() < 0) {
                // PixelMed stops without an exception where an attribute's value is cut off
                throw new DicomFormatException("truncated: the file ends inside an attribute (" + consumed + " of "
                        + size + " bytes form complete attributes)");
            } else if (header.isImage()) {
                checkImageWithoutPixelData(list, header);
            }
            boolean more = buffered.read() >= 0;
            buffered.transferTo(OutputStreamDiscard.INSTANCE);
            if (more || header.isImage() && new TransferSyntax(header.transferSyntaxUid()).isEncapsulated()
                    || TransferSyntax.DeflatedExplicitVRLittleEndian.equals(header.transferSyntaxUid())) {
                // what a thumbnail or a de-identified copy reads beyond the header must be safe to read too
                ScanResult whole = scanWholeFile(file);
                if (whole.cut()) {
                    throw new DicomFormatException(whole.reason());
                }
            }
            return new InspectedInstance(header, size, HexFormat.of().formatHex(sha256.digest()));
        } catch (NoSuchFileException e) {
            throw e;
        } catch (DicomFormatException e) {
            throw e;
        } catch (InflatedLimitStream.TooLargeException e) {
            throw new DicomFormatException(e.getMessage());
        } catch (IOException | DicomException | RuntimeException e) {
            throw unreadable(e);
        }
    }

    /**
     * Checks the whole file, pixel data and what follows it included, for a read of everything (a
     * thumbnail, a de-identified copy): a {@link ScanResult} that is cut must not be read by PixelMed.
     */
    ScanResult scanWholeFile(Path file) throws DicomFormatException, NoSuchFileException {
        long size = checkNotEmpty(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            return ElementScan.scan(ScanInput.of(channel, size), false, maxInflatedBytes);
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    /** Header reads never decode pixel data (PixelMed would otherwise decode an icon nested before it). */
    private static AttributeList headerList() {
        AttributeList list = new AttributeList();
        list.setDecompressPixelData(false);
        return list;
    }

    /**
     * The pixel data check of a deflated file. PixelMed inflates the data set through a stream of its
     * own, so the stream it leaves behind is inside the compressed bytes: read the file a second time
     * (these files are rare) through an inflater of our own, which delivers at most the largest inflated
     * data set.
     */
    private void verifyDeflatedPixelData(Path file, DicomHeader header)
            throws IOException, DicomException, DicomFormatException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), BUFFER_SIZE)) {
            DicomInputStream meta = new DicomInputStream(in);
            new AttributeList().readOnlyMetaInformationHeader(meta);
            InputStream inflated = new InflatedLimitStream(
                    new InflaterInputStream(meta, new Inflater(true), BUFFER_SIZE), maxInflatedBytes);
            DicomInputStream dataSet = new DicomInputStream(inflated, TransferSyntax.ExplicitVRLittleEndian, false);
            AttributeList list = headerList();
            list.read(dataSet, TagFromName.PixelData);
            if (!PixelDataCheck.verify(dataSet, header)) {
                checkImageWithoutPixelData(list, header);
            }
        }
    }

    /**
     * An object with Rows and Columns whose data set ends without Pixel Data. Its values may be in Float
     * or Double Float Pixel Data (parametric maps) or in Spectroscopy Data (MR spectroscopy): a complete
     * object, archived as it is. Otherwise it is an image without its image: a header-only export, or a
     * copy cut off right after its header. It cannot be viewed or converted, so it is refused with a
     * reason a coordinator can act on (the file is kept in problemdir).
     */
    private static void checkImageWithoutPixelData(AttributeList list, DicomHeader header) throws DicomFormatException {
        if (list.get(TagFromName.FloatPixelData) != null || list.get(TagFromName.DoubleFloatPixelData) != null
                || list.get(TagFromName.SpectroscopyData) != null) {
            return;
        }
        String modality = header.modality().isEmpty() ? "" : header.modality() + ", ";
        throw new DicomFormatException("no pixel data: the file holds only the header of an image (" + modality
                + header.columns() + " x " + header.rows() + " pixels) and ends where its pixel data (7FE0,0010) should "
                + "begin, so there is no image to view or convert. It is a header-only copy or was cut off after its "
                + "header: export or send it again with its pixel data");
    }

    /**
     * Refuses, before PixelMed reads it, a file that cannot be DICOM: neither the Part 10 prefix
     * {@code DICM} at offset 128 nor a data set whose first element is in group 0000–0008 (a data set
     * without a preamble must begin there, since SOPClassUID (0008,0016) is required and elements are
     * in ascending order). PixelMed would otherwise take the first bytes of a text file as a tag and a
     * value length, and allocate that length (hundreds of megabytes for the JSON and text files of the
     * pydicom corpus) before it notices the file is too short.
     */
    private static void checkStartsLikeDicom(InputStream in, long size) throws IOException, DicomFormatException {
        byte[] start = new byte[PREFIX_END];
        in.mark(PREFIX_END);
        int n = in.readNBytes(start, 0, PREFIX_END);
        in.reset();
        if (n == PREFIX_END && start[128] == 'D' && start[129] == 'I' && start[130] == 'C' && start[131] == 'M') {
            return;
        }
        if (n < 8) {
            throw new DicomFormatException("not a DICOM file (" + size + " bytes: shorter than one DICOM element)");
        }
        int littleEndianGroup = (start[0] & 0xFF) | (start[1] & 0xFF) << 8;
        int bigEndianGroup = (start[0] & 0xFF) << 8 | (start[1] & 0xFF);
        if (littleEndianGroup > LAST_GROUP_BEFORE_SOP_CLASS && bigEndianGroup > LAST_GROUP_BEFORE_SOP_CLASS) {
            throw new DicomFormatException("not a DICOM file (no DICM prefix at byte 128, and it does not begin with a "
                    + "DICOM element: first bytes " + HexFormat.ofDelimiter(" ").formatHex(start, 0, 4) + ")");
        }
    }

    private static long checkNotEmpty(Path file) throws DicomFormatException, NoSuchFileException {
        try {
            long size = Files.size(file);
            if (size == 0) {
                throw new DicomFormatException("empty file (0 bytes)");
            }
            return size;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            throw new DicomFormatException("unreadable: " + e.getMessage());
        }
    }

    private static DicomFormatException unreadable(Exception e) {
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new DicomFormatException("not readable as DICOM: " + detail);
    }

    private static DicomHeader toHeader(AttributeList list, DicomInputStream dis) throws DicomFormatException {
        if (list.isEmpty()) {
            throw new DicomFormatException("not a DICOM file (no DICOM attributes found)");
        }
        List<String> missing = new ArrayList<>();
        String sopClass = AttributeText.requiredUid(list, TagFromName.SOPClassUID, "SOPClassUID", missing);
        String sopInstance = AttributeText.requiredUid(list, TagFromName.SOPInstanceUID, "SOPInstanceUID", missing);
        String study = AttributeText.requiredUid(list, TagFromName.StudyInstanceUID, "StudyInstanceUID", missing);
        String series = AttributeText.requiredUid(list, TagFromName.SeriesInstanceUID, "SeriesInstanceUID", missing);
        if (!missing.isEmpty()) {
            throw new DicomFormatException("missing or malformed required attribute(s): " + String.join(", ", missing)
                    + " (truncated or not an image object)");
        }
        String transferSyntax = AttributeText.text(list, TagFromName.TransferSyntaxUID);
        if (transferSyntax.isEmpty() && dis.getTransferSyntaxToReadDataSet() != null) {
            transferSyntax = dis.getTransferSyntaxToReadDataSet().getUID();
        }
        return new DicomHeader(sopClass, sopInstance, study, series, transferSyntax,
                AttributeText.text(list, TagFromName.PatientID),
                AttributeText.text(list, TagFromName.PatientName),
                AttributeText.text(list, TagFromName.PatientSex),
                AttributeText.text(list, TagFromName.PatientBirthDate),
                AttributeText.text(list, TagFromName.Modality),
                AttributeText.text(list, TagFromName.StudyDate),
                AttributeText.text(list, TagFromName.StudyTime),
                AttributeText.text(list, TagFromName.StudyID),
                AttributeText.text(list, TagFromName.StudyDescription),
                AttributeText.text(list, TagFromName.SeriesDate),
                AttributeText.text(list, TagFromName.SeriesTime),
                AttributeText.text(list, TagFromName.SeriesDescription),
                AttributeText.text(list, TagFromName.ProtocolName),
                AttributeText.number(list, TagFromName.SeriesNumber),
                AttributeText.number(list, TagFromName.InstanceNumber),
                AttributeText.number(list, TagFromName.AcquisitionNumber),
                AttributeText.text(list, TagFromName.AcquisitionTime),
                AttributeText.text(list, TagFromName.ContentTime),
                AttributeText.number(list, TagFromName.Rows),
                AttributeText.number(list, TagFromName.Columns),
                AttributeText.number(list, TagFromName.NumberOfFrames),
                AttributeText.number(list, TagFromName.SamplesPerPixel),
                AttributeText.number(list, TagFromName.BitsAllocated),
                AttributeText.text(list, TagFromName.PhotometricInterpretation),
                AcquisitionReader.read(list));
    }





    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
