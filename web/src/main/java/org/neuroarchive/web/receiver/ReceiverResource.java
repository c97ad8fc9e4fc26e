package org.neuroarchive.web.receiver;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.neuroarchive.receiver.control.ReceiverStatus;

/**
 * {@code GET /api/receiver}: the DICOM receiver's state (listening, failed with the reason,
 * disabled, stopped), where it listens, and its counters since start-up.
 */
@Path("receiver")
@Produces(MediaType.APPLICATION_JSON)
public class ReceiverResource {

    @Inject
    ReceiverStatus status;

    @RolesAllowed(Roles.USER)
    @GET
    public ReceiverStatus.View receiver() {
        return status.view();
    }
}
