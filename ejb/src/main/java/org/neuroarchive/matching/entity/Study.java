package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.neuroarchive.common.entity.UpdatableRecord;

/** One imaging visit of a subject, numbered 1, 2, 3… per subject (NiDB's study_num). */
@Entity
@Table(name = "study")
@NamedQuery(name = Study.BY_MODALITY_AND_TIME, query = "SELECT s FROM Study s WHERE s.enrollment = :enrollment "
        + "AND s.modality = :modality AND s.studyDateTime BETWEEN :from AND :to ORDER BY s.studyNum")
@NamedQuery(name = Study.BY_UID, query = "SELECT s FROM Study s WHERE s.enrollment = :enrollment "
        + "AND s.studyInstanceUid = :uid ORDER BY s.studyNum")
@NamedQuery(name = Study.BY_STUDY_ID, query = "SELECT s FROM Study s WHERE s.enrollment = :enrollment "
        + "AND s.studyId = :studyId ORDER BY s.studyNum")
@NamedQuery(name = Study.MAX_NUMBER, query = "SELECT MAX(s.studyNum) FROM Study s WHERE s.subject = :subject")
public class Study extends UpdatableRecord {

    public static final String BY_MODALITY_AND_TIME = "Study.byModalityAndTime";
    public static final String MAX_NUMBER = "Study.maxNumber";
    public static final String BY_UID = "Study.byUid";
    public static final String BY_STUDY_ID = "Study.byStudyId";

    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;

    @ManyToOne(optional = false)
    @JoinColumn(name = "enrollment_id")
    private Enrollment enrollment;

    @Column(name = "study_num", nullable = false)
    private int studyNum;

    @Column(nullable = false, length = 16)
    private String modality;

    @Column(name = "study_datetime")
    private LocalDateTime studyDateTime;

    @Column(name = "study_instance_uid", nullable = false, length = 64)
    private String studyInstanceUid;

    @Column(name = "study_id", nullable = false, length = 64)
    private String studyId;

    @Column(nullable = false)
    private String description;

    protected Study() {
    }

    public Study(Enrollment enrollment, int studyNum, String modality, LocalDateTime studyDateTime,
                 String studyInstanceUid, String studyId, String description) {
        this.subject = enrollment.getSubject();
        this.enrollment = enrollment;
        this.studyNum = studyNum;
        this.modality = modality;
        this.studyDateTime = studyDateTime;
        this.studyInstanceUid = studyInstanceUid;
        this.studyId = studyId;
        this.description = description;
    }

    public Subject getSubject() {
        return subject;
    }

    public Enrollment getEnrollment() {
        return enrollment;
    }

    public int getStudyNum() {
        return studyNum;
    }

    public String getModality() {
        return modality;
    }

    public LocalDateTime getStudyDateTime() {
        return studyDateTime;
    }

    public String getStudyInstanceUid() {
        return studyInstanceUid;
    }

    public String getStudyId() {
        return studyId;
    }

    public String getDescription() {
        return description;
    }
}
