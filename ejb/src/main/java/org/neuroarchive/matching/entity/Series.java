package org.neuroarchive.matching.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.LocalDateTime;
import org.neuroarchive.common.entity.UpdatableRecord;
import org.neuroarchive.common.entity.ColumnText;

/** One series of a study, identified within it by its SeriesNumber (NiDB's series_num). */
@Entity
@Table(name = "series")
@NamedQuery(name = Series.BY_NUMBER, query = "SELECT s FROM Series s WHERE s.study = :study AND s.seriesNum = :number")
@NamedQuery(name = Series.BY_UID, query = "SELECT s FROM Series s WHERE s.study = :study AND s.seriesInstanceUid = :uid")
@NamedQuery(name = Series.BY_DATETIME, query = "SELECT s FROM Series s WHERE s.study = :study AND s.seriesDateTime = :at "
        + "ORDER BY s.seriesNum")
@NamedQuery(name = Series.MAX_NUMBER, query = "SELECT MAX(s.seriesNum) FROM Series s WHERE s.study = :study")
@NamedQuery(name = Series.UPDATED_SINCE, query = "SELECT s FROM Series s WHERE s.updatedAt >= :since ORDER BY s.id")
public class Series extends UpdatableRecord {

    public static final String BY_NUMBER = "Series.byNumber";
    public static final String UPDATED_SINCE = "Series.updatedSince";
    public static final String BY_UID = "Series.byUid";
    public static final String BY_DATETIME = "Series.byDateTime";
    public static final String MAX_NUMBER = "Series.maxNumber";

    /** Column sizes of the text parameters (values are clipped to them). */
    public static final int CODE = 64;
    public static final int TEXT = 255;
    public static final int MISSING_TEXT = 1024;

    @ManyToOne(optional = false)
    @JoinColumn(name = "study_id")
    private Study study;

    @Column(name = "series_num", nullable = false)
    private int seriesNum;

    @Column(name = "series_instance_uid", nullable = false, length = 64)
    private String seriesInstanceUid;

    @Column(nullable = false, length = 16)
    private String modality;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String protocol;

    @Column(name = "series_datetime")
    private LocalDateTime seriesDateTime;

    @Column(name = "img_rows")
    private Integer rows;

