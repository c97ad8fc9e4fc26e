package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import org.neuroarchive.config.ClusterSettings;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.neuroarchive.audit.control.AuditTrail;
import org.neuroarchive.audit.control.AuditedAction;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.config.IndividualImportSettings;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.SourceKind;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectRights;

/**
 * Creates individual imports: from a server path inside the allowed roots (queued for parsing at
 * once), or from an upload (recorded first, so it is visible while the files stream in, and queued
 * for parsing when the last file has arrived). The import records its creator; an import into a
 * named project needs the right to modify that project. Creating one writes an audit row.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportRequests {

    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSettings cluster;

    @Inject
    IndividualImportSettings settings;

    @Inject
    ProjectRights projects;

    @Inject
    ImportMessages messages;

    @Inject
    ImportAccess access;

    @Inject
    Callers callers;

    @Inject
    AuditTrail audit;

    @Inject
    StagingArea staging;

    /** A server-path import; refused (400/403) before anything is read when the path is not allowed. */
    @RolesAllowed(Roles.IMPORTER)
    public ImportRequest fromServerPath(String sourcePath, ImportOptions options) {
        AuditEvent.Builder event = AuditEvent.of(callers.current().actor(), "import.create").detail("server path");
        return AuditedAction.run(audit, event, () -> {
            ImportOptions.Valid valid = checked(options);
            event.project(valid.project());
            Path source = allowed(sourcePath);
            ImportRequest request = create(SourceKind.SERVER_PATH, source.toString(), valid, ImportStatus.UPLOAD_COMPLETE,
                    "queued for parsing");
            event.object("import", request.getId());
            log(request, "import of server path " + source + " created; " + describe(valid));
            messages.parse(request.getId(), request.nextParseGeneration(), callers.current().actor());
            return request;
        });
    }

    /** An upload about to stream in: status {@code uploading}. */
    @RolesAllowed(Roles.IMPORTER)
    public ImportRequest uploadStarted(ImportOptions options) {
        AuditEvent.Builder event = AuditEvent.of(callers.current().actor(), "import.create").detail("upload");
        return AuditedAction.run(audit, event, () -> {
            ImportOptions.Valid valid = checked(options);
            event.project(valid.project());
            ImportRequest request = create(SourceKind.UPLOAD, null, valid, ImportStatus.UPLOADING, "receiving files");
            event.object("import", request.getId());
            log(request, "upload started; " + describe(valid));
            return request;
        });
    }

    /** Every uploaded file has arrived: status {@code uploadcomplete}, queued for parsing. Answers the status. */
    @RolesAllowed(Roles.IMPORTER)
    public ImportStatus uploadComplete(long importId, int files, long bytes) {
        ImportRequest request = access.actionable(importId);
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
        messages.parse(importId, request.nextParseGeneration(), callers.current().actor());
        return request.getStatus();
    }

    /** The upload broke off or was refused: status {@code uploaderror}; the partial files are removed. */
    @RolesAllowed(Roles.IMPORTER)
    public void uploadFailed(long importId, String reason) {
        ImportRequest request = access.actionable(importId);
        request.moveTo(ImportStatus.UPLOAD_ERROR, 0, reason);
        access.log(request, ImportLogEntry.Outcome.FAILED, "upload failed: " + reason);
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

    /**
     * Options validated, with the project checked against the database and the caller's permissions:
     * a project the caller may not modify is refused (one it holds nothing on, like an unknown one).
     */
    public ImportOptions.Valid checked(ImportOptions options) {
        ImportOptions.Valid valid = (options == null ? ImportOptions.DEFAULTS : options).validate();
        if (valid.project() != null) {
            Caller caller = callers.current();
            try {
                projects.modifiable(caller, valid.project());
            } catch (RequestRejected refused) {
                throw refused.reason() == RequestRejected.Reason.INVALID
                        ? new RequestRejected(RequestRejected.Reason.INVALID, refused.getMessage()
                                + ": leave project out to file by the StudyDescription rule, or use an existing cost center")
                        : refused;
            }
        }
        return valid;
    }

    /** The options in words for the import log: without the PatientID or alternate UIDs (patient data). */
    static String describe(ImportOptions.Valid valid) {
        return "modality " + valid.modality() + ", project " + (valid.project() == null ? "by StudyDescription" : valid.project())
                + ", subject by " + valid.criteria().subject().code()
                + (valid.patientId() == null ? "" : " (a PatientID given)")
                + ", study by " + valid.criteria().study().code() + ", series by " + valid.criteria().series().code()
                + (valid.anonymize() ? ", anonymized" : "")
                + (valid.altUids().isEmpty() ? "" : ", " + valid.altUids().size() + " alternate UIDs");
    }

    private ImportRequest create(SourceKind kind, String path, ImportOptions.Valid valid, ImportStatus status, String message) {
        byte[] salt = new byte[24];
        RANDOM.nextBytes(salt);
        ImportRequest request = new ImportRequest(kind, path, status, HexFormat.of().formatHex(salt),
                callers.current().actor().text());
        request.choose(valid.modality(), valid.project(), valid.criteria(), valid.patientId(), valid.anonymize(),
                valid.altUids(), valid.notes());
        request.moveTo(status, 0, message);
        request.handledBy(cluster.node());
        em.persist(request);
        em.flush();
        return request;
    }

    private void log(ImportRequest request, String message) {
        access.log(request, ImportLogEntry.Outcome.IMPORT, message);
    }
}
