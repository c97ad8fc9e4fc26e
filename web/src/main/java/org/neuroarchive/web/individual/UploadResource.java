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
import org.apache.commons.fileupload2.core.FileItemInput;
import org.apache.commons.fileupload2.core.FileItemInputIterator;
import org.apache.commons.fileupload2.jakarta.servlet6.JakartaServletFileUpload;
import org.neuroarchive.individual.control.ImportOptions;
import org.neuroarchive.individual.control.ImportRequests;
import org.neuroarchive.individual.control.UploadReceiver;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.web.rest.Problem;

/**
 * {@code POST /api/imports} as {@code multipart/form-data}: an {@code options} part (JSON, first)
 * and one or more {@code file} parts (DICOM files, zip, tar, tar.gz, tgz, gz). The parts are read as
 * a stream and written to staging as they arrive; the import is visible as {@code uploading} meanwhile.
 */
@Path("imports")
@Produces(MediaType.APPLICATION_JSON)
public class UploadResource {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");
    private static final int MAX_OPTIONS_BYTES = 64 * 1024;

    @Inject
    ImportRequests requests;

    @Inject
    UploadReceiver receiver;

    @RolesAllowed(Roles.IMPORTER)
    @POST
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    public Response upload(@Context HttpServletRequest http, @Context UriInfo uri) {
        ImportRequest request = null;
        int files = 0;
        long bytes = 0;
        try {
            FileItemInputIterator parts = new JakartaServletFileUpload<>().getItemIterator(http);
            while (parts.hasNext()) {
                FileItemInput part = parts.next();
                if ("options".equals(part.getFieldName())) {
                    if (request != null) {
                        return refuse(request, "the \"options\" part must come before the \"file\" parts");
                    }
                    request = requests.uploadStarted(options(part.getInputStream()));
                } else if ("file".equals(part.getFieldName()) && !part.isFormField()) {
                    if (request == null) {
                        request = requests.uploadStarted(ImportOptions.DEFAULTS);
                    }
                    bytes += receiver.receive(request.getId(), files, part.getName(), part.getInputStream(), bytes);
                    files++;
                }
            }
        } catch (UploadReceiver.UploadRefused refused) {
            return refuse(request, refused.getMessage());
        } catch (IOException broken) { // also FileUploadException: a malformed or broken-off body
            LOG.warning(() -> "upload broke off: " + broken.getMessage());
            return refuse(request, "the upload could not be read to its end: " + broken.getMessage());
        }
        if (request == null) {
            return Problem.response(Response.Status.BAD_REQUEST, "the upload held no \"options\" and no \"file\" part");
        }
        return ImportResource.created(uri, request.getId(), requests.uploadComplete(request.getId(), files, bytes));
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

    private Response refuse(ImportRequest request, String reason) {
        if (request != null) {
            requests.uploadFailed(request.getId(), reason);
        }
        return Problem.response(Response.Status.BAD_REQUEST, reason + (request == null ? "" : " (import " + request.getId() + ")"));
    }
}
