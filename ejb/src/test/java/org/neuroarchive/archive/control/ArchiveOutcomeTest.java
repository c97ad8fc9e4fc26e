package org.neuroarchive.archive.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.matching.entity.MatchingCriteria;

class ArchiveOutcomeTest {

    private static final Actor BOB = Actor.user("bob");

    @Test
    void aFiledSeriesIsAnAllowedArchiveInItsProject() {
        ArchiveOutcome filed = new ArchiveOutcome(1L, 2L, 3L, "S1234ABC/1/3 (project 123456)", 2, 0, 0, null,
                true, true, true, "123456", false);
        AuditEvent row = filed.auditEvent(BOB, "staged-series", 9).build();
        assertEquals("series.archive", row.getAction());
        assertEquals(AuditEvent.Outcome.ALLOWED, row.getOutcome());
        assertEquals("123456", row.getProject());
        assertEquals("9", row.getObjectId());
    }

    @Test
    void aRefusedSeriesIsARefusedArchiveWithTheReason() {
        ArchiveOutcome refused = new ArchiveOutcome(null, null, null, null, 0, 0, 0,
                "user:bob may not modify project 123456", false, false, false, "123456", true);
        assertTrue(refused.held(), "not filed");
        assertTrue(refused.summary().startsWith("not archived: user:bob may not modify project 123456"));
        AuditEvent row = refused.auditEvent(BOB, "batch", 4).build();
        assertEquals(AuditEvent.Outcome.REFUSED, row.getOutcome());
        assertEquals("user:bob may not modify project 123456", row.getDetail());
    }

    @Test
    void heldOrNothingNewWritesNoArchiveRow() {
        assertNull(new ArchiveOutcome(null, null, null, null, 0, 2, 0, null, false, false, false, null, false)
                .auditEvent(BOB, "batch", 1));
        assertNull(new ArchiveOutcome(null, null, null, null, 0, 0, 0, "blank PatientID", false, false, false, null, false)
                .auditEvent(BOB, "batch", 1));
    }

    @Test
    void onlyWorkForAPersonIsChecked() {
        FilingInstructions rules = FilingInstructions.individualImport(null, "123456", MatchingCriteria.NIDB_DEFAULTS, List.of());
        assertNull(rules.requester());
        assertNull(rules.filedFor(Actor.SYSTEM).requester(), "the system files by its own rules");
        assertEquals(BOB, rules.filedFor(BOB).requester());
        assertEquals("123456", rules.filedFor(BOB).projectCostcenter());
    }
}
