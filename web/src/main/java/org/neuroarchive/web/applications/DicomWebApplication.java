package org.neuroarchive.web.applications;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.neuroarchive.web.dicomweb.InstancesResource;
import org.neuroarchive.web.dicomweb.SeriesSearchResource;
import org.neuroarchive.web.dicomweb.StudiesResource;

/**
 * DICOMweb (DICOM PS3.18) under {@code /neuroarchive/dicomweb}: STOW-RS, QIDO-RS and WADO-RS, with the
 * same logins, roles and project permissions as the JSON API.
 */
@ApplicationPath("dicomweb")
public class DicomWebApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(StudiesResource.class, SeriesSearchResource.class, InstancesResource.class);
    }
}
