package org.neuroarchive.web.applications;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.neuroarchive.web.dicomweb.StowResource;

/**
 * DICOMweb (DICOM PS3.18) under {@code /neuroarchive/dicomweb}: STOW-RS, QIDO-RS and WADO-RS, with the
 * same logins, roles and project permissions as the JSON API.
 */
@ApplicationPath("dicomweb")
public class DicomWebApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(StowResource.class);
    }
}
