#!/usr/bin/env bash
# Configures a RUNNING Payara Server 6 domain for NeuroArchive (idempotent: run it on a fresh or an
# already configured domain, then restart the domain):
#   configure.sh PAYARA_HOME ADMIN_PORT MYSQL_DRIVER_JAR
# - MySQL Connector/J as a common library (com.mysql:mysql-connector-j, from Maven Central),
# - the JDBC pool, the JMS connection factory and the two queues of neuroarchive-resources.xml
#   (the built-in OpenMQ broker), under the names the EAR's META-INF/glassfish-ejb-jar.xml maps to,
# - the physical OpenMQ queues,
# - every listener on NEUROARCHIVE_BIND_ADDRESS (default 127.0.0.1) instead of all interfaces, and
#   no data grid (Hazelcast).
# The database URL, user and password stay ${ENV=...} expressions resolved from the environment of
# "asadmin start-domain" (NEUROARCHIVE_DB_URL, e.g. jdbc:mysql://127.0.0.1:3306/neuroarchive,
# NEUROARCHIVE_DB_USER, NEUROARCHIVE_DB_PASSWORD - all three must be set, the password may be empty),
# like every application setting (NEUROARCHIVE_DATA_DIR, ...). Note: "asadmin restart-domain" keeps
# the environment of the old server process; stop-domain and start-domain to change it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
payara_home=${1:?usage: configure.sh PAYARA_HOME ADMIN_PORT MYSQL_DRIVER_JAR}
admin_port=${2:?usage: configure.sh PAYARA_HOME ADMIN_PORT MYSQL_DRIVER_JAR}
driver_jar=${3:?usage: configure.sh PAYARA_HOME ADMIN_PORT MYSQL_DRIVER_JAR}
bind=${NEUROARCHIVE_BIND_ADDRESS:-127.0.0.1}

if [ ! -x "$payara_home/bin/asadmin" ]; then
  echo "configure.sh: $payara_home is not a Payara Server installation (no bin/asadmin)" >&2
  exit 1
fi
if [ ! -f "$driver_jar" ]; then
  echo "configure.sh: the MySQL driver jar is missing: $driver_jar" >&2
  exit 1
fi

# Runs one asadmin command; on failure prints its output and stops.
asadmin() {
  local out
  if ! out=$("$payara_home/bin/asadmin" --host 127.0.0.1 --port "$admin_port" --interactive=false "$@" 2>&1); then
    echo "$out" >&2
    echo "configure.sh: asadmin $1 failed (see above)" >&2
    exit 1
  fi
  printf '%s\n' "$out"
}
# Output of a read-only asadmin command, empty when it fails.
query() {
  "$payara_home/bin/asadmin" --host 127.0.0.1 --port "$admin_port" --interactive=false "$@" 2>/dev/null || true
}

if ! query uptime >/dev/null || [ -z "$(query uptime)" ]; then
  echo "configure.sh: no Payara domain answers on admin port $admin_port; start it first (asadmin start-domain)" >&2
  exit 1
fi
echo "[neuroarchive] configuring the Payara domain on admin port $admin_port"

# --- MySQL Connector/J for the common class loader (used after the next restart)
if ! query list-libraries --type common | grep -qx "$(basename "$driver_jar")"; then
  asadmin add-library --type common "$driver_jar" >/dev/null
fi

# --- the resources of neuroarchive-resources.xml: removed when present, then added again, so that a
# changed file takes effect (resources before the pools they use)
# present COMMAND NAME: whether the listing of the (unquoted, possibly multi-word) COMMAND has a line NAME
present() { query $1 | grep -qx "$2"; }
if present list-jdbc-resources jdbc/NeuroArchiveDS; then asadmin delete-jdbc-resource jdbc/NeuroArchiveDS >/dev/null; fi
if present list-jdbc-connection-pools NeuroArchivePool; then asadmin delete-jdbc-connection-pool NeuroArchivePool >/dev/null; fi
if present list-connector-resources jms/neuroarchive/ConnectionFactory; then
  asadmin delete-connector-resource jms/neuroarchive/ConnectionFactory >/dev/null
fi
if present list-connector-connection-pools NeuroArchiveJmsPool; then
  asadmin delete-connector-connection-pool NeuroArchiveJmsPool >/dev/null
fi
for jndi in jms/neuroarchive/ImportSeriesQueue jms/neuroarchive/IndividualImportQueue; do
  if present list-admin-objects "$jndi"; then asadmin delete-admin-object "$jndi" >/dev/null; fi
done
asadmin add-resources "$here/neuroarchive-resources.xml" | grep -v '^Command' || true

# --- physical queues of the built-in OpenMQ broker (it would create them on first use too)
for queue in NeuroArchiveImportSeries NeuroArchiveIndividualImport; do
  if ! present "list-jmsdest --desttype queue" "$queue"; then
    asadmin create-jmsdest --desttype queue "$queue" >/dev/null
  fi
done

# --- listeners on the loopback interface only (other servers may run beside this one)
config=configs.config.server-config
for listener in http-listener-1 http-listener-2 admin-listener; do
  asadmin set "$config.network-config.network-listeners.network-listener.$listener.address=$bind" >/dev/null
done
for listener in orb-listener-1 SSL SSL_MUTUALAUTH; do
  asadmin set "$config.iiop-service.iiop-listener.$listener.address=$bind" >/dev/null
done
asadmin set "$config.admin-service.jmx-connector.system.address=$bind" >/dev/null
# the built-in OpenMQ broker: its port mapper (jms-host) and its dynamic-port services (imq.hostname)
asadmin set "$config.jms-service.jms-host.default_JMS_host.host=$bind" >/dev/null
asadmin set "$config.jms-service.property.imq\\.hostname=$bind" >/dev/null
# Payara's data grid (Hazelcast) binds to all interfaces whatever its settings say; a single
# NeuroArchive server does not use it
asadmin set-hazelcast-configuration --enabled=false >/dev/null

echo "[neuroarchive] Payara configured; restart the domain (stop-domain, start-domain) with the NEUROARCHIVE_* environment, then deploy (deploy.sh)"
