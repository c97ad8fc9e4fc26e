#!/usr/bin/env bash
# Benchmark of the global import on one and on several servers (issue 16, "Benchmark").
#
#   bench/cluster.sh [SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES [PROBLEM_PERCENT]]
#
# Defaults 20 10 30 3, global-import.sh's dataset: 6,000 MR instances (256x256, 16-bit) in 200 series,
# plus 3 % problem files. The dataset is generated ONCE (org.neuroarchive.testing.GenerateDataset);
# every run imports those same files.
#
# For each run: a cluster started by server-config/cluster/run.sh in the background (MariaDB + Artemis +
# HAProxy + NODES WildFly servers) on a FRESH database and a fresh data folder (with a fresh broker in
# it), all under the work directory; wait until every node is ready and /api/stats lists them all alive,
# wait SETTLE seconds, then a hard-linked copy of the dataset is dropped into the shared incomingdir by
# ONE rename, a scan is asked for through HAProxy, and the clock runs until /api/stats counts every
# instance and problem file, no series is queued and incomingdir and incoming.claimed are empty. The
# cluster is then stopped (run.sh's own clean-up, TERM) and the script checks that none of its
# processes is left. The database (and its user) is dropped after each run.
# Measured per run, from /proc (utime + stime) between the drop and the end:
#   - each node's java: CPU ms, the series and instances it archived (/api/stats nodes), ms per
#     instance it archived
#   - mariadbd: the whole process (other sessions' databases included), and the threads of this run's
#     connections only (information_schema.PROCESSLIST TID of the run's database user, sampled every
#     few seconds; InnoDB's background threads are not in it)
#   - the broker's java (this run's Artemis), HAProxy
#   - the machine (/proc/stat): busy %, and "others %", the share of the machine used by everything
#     that is not this run (other sessions' builds...): high values mean a disturbed run
# Runs alternate the node counts (RUNS=2, NODES="1 2": 1, 2, 1, 2) so that the machine's noise hits
# each; the summary gives medians and the ratios n nodes / 1 node (ratio of the medians, and median of
# the ratios of runs next to each other). Tables and summary are printed and appended, dated, with the
# load averages and the exact command, to bench/cluster-results.md.
#
# Environment:
#   NODES="1 2"     node counts (1-4), in this order in every round; e.g. NODES="1 2 3"
#   RUNS=2          rounds
#   SETTLE=15       seconds between "every node ready" and the drop (start-up work ending)
#   WARMUP=1        before the clock, every cluster imports a warm-up dataset (a fifth as many subjects,
#                   other ones, no problem files; generated once), so that the nodes' JIT compilers have
#                   compiled the import's code as on servers that have run for a while (a fresh JVM
#                   spends a large part of its first import's CPU compiling; two fresh nodes twice)
#   LOAD_MAX=3 LOAD_WAIT=1200   before starting each cluster, wait while the 1-minute load average is
#                   above LOAD_MAX (polled every 60 s), at most LOAD_WAIT seconds; then go on (the
#                   load is in the results either way)
#   BUILD=no        use the existing build (ear/target: the EAR, cluster-server/wildfly-*, drivers;
#                   ejb/target/test-classes: the generator) instead of ./mvnw -o -Pcluster package
#   KEEP=1          keep the work directory (each run's data, logs)
#   RESULTS=bench/cluster-results.md   where the dated section goes (RESULTS=none: nowhere)
#   CLUSTER_BENCH_DB_NAME   the database (and user) of the runs; default neuroarchive_cbench_<pid>,
#                   never neuroarchive_cluster. Created by run.sh, dropped after every run.
#   NEUROARCHIVE_CLUSTER_DB_HOST/_PORT/_ADMIN_USER/_ADMIN_PASSWORD   as for run.sh (127.0.0.1, 3306,
#                   root, none); the database's CPU is measured only when mariadbd runs on this machine
# Ports (own defaults, so that it can run beside ./mvnw -Pcluster and the usual servers):
#   NEUROARCHIVE_LB_HTTP_BIND=127.0.0.1:18680  NEUROARCHIVE_LB_DICOM_BIND=127.0.0.1:18612
#   NEUROARCHIVE_LB_STATS_BIND=127.0.0.1:18604  NEUROARCHIVE_CLUSTER_PORT_OFFSET=9600 (node-1 HTTP
#   17680, node-k + 100*(k-1))  NEUROARCHIVE_CLUSTER_BROKER_PORT=61761
# The servers' JVM options are run.sh's (JAVA_OPTS, default -Xms256m -Xmx768m).
# Needs: haproxy, the mariadb client and a MariaDB server, java 17, curl, python3, awk.
set -euo pipefail
cd "$(dirname "$0")/.."
project=$(pwd)
command_line="$(for v in NODES RUNS SETTLE WARMUP LOAD_MAX LOAD_WAIT BUILD JAVA_OPTS; do [ -z "${!v:-}" ] || printf '%s=%q ' "$v" "${!v}"; done)bench/cluster.sh${*:+ $*}"
subjects=${1:-20}; series=${2:-10}; instances=${3:-30}; problem_percent=${4:-3}
node_counts=${NODES:-1 2}
runs=${RUNS:-2}
settle=${SETTLE:-15}
load_max=${LOAD_MAX:-3}
load_wait=${LOAD_WAIT:-1200}
results_md=${RESULTS:-bench/cluster-results.md}
warmup=${WARMUP:-}
[ "$warmup" != 0 ] || warmup=""

