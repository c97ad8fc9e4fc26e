package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.EnumSet;
import java.util.List;
import java.util.logging.Logger;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;

/**
 * Individual imports that have not moved for {@link ImportSettings#resendAfterMinutes()} minutes: a
 * parse that never started gets its parse message again (a database outage longer than the broker's
 * delivery attempts sends messages to the dead-letter queue; without this, the import would wait for
 * the next restart), and the archive progress is counted again (the delivery that archived the last
 * series may have lost the database before counting it). The archive requests of waiting series are
 * sent again by the one re-send rule of archive requests (StagedSeriesRetries).
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class StalledImports {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    ImportSettings settings;

    @Inject
    ImportMessages messages;

    @Inject
    SeriesArchiving archiving;

    @Inject
    ImportAccess access;

    @Inject
    StalledImports self;

    /** Resumes every stalled import; a failure (e.g. the database still away) is only logged, the next round tries again. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public void resumeQuietly() {
        try {
            for (long importId : self.stalled()) {
                archiving.countProgress(importId);
                self.resend(importId);  // a parse message, when the import still waits for one
            }
        } catch (RuntimeException e) {
            LOG.warning(() -> "stalled individual imports not resumed this time: " + e);
        }
    }

    /** The imports waiting for a parse message, or archiving, that have not changed for the configured period. */
    public List<Long> stalled() {
        return em.createNamedQuery(ImportRequest.UNCHANGED_SINCE, Long.class)
                .setParameter("statuses", EnumSet.of(ImportStatus.UPLOAD_COMPLETE, ImportStatus.QUEUED_FOR_ARCHIVE, ImportStatus.ARCHIVING))
                .setParameter("before", LocalDateTime.now().minusMinutes(settings.resendAfterMinutes()))
                .setMaxResults(100).getResultList();
    }

    /** Sends the import's parse message again when it still waits for it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void resend(long importId) {
        ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
        if (request == null || request.getStatus() != ImportStatus.UPLOAD_COMPLETE) {
            return;
        }
        messages.parse(importId, request.getParseGeneration(), Actor.parse(request.getCreatedBy()));
        request.messagesResent();
        access.log(request, ImportLogEntry.Outcome.RETRIED, "nothing moved for " + settings.resendAfterMinutes()
                + " minutes: its parse message sent again");
    }
}
