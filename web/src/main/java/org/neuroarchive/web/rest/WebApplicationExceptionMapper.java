package org.neuroarchive.web.rest;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Answers HTTP errors raised by resources (404, 400…) as problem documents. */
@Provider
public class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response.StatusType status = exception.getResponse().getStatusInfo();
        Response.Status known = Response.Status.fromStatusCode(status.getStatusCode());
        String detail = exception.getMessage() == null ? status.getReasonPhrase() : exception.getMessage();
        return Problem.response(known == null ? Response.Status.INTERNAL_SERVER_ERROR : known, detail);
    }
}
