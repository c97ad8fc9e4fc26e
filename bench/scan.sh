#!/usr/bin/env bash
# A scan of a large backlog (issue 14: "a scan of 100,000 waiting files returns in <= 10 s and holds
# memory bounded").
#
#   bench/scan.sh [FILES [UNIQUE_FILES]]        (defaults 100000 2000)
#
# Writes UNIQUE_FILES real DICOM files (the test dataset generator: 256x256 MR, 50 per series) and
# hard-links them FILES / UNIQUE_FILES times over, each copy in folders of its own, into a folder next
# to incomingdir (modification times one minute in the past: settled); drops that folder into incomingdir
# by ONE rename and asks for ONE scan (POST /api/incoming/scan). The copies of a series share its
# SOPInstanceUIDs: the scan groups them as one series per chunk, the archive files the first copy and
# settles the others as duplicates (this benchmark is about the scan, not the archive).
# Measures: the time until incomingdir holds no file (every file read and claimed by the scan asked for
# and the calls that follow it: a call takes at most neuroarchive.import.chunk-size files per round and
# starts no round after 2.5 s, then the next call follows within a second), the longest scan call (the
# server log's "this call took" lines), the rounds'
# own times (GET /api/scans: scanMillis of each scan row, and the server log's "scan of incomingdir"
# lines), and the server's memory before and after: heap (jcmd GC.heap_info), RSS and peak RSS (VmHWM).
# Then waits until the archive has settled every claimed series (queuedSeries 0), up to WAIT_ARCHIVE
# seconds (default 900; 0: do not wait), and reports the memory again.
# By default it builds and starts its own server (./mvnw -Prun, port 8080, fresh data directory) like
# the other bench scripts (bench/server.sh); hold /tmp/na-bench.lock around it:
#   flock /tmp/na-bench.lock bench/scan.sh
# Environment: BASE_URL, INCOMING (a running server, see bench/server.sh; WILDFLY_LOG its server log),
# JFR=1 (profile the scan),
# KEEP=1 (keep the work directory).
# Needs: java 17 (jcmd), curl, awk, ss.
set -euo pipefail
cd "$(dirname "$0")/.."
files=${1:-100000}
unique=${2:-2000}
per_series=50
source bench/server.sh
[ -n "$incoming" ] || { echo "set INCOMING to the incomingdir of the server at BASE_URL" >&2; exit 1; }
copies=$(( (files + unique - 1) / unique ))
staging="$(dirname "$incoming")/bench-scan-$$"
log "generating $unique DICOM files ($((unique / per_series)) series of $per_series) and $copies hard-linked copies of them"
t0=$(now)
java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
  org.neuroarchive.testing.GenerateDataset "$work/unique" 1 $((unique / per_series)) "$per_series" 0 >/dev/null
made=0
for copy in $(seq 1 "$copies"); do
  [ "$made" -lt "$files" ] || break
  for series in "$work"/unique/*/; do
    [ "$made" -lt "$files" ] || break
    target="$staging/scan-$$/copy$copy/$(basename "$series")"
    mkdir -p "$target"
    want=$(( files - made < per_series ? files - made : per_series ))
    find "$series" -maxdepth 1 -type f | head -n "$want" | xargs ln -t "$target"
    made=$((made + want))
  done
done
find "$staging" -exec touch -h -d '-1 minute' {} +
dropped=$(find "$staging" -type f | wc -l)
log "$dropped files in $(find "$staging" -mindepth 3 -type d | wc -l) folders, written in $(calc "$(now) - $t0") s"

heap() {  # used heap after a full GC, and the committed heap, in MiB
  [ -n "$server_pid" ] || { echo "?"; return; }
  jcmd "$server_pid" GC.run >/dev/null 2>&1 || true
  jcmd "$server_pid" GC.heap_info 2>/dev/null | awk '/garbage-first heap|def new generation|PSYoungGen|total/ && /used/ {
      for (i = 1; i <= NF; i++) { if ($i == "total") t = $(i + 1); if ($i == "used") u = $(i + 1) }
      gsub(/[^0-9]/, "", t); gsub(/[^0-9]/, "", u); printf "used %d MiB of %d MiB committed", u / 1024, t / 1024; exit }'
}
memory() {
  [ -n "$server_pid" ] || { echo "?"; return; }
  awk '/VmRSS|VmHWM/ { printf "%s %d MiB ", $1, $2 / 1024 }' "/proc/$server_pid/status"
}
last_scan_id=$(api -sf "$base/api/scans?limit=1" | sed -nE 's/^\[\{"id":([0-9]+).*/\1/p')
heap_before=$(heap); mem_before=$(memory)
log "server before: heap $heap_before; $mem_before"
if [ -n "${JFR:-}" ] && [ -n "$server_pid" ]; then
  jcmd "$server_pid" JFR.start name=scan settings=profile filename="$work/scan.jfr" >/dev/null
