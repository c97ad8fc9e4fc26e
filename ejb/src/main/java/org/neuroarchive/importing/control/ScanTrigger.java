package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.neuroarchive.cluster.control.ScanLeases;

/** Starts a scan of incomingdir in the background (for the REST trigger, the DICOM receiver, STOW-RS). */
@Stateless
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed({Roles.IMPORTER, Roles.SYSTEM})
@RunAs(Roles.SYSTEM) // the scan is the system's work, whoever asked for it
public class ScanTrigger {

    @Inject
    IncomingScanner scanner;

    @Inject
    ScanLeases leases;

    /** Scans here when this node holds the scan lease; otherwise the holder scans within a second. */
    @Asynchronous
    public void scanSoon() {
        if (leases.askForScan()) {
            scanner.scan();
        }
    }
}
