package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;

/** Another identifier of a subject, typically the PatientID a scanner sent (NiDB: altuid). */
@Entity
@Table(name = "subject_altuid")
@NamedQuery(name = AlternateUid.SUBJECT_IDS_BY_ALTUID, query = "SELECT a.subject.id FROM AlternateUid a WHERE a.altuid = :value")
@NamedQuery(name = AlternateUid.SUBJECT_IDS_BY_ALTUID_SHA1,
        query = "SELECT a.subject.id FROM AlternateUid a WHERE a.altuidSha1 = :value")
public class AlternateUid extends Record {

    /** The ids of the subjects with this alternate UID, and with this SHA-1 of one: one index lookup each. */
    public static final String SUBJECT_IDS_BY_ALTUID = "AlternateUid.subjectIdsByAltuid";
    public static final String SUBJECT_IDS_BY_ALTUID_SHA1 = "AlternateUid.subjectIdsByAltuidSha1";

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
