package org.neuroarchive.stats.control;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.neuroarchive.importing.control.IncomingScanner;
import org.neuroarchive.receiver.control.ReceiverStatus;
import org.neuroarchive.importing.entity.ImportBatch;
import org.neuroarchive.importlog.entity.ImportLogEntry;

/** Counts from the database. */
@Stateless
public class StatisticsService {

    @PersistenceContext
    EntityManager em;

    @Inject
    IncomingScanner scanner;

    @Inject
    ReceiverStatus receiver;

    public ArchiveStats current() {
        return new ArchiveStats(
                count("SELECT COUNT(s) FROM Subject s"),
                count("SELECT COUNT(s) FROM Study s"),
                count("SELECT COUNT(s) FROM Series s"),
                count("SELECT COUNT(i) FROM Instance i"),
                count("SELECT COUNT(p) FROM ProblemFile p"),
                em.createNamedQuery(ImportBatch.FILES_BY_STATUS, Number.class)
                        .setParameter("status", ImportBatch.Status.HELD).getSingleResult().longValue(),
                em.createNamedQuery(ImportLogEntry.COUNT_BY_OUTCOME, Long.class)
                        .setParameter("outcome", ImportLogEntry.Outcome.DUPLICATE).getSingleResult(),
                batches(ImportBatch.Status.QUEUED),
                batches(ImportBatch.Status.FAILED),
                batches(ImportBatch.Status.HELD),
                scanner.waitingFiles(),
                receiver.objectsReceived());
    }

    private long batches(ImportBatch.Status status) {
        return em.createNamedQuery(ImportBatch.COUNT_BY_STATUS, Long.class).setParameter("status", status).getSingleResult();
    }

    private long count(String jpql) {
        return em.createQuery(jpql, Long.class).getSingleResult();
    }
}
