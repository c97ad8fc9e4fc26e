#!/usr/bin/env bash
# Shared by the benchmark scripts: helpers, and a server of our own (./mvnw -Prun on port 8080, fresh
# data directory under the work directory) unless BASE_URL names a running one. Sourced, not run.
# Sets: base, work, startup (seconds, or empty), server_pid (the java process, or empty), incoming, and
# NEUROARCHIVE_DATA_DIR when it starts the server.
# A script that starts and stops servers itself (compare.sh: one fresh server per measured run) sets
# bench_autostart=no before sourcing: then nothing is built or started here, and it calls
# build_generator, start_server DATA_DIR [COMMAND...] and stop_server as it needs.
# BENCH_DATA_DIR=DIR: the server started here uses that data directory (e.g. one bench/seed-archive.sh
# seeded) instead of a fresh one; its admin password is then NEUROARCHIVE_ADMIN_PASSWORD (required).
# Every API call logs in as admin (api, below): with a password generated for the server started here,
# or, with BASE_URL, the one in NEUROARCHIVE_ADMIN_PASSWORD (BENCH_CACERT: a CA file for an HTTPS server
# whose certificate curl would not trust otherwise).
source bench/common.sh
base=${BASE_URL:-http://127.0.0.1:8080/neuroarchive}
work=$(mktemp -d /tmp/neuroarchive-bench.XXXXXX)
launcher_pid=""   # what start_server started (./mvnw or run.sh); the java server is below it
server_pid=""
startup=""

if [ -z "${BASE_URL:-}" ] && [ -n "${BENCH_DATA_DIR:-}" ]; then
  [ -n "${NEUROARCHIVE_ADMIN_PASSWORD:-}" ] || { echo "set NEUROARCHIVE_ADMIN_PASSWORD to the admin password of $BENCH_DATA_DIR" >&2; exit 1; }
elif [ -z "${BASE_URL:-}" ]; then
  NEUROARCHIVE_ADMIN_PASSWORD=$(new_password)
  export NEUROARCHIVE_ADMIN_PASSWORD   # the fresh server's first start creates admin with it
elif [ -z "${NEUROARCHIVE_ADMIN_PASSWORD:-}" ]; then
  echo "set NEUROARCHIVE_ADMIN_PASSWORD to the password of admin on the server at $base" >&2
  exit 1
fi
(umask 077 && printf 'user = "admin:%s"\n' "$NEUROARCHIVE_ADMIN_PASSWORD" >"$work/curl.conf")
[ -n "${BENCH_CACERT:-}" ] && printf 'cacert = "%s"\n' "$BENCH_CACERT" >>"$work/curl.conf"
# api ARGS...: curl as admin; POSTs say Content-Type: application/json (state-changing calls answer 415 otherwise)
api() { curl -K "$work/curl.conf" "$@"; }
post_json() { api -H 'Content-Type: application/json' -X POST "$@"; }

stats() { api -sf "$base/api/stats"; }
# await_import ID STATUS: waits until individual import ID has STATUS; exits when it ended otherwise
await_import() {
  local s
  while :; do
    s=$(api -sf "$base/api/imports/$1" | json_field status)
    [ "$s" = "$2" ] && return
    case "$s" in parsingerror|archiveerror|cancelled|uploaderror)
      echo "import $1 ended $s: $(api -sf "$base/api/imports/$1" | head -c 600)" >&2; exit 1;;
    esac
    sleep 0.2
  done
}
field() { sed -E "s/.*\"$1\":([0-9]+).*/\1/"; }
# CPU seconds (user + system) used so far by process $1
cpu_seconds() { awk -v tck="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15) / tck }' "/proc/$1/stat"; }

# thread_cpu PID: one line per thread of PID: "tid<TAB>name<TAB>user ticks<TAB>system ticks" (the kernel's
# thread names: 15 characters at most, e.g. "C2 CompilerThre", "GC Thread#0", "Thread-3 (activ")
thread_cpu() {
  local f
  for f in /proc/"$1"/task/*/stat; do cat "$f" 2>/dev/null; echo; done | awk '
    NF { tid = $1; name = $0; sub(/^[0-9]+ \(/, "", name); sub(/\) [A-Za-z] .*$/, "", name)
         rest = $0; sub(/^.*\) /, "", rest); split(rest, f, " ")
         printf "%s\t%s\t%s\t%s\n", tid, name, f[12], f[13] }'
}

# thread_cpu_report BEFORE AFTER: the CPU seconds (user + system) the threads used between two
# thread_cpu snapshots, by kind of thread (digits of names as N; a thread that ended in between is
# missing), largest first, with the system share
thread_cpu_report() {
  awk -F '\t' -v tck="$(getconf CLK_TCK)" '
    NR == FNR { u0[$1] = $3; s0[$1] = $4; next }
    { n = $2; gsub(/[0-9]+/, "N", n); du = $3 - u0[$1]; ds = $4 - s0[$1]
      if (du < 0 || ds < 0) { du = $3; ds = $4 }   # a new thread that took the id of one that ended
      if (du + ds > 0) { cpu[n] += du + ds; sys[n] += ds; total += du + ds; tsys += ds } }
    END {
      printf "  server CPU by thread (%.1f s, %.0f %% system time; threads that ended are missing):\n", total / tck, total ? 100 * tsys / total : 0
      if (total == 0) exit
      for (n in cpu) printf "%9.2f s %5.1f %%  sys %3.0f %%  %s\n", cpu[n] / tck, 100 * cpu[n] / total, 100 * sys[n] / cpu[n], n | "sort -rn | head -14"
    }' "$1" "$2"
}

# the java process of the server: a descendant of what we started, or the one listening on BASE_URL's port
find_server_pid() {
  local pid
  if [ -n "$launcher_pid" ]; then
    for pid in $(descendants "$launcher_pid"); do
      if tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -q 'jboss-modules.jar'; then
        echo "$pid"
        return
      fi
    done
  else
    local port
    port=$(echo "$base" | sed -E 's#^[a-z]+://[^:/]+:?([0-9]*).*#\1#')
    ss -ltnpH "sport = :${port:-80}" 2>/dev/null | sed -nE 's/.*pid=([0-9]+).*/\1/p' | head -1
  fi
}

# jfr_report FILE: the threads, hottest leaf frames and hottest application frames of a JFR recording,
# then the samples by component (bench/jfr-components.awk)
jfr_report() {
  jfr print --stack-depth 128 --events jdk.ExecutionSample "$1" >"$1.txt"
  awk '
    BEGIN { depth = -1 }
    function out(title, a, n,   k, cmd) {
      print "  " title
      cmd = "sort -rn | head -" n
      for (k in a) printf "%7d  %s\n", a[k], k | cmd
      close(cmd)
    }
    /sampledThread = / { t = $0; sub(/.*sampledThread = "/, "", t); sub(/".*/, "", t); gsub(/[0-9]+/, "N", t); threads[t]++; samples++ }
    /stackTrace = \[/ { depth = 0; delete seen; next }
    /^[ \t]+\]/ { depth = -1 }
    depth >= 0 && /^[ \t]+[A-Za-z_$]/ {
      f = $0; sub(/^[ \t]+/, "", f); sub(/[ \t]+line:.*/, "", f)
      if (depth++ == 0) leaf[f]++
      if (f ~ /^org\.neuroarchive|^com\.pixelmed|^org\.h2|^org\.eclipse\.persistence|^sun\.nio\.fs|^java\.security/ && !(f in seen)) { seen[f] = 1; incl[f]++ }
    }
    END {
      printf "  %d execution samples\n", samples
      out("samples by thread:", threads, 8)
      out("hottest leaf frames (self time):", leaf, 20)
      out("hottest application/PixelMed/H2/EclipseLink/file-system frames (inclusive):", incl, 30)
    }' "$1.txt"
  jfr_components "$1.txt"
}

# jfr_components FILE: the execution samples of FILE (the text of `jfr print`) by component
jfr_components() {
  awk -f "$(dirname "${BASH_SOURCE[0]}")/jfr-components.awk" "$1"
}

stop_server() {
  [ -n "$launcher_pid" ] || return 0
  local pids pid
  pids="$(descendants "$launcher_pid") $launcher_pid"
  log "stopping the server (pids $(echo $pids))"
  # the java server first: killing standalone.sh alone would leave it running
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  for _ in $(seq 1 60); do
    [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.5
  done
  for pid in $pids; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  for pid in $pids; do kill -9 "$pid" 2>/dev/null || true; done
  launcher_pid=""
  server_pid=""
}

cleanup() {
  stop_server
  if [ -n "${KEEP:-}" ]; then log "work directory kept: $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# build_generator: the ejb module and its test classes (GenerateDataset)
build_generator() {
  log "building the dataset generator (ejb test classes)"
  ./mvnw -B -q -DskipTests -pl ejb -am package >"$work/build.log" 2>&1 || { tail -30 "$work/build.log"; exit 1; }
}

# start_server DATA_DIR [COMMAND...]: starts a server on a data directory (fresh if it does not exist)
# with COMMAND (default ./mvnw -B -q -Prun: build, provision, run) and waits until /api/stats answers.
# Sets NEUROARCHIVE_DATA_DIR, incoming, startup (seconds), server_pid; output in $work/server.out, or
# in the file named by server_out.
start_server() {
  local data=$1 out=${server_out:-$work/server.out} t0 wildfly_log boot
  shift
  [ $# -gt 0 ] || set -- ./mvnw -B -q -Prun
  if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
    echo "something already listens on 127.0.0.1:8080; stop it or set BASE_URL and INCOMING" >&2
    exit 1
  fi
  export NEUROARCHIVE_DATA_DIR="$data"
  incoming="$NEUROARCHIVE_DATA_DIR/incoming"
  log "starting $* on $([ -d "$data/db" ] && echo "the existing" || echo "a fresh") data directory $NEUROARCHIVE_DATA_DIR (output: $out)"
  t0=$(now)
  "$@" >"$out" 2>&1 &
  launcher_pid=$!
  until stats >/dev/null 2>&1; do
    sleep 0.5
    kill -0 "$launcher_pid" 2>/dev/null || { tail -50 "$out"; echo "server did not start" >&2; exit 1; }
  done
  startup=$(calc "$(now) - $t0")
  wildfly_log=$(ls -d ear/target/run-server/wildfly-*/standalone/log/server.log 2>/dev/null | head -1)
  boot=$(grep -h 'WFLYSRV0025' "${wildfly_log:-/dev/null}" 2>/dev/null | tail -1 | sed -nE 's/.*started in ([0-9]+)ms.*/\1/p')
  log "start-up ($*, until /api/stats answers): $startup s (WildFly boot ${boot:-?} ms)"
  server_pid=$(find_server_pid)
  [ -n "$server_pid" ] || log "could not find the server's java process: no memory figures"
}

if [ "${bench_autostart:-yes}" = yes ]; then
  build_generator
  if [ -z "${BASE_URL:-}" ]; then
    start_server "${BENCH_DATA_DIR:-$work/data}"
  else
    incoming=${INCOMING:-}   # the caller checks what it needs
    server_pid=$(find_server_pid)
    [ -n "$server_pid" ] || log "could not find the server's java process: no memory figures"
  fi
fi
