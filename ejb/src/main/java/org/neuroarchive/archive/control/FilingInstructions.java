package org.neuroarchive.archive.control;

import java.util.List;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.matching.entity.MatchingCriteria;
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
 * @param requester         the person the series is filed for, who must be allowed to modify the
 *                          project it resolves to; null: the system's own work (the global import)
 */
public record FilingInstructions(String patientId, String projectCostcenter, MatchingCriteria criteria,
                                 List<String> altUids, boolean released, Actor requester) {

    public static final FilingInstructions RULES =
            new FilingInstructions(null, null, MatchingCriteria.NIDB_DEFAULTS, List.of(), false, null);

    public FilingInstructions {
        altUids = List.copyOf(altUids);
    }

    /**
     * A held series released by a person ({@code patientId} given), or, without a PatientID, a series of
     * the global import going to {@code projectCostcenter} (a DICOM peer's project) or by the rules.
     */
    public static FilingInstructions release(String patientId, String projectCostcenter) {
        if (patientId == null) {
            return projectCostcenter == null ? RULES
                    : new FilingInstructions(null, projectCostcenter, MatchingCriteria.NIDB_DEFAULTS, List.of(), false, null);
        }
        return new FilingInstructions(patientId, projectCostcenter, MatchingCriteria.NIDB_DEFAULTS, List.of(), true, null);
    }

    public static FilingInstructions individualImport(String patientId, String projectCostcenter,
                                                      MatchingCriteria criteria, List<String> altUids) {
        return new FilingInstructions(patientId, projectCostcenter, criteria, altUids, false, null);
    }

    /** The same instructions, carried out for {@code person} (null or the system: no check). */
    public FilingInstructions filedFor(Actor person) {
        Actor checked = person == null || person.kind() == Actor.Kind.SYSTEM ? null : person;
        return new FilingInstructions(patientId, projectCostcenter, criteria, altUids, released, checked);
    }

    /** The identity the series is filed under: its own, or with the PatientID given here. */
    public SeriesIdentity apply(SeriesIdentity identity) {
        if (patientId == null) {
            return identity;
        }
        return released ? identity.releasedAs(patientId) : identity.withPatientId(patientId);
    }
}
