package org.neuroarchive.web.importing;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.archive.control.ProblemQueue;
import org.neuroarchive.archive.control.ProblemView;
import org.neuroarchive.importing.control.ClaimedSeriesView;
import org.neuroarchive.importing.control.ReviewActions;
import org.neuroarchive.importing.control.ReviewQueue;
import org.neuroarchive.importing.entity.ClaimedSeries;
import org.neuroarchive.common.control.Roles;
import org.neuroarchive.web.Pages;
import jakarta.faces.context.FacesContext;

/**
 * {@code /held}, {@code /failed} and {@code /problems}: the review queues of the global import with
 * their actions (release with a PatientID and project, discard, retry, re-import).
 */
@Named("review")
@RequestScoped
public class ReviewPage {

    private static final int PAGE = 200;

    @Inject
    ReviewQueue queue;

    @Inject
    ReviewActions actions;

    @Inject
    ProblemQueue problems;

    private final Map<Long, String> patientIds = new HashMap<>();
    private final Map<Long, String> projects = new HashMap<>();

    public List<ClaimedSeriesView> getHeld() {
        return isReviewer() ? queue.list(ClaimedSeries.Status.HELD, 0, PAGE) : List.of();
    }

    public List<ClaimedSeriesView> getFailed() {
        return isReviewer() ? queue.list(ClaimedSeries.Status.FAILED, 0, PAGE) : List.of();
    }

    public List<ProblemView> getProblems() {
        return isReviewer() ? problems.list(0, PAGE) : List.of();
    }

    /** The queues are the reviewers' (and admins'): others see an empty page saying so. */
    public boolean isReviewer() {
        return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(Roles.REVIEWER);
    }

    public void release(long id) {
        String project = projects.get(id);
        Pages.act(() -> actions.release(id, patientIds.get(id), project == null || project.isBlank() ? null : project),
                "series " + id + " released: it is queued for archiving");
    }

    public void discard(long id) {
        Pages.act(() -> actions.discard(id), "series " + id + " discarded: its files are in problemdir");
    }

    public void retry(long id) {
        Pages.act(() -> actions.retry(id), "series " + id + " queued for another attempt");
    }

    public void reimport(long id) {
        Pages.act(() -> problems.reimport(id), "problem file " + id + " moved back into incomingdir");
    }

    public Map<Long, String> getPatientIds() {
        return patientIds;
    }

    public Map<Long, String> getProjects() {
        return projects;
    }
}
