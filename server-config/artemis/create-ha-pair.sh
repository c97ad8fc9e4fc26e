#!/usr/bin/env bash
# Creates (once) a replicated primary/backup pair of ActiveMQ Artemis brokers for NeuroArchive on this
# machine, in PAIR_DIR/primary and PAIR_DIR/backup, and prints how to start them and point WildFly at both:
#   server-config/artemis/create-ha-pair.sh PAIR_DIR
# Each broker is made by create-broker.sh (so queues, dead-letter address, redelivery delay and delivery
# attempts are the same on both): the primary on NEUROARCHIVE_BROKER_PORT (default 61616), the backup on
# NEUROARCHIVE_BROKER_BACKUP_PORT (default the primary's port + 1), both on NEUROARCHIVE_BROKER_HOST
# (default 127.0.0.1). The backup replicates the primary's journal over the brokers' cluster connection
# and becomes active when the primary is gone; the clients (WildFly with NEUROARCHIVE_BROKER_BACKUP_URL)
# follow it.
# Credentials: the application's user NEUROARCHIVE_BROKER_USER (default neuroarchive) with
# NEUROARCHIVE_BROKER_PASSWORD, and the password the brokers use between themselves,
# NEUROARCHIVE_BROKER_CLUSTER_PASSWORD; each one that is unset is generated here, written to
# PAIR_DIR/broker-password or PAIR_DIR/cluster-password (readable by the owner only) and printed once.
# On two machines, run create-broker.sh on each with NEUROARCHIVE_BROKER_HA_ROLE=primary / backup and
# NEUROARCHIVE_BROKER_HA_PEER naming the other one instead (the same passwords on both).
# Split brain: two brokers cannot outvote each other. If the link between them breaks while both run,
# the backup takes over and both are active; NEUROARCHIVE_BROKER_PING (addresses both must reach, e.g.
# the database host and the gateway) is Artemis's guard for a pair. See the README.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
pair=${1:?usage: create-ha-pair.sh PAIR_DIR}
host=${NEUROARCHIVE_BROKER_HOST:-127.0.0.1}
port=${NEUROARCHIVE_BROKER_PORT:-61616}
backup_port=${NEUROARCHIVE_BROKER_BACKUP_PORT:-$((port + 1))}
user=${NEUROARCHIVE_BROKER_USER:-neuroarchive}
for p in "$port" "$backup_port"; do
  if ! [[ "$p" =~ ^[0-9]+$ ]] || [ "$p" -lt 1 ] || [ "$p" -gt 65535 ]; then
    echo "[neuroarchive] NEUROARCHIVE_BROKER_PORT and NEUROARCHIVE_BROKER_BACKUP_PORT must be port numbers, not '$p'" >&2
    exit 1
  fi
done
if [ "$port" = "$backup_port" ]; then
  echo "[neuroarchive] the primary and the backup need ports of their own (both are $port)" >&2
  exit 1
fi
if [ -x "$pair/primary/bin/artemis" ] || [ -x "$pair/backup/bin/artemis" ]; then
  echo "[neuroarchive] broker pair exists: $pair (start: $pair/primary/bin/artemis run, then $pair/backup/bin/artemis run)"
  exit 0
fi

secret() { python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))'; }
mkdir -p "$pair"
generated=()
password=${NEUROARCHIVE_BROKER_PASSWORD:-}
if [ -z "$password" ]; then
  password=$(secret)
  (umask 077 && printf '%s\n' "$password" >"$pair/broker-password")
  generated+=("broker user '$user': $password (also in $pair/broker-password)")
fi
cluster_password=${NEUROARCHIVE_BROKER_CLUSTER_PASSWORD:-}
if [ -z "$cluster_password" ]; then
  cluster_password=$(secret)
  (umask 077 && printf '%s\n' "$cluster_password" >"$pair/cluster-password")
  generated+=("between the brokers (user neuroarchive-cluster): $cluster_password (also in $pair/cluster-password)")
fi

create() {  # create ROLE PORT PEER_PORT
  NEUROARCHIVE_BROKER_HA_ROLE=$1 NEUROARCHIVE_BROKER_PORT=$2 NEUROARCHIVE_BROKER_HA_PEER="$host:$3" \
    NEUROARCHIVE_BROKER_HOST=$host NEUROARCHIVE_BROKER_USER=$user NEUROARCHIVE_BROKER_PASSWORD=$password \
    NEUROARCHIVE_BROKER_CLUSTER_PASSWORD=$cluster_password "$here/create-broker.sh" "$pair/$1"
}
if ! create primary "$port" "$backup_port" || ! create backup "$backup_port" "$port"; then
  rm -rf "$pair/primary" "$pair/backup"
  echo "[neuroarchive] the broker pair could not be created (see above)" >&2
  exit 1
fi

echo "[neuroarchive] broker pair created in $pair: primary tcp://$host:$port, backup tcp://$host:$backup_port"
echo "[neuroarchive] start the primary first, then the backup (it replicates the primary's journal):"
echo "    $pair/primary/bin/artemis run &    $pair/backup/bin/artemis run &"
for line in ${generated[@]+"${generated[@]}"}; do
  echo "[neuroarchive] generated password (shown once) $line"
done
echo "[neuroarchive] then: NEUROARCHIVE_BROKER_URL=tcp://$host:$port NEUROARCHIVE_BROKER_BACKUP_URL=tcp://$host:$backup_port" \
  "NEUROARCHIVE_BROKER_USER=$user NEUROARCHIVE_BROKER_PASSWORD=… ./mvnw -Prun"
