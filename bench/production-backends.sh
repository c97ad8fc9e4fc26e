#!/usr/bin/env bash
# Runs a benchmark script of bench/ on the production back-ends instead of the embedded ones: a fresh
# MariaDB/MySQL database (127.0.0.1:3306 as root without a password, unless NEUROARCHIVE_BENCH_DB_*
# say otherwise) in strict mode, used through a user of its own, and an ActiveMQ Artemis broker
# created for the run by server-config/artemis/create-broker.sh on loopback. The server the benchmark
# starts (./mvnw -Prun) is configured for them by the NEUROARCHIVE_DB_* and NEUROARCHIVE_BROKER_*
# variables. Database and broker are removed at the end; the broker's and the database's CPU time
# during the run are printed, so that "server CPU per instance" can be read with them.
#
#   bench/production-backends.sh bench/global-import.sh [its arguments]
#   bench/production-backends.sh bench/compare.sh
#
# Needs: the mariadb client and a running MariaDB/MySQL server, java 17, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -ge 1 ] || { echo "usage: bench/production-backends.sh BENCH_SCRIPT [ARGS...]" >&2; exit 1; }
db_host=${NEUROARCHIVE_BENCH_DB_HOST:-127.0.0.1}
db_port=${NEUROARCHIVE_BENCH_DB_PORT:-3306}
db_admin=${NEUROARCHIVE_BENCH_DB_USER:-root}
db_admin_password=${NEUROARCHIVE_BENCH_DB_PASSWORD:-}
db_name=neuroarchive_bench
broker_port=${NEUROARCHIVE_BENCH_BROKER_PORT:-61717}
work=$(mktemp -d /tmp/neuroarchive-backends.XXXXXX)
sql() { MYSQL_PWD="$db_admin_password" mariadb -h "$db_host" -P "$db_port" -u "$db_admin" -e "$1"; }
command -v mariadb >/dev/null || { echo "the mariadb client is missing: apt-get install mariadb-client" >&2; exit 1; }
MYSQL_PWD="$db_admin_password" mariadb-admin -h "$db_host" -P "$db_port" -u "$db_admin" --connect-timeout=2 ping >/dev/null 2>&1 \
  || { echo "MariaDB does not answer at $db_host:$db_port (start it: service mariadb start)" >&2; exit 1; }
secret() { python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))'; }
broker_password=$(secret)
app_password=$(secret)
NEUROARCHIVE_BROKER_PORT=$broker_port NEUROARCHIVE_BROKER_USER=neuroarchive NEUROARCHIVE_BROKER_PASSWORD=$broker_password \
  server-config/artemis/create-broker.sh "$work/broker" >"$work/create-broker.out" 2>&1 \
  || { cat "$work/create-broker.out" >&2; exit 1; }
"$work/broker/bin/artemis" run >"$work/broker.out" 2>&1 &
broker_pid=$!
cleanup() {
  kill "$broker_pid" 2>/dev/null && wait "$broker_pid" 2>/dev/null || true
  sql "DROP DATABASE IF EXISTS $db_name; DROP USER IF EXISTS 'neuroarchive_bench'@'localhost', 'neuroarchive_bench'@'127.0.0.1'" || true
  rm -rf "$work"
}
trap cleanup EXIT
for _ in $(seq 1 60); do
  (exec 3<>"/dev/tcp/127.0.0.1/$broker_port") 2>/dev/null && break
  kill -0 "$broker_pid" 2>/dev/null || { cat "$work/broker.out" >&2; echo "the broker did not start" >&2; exit 1; }
  sleep 1
done
sql "DROP DATABASE IF EXISTS $db_name; CREATE DATABASE $db_name CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
     DROP USER IF EXISTS 'neuroarchive_bench'@'localhost', 'neuroarchive_bench'@'127.0.0.1';
     CREATE USER 'neuroarchive_bench'@'localhost' IDENTIFIED BY '$app_password';
     CREATE USER 'neuroarchive_bench'@'127.0.0.1' IDENTIFIED BY '$app_password';
     GRANT ALL ON $db_name.* TO 'neuroarchive_bench'@'localhost';
     GRANT ALL ON $db_name.* TO 'neuroarchive_bench'@'127.0.0.1';"
# broker java process and the database server, for their CPU time
broker_java=$(pgrep -f -n "artemis.*$work/broker" || true)
mariadb_pid=$(pgrep -x -o mariadbd || pgrep -x -o mysqld || true)
cpu() { [ -n "$1" ] && [ -r "/proc/$1/stat" ] && awk -v t="$(getconf CLK_TCK)" '{ printf "%.1f", ($14 + $15) / t }' "/proc/$1/stat" || echo "?"; }
broker_cpu0=$(cpu "$broker_java"); db_cpu0=$(cpu "$mariadb_pid")
echo "[bench] production back-ends: MariaDB $db_host:$db_port/$db_name, Artemis 127.0.0.1:$broker_port"
status=0
NEUROARCHIVE_DB_URL="jdbc:mysql://$db_host:$db_port/$db_name" NEUROARCHIVE_DB_USER=neuroarchive_bench NEUROARCHIVE_DB_PASSWORD="$app_password" \
NEUROARCHIVE_BROKER_URL="tcp://127.0.0.1:$broker_port" NEUROARCHIVE_BROKER_USER=neuroarchive NEUROARCHIVE_BROKER_PASSWORD="$broker_password" \
  "$@" || status=$?
echo "[bench] CPU seconds during the whole run (server start, generation and import): broker $(awk -v a="$(cpu "$broker_java")" -v b="$broker_cpu0" 'BEGIN { printf "%.1f", a - b }'), database $(awk -v a="$(cpu "$mariadb_pid")" -v b="$db_cpu0" 'BEGIN { printf "%.1f", a - b }')"
exit $status
