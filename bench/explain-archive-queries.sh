#!/usr/bin/env bash
# The plans of the queries the archive path sends (issue 14: "every query on the archive path uses an
# index"), on an archive seeded by bench/seed-archive.sh, for H2 and/or MariaDB.
#
#   bench/explain-archive-queries.sh [--h2 DATA_DIR] [--mariadb DATABASE]
#
# Defaults: --h2 /tmp/na-seed-h2 --mariadb na_seed_1m (each only when present). The H2 database is
# opened as a file (DATA_DIR/db/neuroarchive): no server may be running on DATA_DIR. The statements are
# those EclipseLink sends (captured from MariaDB's general log during an import, see
# bench/archive-queries.md), with the parameters replaced by values of one subject, study, series and
# claimed series of the seeded archive. Prints, per query, H2's EXPLAIN (the index in /* ... */ after
# the table; "tableScan" or a PRIMARY_KEY scan without a condition reads every row) and MariaDB's
# EXPLAIN (type, key, rows; type ALL or index reads every row).
# Environment: MARIADB_HOST=127.0.0.1 MARIADB_PORT=3306 MARIADB_USER=root MARIADB_PASSWORD=
# Needs: java 17 and the H2 jar 2.3.232 in ~/.m2 (the server's, see configure.sh) (H2), the mariadb client (MariaDB).
set -euo pipefail
cd "$(dirname "$0")/.."
h2_dir=""; mariadb_db=""
[ -f /tmp/na-seed-h2/db/neuroarchive.mv.db ] && h2_dir=/tmp/na-seed-h2
mariadb_db=na_seed_1m
while [ $# -gt 0 ]; do
  case "$1" in
    --h2) h2_dir=${2:?--h2 needs a data directory}; shift 2 ;;
    --mariadb) mariadb_db=${2:?--mariadb needs a database name}; shift 2 ;;
    *) echo "usage: bench/explain-archive-queries.sh [--h2 DATA_DIR] [--mariadb DATABASE]" >&2; exit 2 ;;
  esac
done
h2_jar=$HOME/.m2/repository/com/h2database/h2/2.3.232/h2-2.3.232.jar
mariadb_args=(-h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}")
[ -n "${MARIADB_PASSWORD:-}" ] && mariadb_args+=(-p"$MARIADB_PASSWORD")
if [ -n "$mariadb_db" ] && ! command -v mariadb >/dev/null; then mariadb_db=""; fi
if [ -n "$mariadb_db" ] && [ -z "$(mariadb "${mariadb_args[@]}" -N -B -e "SHOW DATABASES LIKE '$mariadb_db'")" ]; then
  echo "no MariaDB database $mariadb_db: skipped" >&2
  mariadb_db=""
fi
if [ -n "$h2_dir" ]; then
  [ -f "$h2_jar" ] || { echo "the H2 jar $h2_jar is missing" >&2; exit 1; }
  [ -f "$h2_dir/db/neuroarchive.mv.db" ] || { echo "no H2 database in $h2_dir/db" >&2; exit 1; }
  if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null && [ -f "$h2_dir/db/neuroarchive.lock.db" ]; then
    echo "a server seems to run on $h2_dir: stop it first (H2 opens the file for one process)" >&2
    exit 1
  fi
fi
[ -n "$h2_dir$mariadb_db" ] || { echo "nothing to explain: no seeded H2 directory and no MariaDB database" >&2; exit 1; }

