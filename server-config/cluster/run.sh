#!/usr/bin/env bash
# A NeuroArchive cluster on one machine, in the foreground (used by ./mvnw -Pcluster; Ctrl-C stops all
# of it): two WildFly servers with the same EAR behind HAProxy, one Artemis broker, MariaDB, and one
# shared data folder.
#   run.sh WILDFLY_HOME EAR
#
#   HAProxy    127.0.0.1:8080 (screens, API, uploads), 127.0.0.1:11112 (DICOM), 127.0.0.1:8404 (its
#              status page); server-config/haproxy/haproxy.cfg
#   node-k     WildFly with the ports of a single server + 1000 + 100·(k-1): node-1 HTTP 9080,
#              management 10990, DICOM 12112; node-2 HTTP 9180, management 11090, DICOM 12212. Its
#              server base directory (configuration, deployments, log, transaction log) is
#              ear/target/cluster/node-k; all of them run the one WildFly installation WILDFLY_HOME,
#              configured by server-config/wildfly/configure.sh and behind-balancer.cli.
#   broker     ActiveMQ Artemis at tcp://127.0.0.1:61616, created once in data-cluster/broker by
#              server-config/artemis/create-broker.sh (its generated password is in broker-password)
#   database   MariaDB at 127.0.0.1:3306, database neuroarchive_cluster (created when missing), used
#              as the user neuroarchive_cluster whose generated password is kept in
#              data-cluster/db-password (mode 600; restarts reuse it)
#   data       data-cluster/ in the project: NEUROARCHIVE_DATA_DIR of every node (incoming, claims,
#              staging, archive, problem, backup)
#
# Settings (environment; the defaults above otherwise):
#   NEUROARCHIVE_CLUSTER_NODES         number of servers, 1–4 (default 2)
#   NEUROARCHIVE_CLUSTER_PORT_OFFSET   port offset of node-1 (default 1000; node k: + 100·(k-1))
#   NEUROARCHIVE_CLUSTER_DATA_DIR      the shared data folder (default <project>/data-cluster)
#   NEUROARCHIVE_CLUSTER_BROKER_PORT   the broker's port when it is first created (default 61616)
#   NEUROARCHIVE_CLUSTER_DB_HOST, _DB_PORT, _DB_NAME   (127.0.0.1, 3306, neuroarchive_cluster)
#   NEUROARCHIVE_CLUSTER_DB_ADMIN_USER, _DB_ADMIN_PASSWORD   who creates the database and the user (root, none)
#   NEUROARCHIVE_LB_HTTP_BIND, NEUROARCHIVE_LB_DICOM_BIND, NEUROARCHIVE_LB_STATS_BIND   HAProxy's addresses
#   JAVA_OPTS                          the servers' JVM options (default -Xms256m -Xmx768m)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
wildfly_home=${1:?usage: run.sh WILDFLY_HOME EAR}
ear=${2:?usage: run.sh WILDFLY_HOME EAR}
started=$SECONDS

say() { echo "[cluster] $*"; }
fail() { echo "[cluster] $*" >&2; exit 1; }
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
secret() { python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))'; }

[ -x "$wildfly_home/bin/standalone.sh" ] || fail "$wildfly_home is not a WildFly installation (no bin/standalone.sh)"
[ -f "$ear" ] || fail "the EAR $ear does not exist: build it first (./mvnw -Pcluster does)"
nodes=${NEUROARCHIVE_CLUSTER_NODES:-2}
[[ "$nodes" =~ ^[1-4]$ ]] || fail "NEUROARCHIVE_CLUSTER_NODES must be 1 to 4 (server-config/haproxy/haproxy.cfg has four node slots), not '$nodes'"
offset0=${NEUROARCHIVE_CLUSTER_PORT_OFFSET:-1000}
[[ "$offset0" =~ ^[0-9]+$ ]] && [ "$offset0" -ge 100 ] || fail "NEUROARCHIVE_CLUSTER_PORT_OFFSET must be a number of at least 100, not '$offset0'"
[ -z "${NEUROARCHIVE_TLS_KEYSTORE:-}" ] ||
  fail "NEUROARCHIVE_TLS_KEYSTORE is set: the servers behind this HAProxy speak plain HTTP on loopback; unset it (terminate TLS in HAProxy instead, see server-config/cluster/README.md)"

