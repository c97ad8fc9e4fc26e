package org.neuroarchive.web.dicomweb;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import org.neuroarchive.dicomweb.control.StowResult;
import org.neuroarchive.dicomweb.control.StowService;
import org.neuroarchive.web.rest.Problem;

/**
 * DICOMweb STOW-RS (PS3.18 Store Instances), answering {@code POST /dicomweb/studies} and
 * {@code POST /dicomweb/studies/{StudyInstanceUID}} of {@link StudiesResource}: a {@code multipart/related; type="application/dicom"}
 * body, one DICOM Part 10 object per part, read as a stream ({@link StowMultipartReader}) into the
 * archive pipeline ({@link StowService}), for importers. The body may be as large as an upload
 * ({@code neuroarchive.individual.max-upload-bytes}, see RequestLimits): a larger one is answered 413
 * and stores nothing.
 * <p>
 * The answer is the Store Instances response ({@link StowResponse}), as {@code application/dicom+json}, or
 * {@code application/dicom+xml} when the Accept header asks for that and not for JSON. 200 promises that
 * every object is stored as the DICOM receiver's C-STORE success promises: whole, readable DICOM, renamed
 * into incomingdir and handed to the global import, which archives it (or files it as a problem, with the
 * reason in the import log) on its own, also after a restart. 202: some were stored, the
 * FailedSOPSequence names the others; 409: none was stored. A body that is not
 * {@code multipart/related; type="application/dicom"} is 415, a malformed one 400.
 */
@Dependent
public class StowRequest {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.dicomweb");
    private static final Pattern UID = Pattern.compile("[0-9]+(\\.[0-9]+)*");
    private static final int MAX_UID_LENGTH = 64;

    @Inject
    StowService stow;

    /** Stores the body's objects; {@code study}: the StudyInstanceUID of the path, or null. */
    public Response store(HttpServletRequest http, HttpHeaders headers, UriInfo uri, String study) {
        if (study != null && (study.length() > MAX_UID_LENGTH || !UID.matcher(study).matches())) {
            return Problem.response(Response.Status.BAD_REQUEST, "not a StudyInstanceUID: " + shortened(study));
        }
        return stored(http, headers, uri, study);
    }

    private Response stored(HttpServletRequest http, HttpHeaders headers, UriInfo uri, String study) {
        MediaType type = headers.getMediaType();
        String related = type == null ? null : type.getParameters().get("type");
        if (type == null || !"multipart".equalsIgnoreCase(type.getType())
                || !"related".equalsIgnoreCase(type.getSubtype()) || related == null
                || !related.strip().toLowerCase(Locale.ROOT).equals(StowResponseTypes.DICOM)) {
            return Problem.response(Response.Status.UNSUPPORTED_MEDIA_TYPE,
                    "send Content-Type: multipart/related; type=\"application/dicom\"; boundary=…"
                            + (type == null ? "" : ", not " + shortened(type.toString())));
        }
        String boundary = type.getParameters().get("boundary");
        if (boundary == null || boundary.isEmpty() || boundary.length() > 200) {
            return Problem.response(Response.Status.BAD_REQUEST, "the multipart/related Content-Type names no boundary");
        }
        StowResult result;
        try {
            result = stow.store(new StowMultipartReader(http.getInputStream(), boundary), study);
        } catch (IOException broken) {
            LOG.fine(() -> "STOW-RS body unreadable: " + broken);
            return Problem.response(Response.Status.BAD_REQUEST,
                    "the body could not be read to its end, nothing was stored: " + broken.getMessage());
        }
        if (result.parts() == 0) {
            return Problem.response(Response.Status.BAD_REQUEST, "the body held no part"
                    + (result.cutOff() ? " (no boundary " + shortened(boundary) + " found)" : ""));
        }
        StowResponse response = StowResponse.of(result, uri.getBaseUri().toString(), study);
        boolean xml = StowResponseTypes.wantsXml(headers.getAcceptableMediaTypes());
        return Response.status(response.status()).type(xml ? StowResponse.XML : StowResponse.JSON)
                .entity(xml ? response.xml() : response.json()).build();
    }

    private static String shortened(String text) {
        return text.length() > 100 ? text.substring(0, 100) + "…" : text;
    }
}
