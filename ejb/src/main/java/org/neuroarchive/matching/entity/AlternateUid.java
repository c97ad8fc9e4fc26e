package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;

/** Another identifier of a subject, typically the PatientID a scanner sent (NiDB: altuid). */
@Entity
@Table(name = "subject_altuid")
public class AlternateUid extends Record {

    @ManyToOne(optional = false)
    @JoinColumn(name = "subject_id")
    private Subject subject;

    @Column(nullable = false)
    private String altuid;

    @Column(name = "altuid_sha1", nullable = false, length = 40)
    private String altuidSha1;

    protected AlternateUid() {
    }

    AlternateUid(Subject subject, String altuid) {
        this.subject = subject;
        this.altuid = altuid;
        this.altuidSha1 = IdentifierHash.sha1(altuid);
    }

    public Subject getSubject() {
        return subject;
    }

    public String getAltuid() {
        return altuid;
    }
}
