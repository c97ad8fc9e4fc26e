package org.neuroarchive.archive.control;

import org.neuroarchive.common.control.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.logging.Logger;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.dicom.DicomFormatException;
import org.neuroarchive.dicom.DicomHeader;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.dicom.InspectedInstance;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.control.ImportLogRows;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.matching.entity.MatchingCriteria;
import org.neuroarchive.matching.control.Placement;
import org.neuroarchive.matching.control.SeriesAgreement;
import org.neuroarchive.matching.control.SeriesIdentity;
import org.neuroarchive.matching.control.SeriesPlacer;
import org.neuroarchive.matching.control.SubjectMatcher;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.metrics.control.PipelineMetrics;
import org.neuroarchive.security.control.Caller;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.security.entity.ProjectPermission;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.files.CommitCheck;
import org.neuroarchive.files.FileTransaction;

/**
 * The archive service both import paths call, one series at a time: the global import for a series
 * it claimed from incomingdir ({@code ClaimedSeriesArchiver}; files dropped there, and objects the DICOM
 * receiver took over C-STORE, which it renames into {@code incomingdir/received}), and the individual
 * import for a staged series of an upload or a server path ({@code IndividualArchiver}). Within the caller's
 * transaction it reads every file once (digest and completeness), files the series under its subject
 * and study, and places each instance in NiDB's layout; files move for good only when the transaction
 * commits (see {@link FileTransaction}). A series filed for a person ({@link FilingInstructions#requester()})
 * is archived only into a project that person may modify: the project is resolved here, before
 * anything is filed, and a refusal leaves the series where it was.
 */
@Stateless
@RolesAllowed({Roles.SYSTEM, Roles.USER})
public class ArchiveService {

