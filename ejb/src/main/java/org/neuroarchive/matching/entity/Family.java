package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;

/** A NiDB family ({@code F####LLL}); every new subject starts one, named {@code Proband-<subject UID>}. */
@Entity
@Table(name = "family")
@NamedQuery(name = Family.UID_EXISTS, query = "SELECT COUNT(f) FROM Family f WHERE f.uid = :uid")
public class Family extends Record {

    public static final String UID_EXISTS = "Family.uidExists";

    @Column(nullable = false, length = 16)
    private String uid;

    @Column(nullable = false)
    private String name;

    protected Family() {
    }

    public Family(String uid, String name) {
        this.uid = uid;
        this.name = name;
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
    }
}
