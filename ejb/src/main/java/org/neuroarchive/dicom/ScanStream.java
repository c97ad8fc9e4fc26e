package org.neuroarchive.dicom;

import com.pixelmed.dicom.TransferSyntax;
import java.io.IOException;

/**
 * The state PixelMed's {@code DicomInputStream} keeps while {@link ElementScan} walks a file: the
 * transfer syntaxes of the meta header and of the data set, which one is in use and its byte order.
 * {@link #open} decides them from the first bytes exactly as that class's constructor does (the
 * preamble and {@code DICM}, else a guess from the first element), so that the walk reads every
 * tag and length the way PixelMed will. Not thread-safe.
 */
final class ScanStream {

    static final String EXPLICIT_LITTLE = TransferSyntax.ExplicitVRLittleEndian;
    private static final String IMPLICIT_LITTLE = TransferSyntax.ImplicitVRLittleEndian;
    private static final String EXPLICIT_BIG = TransferSyntax.ExplicitVRBigEndian;
    private static final int PREAMBLE = 128;

    final ScanInput in;
    private TransferSyntax metaHeader;
    private TransferSyntax dataSet;
    private TransferSyntax inUse;
    private boolean readingDataSet;
    private boolean bigEndian;
    private long startOfData;
    private final byte[] bytes = new byte[8];

    private ScanStream(ScanInput in) {
        this.in = in;
    }

    /** The stream {@code new DicomInputStream(in)} makes of a file: meta header or data set, and its syntax. */
    static ScanStream open(ScanInput in) throws IOException {
        ScanStream s = new ScanStream(in);
        in.mark();
        boolean preamble = in.skip(PREAMBLE);
        if (preamble && in.readUpTo(s.bytes, 4) == 4 && s.bytes[0] == 'D' && s.bytes[1] == 'I' && s.bytes[2] == 'C'
                && s.bytes[3] == 'M') {
            in.mark();
            int n = in.readUpTo(s.bytes, 6);
            s.metaHeader = new TransferSyntax(n != 6 || upper(s.bytes[4]) && upper(s.bytes[5])
                    ? EXPLICIT_LITTLE : IMPLICIT_LITTLE);
            in.reset();
            s.startOfData = PREAMBLE + 4;
        } else {
            in.reset();
            s.startOfData = 0;
        }
        if (s.metaHeader == null) {
            s.guessTransferSyntaxToReadDataSet();
            s.setReadingDataSet();
        } else {
            s.setReadingMetaHeader();
        }
        return s;
    }

    /** The stream {@code new DicomInputStream(in, uid, false)} makes: a data set in {@code uid}. */
    static ScanStream dataSet(ScanInput in, String uid) {
        ScanStream s = new ScanStream(in);
        s.dataSet = new TransferSyntax(uid);
        s.setReadingDataSet();
        return s;
    }

    /** As PixelMed: Character.isUpperCase of the byte taken as a (signed) char. */
    static boolean upper(byte b) {
        return Character.isUpperCase((char) b);
    }

    /** DicomInputStream.guessTransferSyntaxToReadDataSet, from the first 8 bytes of the data set. */
    void guessTransferSyntaxToReadDataSet() throws IOException {
        boolean big = false;
        boolean explicit = false;
        in.mark();
        if (in.readUpTo(bytes, 8) == 8) {
            if (bytes[0] < bytes[1] || bytes[0] == 0 && bytes[1] == 0 && bytes[4] < bytes[7]) {
                big = true;
            }
            explicit = upper(bytes[4]) && upper(bytes[5]);
        }
        in.reset();
        if (big) {
            if (!explicit) {
                throw new IOException("Not a DICOM file (masquerades as explicit VR big endian)");
            }
            dataSet = new TransferSyntax(EXPLICIT_BIG);
        } else {
            dataSet = new TransferSyntax(explicit ? EXPLICIT_LITTLE : IMPLICIT_LITTLE);
        }
    }

    void setReadingDataSet() {
        inUse = dataSet;
        bigEndian = inUse.isBigEndian();
        readingDataSet = true;
    }

    private void setReadingMetaHeader() {
        inUse = metaHeader;
        bigEndian = inUse.isBigEndian();
        readingDataSet = false;
    }

    boolean readingDataSet() {
        return readingDataSet;
    }

    TransferSyntax inUse() {
        return inUse;
    }

    TransferSyntax dataSetSyntax() {
        return dataSet;
    }

    void setDataSetSyntax(TransferSyntax syntax) {
        dataSet = syntax;
    }

    boolean bigEndian() {
        return bigEndian;
    }

    long startOfData() {
        return startOfData;
    }

    int u16() throws IOException {
        in.readFully(bytes, 2);
        return bigEndian ? (bytes[0] & 0xFF) << 8 | bytes[1] & 0xFF : (bytes[1] & 0xFF) << 8 | bytes[0] & 0xFF;
    }

    long u32() throws IOException {
        in.readFully(bytes, 4);
        long b0 = bytes[0] & 0xFF;
        long b1 = bytes[1] & 0xFF;
        long b2 = bytes[2] & 0xFF;
        long b3 = bytes[3] & 0xFF;
        return bigEndian ? b0 << 24 | b1 << 16 | b2 << 8 | b3 : b3 << 24 | b2 << 16 | b1 << 8 | b0;
    }
}
