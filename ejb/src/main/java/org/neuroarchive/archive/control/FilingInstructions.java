package org.neuroarchive.archive.control;

import java.util.List;
import org.neuroarchive.matching.control.MatchingCriteria;
import org.neuroarchive.matching.control.SeriesIdentity;

/**
 * How a series is to be filed beyond what its files say. {@link #RULES}: NiDB's rules of the global
 * import. {@link #release}: a person released a held series with an explicit PatientID and,
 * optionally, a project. {@link #individualImport}: the options of an individual import — matching
 * criteria, project, a PatientID given by the user or taken from a folder name, alternate UIDs.
 *
 * @param patientId         replaces the files' PatientID, or null
 * @param projectCostcenter the project, or null for the StudyDescription rule
 * @param released          a person released the series: it may be filed without a StudyDate
 */
public record FilingInstructions(String patientId, String projectCostcenter, MatchingCriteria criteria,
                                 List<String> altUids, boolean released) {

    public static final FilingInstructions RULES =
            new FilingInstructions(null, null, MatchingCriteria.NIDB_DEFAULTS, List.of(), false);

    public FilingInstructions {
        altUids = List.copyOf(altUids);
    }

    public static FilingInstructions release(String patientId, String projectCostcenter) {
        return patientId == null ? RULES
                : new FilingInstructions(patientId, projectCostcenter, MatchingCriteria.NIDB_DEFAULTS, List.of(), true);
    }

    public static FilingInstructions individualImport(String patientId, String projectCostcenter,
                                                      MatchingCriteria criteria, List<String> altUids) {
        return new FilingInstructions(patientId, projectCostcenter, criteria, altUids, false);
    }

    /** The identity the series is filed under: its own, or with the PatientID given here. */
    public SeriesIdentity apply(SeriesIdentity identity) {
        if (patientId == null) {
            return identity;
        }
        return released ? identity.releasedAs(patientId) : identity.withPatientId(patientId);
    }
}
