-- NeuroArchive schema, version 2: what NiDB records per series (MR and CT acquisition parameters, number
-- of slices, BOLD repetitions, validity and missing InstanceNumbers), and the slice position of every
-- instance, from which the number of slices is counted. Same rules as V1: plain types, one column per
-- statement, H2 (MODE=MySQL) and MySQL/MariaDB in strict mode. Every new column is nullable: series
-- archived before this version get their values when they next receive files.

ALTER TABLE series ADD COLUMN repetition_time DOUBLE NULL;
ALTER TABLE series ADD COLUMN echo_time DOUBLE NULL;
ALTER TABLE series ADD COLUMN inversion_time DOUBLE NULL;
ALTER TABLE series ADD COLUMN flip_angle DOUBLE NULL;
ALTER TABLE series ADD COLUMN field_strength DOUBLE NULL;
ALTER TABLE series ADD COLUMN slice_thickness DOUBLE NULL;
ALTER TABLE series ADD COLUMN slice_spacing DOUBLE NULL;
ALTER TABLE series ADD COLUMN pixel_bandwidth DOUBLE NULL;
ALTER TABLE series ADD COLUMN scanning_sequence VARCHAR(64) NULL;
ALTER TABLE series ADD COLUMN sequence_name VARCHAR(64) NULL;
ALTER TABLE series ADD COLUMN image_type VARCHAR(255) NULL;
ALTER TABLE series ADD COLUMN slice_count INT NULL;
ALTER TABLE series ADD COLUMN bold_reps INT NULL;
ALTER TABLE series ADD COLUMN kvp DOUBLE NULL;
ALTER TABLE series ADD COLUMN exposure DOUBLE NULL;
ALTER TABLE series ADD COLUMN tube_current DOUBLE NULL;
ALTER TABLE series ADD COLUMN convolution_kernel VARCHAR(64) NULL;
ALTER TABLE series ADD COLUMN body_part VARCHAR(64) NULL;
-- 1 valid, 0 InstanceNumbers missing, NULL not checked yet
ALTER TABLE series ADD COLUMN is_valid INT NULL;
ALTER TABLE series ADD COLUMN missing_count INT NULL;
-- ranges such as "3,7-9", clipped at a range boundary; missing_count is always the full count
ALTER TABLE series ADD COLUMN missing_instances VARCHAR(1024) NULL;

-- ImagePositionPatient in hundredths of a millimetre ("0\0\1250"), else "loc:" + SliceLocation
ALTER TABLE instance ADD COLUMN slice_position VARCHAR(64) NULL;