source bench/common.sh
fail() { echo "[bench] $*" >&2; exit 1; }
for a in "$subjects" "$series" "$instances" "$problem_percent" "$runs" "$settle" "$load_wait"; do
  [[ "$a" =~ ^[0-9]+$ ]] || fail "not a number: '$a' (usage: bench/cluster.sh [SUBJECTS SERIES INSTANCES [PROBLEM_PERCENT]])"
done
[ "$runs" -ge 1 ] || fail "RUNS must be at least 1"
[[ "$load_max" =~ ^[0-9]+([.][0-9]+)?$ ]] || fail "LOAD_MAX must be a number, not '$load_max'"
for n in $node_counts; do [[ "$n" =~ ^[1-4]$ ]] || fail "NODES must list node counts 1 to 4 (run.sh's limit), not '$n'"; done
[ -n "$node_counts" ] || fail "NODES is empty"
for tool in haproxy mariadb mariadb-admin curl python3 awk java; do
  command -v "$tool" >/dev/null || [ "$tool" = haproxy -a -x /usr/sbin/haproxy ] || fail "$tool is missing"
done

db_name=${CLUSTER_BENCH_DB_NAME:-neuroarchive_cbench_$$}
[ "$db_name" != neuroarchive_cluster ] || fail "CLUSTER_BENCH_DB_NAME must not be neuroarchive_cluster (-Pcluster's database): the bench drops it"
[[ "$db_name" =~ ^[A-Za-z0-9_]{1,32}$ ]] || fail "CLUSTER_BENCH_DB_NAME must be 1 to 32 letters, digits and _, not '$db_name'"
db_host=${NEUROARCHIVE_CLUSTER_DB_HOST:-127.0.0.1}
db_port=${NEUROARCHIVE_CLUSTER_DB_PORT:-3306}
db_admin=${NEUROARCHIVE_CLUSTER_DB_ADMIN_USER:-root}
db_admin_password=${NEUROARCHIVE_CLUSTER_DB_ADMIN_PASSWORD:-}
sql() { MYSQL_PWD="$db_admin_password" mariadb -h "$db_host" -P "$db_port" -u "$db_admin" -N -B -e "$1"; }
sql "SELECT 1" >/dev/null 2>&1 || fail "MariaDB does not answer at $db_host:$db_port as $db_admin"
[ -z "$(sql "SHOW DATABASES LIKE '$db_name'")" ] || fail "the database $db_name exists already: another bench runs, or a killed one left it (DROP DATABASE $db_name)"
export NEUROARCHIVE_CLUSTER_DB_NAME=$db_name
export NEUROARCHIVE_LB_HTTP_BIND=${NEUROARCHIVE_LB_HTTP_BIND:-127.0.0.1:18680}
export NEUROARCHIVE_LB_DICOM_BIND=${NEUROARCHIVE_LB_DICOM_BIND:-127.0.0.1:18612}
export NEUROARCHIVE_LB_STATS_BIND=${NEUROARCHIVE_LB_STATS_BIND:-127.0.0.1:18604}
export NEUROARCHIVE_CLUSTER_PORT_OFFSET=${NEUROARCHIVE_CLUSTER_PORT_OFFSET:-9600}
export NEUROARCHIVE_CLUSTER_BROKER_PORT=${NEUROARCHIVE_CLUSTER_BROKER_PORT:-61761}
base="http://127.0.0.1:${NEUROARCHIVE_LB_HTTP_BIND##*:}/neuroarchive"
mariadb_pid=""
if [[ "$db_host" =~ ^(127\.0\.0\.1|localhost)$ ]]; then mariadb_pid=$(pgrep -x -o mariadbd || pgrep -x -o mysqld || true); fi
[ -n "$mariadb_pid" ] || log "no local mariadbd process: the database's CPU is not measured"

