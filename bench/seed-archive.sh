#!/usr/bin/env bash
# Seeds a NeuroArchive data directory and its database with an archive of INSTANCES instances (issue 14:
# "flat as the archive grows"), so that a server started on it imports into a full archive.
#
#   bench/seed-archive.sh DATA_DIR [INSTANCES [SUBJECTS]]        (defaults 1000000 3000)
#
# 1. Starts a server once on the fresh DATA_DIR (bench/server.sh, ./mvnw -Prun, port 8080): the
#    application's Flyway creates the schema and the admin account (its password is written to
#    DATA_DIR/bench-admin-password); then stops it. Holds /tmp/na-bench.lock from the server start until
#    the rows are loaded (BENCH_LOCK_HELD=1: the caller holds it).
# 2. Writes a few real DICOM files (the test dataset generator) to DATA_DIR/bench-seed/sources and, with
#    bench/seed_rows.py, one hard link per instance in NiDB's layout under DATA_DIR/archive
#    (<SubjectUID>/<studynum>/<seriesnum>/dicom/<name>.dcm) and one CSV file per table: SUBJECTS subjects
#    with family, PatientID as alternate UID and an enrollment in the generic project 999999, 1 or 2
#    studies each, series of 100-200 instances, one import-log row per instance and per series, one
#    claimed series per series, one scan row per 20 series (see seed_rows.py).
# 3. Loads the rows in bulk: H2 (DATA_DIR/db/neuroarchive, the server's JDBC URL) with the H2 jar of
#    ~/.m2 and RunScript (INSERT ... SELECT FROM CSVREAD), identity counters restarted above the new
#    ids; MariaDB with the mariadb client (LOAD DATA LOCAL INFILE; InnoDB moves AUTO_INCREMENT itself).
# 4. Prints the counts and how to start a server on the seeded directory.
# Environment:
#   DB=h2 (default) | mariadb
#   MARIADB_DB=na_seed_1m  the database to create (MariaDB; must not exist: RESEED=1 drops it first)
#   MARIADB_HOST=127.0.0.1 MARIADB_PORT=3306 MARIADB_USER=root MARIADB_PASSWORD=   (MariaDB)
#   KEEP=1   keep the CSV files (DATA_DIR/bench-seed/csv)
# Needs: java 17, python3, curl, the H2 jar 2.3.232 in ~/.m2 (the server's, see configure.sh) (H2) or the mariadb client (MariaDB), and
# DATA_DIR on one file system with room for ~4 GB of CSV and database files per million instances.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=${1:?usage: bench/seed-archive.sh DATA_DIR [INSTANCES [SUBJECTS]]}
instances=${2:-1000000}
subjects=${3:-3000}
db=${DB:-h2}
h2_jar=$HOME/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar
mariadb_db=${MARIADB_DB:-na_seed_1m}
case "$db" in
  h2) [ -f "$h2_jar" ] || { echo "the H2 jar $h2_jar is missing (build the project once)" >&2; exit 1; } ;;
  mariadb)
    command -v mariadb >/dev/null || { echo "the mariadb client is missing (apt-get install mariadb-client)" >&2; exit 1; }
    [[ "$mariadb_db" =~ ^[A-Za-z0-9_]+$ ]] || { echo "MARIADB_DB must be a plain name, not $mariadb_db" >&2; exit 1; } ;;
  *) echo "DB must be h2 or mariadb, not $db" >&2; exit 1 ;;
esac
if [ -e "$data_dir" ] && [ -n "$(ls -A "$data_dir" 2>/dev/null)" ]; then
  echo "$data_dir exists and is not empty: seed a fresh directory" >&2
  exit 1
