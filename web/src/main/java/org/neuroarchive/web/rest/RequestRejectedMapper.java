package org.neuroarchive.web.rest;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.neuroarchive.common.control.RequestRejected;

/** A request the services refused: 404, 409, 400 or 403 with the services' own words. */
@Provider
public class RequestRejectedMapper implements ExceptionMapper<RequestRejected> {

    @Override
    public Response toResponse(RequestRejected rejected) {
        Response.Status status = switch (rejected.reason()) {
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
            case INVALID -> Response.Status.BAD_REQUEST;
            case FORBIDDEN -> Response.Status.FORBIDDEN;
        };
        return Problem.response(status, rejected.getMessage());
    }
}
