package org.neuroarchive.individual.control;

import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.neuroarchive.individual.entity.StagedSeries;
import org.neuroarchive.security.control.ProjectScope;

/**
 * Which of the archived records the staged series of an import match the caller may see: a subject
 * enrolled in a project it may view, a study or series of such a project. A match the caller may not see
 * is left out of the tree (as if the series were new to it): the archive of other projects is not shown.
 */
record MatchScope(Set<Long> subjects, Set<Long> studies, Set<Long> series) {

    static final MatchScope ALL = new MatchScope(null, null, null);

    static MatchScope of(EntityManager em, ProjectScope visible, List<StagedSeries> staged) {
        if (visible.all()) {
            return ALL;
        }
        return new MatchScope(
                visibleIds(em, visible, ids(staged, StagedSeries::getMatchSubjectId),
                        "SELECT DISTINCT e.subject.id FROM Enrollment e WHERE e.subject.id IN :ids AND e.project.id IN :projects"),
                visibleIds(em, visible, ids(staged, StagedSeries::getMatchStudyId),
                        "SELECT s.id FROM Study s WHERE s.id IN :ids AND s.enrollment.project.id IN :projects"),
                visibleIds(em, visible, ids(staged, StagedSeries::getMatchSeriesId),
                        "SELECT s.id FROM Series s WHERE s.id IN :ids AND s.study.enrollment.project.id IN :projects"));
    }

    boolean subject(Long id) {
        return id != null && (subjects == null || subjects.contains(id));
    }

    boolean study(Long id) {
        return id != null && (studies == null || studies.contains(id));
    }

    boolean series(Long id) {
        return id != null && (series == null || series.contains(id));
    }

    private static Set<Long> ids(List<StagedSeries> staged, java.util.function.Function<StagedSeries, Long> id) {
        Set<Long> ids = new HashSet<>();
        staged.stream().map(id).filter(Objects::nonNull).forEach(ids::add);
        return ids;
    }

    private static Set<Long> visibleIds(EntityManager em, ProjectScope visible, Collection<Long> ids, String jpql) {
        if (ids.isEmpty() || visible.none()) {
            return Set.of();
        }
        return new HashSet<>(em.createQuery(jpql, Long.class).setParameter("ids", ids)
                .setParameter("projects", visible.projects()).getResultList());
    }
}