    private static final Logger LOG = Logger.getLogger(ArchiveService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    CommitCheck commits;

    @Inject
    SeriesPlacer placer;

    @Inject
    SubjectMatcher subjects;

    @Inject
    InstanceFiler filer;

    @Inject
    ProblemStore problems;

    @Inject
    ImportLog importLog;

    @Inject
    Callers callers;

    @Inject
    SeriesDetails details;

    @Inject
    SeriesThumbnail thumbnail;

    @Inject
    SeriesBackup backup;

    @Inject
    PipelineMetrics metrics;

    private final DicomReader reader = new DicomReader();

    /**
     * Archives the files of one series by NiDB's rules, or as {@code instructions} say for a series a
     * person released; {@code source} ties the log rows to the batch or import.
     */
    public ArchiveOutcome archive(LogSource source, List<SourceFile> files, FilingInstructions instructions) {
        // landing to queryable is the global import's (incomingdir, the receiver): a staged file's time says
        // when an individual import's source was written, not when it reached the archive
        PipelineMetrics.ArchiveAttempt attempt = metrics.archiveBegins(source.batchId() == null ? List.of()
                : files.stream().map(SourceFile::path).toList());
        ArchiveOutcome outcome = archiveFiles(source, files, instructions);
        attempt.ended(outcome.archived(), outcome.duplicates(), !outcome.held() && outcome.seriesId() != null, outcome.held());
        return outcome;
    }

    private ArchiveOutcome archiveFiles(LogSource source, List<SourceFile> files, FilingInstructions instructions) {
        FileTransaction fileTransaction = FileTransaction.current(transactions, commits);
        Tally tally = new Tally();
        try {
            List<Readable> readable = new ArrayList<>();
            for (SourceFile file : files) {
                inspect(fileTransaction, source, file, tally).ifPresent(i -> readable.add(new Readable(file, i)));
            }
            Optional<ArchiveOutcome> refusal = checkRequester(readable, instructions, tally);
            if (refusal.isPresent()) {
                return refusal.get(); // before anything is filed or replaced
            }
            Optional<String> disagreement = disagreement(readable, instructions);
            if (disagreement.isPresent()) {
                return tally.outcome(null, null, disagreement.get()); // held: nothing is filed
            }
            Map<String, Instance> archived = filer.archivedAmong(readable.stream().map(Readable::sopUid).toList());
            ImportLogRows log = new ImportLogRows();
            Newcomers newcomers = newcomers(fileTransaction, source, readable, archived, tally, log);
            importLog.recordAll(log);
            if (newcomers.fresh().isEmpty()) {
                return tally.outcome(null, null, null);
            }
            SeriesIdentity identity = instructions.apply(SeriesIdentity.of(newcomers.fresh().get(0).inspected().header()));
            Optional<String> unfileable = identity.unfileableReason(instructions.criteria());
            if (unfileable.isPresent()) {
                return tally.outcome(null, null, unfileable.get());
            }
            Project project = placer.project(identity, instructions.projectCostcenter());
            Placement placement = placer.place(identity, project, instructions.criteria());
            for (String refused : subjects.addAlternateUids(placement.subject(), instructions.altUids())) {
                importLog.record(new ImportLogEntry(source, ImportLogEntry.Outcome.FAILED, "alternate UID",
                        "an alternate UID given was not added to " + placement.subject().getUid()
                                + ": it already identifies another subject").inProject(project.getId()));
            }
            return file(fileTransaction, source, identity, placement, newcomers, archived, tally);
        } catch (IOException e) {
            // the archive or problem directory is not writable: a system problem, retried later
            throw new ArchiveStorageException("archive storage failed: " + e, e);
        }
    }

    /** The instances not archived yet, first of their SOPInstanceUID or again in this call; the known ones are filed as such. */
    private record Newcomers(List<Readable> fresh, List<Readable> repeats, Set<String> freshUids) {
    }

    private Newcomers newcomers(FileTransaction fileTransaction, LogSource source, List<Readable> readable,
                                Map<String, Instance> archived, Tally tally, ImportLogRows log) throws IOException {
        Newcomers newcomers = new Newcomers(new ArrayList<>(), new ArrayList<>(), new HashSet<>());
        for (Readable r : readable) {
            if (archived.containsKey(r.sopUid())) {
                tally.count(filer.fileKnown(fileTransaction, source, r.file(), r.inspected(), archived.get(r.sopUid()), log));
            } else if (newcomers.freshUids().add(r.sopUid())) {
                newcomers.fresh().add(r);
            } else {
                newcomers.repeats().add(r); // same SOPInstanceUID twice in this call
            }
        }
        return newcomers;
    }

    /** Files the newcomers into their placed series, one archive transaction per series at a time. */
    private ArchiveOutcome file(FileTransaction fileTransaction, LogSource source, SeriesIdentity identity,
                                Placement placement, Newcomers newcomers, Map<String, Instance> archived, Tally tally)
            throws IOException {
        Series series = placement.series();
        em.lock(series, LockModeType.PESSIMISTIC_WRITE); // one archive transaction per series at a time
        // archived meanwhile by a transaction that held the lock before us
        archived.putAll(filer.archivedAmong(newcomers.freshUids()));
        List<Instance> placed = new ArrayList<>();
        ImportLogRows log = new ImportLogRows();
        for (Readable r : newcomers.fresh()) {
            Instance known = archived.get(r.sopUid());
            if (known != null) {
                tally.count(filer.fileKnown(fileTransaction, source, r.file(), r.inspected(), known, log));
                continue;
            }
            placed.add(filer.fileNew(fileTransaction, source, placement, r.file(), r.inspected(), log));
            tally.count(InstanceFiler.Result.ARCHIVED);
        }
        filer.insertAll(placed);
        if (!newcomers.repeats().isEmpty()) { // their first copy is archived now: settled as known instances
            archived.putAll(filer.archivedAmong(newcomers.repeats().stream().map(Readable::sopUid).toList()));
        }
        for (Readable r : newcomers.repeats()) {
            tally.count(filer.fileKnown(fileTransaction, source, r.file(), r.inspected(), archived.get(r.sopUid()), log));
        }
        importLog.recordAll(log); // a row per file, before the series' own row
        Optional<Path> middle = updateSeries(series, identity, newcomers.fresh().get(0).inspected().header());
        afterCommit(fileTransaction, placement, middle, placed.stream().map(i -> Path.of(i.getFilePath())).toList());
        ArchiveOutcome outcome = tally.outcome(series.getId(), placement, null);
        importLog.record(new ImportLogEntry(source, ImportLogEntry.Outcome.SERIES_ARCHIVED,
                identity.seriesDescription().isEmpty() ? "series " + identity.seriesNumber() : identity.seriesDescription(),
                outcome.summary()).about(placement.subject().getUid(), placement.study().getStudyNum(), series.getSeriesNum())
                .inProject(placement.project().getId()));
        return outcome;
    }

    /**
     * The refusal when the person these instructions are carried out for may not modify the project
     * the series resolves to; empty when they may, or when the system files the series by its own rules.
     */
    private Optional<ArchiveOutcome> checkRequester(List<Readable> readable, FilingInstructions instructions, Tally tally) {
        if (instructions.requester() == null || readable.isEmpty()) {
            return Optional.empty();
        }
        SeriesIdentity first = instructions.apply(SeriesIdentity.of(readable.get(0).inspected().header()));
        Project project = placer.project(first, instructions.projectCostcenter());
        Caller requester = callers.of(instructions.requester());
        if (requester.may(ProjectPermission.MODIFY_DATA, project.getId())) {
            return Optional.empty();
        }
        return Optional.of(tally.refused(project.getCostcenter(),
                instructions.requester().text() + " may not modify project " + project.getCostcenter()));
    }

    /**
     * Why the files cannot be filed as one series: they disagree on PatientID (when theirs names the
     * subject) or on StudyInstanceUID. Not asked of a series a person released under a PatientID.
     */
    private static Optional<String> disagreement(List<Readable> readable, FilingInstructions instructions) {
        if (instructions.released()) {
            return Optional.empty();
        }
        boolean ownPatientIds = instructions.patientId() == null
                && instructions.criteria().subject() == MatchingCriteria.Subject.PATIENT_ID;
        return SeriesAgreement.disagreement(readable.stream().map(r -> r.inspected().header()).toList(), ownPatientIds);
    }

    /** A file that was read completely and is usable DICOM. */
    private record Readable(SourceFile file, InspectedInstance inspected) {
        String sopUid() {
            return inspected.header().sopInstanceUid();
        }
    }

    private Optional<InspectedInstance> inspect(FileTransaction fileTransaction, LogSource source, SourceFile file,
                                                Tally tally) throws IOException {
        try {
            // a file read completely before (a staged file of an individual import): its header only
            return Optional.of(file.readBefore() == null ? reader.inspect(file.path())
                    : reader.inspectAgain(file.path(), file.readBefore().size(), file.readBefore().sha256()));
        } catch (DicomFormatException bad) {
            problems.quarantineOnCommit(fileTransaction, source, file.path(), file.originalName(), bad.reason());
            tally.count(InstanceFiler.Result.QUARANTINED);
        } catch (NoSuchFileException gone) {
            LOG.warning(() -> "file vanished before it could be archived: " + file.path());
        }
        return Optional.empty();
    }

    /** Counts of what became of the files of one call. */
    private static final class Tally {
        private int archived;
        private int duplicates;
        private int quarantined;

        void count(InstanceFiler.Result result) {
            switch (result) {
                case ARCHIVED -> archived++;
                case DUPLICATE -> duplicates++;
                case QUARANTINED -> quarantined++;
            }
        }

        ArchiveOutcome outcome(Long seriesId, Placement placement, String heldReason) {
            return new ArchiveOutcome(placement == null ? null : placement.subject().getId(),
                    placement == null ? null : placement.study().getId(), seriesId,
                    placement == null ? null : placement.describe(), archived, duplicates,
                    quarantined, heldReason, placement != null && placement.subjectCreated(),
                    placement != null && placement.studyCreated(), placement != null && placement.seriesCreated(),
                    placement == null ? null : placement.project().getCostcenter(), false);
        }

        ArchiveOutcome refused(String project, String reason) {
            return new ArchiveOutcome(null, null, null, null, archived, duplicates, quarantined, reason,
                    false, false, false, project, true);
        }
    }

    /** The series' description and details from all its instances; answers its middle instance's file. */
    private Optional<Path> updateSeries(Series series, SeriesIdentity identity, DicomHeader latest) {
        series.describe(identity.seriesDescription(), identity.protocolName(),
                identity.seriesDateTime().orElse(null), identity.rows(), identity.columns());
        return details.update(series, latest);
    }

    /** Once the files are committed: the series' thumbnail from its middle instance, and the backup copy. */
    private void afterCommit(FileTransaction fileTransaction, Placement placement, Optional<Path> middle,
                             List<Path> archived) {
        if (archived.isEmpty()) {
            return;
        }
        Series series = placement.series();
        Path seriesDir = ArchiveLayout.seriesDir(placement.subject().getUid(), placement.study().getStudyNum(),
                series.getSeriesNum());
        middle.ifPresent(file -> thumbnail.renderAfterCommit(fileTransaction, seriesDir, file));
        backup.copyAfterCommit(fileTransaction, seriesDir, archived);
    }
}
