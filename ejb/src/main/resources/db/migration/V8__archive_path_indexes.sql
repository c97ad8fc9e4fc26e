-- NeuroArchive schema, version 8: indexes for the queries of the archive path that scanned a table
-- (bench/archive-queries.md lists every query of the path, its index, and the plans on H2 and MariaDB
-- with an archive of 1,000,000 instances). Same rules as V1: plain CREATE INDEX, valid on H2
-- (MODE=MySQL) and MySQL/MariaDB in strict mode.

-- The scans whose series are not all settled yet (ScanLog.completeSettled, ImportScan.NOT_COMPLETED:
-- completed_at IS NULL ... ORDER BY id), asked at every scan of incomingdir: it read every scan row
-- ever written, in id order.
CREATE INDEX ix_import_scan_open ON import_scan (completed_at, id);

-- A subject matched by PatientName, sex and birth date (the individual import's NAME_SEX_DOB
-- criterion, Subject.BY_DEMOGRAPHICS): it read every subject.
CREATE INDEX ix_subject_demographics ON subject (patient_name, sex, birth_date);
