#!/usr/bin/env bash
# Latency of the global import with default settings (issue 14): from the last byte of a series
# written into incomingdir to every instance of it queryable through the API.
#
#   bench/latency.sh [SERIES [INSTANCES_PER_SERIES [GAP_SECONDS]]]
#
# Defaults 40 30 3: 40 MR series of 30 instances (256×256, 16-bit) are generated beside incomingdir,
# then copied into it one series at a time, like a scanner or a person would (cp, so every file is
# written in place and becomes settled only after the settle time), a new series every GAP_SECONDS
# plus a random part of a second, so the series arrive at every phase of the scan timer. A poller asks
# /api/stats five times a second; series k counts as queryable when the archive holds k complete
# series more than before (the import keeps no order between series, so this is the time by which k
# series were queryable, which is what a person waiting for "their" series sees on average). Prints
# every latency, their median, 95th percentile and maximum.
#
# Server: as the other benchmarks (bench/server.sh): its own ./mvnw -Prun on a fresh data directory,
# or BASE_URL=… INCOMING=… for a running one. The server's settings are left at their defaults.
# Needs: java 17, curl, awk, python3.
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-40}; instances=${2:-30}; gap=${3:-3}
source bench/server.sh
[ -n "$incoming" ] || { echo "set INCOMING to the incomingdir of the server at BASE_URL" >&2; exit 1; }
source_dir="$(dirname "$incoming")/latency-$$"
log "generating $count series x $instances instances in $source_dir"
read -r total _ < <(java -cp "ejb/target/test-classes:ejb/target/classes:/usr/share/java/pixelmed.jar" \
  org.neuroarchive.testing.GenerateDataset "$source_dir" 1 "$count" "$instances" 0)
[ "$total" -eq $((count * instances)) ] || { echo "the dataset generator failed" >&2; exit 1; }
mapfile -t series_dirs < <(find "$source_dir" -mindepth 1 -maxdepth 1 -type d | sort)
base_instances=$(stats | field instances)

# poller: the time at which the archive held k more complete series, for k = 1..count
(
  k=0
  while [ "$k" -lt "$count" ]; do
    n=$(( ($(stats | field instances) - base_instances) / instances ))
    t=$(now)
    while [ "$k" -lt "$n" ]; do k=$((k + 1)); echo "$k $t"; done
    sleep 0.2
  done
) >"$work/queryable" &
poller=$!

mkdir -p "$incoming/latency-$$"
: >"$work/written"
for i in "${!series_dirs[@]}"; do
  cp -r "${series_dirs[$i]}" "$incoming/latency-$$/"
  echo "$((i + 1)) $(now)" >>"$work/written"       # the last byte of series i+1 is written
  sleep "$(awk -v g="$gap" -v r="$RANDOM" 'BEGIN { printf "%.2f", g + r / 32768 }')"
done
log "all $count series written; waiting until every one is queryable"
for _ in $(seq 1 1200); do
  kill -0 "$poller" 2>/dev/null || break
  sleep 0.5
done
kill "$poller" 2>/dev/null && { echo "not every series became queryable within 10 minutes" >&2; exit 1; }
rm -rf "$source_dir"

python3 - "$work/written" "$work/queryable" "$count" "$instances" <<'PY'
import sys, statistics
written = dict(l.split() for l in open(sys.argv[1]))
queryable = dict(l.split() for l in open(sys.argv[2]))
lat = sorted(float(queryable[k]) - float(written[k]) for k in written)
p95 = lat[max(0, int(round(0.95 * len(lat))) - 1)]
print()
print(f"== latency of the global import, default settings: {sys.argv[3]} series of {sys.argv[4]} instances, written one by one")
print("latencies (s):", " ".join(f"{x:.1f}" for x in lat))
print(f"median {statistics.median(lat):.1f} s, p95 {p95:.1f} s, max {lat[-1]:.1f} s  (goal: p95 <= 15 s)")
PY
