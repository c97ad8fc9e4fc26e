package org.neuroarchive.dicom;

import java.io.EOFException;
import java.io.IOException;

/**
 * The part of {@link ElementScan} for encapsulated Pixel Data (undefined length: an offset table item,
 * fragment items, a sequence delimiter), following PixelMed's {@code EncapsulatedInputStream} as
 * {@code AttributeList.read} uses it without decompressing. PixelMed allocates each fragment at its
 * declared length, and reads JPEG and RLE data frame by frame: a frame ends with the fragment in which
 * it finds the JPEG end-of-image marker, or with each RLE fragment; after NumberOfFrames frames it
 * expects the sequence delimiter, and when more fragments follow it reads them as elements. Such data is
 * cut before its Pixel Data element, as is a NumberOfFrames PixelMed would allocate arrays for that
 * the fragments cannot hold.
 */
final class EncapsulatedScan {

    private static final String RLE = "1.2.840.10008.1.2.5";
    private static final int MOST_FRAMES_READ_IN_MEMORY = 1000;

    private final ElementScan scan;
    private final ScanStream i;
    private final long elementStart;
    private final int frames;
    private final boolean jpeg;
    private final boolean rle;
    private long bytesRead;
    private boolean lastFragmentEndedFrame;
    private int fragments;
    private boolean delimiter;

    EncapsulatedScan(ElementScan scan, ScanStream i, long elementStart, int frames) {
        this.scan = scan;
        this.i = i;
        this.elementStart = elementStart;
        this.frames = frames;
        this.jpeg = i.inUse().isJPEGFamily();
        this.rle = RLE.equals(i.inUse().getUID());
    }

    /** Walks the items as PixelMed reads them; returns PixelMed's byte offset after them. */
    long walk(long byteOffset) throws IOException {
        boolean separated = jpeg || rle;
        if (separated && frames < 0) {
            throw new ElementScan.Abort(); // PixelMed: NegativeArraySizeException
        }
        if (!separated) {
            scan.notSimple(); // a decoding read of PixelMed does not follow fragments for these syntaxes
        }
        if (!separated || frames > 0) {
            skipOffsetTable();
            fragments(separated);
        }
        if (separated && frames > MOST_FRAMES_READ_IN_MEMORY && frames > fragments) {
            throw scan.cut(i, elementStart, "malformed: NumberOfFrames is " + frames + " but the encapsulated pixel data at"
                    + " byte " + elementStart + " has " + fragments + " fragments");
        }
        if (!delimiter) {
            // readSequenceDelimiter: anything but the delimiter makes PixelMed read the next fragment as elements
            int tag = itemTag();
            i.u32();
            if (tag != ElementScan.SEQUENCE_DELIMITATION) {
                throw scan.cut(i, elementStart, "malformed: the encapsulated pixel data at byte " + elementStart
                        + " has more fragments than its " + frames + " frame(s)");
            }
        }
        return byteOffset + bytesRead;
    }

    private void skipOffsetTable() throws IOException {
        int tag = itemTag();
        long length = i.u32();
        if (tag != ElementScan.ITEM) {
            throw new IOException(); // no offset table item
        }
        if (!i.in.skip(length)) {
            throw new EOFException();
        }
        bytesRead += length;
    }

    /** The fragment items up to the sequence delimiter or, for JPEG and RLE, until every frame has ended. */
    private void fragments(boolean separated) throws IOException {
        int frameEnds = 0;
        while (!separated || frameEnds < frames) {
            long itemStart = i.in.position();
            int tag = itemTag();
            long length = i.u32();
            if (tag == ElementScan.SEQUENCE_DELIMITATION) {
                delimiter = true;
                return;
            }
            if (tag != ElementScan.ITEM) {
                throw new IOException(); // PixelMed: "Unexpected DICOM tag … in encapsulated data"
            }
            fragments++;
            if (length == 0) {
                scan.notSimple();
                // an empty item ends a frame when the last fragment did (PixelMed keeps that flag)
            } else {
                fragment(itemStart, length);
            }
            if (lastFragmentEndedFrame) {
                frameEnds++;
            } else if (separated) {
                scan.notSimple(); // this frame goes on in the next fragment
            }
            bytesRead += length;
        }
    }

    private int itemTag() throws IOException {
        int tag = i.u16() << 16 | i.u16();
        bytesRead += 8;
        return tag;
    }

    /** One fragment: PixelMed allocates its declared length; for JPEG it looks for the end-of-image marker. */
    private void fragment(long itemStart, long length) throws IOException {
        long remaining = i.in.remaining();
        if (remaining >= 0 && length > remaining || length > Integer.MAX_VALUE) {
            throw scan.cut(i, itemStart, "truncated: the file ends inside a fragment of the encapsulated pixel data"
                    + " (the fragment at byte " + itemStart + " declares " + length + " bytes, "
                    + Math.max(remaining, 0) + " are left)");
        }
        if (!jpeg) {
            if (!i.in.skip(length)) {
                throw scan.cut(i, itemStart, "truncated: the data set ends inside a fragment of the encapsulated pixel"
                        + " data (it declares " + length + " bytes)");
            }
            lastFragmentEndedFrame = rle;
            return;
        }
        lastFragmentEndedFrame = containsEndOfImage((int) length, itemStart);
    }

    /** As PixelMed: FF D9 at an index from 1 to length - 2, searched from the end. */
    private boolean containsEndOfImage(int length, long itemStart) throws IOException {
        byte[] buffer = new byte[(int) Math.min(length, 64 * 1024)];
        boolean found = false;
        int previous = -1;
        int index = 0;
        while (index < length) {
            int n = i.in.readUpTo(buffer, Math.min(buffer.length, length - index));
            if (n <= 0) {
                throw scan.cut(i, itemStart, "truncated: the data set ends inside a fragment of the encapsulated pixel"
                        + " data (it declares " + length + " bytes)");
            }
            for (int k = 0; k < n; k++) {
                int b = buffer[k] & 0xFF;
                int at = index + k; // b is at index 'at', previous at 'at - 1'
                if (previous == 0xFF && b == 0xD9 && at - 1 >= 1) {
                    found = true;
                }
                previous = b;
            }
            index += n;
        }
        return found;
    }
}
