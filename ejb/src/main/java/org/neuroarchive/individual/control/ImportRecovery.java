package org.neuroarchive.individual.control;

import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.StagedSeries;

/**
 * At start-up, puts individual imports that a stop or crash interrupted back on track: an upload
 * that was streaming is reported as failed (its client got no answer); a parse that was running is
 * queued again; queued series get their archive message again (duplicates are harmless); staging
 * folders of finished or unknown imports are removed.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportRecovery {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportMessages messages;

    @Inject
    ArchiveRequests requests;

    @Inject
    StagingArea staging;

    @Inject
    StorageLocations locations;

    public void recover() throws IOException {
        List<ImportRequest> open = em.createNamedQuery(ImportRequest.IN_STATUS, ImportRequest.class)
                .setParameter("statuses", ImportStatus.RUNNING)
                .getResultList();
        for (ImportRequest request : open) {
            switch (request.getStatus()) {
                case UPLOADING -> {
                    request.moveTo(ImportStatus.UPLOAD_ERROR, 0, "the server stopped while the files were uploading: upload them again");
                    staging.remove(staging.root(request.getId()));
                }
                case UPLOAD_COMPLETE, PARSING -> {
                    request.moveTo(ImportStatus.UPLOAD_COMPLETE, 0, "queued for parsing again after a server restart");
                    messages.parse(request.getId(), request.getParseGeneration(), Actor.parse(request.getCreatedBy()));
                }
                default -> resendArchiveMessages(request.getId());
            }
            LOG.info(() -> "individual import " + request.getId() + " resumed after restart: " + request.getStatus().code());
        }
        removeOrphanStaging();
    }

    /**
     * Sends the archive request of every series of the import that still waits for its message (after
     * a restart, or when its message was lost); a duplicate changes nothing. A series waiting for a
     * retry is left to the retry (StagedSeriesRetries). Answers how many.
     */
    public int resendArchiveMessages(long importId) {
        ImportRequest request = em.find(ImportRequest.class, importId);
        Actor actor = Actor.parse(request == null ? null : request.getArchiveActor());
        List<Long> waiting = em.createNamedQuery(StagedSeries.OF_IMPORT, StagedSeries.class)
                .setParameter("importId", importId).getResultStream()
                .filter(s -> s.getStatus() == StagedSeriesStatus.QUEUED && s.getNextAttemptAt() == null)
                .map(StagedSeries::getId).toList();
        requests.sendAll(waiting.stream().map(id -> new ArchiveRequest(ArchiveRequest.Kind.STAGED_SERIES, id, actor)).toList());
        return waiting.size();
    }

    /** Staging folders of imports that are complete, cancelled or unknown to the database. */
    private void removeOrphanStaging() throws IOException {
        Path root = locations.staging();
        if (!Files.isDirectory(root)) {
            return;
        }
        List<Path> folders;
        try (Stream<Path> list = Files.list(root)) {
            folders = list.filter(p -> p.getFileName().toString().matches("import-\\d+")).toList();
        }
        for (Path folder : folders) {
            long id = Long.parseLong(folder.getFileName().toString().substring("import-".length()));
            ImportRequest request = em.find(ImportRequest.class, id);
            if (request == null || request.getStatus().isFinal()) {
                staging.remove(folder);
            }
        }
    }
}
