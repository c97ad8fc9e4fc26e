-- NeuroArchive schema, version 6. Same rules as V1: plain types, valid on H2 (MODE=MySQL) and
-- MySQL/MariaDB strict.

-- How many series of an individual import are selected, archived and failed is counted from its
-- staged series when shown (SeriesCounts): the counters kept here were never updated, and a counter
-- beside the series could drift from them.
ALTER TABLE import_request DROP COLUMN series_selected;
ALTER TABLE import_request DROP COLUMN series_done;
ALTER TABLE import_request DROP COLUMN series_failed;
