package org.neuroarchive.dicomweb.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.neuroarchive.security.control.ProjectScope;

class QidoFilterTest {

    private static String where(QidoLevel level, Map<String, List<String>> parameters, ProjectScope phi) {
        return new QidoFilter(QidoQuery.parse(level, parameters), new ProjectScope(Set.of(1L, 2L)), phi).where();
    }

    @Test
    void everySearchIsLimitedToTheVisibleProjects() {
        assertEquals("st.enrollment.project.id IN :visible", where(QidoLevel.STUDY, Map.of(), ProjectScope.ALL));
    }

    @Test
    void patientKeysMatchOnlyWherePhiIsVisible() {
        String name = where(QidoLevel.STUDY, Map.of("PatientName", List.of("Doe*")), new ProjectScope(Set.of(1L)));
        assertTrue(name.contains("(st.enrollment.project.id IN :phi AND LOWER(sub.patientName) LIKE :k"), name);
        String id = where(QidoLevel.STUDY, Map.of("00100020", List.of("P1")), new ProjectScope(Set.of()));
        assertTrue(id.contains("LOWER(sub.uid) LIKE") && id.contains("st.enrollment.project.id IN :phi AND EXISTS"), id);
    }

    @Test
    void keysBecomeConditionsOnTheirColumns() {
        String series = where(QidoLevel.INSTANCE, Map.of("StudyInstanceUID", List.of("1.2,1.3"), "Modality", List.of("mr"),
                "SeriesNumber", List.of("4"), "StudyDate", List.of("20260101-"), "InstanceNumber", List.of("2")), ProjectScope.ALL);
        assertTrue(series.contains("st.studyInstanceUid IN :k"), series);
        assertTrue(series.contains("s.modality IN :k"), series);
        assertTrue(series.contains("s.seriesNum = :k"), series);
        assertTrue(series.contains("st.studyDateTime >= :k") && !series.contains("st.studyDateTime <"), series);
        assertTrue(series.contains("i.instanceNumber = :k"), series);
    }
}
