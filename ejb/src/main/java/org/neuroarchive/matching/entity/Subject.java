package org.neuroarchive.matching.entity;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.neuroarchive.common.entity.Record;

/** A person imaged for research, identified by a NiDB-style UID such as {@code S1234ABC}. */
@Entity
@Table(name = "subject")
@NamedQuery(name = Subject.BY_UID_OR_ALTUID, query = "SELECT DISTINCT s FROM Subject s LEFT JOIN s.alternateUids a "
        + "WHERE s.uid = :id OR a.altuid = :id OR s.uidSha1 = :hash OR a.altuidSha1 = :hash ORDER BY s.id")
@NamedQuery(name = Subject.IDS_BY_UID, query = "SELECT s.id FROM Subject s WHERE s.uid = :value")
@NamedQuery(name = Subject.IDS_BY_UID_SHA1, query = "SELECT s.id FROM Subject s WHERE s.uidSha1 = :value")
@NamedQuery(name = Subject.UID_EXISTS, query = "SELECT COUNT(s) FROM Subject s WHERE s.uid = :uid")
@NamedQuery(name = Subject.ALL, query = "SELECT s FROM Subject s ORDER BY s.id")
@NamedQuery(name = Subject.BY_DEMOGRAPHICS, query = "SELECT s FROM Subject s WHERE s.patientName = :name "
        + "AND s.sex = :sex AND s.birthDate = :birthDate ORDER BY s.id")
public class Subject extends Record {

    /** One query for the four identifiers; an OR across two tables that no index serves (a scan of subject). */
    public static final String BY_UID_OR_ALTUID = "Subject.byUidOrAltUid";
    /** The ids of the subjects with this UID, and with this SHA-1 of a UID: one index lookup each. */
    public static final String IDS_BY_UID = "Subject.idsByUid";
    public static final String IDS_BY_UID_SHA1 = "Subject.idsByUidSha1";
    public static final String UID_EXISTS = "Subject.uidExists";
    public static final String ALL = "Subject.all";
    public static final String BY_DEMOGRAPHICS = "Subject.byDemographics";

    @Column(nullable = false, length = 16)
    private String uid;

    @Column(name = "uid_sha1", nullable = false, length = 40)
    private String uidSha1;

    @ManyToOne
    @JoinColumn(name = "family_id")
    private Family family;

    @Column(name = "patient_name", nullable = false)
    private String patientName;

    @Column(nullable = false, length = 1)
    private String sex;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @OneToMany(mappedBy = "subject", cascade = CascadeType.PERSIST)
    @OrderBy("id")
    private List<AlternateUid> alternateUids = new ArrayList<>();

    protected Subject() {
    }

    public Subject(String uid, Family family, String patientName, String sex, LocalDate birthDate) {
        this.uid = uid;
        this.uidSha1 = IdentifierHash.sha1(uid);
        this.family = family;
        this.patientName = patientName;
        this.sex = sex;
        this.birthDate = birthDate;
    }

    public AlternateUid addAlternateUid(String altuid) {
        AlternateUid alternate = new AlternateUid(this, altuid);
        alternateUids.add(alternate);
        return alternate;
    }

    public String getUid() {
        return uid;
    }

    public Family getFamily() {
        return family;
    }

    public String getPatientName() {
        return patientName;
    }

    public String getSex() {
        return sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public List<AlternateUid> getAlternateUids() {
        return alternateUids;
    }
}
