#!/usr/bin/env bash
# Benchmark of the DICOM receiver (issue 6): C-STORE ingest with dcmtk's storescu.
#
#   bench/receiver.sh [SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES]
#
# Defaults 20 10 30: the global-import benchmark's dataset, 6,000 MR instances (256×256, 16-bit) in
# 200 series. Two runs on one server, each with a freshly generated dataset: (1) ONE association
# sends everything; (2) TWO associations at once send half each. The clock runs from the start of
# storescu until every instance is queryable (stats `instances` reached, `queuedSeries` 0). Reports
# instances/s for each run, the time storescu itself took, and the server's peak resident memory.
# Goal (issue 6): at least 550 instances/s with one association.
#
# By default it starts its own server (./mvnw -Prun, HTTP 8080, DICOM 11112) on a fresh data directory
# under /tmp; BASE_URL=… DICOM_PORT=… uses a running one. KEEP=1 keeps the work directory; JFR=1
# profiles the one-association run.
# Needs: java 17, curl, dcmtk (storescu), awk, ss.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-20}; series=${2:-10}; instances=${3:-30}
command -v storescu >/dev/null || { echo "storescu is missing: apt-get install dcmtk" >&2; exit 1; }
source bench/server.sh
port=${DICOM_PORT:-11112}
export TCP_NODELAY=1   # dcmtk 3.6.7 waits ~90 ms per object on loopback without it

generate() {  # generate DIR: answers the number of instances
  java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
    org.neuroarchive.testing.GenerateDataset "$1" "$subjects" "$series" "$instances" 0 | awk '{ print $1 }'
}

# send DATASET ASSOCIATIONS: answers "seconds-until-queryable storescu-seconds"
send() {
  local dataset=$1 associations=$2 want t0 pids=() s sent
  want=$(( $(stats | field instances) + total ))
  mapfile -t folders < <(find "$dataset" -mindepth 1 -maxdepth 1 -type d | sort)
  t0=$(now)
  for ((a = 0; a < associations; a++)); do
    part=()
    for ((i = a; i < ${#folders[@]}; i += associations)); do part+=("${folders[$i]}"); done
    storescu -aet BENCH$a -aec NEUROARCHIVE +sd +r -q 127.0.0.1 "$port" "${part[@]}" &
    pids+=($!)
  done
  for pid in "${pids[@]}"; do wait "$pid" || { echo "storescu failed" >&2; exit 1; }; done
  sent=$(calc "$(now) - $t0")
  while :; do
    s=$(stats)
    [ "$(echo "$s" | field instances)" -ge "$want" ] && [ "$(echo "$s" | field queuedSeries)" -eq 0 ] && break
    [ "$(echo "$s" | field failedSeries)" -gt 0 ] && { echo "a series FAILED: $s" >&2; exit 1; }
    sleep 0.2
  done
  echo "$(calc "$(now) - $t0") $sent"
}

log "generating two datasets of $subjects subjects x $series series x $instances instances"
total=$(generate "$work/one")
generate "$work/two" >/dev/null
bytes=$(du -sb "$work/one" | cut -f1)
if [ -n "${JFR:-}" ] && [ -n "$server_pid" ]; then
  jcmd "$server_pid" JFR.start name=bench settings=profile filename="$work/receiver.jfr" >/dev/null
fi
read -r one one_sent < <(send "$work/one" 1)
if [ -n "${JFR:-}" ] && [ -n "$server_pid" ]; then
  jcmd "$server_pid" JFR.stop name=bench >/dev/null
  log "JFR profile of the one-association run: $work/receiver.jfr"
  jfr_report "$work/receiver.jfr"
fi
log "one association: $one s"
read -r two two_sent < <(send "$work/two" 2)
log "two associations: $two s"

echo
echo "== DICOM receiver benchmark: $total instances per run ($(calc "$bytes / 1048576") MiB), storescu on loopback"
[ -n "$startup" ] && printf '%-44s %s\n' "server start-up (build + boot + deploy)" "$startup s"
printf '%-44s %s\n' "one association: queryable after" "$one s ($(calc "$total / $one") instances/s); storescu done after $one_sent s"
printf '%-44s %s\n' "two associations: queryable after" "$two s ($(calc "$total / $two") instances/s); storescu done after $two_sent s"
if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/status" ]; then
  printf '%-44s %s\n' "server memory (pid $server_pid)" "peak RSS (VmHWM) $(( $(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status") / 1024 )) MiB"
fi
printf '%-44s %s\n' "receiver" "$(api -sf "$base/api/receiver")"
printf '%-44s %s\n' "stats after" "$(stats)"
