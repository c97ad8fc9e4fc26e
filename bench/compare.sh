#!/usr/bin/env bash
# Side-by-side comparison (issue 14): our archive, Orthanc and a plain copy on the same files, same disk.
#
#   bench/compare.sh [SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES [PROBLEM_PERCENT [SIZE]]]
#
# Defaults 20 10 30 2 256: 6,000 MR instances (256x256, 16-bit) in 200 series of 20 subjects, plus 2 %
# as many problem files (empty, text, truncated) in the series folders. The second dataset of the
# issue, 50 series of 200 slices 512x512: bench/compare.sh 5 10 200 2 512 (10,000 instances, ~5 GB).
# The dataset is generated ONCE (org.neuroarchive.testing.GenerateDataset) under the work directory;
# every entry reads those same files:
#   folder      our folder import: a hard-linked copy of the dataset (same inodes, nothing copied) is
#               dropped into incomingdir by ONE rename; the clock stops when /api/stats counts every
#               instance and every problem file (quarantined), no series is queued and no file waits
#   folder-warm the same on a server that first imported, before the clock, a warm-up dataset of other
#               subjects (a fifth of the series, generated once): the code of the import is then
#               compiled by the JIT as on a server that has run for a while (a fresh JVM spends about a
#               third of the CPU of the first import compiling); the store holds the warm-up's rows
#   receiver1   our DICOM receiver (port 11112): dcmtk storescu, ONE association, TCP_NODELAY=1
#   receiver2   the same with two storescu associations at once (half the series folders each)
#   individual  our individual import: server path (a hard-linked copy under the import root) -> parse
#               -> archive every series; the clock stops at archivecomplete
#   orthanc-rest    Orthanc (Debian's /usr/sbin/Orthanc) over REST: two curl processes POST to
#               /instances in parallel, each over one keep-alive connection (a curl config file with
#               one url/data-binary/next block per file); a 200 answer means stored and indexed
#   orthanc-cstore  Orthanc over C-STORE: storescu, one association
#   copy        cp -r of the dataset + sync: the copy limit of this disk
# storescu skips the problem files itself (it cannot parse them); curl sends them and Orthanc refuses
# them (400): only stored instances count. Our folder and individual imports get them too.
#
# Every measured run: a FRESH store (our server restarted on a new NEUROARCHIVE_DATA_DIR, WildFly's
# broker journal and transaction log deleted, so its peak RSS is that run's VmHWM; Orthanc restarted
# on new storage and index directories), the server started BEFORE the clock, `sync`, then the page
# cache warmed by reading every dataset file and the time of a second read printed (it shows the
# files come from memory). Per entry: seconds, instances/s (valid instances of the dataset / s),
# MB/s (all dataset bytes, 10^6 bytes), server CPU ms per instance (utime + stime of the server
# process over the run: our WildFly java, the Orthanc process; cp + sync for the copy), peak RSS
# (VmHWM), instances stored, the second read of the page-cache warm-up, and "others %": the share of
# the machine's CPU (/proc/stat, all cores) the other processes used during the run (the clients
# storescu and curl, and anything else running: high values mean a disturbed run). Then the ratios:
# folder import / Orthanc REST, receiver (1 assoc) / Orthanc C-STORE, folder import / copy limit,
# CPU per instance folder import / Orthanc REST, the same two for the warm server, and the individual
# import's parse and archive rates.
# RUNS=N repeats the whole comparison N times and ends with the median and range of every entry and
# ratio.
#
# Environment:
#   RUNS=1          rounds of the whole comparison (the issue asks for 3)
#   ENTRIES="folder folder-warm receiver1 receiver2 individual orthanc-rest orthanc-cstore copy"   a subset/order
#   JFR=1           record a JFR profile of our folder import in the first round and print a summary,
#                   by component (bench/jfr-components.awk); that run is marked "JFR on" in the table
#   KEEP=1          keep the work directory (dataset, every run's store, logs, profile)
#   BENCH_LOCK=/tmp/na-bench.lock   take this flock around each round and release it in between (for
#                   RUNS>1 on a shared machine); do not also wrap the script in flock on the same file
#                   (wrapped in flock, use flock -o: the servers it starts need not hold the lock)
#   ORTHANC_HTTP_PORT=18042 ORTHANC_DICOM_PORT=14242   Orthanc's ports (never 8042/4242)
#   BUILD=no        use the existing build (ear/target, ejb/target) instead of building first
# Our server always runs on 8080 (HTTP) and 11112 (DICOM): nothing else may listen there.
# It builds once (./mvnw -o -Prun package without running it: the EAR, the provisioned WildFly under
# ear/target/run-server and the dataset generator), then starts every server with
# server-config/wildfly/run.sh on that build.
# Needs: java 17, Maven's offline repository, dcmtk (storescu), orthanc (/usr/sbin/Orthanc), curl,
# python3, awk, ss (iproute2); jcmd and jfr for JFR=1. A round of the default dataset takes 10 to 17
# minutes here (four starts of our server of about a minute each, before the clocks).
# The machine is shared and its speed varies from minute to minute: compare the ratios of one round
# (same files, same disk, minutes apart) rather than absolute figures across days.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-20}; series=${2:-10}; instances=${3:-30}; problem_percent=${4:-2}; size=${5:-256}
runs=${RUNS:-1}
entries=${ENTRIES:-folder folder-warm receiver1 receiver2 individual orthanc-rest orthanc-cstore copy}
orthanc_http=${ORTHANC_HTTP_PORT:-18042}
orthanc_dicom=${ORTHANC_DICOM_PORT:-14242}
dicom_port=11112
export TCP_NODELAY=1   # dcmtk 3.6.7 waits ~90 ms per object on loopback without it

