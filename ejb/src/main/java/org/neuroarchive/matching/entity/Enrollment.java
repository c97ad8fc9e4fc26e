package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;

/** A subject enrolled in a project. */
@Entity
@Table(name = "enrollment")
@NamedQuery(name = Enrollment.FIND, query = "SELECT e FROM Enrollment e WHERE e.subject = :subject AND e.project = :project")
public class Enrollment extends Record {

    public static final String FIND = "Enrollment.find";

    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;

    @ManyToOne(optional = false)
    @JoinColumn(name = "project_id")
    private Project project;

    protected Enrollment() {
    }

    public Enrollment(Subject subject, Project project) {
        this.subject = subject;
        this.project = project;
    }

    public Subject getSubject() {
        return subject;
    }

    public Project getProject() {
        return project;
    }
}
