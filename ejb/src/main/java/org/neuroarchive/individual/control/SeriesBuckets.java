package org.neuroarchive.individual.control;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.matching.entity.MatchingCriteria;
import org.neuroarchive.matching.control.SeriesAgreement;
import org.neuroarchive.matching.control.SeriesIdentity;

/**
 * Groups the files of an individual import into subject → study → series by the import's matching
 * criteria, as NiDB's parse does: the subject by PatientID, a typed PatientID, the folder name or
 * name+sex+birth date; the study by modality+StudyDate/Time, StudyInstanceUID or StudyID; the series
 * by SeriesNumber, SeriesDate/Time or SeriesInstanceUID. Files of another modality than the chosen one
 * form series of the nonmatch group. A series whose files disagree on PatientID or StudyInstanceUID
 * (within one SeriesInstanceUID, across the whole import) says so ({@link Bucket#disagreement()}).
 */
public final class SeriesBuckets {

    /** What a series is grouped by. */
    public record Key(boolean nonmatch, String subject, String study, String series) {
    }

    /** One series found: its key, the identity of its first file, its files and bytes. */
    public static final class Bucket {
        private final Key key;
        private final SeriesIdentity identity;
        private final List<String> files = new ArrayList<>();
        private final List<Long> sizes = new ArrayList<>();
        private final List<String> digests = new ArrayList<>();
        private final Set<String> seriesUids = new LinkedHashSet<>();
        private long bytes;
        private String disagreement;

        Bucket(Key key, SeriesIdentity identity) {
            this.key = key;
            this.identity = identity;
        }

        public Key key() {
            return key;
        }

        /** The identity of the first file, under the PatientID the criteria give. */
        public SeriesIdentity identity() {
            return identity;
        }

        /** Relative paths of the files, in the order they were added. */
        public List<String> files() {
            return files;
        }

        /** The size of each file, in the order of {@link #files()}. */
        public List<Long> sizes() {
            return sizes;
        }

        /** The SHA-256 of each file, in the order of {@link #files()}. */
        public List<String> digests() {
            return digests;
        }

        public long bytes() {
            return bytes;
        }

        /**
         * Why this series is held for a person: files of its SeriesInstanceUID(s), here or in another
         * series of the import, disagree on PatientID or StudyInstanceUID (see {@link SeriesAgreement}).
         */
        public Optional<String> disagreement() {
            return Optional.ofNullable(disagreement);
        }
    }

    private final MatchingCriteria criteria;
    private final String specificPatientId;
    private final String modality;
    private final Map<Key, Bucket> buckets = new LinkedHashMap<>();
    private final Map<String, SeriesAgreement> agreementBySeriesUid = new HashMap<>();

    /**
     * @param specificPatientId the typed PatientID (for {@code specificpatientid}), else ignored
     * @param modality          {@code auto} (any) or a modality code such as {@code MR}
     */
    public SeriesBuckets(MatchingCriteria criteria, String specificPatientId, String modality) {
        this.criteria = criteria;
        this.specificPatientId = specificPatientId == null ? "" : specificPatientId.strip();
        this.modality = modality == null || modality.isBlank() ? "auto" : modality.strip().toUpperCase(Locale.ROOT);
    }

    /** Adds a readable file; {@code relativePath} uses '/' separators below the import's files folder. */
    public Key add(String relativePath, long size, DicomHeader header) {
        return add(relativePath, size, null, header);
    }

    /** Adds a file whose whole content was read, with its SHA-256 ({@code null}: not known). */
    public Key add(String relativePath, long size, String sha256, DicomHeader header) {
        SeriesIdentity identity = identityOf(relativePath, header);
        boolean nonmatch = !"AUTO".equals(modality) && !modality.equals(identity.modality());
        Key key = new Key(nonmatch, subjectKey(identity), studyKey(identity), seriesKey(identity));
        Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(k, identity));
        bucket.files.add(relativePath);
        bucket.sizes.add(size);
        bucket.digests.add(sha256);
        bucket.bytes += size;
        bucket.seriesUids.add(header.seriesInstanceUid());
        agreementBySeriesUid.computeIfAbsent(header.seriesInstanceUid(), uid -> new SeriesAgreement()).add(header);
        return key;
    }

    /** The series found, each with its {@link Bucket#disagreement()} as of all files added. */
    public Collection<Bucket> buckets() {
        boolean ownPatientIds = criteria.subject() == MatchingCriteria.Subject.PATIENT_ID;
        for (Bucket bucket : buckets.values()) {
            bucket.disagreement = bucket.seriesUids.stream()
                    .map(uid -> agreementBySeriesUid.get(uid).disagreement(ownPatientIds))
                    .flatMap(Optional::stream).findFirst().orElse(null);
        }
        return buckets.values();
    }

    /** The identity the series is filed under: the PatientID replaced as the subject criterion says. */
    SeriesIdentity identityOf(String relativePath, DicomHeader header) {
        SeriesIdentity identity = SeriesIdentity.of(header);
        return switch (criteria.subject()) {
            case SPECIFIC_PATIENT_ID -> identity.withPatientId(specificPatientId);
            case PATIENT_ID_FROM_DIR -> identity.withPatientId(folderName(relativePath));
            case PATIENT_ID, NAME_SEX_DOB -> identity;
        };
    }

    /** The name of the folder a file lies in, or "" for a file at the top of the import. */
    public static String folderName(String relativePath) {
        int slash = relativePath.lastIndexOf('/');
        if (slash <= 0) {
            return "";
        }
        String folder = relativePath.substring(0, slash);
        return folder.substring(folder.lastIndexOf('/') + 1);
    }

    private String subjectKey(SeriesIdentity identity) {
        if (criteria.subject() == MatchingCriteria.Subject.NAME_SEX_DOB) {
            return identity.patientName() + " | " + identity.sex() + " | "
                    + (identity.birthDate() == null ? "no birth date" : identity.birthDate());
        }
        return identity.patientId();
    }

    private String studyKey(SeriesIdentity identity) {
        return switch (criteria.study()) {
            case MODALITY_STUDY_DATE -> identity.modality() + " | "
                    + identity.studyDateTime().map(Object::toString).orElse("no StudyDate");
            case STUDY_UID -> identity.studyInstanceUid();
            case STUDY_ID -> identity.studyId();
        };
    }

    private String seriesKey(SeriesIdentity identity) {
        return switch (criteria.series()) {
            case SERIES_NUMBER -> identity.seriesNumber() == null ? "no SeriesNumber" : identity.seriesNumber().toString();
            case SERIES_DATE -> identity.seriesDateTime().map(Object::toString).orElse("no SeriesDate");
            case SERIES_UID -> identity.seriesInstanceUid();
        };
    }
}