[ -z "${BASE_URL:-}" ] || { echo "compare.sh starts its own servers (one per run); unset BASE_URL" >&2; exit 1; }
[[ "$runs" =~ ^[1-9][0-9]*$ ]] || { echo "RUNS must be a positive number, not '$runs'" >&2; exit 1; }
for entry in $entries; do
  case $entry in folder|folder-warm|receiver1|receiver2|individual|orthanc-rest|orthanc-cstore|copy) ;;
    *) echo "unknown entry '$entry' in ENTRIES" >&2; exit 1;; esac
done
for tool in storescu curl python3 awk ss java; do
  command -v "$tool" >/dev/null || { echo "$tool is missing (storescu: apt-get install dcmtk)" >&2; exit 1; }
done
orthanc=$(command -v Orthanc || echo /usr/sbin/Orthanc)
[ -x "$orthanc" ] || { echo "Orthanc is missing: apt-get install orthanc (the service need not run)" >&2; exit 1; }
if [ -n "${JFR:-}" ]; then
  command -v jcmd >/dev/null && command -v jfr >/dev/null || { echo "JFR=1 needs jcmd and jfr (a JDK)" >&2; exit 1; }
fi
listening() { [ -n "$(ss -ltnH "sport = :$1" 2>/dev/null)" ]; }
ports=""   # the ports the chosen entries need
[[ " $entries " =~ \ (folder|folder-warm|receiver1|receiver2|individual)\  ]] && ports="8080 $dicom_port"
[[ " $entries " =~ \ orthanc- ]] && ports="$ports $orthanc_http $orthanc_dicom"
for port in $ports; do
  ! listening "$port" || { echo "something already listens on port $port; stop it first" >&2; exit 1; }
done

if [ -n "${BENCH_LOCK:-}" ]; then
  exec 9>>"$BENCH_LOCK"
  echo "[bench] waiting for $BENCH_LOCK"
  flock 9
fi
bench_autostart=no
source bench/server.sh
orthanc_pid=""
trap 'stop_orthanc; cleanup' EXIT

if [ "${BUILD:-yes}" = no ]; then
  log "BUILD=no: using the build in ear/target and ejb/target as it is"
else
  log "building once: ./mvnw -o -Prun package, without running the server (output: $work/build.log)"
  ./mvnw -B -ntp -o -q -DskipTests -Prun -Dexec.skip=true package >"$work/build.log" 2>&1 \
    || { tail -30 "$work/build.log"; echo "the build failed" >&2; exit 1; }
