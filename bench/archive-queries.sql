-- The statements the archive path sends, as EclipseLink writes them (bench/capture-archive-sql.sh:
-- MariaDB's general log during a folder import into the seeded archive, see archive-queries-captured.txt,
-- the same text goes to H2, the persistence unit targets MySQL on both; select lists shortened). :name is replaced by bench/explain-archive-queries.sh with a value of the
-- seeded archive. One statement per block, ending in ";" at the end of a line.

-- Q1 ClaimedSeriesArchiver.archive: the claimed series, locked (em.find PESSIMISTIC_WRITE)
SELECT id, attempts, claim_key, created_at, file_count, files_archived, files_duplicate, files_quarantined,
 message, next_attempt_at, release_actor, release_patient_id, release_project, scan_id, series_created,
 series_id, series_key, status, study_created, study_id, subject_created, subject_id, updated_at
 FROM import_batch WHERE (id = :batch_id) FOR UPDATE;

-- Q2 InstanceFiler.archivedAmong (Instance.BY_SOP_UIDS): which SOPInstanceUIDs are archived, 500 per query
SELECT id, created_at, file_path, file_size, instance_number, sha256, slice_position, sop_class_uid,
 sop_instance_uid, series_id FROM instance WHERE (sop_instance_uid IN ('1.2.3.4.5.not.archived', ':sop_uid', ':sop_uid2'));

-- Q3 SeriesPlacer.project / ProjectResolver (Project.BY_COSTCENTER)
SELECT id, costcenter, created_at, name FROM project WHERE (costcenter = '999999');

-- Q4a SubjectMatcher.lookup BEFORE (Subject.BY_UID_OR_ALTUID, one OR over subject and subject_altuid; kept for tests)
SELECT DISTINCT t0.id, t0.birth_date, t0.created_at, t0.patient_name, t0.sex, t0.uid, t0.uid_sha1, t0.family_id
 FROM subject t0 LEFT OUTER JOIN subject_altuid t1 ON (t1.subject_id = t0.id)
 WHERE ((((t0.uid = ':patient_id') OR (t1.altuid = ':patient_id')) OR (t0.uid_sha1 = ':patient_id_sha1'))
 OR (t1.altuid_sha1 = ':patient_id_sha1')) ORDER BY t0.id LIMIT 1;

-- Q4b SubjectMatcher.lookup AFTER, 1 of 4 (Subject.IDS_BY_UID)
SELECT id FROM subject WHERE (uid = ':patient_id');

-- Q4c SubjectMatcher.lookup AFTER, 2 of 4 (AlternateUid.SUBJECT_IDS_BY_ALTUID)
SELECT t0.ID FROM subject t0, subject_altuid t1 WHERE ((t1.ALTUID = ':patient_id') AND (t0.ID = t1.subject_id));

-- Q4d SubjectMatcher.lookup AFTER, 3 of 4 (Subject.IDS_BY_UID_SHA1)
SELECT id FROM subject WHERE (uid_sha1 = ':patient_id_sha1');

-- Q4e SubjectMatcher.lookup AFTER, 4 of 4 (AlternateUid.SUBJECT_IDS_BY_ALTUID_SHA1)
SELECT t0.ID FROM subject t0, subject_altuid t1 WHERE ((t1.altuid_sha1 = ':patient_id_sha1') AND (t0.ID = t1.subject_id));

-- Q5 SubjectMatcher.lookup AFTER (em.find) and every em.find of a subject: by primary key
SELECT id, birth_date, created_at, patient_name, sex, uid, uid_sha1, family_id FROM subject WHERE (id = :subject_id);

-- Q6 SubjectMatcher.enroll, NewRecords.enrollment (Enrollment.FIND)
SELECT id, created_at, project_id, subject_id FROM enrollment WHERE ((subject_id = :subject_id) AND (project_id = :project_id));

