package org.neuroarchive.audit.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;

class AuditedActionTest {

    /** The rows an action wrote, instead of the database. */
    private final List<AuditEvent> rows = new ArrayList<>();
    private final AuditTrail trail = new AuditTrail() {
        @Override
        public void record(AuditEvent.Builder event) {
            rows.add(event.build());
        }
    };

    private AuditEvent.Builder event() {
        return AuditEvent.of(Actor.user("bob"), "import.archive").object("import", 7);
    }

    @Test
    void anActionThatReturnsIsAllowedWithWhatItLearned() {
        AuditEvent.Builder event = event();
        assertEquals(3, AuditedAction.run(trail, event, () -> {
            event.project("123456");
            return 3;
        }));
        assertEquals(1, rows.size());
        assertEquals(AuditEvent.Outcome.ALLOWED, rows.get(0).getOutcome());
        assertEquals("123456", rows.get(0).getProject());
        assertEquals("user:bob", rows.get(0).getActor());
    }

    @Test
    void aRuleOrAPermissionThatSaysNoIsRefusedWithItsReason() {
        RequestRejected no = new RequestRejected(RequestRejected.Reason.FORBIDDEN, "user:bob may not modify project 1");
        assertSame(no, assertThrows(RequestRejected.class, () -> AuditedAction.run(trail, event(), () -> {
            throw no;
        })));
        assertThrows(EJBAccessException.class, () -> AuditedAction.run(trail, event(), (Runnable) () -> {
            throw new EJBAccessException("denied");
        }));
        assertThrows(EJBException.class, () -> AuditedAction.run(trail, event(), (Runnable) () -> {
            throw new EJBException(new RequestRejected(RequestRejected.Reason.CONFLICT, "import 7 is cancelled already"));
        }));
        assertEquals(List.of(AuditEvent.Outcome.REFUSED, AuditEvent.Outcome.REFUSED, AuditEvent.Outcome.REFUSED),
                rows.stream().map(AuditEvent::getOutcome).toList());
        assertEquals("user:bob may not modify project 1", rows.get(0).getDetail());
        assertEquals("import 7 is cancelled already", rows.get(2).getDetail());
    }

    @Test
    void anActionThatBreaksIsFailed() {
        assertThrows(EJBException.class, () -> AuditedAction.run(trail, event(), (Runnable) () -> {
            throw new EJBException(new IllegalStateException("disk full"));
        }));
        assertEquals(AuditEvent.Outcome.FAILED, rows.get(0).getOutcome());
        assertEquals("IllegalStateException: disk full", rows.get(0).getDetail());
    }
}