fi
wildfly_home=$(ls -d ear/target/run-server/wildfly-*/ 2>/dev/null | head -1)
wildfly_home=${wildfly_home%/}
[ -n "$wildfly_home" ] && [ -f ear/target/neuroarchive.ear ] \
  || { echo "the build left no ear/target/run-server/wildfly-* or ear/target/neuroarchive.ear" >&2; exit 1; }

# generate DIR SUBJECTS PROBLEM_PERCENT: a settled dataset of this run's shape (series per subject,
# instances per series, image size) in DIR; prints "<instances> <problem files>"
generate() {
  java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
    org.neuroarchive.testing.GenerateDataset "$1" "$2" "$series" "$instances" "$3" "$size"
  find "$1" -exec touch -d '-1 minute' {} +   # settled: the folder import takes it at once
}

dataset="$work/dataset/bench"
log "generating $subjects subjects x $series series x $instances instances (${size} px) + $problem_percent % problem files in $dataset"
t0=$(now)
read -r total problems < <(generate "$dataset" "$subjects" "$problem_percent")
[ -n "${problems:-}" ] || { echo "the dataset generator failed" >&2; exit 1; }
files=$(find "$dataset" -type f | wc -l)
bytes=$(find "$dataset" -type f -printf '%s\n' | awk '{ b += $1 } END { print b }')
signature() { find "$dataset" -type f -printf '%P %s %T@ %m\n' | sort | md5sum; }
dataset_signature=$(signature)
log "generated $files files ($total instances, $problems problem files, $(calc "$bytes / 1e6") MB) in $(calc "$(now) - $t0") s"
mapfile -t folders < <(find "$dataset" -mindepth 1 -maxdepth 1 -type d | sort)

results="$work/results.tsv"   # round entry seconds instances bytes cpu-seconds peak-rss-KiB cached-read-seconds others-% note
figures="$work/figures.tsv"   # round name value
: >"$results"; : >"$figures"
record() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$@" >>"$results"; }
figure() { printf '%s\t%s\t%s\n' "$round" "$1" "$2" >>"$figures"; }
calc2() { awk "BEGIN { printf \"%.2f\", $1 }"; }
hwm_kib() { awk '/VmHWM/ { print $2 }' "/proc/$1/status"; }

# warm_cache: sync, then every dataset file read twice; logs both times, answers the second
warm_cache() {
  local t0 first second
  sync
  t0=$(now); find "$dataset" -type f -print0 | xargs -0 cat >/dev/null; first=$(calc2 "$(now) - $t0")
  t0=$(now); find "$dataset" -type f -print0 | xargs -0 cat >/dev/null; second=$(calc2 "$(now) - $t0")
  log "page cache warm: dataset read in $first s, again in $second s ($(calc "$bytes / ($second + 0.001) / 1e6") MB/s)" >&2
  echo "$second"
}

# our server, fresh: a new data directory for run $1, WildFly's broker journal and transaction log gone
fresh_server() {
  local data="$work/run$round-$1/data"
  rm -rf "$wildfly_home/standalone/data/activemq" "$wildfly_home/standalone/data/tx-object-store"
  server_out="$work/run$round-$1/server.out"
  mkdir -p "$(dirname "$data")"
  start_server "$data" bash server-config/wildfly/run.sh "$wildfly_home" ear/target/neuroarchive.ear 9>&-
  [ -n "$server_pid" ] || { echo "no server process found: no CPU and memory figures" >&2; exit 1; }
}

# end_server RUN: stops our server, waits for its ports, drops the run's store (unless KEEP)
end_server() {
  stop_server
  for _ in $(seq 1 60); do listening 8080 || listening "$dicom_port" || break; sleep 0.5; done
  [ -n "${KEEP:-}" ] || rm -rf "$work/run$round-$1"
}

