package org.neuroarchive.dicom;

import com.pixelmed.dicom.Attribute;
import com.pixelmed.dicom.AttributeList;
import com.pixelmed.dicom.DicomException;
import com.pixelmed.dicom.SequenceAttribute;
import com.pixelmed.dicom.SequenceItem;
import com.pixelmed.dicom.UniqueIdentifierAttribute;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Replaces the UIDs of a data set by UIDs derived from a salted hash, so that one original UID maps
 * to the same new UID in every file of an import (and after a restart), and to another one in
 * another import. Unlike PixelMed's {@code ClinicalTrialsAttributes.remapUIDAttributes} it keeps no
 * state: the mapping is {@code 2.25.} followed by the first 128 bits of SHA-256(salt | UID).
 */
final class SaltedUids {

    /** UIDs defined by the standard (SOP classes, transfer syntaxes, well-known frames of reference…). */
    private static final String DICOM_ROOT = "1.2.840.10008.";
    private static final int UID_HASH_BYTES = 16;

    private final String salt;

    SaltedUids(String salt) {
        this.salt = salt;
    }

    /** The replacement of one UID (not checked for being well known). */
    String replacement(String originalUid) {
        byte[] digest = sha256(salt + "|" + originalUid);
        return "2.25." + new BigInteger(1, Arrays.copyOf(digest, UID_HASH_BYTES));
    }

    /**
     * Replaces every UID value that identifies something (instance, series, study, frame of
     * reference, referenced object…), in nested sequences too. Kept: UIDs of SOP classes, transfer
     * syntaxes, coding schemes, private creators (as PixelMed's {@code UniqueIdentifierAttribute.isTransient}
     * tells them apart) and any value under the DICOM root {@code 1.2.840.10008.}.
     */
    void replaceAll(AttributeList list) throws DicomException {
        for (Attribute attribute : new ArrayList<>(list.values())) {
            if (attribute instanceof SequenceAttribute sequence) {
                for (int i = 0; i < sequence.getNumberOfItems(); i++) {
                    SequenceItem item = sequence.getItem(i);
                    if (item != null && item.getAttributeList() != null) {
                        replaceAll(item.getAttributeList());
                    }
                }
            } else if (attribute instanceof UniqueIdentifierAttribute
                    && UniqueIdentifierAttribute.isTransient(attribute.getTag(), list)) {
                replaceValues(attribute);
            }
        }
    }

    private void replaceValues(Attribute attribute) throws DicomException {
        String[] values = attribute.getStringValues();
        if (values == null || values.length == 0) {
            return;
        }
        List<String> replaced = new ArrayList<>(values.length);
        for (String value : values) {
            String uid = value == null ? "" : value.replace('\0', ' ').strip();
            replaced.add(uid.isEmpty() || uid.startsWith(DICOM_ROOT) ? uid : replacement(uid));
        }
        attribute.removeValues();
        for (String uid : replaced) {
            attribute.addValue(uid);
        }
    }

    static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java runtime", e);
        }
    }
}
