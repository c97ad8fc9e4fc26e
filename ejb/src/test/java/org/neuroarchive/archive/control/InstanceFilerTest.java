package org.neuroarchive.archive.control;

import org.neuroarchive.config.ConflictPolicy;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neuroarchive.archive.entity.Instance;
import org.neuroarchive.archive.entity.ProblemFile;
import org.neuroarchive.config.ImportSettings;
import org.neuroarchive.config.StorageLocations;
import org.neuroarchive.dicom.DicomReader;
import org.neuroarchive.dicom.InspectedInstance;
import org.neuroarchive.importlog.control.ImportLog;
import org.neuroarchive.importlog.control.ImportLogRows;
import org.neuroarchive.importlog.entity.ImportLogEntry;
import org.neuroarchive.importlog.entity.LogSource;
import org.neuroarchive.matching.control.Placement;
import org.neuroarchive.matching.entity.Enrollment;
import org.neuroarchive.matching.entity.Family;
import org.neuroarchive.matching.entity.Project;
import org.neuroarchive.matching.entity.Series;
import org.neuroarchive.matching.entity.Study;
import org.neuroarchive.matching.entity.Subject;
import org.neuroarchive.security.control.CallerMemo;
import org.neuroarchive.security.control.Callers;
import org.neuroarchive.testing.SyntheticSeries;
import org.neuroarchive.testing.TestDatabase;
import org.neuroarchive.testing.TestTransaction;
import org.neuroarchive.files.SourceFile;
import org.neuroarchive.files.FileTransaction;

/**
 * How one file is filed, on the real schema and real files: a new SOPInstanceUID is archived; the same
 * object again is a duplicate that changes nothing; a different object with an archived SOPInstanceUID
 * is a conflict that the conflict policy settles, either way without losing an object. Each transaction
 * runs like the archive transaction: the beans share its persistence context, and its
 * {@link FileTransaction} moves files only when it commits.
 */
class InstanceFilerTest {

    private static final TestDatabase DB = TestDatabase.shared();
    private static final AtomicInteger SUBJECTS = new AtomicInteger();

    @TempDir
    Path dir;

    private StorageLocations locations;
    private Path incoming;
    private long seriesId;
    private String subjectUid;
    private SyntheticSeries series;

    @BeforeEach
    void placeASeries() throws Exception {
        locations = StorageLocations.under(dir);
        locations.createDirectories();
        incoming = locations.incoming();
        subjectUid = String.format("S%04dFIL", SUBJECTS.incrementAndGet());
        series = SyntheticSeries.mr().patient("P-" + subjectUid, "Doe^Jane").series(4, "T1");
        seriesId = DB.inTransaction(tx -> {
            EntityManager em = tx.em();
            Family family = new Family("F" + subjectUid.substring(1), "Proband-" + subjectUid);
            Subject subject = new Subject(subjectUid, family, "Doe^Jane", "F", LocalDate.of(1980, 1, 1));
            Project project = em.createNamedQuery(Project.BY_COSTCENTER, Project.class)
                    .setParameter("costcenter", Project.GENERIC_COSTCENTER).getSingleResult();
            Enrollment enrollment = new Enrollment(subject, project);
            Study study = new Study(enrollment, 1, "MR", LocalDateTime.of(2026, 1, 2, 10, 15), "1.2.3", "1", "Brain");
            Series filed = new Series(study, 4, series.seriesInstanceUid(), "MR", LocalDateTime.of(2026, 1, 2, 10, 15));
            for (Object row : List.of(family, subject, enrollment, study, filed)) {
                em.persist(row);
            }
            em.flush();
            return filed.getId();
        });
    }

    private static ImportLog importLog(TestTransaction tx) {
        return new ImportLog(tx.em(), new Callers(tx.systemSession(), tx.em(), new CallerMemo()));
    }

    private static InstanceFiler filer(TestTransaction tx, StorageLocations locations, ConflictPolicy policy) {
        return new InstanceFiler(tx.em(), locations, new ProblemStore(tx.em(), locations, tx, importLog(tx)),
                ImportSettings.defaultsWith(policy));
    }

    private Placement placement(EntityManager em) {
        Series filed = em.find(Series.class, seriesId);
        Study study = filed.getStudy();
        return new Placement(study.getEnrollment().getProject(), study.getSubject(), study.getEnrollment(), study,
                filed, false, false, false);
    }

