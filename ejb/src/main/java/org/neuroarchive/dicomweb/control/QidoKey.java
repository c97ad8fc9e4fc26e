package org.neuroarchive.dicomweb.control;

import java.util.Arrays;
import java.util.Optional;

/**
 * The matching keys of QIDO-RS the archive holds in its database (PS3.18 10.6.1.2), with how each is
 * matched: a list of UIDs, a DICOM date or range, a text with the wildcards {@code *} and {@code ?}
 * (case-insensitive), a code, or a whole number. PatientID and PatientName are patient data: they match only
 * in projects whose PHI the caller may view (as the search screen).
 */
public enum QidoKey {
    STUDY_INSTANCE_UID(0x0020000D, QidoLevel.STUDY, Match.UIDS),
    PATIENT_ID(0x00100020, QidoLevel.STUDY, Match.TEXT),
    PATIENT_NAME(0x00100010, QidoLevel.STUDY, Match.TEXT),
    STUDY_DATE(0x00080020, QidoLevel.STUDY, Match.DATE),
    MODALITIES_IN_STUDY(0x00080061, QidoLevel.STUDY, Match.CODES),
    STUDY_ID(0x00200010, QidoLevel.STUDY, Match.TEXT),
    STUDY_DESCRIPTION(0x00081030, QidoLevel.STUDY, Match.TEXT),
    SERIES_INSTANCE_UID(0x0020000E, QidoLevel.SERIES, Match.UIDS),
    SERIES_NUMBER(0x00200011, QidoLevel.SERIES, Match.NUMBER),
    MODALITY(0x00080060, QidoLevel.SERIES, Match.CODES),
    SERIES_DESCRIPTION(0x0008103E, QidoLevel.SERIES, Match.TEXT),
    SOP_INSTANCE_UID(0x00080018, QidoLevel.INSTANCE, Match.UIDS),
    SOP_CLASS_UID(0x00080016, QidoLevel.INSTANCE, Match.UIDS),
    INSTANCE_NUMBER(0x00200013, QidoLevel.INSTANCE, Match.NUMBER);

    /** How a key's value is read and compared. */
    public enum Match { UIDS, DATE, TEXT, CODES, NUMBER }

    private final int tag;
    private final QidoLevel level;
    private final Match match;

    QidoKey(int tag, QidoLevel level, Match match) {
        this.tag = tag;
        this.level = level;
        this.match = match;
    }

    public int tag() {
        return tag;
    }

    public QidoLevel level() {
        return level;
    }

    public Match match() {
        return match;
    }

    public boolean isPatientData() {
        return this == PATIENT_ID || this == PATIENT_NAME;
    }

    public static Optional<QidoKey> ofTag(int tag) {
        return Arrays.stream(values()).filter(k -> k.tag == tag).findFirst();
    }
}
