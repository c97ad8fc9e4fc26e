package org.neuroarchive.audit.control;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.neuroarchive.audit.entity.AuditEvent;

/**
 * The audit row of a read that showed patient data (name, birth date, PatientID, alternate UIDs):
 * one per request, however many services of the request showed some (a page calls several).
 */
@RequestScoped
public class PhiReads {

    @Inject
    AuditTrail trail;

    private boolean recorded;

    /** Records {@code event} with {@code phiShown}, unless this request recorded a PHI read already. */
    public void shown(AuditEvent.Builder event) {
        if (!recorded) {
            recorded = true;
            trail.record(event.phiShown(true));
        }
    }
}
