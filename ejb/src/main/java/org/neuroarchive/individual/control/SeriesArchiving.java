package org.neuroarchive.individual.control;

import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.neuroarchive.archive.control.ArchiveStorageException;

/**
 * One archive message of an individual import: the series is archived in a transaction of its own;
 * if that fails, the reason is recorded on the series (reported, never hidden); then the import's
 * progress is counted again and, once complete, its staging folder removed.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class SeriesArchiving {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @Inject
    IndividualArchiver archiver;

    @Inject
    ArchiveProgress progress;

    @Inject
    StagingArea staging;

    public void archive(long stagedSeriesId) {
        long importId;
        try {
            importId = archiver.archive(stagedSeriesId);
        } catch (ArchiveStorageException | EJBException | IllegalArgumentException e) {
            String reason = reason(e);
            LOG.warning(() -> "staged series " + stagedSeriesId + " not archived: " + reason);
            importId = archiver.failed(stagedSeriesId, reason);
        }
        if (importId >= 0 && progress.refresh(importId)) {
            staging.remove(staging.root(importId));
        }
    }

    private static String reason(Exception e) {
        Throwable cause = e;
        while (cause instanceof EJBException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