# CPU seconds all processors of the machine spent busy so far (/proc/stat: all but idle and iowait)
machine_busy() { awk -v tck="$(getconf CLK_TCK)" '/^cpu / { printf "%.2f", ($2 + $3 + $4 + $7 + $8 + $9) / tck }' /proc/stat; }
# start_clock PID: the clock starts, and the CPU count of the server process PID; stop_clock stops both
start_clock() { clock_pid=$1; busy0=$(machine_busy); cpu0=$(cpu_seconds "$1"); t0=$(now); }
stop_clock() { t1=$(now); cpu1=$(cpu_seconds "$clock_pid"); busy1=$(machine_busy); }
# others_percent SECONDS CPU: the share of the machine's CPU (all cores) that the processes other than
# the measured server used during the run: the clients (storescu, curl), and whatever else runs
others_percent() { calc "($busy1 - $busy0 - $2) * 100 / ($1 * $(nproc))"; }
# measured ENTRY STORED WARM [NOTE]: records the run between start_clock and stop_clock
measured() {
  local seconds cpu
  seconds=$(calc2 "$t1 - $t0")
  cpu=$(calc2 "$cpu1 - $cpu0")
  record "$1" "$seconds" "$2" "$bytes" "$cpu" "$(hwm_kib "$clock_pid")" "$3" "$(others_percent "$seconds" "$cpu")" "${4:-}"
  log "$1: $seconds s, $(calc "$2 / $seconds") instances/s, server CPU $cpu s, $2 instances stored"
}

# await_folder_import INSTANCES PROBLEMS: polls until /api/stats counts that many instances and problem
# files, no series is queued and incomingdir and its claims are empty; sets $s (the last stats) and
# $claimed (seconds after $t0 when incomingdir was first empty)
await_folder_import() {
  local elapsed last=0
  claimed=""
  # stats costs the server a few COUNT queries: ask when the files say the end is near, else every 10 s
  while :; do
    sleep 0.2
    elapsed=$(calc "$(now) - $t0")
    if [ -z "$claimed" ] && [ -z "$(find "$incoming" -type f -print -quit)" ]; then claimed=$elapsed; fi
    if { [ -n "$claimed" ] && [ -z "$(find "${incoming%/}.claimed" -type f -print -quit 2>/dev/null)" ]; } \
       || [ "${elapsed%.*}" -ge $((last + 10)) ]; then
      s=$(stats) || { echo "stats did not answer" >&2; exit 1; }
      [ -n "$claimed" ] && [ "$(echo "$s" | field instances)" -ge "$1" ] \
        && [ "$(echo "$s" | field problemFiles)" -ge "$2" ] && [ "$(echo "$s" | field queuedSeries)" -eq 0 ] && break
      [ "$(echo "$s" | field failedSeries)" -eq 0 ] || { echo "a series FAILED: $s" >&2; exit 1; }
      if [ "${elapsed%.*}" -ge $((last + 10)) ]; then
        last=${elapsed%.*}
        log "t=${elapsed}s instances=$(echo "$s" | field instances)/$1 queuedSeries=$(echo "$s" | field queuedSeries)"
      fi
    fi
    [ "${elapsed%.*}" -lt 3600 ] || { echo "not done after an hour: $(stats)" >&2; exit 1; }
  done
}

# stage DIR NAME: a hard-linked copy of DIR (same inodes, nothing copied) at $drop/NAME, its folders
# settled; drop_in NAME: moves it into incomingdir by ONE rename and asks for a scan ($drop: run_folder's)
stage() {
  cp -al "$1" "$drop/$2"
  find "$drop/$2" -type d -exec touch -d '-1 minute' {} +
}
drop_in() {
  mv "$drop/$1" "$incoming/"   # ONE atomic rename: the whole dataset appears at once
  post_json -sf "$base/api/incoming/scan" >/dev/null
}