fi
wildfly_log=${WILDFLY_LOG:-$work/server.out}   # the server started here logs there; WILDFLY_LOG: a running server's log
log_lines_before=0
[ -n "${wildfly_log:-}" ] && [ -f "$wildfly_log" ] && log_lines_before=$(wc -l <"$wildfly_log")

t0=$(now)
mv "$staging/scan-$$" "$incoming/"
rmdir "$staging"
post_json -sf "$base/api/incoming/scan" >/dev/null
peak_rss=0
while [ -n "$(find "$incoming" -type f -print -quit)" ]; do
  sleep 0.2
  [ "$(calc "$(now) - $t0" | cut -d. -f1)" -lt 1800 ] || { echo "incomingdir not empty after 30 minutes" >&2; exit 1; }
done
claimed=$(calc "$(now) - $t0")
if [ -n "${JFR:-}" ] && [ -n "$server_pid" ]; then
  jcmd "$server_pid" JFR.stop name=scan >/dev/null
  log "JFR profile of the scan: $work/scan.jfr (KEEP=1 keeps it)"
  jfr_report "$work/scan.jfr"
fi
mem_claimed=$(memory)
heap_claimed=$(heap)
scans=$(api -sf "$base/api/scans?limit=100")
rounds=$(echo "$scans" | python3 -c '
import json, sys
last = int(sys.argv[1] or 0)
rows = sorted((r for r in json.load(sys.stdin) if r["id"] > last), key=lambda r: r["id"])
print(" ".join("%d:%d/%d" % (r["id"], r["scanMillis"], r["filesRead"]) for r in rows))
print(sum(r["scanMillis"] for r in rows), sum(r["filesRead"] for r in rows), len(rows))' "${last_scan_id:-0}")
rounds_detail=$(echo "$rounds" | head -1)
read -r rounds_ms rounds_files rounds_count < <(echo "$rounds" | tail -1)

archived_after=""
if [ "${WAIT_ARCHIVE:-900}" -gt 0 ]; then
  log "waiting for the archive to settle the claimed series (up to ${WAIT_ARCHIVE:-900} s)"
  until [ "$(stats | field queuedSeries)" -eq 0 ]; do
    sleep 2
    [ "$(calc "$(now) - $t0" | cut -d. -f1)" -lt "${WAIT_ARCHIVE:-900}" ] || { log "archive not settled after ${WAIT_ARCHIVE:-900} s"; break; }
  done
  archived_after=$(calc "$(now) - $t0")
fi

echo
echo "== scan benchmark: $dropped files ($unique unique DICOM files x $copies copies) dropped by one rename, one scan asked for"
printf '%-44s %s\n' "incomingdir empty (all read and claimed) after" "$claimed s"
printf '%-44s %s\n' "scan rows (id:ms/files)" "$rounds_detail"
printf '%-44s %s\n' "scan rows: rounds, files, sum of their times" "$rounds_count rounds, $rounds_files files, $(calc "$rounds_ms / 1000") s"
[ -n "$archived_after" ] && printf '%-44s %s\n' "claimed series settled by the archive after" "$archived_after s"
printf '%-44s %s\n' "server heap before / claimed / end" "$heap_before / $heap_claimed / $(heap)"
printf '%-44s %s\n' "server memory before / claimed / end" "$mem_before / $mem_claimed / $(memory)"
if [ -n "${wildfly_log:-}" ] && [ -f "$wildfly_log" ]; then
  calls=$(tail -n +"$((log_lines_before + 1))" "$wildfly_log" | sed -nE 's/.*this call took ([0-9]+) round\(s\), ([0-9]+) ms.*/\2/p')
  [ -n "$calls" ] && printf '%-44s %s\n' "scan calls of several rounds: count, longest" \
    "$(echo "$calls" | wc -l) calls, longest $(echo "$calls" | sort -n | tail -1) ms (the goal: a scan returns in <= 10 s)"
  echo "server log, scan lines of this run:"
  tail -n +"$((log_lines_before + 1))" "$wildfly_log" | grep -E 'scan of incomingdir' | sed -E 's/^.*(scan of incomingdir)/  \1/' | head -50
fi
