#!/usr/bin/env bash
# Creates (once) an ActiveMQ Artemis broker instance for NeuroArchive and prints how to start it.
#   server-config/artemis/create-broker.sh INSTANCE_DIR
# The broker distribution (org.apache.artemis:apache-artemis:2.56.0:tar.gz:bin) comes from Maven
# Central through the project's Maven wrapper. Loopback only by default (NEUROARCHIVE_BROKER_HOST),
# core protocol on port 61616 (NEUROARCHIVE_BROKER_PORT), login required: user NEUROARCHIVE_BROKER_USER
# (default neuroarchive) with the password in NEUROARCHIVE_BROKER_PASSWORD, or, when that is unset, a random
# one generated here, written to INSTANCE_DIR/broker-password (readable by its owner only) and printed
# once. There is no default password.
# The application's two queues are created (named jms.queue.*, as WildFly's JMS resources address them)
# with a dead-letter address, a redelivery delay and a maximum number of delivery attempts
# (NEUROARCHIVE_BROKER_MAX_DELIVERY_ATTEMPTS, default 10; with the application's own pause between
# attempts, 10 cover a database outage of about 2.5 minutes, and the application sends messages
# that ended in the dead-letter queue again after neuroarchive.import.resend-after-minutes).
#
# One broker of a replicated primary/backup pair (HA) when NEUROARCHIVE_BROKER_HA_ROLE is primary or
# backup: NEUROARCHIVE_BROKER_HA_PEER names the other broker of the pair (host:port of its core
# acceptor), NEUROARCHIVE_BROKER_CLUSTER_PASSWORD (at least 12 characters) is the password the two
# brokers use between themselves (user neuroarchive-cluster), and NEUROARCHIVE_BROKER_PASSWORD must be
# given (both brokers need the same one, so none is generated). NEUROARCHIVE_BROKER_HOST must then be
# the address clients and the peer reach (it is announced to them), not 0.0.0.0. Optional:
# NEUROARCHIVE_BROKER_PING, addresses (comma-separated) the broker pings: unreachable, it stops
# (primary) or does not take over (backup) - the only guard Artemis offers a single pair against a
# network split (split brain); see create-ha-pair.sh and the README. Queues, redelivery delay,
# delivery attempts and dead-letter address are the same on both brokers of a pair.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
instance=${1:?usage: create-broker.sh INSTANCE_DIR}
version=2.56.0
host=${NEUROARCHIVE_BROKER_HOST:-127.0.0.1}
port=${NEUROARCHIVE_BROKER_PORT:-61616}
user=${NEUROARCHIVE_BROKER_USER:-neuroarchive}
password=${NEUROARCHIVE_BROKER_PASSWORD:-}
generated=""
if [ -z "$password" ]; then
  password=$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))')
  generated=yes
elif [ "${#password}" -lt 12 ]; then
  echo "[neuroarchive] NEUROARCHIVE_BROKER_PASSWORD needs at least 12 characters" >&2
  exit 1
fi
attempts=${NEUROARCHIVE_BROKER_MAX_DELIVERY_ATTEMPTS:-10}
case "$attempts" in
  ''|*[!0-9]*|0) echo "[neuroarchive] NEUROARCHIVE_BROKER_MAX_DELIVERY_ATTEMPTS must be a positive number, not '$attempts'" >&2; exit 1 ;;
esac
role=${NEUROARCHIVE_BROKER_HA_ROLE:-}
ha_args=()
case "$role" in
  '') ;;
  primary|backup)
    peer=${NEUROARCHIVE_BROKER_HA_PEER:-}
    cluster_password=${NEUROARCHIVE_BROKER_CLUSTER_PASSWORD:-}
    if ! [[ "$peer" =~ ^[A-Za-z0-9.:_-]+:[0-9]+$ ]]; then
      echo "[neuroarchive] NEUROARCHIVE_BROKER_HA_ROLE=$role needs NEUROARCHIVE_BROKER_HA_PEER, the other broker as host:port, not '$peer'" >&2
      exit 1
    fi
    if [ "${#cluster_password}" -lt 12 ]; then
      echo "[neuroarchive] NEUROARCHIVE_BROKER_HA_ROLE=$role needs NEUROARCHIVE_BROKER_CLUSTER_PASSWORD (at least 12 characters, the same on both brokers)" >&2
      exit 1
    fi
    if [ -n "$generated" ]; then
      echo "[neuroarchive] NEUROARCHIVE_BROKER_HA_ROLE=$role needs NEUROARCHIVE_BROKER_PASSWORD: both brokers of a pair need the same one" >&2
      exit 1
    fi
    if [ "$host" = 0.0.0.0 ] || [ "$host" = "::" ]; then
      echo "[neuroarchive] a broker of a pair announces NEUROARCHIVE_BROKER_HOST to its clients and its peer: give the address they reach, not $host" >&2
      exit 1
    fi
    ha_args=(--replicated --name "neuroarchive-$role" --cluster-user neuroarchive-cluster --cluster-password "$cluster_password"
             --staticCluster "tcp://$peer")
    [ "$role" = primary ] || ha_args+=(--backup)
    [ -z "${NEUROARCHIVE_BROKER_PING:-}" ] || ha_args+=(--ping "$NEUROARCHIVE_BROKER_PING")
    ;;
  *) echo "[neuroarchive] NEUROARCHIVE_BROKER_HA_ROLE must be primary or backup (or unset for a single broker), not '$role'" >&2; exit 1 ;;
