package org.neuroarchive.matching.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Locale;
import java.util.Optional;
import org.neuroarchive.matching.entity.Project;

/**
 * The project a global-import series belongs to: the existing project whose cost center appears as
 * "(costcenter)" in StudyDescription; "clinical" in it means the clinical project 888888; otherwise
 * the generic project 999999.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ProjectResolver {

    @PersistenceContext
    EntityManager em;

    public Project resolve(String studyDescription) {
        Optional<Project> named = CostCenter.fromStudyDescription(studyDescription).flatMap(this::byCostcenter);
        if (named.isPresent()) {
            return named.get();
        }
        String costcenter = studyDescription.toLowerCase(Locale.ROOT).contains("clinical")
                ? Project.CLINICAL_COSTCENTER : Project.GENERIC_COSTCENTER;
        return byCostcenter(costcenter).orElseThrow(() -> new IllegalStateException(
                "project " + costcenter + " is missing: the database migrations did not run"));
    }

    public Optional<Project> byCostcenter(String costcenter) {
        return em.createNamedQuery(Project.BY_COSTCENTER, Project.class)
                .setParameter("costcenter", costcenter).getResultStream().findFirst();
    }
}
