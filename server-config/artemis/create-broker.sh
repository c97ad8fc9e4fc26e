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
  --queues jms.queue.NeuroArchiveImportSeries:anycast,jms.queue.NeuroArchiveIndividualImport:anycast >/dev/null
# the application's queues: failed deliveries are retried after 2 s, at most $attempts times, then go to DLQ
python3 - "$instance/etc/broker.xml" "$attempts" <<'PY'
import sys
path, attempts = sys.argv[1], sys.argv[2]
xml = open(path).read()
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
echo "[neuroarchive] broker created in $instance; start it with: $instance/bin/artemis run"
if [ -n "$generated" ]; then
  (umask 077 && printf '%s\n' "$password" >"$instance/broker-password")
  chmod 600 "$instance/broker-password"
  echo "[neuroarchive] generated password of the broker user '$user' (shown once; also in $instance/broker-password, mode 600):"
  echo "    $password"
  echo "[neuroarchive] then: NEUROARCHIVE_BROKER_URL=tcp://$host:$port NEUROARCHIVE_BROKER_USER=$user NEUROARCHIVE_BROKER_PASSWORD=\$(cat $instance/broker-password) ./mvnw -Prun"
else
  echo "[neuroarchive] then: NEUROARCHIVE_BROKER_URL=tcp://$host:$port NEUROARCHIVE_BROKER_USER=$user NEUROARCHIVE_BROKER_PASSWORD=… ./mvnw -Prun"
fi