# warm_up_folder: before the clock of folder-warm, the server imports the warm-up dataset (other
# subjects, a fifth of the dataset's series, no problem files) through incomingdir, so that its JIT
# compilers have compiled the import's code as on a server that has run for a while
warm_up_folder() {
  local warmup="$work/warmup/bench" n p want
  if [ ! -d "$warmup" ]; then
    read -r n p < <(generate "$warmup" "$(( (subjects + 4) / 5 ))" 0)
    [ -n "${p:-}" ] || { echo "the dataset generator failed (warm-up)" >&2; exit 1; }
    echo "$n" >"$work/warmup/instances"
  fi
  want=$(cat "$work/warmup/instances")
  stage "$warmup" warmup
  t0=$(now)
  drop_in warmup
  await_folder_import "$want" 0
  log "warm-up: $want instances of other subjects imported in $(calc "$(now) - $t0") s, before the clock"
}

run_folder() {  # run_folder [warm]
  local drop jfr="" warm entry=folder base_instances=0 base_problems=0
  [ "${1:-}" != warm ] || entry=folder-warm
  fresh_server "$entry"
  drop="$NEUROARCHIVE_DATA_DIR/bench-drop"   # same file system as incomingdir: the drop is a rename
  mkdir -p "$drop" "$incoming"
  if [ "$entry" = folder-warm ]; then
    warm_up_folder
    s=$(stats); base_instances=$(echo "$s" | field instances); base_problems=$(echo "$s" | field problemFiles)
  fi
  stage "$dataset" bench
  warm=$(warm_cache)
  if [ -n "${JFR:-}" ] && [ "$round" = 1 ]; then
    jfr="$work/$entry-import.jfr"
    jcmd "$server_pid" JFR.start name=bench settings=profile filename="$jfr" >/dev/null
  fi
  start_clock "$server_pid"
  drop_in bench
  await_folder_import $((base_instances + total)) $((base_problems + problems))
  stop_clock
  [ -z "$jfr" ] || jcmd "$server_pid" JFR.stop name=bench >/dev/null
  measured "$entry" $(( $(echo "$s" | field instances) - base_instances )) "$warm" "${jfr:+JFR on}"
  log "quarantined: $(( $(echo "$s" | field problemFiles) - base_problems )) problem files of $problems; incomingdir emptied after $claimed s"
  if [ -n "$jfr" ]; then
    log "JFR profile of the $entry import: $jfr"
    { echo "-- $entry"; jfr_report "$jfr"; } | tee -a "$work/jfr-summary.txt"
  fi
  end_server "$entry"
}

