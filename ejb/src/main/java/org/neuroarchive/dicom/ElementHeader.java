package org.neuroarchive.dicom;

import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.AttributeTag;
import com.pixelmed.dicom.ClinicalTrialsAttributes;
import com.pixelmed.dicom.ValueRepresentation;
import java.io.IOException;
import java.util.Set;

/**
 * One element's header after its tag, read as PixelMed's {@code AttributeList.read} reads it: the value
 * representation (explicit, from the dictionary for implicit VR, or repaired: "--", zeros, an implicit
 * element inside an explicit data set, UN of a known tag, private creators), the value length, how many
 * header bytes that took, and whether PixelMed reads the value as a sequence. Part of {@link ElementScan}.
 */
record ElementHeader(byte[] vr, long vl, boolean implicitHere, int length, boolean sequence) {

    private static final byte[] UN = {'U', 'N'};
    private static final byte[] LO = {'L', 'O'};
    private static final long UNDEFINED = ElementScan.UNDEFINED;
    private static final long LONGEST_SHORT_VALUE = 0xFFFF;
    private static final long LONGEST_REPAIRED_VALUE = 100_000;

    /** Reads the header after the tag: the VR (explicit, from the dictionary, or repaired) and the value length. */
    static ElementHeader read(ScanStream i, int tag, boolean insideUnknownVR, ScanValues values) throws IOException {
        int group = tag >>> 16;
        int element = tag & 0xFFFF;
        boolean explicit = i.inUse().isExplicitVR() && !insideUnknownVR;
        boolean little = i.inUse().isLittleEndian() || insideUnknownVR;
        int length = 0;
        boolean implicitHere = false;
        byte[] vr;
        if (explicit) {
            vr = explicitVr(i);
            implicitHere = vr == null;
            length += implicitHere ? 0 : 2;
            vr = implicitHere ? UN.clone() : vr;
        } else {
            vr = AttributeList.getDictionary().getValueRepresentationFromTag(new AttributeTag(group, element));
            if (vr == null) {
                vr = UN.clone();
            }
        }
        long vl;
        if (explicit && !implicitHere) {
            vl = i.u16();
            length += 2;
            if (!ValueRepresentation.isShortValueLengthVR(vr) && (vl == 0 || vl == 0x3030)) {
                vl = i.u32(); // else PixelMed takes the reserved bytes as a short length
                length += 4;
            }
        } else {
            vl = i.u32();
            length += 4;
        }
        if (explicit && ValueRepresentation.isUnknownVR(vr)) {
            vr = dictionaryInsteadOfUnknown(group, element, vr, little);
        }
        if (group % 2 != 0 && element > 0 && element <= 0xFF) {
            vr = LO; // a private creator
        }
        boolean sequence = ValueRepresentation.isSequenceVR(vr) || ValueRepresentation.isUnknownVR(vr)
                && (vl == UNDEFINED || group % 2 != 0 && ClinicalTrialsAttributes.isSafePrivateSequenceAttribute(
                        values.privateCreator(group, element), new AttributeTag(group, element)));
        return new ElementHeader(vr, vl, implicitHere, length, sequence);
    }

    /** The two VR bytes of an explicit VR element, UN for "--" or zeros; null for an implicit VR element here. */
    private static byte[] explicitVr(ScanStream i) throws IOException {
        boolean marked = i.in.markSupported();
        if (marked) {
            i.in.mark();
        }
        byte[] vr = new byte[2];
        i.in.readFully(vr, 2);
        if (vr[0] == '-' && vr[1] == '-' || vr[0] == 0 && vr[1] == 0) {
            return UN.clone();
        }
        if (marked && (vr[0] < 'A' || vr[1] < 'A')) {
            i.in.reset(); // an implicit VR element in an explicit VR data set
            return null;
        }
        return vr;
    }

    /** A UN element of a known tag gets the dictionary's VR, unless that is SQ (PixelMed: read on as UN). */
    private static byte[] dictionaryInsteadOfUnknown(int group, int element, byte[] vr, boolean little) {
        byte[] known = AttributeList.getDictionary().getValueRepresentationFromTag(new AttributeTag(group, element));
        if (known != null && known.length >= 2
                && (little || ValueRepresentation.getWordLengthOfValueAffectedByEndianness(known) == 1)
                && !ValueRepresentation.isSequenceVR(known)) {
            return new byte[] {known[0], known[1]};
        }
        return vr;
    }

    /** AttributeList.checkSanityOfValueLength: where PixelMed gives up with a DicomException, before allocating. */
    void checkSanityOfValueLength(int tag) {
        boolean repairedImplicit = implicitHere;
        if (vl > Integer.MAX_VALUE && ValueRepresentation.isUnknownVR(vr)) {
            throw new ElementScan.Abort();
        }
        if (vl > LONGEST_SHORT_VALUE && ValueRepresentation.isShortValueLengthVR(vr) && !LONG_SHORT_VALUES.contains(tag)) {
            throw new ElementScan.Abort();
        }
        if (repairedImplicit && vl > LONGEST_REPAIRED_VALUE) {
            throw new ElementScan.Abort();
        }
    }

    private static final Set<Integer> LONG_SHORT_VALUES = Set.of(0x30040058, 0x300A00EB,
            0x300A00EC, 0x300A0106, 0x30060050, 0x00603020, 0x00186054); // DVH, compensator, block, contour data…
}
