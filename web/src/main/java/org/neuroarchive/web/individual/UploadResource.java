package org.neuroarchive.web.individual;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.neuroarchive.individual.control.ImportOptions;
import org.neuroarchive.individual.control.UploadReceiver;
import org.neuroarchive.web.rest.Problem;

/**
 * {@code POST /api/imports} as {@code multipart/form-data}: an {@code options} part (JSON, first)
 * and one or more {@code file} parts (DICOM files, zip, tar, tar.gz, tgz, gz). The parts are read as
 * a stream and written to staging as they arrive (by UploadReceiver, as the page's upload); the
 * import is visible as {@code uploading} meanwhile.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");
    private static final int MAX_OPTIONS_BYTES = 64 * 1024;

    @Inject
    UploadReceiver receiver;

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(operationId = "createImport") // one operation with ImportResource.create: POST /api/imports
    @RequestBody(required = true, content = @Content(mediaType = MediaType.MULTIPART_FORM_DATA, schema = @Schema(ref = "ImportUpload")))
    @APIResponse(responseCode = "201", description = "the new import (Location: its address); its parse follows",
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(implementation = ImportResource.ImportCreated.class)))
    public Response upload(@Context HttpServletRequest http, @Context UriInfo uri) {
        UploadReceiver.Upload upload = null;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(http);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("options".equals(part.getFieldName())) {
                    if (upload != null) {
                        return refuse(upload, "the \"options\" part must come before the \"file\" parts");
                    }
                    upload = receiver.start(options(part.getInputStream()));
                } else if ("file".equals(part.getFieldName()) && !part.isFormField()) {
                    if (upload == null) {
                        upload = receiver.start(ImportOptions.DEFAULTS);
                    }
                    receiver.receive(upload, part.getName(), part.getInputStream());
                }
            }
        } catch (UploadReceiver.UploadRefused refused) {
            return refuse(upload, refused.getMessage());
        } catch (IOException broken) { // also FileUploadException: a malformed or broken-off body
            LOG.warning(() -> "upload broke off: " + broken.getMessage());
            return refuse(upload, "the upload could not be read to its end: " + broken.getMessage());
        }
        if (upload == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "the upload held no \"options\" and no \"file\" part");
        }
        return ImportResource.created(uri, upload.importId(), receiver.complete(upload));
    }

    private static ImportOptions options(InputStream part) throws IOException {
        byte[] text = part.readNBytes(MAX_OPTIONS_BYTES + 1);
        if (text.length > MAX_OPTIONS_BYTES) {
            throw new jakarta.ws.rs.BadRequestException("the \"options\" part is larger than 64 KiB");
        }
        String json = new String(text, StandardCharsets.UTF_8);
        ImportOptions options = json.isBlank() ? null : Json.parse(json, ImportOptions.class);
        return options == null ? ImportOptions.DEFAULTS : options;
    }

    private Response refuse(UploadReceiver.Upload upload, String reason) {
        receiver.fail(upload, reason);
        return Problem.response(Response.Status.BAD_REQUEST, reason + (upload == null ? "" : " (import " + upload.importId() + ")"));
    }
}
