-- NeuroArchive schema, version 6: series counts of individual imports, the length of a PatientID.
-- Same rules as V1: plain types, valid on H2 (MODE=MySQL) and MySQL/MariaDB strict.

-- How many series of an individual import are selected, archived and failed is counted from its
-- staged series when shown (SeriesCounts): the counters kept here were never updated, and a counter
-- beside the series could drift from them.
ALTER TABLE import_request DROP COLUMN series_selected;
ALTER TABLE import_request DROP COLUMN series_done;
ALTER TABLE import_request DROP COLUMN series_failed;

-- A PatientID has at most 64 characters everywhere (DICOM's LO): the columns that hold one say so.
-- Longer values could only come from typed PatientIDs or folder names the old limit of 255 let
-- through; they are cut to 64 first (strict mode refuses to shorten a column over longer values).
UPDATE import_request SET patient_id = SUBSTRING(patient_id, 1, 64) WHERE CHAR_LENGTH(patient_id) > 64;
ALTER TABLE import_request MODIFY patient_id VARCHAR(64) NULL;
UPDATE staged_series SET patient_id = SUBSTRING(patient_id, 1, 64) WHERE CHAR_LENGTH(patient_id) > 64;
ALTER TABLE staged_series MODIFY patient_id VARCHAR(64) NOT NULL;
UPDATE import_batch SET release_patient_id = SUBSTRING(release_patient_id, 1, 64) WHERE CHAR_LENGTH(release_patient_id) > 64;
ALTER TABLE import_batch MODIFY release_patient_id VARCHAR(64) NULL;
