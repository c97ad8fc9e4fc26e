package org.neuroarchive.individual.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Arrays;
import java.util.List;
import org.neuroarchive.common.control.RequestRejected;
import org.neuroarchive.individual.control.ImportOptions;
import org.neuroarchive.individual.control.ImportRequests;
import org.neuroarchive.individual.entity.ImportRequest;

/**
 * {@code /imports/new}: a server-path import with NiDB's options (modality, project, subject, study
 * and series criteria, anonymize, alternate UIDs, notes). The form calls the same service as the API.
 */
@Named("newImport")
@RequestScoped
public class NewImportPage {

    @Inject
    ImportRequests requests;

    private String sourcePath;
    private String modality = "auto";
    private String project;
    private String subjectCriteria = "patientid";
    private String patientId;
    private String studyCriteria = "modalitystudydate";
    private String seriesCriteria = "seriesnum";
    private boolean anonymize;
    private String altUids;
    private String notes;

    /** Creates the import and opens its page; a refusal is shown on the form with its reason. */
    public String create() {
        ImportOptions options = new ImportOptions(modality, project, subjectCriteria, patientId, studyCriteria,
                seriesCriteria, anonymize, altUids == null ? List.of() : Arrays.asList(altUids.split("[,\\s]+")), notes);
        try {
            ImportRequest request = requests.fromServerPath(sourcePath, options);
            return "/import.xhtml?faces-redirect=true&id=" + request.getId();
        } catch (RequestRejected | jakarta.ejb.EJBException refused) {
            String message = refused instanceof RequestRejected r ? r.getMessage()
                    : refused.getCause() instanceof RequestRejected r ? r.getMessage() : "the import could not be created";
            FacesContext.getCurrentInstance().addMessage(null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
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

    public String getSubjectCriteria() {
        return subjectCriteria;
    }

    public void setSubjectCriteria(String subjectCriteria) {
        this.subjectCriteria = subjectCriteria;
    }

    public String getPatientId() {
        return patientId;
    }

    public void setPatientId(String patientId) {
        this.patientId = patientId;
    }

    public String getStudyCriteria() {
        return studyCriteria;
    }

    public void setStudyCriteria(String studyCriteria) {
        this.studyCriteria = studyCriteria;
    }

    public String getSeriesCriteria() {
        return seriesCriteria;
    }

    public void setSeriesCriteria(String seriesCriteria) {
        this.seriesCriteria = seriesCriteria;
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
