package org.neuroarchive.matching.control;

import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;

/** Where a series is filed: project, subject, enrollment, study and series rows, and which were new. */
public record Placement(Project project, Subject subject, Enrollment enrollment, Study study, Series series,
                        boolean subjectCreated, boolean studyCreated, boolean seriesCreated) {

    /** e.g. {@code S1234ABC/2/13 (project 999999; new subject, new study)} */
    public String describe() {
        StringBuilder created = new StringBuilder();
        if (subjectCreated) {
            created.append("; new subject");
        }
        if (studyCreated) {
            created.append("; new study");
        }
        if (seriesCreated) {
            created.append("; new series");
        }
        return subject.getUid() + "/" + study.getStudyNum() + "/" + series.getSeriesNum()
                + " (project " + project.getCostcenter() + created + ")";
    }
}
