package org.neuroarchive.audit.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.logging.Logger;
import org.neuroarchive.audit.entity.AuditEvent;

/**
 * Appends rows to the audit trail, each in a transaction of its own, so that an action that fails or
 * is refused (and rolls back) is still recorded. When the event names no client address, the address of
 * the current HTTP request is used.
 */
@Stateless
@PermitAll
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.audit");

    @PersistenceContext
    EntityManager em;

    @Inject
    ClientAddress clientAddress;

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void record(AuditEvent.Builder event) {
        if (!event.hasClientAddress()) {
            String address = currentAddress();
            if (address != null) {
                event.from(address);
            }
        }
        AuditEvent row = event.build();
        em.persist(row);
        LOG.fine(() -> "audit: " + row.getActor() + " " + row.getAction() + " " + row.getObjectType() + " "
                + row.getObjectId() + " " + row.getOutcome());
    }

    private String currentAddress() {
        try {
            return clientAddress.get();
        } catch (ContextNotActiveException none) {
            return null;
        }
    }
}