work=$(mktemp -d /tmp/neuroarchive-cluster-bench.XXXXXX)
NEUROARCHIVE_ADMIN_PASSWORD=$(new_password)
export NEUROARCHIVE_ADMIN_PASSWORD   # every fresh cluster's first start creates admin with it
(umask 077 && printf 'user = "admin:%s"\n' "$NEUROARCHIVE_ADMIN_PASSWORD" >"$work/curl.conf")
api() { curl -K "$work/curl.conf" "$@"; }
stats() { api -sf --max-time 30 "$base/api/stats"; }
tck=$(getconf CLK_TCK)
# ticks PID: CPU ticks (user + system) of a process or thread so far (empty when it is gone)
ticks() { awk '{ sub(/^.*\) /, ""); print $12 + $13 }' "/proc/$1/stat" 2>/dev/null || true; }
ms() { awk -v t="${1:-0}" -v k="$tck" 'BEGIN { printf "%d", t * 1000 / k }'; }
# machine_ticks: "busy total" ticks of all cores since boot (/proc/stat; busy = all but idle and iowait)
machine_ticks() { awk '/^cpu / { t = 0; for (i = 2; i <= 9; i++) t += $i; print t - $5 - $6, t }' /proc/stat; }

cluster_pid=""   # run.sh of the running cluster
cluster_pids=""  # every process below it, as last seen
run_dir=""
db_created=""
stop_cluster() {
  [ -n "$cluster_pid" ] || return 0
  local pid left
  cluster_pids="$cluster_pids $(descendants "$cluster_pid")"
  log "stopping the cluster (run.sh pid $cluster_pid)"
  kill -TERM "$cluster_pid" 2>/dev/null || true
  for _ in $(seq 1 240); do kill -0 "$cluster_pid" 2>/dev/null || break; sleep 1; done
  if kill -0 "$cluster_pid" 2>/dev/null; then
    log "run.sh did not stop within 240 s: killing what it started"
    for pid in $cluster_pids "$cluster_pid"; do kill -KILL "$pid" 2>/dev/null || true; done
  fi
  wait "$cluster_pid" 2>/dev/null || true
  sleep 1
  left=""
  for pid in $cluster_pids; do
    if kill -0 "$pid" 2>/dev/null; then left="$left $pid"; fi
  done
  for pid in $(pgrep -f -- "$run_dir" || true); do
    case " $left " in *" $pid "*) ;; *) left="$left $pid";; esac
  done
  if [ -n "$left" ]; then
    log "still running after the stop:$left ($(ps -o comm= -p "${left// /,}" 2>/dev/null | tr '\n' ' ')): killing them"
    for pid in $left; do kill -KILL "$pid" 2>/dev/null || true; done
  else
    log "cluster stopped: none of its processes is left (pgrep -f $run_dir: none)"
  fi
  cluster_pid=""
  cluster_pids=""
}
drop_database() {
  [ -n "$db_created" ] || return 0
  sql "DROP DATABASE IF EXISTS \`$db_name\`; DROP USER IF EXISTS '$db_name'@'localhost', '$db_name'@'127.0.0.1'" \
    || log "could not drop the database $db_name or its user"
  db_created=""
}
cleanup() {
  local status=$?
  trap '' INT TERM
  stop_cluster
  drop_database
  if [ -n "${KEEP:-}" ]; then log "work directory kept: $work"; else rm -rf "$work"; fi
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---- build (once), then the build is copied: a build during the bench does not change it ------------
if [ "${BUILD:-yes}" = no ]; then
  log "BUILD=no: using the build in ear/target and ejb/target as it is"
else
  log "building: ./mvnw -B -ntp -o -DskipTests -Pcluster -Dexec.skip=true package (output: $work/build.log)"
  ./mvnw -B -ntp -o -q -DskipTests -Pcluster -Dexec.skip=true package >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log"; fail "the build failed"; }
fi
wildfly_home=$(ls -d "$project"/ear/target/cluster-server/wildfly-*/ 2>/dev/null | head -1)
wildfly_home=${wildfly_home%/}
[ -n "$wildfly_home" ] && [ -f ear/target/neuroarchive.ear ] && [ -f ear/target/drivers/mysql-connector-j.jar ] \
  || fail "no ear/target/cluster-server/wildfly-*, ear/target/neuroarchive.ear or ear/target/drivers: build with ./mvnw -o -Pcluster -Dexec.skip=true package"
mkdir -p "$work/build"
cp ear/target/neuroarchive.ear "$work/build/"
cp -r ear/target/drivers "$work/build/drivers"

# ---- the dataset, once ---------------------------------------------------------------------------
dataset="$work/dataset/bench"
log "generating $subjects subjects x $series series x $instances instances + $problem_percent % problem files"
t0=$(now)
read -r total problems < <(java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
  org.neuroarchive.testing.GenerateDataset "$dataset" "$subjects" "$series" "$instances" "$problem_percent")
[ -n "${problems:-}" ] || fail "the dataset generator failed"
find "$dataset" -exec touch -d '-1 minute' {} +   # settled: the scan takes it at once
files=$(find "$dataset" -type f | wc -l)
bytes=$(find "$dataset" -type f -printf '%s\n' | awk '{ b += $1 } END { print b }')
warmup_total=0
if [ -n "$warmup" ]; then
  warmup_dataset="$work/warmup/bench"
  read -r warmup_total _ < <(java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
    org.neuroarchive.testing.GenerateDataset "$warmup_dataset" "$(( (subjects + 4) / 5 ))" "$series" "$instances" 0)
  [ -n "${warmup_total:-}" ] || fail "the dataset generator failed (warm-up)"
  find "$warmup_dataset" -exec touch -d '-1 minute' {} +
  log "WARMUP=1: every cluster first imports $warmup_total instances of other subjects, before the clock"
fi
signature() { find "$dataset" -type f -printf '%P %s %T@ %m\n' | sort | md5sum; }
dataset_signature=$(signature)
log "generated $files files ($total instances, $problems problem files, $(calc "$bytes / 1e6") MB) in $(calc "$(now) - $t0") s"

# ---- one run --------------------------------------------------------------------------------------
# wait_for_load: while the 1-minute load is above LOAD_MAX, poll every 60 s, at most LOAD_WAIT s;
# sets waited (seconds)
wait_for_load() {
  local since=$SECONDS load
  while :; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    [ "$(awk -v l="$load" -v m="$load_max" 'BEGIN { print (l > m) }')" = 1 ] || break
    if [ $((SECONDS - since)) -ge "$load_wait" ]; then
      log "load $load still above $load_max after $((SECONDS - since)) s: going on (noted in the results)"
      break
    fi
    log "load average $(cut -d' ' -f1-3 /proc/loadavg) above $load_max: waiting 60 s ($((SECONDS - since)) s so far, at most $load_wait)"
    sleep 60
  done
  waited=$((SECONDS - since))
}

# start_cluster N: run.sh in the background on a fresh data folder and database; until it says ready,
# every node answers ready and /api/stats lists N live nodes
start_cluster() {
  local n=$1 t0 s="" alive=0 k o
  node_pid=()
  mkdir -p "$run_dir/ear" "$run_dir/data"
  ln -s "$work/build/neuroarchive.ear" "$run_dir/ear/neuroarchive.ear"   # run.sh's work: $run_dir/ear/cluster
  ln -s "$work/build/drivers" "$run_dir/ear/drivers"
  log "starting $n node(s): server-config/cluster/run.sh (output: $run_dir/cluster.out)"
  t0=$(now)
  db_created=yes
  NEUROARCHIVE_CLUSTER_NODES=$n NEUROARCHIVE_CLUSTER_DATA_DIR="$run_dir/data" \
    bash server-config/cluster/run.sh "$wildfly_home" "$run_dir/ear/neuroarchive.ear" >"$run_dir/cluster.out" 2>&1 &
  cluster_pid=$!
  until grep -q '^\[cluster\] ready after' "$run_dir/cluster.out"; do
    kill -0 "$cluster_pid" 2>/dev/null || { tail -40 "$run_dir/cluster.out" >&2; fail "the cluster did not start (output: $run_dir/cluster.out)"; }
    [ "$(calc "$(now) - $t0 < 1800")" = 1.0 ] || fail "the cluster was not ready within 30 minutes (output: $run_dir/cluster.out)"
    sleep 2
  done
  startup=$(calc "$(now) - $t0")
  for k in $(seq 1 "$n"); do
    o=$((NEUROARCHIVE_CLUSTER_PORT_OFFSET + 100 * (k - 1)))
    curl -sf --max-time 10 -o /dev/null "http://127.0.0.1:$((8080 + o))/neuroarchive/api/health/ready" || fail "node-$k is not ready"
    node_pid[$k]=$(cat "$run_dir/ear/cluster/node-$k.pid" 2>/dev/null || true)
    [ -n "${node_pid[$k]}" ] && [ -r "/proc/${node_pid[$k]}/stat" ] || fail "no java process for node-$k (pid file $run_dir/ear/cluster/node-$k.pid)"
  done
  for _ in $(seq 1 30); do
    s=$(stats) && alive=$(echo "$s" | python3 -c 'import json, sys; print(sum(1 for x in json.load(sys.stdin)["nodes"] if x["alive"]))') \
      && [ "$alive" -eq "$n" ] && break
    sleep 1
  done
  [ "${alive:-0}" -eq "$n" ] || fail "/api/stats lists ${alive:-no} live nodes, not $n: $s"
  cluster_pids=$(descendants "$cluster_pid")
  broker_pid=""; haproxy_pid=""
  for k in $cluster_pids; do
    case "$(tr '\0' ' ' <"/proc/$k/cmdline" 2>/dev/null)" in
      *java*"artemis.instance=$run_dir/data/broker"*) broker_pid=$k;;
      *haproxy*) [ "$(cat "/proc/$k/comm" 2>/dev/null)" = haproxy ] && haproxy_pid=$k;;
    esac
  done
  [ -n "$broker_pid" ] || fail "cannot find the broker's java process below run.sh"
  log "$n node(s) ready after $startup s: java pids ${node_pid[*]}, broker $broker_pid, HAProxy ${haproxy_pid:-?}, mariadbd ${mariadb_pid:-?}"
}

