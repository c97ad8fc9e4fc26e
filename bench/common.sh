#!/usr/bin/env bash
# Helpers shared by the benchmark scripts (sourced by bench/server.sh and bench/cluster.sh, from the
# project's root). Sourced, not run.
log() { echo "[bench] $*"; }
now() { date +%s.%N; }
calc() { awk "BEGIN { printf \"%.1f\", $1 }"; }
# json_field NAME: the field NAME of the JSON object on stdin
json_field() { python3 -c 'import json, sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
# new_password: 24 random letters and digits (a fresh server's first admin password)
new_password() { python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))'; }
# descendants PID: every process below PID, deepest last
descendants() {
  local child
  for child in $(ps -o pid= --ppid "$1" 2>/dev/null); do
    echo "$child"
    descendants "$child"
  done
}
