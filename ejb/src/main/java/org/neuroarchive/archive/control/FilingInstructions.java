package org.neuroarchive.archive.control;

/**
 * What a person decided for a series that NiDB's rules alone cannot file: an explicit PatientID and,
 * optionally, the project's cost center. {@link #RULES} means: follow the rules.
 */
public record FilingInstructions(String patientId, String projectCostcenter) {

    public static final FilingInstructions RULES = new FilingInstructions(null, null);

    public boolean released() {
        return patientId != null;
    }
}
