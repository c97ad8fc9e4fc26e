package org.neuroarchive.health.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class HealthReportTest {

    @Test
    void upOnlyWhenEveryCheckIsUp() {
        HealthReport up = HealthReport.of(List.of(HealthReport.Check.of("database", true), HealthReport.Check.of("broker", true)));
        HealthReport down = HealthReport.of(List.of(HealthReport.Check.of("database", true), HealthReport.Check.of("broker", false),
                HealthReport.Check.of("free-space", false)));
        assertTrue(up.up());
        assertEquals(List.of(), up.failing());
        assertFalse(down.up());
        assertEquals(List.of("broker", "free-space"), down.failing());
        assertFalse(HealthReport.of(List.of()).up(), "no check is no proof");
    }

    @Test
    void theJsonNamesChecksAndStatusesOnly() {
        HealthReport report = HealthReport.of(List.of(HealthReport.Check.of("database", true), HealthReport.Check.of("receiver", false)));
        assertEquals("{\"status\":\"DOWN\",\"checks\":[{\"name\":\"database\",\"status\":\"UP\"},"
                + "{\"name\":\"receiver\",\"status\":\"DOWN\"}]}", report.json());
    }

    @Test
    void aCheckNameCannotCarryText() {
        assertThrows(IllegalArgumentException.class, () -> HealthReport.Check.of("disk \"/data\" full", false));
        assertThrows(IllegalArgumentException.class, () -> new HealthReport.Check("database", "MAYBE"));
    }
}
