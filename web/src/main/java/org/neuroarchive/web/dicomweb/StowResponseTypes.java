package org.neuroarchive.web.dicomweb;

import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Which representation of the Store Instances response a STOW-RS client accepts. */
final class StowResponseTypes {

    static final String DICOM = "application/dicom";

    private StowResponseTypes() {
    }

    /**
     * Whether to answer {@code application/dicom+xml}: when the client accepts it ahead of (or without)
     * {@code application/dicom+json}; JSON otherwise, also for {@code *}{@code /*} and no Accept header.
     * {@code accepted} is sorted by preference, as JAX-RS gives it.
     */
    static boolean wantsXml(List<MediaType> accepted) {
        for (MediaType type : accepted) {
            String name = (type.getType() + "/" + type.getSubtype()).toLowerCase(java.util.Locale.ROOT);
            if (name.equals("application/dicom+json") || name.equals("application/json")) {
                return false;
            }
            if (name.equals("application/dicom+xml")) {
                return true;
            }
        }
        return false;
    }
}
