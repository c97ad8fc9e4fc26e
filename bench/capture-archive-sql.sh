#!/usr/bin/env bash
# The SQL the archive path really sends: MariaDB's general log (log_output TABLE) switched on during a
# small folder import (bench/global-import.sh) into a MariaDB archive, then every statement of the
# server's connections to that database, literals replaced by ?, counted and listed (most frequent first).
#
#   bench/capture-archive-sql.sh DATA_DIR DATABASE [SUBJECTS SERIES INSTANCES]   (default 2 3 20)
#
# DATA_DIR and DATABASE: an archive seeded by DB=mariadb bench/seed-archive.sh (its admin password in
# DATA_DIR/bench-admin-password). The general log is global: it is switched off again at the end (also
# on failure). Hold /tmp/na-bench.lock around it (a server on port 8080):
#   flock /tmp/na-bench.lock bench/capture-archive-sql.sh /tmp/na-seed-maria na_seed_1m
# Environment: MARIADB_HOST=127.0.0.1 MARIADB_PORT=3306 MARIADB_USER=root (needs SUPER or
# SYSTEM_VARIABLES_ADMIN to switch the log). Needs: the mariadb client, what global-import.sh needs.
set -euo pipefail
cd "$(dirname "$0")/.."
data_dir=${1:?usage: bench/capture-archive-sql.sh DATA_DIR DATABASE [SUBJECTS SERIES INSTANCES]}
database=${2:?usage: bench/capture-archive-sql.sh DATA_DIR DATABASE [SUBJECTS SERIES INSTANCES]}
[[ "$database" =~ ^[A-Za-z0-9_]+$ ]] || { echo "DATABASE must be a plain name" >&2; exit 1; }
[ -f "$data_dir/bench-admin-password" ] || { echo "$data_dir was not seeded by bench/seed-archive.sh" >&2; exit 1; }
m() { mariadb -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" "$@"; }
started=$(m -N -B -e "SELECT NOW(6)")
m -e "SET GLOBAL log_output = 'TABLE'; SET GLOBAL general_log = 1"
trap 'm -e "SET GLOBAL general_log = 0"' EXIT
out=$(mktemp)
BENCH_DATA_DIR=$data_dir NEUROARCHIVE_ADMIN_PASSWORD=$(cat "$data_dir/bench-admin-password") \
NEUROARCHIVE_DB_URL="jdbc:mysql://${MARIADB_HOST:-127.0.0.1}:${MARIADB_PORT:-3306}/$database" \
NEUROARCHIVE_DB_USER=${MARIADB_USER:-root} \
  bench/global-import.sh "${3:-2}" "${4:-3}" "${5:-20}" 0 >"$out" 2>&1 || { cat "$out"; exit 1; }
grep -E '^(throughput|stats after)' "$out"
m -e "SET GLOBAL general_log = 0"
echo "== statements of the server's connections to $database since $started (literals as ?), by count"
m -N -B -e "SELECT REPLACE(REPLACE(CONVERT(argument USING utf8mb4), '\n', ' '), '\t', ' ') FROM mysql.general_log
    WHERE event_time >= '$started' AND command_type IN ('Query', 'Execute')
    AND thread_id IN (SELECT thread_id FROM mysql.general_log WHERE event_time >= '$started'
                      AND command_type IN ('Connect', 'Init DB') AND argument LIKE '%$database%')" \
  | sed -E "s/'([^'\\\\]|\\\\.)*'/?/g; s/\b[0-9]+(\.[0-9]+)?\b/?/g; s/\?(, ?\?)+/?, .../g; s/ +/ /g" \
  | grep -vE '^(SET|SHOW|SELECT @@|/\*|XA |select @@|SELECT ?$|COMMIT|ROLLBACK|set |commit|rollback)' \
  | sort | uniq -c | sort -rn
rm -f "$out"
