package org.neuroarchive.archive.control;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.neuroarchive.archive.entity.CommitMark;
import org.neuroarchive.config.ClusterSettings;

/**
 * The rows of {@link CommitMark}: written in a file transaction, read and removed afterwards in
 * transactions of their own. Open to every caller: a mark is an opaque random identifier, and the
 * reads run on a thread of {@link DatabaseCommitCheck} that carries no caller.
 */
@Stateless
@PermitAll
public class CommitMarks {

    @PersistenceContext
    EntityManager em;

    @Inject
    ClusterSettings cluster;

    /** A new mark, in the caller's transaction. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public String mark() {
        String id = UUID.randomUUID().toString();
        em.persist(new CommitMark(id, cluster.node(), LocalDateTime.now()));
        return id;
    }

    /** Whether the mark is there: read from the database (committed rows only), never from a cache. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean present(String id) {
        Number count = (Number) em.createNativeQuery("SELECT COUNT(*) FROM commit_mark WHERE id = ?1")
                .setParameter(1, id).getSingleResult();
        return count.longValue() > 0;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void forget(String id) {
        em.createNativeQuery("DELETE FROM commit_mark WHERE id = ?1").setParameter(1, id).executeUpdate();
    }

    /**
     * Removes the marks older than {@code before} (their transactions ended long ago: a crash came between
     * the end and the removal); answers how many. The old marks are found by a plain read, then deleted by
     * their keys, one by one (a crash leaves a few): a {@code DELETE ... WHERE created_at < ?} locks every row it scans on MySQL/MariaDB,
     * and so waited for the mark of a transaction a crash left prepared (its row stays locked until XA
     * recovery ends it), failing the start-up that runs this after the lock wait timeout.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public int forgetOlderThan(LocalDateTime before) {
        List<?> old = em.createNativeQuery("SELECT id FROM commit_mark WHERE created_at < ?1")
                .setParameter(1, before).getResultList();
        int removed = 0;
        for (Object id : old) {
            removed += em.createNativeQuery("DELETE FROM commit_mark WHERE id = ?1").setParameter(1, id).executeUpdate();
        }
        return removed;
    }
}
