package org.neuroarchive.archive.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.io.IOException;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.common.control.RowBatch;
import org.neuroarchive.config.ConflictPolicy;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.InspectedInstance;
import org.neuroarchive.dicom.SameContent;
import org.neuroarchive.importlog.control.ImportLogRows;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.matching.control.Placement;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.files.FileTransaction;

/**
 * Files one instance into its series: its SOPInstanceUID decides whether it is new; a known one is an
 * identical copy, the same object in another encoding (both: nothing changes) or a conflicting object
 * (see {@link KnownInstance}), which the {@link ConflictPolicy} settles without losing either object.
 * The import log says which of the three it was: its rows are gathered in the caller's
 * {@link ImportLogRows}, which the caller records.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class InstanceFiler {

    /** What became of one file. */
    public enum Result { ARCHIVED, DUPLICATE, QUARANTINED }

    private static final int LOOKUP_CHUNK = 500;
    private static final RowBatch INSTANCE_ROWS = new RowBatch("instance",
            List.of("series_id", "sop_instance_uid", "sop_class_uid", "instance_number", "file_path", "file_size",
                    "sha256", "slice_position", "created_at"),
            Types.BIGINT, Types.VARCHAR, Types.VARCHAR, Types.INTEGER, Types.VARCHAR, Types.BIGINT, Types.CHAR,
            Types.VARCHAR, Types.TIMESTAMP);

    @PersistenceContext
    EntityManager em;

    @Inject
    StorageLocations locations;

    @Inject
    ProblemStore problems;

    @Inject
    ImportSettings settings;

    private final SameContent sameContent = new SameContent();

    /** For the container. */
    public InstanceFiler() {
    }

    /** Outside a container (tests): {@code em} is the persistence context of the caller's transaction. */
    InstanceFiler(EntityManager em, StorageLocations locations, ProblemStore problems, ImportSettings settings) {
        this.em = em;
        this.locations = locations;
        this.problems = problems;
        this.settings = settings;
    }

    /**
     * The archived instances among {@code sopUids}, by SOPInstanceUID: one query per 500 UIDs, and no
     * flush of what this transaction has pending (so that its inserts can be batched).
     */
    public Map<String, Instance> archivedAmong(Collection<String> sopUids) {
        Map<String, Instance> archived = new HashMap<>();
        List<String> uids = List.copyOf(new LinkedHashSet<>(sopUids));
        for (int from = 0; from < uids.size(); from += LOOKUP_CHUNK) {
            em.createNamedQuery(Instance.BY_SOP_UIDS, Instance.class)
                    .setParameter("uids", uids.subList(from, Math.min(uids.size(), from + LOOKUP_CHUNK)))
                    .setFlushMode(FlushModeType.COMMIT)
                    .getResultStream().forEach(i -> archived.put(i.getSopInstanceUid(), i));
        }
        return archived;
    }

    /**
     * Settles a file whose SOPInstanceUID is archived already (identical copy or conflict). Needs no
     * placement, so known instances never create subjects or series.
     */
    public Result fileKnown(FileTransaction files, LogSource source, SourceFile claimed, InspectedInstance inspected,
                            Instance archived, ImportLogRows log) throws IOException {
        return duplicate(files, source, claimed, inspected, archived, log);
    }

    /**
     * Archives a new instance into {@code placement}; the caller has made sure its SOPInstanceUID is new.
     * Answers its row, which the caller writes with those of the other new instances ({@link #insertAll}).
     */
    public Instance fileNew(FileTransaction files, LogSource source, Placement placement, SourceFile claimed,
                            InspectedInstance inspected, ImportLogRows log) throws IOException {
        String sopUid = inspected.header().sopInstanceUid();
        String subjectUid = placement.subject().getUid();
        int studyNum = placement.study().getStudyNum();
        int seriesNum = placement.series().getSeriesNum();
        Path relative = ArchiveLayout.instanceFile(subjectUid, studyNum, seriesNum, inspected.header());
        files.place(claimed.path(), locations.archive().resolve(relative));
        Instance instance = new Instance(placement.series(), sopUid, inspected.header().sopClassUid(),
                inspected.header().instanceNumber(), relative.toString(), inspected.size(), inspected.sha256(),
                inspected.header().acquisition().slicePosition());
        files.deleteOnCommit(claimed.path());
        log.add(new ImportLogEntry(source, ImportLogEntry.Outcome.ARCHIVED, claimed.originalName(),
                "archived as " + relative).about(subjectUid, studyNum, seriesNum).inProject(placement.project().getId()));
        return instance;
    }

    /**
     * Writes the rows of new instances ({@link #fileNew}) of series already written, in JDBC batches: no
     * INSERT and id read per instance, and nothing for the persistence context to track. The rows are
     * not managed entities; {@link #archivedAmong} reads them back when needed.
     */
    public void insertAll(List<Instance> instances) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        INSTANCE_ROWS.insert(em, instances.stream().map(i -> new Object[] {i.getSeries().getId(), i.getSopInstanceUid(),
            i.getSopClassUid(), i.getInstanceNumber(), i.getFilePath(), i.getFileSize(), i.getSha256(),
            i.getSlicePosition(), now}).toList());
    }

    private static Long projectOf(Instance archived) {
        return archived.getSeries().getStudy().getEnrollment().getProject().getId();
    }

    private Result duplicate(FileTransaction files, LogSource source, SourceFile claimed, InspectedInstance inspected,
                             Instance archived, ImportLogRows log) throws IOException {
        Path archivedFile = locations.archive().resolve(archived.getFilePath());
        KnownInstance known = KnownInstance.of(sameContent, archivedFile, archived.getSha256(), claimed.path(),
                inspected.sha256());
        if (known.kind() != KnownInstance.Kind.CONFLICT) {
            files.deleteOnCommit(claimed.path());
            log.add(new ImportLogEntry(source, ImportLogEntry.Outcome.DUPLICATE, claimed.originalName(),
                    known.detail() + ": a copy of the archived instance " + archived.getFilePath() + "; nothing changed")
                    .inProject(projectOf(archived)));
            return Result.DUPLICATE;
        }
        if (settings.conflictPolicy() == ConflictPolicy.REPLACE_ARCHIVED) {
            problems.keepCopy(files, source, archivedFile, archived.getFilePath(),
                    "superseded: replaced by " + claimed.originalName() + ", a different object with the same "
                            + "SOPInstanceUID " + archived.getSopInstanceUid() + " (" + known.detail() + ")");
            archived.replaceContent(inspected.size(), inspected.sha256());
            files.replaceOnCommit(claimed.path(), archivedFile);
            log.add(new ImportLogEntry(source, ImportLogEntry.Outcome.ARCHIVED, claimed.originalName(),
                    "conflict: replaced the archived instance " + archived.getFilePath()
                            + " (its previous content is in problemdir); " + known.detail())
                    .inProject(projectOf(archived)));
            return Result.ARCHIVED;
        }
        problems.quarantineOnCommit(files, source, claimed.path(), claimed.originalName(),
                "conflicting duplicate: SOPInstanceUID " + archived.getSopInstanceUid()
                        + " is already archived with different content (" + archived.getFilePath()
                        + "); the archived copy was kept; " + known.detail());
        return Result.QUARANTINED;
    }
}