# the threads of this run's database connections (their CPU): sampled into db_now[tid]
declare -A db_start=() db_now=()
sample_db_threads() {
  [ -n "$mariadb_pid" ] || return 0
  local tid t
  for tid in $(sql "SELECT TID FROM information_schema.PROCESSLIST WHERE USER = '$db_name'" 2>/dev/null); do
    t=$(ticks "$mariadb_pid/task/$tid")
    [ -z "$t" ] || db_now[$tid]=$t
  done
}

# await_import INSTANCES PROBLEM_FILES: until /api/stats counts that many instances and problem files,
# nothing is queued and incomingdir and incoming.claimed are empty (elapsed time from t0); sets
# final_stats and claimed_at (when incomingdir was first seen empty)
await_import() {
  local want_inst=$1 want_prob=$2 s elapsed last=0 report next_db=0 incoming="$run_dir/data/incoming"
  claimed_at=""
  while :; do
    sleep 0.2
    elapsed=$(calc "$(now) - $t0")
    if [ "${elapsed%.*}" -ge "$next_db" ]; then sample_db_threads; next_db=$(( ${elapsed%.*} + 5 )); fi
    if [ -z "$claimed_at" ] && [ -z "$(find "$incoming" -type f -print -quit)" ]; then claimed_at=$elapsed; fi
    report=""
    [ "${elapsed%.*}" -lt $((last + 10)) ] || report=yes
    # the stats call costs a few COUNT queries: only when the folders are empty, and every 10 s
    if { [ -n "$claimed_at" ] && [ -z "$(find "$incoming.claimed" -type f -print -quit 2>/dev/null)" ]; } || [ -n "$report" ]; then
      s=$(stats) || fail "stats did not answer"
      read -r n_inst n_prob n_queued n_failed < <(echo "$s" | python3 -c '
import json, sys; s = json.load(sys.stdin); print(s["instances"], s["problemFiles"], s["queuedSeries"], s["failedSeries"])')
      if [ "$n_inst" -ge "$want_inst" ] && [ "$n_prob" -ge "$want_prob" ] && [ "$n_queued" -eq 0 ] && [ -n "$claimed_at" ] \
         && [ -z "$(find "$incoming" "$incoming.claimed" -type f -print -quit 2>/dev/null)" ]; then
        final_stats=$s
        return
      fi
      [ "$n_failed" -eq 0 ] || fail "a series FAILED: $s"
      if [ -n "$report" ]; then
        last=${elapsed%.*}
        log "t=${elapsed}s instances=$n_inst/$want_inst problemFiles=$n_prob/$want_prob queuedSeries=$n_queued incomingdir $([ -n "$claimed_at" ] && echo empty || echo "not empty")"
      fi
    fi
    [ "${elapsed%.*}" -lt 3600 ] || fail "not done after an hour: $(stats)"
  done
}

declare -a node_pid=()
# stage DIR NAME: a hard-linked copy of DIR (same inodes, nothing copied) at bench-drop/NAME, next to
# incomingdir (same file system: the drop is a rename), its folders settled; drop_in NAME: moves it into
# incomingdir by ONE rename and asks for a scan through HAProxy
stage() {
  cp -al "$1" "$run_dir/data/bench-drop/$2"
  find "$run_dir/data/bench-drop/$2" -type d -exec touch -d '-1 minute' {} +
}
drop_in() {
  mv "$run_dir/data/bench-drop/$1" "$run_dir/data/incoming/"   # ONE atomic rename: all of it appears at once
  api -sf -H 'Content-Type: application/json' -X POST "$base/api/incoming/scan" >/dev/null || fail "the scan request failed"
}
results="$work/results.jsonl"
: >"$results"
run_once() {  # run_once ROUND NODES
  local round=$1 n=$2 k load_before load_start busy0 busy1 total0 total1 db0 db1 br0 br1 ha0 ha1 elapsed tid db_ours \
    nodes_cpu db_ms db_ours_ms haproxy_ms t base_inst base_prob before_stats
  local -a cpu0=() cpu1=()
  run_dir="$work/round$round-nodes$n"
  log "== round $round: $n node(s)"
  wait_for_load
  load_before=$(cut -d' ' -f1-3 /proc/loadavg)
  start_cluster "$n"
  sleep "$settle"
  mkdir -p "$run_dir/data/bench-drop" "$run_dir/data/incoming"
  if [ -n "$warmup" ]; then
    stage "$warmup_dataset" warmup
    t0=$(now)
    drop_in warmup
    await_import "$warmup_total" 0
    log "warm-up: $warmup_total instances of other subjects imported in $(calc "$(now) - $t0") s, before the clock"
  fi
  before_stats=$(stats) || fail "stats did not answer"
  read -r base_inst base_prob < <(echo "$before_stats" | python3 -c 'import json, sys; s = json.load(sys.stdin); print(s["instances"], s["problemFiles"])')
  stage "$dataset" bench
  sync
  find "$dataset" -type f -print0 | xargs -0 cat >/dev/null   # page cache warm
  # the start of EVERY mariadbd thread: a connection made later may get a thread from MariaDB's thread
  # cache, which has served other connections before
  db_start=(); db_now=()
  if [ -n "$mariadb_pid" ]; then
    for tid in $(ls "/proc/$mariadb_pid/task"); do
      t=$(ticks "$mariadb_pid/task/$tid")
      [ -z "$t" ] || db_start[$tid]=$t
    done
  fi
  sample_db_threads
  load_start=$(cut -d' ' -f1-3 /proc/loadavg)
  for k in $(seq 1 "$n"); do cpu0[$k]=$(ticks "${node_pid[$k]}"); done
  db0=$( [ -n "$mariadb_pid" ] && ticks "$mariadb_pid" || true); br0=$(ticks "$broker_pid"); ha0=$( [ -n "$haproxy_pid" ] && ticks "$haproxy_pid" || true)
  read -r busy0 total0 < <(machine_ticks)
  t0=$(now)
  drop_in bench
  await_import $((base_inst + total)) $((base_prob + problems))
  elapsed=$(calc "$(now) - $t0")
  read -r busy1 total1 < <(machine_ticks)
  for k in $(seq 1 "$n"); do cpu1[$k]=$(ticks "${node_pid[$k]}"); done
  db1=$( [ -n "$mariadb_pid" ] && ticks "$mariadb_pid" || true); br1=$(ticks "$broker_pid"); ha1=$( [ -n "$haproxy_pid" ] && ticks "$haproxy_pid" || true)
  sample_db_threads
  db_ours=0
  for tid in "${!db_now[@]}"; do db_ours=$(( db_ours + db_now[$tid] - ${db_start[$tid]:-0} )); done
  nodes_cpu=""
  for k in $(seq 1 "$n"); do nodes_cpu="$nodes_cpu node-$k=$(ms $((cpu1[k] - cpu0[k])))"; done
  db_ms=""; db_ours_ms=""; haproxy_ms=""
  if [ -n "$db1" ]; then db_ms=$(ms $((db1 - db0))); db_ours_ms=$(ms "$db_ours"); fi
  [ -z "$ha1" ] || haproxy_ms=$(ms $((ha1 - ha0)))
  FINAL_STATS=$final_stats BEFORE_STATS=$before_stats NODES_CPU=$nodes_cpu ROUND=$round N=$n ELAPSED=$elapsed CLAIMED=$claimed_at STARTUP=$startup \
  WAITED=$waited LOAD_BEFORE=$load_before LOAD_START=$load_start DB_MS=$db_ms DB_OURS_MS=$db_ours_ms HAPROXY_MS=$haproxy_ms \
  WARMUP_TOTAL=$warmup_total BROKER_MS=$(ms $((br1 - br0))) BUSY_MS=$(ms $((busy1 - busy0))) TOTAL_MS=$(ms $((total1 - total0))) python3 - "$results" <<'EOF'
import json, os, sys
e = os.environ
s = json.loads(e["FINAL_STATS"])
before = {x["name"]: x for x in json.loads(e["BEFORE_STATS"])["nodes"]}
def delta(x, key): return x[key] - before.get(x["name"], {}).get(key, 0)
cpu = {k: int(v) for k, v in (x.split("=") for x in e["NODES_CPU"].split())}
def opt(name): return int(e[name]) if e[name] else None
ours = sum(cpu.values()) + int(e["BROKER_MS"]) + (opt("HAPROXY_MS") or 0) + (opt("DB_OURS_MS") or 0)
busy, whole = int(e["BUSY_MS"]), int(e["TOTAL_MS"])
b = json.loads(e["BEFORE_STATS"])
row = dict(round=int(e["ROUND"]), nodes=int(e["N"]), seconds=float(e["ELAPSED"]), instances=s["instances"] - b["instances"],
           problems=s["problemFiles"] - b["problemFiles"], warmup=int(e["WARMUP_TOTAL"]), claimed=float(e["CLAIMED"]), startup=float(e["STARTUP"]), waited=int(e["WAITED"]),
           loadBefore=e["LOAD_BEFORE"], loadStart=e["LOAD_START"], loadEnd=" ".join(open("/proc/loadavg").read().split()[:3]),
           node=[dict(name=x["name"], cpuMs=cpu.get(x["name"]), series=delta(x, "seriesArchived"), instances=delta(x, "instancesArchived"),
                      scanner=x["scanner"]) for x in sorted(s["nodes"], key=lambda x: x["name"])],
           dbMs=opt("DB_MS"), dbOursMs=opt("DB_OURS_MS"), brokerMs=int(e["BROKER_MS"]), haproxyMs=opt("HAPROXY_MS"),
           busyPct=100 * busy / whole, othersPct=max(0.0, 100 * (busy - ours) / whole))
open(sys.argv[1], "a").write(json.dumps(row) + "\n")
EOF
  log "round $round, $n node(s): $total instances in $elapsed s ($(calc "$total / $elapsed") instances/s); incomingdir emptied after $claimed_at s"
  stop_cluster
  drop_database
  [ -n "${KEEP:-}" ] || rm -rf "$run_dir"
  [ "$(signature)" = "$dataset_signature" ] || log "WARNING: the dataset changed during the run (names, sizes, times or modes)"
}

# ---- tables -------------------------------------------------------------------------------------
table() {
  python3 - "$results" "$total" "$problems" "$(nproc)" <<'EOF'
import json, statistics, sys
path, total, problems, cores = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
rows = [json.loads(l) for l in open(path) if l.strip()]
def per_inst(v): return None if v is None else v / total
def f(v, fmt=".1f"): return "-" if v is None else format(v, fmt)
def machine(ms, r): return None if ms is None else 100 * ms / (r["seconds"] * 1000 * cores)
print(f"== per run ({total} instances + {problems} problem files; CPU from /proc between the drop and the end; {cores} cores)")
if any(r.get("warmup") for r in rows):
    print(f"   (WARMUP: each cluster first imported {rows[0]['warmup']} instances of other subjects, before the clock)")
print(f"{'round':>5} {'nodes':>5} {'s':>7} {'inst/s':>7} {'nodes ms/inst':>13} {'db ms/inst':>10} {'db ours':>8} {'broker':>7} {'haproxy':>7} {'busy %':>6} {'others %':>8}  load 1/5/15 at start   per node: CPU s, series, instances, ms per own instance")
for r in rows:
    nodes_ms = sum(x["cpuMs"] or 0 for x in r["node"])
    per_node = "; ".join(f"{x['name']}{'*' if x['scanner'] else ''} {(x['cpuMs'] or 0) / 1000:.1f} s {x['series']} ser {x['instances']} inst "
                         f"{((x['cpuMs'] or 0) / x['instances']) if x['instances'] else float('nan'):.1f} ms" for x in r["node"])
    print(f"{r['round']:>5} {r['nodes']:>5} {r['seconds']:7.1f} {total / r['seconds']:7.1f} {nodes_ms / total:13.2f} "
          f"{f(per_inst(r['dbMs']), '.2f'):>10} {f(per_inst(r['dbOursMs']), '.2f'):>8} {per_inst(r['brokerMs']):7.2f} "
          f"{f(per_inst(r['haproxyMs']), '.2f'):>7} {r['busyPct']:6.0f} {r['othersPct']:8.0f}  {r['loadStart']:<20}  {per_node}")
print("  (ms/inst: CPU milliseconds per instance of the dataset; db = the whole mariadbd, other sessions' databases")
print("   included; db ours = the threads of this run's connections; * = the node holding the scan lease at the end;")
print("   busy % = the machine's busy share; others % = the share used by everything but this run's processes)")
print()
counts = sorted({r["nodes"] for r in rows})
def span(vs, fmt=".1f"):
    vs = [v for v in vs if v is not None]
    if not vs: return "-"
    return f"{statistics.median(vs):{fmt}} [{min(vs):{fmt}}-{max(vs):{fmt}}]"
def med(vs):
    vs = [v for v in vs if v is not None]
    return statistics.median(vs) if vs else None
def metrics(r):
    nodes_ms = sum(x["cpuMs"] or 0 for x in r["node"])
    return {"inst/s": total / r["seconds"], "nodes ms/inst": nodes_ms / total,
            "node ms/own inst": statistics.median([x["cpuMs"] / x["instances"] for x in r["node"] if x["instances"] and x["cpuMs"]] or [0]),
            "db ms/inst": per_inst(r["dbMs"]), "db ours ms/inst": per_inst(r["dbOursMs"]), "broker ms/inst": per_inst(r["brokerMs"]),
            "nodes % machine": machine(nodes_ms, r), "db % machine": machine(r["dbMs"], r),
            "db ours % machine": machine(r["dbOursMs"], r), "broker % machine": machine(r["brokerMs"], r),
            "busy %": r["busyPct"], "others %": r["othersPct"],
            "min series share %": 100 * min(x["series"] for x in r["node"]) * r["nodes"] / max(1, sum(x["series"] for x in r["node"]))}
names = ["inst/s", "nodes ms/inst", "node ms/own inst", "db ms/inst", "db ours ms/inst", "broker ms/inst",
         "nodes % machine", "db % machine", "db ours % machine", "broker % machine", "busy %", "others %", "min series share %"]
print(f"== summary over {max(r['round'] for r in rows)} round(s): median [min-max]")
print(f"{'':22}" + "".join(f"{str(c) + ' node' + ('s' if c > 1 else ''):>24}" for c in counts))
for name in names:
    cells = []
    for c in counts:
        vs = [metrics(r)[name] for r in rows if r["nodes"] == c]
        cells.append(span(vs, ".2f" if "ms/" in name else ".1f"))
    print(f"{name:22}" + "".join(f"{x:>24}" for x in cells))
print("  (node ms/own inst: a node's CPU per instance it archived itself; min series share %: the smallest share of")
print("   the series a node archived, 100 = an even spread)")
series_by = {}
for r in rows:
    series_by.setdefault(r["nodes"], []).append("/".join(str(x["series"]) for x in r["node"]))
print("series archived per node, run by run: " + "; ".join(f"{c} node(s): {', '.join(v)}" for c, v in sorted(series_by.items())))
if 1 in counts and len(counts) > 1:
    print()
    print("== ratios n nodes / 1 node: of the medians; and median [min-max] of each round's own ratio")
    for c in counts:
        if c == 1: continue
        for name in ["inst/s", "nodes ms/inst", "db ms/inst", "db ours ms/inst", "broker ms/inst"]:
            a = med([metrics(r)[name] for r in rows if r["nodes"] == c]); b = med([metrics(r)[name] for r in rows if r["nodes"] == 1])
            per_round = []
            for rnd in sorted({r["round"] for r in rows}):
                x = [metrics(r)[name] for r in rows if r["round"] == rnd and r["nodes"] == c]
                y = [metrics(r)[name] for r in rows if r["round"] == rnd and r["nodes"] == 1]
                if x and y and x[0] is not None and y[0]: per_round.append(x[0] / y[0])
            ratio = f"{a / b:.2f}" if a is not None and b else "-"
            print(f"  {c}/1 {name:18} {ratio:>6}   per round {span(per_round, '.2f')}")
EOF
}

# ---- the rounds -----------------------------------------------------------------------------------
started_at=$(date '+%Y-%m-%d %H:%M')
log "$runs round(s) of node counts: $node_counts; dataset $total instances + $problems problem files; $(nproc) cores; load $(cut -d' ' -f1-3 /proc/loadavg)"
for ((round = 1; round <= runs; round++)); do
  for n in $node_counts; do
    run_once "$round" "$n"
  done
done
echo
table | tee "$work/table.txt"

if [ "$results_md" != none ]; then
  [ -s "$results_md" ] || printf '# bench/cluster.sh: the global import on one node and on several\n\nEach section: one run of the script, appended by it.\n' >"$results_md"
  {
    echo
    echo "## $started_at: $total instances in $(( subjects * series )) series, nodes $node_counts, $runs round(s)"
    echo
    echo "Command: \`$command_line\` (commit $(git rev-parse --short HEAD 2>/dev/null || echo ?))."
    echo "Machine: $(nproc) cores ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)), $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo) RAM,"
    echo "shared with other sessions; data on $(df -T "$work" | awk 'NR == 2 { print $2 }') under /tmp; MariaDB $(sql 'SELECT VERSION()'); JAVA_OPTS ${JAVA_OPTS:-as run.sh: -Xms256m -Xmx768m}."
    echo "Load average (1/5/15 min) before each cluster start, at the drop (it includes this cluster's own start), at the end;"
    echo "the wait for a 1-minute load below $load_max (it includes the previous run's own load):"
    echo
    python3 - "$results" <<'EOF'
import json, sys
for r in (json.loads(l) for l in open(sys.argv[1]) if l.strip()):
    print(f"- round {r['round']}, {r['nodes']} node(s): {r['loadBefore']} / {r['loadStart']} / {r['loadEnd']}; waited {r['waited']} s; cluster ready after {r['startup']} s")
EOF
    echo
    echo '```'
    cat "$work/table.txt"
    echo '```'
  } >>"$results_md"
  log "appended to $results_md"
fi
