package org.neuroarchive.individual.control;

import org.neuroarchive.common.control.Roles;
import org.neuroarchive.individual.entity.StagedSeriesStatus;
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
import java.util.Map;
import java.util.TreeMap;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.neuroarchive.archive.control.ArchiveRequest;
import org.neuroarchive.archive.control.ArchiveRequests;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.individual.entity.ImportRequest;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.individual.entity.StagedSeries;

/**
 * The re-send of archive requests for staged series, by the same rule as for claimed series
 * (ClaimedSeriesRetries): a series whose next attempt is due, and the waiting series of an import that has
 * not moved for {@link ImportSettings#resendAfterMinutes()} minutes (their message may be lost: a
 * failure that could not even be recorded, such as a long database outage, ends in the broker's
 * dead-letter queue). Requests are sent for the person who asked to archive the import; archiving is
 * idempotent, so a request too many changes nothing.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class StagedSeriesRetries {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.import");

    @PersistenceContext
    EntityManager em;

    @Inject
    ArchiveRequests requests;

    @Inject
    ImportSettings settings;

    @Inject
    ImportAccess access;

    @Inject
    StagedSeriesRetries self;

    /** As {@link #resendDue()}, but a failure (e.g. the database away) is only logged: the next round tries again. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int resendDueQuietly() {
        try {
            return self.resendDue();
        } catch (RuntimeException e) {
            LOG.warning(() -> "retries of staged series not sent this time: " + e);
            return 0;
        }
    }

    public int resendDue() {
        LocalDateTime now = LocalDateTime.now();
        List<StagedSeries> due = em.createNamedQuery(StagedSeries.DUE_FOR_RETRY, StagedSeries.class)
                .setParameter("status", StagedSeriesStatus.QUEUED).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(100).getResultList();
        for (StagedSeries series : due) {
            series.retrying();
            requests.send(request(series, em.find(ImportRequest.class, series.getImportId())));
        }
        return due.size() + resendStale(now);
    }

    private int resendStale(LocalDateTime now) {
        int minutes = settings.resendAfterMinutes();
        List<StagedSeries> stale = em.createNamedQuery(StagedSeries.STALE_QUEUED, StagedSeries.class)
                .setParameter("status", StagedSeriesStatus.QUEUED)
                .setParameter("importStatuses", EnumSet.of(ImportStatus.QUEUED_FOR_ARCHIVE, ImportStatus.ARCHIVING))
                .setParameter("before", now.minusMinutes(minutes)).setMaxResults(500).getResultList();
        Map<Long, List<StagedSeries>> byImport = stale.stream()
                .collect(Collectors.groupingBy(StagedSeries::getImportId, TreeMap::new, Collectors.toList()));
        byImport.forEach((importId, waiting) -> {
            ImportRequest request = em.find(ImportRequest.class, importId, LockModeType.PESSIMISTIC_WRITE);
            requests.sendAll(waiting.stream().map(series -> request(series, request)).toList());
            request.messagesResent();
            access.log(request, ImportLogEntry.Outcome.RETRIED, "nothing moved for " + minutes
                    + " minutes: the archive messages of its " + waiting.size() + " waiting series sent again");
            LOG.warning(() -> "individual import " + importId + ": nothing moved for " + minutes + " minutes; the archive "
                    + "messages of its " + waiting.size() + " waiting series sent again");
        });
        return stale.size();
    }

    private static ArchiveRequest request(StagedSeries series, ImportRequest request) {
        Actor actor = Actor.parse(request == null ? null : request.getArchiveActor());
        return new ArchiveRequest(ArchiveRequest.Kind.STAGED_SERIES, series.getId(), actor);
    }
}
