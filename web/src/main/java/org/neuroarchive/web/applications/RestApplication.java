package org.neuroarchive.web.applications;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.neuroarchive.web.admin.ApiKeyResource;
import org.neuroarchive.web.admin.AuditResource;
import org.neuroarchive.web.admin.MeResource;
import org.neuroarchive.web.admin.ProjectResource;
import org.neuroarchive.web.admin.UserResource;
import org.neuroarchive.web.archive.ProblemResource;
import org.neuroarchive.web.importing.IncomingResource;
import org.neuroarchive.web.importing.ReviewResource;
import org.neuroarchive.web.importing.ScanResource;
import org.neuroarchive.web.importlog.ImportLogResource;
import org.neuroarchive.web.individual.ImportResource;
import org.neuroarchive.web.individual.UploadResource;
import org.neuroarchive.web.metrics.MetricsResource;
import org.neuroarchive.web.openapi.OpenApiResource;
import org.neuroarchive.web.receiver.ReceiverResource;
import org.neuroarchive.web.search.SeriesResource;
import org.neuroarchive.web.search.SubjectResource;
import org.neuroarchive.web.stats.StatsResource;

/**
 * The JSON API under {@code /neuroarchive/api}. Its resources are listed, not scanned: the web module
 * holds a second JAX-RS application ({@link DicomWebApplication}), and a scanned application would take
 * every resource of the module, the other's too ({@code WebApplicationsTest} checks that each resource
 * belongs to exactly one). Its OpenAPI document ({@code /api/openapi}) is generated at build time from
 * these resources.
 */
@ApplicationPath("api")
public class RestApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Providers.with(ApiKeyResource.class, AuditResource.class, MeResource.class, ProjectResource.class,
                UserResource.class, ProblemResource.class, IncomingResource.class, ReviewResource.class,
                ScanResource.class, ImportLogResource.class, ImportResource.class, UploadResource.class,
                ReceiverResource.class, SeriesResource.class, SubjectResource.class, StatsResource.class,
                MetricsResource.class, OpenApiResource.class);
    }
}
