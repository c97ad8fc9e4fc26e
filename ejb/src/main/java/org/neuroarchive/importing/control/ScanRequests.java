package org.neuroarchive.importing.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.AuditedAction;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.common.control.Roles;

/**
 * A person asks for a scan of incomingdir now: written to the audit trail under their name, then
 * handed to {@link ScanTrigger}, which scans in the background as the system.
 */
@Stateless
@RolesAllowed(Roles.IMPORTER)
public class ScanRequests {

    @Inject
    ScanTrigger trigger;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    public void scanNow() {
        AuditedAction.run(audit, AuditEvent.of(callers.current().actor(), "scan.trigger").object("incomingdir", null),
                () -> trigger.scanSoon());
    }
}
