package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.TransferSyntax;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.EOFException;
import java.io.IOException;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * Walks the element headers of a file the way PixelMed's {@code AttributeList.read} will, before it
 * does, and finds the first place where PixelMed would allocate more than the file holds: PixelMed
 * allocates the value length an element declares before it reads the value, so a 200-byte file that
 * declares a 2 GB element exhausts the heap. The walk follows PixelMed's reading rules (meta header and
 * data set transfer syntaxes, its guesses for files without a meta header, its repairs of bad value
 * representations, undefined lengths, unknown-VR sequences, private sequences, encapsulated pixel data,
 * how an exception inside an item ends the item or the whole read) without keeping any value: it
 * reads the 8 or 12 header bytes of each element and skips the value by its position. It stops where
 * PixelMed would stop (the stop tag of the data set, a DicomException, the end of the file).
 * <p>
 * The result names the offset at which PixelMed's input must end ({@link ScanResult#cutAt()}): an
 * element whose declared length is larger than the bytes left, sequences nested deeper than
 * {@value #MAX_DEPTH}, encapsulated pixel data PixelMed would leave half read (it would then read the
 * rest of the fragments as elements). PixelMed reading the file up to there sees a file that ends
 * there, as with any truncated file. In a deflated data set there is no such offset in the file, so
 * such a finding is a {@link DicomFormatException}, as is a data set that inflates to more than the limit.
 * One instance per walk.
 */
final class ElementScan {

    /** Sequences nested deeper are refused: PixelMed reads them recursively (about 2 KB of stack a level). */
    static final int MAX_DEPTH = 64;
    static final long UNDEFINED = 0xFFFFFFFFL;
    static final int ITEM = 0xFFFEE000;
    static final int ITEM_DELIMITATION = 0xFFFEE00D;
    static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;
    static final int PIXEL_DATA = 0x7FE00010;
    private static final int NO_STOP = 0;

    private final long maxInflatedBytes;
    private long topLevelPixelDataLength = -1;
    private boolean simplePixelData = true;
    private long stoppedAt = -1;
    /** The meta header's group length, once read and until the data set is read by it. */
    private int metaGroupLength = -1;
    /** The values of the top-level data set (the last one read at depth 0: after the meta header). */
    private ScanValues top;

