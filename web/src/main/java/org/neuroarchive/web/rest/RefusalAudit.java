package org.neuroarchive.web.rest;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.core.SecurityContext;
import java.security.Principal;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.security.control.Identity;

/**
 * Writes the audit row of a call refused for its caller's roles before any service ran (the services
 * record their own refusals): action {@code request.refused}, the method and path as the object.
 */
final class RefusalAudit {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.audit");

    private RefusalAudit() {
    }

    static void record(SecurityContext security, String method, String path, String why) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        try {
            CDI.current().select(AuditTrail.class).get().record(AuditEvent.of(
                    Identity.actorOf(principal == null ? null : principal.getName()), "request.refused")
                    .object("request", method + " /" + path).refused(why));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not record a refused request in the audit trail: {0}", e.toString());
        }
    }
}
