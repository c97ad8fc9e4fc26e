package org.neuroarchive.web.individual;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.individual.control.ImportActions;
import org.neuroarchive.individual.control.ImportOptions;
import org.neuroarchive.individual.control.ImportQueries;
import org.neuroarchive.individual.control.ImportViews;
import org.neuroarchive.individual.entity.ImportStatus;
import org.neuroarchive.web.Pages;

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

    private long id;
    private CriteriaChoice criteria;
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
        if (criteria == null) {
            ImportViews.Options o = detail.options();
            criteria = new CriteriaChoice(o.subjectCriteria(), o.patientId(), o.studyCriteria(), o.seriesCriteria());
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
        act(() -> actions.cancel(id), "cancelled");
    }

    /** Parses the import again with the criteria chosen on the page (the other options stay). */
    public void reparse() {
        ImportViews.Options o = detail.options();
        ImportOptions options = new ImportOptions(o.modality(), o.project(), criteria.getSubjectCriteria(),
                criteria.getPatientId(), criteria.getStudyCriteria(), criteria.getSeriesCriteria(), o.anonymize(),
                o.altUids(), o.notes());
        selected.clear();
        act(() -> actions.reparse(id, options), "parsing again");
    }

    private void act(Runnable action, String done) {
        Pages.act(action, done);
        load();
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
        return switch (ImportStatus.ofCode(detail.status())) {
            case UPLOADING, UPLOAD_ERROR -> 1;
            case UPLOAD_COMPLETE, PARSING, PARSING_COMPLETE, PARSING_ERROR -> 2;
            case QUEUED_FOR_ARCHIVE, ARCHIVING, ARCHIVE_ERROR -> 3;
            case ARCHIVE_COMPLETE -> 4;
            case CANCELLED -> 0;
        };
    }

    public List<String> getSteps() {
        return STEPS;
    }

    /** Whether the page should keep polling (something runs). */
    public boolean isRunning() {
        return detail != null && ImportStatus.ofCode(detail.status()).isRunning();
    }

    /** Whether the import is over (archived completely, or cancelled): nothing can be done with it. */
    public boolean isOver() {
        return detail != null && ImportStatus.ofCode(detail.status()).isFinal();
    }

    public boolean isArchivable() {
        return detail != null && ImportStatus.ofCode(detail.status()).isArchivable();
    }

    /** Whether the caller may archive, cancel or reparse this import (its creator, an admin; an importer). */
    public boolean isMayAct() {
        return detail != null && detail.mayAct()
                && jakarta.faces.context.FacesContext.getCurrentInstance().getExternalContext().isUserInRole("importer");
    }
    public CriteriaChoice getCriteria() {
        return criteria;
    }

    /** Whether the import can be parsed again (nothing runs, and it is not over). */
    public boolean isReparsable() {
        return detail != null && ImportStatus.ofCode(detail.status()).isReparsable();
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