esac

if [ -x "$instance/bin/artemis" ]; then
  echo "[neuroarchive] broker instance exists: $instance (start: $instance/bin/artemis run)"
  exit 0
fi
home="$project/target/artemis/apache-artemis-$version"
if [ ! -x "$home/bin/artemis" ]; then
  echo "[neuroarchive] fetching apache-artemis $version from Maven Central"
  mkdir -p "$project/target/artemis"
  "$project/mvnw" -q -B dependency:copy -Dartifact="org.apache.artemis:apache-artemis:$version:tar.gz:bin" \
      -DoutputDirectory="$project/target/artemis"
  tar -xzf "$project/target/artemis/apache-artemis-$version-bin.tar.gz" -C "$project/target/artemis"
fi
"$home/bin/artemis" create "$instance" --silent --user "$user" --password "$password" --require-login \
  --host "$host" --http-host 127.0.0.1 --default-port "$port" --no-web \
  --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor --no-hornetq-acceptor \
  --queues jms.queue.NeuroArchiveImportSeries:anycast,jms.queue.NeuroArchiveIndividualImport:anycast ${ha_args[@]+"${ha_args[@]}"} >/dev/null
# the application's queues: failed deliveries are retried after 2 s, at most $attempts times, then go to DLQ
python3 - "$instance/etc/broker.xml" "$attempts" "$role" <<'PY'
import sys
path, attempts, role = sys.argv[1], sys.argv[2], sys.argv[3]
xml = open(path).read()
if role:
    # the HA policy that 'artemis create --replicated' wrote, made explicit:
    # primary: restarted after its backup took over, it first asks the pair for an active broker of its own
    #   node id and, finding the backup active, synchronises from it and takes over again (fail-back) instead
    #   of starting active on its stale journal; it votes before staying active without its replica (which a
    #   pair cannot outvote: see the README).
    # backup: replicates the primary's journal; active once the primary is gone; gives way to the primary
    #   again once that has caught up (allow-failback), and is then a backup again (restart-backup).
    policies = {
        "primary": "<primary>\n               <check-for-active-server>true</check-for-active-server>\n"
                   "               <vote-on-replication-failure>true</vote-on-replication-failure>\n            </primary>",
        "backup": "<backup>\n               <allow-failback>true</allow-failback>\n"
                  "               <restart-backup>true</restart-backup>\n            </backup>",
    }
    start, end = xml.index("<replication>"), xml.index("</replication>")
    xml = xml[:start] + "<replication>\n            " + policies[role] + "\n         " + xml[end:]
    if xml.count("<check-for-active-server>") != (role == "primary") or "<ha-policy>" not in xml:
        sys.exit("create-broker.sh: unexpected HA policy in " + path)
setting = """      <address-setting match="jms.queue.NeuroArchive#">
         <dead-letter-address>DLQ</dead-letter-address>
         <expiry-address>ExpiryQueue</expiry-address>
         <redelivery-delay>2000</redelivery-delay>
         <max-delivery-attempts>%s</max-delivery-attempts>
      </address-setting>
   </address-settings>""" % attempts
xml = xml.replace("   </address-settings>", setting, 1)
open(path, "w").write(xml)
PY
echo "[neuroarchive] broker created in $instance${role:+ (the $role of a replicated pair; its peer: $NEUROARCHIVE_BROKER_HA_PEER)}; start it with: $instance/bin/artemis run"
if [ -n "$role" ]; then
  exit 0  # the pair's URLs: see create-ha-pair.sh and the README
fi
if [ -n "$generated" ]; then
  (umask 077 && printf '%s\n' "$password" >"$instance/broker-password")
  chmod 600 "$instance/broker-password"
  echo "[neuroarchive] generated password of the broker user '$user' (shown once; also in $instance/broker-password, mode 600):"
  echo "    $password"
  echo "[neuroarchive] then: NEUROARCHIVE_BROKER_URL=tcp://$host:$port NEUROARCHIVE_BROKER_USER=$user NEUROARCHIVE_BROKER_PASSWORD=\$(cat $instance/broker-password) ./mvnw -Prun"
else
  echo "[neuroarchive] then: NEUROARCHIVE_BROKER_URL=tcp://$host:$port NEUROARCHIVE_BROKER_USER=$user NEUROARCHIVE_BROKER_PASSWORD=… ./mvnw -Prun"
fi
