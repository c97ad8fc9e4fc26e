#!/usr/bin/env bash
# Import rate as the archive grows (issue 14, "flat as the archive grows"): the bench dataset of
# bench/global-import.sh (6,000 instances by default) imported into an empty archive and into one seeded
# with a million instances (bench/seed-archive.sh), alternately, RUNS times each; prints both rates and
# their ratio (seeded / empty; the goal is >= 0.90).
#
#   bench/growth.sh [--seeded DATA_DIR] [SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES [PROBLEM_PERCENT]]
#
# Without --seeded, seeds /tmp/na-growth-$DB first (SEED_INSTANCES, default 1000000) unless it is there.
# Every import adds its instances to the seeded archive (a second run starts from 1,006,000).
# Each server run (a fresh one for the empty archive, one on DATA_DIR for the seeded) holds
# /tmp/na-bench.lock. Environment:
#   DB=h2 (default) | mariadb    the database of both servers; with mariadb the empty archive is the
#                                database na_seed_empty (created again before each run) and the seeded
#                                one MARIADB_DB (default na_seed_1m, as seed-archive.sh made it)
#   RUNS=1                       pairs of runs (empty, seeded)
#   KEEP=1                       keep each run's work directory (passed on to global-import.sh)
#   BENCH_LOCK_HELD=1            the caller holds /tmp/na-bench.lock already (e.g. around several
#                                scripts in a row): no flock here
# Needs what bench/global-import.sh and bench/seed-archive.sh need.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${DB:-h2}
seeded=""
if [ "${1:-}" = --seeded ]; then
  seeded=${2:?--seeded needs a data directory}
  shift 2
fi
runs=${RUNS:-1}
mariadb_db=${MARIADB_DB:-na_seed_1m}
mariadb_url="jdbc:mysql://${MARIADB_HOST:-127.0.0.1}:${MARIADB_PORT:-3306}"
case "$db" in h2|mariadb) ;; *) echo "DB must be h2 or mariadb, not $db" >&2; exit 1 ;; esac

if [ -z "$seeded" ]; then
  seeded=/tmp/na-growth-$db
  if [ ! -f "$seeded/bench-admin-password" ]; then
    echo "[growth] seeding $seeded with ${SEED_INSTANCES:-1000000} instances"
    DB=$db MARIADB_DB=$mariadb_db bench/seed-archive.sh "$seeded" "${SEED_INSTANCES:-1000000}"
  fi
fi
[ -f "$seeded/bench-admin-password" ] || { echo "$seeded was not seeded by bench/seed-archive.sh (no bench-admin-password)" >&2; exit 1; }
seeded=$(cd "$seeded" && pwd)
results=$(mktemp -d /tmp/na-growth.XXXXXX)
trap 'rm -rf "$results"' EXIT

# with_lock COMMAND...: COMMAND holding /tmp/na-bench.lock (unless the caller holds it)
with_lock() { if [ -n "${BENCH_LOCK_HELD:-}" ]; then "$@"; else flock /tmp/na-bench.lock "$@"; fi; }
# one_run NAME: bench/global-import.sh with the lock, its output in $results/NAME.out
one_run() {
  local name=$1
  shift
  [ -n "${BENCH_LOCK_HELD:-}" ] || echo "[growth] $name: waiting for /tmp/na-bench.lock"
  if [ "$name" = "${name#empty}" ]; then  # the seeded archive
    if [ "$db" = mariadb ]; then
      export NEUROARCHIVE_DB_URL="$mariadb_url/$mariadb_db" NEUROARCHIVE_DB_USER=${MARIADB_USER:-root}
    fi
    (export BENCH_DATA_DIR=$seeded NEUROARCHIVE_ADMIN_PASSWORD=$(cat "$seeded/bench-admin-password")
     with_lock bench/global-import.sh "$@") >"$results/$name.out" 2>&1 || { cat "$results/$name.out"; exit 1; }
  else
    if [ "$db" = mariadb ]; then
      mariadb -h "${MARIADB_HOST:-127.0.0.1}" -P "${MARIADB_PORT:-3306}" -u "${MARIADB_USER:-root}" \
        -e "DROP DATABASE IF EXISTS na_seed_empty; CREATE DATABASE na_seed_empty CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
      export NEUROARCHIVE_DB_URL="$mariadb_url/na_seed_empty" NEUROARCHIVE_DB_USER=${MARIADB_USER:-root}
    fi
    (unset BENCH_DATA_DIR NEUROARCHIVE_ADMIN_PASSWORD
     with_lock bench/global-import.sh "$@") >"$results/$name.out" 2>&1 || { cat "$results/$name.out"; exit 1; }
  fi
  grep -E '^(throughput|every instance|server memory|server CPU|stats before)' "$results/$name.out" | sed "s/^/[growth] $name: /"
}
rate() { sed -nE 's/^throughput +([0-9.]+) instances\/s.*/\1/p' "$results/$1.out"; }
archived_before() { sed -nE 's/^stats before .*"instances":([0-9]+).*/\1/p' "$results/$1.out"; }
cpu_per_instance() { sed -nE 's/.* ([0-9.]+) ms per instance$/\1/p' "$results/$1.out"; }

for run in $(seq 1 "$runs"); do
  one_run "empty-$run" "$@"
  one_run "seeded-$run" "$@"
done

echo
echo "== import rate as the archive grows ($db; bench/global-import.sh ${*:-20 10 30 3}; seeded archive $seeded)"
printf '%-10s %18s %16s %16s %18s %16s %8s\n' run "empty: archived" "instances/s" "CPU ms/inst" "seeded: archived" "instances/s" ratio
sum_empty=0; sum_seeded=0
for run in $(seq 1 "$runs"); do
  e=$(rate "empty-$run"); s=$(rate "seeded-$run")
  printf '%-10s %18s %16s %16s %18s %16s %8s\n' "$run" "$(archived_before "empty-$run")" "$e" \
    "$(cpu_per_instance "empty-$run")" "$(archived_before "seeded-$run")" "$s" "$(awk "BEGIN { printf \"%.2f\", $s / $e }")"
  printf '%-10s %18s %16s %16s\n' "" "" "" "$(cpu_per_instance "seeded-$run") (seeded CPU ms/inst)"
  sum_empty=$(awk "BEGIN { print $sum_empty + $e }"); sum_seeded=$(awk "BEGIN { print $sum_seeded + $s }")
done
echo "mean: empty $(awk "BEGIN { printf \"%.1f\", $sum_empty / $runs }") instances/s, seeded $(awk "BEGIN { printf \"%.1f\", $sum_seeded / $runs }") instances/s," \
  "ratio $(awk "BEGIN { printf \"%.2f\", $sum_seeded / $sum_empty }") (goal >= 0.90)"
