package org.neuroarchive.individual.control;

import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.SourceKind;
import org.neuroarchive.matching.entity.MatchingCriteria;

/** What a parse of an individual import needs to know, read once when the parse starts. */
record ParseJob(long importId, int generation, boolean unpacked, SourceKind sourceKind, String sourcePath,
                boolean anonymize, String salt, MatchingCriteria criteria, String patientId, String modality,
                String project) {

    static ParseJob of(ImportRequest r) {
        return new ParseJob(r.getId(), r.getParseGeneration(), r.isUnpacked(), r.getSourceKind(), r.getSourcePath(),
                r.isAnonymize(), r.getSalt(), r.criteria(), r.getPatientId(), r.getModality(), r.getProject());
    }
}
