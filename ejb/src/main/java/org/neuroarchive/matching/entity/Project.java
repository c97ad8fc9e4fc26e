package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;

/** A research project, known to users by its cost center (999999 = generic, 888888 = clinical). */
@Entity
@Table(name = "project")
@NamedQuery(name = Project.BY_COSTCENTER, query = "SELECT p FROM Project p WHERE p.costcenter = :costcenter")
public class Project extends Record {

    public static final String BY_COSTCENTER = "Project.byCostcenter";
    public static final String GENERIC_COSTCENTER = "999999";
    public static final String CLINICAL_COSTCENTER = "888888";

    @Column(nullable = false, length = 64)
    private String costcenter;

    @Column(nullable = false)
    private String name;

    protected Project() {
    }

    public Project(String costcenter, String name) {
        this.costcenter = costcenter;
        this.name = name;
    }

    public String getCostcenter() {
        return costcenter;
    }

    public String getName() {
        return name;
    }
}