# storescu_parts AE_TITLE ASSOCIATIONS PORT: sends the dataset, the series folders split over the associations
storescu_parts() {
  local aec=$1 associations=$2 port=$3 a i part pids=()
  for ((a = 0; a < associations; a++)); do
    part=()
    for ((i = a; i < ${#folders[@]}; i += associations)); do part+=("${folders[$i]}"); done
    storescu -aet "BENCH$a" -aec "$aec" +sd +r -nh -q 127.0.0.1 "$port" "${part[@]}" 2>>"$work/storescu.log" &
    pids+=($!)
  done
  for a in "${pids[@]}"; do wait "$a" || { echo "storescu failed (see $work/storescu.log)" >&2; exit 1; }; done
}

run_receiver() {  # run_receiver ASSOCIATIONS
  local warm s sent
  fresh_server "receiver$1"
  for _ in $(seq 1 120); do listening "$dicom_port" && break; sleep 0.5; done
  listening "$dicom_port" || { echo "our DICOM receiver does not listen on $dicom_port" >&2; exit 1; }
  warm=$(warm_cache)
  start_clock "$server_pid"
  storescu_parts NEUROARCHIVE "$1" "$dicom_port"
  sent=$(calc "$(now) - $t0")
  while :; do
    s=$(stats)
    [ "$(echo "$s" | field instances)" -ge "$total" ] && [ "$(echo "$s" | field queuedSeries)" -eq 0 ] && break
    [ "$(echo "$s" | field failedSeries)" -eq 0 ] || { echo "a series FAILED: $s" >&2; exit 1; }
    [ "$(calc "$(now) - $t0 < 3600")" = 1.0 ] || { echo "not done after an hour: $s" >&2; exit 1; }
    sleep 0.2
  done
  stop_clock
  measured "receiver$1" "$(echo "$s" | field instances)" "$warm" "storescu done after $sent s"
  end_server "receiver$1"
}

run_individual() {
  local root warm id parsed parse_s archive_s
  fresh_server individual
  root="$NEUROARCHIVE_DATA_DIR/import"
  mkdir -p "$root"
  cp -al "$dataset" "$root/bench"
  warm=$(warm_cache)
  start_clock "$server_pid"
  id=$(post_json -sf "$base/api/imports" -d "{\"sourcePath\":\"$root/bench\",\"modality\":\"MR\"}" | json_field id)
  await_import "$id" parsingcomplete
  parsed=$(now)
  post_json -sf "$base/api/imports/$id/archive" >/dev/null
  await_import "$id" archivecomplete
  stop_clock
  parse_s=$(calc "$parsed - $t0"); archive_s=$(calc "$t1 - $parsed")
  figure "individual parse, instances/s" "$(calc "$total / $parse_s")"
  figure "individual archive, instances/s" "$(calc "$total / $archive_s")"
  measured individual "$(stats | field instances)" "$warm" "parse $parse_s s, archive $archive_s s"
  end_server individual
}

# Orthanc: own configuration, ports, storage and index under the run's directory; default durability
# (SyncStorageArea), no compression, no plugins, no authentication, loopback only
start_orthanc() {
  local dir="$work/run$round-$1"
  mkdir -p "$dir/storage" "$dir/index"
  cat >"$dir/orthanc.json" <<EOF
{
  "Name": "NeuroArchiveBench",
  "StorageDirectory": "$dir/storage",
  "IndexDirectory": "$dir/index",
  "StorageCompression": false,
  "HttpPort": $orthanc_http,
  "DicomPort": $orthanc_dicom,
  "RemoteAccessAllowed": false,
  "AuthenticationEnabled": false,
  "Plugins": [],
  "DicomAet": "ORTHANC",
  "DicomCheckCalledAet": false
}
EOF
  log "starting Orthanc ($("$orthanc" --version 2>/dev/null | head -1)) on ports $orthanc_http/$orthanc_dicom, storage $dir"
  "$orthanc" "$dir/orthanc.json" >"$dir/orthanc.log" 2>&1 9>&- &
  orthanc_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$orthanc_http/system" >/dev/null 2>&1 && listening "$orthanc_dicom" && return
    kill -0 "$orthanc_pid" 2>/dev/null || break
    sleep 0.25
  done
  tail -20 "$dir/orthanc.log"; echo "Orthanc did not start" >&2; exit 1
}
stop_orthanc() {
  [ -n "${orthanc_pid:-}" ] || return 0
  kill "$orthanc_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do kill -0 "$orthanc_pid" 2>/dev/null || break; sleep 0.5; done
  kill -9 "$orthanc_pid" 2>/dev/null || true
  orthanc_pid=""
}
orthanc_instances() { curl -sf "http://127.0.0.1:$orthanc_http/statistics" | json_field CountInstances; }

# one curl config file per uploader: a block per file (its own url, body, output); `next` keeps the
# connection, so each uploader POSTs all its files over one keep-alive connection
write_upload_configs() {
  local a i f
  for a in 0 1; do
    for ((i = a; i < ${#folders[@]}; i += 2)); do
      find "${folders[$i]}" -type f | sort
    done | while read -r f; do
      printf 'url = "http://127.0.0.1:%s/instances"\ndata-binary = "@%s"\nheader = "Content-Type: application/dicom"\nheader = "Expect:"\noutput = "/dev/null"\nwrite-out = "%%{http_code}\\n"\nnext\n' "$orthanc_http" "$f"
    done | sed '$d' >"$work/upload-$a.curl"   # no "next" after the last file
  done
}

run_orthanc_rest() {
  local warm stored a uploaders
  start_orthanc orthanc-rest
  warm=$(warm_cache)
  start_clock "$orthanc_pid"
  uploaders=()
  for a in 0 1; do   # (a dataset of one series folder leaves the second without files)
    [ ! -s "$work/upload-$a.curl" ] || { curl -s -K "$work/upload-$a.curl" >"$work/upload-$a.codes" & uploaders+=($!); }
  done
  for a in "${uploaders[@]}"; do wait "$a" || { echo "an uploader failed" >&2; exit 1; }; done
  stop_clock
  stored=$(orthanc_instances)
  measured orthanc-rest "$stored" "$warm" \
    "HTTP $(cat "$work"/upload-?.codes 2>/dev/null | sort | uniq -c | awk '{ printf "%s%s x%s", s, $2, $1; s = ", " }')"
  stop_orthanc
  [ -n "${KEEP:-}" ] || rm -rf "$work/run$round-orthanc-rest"
}

run_orthanc_cstore() {
  local warm
  start_orthanc orthanc-cstore
  warm=$(warm_cache)
  start_clock "$orthanc_pid"
  storescu_parts ORTHANC 1 "$orthanc_dicom"
  stop_clock
  measured orthanc-cstore "$(orthanc_instances)" "$warm"
  stop_orthanc
  [ -n "${KEEP:-}" ] || rm -rf "$work/run$round-orthanc-cstore"
}

run_copy() {
  local warm dest="$work/run$round-copy" seconds user sys cpu
  warm=$(warm_cache)
  TIMEFORMAT='%R %U %S'
  busy0=$(machine_busy)
  { time { cp -r "$dataset" "$dest" && sync; } ; } 2>"$work/copy.time"
  busy1=$(machine_busy)
  read -r seconds user sys <"$work/copy.time"
  cpu=$(calc2 "$user + $sys")
  record copy "$seconds" "$(find "$dest" -type f -name 'i-*.dcm' | wc -l)" "$bytes" "$cpu" "" "$warm" \
    "$(others_percent "$seconds" "$cpu")" "CPU of cp + sync"
  log "copy: $seconds s, $(calc "$total / $seconds") instances/s"
  rm -rf "$dest"
}

# table [ROUND|all]: the per-run table, or the summary (median and range over the rounds)
table() {
  python3 - "$results" "$figures" "$1" "$total" "$files" "$bytes" "$runs" <<'EOF'
import csv, statistics, sys
results, figures, which, total, files, nbytes, runs = sys.argv[1:]
labels = {"folder": "ours: folder import (one rename)", "folder-warm": "ours: folder import, warm server",
          "receiver1": "ours: DICOM receiver, 1 association",
          "receiver2": "ours: DICOM receiver, 2 associations", "individual": "ours: individual import (path, all)",
          "orthanc-rest": "Orthanc: REST, 2 curl keep-alive", "orthanc-cstore": "Orthanc: C-STORE, 1 association",
          "copy": "copy limit: cp -r + sync"}
rows = [r for r in csv.reader(open(results), delimiter="\t")]
figs = [r for r in csv.reader(open(figures), delimiter="\t")]
def per_round():
    out = {}
    for rnd, entry, sec, inst, b, cpu, hwm, warm, others, note in rows:
        sec = float(sec)
        out.setdefault(rnd, {})[entry] = dict(sec=sec, rate=int(total) / sec, mbs=int(b) / sec / 1e6,
            cpu=float(cpu) * 1000 / int(total), rss=int(hwm) / 1024 if hwm else None, stored=int(inst),
            warm=float(warm), others=float(others), note=note)
    for rnd, name, value in figs:
        out.setdefault(rnd, {})[name] = float(value)
    return out
def ratios(r):
    pairs = [("folder import / Orthanc REST", "folder", "orthanc-rest"),
             ("receiver (1 assoc) / Orthanc C-STORE", "receiver1", "orthanc-cstore"),
             ("folder import / copy limit", "folder", "copy"),
             ("CPU per instance: folder import / Orthanc REST", "folder", "orthanc-rest"),
             ("warm server: folder import / Orthanc REST", "folder-warm", "orthanc-rest"),
             ("CPU per instance: warm folder import / Orthanc REST", "folder-warm", "orthanc-rest")]
    out = {}
    for name, a, b in pairs:
        if a in r and b in r:
            out[name] = r[a]["cpu"] / r[b]["cpu"] if name.startswith("CPU") else r[a]["rate"] / r[b]["rate"]
    for name in ("individual parse, instances/s", "individual archive, instances/s"):
        if name in r:
            out[name] = r[name]
    return out
order = [e for e in labels]
data = per_round()
print()
if which != "all":
    r = data[which]
    print(f"== round {which}: {total} instances + {int(files) - int(total)} problem files, {int(nbytes) / 1e6:.1f} MB")
    print(f"{'entry':40} {'s':>7} {'inst/s':>8} {'MB/s':>7} {'CPU ms/inst':>11} {'peak RSS MiB':>12} {'stored':>7} {'cached read s':>13} {'others %':>8}  note")
    for e in order:
        if e in r:
            x = r[e]
            rss = f"{x['rss']:.0f}" if x["rss"] is not None else "-"
            print(f"{labels[e]:40} {x['sec']:7.1f} {x['rate']:8.1f} {x['mbs']:7.1f} {x['cpu']:11.2f} {rss:>12} {x['stored']:7d} {x['warm']:13.2f} {x['others']:8.0f}  {x['note']}")
    print("  (others %: the share of the machine's CPU used during the run by everything but the measured")
    print("   server process: the clients - storescu, curl - and other work on the machine)")
    for name, v in ratios(r).items():
        print(f"  {name:48} {v:8.2f}")
else:
    rounds = sorted(data, key=int)
    print(f"== summary over {len(rounds)} round(s): median [min - max]")
    def span(values, fmt):
        return f"{statistics.median(values):{fmt}} [{min(values):{fmt}} - {max(values):{fmt}}]"
    print(f"{'entry':40} {'inst/s':>24} {'s':>22} {'CPU ms/inst':>22} {'peak RSS MiB':>18} {'others %':>15}")
    for e in order:
        xs = [data[k][e] for k in rounds if e in data[k]]
        if xs:
            rss = [x["rss"] for x in xs if x["rss"] is not None]
            print(f"{labels[e]:40} {span([x['rate'] for x in xs], '.1f'):>24} {span([x['sec'] for x in xs], '.1f'):>22} "
                  f"{span([x['cpu'] for x in xs], '.2f'):>22} {(span(rss, '.0f') if rss else '-'):>18} "
                  f"{span([x['others'] for x in xs], '.0f'):>15}")
    canonical = ["folder import / Orthanc REST", "receiver (1 assoc) / Orthanc C-STORE", "folder import / copy limit",
                 "CPU per instance: folder import / Orthanc REST", "warm server: folder import / Orthanc REST",
                 "CPU per instance: warm folder import / Orthanc REST", "individual parse, instances/s",
                 "individual archive, instances/s"]
    names = [n for n in canonical if any(n in ratios(data[k]) for k in rounds)]
    for n in names:
        vs = [ratios(data[k])[n] for k in rounds if n in ratios(data[k])]
        print(f"  {n:48} {span(vs, '.2f')}")
EOF
}

log "entries: $entries; $runs round(s); Orthanc: $("$orthanc" --version 2>/dev/null | head -1); $(nproc) cores"
for ((round = 1; round <= runs; round++)); do
  if [ -n "${BENCH_LOCK:-}" ] && [ "$round" -gt 1 ]; then
    log "waiting for $BENCH_LOCK"
    flock 9
  fi
  log "== round $round of $runs"
  for entry in $entries; do
    case $entry in
      folder) run_folder;;
      folder-warm) run_folder warm;;
      receiver1) run_receiver 1;;
      receiver2) run_receiver 2;;
      individual) run_individual;;
      orthanc-rest) [ -f "$work/upload-0.curl" ] || write_upload_configs; run_orthanc_rest;;
      orthanc-cstore) run_orthanc_cstore;;
      copy) run_copy;;
    esac
    [ "$(signature)" = "$dataset_signature" ] || log "WARNING: the dataset changed during $entry (names, sizes, times or modes)"
  done
  [ -z "${BENCH_LOCK:-}" ] || flock -u 9
  table "$round"
done
table all
[ ! -f "$work/jfr-summary.txt" ] || { echo; echo "== JFR profile of the folder import (round 1)"; cat "$work/jfr-summary.txt"; }
