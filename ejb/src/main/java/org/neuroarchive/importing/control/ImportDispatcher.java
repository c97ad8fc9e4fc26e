package org.neuroarchive.importing.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.neuroarchive.audit.entity.Actor;
import org.neuroarchive.config.Resources;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.importing.entity.ImportBatch;
import org.neuroarchive.common.entity.ColumnText;

/**
 * Records a claimed series and sends its archive message in one transaction: either both exist or
 * neither does (then the files go back to incomingdir, by the scanner or by startup recovery).
 * Called from outside transactions, so each group of series gets a transaction of its own.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ImportDispatcher {

    /** Message property holding the import batch id. */
    public static final String BATCH_ID = "batchId";
    /**
     * Message property: who asked for the work ({@link Actor#text()}): the system for what the scan
     * claims, the reviewer who released or retried a series. The archive names them in its log lines.
     */
    public static final String ACTOR = "actor";

    @PersistenceContext
    EntityManager em;

    /** XA: a context created inside the JTA transaction sends as part of it. */
    @Resource(name = Resources.CONNECTION_FACTORY)
    ConnectionFactory connectionFactory;

    @Resource(name = Resources.IMPORT_SERIES_QUEUE)
    Queue importSeriesQueue;

    /** Records the claimed series and sends one archive message each, all in the caller's transaction. */
    public void dispatchAll(List<ClaimQueue.Claim> claims, Long scanId) {
        List<ImportBatch> batches = new ArrayList<>();
        for (ClaimQueue.Claim claim : claims) {
            ImportBatch batch = new ImportBatch(claim.claimKey(), ColumnText.clip(claim.seriesKey().value(), 255), scanId,
                    claim.fileCount());
            em.persist(batch);
            batches.add(batch);
        }
        em.flush();
        try (JMSContext jms = connectionFactory.createContext()) {
            batches.forEach(batch -> send(jms, batch.getId(), Actor.SYSTEM));
        }
    }

    /** Sends the archive message of an existing batch again, for {@code actor} (idempotent on the receiving side). */
    public void resend(long batchId, Actor actor) {
        try (JMSContext jms = connectionFactory.createContext()) {
            send(jms, batchId, actor == null ? Actor.SYSTEM : actor);
        }
    }

    private void send(JMSContext jms, long batchId, Actor actor) {
        jms.createProducer().setProperty(BATCH_ID, batchId).setProperty(ACTOR, actor.text())
                .send(importSeriesQueue, "archive import batch " + batchId);
    }
}
