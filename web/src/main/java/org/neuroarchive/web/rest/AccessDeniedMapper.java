package org.neuroarchive.web.rest;

import jakarta.ejb.EJBAccessException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** A service refused the caller (its method permissions): 403, without the container's wording, and an audit row. */
@Provider
public class AccessDeniedMapper implements ExceptionMapper<EJBAccessException> {

    @Context
    SecurityContext security;

    @Context
    UriInfo uri;

    @Context
    Request request;

    @Override
    public Response toResponse(EJBAccessException denied) {
        RefusalAudit.record(security, request.getMethod(), uri.getPath(), "a service's method permissions refused the caller");
        return Problem.response(Response.Status.FORBIDDEN, "your roles do not allow this");
    }
}
