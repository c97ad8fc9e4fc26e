package org.neuroarchive.dicomweb.control;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.audit.control.PhiReads;
import org.neuroarchive.audit.entity.AuditEvent;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.dicom.DicomJsonObject;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.control.ProjectScope;
import org.neuroarchive.security.entity.ProjectPermission;

/**
 * QIDO-RS: studies, series and instances matching a {@link QidoQuery}, only of projects the caller may view,
 * paged by the database ({@code offset}, {@code limit}), oldest first. A study or series named in the path
 * that the caller cannot see is not found. An answer that shows patient data is audited as the API's reads.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class QidoSearch {

    /** The matches as a DICOM JSON array, and whether more match beyond {@code limit}. */
    public record Answer(String json, boolean more) {
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Callers callers;

    @Inject
    PhiReads phiReads;

    public Answer studies(QidoQuery query, String baseUrl) {
        Scopes scopes = scopes();
        List<Study> studies = page(query, scopes, "SELECT st FROM Study st JOIN st.subject sub WHERE ", " ORDER BY st.id",
                Study.class);
        List<Long> ids = studies.stream().limit(query.limit()).map(Study::getId).toList();
        Map<Long, Long> series = counts("SELECT s.study.id, COUNT(s) FROM Series s WHERE s.study.id IN :ids GROUP BY s.study.id", ids);
        Map<Long, Long> instances = counts("SELECT i.series.study.id, COUNT(i) FROM Instance i WHERE i.series.study.id IN :ids "
                + "GROUP BY i.series.study.id", ids);
        Map<Long, List<String>> modalities = modalities(ids);
        QidoAttributes attributes = new QidoAttributes(query, baseUrl);
        List<DicomJsonObject> found = new ArrayList<>();
        for (Study st : studies.subList(0, ids.size())) {
            found.add(attributes.study(st, scopes.phi(st), series.getOrDefault(st.getId(), 0L),
                    instances.getOrDefault(st.getId(), 0L), modalities.getOrDefault(st.getId(), List.of())));
        }
        return answer(found, studies.size() > ids.size(), "studies");
    }

    /** Series, of the visible study {@code studyUid} when not null. */
    public Answer series(String studyUid, QidoQuery query, String baseUrl) {
        Scopes scopes = scopes();
        QidoQuery q = studyUid == null ? query : within(scopes, query, studyUid, null);
        List<Series> series = page(q, scopes, "SELECT s FROM Series s JOIN s.study st JOIN st.subject sub WHERE ",
                " ORDER BY st.id, s.seriesNum, s.id", Series.class);
        List<Series> shown = series.subList(0, Math.min(series.size(), q.limit()));
        Map<Long, Long> instances = counts("SELECT i.series.id, COUNT(i) FROM Instance i WHERE i.series.id IN :ids "
                + "GROUP BY i.series.id", shown.stream().map(Series::getId).toList());
        QidoAttributes attributes = new QidoAttributes(q, baseUrl);
        List<DicomJsonObject> found = shown.stream().map(s -> attributes.series(s, scopes.phi(s.getStudy()),
                instances.getOrDefault(s.getId(), 0L))).toList();
        return answer(found, series.size() > shown.size(), "series");
    }

    /** Instances, of the visible study and series named when not null. */
    public Answer instances(String studyUid, String seriesUid, QidoQuery query, String baseUrl) {
        Scopes scopes = scopes();
        QidoQuery q = studyUid == null ? query : within(scopes, query, studyUid, seriesUid);
        List<Instance> instances = page(q, scopes, "SELECT i FROM Instance i JOIN i.series s JOIN s.study st "
                + "JOIN st.subject sub WHERE ", " ORDER BY st.id, s.seriesNum, s.id, i.instanceNumber, i.id", Instance.class);
        List<Instance> shown = instances.subList(0, Math.min(instances.size(), q.limit()));
        QidoAttributes attributes = new QidoAttributes(q, baseUrl);
        List<DicomJsonObject> found = shown.stream().map(i -> attributes.instance(i, scopes.phi(i.getSeries().getStudy())))
                .toList();
        return answer(found, instances.size() > shown.size(), "instances");
    }

    /** The query restricted to the study (and series) of the path; not found unless the caller sees them. */
    private QidoQuery within(Scopes scopes, QidoQuery query, String studyUid, String seriesUid) {
        Map<QidoKey, String> path = new HashMap<>();
        path.put(QidoKey.STUDY_INSTANCE_UID, studyUid);
        if (seriesUid != null) {
            path.put(QidoKey.SERIES_INSTANCE_UID, seriesUid);
        }
        QidoQuery exists = new QidoQuery(QidoLevel.SERIES, path, Set.of(), false, 0, 1);
        if (page(exists, scopes, "SELECT s FROM Series s JOIN s.study st JOIN st.subject sub WHERE ", "", Series.class).isEmpty()) {
            throw new RequestRejected(RequestRejected.Reason.NOT_FOUND, seriesUid == null ? "no study " + studyUid
                    : "no series " + seriesUid + " in study " + studyUid);
        }
        Map<QidoKey, String> keys = new HashMap<>(query.keys());
        keys.putAll(path);
        return new QidoQuery(query.level(), keys, query.includeFields(), query.includeAll(), query.offset(), query.limit());
    }

    /** One page of matches and the first of the next, if any. */
    private <T> List<T> page(QidoQuery query, Scopes scopes, String select, String order, Class<T> type) {
        if (scopes.visible().none()) {
            return List.of();
        }
        QidoFilter filter = new QidoFilter(query, scopes.visible(), scopes.phiScope());
        TypedQuery<T> jpql = filter.bind(em.createQuery(select + filter.where() + order, type));
        return jpql.setFirstResult(query.offset()).setMaxResults(query.limit() + 1).getResultList();
    }

    private Map<Long, Long> counts(String jpql, List<Long> ids) {
        Map<Long, Long> counts = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery(jpql, Object[].class).setParameter("ids", ids).getResultList()
                    .forEach(row -> counts.put((Long) row[0], ((Number) row[1]).longValue()));
        }
        return counts;
    }

    private Map<Long, List<String>> modalities(List<Long> ids) {
        Map<Long, TreeSet<String>> found = new HashMap<>();
        if (!ids.isEmpty()) {
            em.createQuery("SELECT DISTINCT s.study.id, s.modality FROM Series s WHERE s.study.id IN :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(row -> found.computeIfAbsent((Long) row[0], k -> new TreeSet<>()).add((String) row[1]));
        }
        Map<Long, List<String>> modalities = new HashMap<>();
        found.forEach((id, set) -> modalities.put(id, List.copyOf(set)));
        return modalities;
    }

    private Answer answer(List<DicomJsonObject> found, boolean more, String what) {
        StringBuilder json = new StringBuilder("[");
        long withPhi = 0;
        for (DicomJsonObject match : found) {
            json.append(json.length() > 1 ? "," : "").append(match.toJson());
            withPhi += match.has(DicomTags.PATIENT_NAME) || match.has(DicomTags.PATIENT_ID)
                    || match.has(DicomTags.PATIENT_BIRTH_DATE) ? 1 : 0;
        }
        if (withPhi > 0) {
            phiReads.shown(AuditEvent.of(callers.current().actor(), "dicomweb.query").object(what, null)
                    .detail("patient data of " + withPhi + " " + what + " (QIDO-RS)"));
        }
        return new Answer(json.append(']').toString(), more);
    }

    private Scopes scopes() {
        Caller caller = callers.current();
        return new Scopes(ProjectScope.of(caller, ProjectPermission.VIEW_DATA), ProjectScope.of(caller, ProjectPermission.VIEW_PHI));
    }

    /** The caller's projects: those it may view, those whose PHI it may view. */
    private record Scopes(ProjectScope visible, ProjectScope phiScope) {
        boolean phi(Study st) {
            return phiScope.includes(st.getEnrollment().getProject().getId());
        }
    }
}
