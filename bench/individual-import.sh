#!/usr/bin/env bash
# Benchmark of the individual import (issue 4).
#
#   bench/individual-import.sh [SUBJECTS SERIES_PER_SUBJECT INSTANCES_PER_SERIES]
#
# Defaults 4 10 50: 2,000 MR instances (256×256, 16-bit) in 40 series of 4 subjects. Two runs on one
# server: (1) a server-path import of the dataset's folder (copy into staging, read, group, match),
# then every series archived; (2) the same dataset as ONE zip uploaded over HTTP (multipart, streamed
# to staging), unpacked and parsed (these instances are archived already: its archive step measures
# the duplicate check). Reports for each step the seconds and instances/s, and the server's peak
# resident memory (VmHWM) and CPU time.
#
# By default it starts its own server (./mvnw -Prun, port 8080) on a fresh data directory under /tmp
# and stops it at the end; BASE_URL=… IMPORT_ROOT=<an allowed import root of that server> uses a
# running one. KEEP=1 keeps the work directory; JFR=1 records a JFR profile of the server-path import
# (parse and archive) and prints where its CPU went. Needs: java 17, curl, zip, python3, awk, ss.
set -euo pipefail
cd "$(dirname "$0")/.."
subjects=${1:-4}; series=${2:-10}; instances=${3:-50}
command -v zip >/dev/null || { echo "zip is missing: apt-get install zip" >&2; exit 1; }
source bench/server.sh
root=${IMPORT_ROOT:-${NEUROARCHIVE_DATA_DIR:+$NEUROARCHIVE_DATA_DIR/import}}
[ -n "$root" ] || { echo "set IMPORT_ROOT to an allowed import root of the server at BASE_URL" >&2; exit 1; }

dataset="$root/bench-$$"
log "generating $subjects subjects x $series series x $instances instances in $dataset"
read -r total _ < <(java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
  org.neuroarchive.testing.GenerateDataset "$dataset" "$subjects" "$series" "$instances" 0)
bytes=$(du -sb "$dataset" | cut -f1)
(cd "$dataset" && zip -q -r -0 "$work/dataset.zip" .)
sync

# waits until import $1 has status $2 (await_import, bench/server.sh); answers the seconds it took
await() {
  local t0
  t0=$(now)
  await_import "$1" "$2"
  calc "$(now) - $t0"
}
id_of() { json_field id; }

cpu0=""; [ -n "$server_pid" ] && cpu0=$(cpu_seconds "$server_pid")
jfr_on=""; [ -n "${JFR:-}" ] && [ -n "$server_pid" ] && jfr_on=1
[ -n "$jfr_on" ] && jcmd "$server_pid" JFR.start name=bench settings=profile filename="$work/individual.jfr" >/dev/null
t0=$(now)
id=$(post_json -sf "$base/api/imports" \
     -d "{\"sourcePath\":\"$dataset\",\"modality\":\"MR\"}" | id_of)
parse_path=$(await "$id" parsingcomplete)
t1=$(now)
post_json -sf "$base/api/imports/$id/archive" >/dev/null
archive_path=$(await "$id" archivecomplete)
[ -n "$jfr_on" ] && jcmd "$server_pid" JFR.stop name=bench >/dev/null

t2=$(now)
id2=$(api -sf -X POST "$base/api/imports" -F 'options={"modality":"MR"};type=application/json' \
      -F "file=@$work/dataset.zip;type=application/zip" | id_of)
upload=$(calc "$(now) - $t2")
parse_zip=$(await "$id2" parsingcomplete)
post_json -sf "$base/api/imports/$id2/archive" >/dev/null
archive_dup=$(await "$id2" archivecomplete)
cpu_used=""; [ -n "$server_pid" ] && cpu_used=$(calc "$(cpu_seconds "$server_pid") - $cpu0")

rate() { calc "$total / ($1 + 0.0001)"; }
echo
echo "== individual import benchmark: $subjects subjects x $series series x $instances instances"
printf '%-46s %s\n' "dataset" "$total instances, $(calc "$bytes / 1048576") MiB; zip $(calc "$(stat -c %s "$work/dataset.zip") / 1048576") MiB"
[ -n "$startup" ] && printf '%-46s %s\n' "server start-up (build + boot + deploy)" "$startup s"
printf '%-46s %s\n' "server path: copy + parse (until parsingcomplete)" "$parse_path s ($(rate "$parse_path") instances/s)"
printf '%-46s %s\n' "server path: archive all $((subjects * series)) series" "$archive_path s ($(rate "$archive_path") instances/s)"
printf '%-46s %s\n' "zip upload (HTTP, streamed to staging)" "$upload s ($(calc "$(stat -c %s "$work/dataset.zip") / ($upload + 0.0001) / 1048576") MiB/s)"
printf '%-46s %s\n' "zip: unpack + parse" "$parse_zip s ($(rate "$parse_zip") instances/s)"
printf '%-46s %s\n' "zip: archive (all duplicates)" "$archive_dup s ($(rate "$archive_dup") instances/s)"
if [ -n "$server_pid" ] && [ -r "/proc/$server_pid/status" ]; then
  printf '%-46s %s\n' "server memory (pid $server_pid)" "peak RSS (VmHWM) $(( $(awk '/VmHWM/ { print $2 }' "/proc/$server_pid/status") / 1024 )) MiB"
  printf '%-46s %s\n' "server CPU for both imports" "$cpu_used s on $(nproc) cores"
fi
printf '%-46s %s\n' "stats after" "$(stats)"
if [ -n "$jfr_on" ]; then
  log "JFR profile of the server-path import: $work/individual.jfr (KEEP=1 keeps it)"
  jfr_report "$work/individual.jfr"
fi