h2_url="jdbc:h2:file:$h2_dir/db/neuroarchive;MODE=MySQL"
# run_h2 FILE: the statements of FILE on H2, with their results
run_h2() { java -cp "$h2_jar" org.h2.tools.RunScript -url "$h2_url" -user sa -password sa -script "$1" -showResults; }
# values DB: the parameters, NAME=VALUE lines, from one subject (in the middle of the ids) of the archive
values() {
  local query="SELECT s.id AS subject_id, s.uid AS subject_uid, s.uid_sha1 AS uid_sha1, a.altuid AS patient_id,
      a.altuid_sha1 AS patient_id_sha1, e.id AS enrollment_id, e.project_id AS project_id, st.id AS study_id,
      st.study_instance_uid AS study_uid, se.id AS series_id, se.series_num AS series_num,
      se.series_instance_uid AS series_uid, b.id AS batch_id, b.scan_id AS scan_id, b.claim_key AS claim_key,
      (SELECT MIN(i.sop_instance_uid) FROM instance i WHERE i.series_id = se.id) AS sop_uid,
      (SELECT MAX(i.sop_instance_uid) FROM instance i WHERE i.series_id = se.id) AS sop_uid2
    FROM subject s JOIN subject_altuid a ON a.subject_id = s.id JOIN enrollment e ON e.subject_id = s.id
    JOIN study st ON st.enrollment_id = e.id JOIN series se ON se.study_id = st.id
    LEFT JOIN import_batch b ON b.series_id = se.id
    WHERE s.id = (SELECT FLOOR(MAX(id) / 2) FROM subject) ORDER BY st.id, se.id, b.id LIMIT 1"
  if [ "$1" = h2 ]; then
    java -cp "$h2_jar" org.h2.tools.Shell -url "$h2_url" -user sa -password sa -sql "$query" \
      | awk -F' *[|] *' 'NR == 1 { for (i = 1; i <= NF; i++) name[i] = tolower($i) } NR == 2 { for (i = 1; i <= NF; i++) print name[i] "=" $i }' 
  else
    mariadb "${mariadb_args[@]}" -B "$mariadb_db" -e "$query" \
      | awk -F'\t' 'NR == 1 { for (i = 1; i <= NF; i++) name[i] = $i } NR == 2 { for (i = 1; i <= NF; i++) print name[i] "=" $i }'
  fi
}
# fill VALUES_FILE: the queries with their :parameters replaced (longest names first)
fill() {
  local script
  script=$(sort -t= -k1,1 -r "$1" | awk -F= '{ v = substr($0, length($1) + 2); gsub(/[\/&]/, "\\\\&", v); printf "s/:%s\\b/%s/g;", $1, v }')
  sed -E "$script" bench/archive-queries.sql
}

for db in h2 mariadb; do
  [ "$db" = h2 ] && [ -z "$h2_dir" ] && continue
  [ "$db" = mariadb ] && [ -z "$mariadb_db" ] && continue
  vals=$(mktemp); queries=$(mktemp --suffix=.sql)
  values "$db" >"$vals"
  [ -s "$vals" ] || { echo "no subject with a study, series and claimed series found in $db" >&2; exit 1; }
  fill "$vals" >"$queries"
  echo "=================== $db ($([ "$db" = h2 ] && echo "$h2_dir" || echo "database $mariadb_db")): parameters"
  tr '\n' ' ' <"$vals"; echo
  # one block per query: "-- Qn: where" comment lines, then the statement ending in ";"
  while IFS= read -r -d $'\0' block; do
    header=$(echo "$block" | grep '^-- Q' || true)
    statement=$(echo "$block" | grep -v '^--' | tr '\n' ' ' | sed -E 's/ +/ /g; s/^ //; s/ $//')
    [ -n "$statement" ] || continue
    echo
    echo "$header"
    echo "SQL: $statement"
    if [ "$db" = h2 ]; then
      file=$(mktemp --suffix=.sql)
      echo "EXPLAIN $statement;" >"$file"
      # the plan from FROM (or UPDATE) on: the select list says nothing about indexes
      run_h2 "$file" 2>&1 | grep -- '^-->' | sed 's/^-->/  /' | awk '/^ *(FROM|UPDATE) / { on = 1 } on' \
        | grep . || echo "  (H2 could not explain it)"
      rm -f "$file"
    else
      mariadb "${mariadb_args[@]}" -t "$mariadb_db" -e "EXPLAIN $statement" 2>&1 | sed 's/^/  /'
    fi
  done < <(awk -v RS=';\n' 'NF { printf "%s\0", $0 }' "$queries")
  rm -f "$vals" "$queries"
done