haproxy=$(command -v haproxy || echo /usr/sbin/haproxy)
[ -x "$haproxy" ] || fail "HAProxy is missing: apt-get install haproxy (Debian's 2.6 is enough)"
for tool in mariadb mariadb-admin; do
  command -v "$tool" >/dev/null || fail "the MariaDB client ($tool) is missing: apt-get install mariadb-client (and mariadb-server for the database itself)"
done
for tool in curl python3 sed; do
  command -v "$tool" >/dev/null || fail "$tool is missing: apt-get install $tool"
done

data=${NEUROARCHIVE_CLUSTER_DATA_DIR:-$project/data-cluster}
mkdir -p "$data"
data=$(cd "$data" && pwd)
work=$(cd "$(dirname "$ear")" && pwd)/cluster
mkdir -p "$work"
export NEUROARCHIVE_LB_HTTP_BIND=${NEUROARCHIVE_LB_HTTP_BIND:-127.0.0.1:8080}
export NEUROARCHIVE_LB_DICOM_BIND=${NEUROARCHIVE_LB_DICOM_BIND:-127.0.0.1:11112}
export NEUROARCHIVE_LB_STATS_BIND=${NEUROARCHIVE_LB_STATS_BIND:-127.0.0.1:8404}
export NEUROARCHIVE_LB_CHECK_HOST=127.0.0.1
lb_http_port=${NEUROARCHIVE_LB_HTTP_BIND##*:}
lb_dicom_port=${NEUROARCHIVE_LB_DICOM_BIND##*:}
lb_stats_port=${NEUROARCHIVE_LB_STATS_BIND##*:}

# ---- the ports: every one this run will listen on must be free -----------------------------------
node_offset() { echo $((offset0 + 100 * ($1 - 1))); }
check_free() {  # PORT WHAT
  if listening "$1"; then
    fail "something already listens on 127.0.0.1:$1 ($2); stop it first (another NeuroArchive, or a cluster run that was killed: ps -ef | grep -e standalone -e haproxy -e artemis)"
  fi
}
check_free "$lb_http_port" "HAProxy's HTTP port"
check_free "$lb_dicom_port" "HAProxy's DICOM port"
check_free "$lb_stats_port" "HAProxy's status page"
for k in $(seq 1 "$nodes"); do
  o=$(node_offset "$k")
  for p in $((8080 + o)) $((8443 + o)) $((9990 + o)) $((4712 + o)) $((4713 + o)) $((3528 + o)) $((3529 + o)) $((11112 + o)); do
    check_free "$p" "a port of node-$k (WildFly ports + $o, DICOM $((11112 + o)))"
  done
done

# ---- HAProxy's configuration with this run's servers (checked before anything starts) -----------------
unset NEUROARCHIVE_NODE1_HTTP NEUROARCHIVE_NODE2_HTTP NEUROARCHIVE_NODE3_HTTP NEUROARCHIVE_NODE4_HTTP \
  NEUROARCHIVE_NODE1_DICOM NEUROARCHIVE_NODE2_DICOM NEUROARCHIVE_NODE3_DICOM NEUROARCHIVE_NODE4_DICOM
for k in $(seq 1 "$nodes"); do
  o=$(node_offset "$k")
  export "NEUROARCHIVE_NODE${k}_HTTP=127.0.0.1:$((8080 + o))" "NEUROARCHIVE_NODE${k}_DICOM=127.0.0.1:$((11112 + o))"
done
"$haproxy" -c -f "$project/server-config/haproxy/haproxy.cfg" >"$work/haproxy-check.log" 2>&1 || { cat "$work/haproxy-check.log" >&2; fail "server-config/haproxy/haproxy.cfg does not check (see above)"; }

# ---- database: neuroarchive_cluster and its user, as .ci/production-backends makes them ---------------
db_host=${NEUROARCHIVE_CLUSTER_DB_HOST:-127.0.0.1}
db_port=${NEUROARCHIVE_CLUSTER_DB_PORT:-3306}
db_name=${NEUROARCHIVE_CLUSTER_DB_NAME:-neuroarchive_cluster}
db_admin=${NEUROARCHIVE_CLUSTER_DB_ADMIN_USER:-root}
db_admin_password=${NEUROARCHIVE_CLUSTER_DB_ADMIN_PASSWORD:-}
[[ "$db_name" =~ ^[A-Za-z0-9_]{1,64}$ ]] || fail "NEUROARCHIVE_CLUSTER_DB_NAME must be letters, digits and _, not '$db_name'"
db_user=$db_name
sql() { MYSQL_PWD="$db_admin_password" mariadb -h "$db_host" -P "$db_port" -u "$db_admin" -N -B -e "$1"; }
if ! MYSQL_PWD="$db_admin_password" mariadb-admin -h "$db_host" -P "$db_port" -u "$db_admin" --connect-timeout=3 ping >/dev/null 2>&1; then
  fail "MariaDB does not answer at $db_host:$db_port (as $db_admin): start it (systemctl start mariadb, or: start-stop-daemon --start --background --exec /usr/sbin/mariadbd), or name another one with NEUROARCHIVE_CLUSTER_DB_HOST/_PORT/_ADMIN_USER/_ADMIN_PASSWORD"
fi
password_file=$data/db-password
if [ ! -s "$password_file" ]; then
  (umask 077 && secret >"$password_file")
  say "generated the password of the database user '$db_user' into $password_file"
fi
chmod 600 "$password_file"
db_password=$(<"$password_file")
grant_db=${db_name//_/\\_}   # in GRANT, _ matches any character
sql "CREATE DATABASE IF NOT EXISTS \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
     CREATE USER IF NOT EXISTS '$db_user'@'localhost' IDENTIFIED BY '$db_password';
     CREATE USER IF NOT EXISTS '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_password';
     ALTER USER '$db_user'@'localhost' IDENTIFIED BY '$db_password';
     ALTER USER '$db_user'@'127.0.0.1' IDENTIFIED BY '$db_password';
     GRANT ALL ON \`$grant_db\`.* TO '$db_user'@'localhost';
     GRANT ALL ON \`$grant_db\`.* TO '$db_user'@'127.0.0.1';" ||
  fail "could not create the database $db_name or its user $db_user as $db_admin (see above)"
MYSQL_PWD="$db_password" mariadb -h "$db_host" -P "$db_port" -u "$db_user" -e "SELECT 1" "$db_name" >/dev/null ||
  fail "the user $db_user cannot reach the database $db_name with the password in $password_file"

# ---- broker: created once, kept with the data (its messages are part of the cluster's state) ----------
broker_dir=$data/broker
if [ ! -x "$broker_dir/bin/artemis" ]; then
  say "creating the Artemis broker in $broker_dir"
  env -u NEUROARCHIVE_BROKER_PASSWORD NEUROARCHIVE_BROKER_HOST=127.0.0.1 NEUROARCHIVE_BROKER_USER=neuroarchive \
    NEUROARCHIVE_BROKER_PORT="${NEUROARCHIVE_CLUSTER_BROKER_PORT:-61616}" bash "$project/server-config/artemis/create-broker.sh" "$broker_dir"
fi
[ -r "$broker_dir/broker-password" ] || fail "$broker_dir/broker-password is missing: delete $broker_dir to create the broker again"
broker_port=$(sed -n 's|.*<acceptor name="artemis">tcp://[^:]*:\([0-9]*\).*|\1|p' "$broker_dir/etc/broker.xml" | head -n 1)
[[ "$broker_port" =~ ^[0-9]+$ ]] || fail "cannot find the broker's port in $broker_dir/etc/broker.xml"
check_free "$broker_port" "the broker's port"

# ---- WildFly: one installation configured once, a server base directory per node -------------------
export NEUROARCHIVE_DATA_DIR=$data
export NEUROARCHIVE_DB_URL="jdbc:mysql://$db_host:$db_port/$db_name" NEUROARCHIVE_DB_USER=$db_user NEUROARCHIVE_DB_PASSWORD=$db_password
export NEUROARCHIVE_BROKER_URL="tcp://127.0.0.1:$broker_port" NEUROARCHIVE_BROKER_USER=neuroarchive
NEUROARCHIVE_BROKER_PASSWORD=$(<"$broker_dir/broker-password")
export NEUROARCHIVE_BROKER_PASSWORD
drivers=$(dirname "$ear")/drivers
bash "$project/server-config/wildfly/configure.sh" "$wildfly_home" "$drivers/mysql-connector-j.jar" "$drivers/h2.jar"
"$wildfly_home/bin/jboss-cli.sh" --file="$here/behind-balancer.cli" >"$work/behind-balancer-cli.log" 2>&1 || {
  cat "$work/behind-balancer-cli.log" >&2
  fail "server-config/cluster/behind-balancer.cli failed (see above)"
}
for k in $(seq 1 "$nodes"); do
  base=$work/node-$k
  # configuration and deployment afresh; data/ (the transaction log: XA recovery after a crash) and log/ stay
  rm -rf "$base/configuration" "$base/deployments" "$base/tmp"
  mkdir -p "$base/deployments"
  cp -r "$wildfly_home/standalone/configuration" "$base/configuration"
  cp "$ear" "$base/deployments/neuroarchive.ear"
done

# ---- start, and stop everything on Ctrl-C or when something essential ends --------------------------
declare -A what=()      # pid -> name of what runs there
node_pids=()
broker_pid="" haproxy_pid=""
stop_pid() {  # PID SECONDS [JAVA_PID]: TERM, then KILL after SECONDS
  local pid=$1 deadline=$((SECONDS + $2)) java=${3:-}
  while kill -0 "$pid" 2>/dev/null && [ "$SECONDS" -lt "$deadline" ]; do sleep 1; done
  if kill -0 "$pid" 2>/dev/null; then
    say "${what[$pid]:-$pid} did not stop within $2 s: killing it"
    [ -n "$java" ] && kill -KILL "$java" 2>/dev/null
    kill -KILL "$pid" 2>/dev/null
  fi
  wait "$pid" 2>/dev/null
}
cleanup() {
  local status=$?
  trap '' INT TERM HUP PIPE
  set +e
  say "stopping the cluster"
  local pid k
  for pid in "${node_pids[@]}"; do kill -TERM "$pid" 2>/dev/null; done   # standalone.sh passes it on to WildFly
  for k in "${!node_pids[@]}"; do
    stop_pid "${node_pids[$k]}" 90 "$(cat "$work/node-$((k + 1)).pid" 2>/dev/null)"
  done
  [ -n "$haproxy_pid" ] && kill -TERM "$haproxy_pid" 2>/dev/null && stop_pid "$haproxy_pid" 10
  [ -n "$broker_pid" ] && kill -TERM "$broker_pid" 2>/dev/null && stop_pid "$broker_pid" 60
  say "stopped after $((SECONDS - started)) s (status $status)"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

say "starting the broker (log: $work/broker.log)"
"$broker_dir/bin/artemis" run >"$work/broker.log" 2>&1 &
broker_pid=$!
what[$broker_pid]=broker
for _ in $(seq 1 120); do
  listening "$broker_port" && break
  kill -0 "$broker_pid" 2>/dev/null || { tail -n 30 "$work/broker.log" >&2; fail "the broker did not start (log: $work/broker.log)"; }
  sleep 1
done
listening "$broker_port" || fail "the broker does not listen on $broker_port after 120 s (log: $work/broker.log)"

say "starting HAProxy on $NEUROARCHIVE_LB_HTTP_BIND (HTTP) and $NEUROARCHIVE_LB_DICOM_BIND (DICOM) (log: $work/haproxy.log)"
"$haproxy" -db -f "$project/server-config/haproxy/haproxy.cfg" >"$work/haproxy.log" 2>&1 &
haproxy_pid=$!
what[$haproxy_pid]=HAProxy

java_opts="${JAVA_OPTS:--Xms256m -Xmx768m} -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true"
start_node() {  # K: node-K in the background, its console prefixed with its name
  local k=$1 name=node-$1 o
  o=$(node_offset "$k")
  rm -f "$work/$name.pid"
  (
    export NEUROARCHIVE_TX_NODE_ID=$name NEUROARCHIVE_DICOM_PORT=$((11112 + o))
    # every association reaches the node from HAProxy's address: the per-address limit is the node's limit
    export NEUROARCHIVE_DICOM_MAX_ASSOCIATIONS_PER_ADDRESS=${NEUROARCHIVE_DICOM_MAX_ASSOCIATIONS:-20}
    export JBOSS_BASE_DIR=$work/$name JBOSS_PIDFILE=$work/$name.pid LAUNCH_JBOSS_IN_BACKGROUND=1
    export JAVA_OPTS="$java_opts -Djboss.node.name=$name -Djboss.socket.binding.port-offset=$o"
    exec "$wildfly_home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1
  ) > >(trap '' INT && exec sed -u "s/^/[$name] /") 2>&1 &   # the prefixing outlives Ctrl-C: the shutdown is shown
  node_pids+=("$!")
  what[$!]=$name
}
wait_ready() {  # URL WHAT PID: until URL answers 200, the process ends, or 15 minutes pass
  local url=$1 name=$2 pid=$3 since=$SECONDS code next=60
  while :; do
    code=$(curl -s -o "$work/health.out" -w '%{http_code}' --max-time 10 "$url" 2>/dev/null) || code=000
    [ "$code" = 200 ] && return 0
    kill -0 "$pid" 2>/dev/null || fail "$name stopped while starting (see its output above)"
    if [ $((SECONDS - since)) -ge "$next" ]; then
      say "$name: not ready after $((SECONDS - since)) s (HTTP $code $(head -c 300 "$work/health.out" 2>/dev/null))"
      next=$((next + 60))
    fi
    [ $((SECONDS - since)) -lt 900 ] || fail "$name was not ready within 15 minutes: $url answers $code"
    sleep 2
  done
}

# one after the other: the first start creates the schema and the admin account once
for k in $(seq 1 "$nodes"); do
  o=$(node_offset "$k")
  say "starting node-$k: HTTP 127.0.0.1:$((8080 + o)), DICOM $((11112 + o)), management $((9990 + o)) (log: $work/node-$k/log/server.log)"
  start_node "$k"
  wait_ready "http://127.0.0.1:$((8080 + o))/neuroarchive/api/health/ready" "node-$k" "${node_pids[$((k - 1))]}"
  say "node-$k is ready ($((SECONDS - started)) s since the start)"
done
url=http://127.0.0.1:$lb_http_port/neuroarchive
wait_ready "$url/api/health/ready" HAProxy "$haproxy_pid"

say "ready after $((SECONDS - started)) s: $nodes servers behind HAProxy"
say "  screens  $url/    API $url/api/    (HAProxy's status page: http://127.0.0.1:$lb_stats_port/)"
say "  DICOM    AE NEUROARCHIVE at 127.0.0.1:$lb_dicom_port, e.g. TCP_NODELAY=1 storescu -aec NEUROARCHIVE +sd +r 127.0.0.1 $lb_dicom_port FOLDER"
for k in $(seq 1 "$nodes"); do
  o=$(node_offset "$k")
  say "  node-$k   http://127.0.0.1:$((8080 + o))/neuroarchive/, DICOM $((11112 + o)), java pid $(cat "$work/node-$k.pid" 2>/dev/null), log $work/node-$k/log/server.log"
done
say "  data     $data (copy DICOM files into $data/incoming)"
say "  database $db_name at $db_host:$db_port, user $db_user (password in $password_file); broker tcp://127.0.0.1:$broker_port ($broker_dir)"
if [ -f "$data/initial-admin-password" ]; then
  say "log in as admin; its first password is in $data/initial-admin-password (change it, then delete the file):"
  say "  curl -u \"admin:\$(cat $data/initial-admin-password)\" $url/api/stats"
else
  say "log in as admin with the password you gave it (the first start wrote it to $data/initial-admin-password)"
fi
say "Ctrl-C stops everything"

# until Ctrl-C: a node that ends is reported and the others go on; without the broker or HAProxy, all stop
live=("${node_pids[@]}")
while :; do
  ended=""
  set +e
  wait -n -p ended "${live[@]}" "$broker_pid" "$haproxy_pid"
  status=$?
  set -e
  [ -n "$ended" ] || continue
  case "${what[$ended]}" in
    broker | HAProxy) fail "${what[$ended]} stopped (status $status; log: $work/$([ "$ended" = "$broker_pid" ] && echo broker || echo haproxy).log): stopping the cluster" ;;
  esac
  # (standalone.sh answers 0 also when its WildFly was killed: the log says why it ended)
  say "${what[$ended]} stopped (log: $work/${what[$ended]}/log/server.log); the other servers go on (Ctrl-C stops them)"
  remaining=()
  for pid in "${live[@]}"; do [ "$pid" = "$ended" ] || remaining+=("$pid"); done
  live=("${remaining[@]}")
  [ "${#live[@]}" -gt 0 ] || fail "no server is left: stopping the cluster"
done
