package org.neuroarchive.web.dicomweb;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.dicomweb.control.QidoLevel;
import org.neuroarchive.dicomweb.control.QidoQuery;
import org.neuroarchive.dicomweb.control.QidoSearch;
import org.neuroarchive.dicomweb.control.WadoAccess;
import org.neuroarchive.web.rest.Problem;

/**
 * DICOMweb under {@code /dicomweb/studies} (PS3.18): QIDO-RS searches of studies and of the series and
 * instances of one study, WADO-RS retrieve (the archived files), metadata (their headers as DICOM JSON),
 * the series' thumbnail and each instance's frames as rendered and thumbnail resources. Only projects the caller may view; anything else
 * is 404. STOW-RS (POST) stores objects, for importers. This class is the one owner of the path
 * {@code studies} in the DICOMweb application.
 */
@Path("studies")
@RolesAllowed(Roles.USER)
public class StudiesResource {

    static final String PNG = "image/png";
    static final String MULTIPART = "multipart/related";

    @Inject
    QidoSearch qido;

    @Inject
    WadoAccess wado;

    @Context
    UriInfo uri;

    @Context
    HttpHeaders headers;

    @Inject
    StowRequest stow;

    @Context
    HttpServletRequest http;

    /** STOW-RS: stores the objects of a {@code multipart/related; type="application/dicom"} body (see {@link StowRequest}). */
    @POST
    @RolesAllowed(Roles.IMPORTER)
    @Consumes(MULTIPART)
    public Response store() {
        return stow.store(http, headers, uri, null);
    }

    /** STOW-RS of objects of one study: an object of another study is refused (FailedSOPSequence). */
    @POST
    @Path("{StudyInstanceUID}")
    @RolesAllowed(Roles.IMPORTER)
    @Consumes(MULTIPART)
    public Response storeToStudy(@PathParam("StudyInstanceUID") String study) {
        return stow.store(http, headers, uri, study);
    }

    @GET
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchStudies() {
        QidoQuery query = QidoAnswers.query(QidoLevel.STUDY, uri);
        return QidoAnswers.ok(qido.studies(query, QidoAnswers.base(uri)), query);
    }

    @GET
    @Path("{StudyInstanceUID}/series")
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchSeries(@PathParam("StudyInstanceUID") String study) {
        QidoQuery query = QidoAnswers.query(QidoLevel.SERIES, uri);
        return QidoAnswers.ok(qido.series(study, query, QidoAnswers.base(uri)), query);
    }

    @GET
    @Path("{StudyInstanceUID}/instances")
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchStudyInstances(@PathParam("StudyInstanceUID") String study) {
        QidoQuery query = QidoAnswers.query(QidoLevel.INSTANCE, uri);
        return QidoAnswers.ok(qido.instances(study, null, query, QidoAnswers.base(uri)), query);
    }

    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/instances")
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response searchSeriesInstances(@PathParam("StudyInstanceUID") String study,
                                          @PathParam("SeriesInstanceUID") String series) {
        QidoQuery query = QidoAnswers.query(QidoLevel.INSTANCE, uri);
        return QidoAnswers.ok(qido.instances(study, series, query, QidoAnswers.base(uri)), query);
    }

    @GET
    @Path("{StudyInstanceUID}")
    @Produces({MULTIPART, MediaType.WILDCARD})
    public Response retrieveStudy(@PathParam("StudyInstanceUID") String study) {
        return retrieve(study, null, null);
    }

    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}")
    @Produces({MULTIPART, MediaType.WILDCARD})
    public Response retrieveSeries(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series) {
        return retrieve(study, series, null);
    }

    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}")
    @Produces({MULTIPART, MediaType.WILDCARD})
    public Response retrieveInstance(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series,
                                     @PathParam("SOPInstanceUID") String instance) {
        return retrieve(study, series, instance);
    }

    @GET
    @Path("{StudyInstanceUID}/metadata")
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response studyMetadata(@PathParam("StudyInstanceUID") String study) {
        return metadata(study, null, null);
    }

    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/metadata")
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response seriesMetadata(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series) {
        return metadata(study, series, null);
    }

    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}/metadata")
    @Produces({QidoAnswers.DICOM_JSON, MediaType.APPLICATION_JSON})
    public Response instanceMetadata(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series,
                                     @PathParam("SOPInstanceUID") String instance) {
        return metadata(study, series, instance);
    }

    /** The series' thumb.png, as rendered and as thumbnail resource of the series. */
    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/{kind: rendered|thumbnail}")
    @Produces(PNG)
    public Response seriesThumbnail(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series) {
        return Response.ok(wado.thumbnail(study, series, null).toFile(), PNG).build();
    }

    /** An instance's rendered and thumbnail resources: its first frame, rendered at its own size (see {@link #frameRendered}). */
    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}/{kind: rendered|thumbnail}")
    @Produces(PNG)
    public Response instanceRendered(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series,
                                     @PathParam("SOPInstanceUID") String instance) {
        return Response.ok(wado.rendered(study, series, instance, 1), PNG).build();
    }

    /**
     * One frame of an instance as PNG: rescaled and windowed as the object says (the series page's renderer;
     * JPEG-LS and JPEG 2000 through GDCM). {@code frame} is one number from 1: 400 otherwise, 404 for a frame the
     * instance does not have.
     */
    @GET
    @Path("{StudyInstanceUID}/series/{SeriesInstanceUID}/instances/{SOPInstanceUID}/frames/{frame}/{kind: rendered|thumbnail}")
    @Produces(PNG)
    public Response frameRendered(@PathParam("StudyInstanceUID") String study, @PathParam("SeriesInstanceUID") String series,
                                  @PathParam("SOPInstanceUID") String instance, @PathParam("frame") String frame) {
        if (!frame.matches("[1-9][0-9]{0,5}")) {
            return Problem.response(Response.Status.BAD_REQUEST, "a rendered frame is one frame number from 1, not " + frame);
        }
        return Response.ok(wado.rendered(study, series, instance, Integer.parseInt(frame)), PNG).build();
    }

    private Response retrieve(String study, String series, String instance) {
        java.util.Optional<String> syntax = RetrieveNegotiation.transferSyntax(headers.getAcceptableMediaTypes());
        return MultipartDicom.response(wado.retrieve(study, series, instance), syntax);
    }

    private Response metadata(String study, String series, String instance) {
        return Response.ok(new MetadataStream(wado.metadata(study, series, instance)), QidoAnswers.DICOM_JSON).build();
    }
}
