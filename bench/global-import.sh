#!/usr/bin/env bash
# Benchmark of the global import (issue 3).
#
#   bench/global-import.sh [SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES [PROBLEM_PERCENT]]
#
# Defaults 20 10 30 3: 6,000 MR instances (256×256, 16-bit) in 200 series of 20 subjects, plus 3 % as
# many problem files (empty files, text files, instances truncated inside their pixel data) mixed
# into the series folders. The dataset is written next to incomingdir and dropped into it by ONE
# atomic rename, with modification times in the past (already settled); then a scan is triggered and
# the clock runs until every instance is queryable: stats `instances` and `problemFiles` reached,
# `queuedSeries` 0, and no file left in incomingdir. Reports instances/s, MB/s, the peak resident
# memory of the server (VmHWM of its java process) and, when it started the server, the start-up time.
#
# By default it builds and starts its own server (./mvnw -Prun, port 8080) on a fresh data directory
# under /tmp and stops it at the end. Environment:
#   BASE_URL=http://host:port/neuroarchive INCOMING=/its/incomingdir   use a running server instead
#   JFR=1          record a JFR profile of the server during the import; prints the hottest frames
#   KEEP=1         keep the work directory (dataset copy, server output, profile)
# With its own server it also prints the server's CPU by kind of thread (JIT compilers, GC, message-
# driven beans, scanner…) and the share of system time: the JFR samples see only Java code.
# Needs: java 17, curl, awk, ss (iproute2). Do not run it beside a Maven build: it measures the machine.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-20}; series=${2:-10}; instances=${3:-30}; problem_percent=${4:-3}
source bench/server.sh
[ -n "$incoming" ] || { echo "set INCOMING to the incomingdir of the server at BASE_URL" >&2; exit 1; }
staging="$(dirname "$incoming")/bench-drop-$$"   # same file system as incomingdir: the drop is a rename
log "generating $subjects subjects x $series series x $instances instances + $problem_percent % problem files"
t0=$(now)
read -r total problems < <(java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
  org.neuroarchive.testing.GenerateDataset "$staging/bench-$$" "$subjects" "$series" "$instances" "$problem_percent")
[ -n "${problems:-}" ] || { echo "the dataset generator failed" >&2; exit 1; }
files=$(find "$staging" -type f | wc -l)
bytes=$(du -sb "$staging" | cut -f1)
log "generated $files files ($total instances, $problems problem files, $(calc "$bytes / 1048576") MiB) in $(calc "$(now) - $t0") s"
find "$staging" -exec touch -d '-1 minute' {} +
sync

before=$(stats)
want_instances=$(( $(echo "$before" | field instances) + total ))
want_problems=$(( $(echo "$before" | field problemFiles) + problems ))
rss_before=""
[ -n "$server_pid" ] && rss_before=$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")
if [ -n "${JFR:-}" ] && [ -n "$server_pid" ]; then
  jcmd "$server_pid" JFR.start name=bench settings=profile filename="$work/import.jfr" >/dev/null
fi

mkdir -p "$incoming"
cpu_before=""
if [ -n "$server_pid" ]; then
  cpu_before=$(cpu_seconds "$server_pid")
  thread_cpu "$server_pid" >"$work/threads.before" || true   # a diagnosis: never fails the benchmark
