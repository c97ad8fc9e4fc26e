package org.neuroarchive.importing.control;

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
import org.neuroarchive.archive.control.AtomicFiles;
import org.neuroarchive.archive.control.ClaimedFile;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.importing.entity.ImportBatch;

/**
 * At startup, brings every claim folder left by a crash to the state a run without a crash would
 * have reached. A claim with no batch row (crash before its message was queued) goes back to
 * incomingdir; a queued batch gets its message again (archiving is idempotent); held and failed
 * batches keep their files for a person; files left in the
 * folder of a finished batch are deleted only when an identical copy is archived, otherwise they go
 * back to incomingdir to be imported again. Nothing is deleted that is not archived.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ClaimRecovery {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    ImportDispatcher dispatcher;

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
        ImportBatch batch = em.createNamedQuery(ImportBatch.BY_CLAIM_KEY, ImportBatch.class)
                .setParameter("key", key).getResultStream().findFirst().orElse(null);
        List<ClaimedFile> files = folder.files();
        if (batch == null) {
            LOG.info(() -> "recovery: claim " + key + " was never queued; " + files.size() + " files back to incomingdir");
            folder.putAllBack(locations.incoming());
        } else if (batch.getStatus() == ImportBatch.Status.QUEUED) {
            LOG.info(() -> "recovery: import batch " + batch.getId() + " is still queued; archive message sent again");
            dispatcher.resend(batch.getId());
            return;
        } else if (batch.getStatus() != ImportBatch.Status.DONE) {
            return; // held or failed: the files wait in their claim folder for a person
        } else {
            for (ClaimedFile file : files) {
                finishDone(file);
            }
        }
        folder.removeEmptyDirectories();
    }

    /**
     * A file left in the claim folder of a finished batch: if an instance with its content is
     * recorded, the commit's file moves were interrupted: finish them (put the content at the
     * instance's path when it is not there) and remove the leftover. Otherwise import it again.
     */
    private void finishDone(ClaimedFile file) throws IOException {
        try {
            String sha256 = reader.inspect(file.path()).sha256();
            List<Instance> recorded = em.createNamedQuery(Instance.BY_DIGEST, Instance.class)
                    .setParameter("sha256", sha256).getResultList();
            if (!recorded.isEmpty()) {
                for (Instance instance : recorded) {
                    Path archived = locations.archive().resolve(instance.getFilePath());
                    if (!sha256.equals(contentDigest(archived))) {
                        AtomicFiles.place(file.path(), archived);
                        LOG.info(() -> "recovery: finished archiving " + instance.getFilePath());
                    }
                }
                Files.deleteIfExists(file.path());
                return;
            }
        } catch (NoSuchFileException gone) {
            return;
        } catch (DicomFormatException notArchivable) {
            // not archived: import it again, where it will be quarantined with its reason
        }
        LOG.info(() -> "recovery: " + file.originalName() + " was not archived; back to incomingdir");
        ClaimFolder.putBack(file, locations.incoming());
    }

    private String contentDigest(Path file) {
        try {
            return reader.inspect(file).sha256();
        } catch (DicomFormatException | NoSuchFileException missingOrDamaged) {
            return null;
        }
    }
}
