package org.neuroarchive.web.dicomweb;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.dicomweb.control.QidoLevel;
import org.neuroarchive.dicomweb.control.QidoQuery;
import org.neuroarchive.dicomweb.control.QidoSearch;

/** QIDO-RS {@code GET /dicomweb/instances}: instances of every series the caller may view. */
@Path("instances")
@RolesAllowed(Roles.USER)
public class InstancesResource {

    @Inject
    QidoSearch qido;

    @Context
    UriInfo uri;

    @GET
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchInstances() {
        QidoQuery query = QidoAnswers.query(QidoLevel.INSTANCE, uri);
        return QidoAnswers.ok(qido.instances(null, null, query, QidoAnswers.base(uri)), query);
    }
}
