package org.neuroarchive.dicomweb.control;

/** The tags of the attributes QIDO-RS returns from the database. */
final class DicomTags {

    static final int SOP_CLASS_UID = 0x00080016;
    static final int SOP_INSTANCE_UID = 0x00080018;
    static final int STUDY_DATE = 0x00080020;
    static final int SERIES_DATE = 0x00080021;
    static final int STUDY_TIME = 0x00080030;
    static final int SERIES_TIME = 0x00080031;
    static final int ACCESSION_NUMBER = 0x00080050;
    static final int MODALITY = 0x00080060;
    static final int MODALITIES_IN_STUDY = 0x00080061;
    static final int REFERRING_PHYSICIAN_NAME = 0x00080090;
    static final int RETRIEVE_URL = 0x00081190;
    static final int STUDY_DESCRIPTION = 0x00081030;
    static final int SERIES_DESCRIPTION = 0x0008103E;
    static final int PATIENT_NAME = 0x00100010;
    static final int PATIENT_ID = 0x00100020;
    static final int PATIENT_BIRTH_DATE = 0x00100030;
    static final int PATIENT_SEX = 0x00100040;
    static final int BODY_PART_EXAMINED = 0x00180015;
    static final int PROTOCOL_NAME = 0x00181030;
    static final int STUDY_INSTANCE_UID = 0x0020000D;
    static final int SERIES_INSTANCE_UID = 0x0020000E;
    static final int STUDY_ID = 0x00200010;
    static final int SERIES_NUMBER = 0x00200011;
    static final int INSTANCE_NUMBER = 0x00200013;
    static final int NUMBER_OF_STUDY_RELATED_SERIES = 0x00201206;
    static final int NUMBER_OF_STUDY_RELATED_INSTANCES = 0x00201208;
    static final int NUMBER_OF_SERIES_RELATED_INSTANCES = 0x00201209;
    static final int ROWS = 0x00280010;
    static final int COLUMNS = 0x00280011;

    private DicomTags() {
    }
}
