package org.neuroarchive.archive.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import org.neuroarchive.common.entity.Record;
import org.neuroarchive.matching.entity.Series;

/** One archived DICOM object: where its file is and the SHA-256 of its bytes. */
@Entity
@Table(name = "instance")
@NamedQuery(name = Instance.BY_SOP_UIDS, query = "SELECT i FROM Instance i WHERE i.sopInstanceUid IN :uids")
@NamedQuery(name = Instance.BY_DIGEST, query = "SELECT i FROM Instance i WHERE i.sha256 = :sha256")
@NamedQuery(name = Instance.SERIES_SUMMARY,
        query = "SELECT i.instanceNumber, i.slicePosition, i.fileSize, i.filePath, i.id FROM Instance i WHERE i.series = :series")
@NamedQuery(name = Instance.SERIES_SLICES,
        query = "SELECT i.instanceNumber, i.filePath FROM Instance i WHERE i.series.id = :series ORDER BY i.instanceNumber, i.id")
@NamedQuery(name = Instance.SERIES_FILES_IN_ORDER,
        query = "SELECT i.filePath FROM Instance i WHERE i.series = :series ORDER BY i.instanceNumber, i.id")
public class Instance extends Record {

    public static final String BY_SOP_UIDS = "Instance.bySopUids";
    public static final String BY_DIGEST = "Instance.byDigest";
    public static final String SERIES_SUMMARY = "Instance.seriesSummary";
    public static final String SERIES_FILES_IN_ORDER = "Instance.seriesFilesInOrder";
    /** InstanceNumber and file of each instance of a series, in the order the slice browser shows them. */
    public static final String SERIES_SLICES = "Instance.seriesSlices";

    @ManyToOne(optional = false)
    @JoinColumn(name = "series_id")
    private Series series;

    @Column(name = "sop_instance_uid", nullable = false, length = 64)
    private String sopInstanceUid;

    @Column(name = "sop_class_uid", nullable = false, length = 64)
    private String sopClassUid;

    @Column(name = "instance_number")
    private Integer instanceNumber;

    @Column(name = "file_path", nullable = false, length = 1024)
    private String filePath;

    @Column(name = "file_size", nullable = false)
    private long fileSize;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** Where the slice lies (see {@code AcquisitionParameters.slicePosition}); null when unknown. */
    @Column(name = "slice_position", length = 64)
    private String slicePosition;

    protected Instance() {
    }

    public Instance(Series series, String sopInstanceUid, String sopClassUid, Integer instanceNumber,
                    String filePath, long fileSize, String sha256, String slicePosition) {
        this.series = series;
        this.sopInstanceUid = sopInstanceUid;
        this.sopClassUid = sopClassUid;
        this.instanceNumber = instanceNumber;
        this.filePath = filePath;
        this.fileSize = fileSize;
        this.sha256 = sha256;
        this.slicePosition = slicePosition == null || slicePosition.isBlank() || slicePosition.length() > 64
                ? null : slicePosition;
    }

    /** New content for this instance (the conflict policy replaced the archived object). */
    public void replaceContent(long fileSize, String sha256) {
        this.fileSize = fileSize;
        this.sha256 = sha256;
    }

    public Series getSeries() {
        return series;
    }

    public String getSopInstanceUid() {
        return sopInstanceUid;
    }

    public String getSopClassUid() {
        return sopClassUid;
    }

    public Integer getInstanceNumber() {
        return instanceNumber;
    }

    /** Path of the archived file, relative to archivedir. */
    public String getFilePath() {
        return filePath;
    }

    public long getFileSize() {
        return fileSize;
    }

    public String getSha256() {
        return sha256;
    }

    public String getSlicePosition() {
        return slicePosition;
    }
}