    /** Instance {@code number} of the series, written into incomingdir, with this SOPInstanceUID. */
    private Path object(String name, int number, String sopUid) {
        Path written = series.with("SOPInstanceUID", sopUid).instanceNumbers(number).writeTo(incoming.resolve("w"), name).get(0);
        try {
            return Files.move(written, incoming.resolve(name + ".dcm"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static InspectedInstance inspect(Path file) throws Exception {
        return new DicomReader().inspect(file);
    }

    /** Archives {@code file} as a new instance; answers its instance id. */
    private long archiveNew(Path file) throws Exception {
        InspectedInstance inspected = inspect(file);
        return DB.inTransaction(tx -> {
            ImportLogRows rows = new ImportLogRows();
            InstanceFiler filer = filer(tx, locations, ConflictPolicy.QUARANTINE_NEWCOMER);
            Instance filed = filer.fileNew(FileTransaction.current(tx, new DatabaseMarks(DB, tx)), LogSource.NONE, placement(tx.em()),
                    new SourceFile(file, file.getFileName().toString()), inspected, rows);
            filer.insertAll(List.of(filed));
            importLog(tx).recordAll(rows);
            return filer.archivedAmong(List.of(filed.getSopInstanceUid())).get(filed.getSopInstanceUid());
        }).getId();
    }

    /** Files {@code file}, whose SOPInstanceUID is archived, under {@code policy}. */
    private InstanceFiler.Result fileKnown(Path file, ConflictPolicy policy) throws Exception {
        InspectedInstance inspected = inspect(file);
        return DB.inTransaction(tx -> {
            InstanceFiler filer = filer(tx, locations, policy);
            Instance archived = filer.archivedAmong(List.of(inspected.header().sopInstanceUid()))
                    .get(inspected.header().sopInstanceUid());
            ImportLogRows rows = new ImportLogRows();
            InstanceFiler.Result result = filer.fileKnown(FileTransaction.current(tx, new DatabaseMarks(DB, tx)), LogSource.NONE,
                    new SourceFile(file, file.getFileName().toString()), inspected, archived, rows);
            importLog(tx).recordAll(rows);
            return result;
        });
    }

    private static Instance instance(long id) throws Exception {
        return DB.inTransaction(tx -> tx.em().find(Instance.class, id));
    }

    private static List<ImportLogEntry> log(String fileName) throws Exception {
        return DB.inTransaction(tx -> tx.em().createQuery("SELECT e FROM ImportLogEntry e WHERE e.fileName = :name "
                + "ORDER BY e.id", ImportLogEntry.class).setParameter("name", fileName).getResultList());
    }

    private static List<ProblemFile> problems(String originalName) throws Exception {
        return DB.inTransaction(tx -> tx.em().createQuery("SELECT p FROM ProblemFile p WHERE p.originalName = :name "
                + "ORDER BY p.id", ProblemFile.class).setParameter("name", originalName).getResultList());
    }

    private Path archived(Instance instance) {
        return locations.archive().resolve(instance.getFilePath());
    }

    @Test
    void aNewInstanceIsArchivedUnderItsSeriesAndItsOriginalRemovedOnCommit() throws Exception {
        Path file = object("new", 1, SyntheticSeries.newUid());
        byte[] bytes = Files.readAllBytes(file);
        Instance instance = instance(archiveNew(file));

        assertTrue(instance.getFilePath().startsWith(subjectUid + "/1/4/dicom/"), instance.getFilePath());
        assertArrayEquals(bytes, Files.readAllBytes(archived(instance)));
        assertEquals(inspect(archived(instance)).sha256(), instance.getSha256());
        assertFalse(Files.exists(file), "the claimed original is removed when the transaction commits");
        ImportLogEntry entry = log("new.dcm").get(0);
        assertEquals(ImportLogEntry.Outcome.ARCHIVED, entry.getOutcome());
        assertEquals("system", entry.getActor());
        assertEquals(subjectUid, entry.getSubjectUid());
    }

    @Test
    void aTransactionThatRollsBackLeavesNeitherRowNorArchivedFile() throws Exception {
        Path file = object("rolled-back", 1, SyntheticSeries.newUid());
        InspectedInstance inspected = inspect(file);
        assertThrows(IllegalStateException.class, () -> DB.run(tx -> {
            InstanceFiler filer = filer(tx, locations, ConflictPolicy.QUARANTINE_NEWCOMER);
            filer.insertAll(List.of(filer.fileNew(FileTransaction.current(tx, new DatabaseMarks(DB, tx)), LogSource.NONE,
                    placement(tx.em()), new SourceFile(file, "rolled-back.dcm"), inspected, new ImportLogRows())));
            throw new IllegalStateException("the archive transaction fails after filing");
        }));
        assertTrue(Files.exists(file), "the original stays for the next attempt");
        try (var left = Files.walk(locations.archive())) {
            assertEquals(List.of(), left.filter(Files::isRegularFile).toList());
        }
        assertEquals(List.of(), log("rolled-back.dcm"));
    }

    @Test
    void theSameObjectAgainIsADuplicateThatChangesNothing() throws Exception {
        String sopUid = SyntheticSeries.newUid();
        Path original = object("first", 1, sopUid);
        Path copy = incoming.resolve("copy.dcm");
        Files.copy(original, copy);
        Instance before = instance(archiveNew(original));
        byte[] archivedBytes = Files.readAllBytes(archived(before));

        assertEquals(InstanceFiler.Result.DUPLICATE, fileKnown(copy, ConflictPolicy.QUARANTINE_NEWCOMER));

        Instance after = instance(before.getId());
        assertEquals(before.getSha256(), after.getSha256());
        assertArrayEquals(archivedBytes, Files.readAllBytes(archived(after)));
        assertFalse(Files.exists(copy), "the copy is removed: the archive has it");
        assertEquals(List.of(), problems("copy.dcm"));
        ImportLogEntry entry = log("copy.dcm").get(0);
        assertEquals(ImportLogEntry.Outcome.DUPLICATE, entry.getOutcome());
        assertTrue(entry.getMessage().startsWith("identical bytes: a copy of the archived instance " + before.getFilePath()),
                entry.getMessage());
    }

    @Test
    void aConflictingObjectIsQuarantinedAndTheArchivedOneKeptByDefault() throws Exception {
        String sopUid = SyntheticSeries.newUid();
        Instance before = instance(archiveNew(object("kept", 1, sopUid)));
        byte[] archivedBytes = Files.readAllBytes(archived(before));
        Path newcomer = object("newcomer", 2, sopUid);
        byte[] newcomerBytes = Files.readAllBytes(newcomer);

        assertEquals(InstanceFiler.Result.QUARANTINED, fileKnown(newcomer, ConflictPolicy.QUARANTINE_NEWCOMER));

        Instance after = instance(before.getId());
        assertEquals(before.getSha256(), after.getSha256());
        assertArrayEquals(archivedBytes, Files.readAllBytes(archived(after)), "the archived object is untouched");
        assertFalse(Files.exists(newcomer));
        ProblemFile problem = problems("newcomer.dcm").get(0);
        assertTrue(problem.getReason().startsWith("conflicting duplicate: SOPInstanceUID " + sopUid), problem.getReason());
        assertArrayEquals(newcomerBytes, Files.readAllBytes(locations.problem().resolve(problem.getStoredPath())),
                "the newcomer is kept in problemdir");
        assertEquals(locations.problem().resolve(LocalDate.now().toString()).resolve("newcomer.dcm"),
                locations.problem().resolve(problem.getStoredPath()));
    }

    @Test
    void theOtherPolicyReplacesTheArchivedObjectAndKeepsItInProblemdir() throws Exception {
        String sopUid = SyntheticSeries.newUid();
        Instance before = instance(archiveNew(object("superseded", 1, sopUid)));
        byte[] oldBytes = Files.readAllBytes(archived(before));
        Path newcomer = object("replacement", 2, sopUid);
        byte[] newBytes = Files.readAllBytes(newcomer);
        String newDigest = inspect(newcomer).sha256();

        assertEquals(InstanceFiler.Result.ARCHIVED, fileKnown(newcomer, ConflictPolicy.REPLACE_ARCHIVED));

        Instance after = instance(before.getId());
        assertEquals(before.getFilePath(), after.getFilePath(), "same place in the archive");
        assertEquals(newDigest, after.getSha256());
        assertEquals(newBytes.length, after.getFileSize());
        assertArrayEquals(newBytes, Files.readAllBytes(archived(after)));
        assertFalse(Files.exists(newcomer));
        ProblemFile problem = problems(before.getFilePath()).get(0);
        assertTrue(problem.getReason().startsWith("superseded: replaced by replacement.dcm"), problem.getReason());
        assertArrayEquals(oldBytes, Files.readAllBytes(locations.problem().resolve(problem.getStoredPath())),
                "the previous content is kept in problemdir");
        assertEquals(ImportLogEntry.Outcome.ARCHIVED, log("replacement.dcm").get(0).getOutcome());
    }
}