fi
mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)
seed_dir=$data_dir/bench-seed
sql() {  # sql STATEMENTS: run on the seeded database, print the rows (tab-separated, no header)
  if [ "$db" = h2 ]; then
    java -cp "$h2_jar" org.h2.tools.Shell -url "jdbc:h2:file:$data_dir/db/neuroarchive;MODE=MySQL" -user sa -password sa \
      -sql "$1" | sed -e '1d' -e '/^(.* rows\?, .* ms)$/d' -e 's/ *| */\t/g'
  else
    mariadb -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" \
      ${MARIADB_PASSWORD:+-p"$MARIADB_PASSWORD"} --local-infile=1 -N -B "$mariadb_db" -e "$1"
  fi
}

if [ "$db" = mariadb ]; then
  mariadb_admin() { mariadb -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" \
                      ${MARIADB_PASSWORD:+-p"$MARIADB_PASSWORD"} -N -B -e "$1"; }
  if [ -n "$(mariadb_admin "SHOW DATABASES LIKE '$mariadb_db'")" ]; then
    [ -n "${RESEED:-}" ] || { echo "database $mariadb_db exists: RESEED=1 drops it" >&2; exit 1; }
    mariadb_admin "DROP DATABASE $mariadb_db"
  fi
  mariadb_admin "CREATE DATABASE $mariadb_db CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  export NEUROARCHIVE_DB_URL="jdbc:mysql://${MARIADB_HOST:-127.0.0.1}:${MARIADB_PORT:-3306}/$mariadb_db"
  export NEUROARCHIVE_DB_USER=${MARIADB_USER:-root}
  [ -n "${MARIADB_PASSWORD:-}" ] && export NEUROARCHIVE_DB_PASSWORD=$MARIADB_PASSWORD
fi

# 1. the schema (Flyway) and the admin account, by one server start
NEUROARCHIVE_ADMIN_PASSWORD=$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))')
export NEUROARCHIVE_ADMIN_PASSWORD
(umask 077 && echo "$NEUROARCHIVE_ADMIN_PASSWORD" >"$data_dir/bench-admin-password")
export BENCH_DATA_DIR=$data_dir
# the lock for the server start, and until the rows are loaded: seeding takes both cores for minutes
if [ -z "${BENCH_LOCK_HELD:-}" ]; then
  exec 9>/tmp/na-bench.lock
  echo "[seed] waiting for /tmp/na-bench.lock"
  flock 9
fi
source bench/server.sh
stop_server
t_start=$(now)

# 2. source files, hard links and rows
sources=$(( (instances + 59999) / 60000 ))
[ "$sources" -ge 4 ] || sources=4
log "writing $sources source DICOM files (256x256 MR) to $seed_dir/sources"
rm -rf "$seed_dir"
java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
  org.neuroarchive.testing.GenerateDataset "$seed_dir/gen" 1 1 "$sources" 0 >/dev/null
