package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.files.AtomicFiles;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.importing.entity.ClaimedSeries;

/**
 * At startup, brings every claim folder left by a crash to the state a run without a crash would
 * have reached. A claim with no batch row (crash before its message was queued) goes back to
 * incomingdir; a queued batch gets its request again (archiving is idempotent) unless it waits for a
 * retry, which the retry timer sends when due; held and failed
 * batches keep their files for a person; files left in the
 * folder of a finished batch are deleted only when an identical copy is archived, otherwise they go
 * back to incomingdir to be imported again. Nothing is deleted that is not archived.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@RolesAllowed(Roles.SYSTEM)
public class ClaimRecovery {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    ArchiveRequests requests;

    private final DicomReader reader = new DicomReader();

    public void recover() throws IOException {
        List<Path> claims;
        try (Stream<Path> list = Files.list(locations.claims())) {
            claims = list.filter(Files::isDirectory).toList();
        }
        for (Path claim : claims) {
            recover(claim);
        }
    }

    private void recover(Path claim) throws IOException {
        String key = claim.getFileName().toString();
        ClaimFolder folder = new ClaimFolder(locations.claims(), key);
        ClaimedSeries batch = em.createNamedQuery(ClaimedSeries.BY_CLAIM_KEY, ClaimedSeries.class)
                .setParameter("key", key).getResultStream().findFirst().orElse(null);
        List<SourceFile> files = folder.files();
        if (batch == null) {
            LOG.info(() -> "recovery: claim " + key + " was never queued; " + files.size() + " files back to incomingdir");
            folder.putAllBack(locations.incoming());
        } else if (batch.getStatus() == ClaimedSeries.Status.QUEUED) {
            if (batch.getNextAttemptAt() == null) {
                LOG.info(() -> "recovery: import batch " + batch.getId() + " is still queued; archive request sent again");
                requests.send(ClaimedSeriesRequests.of(batch));
            } // else its retry is sent when due (ClaimedSeriesRetries), as for a staged series
            return;
        } else if (batch.getStatus() != ClaimedSeries.Status.DONE) {
            return; // held or failed: the files wait in their claim folder for a person
        } else {
            for (SourceFile file : files) {
                finishDone(file);
            }
        }
        folder.removeEmptyDirectories();
    }

    /**
     * The archive message of a batch that is already finished: its files may still wait in the claim
     * folder when the server died between the commit and the file moves, and the start-up recovery saw the
     * batch still queued — with two-phase commit, a transaction prepared at the crash is committed by XA
     * recovery only after the restart, so the message sent again finds it done. Claimed files whose
     * content is archived are removed (the archive is completed where a copy is missing); any other file
     * stays for the next start-up recovery, which decides for it, so nothing races the moves of a
     * commit that has just happened.
     */
    public void finishArchivedLeftovers(long batchId) throws IOException {
        ClaimedSeries batch = em.find(ClaimedSeries.class, batchId);
        if (batch == null || batch.getStatus() != ClaimedSeries.Status.DONE
                || !Files.isDirectory(locations.claims().resolve(batch.getClaimKey()))) {
            return;
        }
        ClaimFolder folder = new ClaimFolder(locations.claims(), batch.getClaimKey());
        int finished = 0;
        for (SourceFile file : folder.files()) {
            if (finishIfArchived(file)) {
                finished++;
            }
        }
        folder.removeEmptyDirectories();
        if (finished > 0) {
            int count = finished;
            LOG.info(() -> "import batch " + batchId + ": finished the file moves a crash interrupted (" + count
                    + " claimed files were archived already)");
        }
    }

    /**
     * A file left in the claim folder of a finished batch: if an instance with its content is
     * recorded, the commit's file moves were interrupted: finish them (put the content at the
     * instance's path when it is not there) and remove the leftover. Otherwise import it again.
     */
    private void finishDone(SourceFile file) throws IOException {
        if (finishIfArchived(file) || !Files.exists(file.path())) {
            return;
        }
        // not archived: import it again, where it will be quarantined with its reason if it cannot be filed
        LOG.info(() -> "recovery: " + file.originalName() + " was not archived; back to incomingdir");
        ClaimFolder.putBack(file, locations.incoming());
    }

    /** When an instance with the file's content is recorded: completes the archive copy, removes the file, true. */
    private boolean finishIfArchived(SourceFile file) throws IOException {
        String sha256;
        try {
            sha256 = reader.inspect(file.path()).sha256();
        } catch (NoSuchFileException gone) {
            return false;
        } catch (DicomFormatException notArchivable) {
            return false;
        }
        List<Instance> recorded = em.createNamedQuery(Instance.BY_DIGEST, Instance.class)
                .setParameter("sha256", sha256).getResultList();
        if (recorded.isEmpty()) {
            return false;
        }
        for (Instance instance : recorded) {
            Path archived = locations.archive().resolve(instance.getFilePath());
            if (!sha256.equals(contentDigest(archived))) {
                AtomicFiles.place(file.path(), archived);
                LOG.info(() -> "recovery: finished archiving " + instance.getFilePath());
            }
        }
        Files.deleteIfExists(file.path());
        return true;
    }

    private String contentDigest(Path file) {
        try {
            return reader.inspect(file).sha256();
        } catch (DicomFormatException | NoSuchFileException missingOrDamaged) {
            return null;
        }
    }
}
