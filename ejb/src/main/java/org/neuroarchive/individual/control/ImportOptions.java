package org.neuroarchive.individual.control;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.common.entity.ColumnText;
import org.neuroarchive.matching.entity.MatchingCriteria;

/**
 * The options of an individual import, with the names of the API contract: {@code modality}
 * ({@code auto} or a code such as {@code MR}), {@code project} (cost center), {@code subjectCriteria}
 * with {@code patientId}, {@code studyCriteria}, {@code seriesCriteria}, {@code anonymize},
 * {@code altUids}, {@code notes}. Anything left out takes NiDB's default.
 */
public record ImportOptions(String modality, String project, String subjectCriteria, String patientId,
                            String studyCriteria, String seriesCriteria, Boolean anonymize, List<String> altUids,
                            String notes) {

    private static final int MAX_ALT_UIDS = 50;

    public static final ImportOptions DEFAULTS = new ImportOptions(null, null, null, null, null, null, null, null, null);

    /** The options checked and normalised, or {@link RequestRejected} (400) saying what is wrong. */
    public Valid validate() {
        String mod = normalisedModality();
        MatchingCriteria criteria = criteria();
        String specific = specificPatientId(criteria);
        boolean anon = Boolean.TRUE.equals(anonymize);
        if (anon && criteria.subject() == MatchingCriteria.Subject.NAME_SEX_DOB) {
            throw invalid("anonymize removes PatientName and PatientBirthDate, so subjectCriteria namesexdob could not "
                    + "match anything: choose patientid, specificpatientid or patientidfromdir");
        }
        if (anon && criteria.study() == MatchingCriteria.Study.STUDY_ID) {
            throw invalid("anonymize blanks StudyID, so studyCriteria studyid could not group studies: choose "
                    + "modalitystudydate or studyuid (study UIDs are replaced consistently within the import)");
        }
        List<String> alt = alternateUids();
        String text = notes == null ? "" : notes;
        if (text.length() > 2048) {
            throw invalid("notes are longer than 2048 characters");
        }
        String cost = project == null || project.isBlank() ? null : project.strip();
        return new Valid(mod, cost, criteria, specific, anon, alt, text);
    }

    private String normalisedModality() {
        String mod = modality == null || modality.isBlank() ? "auto" : modality.strip();
        if (mod.equalsIgnoreCase("auto")) {
            return "auto";
        }
        if (!mod.matches("[A-Za-z]{1,16}")) {
            throw invalid("modality '" + modality + "' is not a modality code: use auto or a code such as MR, CT, PT");
        }
        return mod.toUpperCase(Locale.ROOT);
    }

    private MatchingCriteria criteria() {
        try {
            return new MatchingCriteria(
                    MatchingCriteria.parse(MatchingCriteria.Subject.class, subjectCriteria, MatchingCriteria.Subject.PATIENT_ID, "subjectCriteria"),
                    MatchingCriteria.parse(MatchingCriteria.Study.class, studyCriteria, MatchingCriteria.Study.MODALITY_STUDY_DATE, "studyCriteria"),
                    MatchingCriteria.parse(MatchingCriteria.Series.class, seriesCriteria, MatchingCriteria.Series.SERIES_NUMBER, "seriesCriteria"));
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    /** The typed PatientID, for subjectCriteria specificpatientid only. */
    private String specificPatientId(MatchingCriteria criteria) {
        if (criteria.subject() != MatchingCriteria.Subject.SPECIFIC_PATIENT_ID) {
            return null;
        }
        String specific = patientId == null ? null : patientId.strip();
        if (specific == null || specific.isEmpty()) {
            throw invalid("subjectCriteria specificpatientid needs the PatientID to use in \"patientId\"");
        }
        if (specific.length() > ColumnText.PATIENT_ID) {
            throw invalid("patientId is longer than " + ColumnText.PATIENT_ID + " characters (DICOM's limit for a PatientID)");
        }
        return specific;
    }

    private List<String> alternateUids() {
        List<String> alt = new ArrayList<>();
        for (String a : altUids == null ? List.<String>of() : altUids) {
            String clean = a == null ? "" : a.strip();
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > 255 || clean.contains("\n")) {
                throw invalid("alternate UID '" + clip(clean) + "' is longer than 255 characters or has a line break");
            }
            alt.add(clean);
        }
        if (alt.size() > MAX_ALT_UIDS || String.join("\n", alt).length() > 2048) {
            throw invalid("at most " + MAX_ALT_UIDS + " alternate UIDs, 2048 characters in all, per import");
        }
        return List.copyOf(alt);
    }

    /** Validated options. {@code project} null: by the StudyDescription rule, as the global import. */
    public record Valid(String modality, String project, MatchingCriteria criteria, String patientId, boolean anonymize,
                        List<String> altUids, String notes) {
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static RequestRejected invalid(String message) {
        return new RequestRejected(RequestRejected.Reason.INVALID, message);
    }
}
