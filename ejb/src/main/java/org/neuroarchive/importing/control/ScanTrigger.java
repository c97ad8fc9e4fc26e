package org.neuroarchive.importing.control;

import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;

/** Starts a scan of incomingdir in the background (for the REST trigger). */
@Stateless
@jakarta.ejb.TransactionAttribute(jakarta.ejb.TransactionAttributeType.NOT_SUPPORTED)
public class ScanTrigger {

    @Inject
    IncomingScanner scanner;

    @Inject
    BatchRetries retries;

    @Asynchronous
    public void scanSoon() {
        retries.resendDueQuietly();
        scanner.scan();
    }
}
