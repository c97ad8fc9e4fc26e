package org.neuroarchive.individual.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.individual.control.ImportActions;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.individual.control.ImportViews;
import org.neuroarchive.individual.control.StagingArea;

/**
 * {@code /import?id=N}: the steps of one import with live progress, its subject → study → series
 * tree with a checkbox per series, Archive and Cancel, nonmatch and unreadable files, and its log.
 */
@Named("importPage")
@ViewScoped
public class ImportPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final List<String> STEPS = List.of("Started", "Upload", "Parse", "Archive", "Complete");

    @Inject
    transient ImportQueries queries;

    @Inject
    transient ImportActions actions;

    @Inject
    transient StagingArea staging;

    private long id;
    private ImportViews.Detail detail;
    private final Map<Long, Boolean> selected = new HashMap<>();

    /** Loads (or reloads, for the poll) the import; keeps the reviewer's ticks while it is parsed. */
    public void load() {
        try {
            detail = queries.detail(id);
        } catch (RequestRejected | jakarta.ejb.EJBException missing) {
            detail = null;
            return;
        }
        for (ImportViews.Series series : allSeries()) {
            selected.putIfAbsent(series.id(), series.selected());
        }
    }

    public void archive() {
        List<Long> ids = selected.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList();
        act(() -> actions.archive(id, ids), "archiving " + ids.size() + " series");
    }

    public void cancel() {
        act(() -> {
            if (actions.cancel(id)) {
                staging.remove(staging.root(id)); // after the cancel committed, as the API does
            }
        }, "cancelled");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            message(FacesMessage.SEVERITY_INFO, done);
        } catch (RequestRejected rejected) {
            message(FacesMessage.SEVERITY_ERROR, rejected.getMessage());
        } catch (jakarta.ejb.EJBException failed) {
            message(FacesMessage.SEVERITY_ERROR, failed.getCause() instanceof RequestRejected r ? r.getMessage()
                    : "the action failed: " + failed.getMessage());
        }
        load();
    }

    private static void message(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }

    /** Every series of the tree and the nonmatch group. */
    public List<ImportViews.Series> allSeries() {
        if (detail == null) {
            return List.of();
        }
        List<ImportViews.Series> all = new java.util.ArrayList<>(detail.nonmatch());
        detail.subjects().forEach(s -> s.studies().forEach(st -> all.addAll(st.series())));
        return all;
    }

    /** Index (0–4) of the step the import is at: Started, Upload, Parse, Archive, Complete. */
    public int getStep() {
        if (detail == null) {
            return 0;
        }
        return switch (detail.status()) {
            case "uploading", "uploaderror" -> 1;
            case "uploadcomplete", "parsing", "parsingcomplete", "parsingerror" -> 2;
            case "queueforarchive", "archiving", "archiveerror" -> 3;
            case "archivecomplete" -> 4;
            default -> 0;
        };
    }

    public List<String> getSteps() {
        return STEPS;
    }

    /** Whether the page should keep polling (something runs). */
    public boolean isRunning() {
        return detail != null && List.of("uploading", "uploadcomplete", "parsing", "queueforarchive", "archiving")
                .contains(detail.status());
    }

    public boolean isArchivable() {
        return detail != null && List.of("parsingcomplete", "archiveerror").contains(detail.status());
    }

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public ImportViews.Detail getDetail() {
        return detail;
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }
}
