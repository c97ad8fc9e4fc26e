package org.neuroarchive.search.control;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.neuroarchive.matching.entity.Series;

/**
 * Finds archived series for the search screen: subjects by UID, alternate UID or name; studies by
 * date range and modality; series by protocol or description. Every given criterion must hold.
 */
@Stateless
public class ArchiveSearch {

    public static final int MAX_HITS = 500;

    /** What to look for; blank or null fields are left out. */
    public record Criteria(String subject, LocalDate from, LocalDate to, String modality, String series) {
    }

    /** One series found, with the subject and study it belongs to. */
    public record Hit(long seriesId, String subjectUid, String patientName, int studyNum, LocalDateTime studyDateTime,
                      String modality, int seriesNum, String description, String protocol, int fileCount) {
    }

    @PersistenceContext
    EntityManager em;

    public List<Hit> find(Criteria c) {
        StringBuilder jpql = new StringBuilder("SELECT DISTINCT s FROM Series s JOIN s.study st JOIN st.subject sub "
                + "LEFT JOIN sub.alternateUids a WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (present(c.subject())) {
            jpql.append(" AND (LOWER(sub.uid) = :id OR LOWER(a.altuid) = :id OR LOWER(sub.patientName) LIKE :name)");
            parameters.put("id", c.subject().strip().toLowerCase(Locale.ROOT));
            parameters.put("name", "%" + c.subject().strip().toLowerCase(Locale.ROOT) + "%");
        }
        if (c.from() != null) {
            jpql.append(" AND st.studyDateTime >= :from");
            parameters.put("from", c.from().atStartOfDay());
        }
        if (c.to() != null) {
            jpql.append(" AND st.studyDateTime < :to");
            parameters.put("to", c.to().plusDays(1).atStartOfDay());
        }
        if (present(c.modality())) {
            jpql.append(" AND st.modality = :modality");
            parameters.put("modality", c.modality().strip().toUpperCase(Locale.ROOT));
        }
        if (present(c.series())) {
            jpql.append(" AND (LOWER(s.protocol) LIKE :text OR LOWER(s.description) LIKE :text)");
            parameters.put("text", "%" + c.series().strip().toLowerCase(Locale.ROOT) + "%");
        }
        jpql.append(" ORDER BY s.id");
        TypedQuery<Series> query = em.createQuery(jpql.toString(), Series.class).setMaxResults(MAX_HITS);
        parameters.forEach(query::setParameter);
        return query.getResultStream().map(s -> new Hit(s.getId(), s.getStudy().getSubject().getUid(),
                        s.getStudy().getSubject().getPatientName(), s.getStudy().getStudyNum(), s.getStudy().getStudyDateTime(),
                        s.getModality(), s.getSeriesNum(), s.getDescription(), s.getProtocol(), s.getFileCount()))
                .sorted(java.util.Comparator.comparing(Hit::subjectUid).thenComparing(Hit::studyNum).thenComparing(Hit::seriesNum))
                .toList();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