fi
t0=$(now)
mv "$staging/bench-$$" "$incoming/"          # ONE atomic rename: the whole dataset appears at once
rmdir "$staging"
post_json -sf "$base/api/incoming/scan" >/dev/null
claimed_at=""
last_report=0
# the stats call costs the server a few COUNT queries: ask only when the files say the end is near
# (incomingdir and incoming.claimed empty), and every 10 s for a progress line
while :; do
  sleep 0.2
  elapsed=$(calc "$(now) - $t0")
  if [ -z "$claimed_at" ] && [ -z "$(find "$incoming" -type f -print -quit)" ]; then
    claimed_at=$elapsed
  fi
  report=""
  [ "${elapsed%.*}" -ge $((last_report + 10)) ] && report=yes
  if [ -n "$claimed_at" ] && [ -z "$(find "${incoming%/}.claimed" -type f -print -quit 2>/dev/null)" ] || [ -n "$report" ]; then
    s=$(stats) || { echo "stats did not answer" >&2; exit 1; }
    if [ "$(echo "$s" | field instances)" -ge "$want_instances" ] && [ "$(echo "$s" | field problemFiles)" -ge "$want_problems" ] \
       && [ "$(echo "$s" | field queuedSeries)" -eq 0 ] && [ -n "$claimed_at" ]; then
      break
    fi
    if [ "$(echo "$s" | field failedSeries)" -gt 0 ]; then echo "a series FAILED: $s" >&2; exit 1; fi
    if [ -n "$report" ]; then
      last_report=${elapsed%.*}
      log "t=${elapsed}s instances=$(( $(echo "$s" | field instances) - want_instances + total ))/$total" \
          "queuedSeries=$(echo "$s" | field queuedSeries) incomingdir $([ -n "$claimed_at" ] && echo empty || echo "not empty")"
    fi
  fi
  if [ "${elapsed%.*}" -ge 3600 ]; then echo "not done after an hour: $(stats)" >&2; exit 1; fi
done
elapsed=$(calc "$(now) - $t0")
cpu_used=""
if [ -n "$server_pid" ]; then
  cpu_used=$(calc "$(cpu_seconds "$server_pid") - $cpu_before")
  thread_cpu "$server_pid" >"$work/threads.after" || true
fi
after=$(stats)

if [ -n "${JFR:-}" ] && [ -n "$server_pid" ]; then
  jcmd "$server_pid" JFR.stop name=bench >/dev/null
  log "JFR profile of the import: $work/import.jfr (KEEP=1 keeps it)"
  jfr_report "$work/import.jfr"
fi

echo
echo "== global import benchmark: $subjects subjects x $series series x $instances instances, $problem_percent % problem files"
printf '%-44s %s\n' "files dropped (one rename)" "$files ($total instances + $problems problem files)"
printf '%-44s %s\n' "bytes dropped" "$bytes ($(calc "$bytes / 1048576") MiB)"
[ -n "$startup" ] && printf '%-44s %s\n' "server start-up (build + boot + deploy)" "$startup s"
printf '%-44s %s\n' "incomingdir emptied (scan + claims) after" "$claimed_at s"
printf '%-44s %s\n' "every instance queryable after" "$elapsed s"
printf '%-44s %s\n' "throughput" "$(calc "$total / $elapsed") instances/s, $(calc "$files / $elapsed") files/s, $(calc "$bytes / $elapsed / 1048576") MiB/s"
if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/status" ]; then
  hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status")
  rss=$(awk '/VmRSS/ { print $2 }' "/proc/$server_pid/status")
  printf '%-44s %s\n' "server memory (pid $server_pid)" "peak RSS (VmHWM) $((hwm / 1024)) MiB; RSS before $((${rss_before:-0} / 1024)) MiB, after $((rss / 1024)) MiB"
  printf '%-44s %s\n' "server CPU during the import" "$cpu_used s on $(nproc) cores ($(calc "$cpu_used / $elapsed / $(nproc) * 100") % of the machine), $(calc "$cpu_used * 1000 / $total") ms per instance"
  printf '%-44s %s\n' "server JVM" "$(tr '\0' ' ' <"/proc/$server_pid/cmdline" | grep -oE -- '-Xm[sx][0-9]+[kmgKMG]' | tr '\n' ' ')"
fi
if [ -n "$server_pid" ]; then thread_cpu_report "$work/threads.before" "$work/threads.after" || true; fi
printf '%-44s %s\n' "stats before" "$before"
printf '%-44s %s\n' "stats after" "$after"
