package org.neuroarchive.audit.control;

import jakarta.enterprise.context.RequestScoped;

/**
 * The network address of the client of the current HTTP request, set by the web module's filter
 * before anything else runs, read by the audit trail. Empty outside HTTP requests (messages, timers,
 * DICOM associations name their peer themselves).
 */
@RequestScoped
public class ClientAddress {

    private String address;

    public String get() {
        return address;
    }

    public void set(String address) {
        this.address = address;
    }
}
