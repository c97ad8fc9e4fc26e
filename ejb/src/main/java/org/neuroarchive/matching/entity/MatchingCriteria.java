package org.neuroarchive.matching.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How the series of an import are matched to subjects, studies and series, as NiDB's individual
 * import offers it. {@link #NIDB_DEFAULTS} are the rules of the global import.
 */
public record MatchingCriteria(Subject subject, Study study, Series series) {

    public static final MatchingCriteria NIDB_DEFAULTS =
            new MatchingCriteria(Subject.PATIENT_ID, Study.MODALITY_STUDY_DATE, Series.SERIES_NUMBER);

    /** A criterion as the API names it. */
    public interface Coded {
        String code();
    }

    /** How a subject is found. */
    public enum Subject implements Coded {
        /** PatientID against subject UID, alternate UIDs and their SHA-1 (NiDB's default). */
        PATIENT_ID("patientid"),
        /** One PatientID typed by the user, for every file of the import. */
        SPECIFIC_PATIENT_ID("specificpatientid"),
        /** The name of the folder each file lies in, as PatientID. */
        PATIENT_ID_FROM_DIR("patientidfromdir"),
        /** PatientName, PatientSex and PatientBirthDate together. */
        NAME_SEX_DOB("namesexdob");

        private final String code;

        Subject(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** How a study of the subject's enrollment is found. */
    public enum Study implements Coded {
        /** Same modality and StudyDate/Time within ±30 s (NiDB's default). */
        MODALITY_STUDY_DATE("modalitystudydate"),
        /** Same StudyInstanceUID. */
        STUDY_UID("studyuid"),
        /** Same StudyID (0020,0010). */
        STUDY_ID("studyid");

        private final String code;

        Study(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /** How a series of the study is found. */
    public enum Series implements Coded {
        /** Same SeriesNumber (NiDB's default). */
        SERIES_NUMBER("seriesnum"),
        /** Same SeriesDate/Time. */
        SERIES_DATE("seriesdate"),
        /** Same SeriesInstanceUID. */
        SERIES_UID("seriesuid");

        private final String code;

        Series(String code) {
            this.code = code;
        }

        @Override
        public String code() {
            return code;
        }
    }

    /**
     * The constant of {@code type} with this API code (case-insensitive); {@code fallback} for a null
     * or blank code. An unknown code is refused with the list of valid ones.
     */
    public static <E extends Enum<E> & Coded> E parse(Class<E> type, String code, E fallback, String option) {
        if (code == null || code.isBlank()) {
            return fallback;
        }
        String wanted = code.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.code().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown " + option + " '" + code + "'; choose one of "
                        + Arrays.stream(type.getEnumConstants()).map(Coded::code).collect(Collectors.joining(", "))));
    }
}
