package org.neuroarchive.web.individual;

import java.io.Serializable;

/** The matching criteria a person picks on a screen (new import, reparse), with the API's codes. */
public class CriteriaChoice implements Serializable {

    private static final long serialVersionUID = 1L;

    private String subjectCriteria = "patientid";
    private String patientId;
    private String studyCriteria = "modalitystudydate";
    private String seriesCriteria = "seriesnum";

    public CriteriaChoice() {
    }

    public CriteriaChoice(String subjectCriteria, String patientId, String studyCriteria, String seriesCriteria) {
        this.subjectCriteria = subjectCriteria;
        this.patientId = patientId;
        this.studyCriteria = studyCriteria;
        this.seriesCriteria = seriesCriteria;
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
}