    @Column(name = "img_cols")
    private Integer columns;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "total_bytes", nullable = false)
    private long totalBytes;

    @Column(name = "repetition_time")
    private Double repetitionTime;

    @Column(name = "echo_time")
    private Double echoTime;

    @Column(name = "inversion_time")
    private Double inversionTime;

    @Column(name = "flip_angle")
    private Double flipAngle;

    @Column(name = "field_strength")
    private Double fieldStrength;

    @Column(name = "slice_thickness")
    private Double sliceThickness;

    @Column(name = "slice_spacing")
    private Double sliceSpacing;

    @Column(name = "pixel_bandwidth")
    private Double pixelBandwidth;

    @Column(name = "scanning_sequence", length = CODE)
    private String scanningSequence;

    @Column(name = "sequence_name", length = CODE)
    private String sequenceName;

    @Column(name = "image_type", length = TEXT)
    private String imageType;

    @Column(name = "slice_count")
    private Integer sliceCount;

    @Column(name = "bold_reps")
    private Integer boldReps;

    private Double kvp;

    private Double exposure;

    @Column(name = "tube_current")
    private Double tubeCurrent;

    @Column(name = "convolution_kernel", length = CODE)
    private String convolutionKernel;

    @Column(name = "body_part", length = CODE)
    private String bodyPart;

    /** 1 valid, 0 InstanceNumbers missing, null not checked (archived before validity was recorded). */
    @Column(name = "is_valid")
    private Integer valid;

    @Column(name = "missing_count")
    private Integer missingCount;

    @Column(name = "missing_instances", length = MISSING_TEXT)
    private String missingInstances;

    protected Series() {
    }

    public Series(Study study, int seriesNum, String seriesInstanceUid, String modality, LocalDateTime seriesDateTime) {
        this.study = study;
        this.seriesNum = seriesNum;
        this.seriesInstanceUid = seriesInstanceUid;
        this.modality = modality;
        this.seriesDateTime = seriesDateTime;
        this.description = "";
        this.protocol = "";
    }

    /** NiDB updates a matched series' descriptive columns with what the latest files say. */
    public void describe(String description, String protocol, LocalDateTime seriesDateTime, Integer rows, Integer columns) {
        this.description = description;
        this.protocol = protocol;
        this.seriesDateTime = seriesDateTime;
        this.rows = rows;
        this.columns = columns;
    }

    public void setContents(int fileCount, long totalBytes) {
        this.fileCount = fileCount;
        this.totalBytes = totalBytes;
    }

    /** NiDB updates a matched series' parameters with what the latest files say; text is clipped to the columns. */
    public void setParameters(SeriesParameters p) {
        repetitionTime = p.repetitionTime();
        echoTime = p.echoTime();
        inversionTime = p.inversionTime();
        flipAngle = p.flipAngle();
        fieldStrength = p.magneticFieldStrength();
        sliceThickness = p.sliceThickness();
        sliceSpacing = p.spacingBetweenSlices();
        pixelBandwidth = p.pixelBandwidth();
        scanningSequence = blankAsNull(p.scanningSequence(), CODE);
        sequenceName = blankAsNull(p.sequenceName(), CODE);
        imageType = blankAsNull(p.imageType(), TEXT);
        sliceCount = p.numberOfSlices();
        boldReps = p.boldRepetitions();
        kvp = p.kvp();
        exposure = p.exposure();
        tubeCurrent = p.xRayTubeCurrent();
        convolutionKernel = blankAsNull(p.convolutionKernel(), CODE);
        bodyPart = blankAsNull(p.bodyPartExamined(), CODE);
    }

    public SeriesParameters getParameters() {
        return new SeriesParameters(repetitionTime, echoTime, inversionTime, flipAngle, fieldStrength, sliceThickness,
                sliceSpacing, pixelBandwidth, scanningSequence, sequenceName, imageType, sliceCount, boldReps, kvp,
                exposure, tubeCurrent, convolutionKernel, bodyPart);
    }

    /**
     * Records whether InstanceNumbers are missing: {@code missingCount} of them, listed as ranges
     * ({@code "3,7-9"}, possibly shortened; the count is always complete).
     */
    public void setValidity(int missingCount, String missingRanges) {
        this.valid = missingCount == 0 ? 1 : 0;
        this.missingCount = missingCount;
        this.missingInstances = blankAsNull(missingRanges, MISSING_TEXT);
    }

    /** Null when not checked yet (series archived before validity was recorded). */
    public Boolean isValid() {
        return valid == null ? null : valid == 1;
    }

    public Integer getMissingCount() {
        return missingCount;
    }

    /** Missing InstanceNumbers as ranges ({@code "3,7-9"}); blank when none, null when not checked. */
    public String getMissingInstances() {
        return missingInstances;
    }

    public Study getStudy() {
        return study;
    }

    public int getSeriesNum() {
        return seriesNum;
    }

    public String getSeriesInstanceUid() {
        return seriesInstanceUid;
    }

    public String getModality() {
        return modality;
    }

    public String getDescription() {
        return description;
    }

    public String getProtocol() {
        return protocol;
    }

    public LocalDateTime getSeriesDateTime() {
        return seriesDateTime;
    }

    public Integer getRows() {
        return rows;
    }

    public Integer getColumns() {
        return columns;
    }

    public int getFileCount() {
        return fileCount;
    }

    public long getTotalBytes() {
        return totalBytes;
    }

    /** Blank becomes null (the column stays empty); longer text is cut to the column size. */

    /** Parameters are absent (null) rather than blank; text is clipped to its column. */
    private static String blankAsNull(String text, int max) {
        return text == null || text.isBlank() ? null : ColumnText.clip(text.strip(), max);
    }
}
