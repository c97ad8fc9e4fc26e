package org.neuroarchive.security.control;

import java.time.LocalDateTime;
import java.util.Locale;
import org.neuroarchive.audit.entity.AuditEvent;

/** One audit row as the API and the screen show it; {@code actorKind} and {@code outcome} in lower case. */
public record AuditView(long id, LocalDateTime time, String actor, String actorKind, String clientAddress, String action,
                        String objectType, String objectId, String project, boolean phiShown, String outcome,
                        String detail) {

    public static AuditView of(AuditEvent e) {
        return new AuditView(e.getId(), e.getCreatedAt(), e.getActor(), e.getActorKind().name().toLowerCase(Locale.ROOT),
                e.getClientAddress(), e.getAction(), e.getObjectType(), e.getObjectId(), e.getProject(), e.isPhiShown(),
                e.getOutcome().name().toLowerCase(Locale.ROOT), e.getDetail());
    }
}
