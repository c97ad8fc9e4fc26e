package org.neuroarchive.individual.control;

import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.ArrayList;
import org.neuroarchive.config.ClusterSettings;
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
 * At start-up, puts individual imports that a stop or crash of this node interrupted back on track (and,
 * on the node that takes over a lost node, the imports that node had taken on): an upload
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

    @Inject
    ClusterSettings cluster;

    /**
     * At start-up: the imports this node had taken on (and those of no named node, from before nodes
     * were); imports another running node is uploading or parsing are its own.
     */
    public void recover() throws IOException {
        List<ImportRequest> open = new ArrayList<>(em.createNamedQuery(ImportRequest.OF_NODE_IN_STATUS, ImportRequest.class)
                .setParameter("statuses", ImportStatus.RUNNING).setParameter("node", cluster.node()).getResultList());
        open.addAll(em.createNamedQuery(ImportRequest.OF_NO_NODE_IN_STATUS, ImportRequest.class)
                .setParameter("statuses", ImportStatus.RUNNING).getResultList());
        resume(open, "a server restart", false);
        removeOrphanStaging();
    }

    /**
     * The imports a lost node had taken on, on the node that took it over: as after a restart of that
     * node, except that a parse is queued under a new generation, so that the lost node's parse, were it
     * still running somewhere, stops at its next progress report instead of running beside the new one.
     */
    public void recoverNode(String node) {
        List<ImportRequest> open = em.createNamedQuery(ImportRequest.OF_NODE_IN_STATUS, ImportRequest.class)
                .setParameter("statuses", ImportStatus.RUNNING).setParameter("node", node).getResultList();
        resume(open, "node " + node + " was lost", true);
    }

    private void resume(List<ImportRequest> open, String why, boolean newGeneration) {
        for (ImportRequest request : open) {
            switch (request.getStatus()) {
                case UPLOADING -> {
                    request.moveTo(ImportStatus.UPLOAD_ERROR, 0, "the server stopped while the files were uploading: upload them again");
                    staging.remove(staging.root(request.getId()));
                }
                case UPLOAD_COMPLETE, PARSING -> {
                    int generation = newGeneration ? request.nextParseGeneration() : request.getParseGeneration();
                    request.moveTo(ImportStatus.UPLOAD_COMPLETE, 0, "queued for parsing again after " + why);
                    request.handledBy(null);
                    messages.parse(request.getId(), generation, Actor.parse(request.getCreatedBy()));
                }
                default -> resendArchiveMessages(request.getId());
            }
            LOG.info(() -> "individual import " + request.getId() + " resumed after " + why + ": " + request.getStatus().code());
        }
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