    private ElementScan(long maxInflatedBytes) {
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /**
     * Walks {@code input} from its start as {@code AttributeList.read(new DicomInputStream(in), stopTag)}
     * reads it ({@code stopAtPixelData}: the stop tag is Pixel Data; otherwise the whole file).
     *
     * @throws DicomFormatException a deflated data set that PixelMed must not read at all
     */
    static ScanResult scan(ScanInput input, boolean stopAtPixelData, long maxInflatedBytes) throws DicomFormatException {
        ElementScan scan = new ElementScan(maxInflatedBytes);
        try {
            ScanStream stream = ScanStream.open(input);
            scan.read(stream, stream.startOfData(), UNDEFINED, stopAtPixelData ? PIXEL_DATA : NO_STOP, false, null, 0);
        } catch (Cut cut) {
            return new ScanResult(cut.at, cut.reason, scan.topLevelPixelDataLength, scan.simplePixelData, -1, null);
        } catch (ScanRefusal e) {
            throw new DicomFormatException(e.getMessage());
        } catch (IOException | Abort e) {
            // PixelMed stops reading here as well: not at all (an IOException from its constructor), or
            // with a DicomException, which ends its read before it allocates anything more
        } catch (RuntimeException e) {
            // PixelMed's own classes failed on a value the walk decoded with them (PixelMed would fail the
            // same way), or the walk itself did: either way it cannot vouch for the file
            throw new DicomFormatException("not readable as DICOM: " + e);
        }
        return new ScanResult(-1, null, scan.topLevelPixelDataLength, scan.simplePixelData, scan.stoppedAt,
                scan.top == null ? null : scan.top.identity());
    }

    /** AttributeList.read(DicomInputStream, byteOffset, lengthToRead, …): one data set, meta header or item. */
    private long read(ScanStream i, long byteOffset, long lengthToRead, int stopTag, boolean insideUnknownVR,
                      ScanValues inherited, int depth) throws IOException {
        if (i.readingDataSet() && (i.inUse().isDeflated() || i.inUse().isBzip2ed())) {
            i = inflated(i);
        }
        ScanValues values = values(inherited, depth);
        boolean undefined = lengthToRead == UNDEFINED;
        long end = undefined ? UNDEFINED : byteOffset + lengthToRead - 1;
        try {
            while (undefined || byteOffset < end) {
                long start = i.in.position();
                int group = i.u16();
                int tag = group << 16 | i.u16();
                byteOffset += 4;
                if (stopTag != NO_STOP && tag == stopTag) {
                    stoppedAt = i.in.decompressed() ? -1 : i.in.position();
                    return byteOffset;
                }
                if (!i.readingDataSet() && group > 2) {
                    switchToDataSet(i);
                }
                if (tag == ITEM_DELIMITATION) {
                    i.u32();
                    return byteOffset + 4;
                }
                if (tag == ITEM || tag == SEQUENCE_DELIMITATION) {
                    i.u32(); // PixelMed ignores the stray delimiter and reads on after its length
                    byteOffset += 4;
                    continue;
                }
                ElementHeader h = ElementHeader.read(i, tag, insideUnknownVR, values);
                byteOffset = element(i, byteOffset + h.length(), tag, h, start, insideUnknownVR, values, depth);
                if (metaGroupLength >= 0) {
                    int groupLength = metaGroupLength;
                    metaGroupLength = -1;
                    return afterMetaHeaderGroupLength(i, byteOffset, groupLength, stopTag);
                }
            }
        } catch (EOFException e) {
            if (!undefined) {
                throw new EOFException();
            }
        } catch (IOException e) {
            if (!undefined) {
                throw new IOException();
            }
        }
        return byteOffset;
    }

    /** Past one element after its header: a sequence, a value of defined length, or encapsulated pixel data. */
    private long element(ScanStream i, long byteOffset, int tag, ElementHeader h, long start, boolean insideUnknownVR,
                         ScanValues values, int depth) throws IOException {
        if (h.sequence()) {
            return sequence(i, byteOffset, tag, h, start, insideUnknownVR, values, depth);
        }
        if (h.vl() != UNDEFINED) {
            Attribute value = value(i, tag, h, insideUnknownVR, values, start, depth);
            if (tag == 0x00020000 && !i.readingDataSet() && value != null) {
                metaGroupLength = value.getSingleIntegerValueOrDefault(0);
            }
            return byteOffset + h.vl();
        }
        if (tag == PIXEL_DATA) {
            if (depth > 0) {
                simplePixelData = false;
            }
            return new EncapsulatedScan(this, i, start, values.frames()).walk(byteOffset);
        }
        return byteOffset;
    }

    private long sequence(ScanStream i, long byteOffset, int tag, ElementHeader h, long start, boolean insideUnknownVR,
                          ScanValues values, int depth) throws IOException {
        if (depth >= MAX_DEPTH) {
            throw cut(i, start, "malformed: sequences nested more than " + MAX_DEPTH + " levels deep ("
                    + tagText(tag) + " at byte " + start + ")");
        }
        return readSequence(i, byteOffset, h.vl(), ValueRepresentation.isUnknownVR(h.vr()) || insideUnknownVR, values,
                depth + 1);
    }

    /** An element of defined length that is not a sequence: past its value, noting what later reading needs. */
    private Attribute value(ScanStream i, int tag, ElementHeader h, boolean insideUnknownVR, ScanValues values, long start,
                            int depth) throws IOException {
        boolean explicit = i.inUse().isExplicitVR() && !insideUnknownVR;
        h.checkSanityOfValueLength(tag);
        Attribute value = readValue(i, tag, h.vr(), h.vl(), explicit, values, start);
        if (depth == 0 && tag == PIXEL_DATA) {
            topLevelPixelDataLength = h.vl();
        }
        values.read(tag >>> 16, tag & 0xFFFF, value);
        if (tag == 0x00020010 && !i.readingDataSet() && value != null) {
            String uid = value.getSingleStringValueOrEmptyString();
            i.setDataSetSyntax(uid.isEmpty() ? null : new TransferSyntax(uid));
        }
        return value;
    }

    /** The values of a data set read at {@code depth}; those of the top level are kept for {@link ScanResult#identity()}. */
    private ScanValues values(ScanValues inherited, int depth) {
        ScanValues values = new ScanValues(inherited == null ? null : inherited.characterSet());
        if (depth == 0) {
            top = values;
        }
        return values;
    }

    /** The meta header's group length: PixelMed reads the rest of the group by it, then the data set. */
    private long afterMetaHeaderGroupLength(ScanStream i, long byteOffset, int groupLength, int stopTag)
            throws IOException {
        byteOffset = read(i, byteOffset, groupLength, stopTag, false, null, 0);
        if (i.dataSetSyntax() == null) {
            i.guessTransferSyntaxToReadDataSet();
        }
        i.setReadingDataSet();
        return read(i, byteOffset, UNDEFINED, stopTag, false, null, 0);
    }

    /** The first data set element arrived without a meta header group length: PixelMed switches syntax here. */
    private static void switchToDataSet(ScanStream i) throws IOException {
        if (i.dataSetSyntax() == null) {
            byte[] vr = new byte[2];
            int n = 0;
            if (i.in.markSupported()) {
                i.in.mark();
                n = i.in.readUpTo(vr, 2);
                i.in.reset();
            }
            i.setDataSetSyntax(new TransferSyntax(n == 2 && ScanStream.upper(vr[0]) && ScanStream.upper(vr[1])
                    ? ScanStream.EXPLICIT_LITTLE : TransferSyntax.ImplicitVRLittleEndian));
        }
        i.setReadingDataSet();
        if (i.inUse().isDeflated() || i.inUse().isBzip2ed()) {
            // PixelMed would read the compressed bytes as elements here (and inflate them inside items)
            throw new ScanRefusal("malformed: a compressed data set without a meta information group length");
        }
    }

    /** AttributeList.readNewSequenceAttribute: items until the length or the sequence delimiter. */
    private long readSequence(ScanStream i, long byteOffset, long lengthToRead, boolean insideUnknownVR,
                              ScanValues values, int depth) throws IOException {
        boolean undefined = lengthToRead == UNDEFINED;
        long end = undefined ? UNDEFINED : byteOffset + lengthToRead - 1;
        try {
            while (undefined || byteOffset < end) {
                int tag = i.u16() << 16 | i.u16();
                byteOffset += 4;
                long vl = i.u32();
                byteOffset += 4;
                if (tag == SEQUENCE_DELIMITATION) {
                    break;
                } else if (tag == ITEM) {
                    byteOffset = read(i, byteOffset, vl, NO_STOP, insideUnknownVR, values, depth);
                } else {
                    throw new Abort(); // PixelMed: DicomException "Bad tag … in Sequence"
                }
            }
        } catch (EOFException e) {
            if (!undefined) {
                throw new EOFException();
            }
        } catch (IOException e) {
            if (!undefined) {
                throw new IOException();
            }
        }
        return byteOffset;
    }

    /** Goes past a value, reading it when PixelMed's later reading depends on it. */
    private Attribute readValue(ScanStream i, int tag, byte[] vr, long vl, boolean explicit, ScanValues values,
                                long start) throws IOException {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        boolean meta = !i.readingDataSet() && (tag == 0x00020000 || tag == 0x00020010);
        long remaining = i.in.remaining();
        if (remaining >= 0 && vl > remaining) {
            throw cut(i, start, "truncated: the file ends inside an attribute (" + tagText(tag) + " at byte " + start
                    + " declares " + vl + " bytes, " + remaining + " are left)");
        }
        if (meta || ScanValues.wanted(group, element)) {
            if (vl > Integer.MAX_VALUE - 16) {
                throw cut(i, start, "malformed: " + tagText(tag) + " declares " + vl + " bytes");
            }
            byte[] value = new byte[(int) vl];
            if (i.in.readUpTo(value, value.length) < value.length) {
                throw cut(i, start, "truncated: the data set ends inside an attribute (" + tagText(tag) + " declares "
                        + vl + " bytes)");
            }
            return ScanValues.decode(group, element, vr, value, i.bigEndian(), explicit, values.characterSet());
        }
        if (!i.in.skip(vl)) {
            throw cut(i, start, "truncated: the data set ends inside an attribute (" + tagText(tag) + " declares "
                    + vl + " bytes)");
        }
        return null;
    }

    private ScanStream inflated(ScanStream i) throws IOException {
        if (i.inUse().isBzip2ed()) {
            throw new ScanRefusal("bzip2-compressed data sets are not accepted");
        }
        ScanInput inflating = ScanInput.of(new InflaterInputStream(i.in.rest(), new Inflater(true)), maxInflatedBytes);
        return ScanStream.dataSet(inflating, ScanStream.EXPLICIT_LITTLE);
    }

    void notSimple() {
        simplePixelData = false;
    }

    Cut cut(ScanStream i, long at, String reason) {
        if (i.in.decompressed()) {
            throw new ScanRefusal(reason);
        }
        return new Cut(at, reason);
    }

    static String tagText(int tag) {
        return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
    }

    /** PixelMed stops reading at this offset: a DicomException, or nothing more it could allocate. */
    static final class Abort extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Abort() {
            super(null, null, false, false);
        }
    }

    /** The walk found where PixelMed's input must end. */
    static final class Cut extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final long at;
        final String reason;

        Cut(long at, String reason) {
            super(reason, null, false, false);
            this.at = at;
            this.reason = reason;
        }
    }
}