mkdir -p "$seed_dir/sources"
find "$seed_dir/gen" -type f -name '*.dcm' -exec mv -t "$seed_dir/sources" {} +
rm -rf "$seed_dir/gen"
[ "$(find "$seed_dir/sources" -type f | wc -l)" -eq "$sources" ] || { echo "the generator wrote no $sources files" >&2; exit 1; }
[ "$(sql "SELECT COUNT(*) AS n FROM subject")" = 0 ] || { echo "the database already holds subjects" >&2; exit 1; }
project_id=$(sql "SELECT id FROM project WHERE costcenter = '999999'")
[[ "$project_id" =~ ^[0-9]+$ ]] || { echo "no generic project 999999 in the database: $project_id" >&2; exit 1; }
log "generating $instances instances of $subjects subjects: rows (CSV) and hard links in $data_dir/archive"
t0=$(now)
summary=$(python3 bench/seed_rows.py "$data_dir/archive" "$seed_dir/csv" "$instances" "$subjects" "$project_id" \
  "$seed_dir"/sources/*.dcm)
log "$summary ($(calc "$(now) - $t0") s)"

# 3. bulk load, in the order of the foreign keys
tables="family subject subject_altuid enrollment study series instance import_scan import_batch import_log"
load=$seed_dir/load.sql
parts() { ls -v "$seed_dir/csv/$1".*.csv; }  # parts TABLE: its CSV files in order
if [ "$db" = h2 ]; then
  echo "SET REFERENTIAL_INTEGRITY FALSE;" >"$load"
  for table in $tables; do
    for part in $(parts "$table"); do  # RunScript commits each statement: one transaction per part
      echo "INSERT INTO $table ($(head -1 "$part")) SELECT * FROM CSVREAD('$part', NULL, 'charset=UTF-8');" >>"$load"
    done
  done
  echo "SET REFERENTIAL_INTEGRITY TRUE;" >>"$load"
  for table in $tables; do
    rows=$(echo "$summary" | tr ' ' '\n' | sed -n "s/^$table=//p")
    echo "ALTER TABLE $table ALTER COLUMN id RESTART WITH $((rows + 1));" >>"$load"
  done
  echo "ANALYZE;" >>"$load"
  echo "SHUTDOWN COMPACT;" >>"$load"  # the bulk load leaves much free space in the file
else
  echo "SET foreign_key_checks = 0; SET unique_checks = 0;" >"$load"
  for table in $tables; do
    for part in $(parts "$table"); do
      echo "LOAD DATA LOCAL INFILE '$part' INTO TABLE $table CHARACTER SET utf8mb4 FIELDS TERMINATED BY ',' ESCAPED BY '' LINES TERMINATED BY '\\n' IGNORE 1 LINES ($(head -1 "$part"));" >>"$load"
    done
  done
  echo "SET foreign_key_checks = 1; SET unique_checks = 1;" >>"$load"
  echo "ANALYZE TABLE $(echo "$tables" | tr ' ' ',');" >>"$load"
fi
log "loading the rows into $db"
t0=$(now)
if [ "$db" = h2 ]; then
  java -Xmx1g -cp "$h2_jar" org.h2.tools.RunScript -url "jdbc:h2:file:$data_dir/db/neuroarchive;MODE=MySQL" \
    -user sa -password sa -script "$load"
else
  sql "source $load" >/dev/null
fi
log "loaded in $(calc "$(now) - $t0") s"
[ -n "${KEEP:-}" ] || rm -rf "$seed_dir/csv"
[ -n "${BENCH_LOCK_HELD:-}" ] || flock -u 9

# 4. check and tell
counts=$(sql "SELECT (SELECT COUNT(*) FROM subject) AS a, (SELECT COUNT(*) FROM study) AS b, (SELECT COUNT(*) FROM series) AS c, (SELECT COUNT(*) FROM instance) AS d, (SELECT COUNT(*) FROM import_log) AS e" | tr '\t' ' ')
files=$(find "$data_dir/archive" -type f -name '*.dcm' | wc -l)
log "database: subjects studies series instances import_log = $counts; archive files: $files"
[ "$(echo "$counts" | awk '{ print $4 }')" -eq "$instances" ] && [ "$files" -eq "$instances" ] \
  || { echo "the seeded archive does not hold $instances instances and files" >&2; exit 1; }
log "seeded in $(calc "$(now) - $t_start") s (after the schema's server start)"
echo
echo "Seeded $data_dir ($db$([ "$db" = mariadb ] && echo ": database $mariadb_db")). Start a server on it:"
echo "  NEUROARCHIVE_DATA_DIR=$data_dir$([ "$db" = mariadb ] && echo " NEUROARCHIVE_DB_URL=$NEUROARCHIVE_DB_URL NEUROARCHIVE_DB_USER=$NEUROARCHIVE_DB_USER") ./mvnw -Prun"
echo "  (log in as admin with the password in $data_dir/bench-admin-password), or import the bench dataset into it:"
echo "  $([ "$db" = mariadb ] && echo "DB=mariadb MARIADB_DB=$mariadb_db ")bench/growth.sh --seeded $data_dir"