-- Q7 StudyMatcher (Study.BY_MODALITY_AND_TIME, NiDB's default: same modality, StudyDateTime within 30 s)
SELECT id, created_at, description, modality, study_datetime, study_id, study_instance_uid, study_num, updated_at,
 enrollment_id, subject_id FROM study WHERE ((((enrollment_id = :enrollment_id) AND (modality = 'MR'))
 AND (study_datetime BETWEEN TIMESTAMP '2016-01-04 08:59:30' AND TIMESTAMP '2030-01-01 00:00:00'))) ORDER BY study_num;

-- Q8 StudyMatcher (Study.BY_UID, criterion STUDY_UID)
SELECT id, study_num FROM study WHERE ((enrollment_id = :enrollment_id) AND (study_instance_uid = ':study_uid')) ORDER BY study_num;

-- Q9 SeriesMatcher, NewRecords.series (Series.BY_NUMBER, NiDB's default)
SELECT id, series_num, file_count FROM series WHERE ((study_id = :study_id) AND (series_num = :series_num));

-- Q10 SeriesMatcher (Series.BY_UID, criterion SERIES_UID)
SELECT id, series_num FROM series WHERE ((study_id = :study_id) AND (series_instance_uid = ':series_uid'));

-- Q11 ArchiveService.file: the series locked (em.lock PESSIMISTIC_WRITE)
SELECT ID, file_count, updated_at FROM series WHERE (ID = :series_id) FOR UPDATE;

-- Q12 SeriesDetails.update (Instance.SERIES_SUMMARY): O(series size); replaced the former Q12 (COUNT, SUM)
-- and Q13 (instance_number, slice_position), and Q14 in the archive transaction
SELECT instance_number, slice_position, file_size, file_path, ID FROM instance WHERE (series_id = :series_id);

-- Q14 (removed from the archive path; the middle instance comes from Q12's rows) Instance.SERIES_FILES_IN_ORDER:
-- O(series size); only the start-up repair of missing backup copies (DerivedFilesRepair) reads it, all rows
SELECT file_path AS a1 FROM instance WHERE (series_id = :series_id) ORDER BY instance_number, ID;

-- Q15 ArchiveService.updateSeries: the series row written back
UPDATE series SET file_count = 151, total_bytes = 19922944, updated_at = CURRENT_TIMESTAMP(3) WHERE (id = :series_id);

-- Q16 ClaimedSeriesArchiver: the claimed series done
UPDATE import_batch SET status = 'DONE', updated_at = CURRENT_TIMESTAMP(3) WHERE (id = :batch_id);

-- Q17 NewRecords.subject: the creation lock
SELECT name FROM creation_lock WHERE name = 'subject' FOR UPDATE;

-- Q18 NewRecords.subject (Subject.UID_EXISTS), for a new subject UID
SELECT COUNT(id) FROM subject WHERE (uid = 'S0000ZZZ');

-- Q19 NewRecords.subject (Family.UID_EXISTS), for a new family UID
SELECT COUNT(id) FROM family WHERE (uid = 'F0000ZZZ');

-- Q20 NewRecords.study (Study.MAX_NUMBER)
SELECT MAX(study_num) FROM study WHERE (subject_id = :subject_id);

-- Q21 NewRecords.series (Series.MAX_NUMBER)
SELECT MAX(series_num) FROM series WHERE (study_id = :study_id);

-- Q22 ScanLog.batchSettled / completeSettled (ClaimedSeries.COUNT_OF_SCAN)
SELECT COUNT(id) FROM import_batch WHERE ((scan_id = :scan_id) AND (status = 'QUEUED'));

-- Q23 ScanLog.report (ClaimedSeries.SCAN_TOTALS)
SELECT COUNT(id), SUM(CASE WHEN (status = 'QUEUED') THEN 1 ELSE 0 END), COALESCE(SUM(files_archived), 0),
 COALESCE(SUM(files_duplicate), 0), COALESCE(SUM(files_quarantined), 0),
 SUM(CASE WHEN (status = 'HELD') THEN file_count ELSE 0 END), MAX(updated_at) FROM import_batch WHERE (scan_id = :scan_id);

-- Q24 ScanLog.report (ClaimedSeries.SUBJECTS_CREATED; STUDIES_CREATED, SUBJECTS_UPDATED, STUDIES_UPDATED alike)
SELECT COUNT(DISTINCT(subject_id)) FROM import_batch WHERE (((scan_id = :scan_id) AND (subject_id IS NOT NULL)) AND (subject_created = 1));

-- Q25 ScanLog.finish / completeIfSettled: the scan row locked
SELECT id, bytes_read, completed_at, created_at, elapsed_ms FROM import_scan WHERE (id = :scan_id) FOR UPDATE;

-- Q26 ScanLog.completeSettled, at every scan (ImportScan.NOT_COMPLETED)
SELECT ID AS a1 FROM import_scan WHERE ((completed_at IS NULL) AND (elapsed_ms >= 0)) ORDER BY ID LIMIT 0, 50;

-- Q27 ClaimedSeriesRetries, every retry timer round (ClaimedSeries.DUE_FOR_RETRY)
SELECT ID AS a1, STATUS AS a2, next_attempt_at AS a3 FROM import_batch WHERE (((STATUS = 'QUEUED') AND (next_attempt_at IS NOT NULL))
 AND (next_attempt_at <= CURRENT_TIMESTAMP(3))) ORDER BY next_attempt_at LIMIT 0, 100 FOR UPDATE;

-- Q28 ClaimedSeriesRetries (ClaimedSeries.STALE_QUEUED)
SELECT ID AS a1, STATUS AS a2, updated_at AS a3 FROM import_batch WHERE (((STATUS = 'QUEUED') AND (next_attempt_at IS NULL))
 AND (updated_at < CURRENT_TIMESTAMP(3))) ORDER BY ID LIMIT 0, 100 FOR UPDATE;

-- Q29 ClaimRecovery / ClaimQueue (ClaimedSeries.BY_CLAIM_KEY)
SELECT id, status FROM import_batch WHERE (claim_key = ':claim_key');

-- Q30 Subject.BY_DEMOGRAPHICS (criterion NAME_SEX_DOB of the individual import)
SELECT id, uid FROM subject WHERE (((patient_name = 'Seed^Subject1') AND (sex = 'F')) AND (birth_date = DATE '1970-01-01')) ORDER BY id LIMIT 1;

-- Q31 /api/stats (polled by the bench): Subject, Study, Series and Instance counts, O(archive size)
SELECT COUNT(id) FROM instance;

-- Q32 /api/stats: duplicates logged (ImportLogEntry.COUNT_BY_OUTCOME), O(duplicates logged)
SELECT COUNT(id) FROM import_log WHERE (outcome = 'DUPLICATE');

-- Q33 /api/stats: queued, failed, held claimed series (ClaimedSeries.COUNT_BY_STATUS, FILES_BY_STATUS)
SELECT COUNT(id) FROM import_batch WHERE (status = 'QUEUED');

-- Q34 subject's family (eager), and its alternate UIDs (when one is added): by primary key / foreign key
SELECT ID, ALTUID, altuid_sha1, created_at, subject_id FROM subject_altuid WHERE (subject_id = :subject_id) ORDER BY ID ASC;

-- Q35 DerivedFilesRepair.repairRecent, once at start-up (Series.UPDATED_SINCE): not on the archive path
SELECT ID, file_count, series_num FROM series WHERE (updated_at >= TIMESTAMP '2026-11-28 00:00:00') ORDER BY ID;
