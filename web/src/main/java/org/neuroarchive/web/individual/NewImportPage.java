package org.neuroarchive.web.individual;

import jakarta.faces.view.ViewScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.individual.control.ImportOptions;
import org.neuroarchive.individual.control.ImportRequests;
import org.neuroarchive.individual.control.UploadReceiver;
import org.neuroarchive.web.Pages;
import org.primefaces.event.FileUploadEvent;
import org.neuroarchive.individual.entity.ImportRequest;

/**
 * {@code /imports/new}: a server-path import with NiDB's options (modality, project, subject, study
 * and series criteria, anonymize, alternate UIDs, notes), or an upload. The form calls the same
 * services as the API (ImportRequests, and UploadReceiver for uploads).
 */
@Named("newImport")
@ViewScoped
public class NewImportPage implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    transient ImportRequests requests;

    @Inject
    transient UploadReceiver receiver;

    private UploadReceiver.Upload upload;

    private String sourcePath;
    private String modality = "auto";
    private String project;
    private final CriteriaChoice criteria = new CriteriaChoice();
    private boolean anonymize;
    private String altUids;
    private String notes;

    private ImportOptions options() {
        return new ImportOptions(modality, project, criteria.getSubjectCriteria(), criteria.getPatientId(),
                criteria.getStudyCriteria(), criteria.getSeriesCriteria(), anonymize, altUids == null ? List.of() : Arrays.asList(altUids.split("[,\\s]+")), notes);
    }

    /**
     * One uploaded file (PrimeFaces sends them one by one, each with its own progress bar): the first
     * creates the import ({@code uploading}) with the options on the form; each file is streamed into
     * its staging folder.
     */
    public synchronized void upload(FileUploadEvent event) {
        try {
            if (upload == null) {
                upload = receiver.start(options());
            }
            try (java.io.InputStream content = event.getFile().getInputStream()) {
                receiver.receive(upload, event.getFile().getFileName(), content);
            }
        } catch (UploadReceiver.UploadRefused | java.io.IOException e) {
            receiver.fail(upload, e.getMessage());
            error(e.getMessage());
        } catch (RequestRejected | jakarta.ejb.EJBException refused) {
            error(reason(refused));
        }
    }

    /** Every file is up: the import is queued for parsing and its page opens. */
    public String parseUpload() {
        if (upload == null) {
            error("Choose the files or archives to upload first.");
            return null;
        }
        receiver.complete(upload);
        return "/import.xhtml?faces-redirect=true&id=" + upload.importId();
    }

    private static String reason(RuntimeException refused) {
        return refused instanceof RequestRejected r ? r.getMessage()
                : refused.getCause() instanceof RequestRejected r ? r.getMessage() : "the import could not be created";
    }

    private static void error(String message) {
        Pages.message(FacesMessage.SEVERITY_ERROR, message);
    }

    public CriteriaChoice getCriteria() {
        return criteria;
    }

    public int getUploadedFiles() {
        return upload == null ? 0 : upload.files();
    }

    /** Creates the import and opens its page; a refusal is shown on the form with its reason. */
    public String create() {
        if (sourcePath == null || sourcePath.isBlank()) {
            error("Give the folder or archive on the server to import, or upload files below.");
            return null;
        }
        try {
            ImportRequest request = requests.fromServerPath(sourcePath, options());
            return "/import.xhtml?faces-redirect=true&id=" + request.getId();
        } catch (RequestRejected | jakarta.ejb.EJBException refused) {
            error(reason(refused));
            return null;
        }
    }

    public String getSourcePath() {
        return sourcePath;
    }

    public void setSourcePath(String sourcePath) {
        this.sourcePath = sourcePath;
    }

    public String getModality() {
        return modality;
    }

    public void setModality(String modality) {
        this.modality = modality;
    }

    public String getProject() {
        return project;
    }

    public void setProject(String project) {
        this.project = project;
    }

    public boolean isAnonymize() {
        return anonymize;
    }

    public void setAnonymize(boolean anonymize) {
        this.anonymize = anonymize;
    }

    public String getAltUids() {
        return altUids;
    }

    public void setAltUids(String altUids) {
        this.altUids = altUids;
    }

    public String getNotes() {
        return notes;
    }

    public void setNotes(String notes) {
        this.notes = notes;
    }
}
