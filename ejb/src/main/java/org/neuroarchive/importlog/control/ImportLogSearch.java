package org.neuroarchive.importlog.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.common.control.Paging;

/** The import log filtered by time range and keyword (file name, message or subject UID), newest first. */
@Stateless
public class ImportLogSearch {

    @PersistenceContext
    EntityManager em;

    public List<ImportLogView> search(LocalDateTime from, LocalDateTime to, String keyword, int offset, int limit) {
        StringBuilder jpql = new StringBuilder("SELECT e FROM ImportLogEntry e WHERE 1 = 1");
        if (from != null) {
            jpql.append(" AND e.createdAt >= :from");
        }
        if (to != null) {
            jpql.append(" AND e.createdAt < :to");
        }
        boolean hasKeyword = keyword != null && !keyword.isBlank();
        if (hasKeyword) {
            jpql.append(" AND (LOWER(e.fileName) LIKE :q ESCAPE '!' OR LOWER(e.message) LIKE :q ESCAPE '!'"
                    + " OR LOWER(e.subjectUid) LIKE :q ESCAPE '!')");
        }
        jpql.append(" ORDER BY e.id DESC");
        TypedQuery<ImportLogEntry> query = em.createQuery(jpql.toString(), ImportLogEntry.class);
        if (from != null) {
            query.setParameter("from", from);
        }
        if (to != null) {
            query.setParameter("to", to);
        }
        if (hasKeyword) {
            query.setParameter("q", "%" + escapeLike(keyword.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        return Paging.page(query, offset, limit)
                .getResultStream()
                .map(e -> new ImportLogView(e.getId(), e.getCreatedAt(), e.getOutcome().name().toLowerCase(Locale.ROOT),
                        e.getFileName(), e.getMessage(), e.getBatchId(), e.getSubjectUid(), e.getStudyNum(), e.getSeriesNum()))
                .toList();
    }

    static String escapeLike(String text) {
        return text.replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }
}
