package org.neuroarchive.individual.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.config.IndividualImportSettings;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.SourceKind;
import org.neuroarchive.matching.control.ProjectResolver;

/**
 * Creates individual imports: from a server path inside the allowed roots (queued for parsing at
 * once), or from an upload (recorded first, so it is visible while the files stream in, and queued
 * for parsing when the last file has arrived).
 */
@Stateless
public class ImportRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    IndividualImportSettings settings;

    @Inject
    ProjectResolver projects;

    @Inject
    ImportMessages messages;

    @Inject
    ImportLog importLog;

    @Inject
    StagingArea staging;

    /** A server-path import; refused (400/403) before anything is read when the path is not allowed. */
    public ImportRequest fromServerPath(String sourcePath, ImportOptions options) {
        ImportOptions.Valid valid = checked(options);
        Path source = allowed(sourcePath);
        ImportRequest request = create(SourceKind.SERVER_PATH, source.toString(), valid, ImportStatus.UPLOAD_COMPLETE,
                "queued for parsing");
        log(request, "import of server path " + source + " created; " + describe(valid));
        messages.parse(request.getId(), request.nextParseGeneration());
        return request;
    }

    /** An upload about to stream in: status {@code uploading}. */
    public ImportRequest uploadStarted(ImportOptions options) {
        ImportOptions.Valid valid = checked(options);
        ImportRequest request = create(SourceKind.UPLOAD, null, valid, ImportStatus.UPLOADING, "receiving files");
        log(request, "upload started; " + describe(valid));
        return request;
    }

    /** Every uploaded file has arrived: status {@code uploadcomplete}, queued for parsing. Answers the status. */
    public ImportStatus uploadComplete(long importId, int files, long bytes) {
        ImportRequest request = em.find(ImportRequest.class, importId);
        if (request.getStatus() != ImportStatus.UPLOADING) {
            staging.remove(staging.root(importId)); // cancelled while the files arrived
            return request.getStatus();
        }
        if (files == 0) {
            request.moveTo(ImportStatus.UPLOAD_ERROR, 0, "the upload held no file part named \"file\"");
            return request.getStatus();
        }
        request.moveTo(ImportStatus.UPLOAD_COMPLETE, 0, "received " + files + " files (" + bytes + " bytes); queued for parsing");
        log(request, request.getMessage());
        messages.parse(importId, request.nextParseGeneration());
        return request.getStatus();
    }

    /** The upload broke off or was refused: status {@code uploaderror}; the partial files are removed. */
    public void uploadFailed(long importId, String reason) {
        ImportRequest request = em.find(ImportRequest.class, importId);
        request.moveTo(ImportStatus.UPLOAD_ERROR, 0, reason);
        importLog.importStep(importId, ImportLogEntry.Outcome.FAILED, "upload failed: " + reason);
        staging.remove(staging.root(importId));
    }

    /** The path as the allowed roots admit it, or 400/403 with the reason. */
    public Path allowed(String sourcePath) {
        try {
            return new AllowedRoots(settings.allowedRoots()).resolve(sourcePath);
        } catch (PathRefusedException refused) {
            throw new RequestRejected(refused.kind() == PathRefusedException.Kind.OUTSIDE
                    ? RequestRejected.Reason.FORBIDDEN : RequestRejected.Reason.INVALID, refused.getMessage());
        }
    }

    /** Options validated, with the project checked against the database. */
    public ImportOptions.Valid checked(ImportOptions options) {
        ImportOptions.Valid valid = (options == null ? ImportOptions.DEFAULTS : options).validate();
        if (valid.project() != null && projects.byCostcenter(valid.project()).isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.INVALID, "no project with cost center '" + valid.project()
                    + "': leave project out to file by the StudyDescription rule, or use an existing cost center");
        }
        return valid;
    }

    static String describe(ImportOptions.Valid valid) {
        return "modality " + valid.modality() + ", project " + (valid.project() == null ? "by StudyDescription" : valid.project())
                + ", subject by " + valid.criteria().subject().code()
                + (valid.patientId() == null ? "" : " (" + valid.patientId() + ")")
                + ", study by " + valid.criteria().study().code() + ", series by " + valid.criteria().series().code()
                + (valid.anonymize() ? ", anonymized" : "")
                + (valid.altUids().isEmpty() ? "" : ", alternate UIDs " + String.join(" ", valid.altUids()));
    }

    private ImportRequest create(SourceKind kind, String path, ImportOptions.Valid valid, ImportStatus status, String message) {
        byte[] salt = new byte[24];
        RANDOM.nextBytes(salt);
        ImportRequest request = new ImportRequest(kind, path, status, HexFormat.of().formatHex(salt));
        request.choose(valid.modality(), valid.project(), valid.criteria(), valid.patientId(), valid.anonymize(),
                valid.altUids(), valid.notes());
        request.moveTo(status, 0, message);
        em.persist(request);
        em.flush();
        return request;
    }

    private void log(ImportRequest request, String message) {
        importLog.importStep(request.getId(), ImportLogEntry.Outcome.IMPORT, message);
    }
}
