package org.neuroarchive.dicomweb.control;

import jakarta.persistence.Query;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroarchive.common.control.LikePattern;
import org.neuroarchive.security.control.ProjectScope;

/**
 * The JPQL conditions of a QIDO-RS search on the aliases {@code st} (study), {@code sub} (its subject),
 * {@code s} (series) and {@code i} (instance): the caller's projects, then one condition a matching key.
 * PatientID (a subject's UID, or one of its alternate UIDs) and PatientName match the patient data only
 * where the caller may view PHI, as the search screen does ({@code ArchiveSearch}); a caller without
 * view-PHI finds nothing by a patient's name or PatientID.
 */
final class QidoFilter {

    private static final String PROJECT = "st.enrollment.project.id";

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();
    private final ProjectScope visible;
    private final ProjectScope phi;

    QidoFilter(QidoQuery query, ProjectScope visible, ProjectScope phi) {
        this.visible = visible;
        this.phi = phi;
        where.append(visible.where(PROJECT, "visible"));
        query.keys().forEach(this::add);
    }

    String where() {
        return where.toString();
    }

    <Q extends Query> Q bind(Q query) {
        parameters.forEach(query::setParameter);
        visible.bind(query, "visible");
        if (where.indexOf(":phi") >= 0) {
            phi.bind(query, "phi");
        }
        return query;
    }

    private void add(QidoKey key, String value) {
        String p = "k" + key.ordinal();
        String condition = switch (key) {
            case STUDY_INSTANCE_UID -> uids("st.studyInstanceUid", p, value);
            case SERIES_INSTANCE_UID -> uids("s.seriesInstanceUid", p, value);
            case SOP_INSTANCE_UID -> uids("i.sopInstanceUid", p, value);
            case SOP_CLASS_UID -> uids("i.sopClassUid", p, value);
            case PATIENT_ID -> like("LOWER(sub.uid)", p, value) + " OR (" + phi.where(PROJECT, "phi")
                    + " AND EXISTS (SELECT a FROM AlternateUid a WHERE a.subject = sub AND "
                    + like("LOWER(a.altuid)", p, value) + "))";
            case PATIENT_NAME -> phi.where(PROJECT, "phi") + " AND " + like("LOWER(sub.patientName)", p, value);
            case STUDY_DATE -> dates(p, DateRange.parse("StudyDate", value));
            case MODALITIES_IN_STUDY -> "EXISTS (SELECT m FROM Series m WHERE m.study = st AND m.modality IN :" + p
                    + codes(p, value) + ")";
            case MODALITY -> "s.modality IN :" + p + codes(p, value);
            case STUDY_ID -> like("LOWER(st.studyId)", p, value);
            case STUDY_DESCRIPTION -> like("LOWER(st.description)", p, value);
            case SERIES_DESCRIPTION -> like("LOWER(s.description)", p, value);
            case SERIES_NUMBER -> number("s.seriesNum", p, value);
            case INSTANCE_NUMBER -> number("i.instanceNumber", p, value);
        };
        where.append(" AND (").append(condition).append(')');
    }

    /** A comma-separated list of UIDs (PS3.18 8.3.4.1). */
    private String uids(String path, String p, String value) {
        parameters.put(p, Arrays.stream(value.split(",")).map(String::strip).filter(u -> !u.isEmpty()).toList());
        return path + " IN :" + p;
    }

    private String like(String path, String p, String value) {
        parameters.put(p, Wildcards.like(value));
        return path + " LIKE :" + p + " " + LikePattern.ESCAPE;
    }

    /** Codes separated by commas or backslashes, upper case; the condition's tail (nothing). */
    private String codes(String p, String value) {
        List<String> codes = Arrays.stream(value.split("[,\\\\]")).map(c -> c.strip().toUpperCase(Locale.ROOT))
                .filter(c -> !c.isEmpty()).toList();
        parameters.put(p, codes);
        return "";
    }

    private String dates(String p, DateRange range) {
        StringBuilder condition = new StringBuilder("1 = 1");
        if (range.from() != null) {
            condition.append(" AND st.studyDateTime >= :").append(p).append("f");
            parameters.put(p + "f", range.from().atStartOfDay());
        }
        if (range.to() != null) {
            condition.append(" AND st.studyDateTime < :").append(p).append("t");
            parameters.put(p + "t", range.to().plusDays(1).atStartOfDay());
        }
        return condition.toString();
    }

    private String number(String path, String p, String value) {
        parameters.put(p, Integer.parseInt(value.strip()));
        return path + " = :" + p;
    }
}
