#!/usr/bin/env bash
# Configures a RUNNING Payara Server 6 domain for NeuroArchive (idempotent: run it on a fresh or an
# already configured domain, then restart the domain):
#   NEUROARCHIVE_PAYARA_PASSWORD_FILE=FILE configure.sh PAYARA_HOME ADMIN_PORT MYSQL_DRIVER_JAR
# FILE is the domain's asadmin password file (AS_ADMIN_PASSWORD=...; create-domain.sh writes it), for the
# user NEUROARCHIVE_PAYARA_ADMIN_USER (default admin). What it configures:
# - MySQL Connector/J as a common library (com.mysql:mysql-connector-j, from Maven Central),
# - the JDBC pool of neuroarchive-resources.xml; the JMS connection factory and the two queues, under the
#   names the EAR's META-INF/glassfish-ejb-jar.xml maps to: on the built-in OpenMQ broker
#   (openmq-resources.xml), or, when NEUROARCHIVE_BROKER_URL (tcp://host:port), NEUROARCHIVE_BROKER_USER and
#   NEUROARCHIVE_BROKER_PASSWORD are set, on that external ActiveMQ Artemis broker (artemis-resources.xml:
#   the resource adapter artemis-ra.rar deployed as "artemis-ra", from NEUROARCHIVE_ARTEMIS_RAR, default
#   server-config/payara/artemis-ra/target/artemis-ra.rar; the password as the password alias
#   neuroarchive-broker-password). Run again in the other mode, it removes what the first one made;
#   deploy.sh reads the mode from the domain,
# - the built-in OpenMQ broker's users (broker-users.sh): OpenMQ's published admin/admin and guest/guest
#   deleted, one user "neuroarchive" whose password is NEUROARCHIVE_PAYARA_MQ_PASSWORD, or the one in the
#   broker password file NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE (default DOMAIN_DIR/DOMAIN.mq-password beside
#   the domain), or generated into it (mode 600); Payara keeps it as the password alias
#   neuroarchive-mq-password, which everything that connects to the broker uses: the jms-host's admin user
#   (asadmin's JMS commands, the broker's lifecycle), the jmsra resource adapter's user (the message-driven
#   beans' activation) and the connection factory's pool (neuroarchive-resources.xml),
# - the physical OpenMQ queues,
# - with NEUROARCHIVE_TX_NODE_ID set: the transaction service's xa-servername (the server's name in its XA
#   branches; otherwise the host's name, which two servers on one host and one database would share);
# - the application's HTTP listeners on NEUROARCHIVE_BIND_ADDRESS (default 127.0.0.1); everything else
#   (the admin listener, JMX, IIOP, OpenMQ) on 127.0.0.1 only, whatever NEUROARCHIVE_BIND_ADDRESS says,
#   and no data grid (Hazelcast),
# - no "Server" and "X-Powered-By" headers naming the server and its version,
# - the largest request body the HTTP listeners accept: the upload limit (NEUROARCHIVE_INDIVIDUAL_MAX_UPLOAD_BYTES,
#   or its old name NEUROARCHIVE_IMPORT_MAX_UPLOAD_BYTES; default 20 GiB) plus 1 MiB, or no limit of Payara's own when that exceeds what Payara can count (2 GiB);
#   the application enforces its limits itself either way,
# - with NEUROARCHIVE_TLS_KEYSTORE (PKCS12 or JKS) and NEUROARCHIVE_TLS_KEYSTORE_PASSWORD set: HTTPS on
#   http-listener-2 (port base + 81) with that key (NEUROARCHIVE_TLS_KEY_ALIAS, or its only key), the
#   password kept as a Payara password alias (not in domain.xml); plain HTTP on http-listener-1 answers
#   only with a redirect to HTTPS (port NEUROARCHIVE_HTTPS_PORT, default http-listener-2's); session
#   cookies Secure (-Dneuroarchive.http.secure-cookies=true). Without them, that is undone.
# The database URL, user and password stay ${ENV=...} expressions resolved from the environment of
# "asadmin start-domain" (NEUROARCHIVE_DB_URL, e.g. jdbc:mysql://127.0.0.1:3306/neuroarchive,
# NEUROARCHIVE_DB_USER, NEUROARCHIVE_DB_PASSWORD - all three must be set, the password may be empty),
# like every application setting (NEUROARCHIVE_DATA_DIR, NEUROARCHIVE_ADMIN_PASSWORD, ...). Note:
# "asadmin restart-domain" keeps the environment of the old server process; stop-domain and
# start-domain to change it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage="usage: NEUROARCHIVE_PAYARA_PASSWORD_FILE=FILE configure.sh PAYARA_HOME ADMIN_PORT MYSQL_DRIVER_JAR"
payara_home=${1:?$usage}
admin_port=${2:?$usage}
driver_jar=${3:?$usage}
bind=${NEUROARCHIVE_BIND_ADDRESS:-127.0.0.1}
loopback=127.0.0.1
# the transaction service's name in the XA branches it prepares (else the host's name): each server on one
# database needs its own, as NEUROARCHIVE_TX_NODE_ID gives each WildFly node its own
tx_node=${NEUROARCHIVE_TX_NODE_ID:-}
if [ -n "$tx_node" ] && ! [[ "$tx_node" =~ ^[A-Za-z0-9][A-Za-z0-9._-]{0,22}$ ]]; then
  echo "configure.sh: NEUROARCHIVE_TX_NODE_ID must be 1 to 23 letters, digits, '.', '-' or '_', not '$tx_node'" >&2
  exit 1
fi
source "$here/admin.sh"

if [ ! -f "$driver_jar" ]; then
  echo "configure.sh: the MySQL driver jar is missing: $driver_jar" >&2
  exit 1
fi
if [ -n "${NEUROARCHIVE_TLS_KEYSTORE:-}" ] && [ -z "${NEUROARCHIVE_TLS_KEYSTORE_PASSWORD:-}" ]; then
  echo "configure.sh: NEUROARCHIVE_TLS_KEYSTORE is set, so NEUROARCHIVE_TLS_KEYSTORE_PASSWORD must be set as well" >&2
  exit 1
fi

if ! query uptime >/dev/null || [ -z "$(query uptime)" ]; then
  echo "configure.sh: no Payara domain answers on admin port $admin_port with the password in $password_file;" \
       "start it first (asadmin start-domain)" >&2
  exit 1
fi
echo "[neuroarchive] configuring the Payara domain on admin port $admin_port"
domain_root=$(query __locations | head -n 1)
if [ ! -f "$domain_root/config/domain.xml" ]; then
  echo "configure.sh: cannot find the domain's directory (asadmin __locations answered '$domain_root')" >&2
  exit 1
fi

# --- JMS: the built-in OpenMQ broker, or an external Artemis broker when NEUROARCHIVE_BROKER_URL is set
artemis=""
if [ -n "${NEUROARCHIVE_BROKER_URL:-}" ]; then
  artemis=yes
  hostport=${NEUROARCHIVE_BROKER_URL#tcp://}
  broker_host=${hostport%:*}
  broker_port=${hostport##*:}
  if [[ "$NEUROARCHIVE_BROKER_URL" != tcp://* ]] || ! [[ "$broker_host" =~ ^[A-Za-z0-9.-]+$ ]] || ! [[ "$broker_port" =~ ^[0-9]+$ ]]; then
    echo "configure.sh: NEUROARCHIVE_BROKER_URL must look like tcp://host:port (the Artemis core protocol), not $NEUROARCHIVE_BROKER_URL" >&2
    exit 1
  fi
  if ! [[ "${NEUROARCHIVE_BROKER_USER:-}" =~ ^[A-Za-z0-9._@-]+$ ]] || [ -z "${NEUROARCHIVE_BROKER_PASSWORD:-}" ]; then
    echo "configure.sh: NEUROARCHIVE_BROKER_URL is set, so NEUROARCHIVE_BROKER_USER (letters, digits, . _ @ -) and NEUROARCHIVE_BROKER_PASSWORD must be set as well" >&2
    exit 1
  fi
  rar=${NEUROARCHIVE_ARTEMIS_RAR:-$here/artemis-ra/target/artemis-ra.rar}
  if [ ! -f "$rar" ]; then
    echo "configure.sh: the Artemis resource adapter is missing: $rar (build it: ./mvnw -B package -DskipTests, or set NEUROARCHIVE_ARTEMIS_RAR)" >&2
    exit 1
  fi
fi

# --- the broker's users, before anything connects to it: a user of our own, OpenMQ's defaults deleted;
# its password as a password alias (domain.xml names the alias only)
export NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE=${NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE:-$(dirname "$domain_root")/$(basename "$domain_root").mq-password}
bash "$here/broker-users.sh" "$payara_home" "$domain_root"
mq_user=neuroarchive
mq_alias=neuroarchive-mq-password
password_alias "$mq_alias" "$(sed -n 's/^imq\.imqcmd\.password=//p' "$NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE")"

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
# the Artemis resource adapter: removed (then deployed again from the current archive in Artemis mode)
if query list-applications | grep -q '^artemis-ra '; then asadmin undeploy artemis-ra >/dev/null; fi
if present list-resource-adapter-configs artemis-ra; then asadmin delete-resource-adapter-config artemis-ra >/dev/null; fi
asadmin add-resources "$here/neuroarchive-resources.xml" | grep -v '^Command' || true
if [ -n "$artemis" ]; then
  echo "[neuroarchive] JMS on the ActiveMQ Artemis broker at $broker_host:$broker_port as $NEUROARCHIVE_BROKER_USER (resource adapter artemis-ra)"
  password_alias neuroarchive-broker-password "$NEUROARCHIVE_BROKER_PASSWORD"
  asadmin deploy --type rar --name artemis-ra "$rar" >/dev/null
  resources=$(mktemp)
  sed -e "s/@BROKER_HOST@/$broker_host/" -e "s/@BROKER_PORT@/$broker_port/" -e "s/@BROKER_USER@/$NEUROARCHIVE_BROKER_USER/g" \
      "$here/artemis-resources.xml" >"$resources"
  asadmin add-resources "$resources" | grep -v '^Command' || true
  rm -f "$resources"
else
  echo "[neuroarchive] JMS on the built-in OpenMQ broker (set NEUROARCHIVE_BROKER_URL, _USER and _PASSWORD for an Artemis broker)"
  if query list-password-aliases | grep -qx neuroarchive-broker-password; then
    asadmin delete-password-alias neuroarchive-broker-password >/dev/null
  fi
  asadmin add-resources "$here/openmq-resources.xml" | grep -v '^Command' || true
fi

# --- one "set" for the rest (every asadmin call starts a JVM):
# - listeners: the application's HTTP(S) on NEUROARCHIVE_BIND_ADDRESS; administration, JMX, IIOP and the
#   broker on loopback only (remote administration: through an SSH tunnel, never a public port);
#   the built-in OpenMQ broker's port mapper follows jms-host, its dynamic-port services imq.hostname
# - no Server and X-Powered-By headers; the largest request body (Payara reads it as an int)
upload_limit=${NEUROARCHIVE_INDIVIDUAL_MAX_UPLOAD_BYTES:-${NEUROARCHIVE_IMPORT_MAX_UPLOAD_BYTES:-21474836480}}
if ! [[ "$upload_limit" =~ ^[0-9]+$ ]] || [ "$upload_limit" -lt 1 ]; then
  echo "configure.sh: NEUROARCHIVE_INDIVIDUAL_MAX_UPLOAD_BYTES must be a positive number of bytes, not '$upload_limit'" >&2
  exit 1
fi
max_post=$((upload_limit + 1048576))
[ "$max_post" -le 2147483647 ] || max_post=-1
config=configs.config.server-config
settings=()
for listener in http-listener-1 http-listener-2; do
  settings+=("$config.network-config.network-listeners.network-listener.$listener.address=$bind")
  http="$config.network-config.protocols.protocol.$listener.http"
  settings+=("$http.server-header=false" "$http.xpowered-by=false" "$http.max-post-size-bytes=$max_post")
done
settings+=("$config.network-config.network-listeners.network-listener.admin-listener.address=$loopback")
for listener in orb-listener-1 SSL SSL_MUTUALAUTH; do
  settings+=("$config.iiop-service.iiop-listener.$listener.address=$loopback")
done
settings+=("$config.admin-service.jmx-connector.system.address=$loopback"
           "$config.jms-service.jms-host.default_JMS_host.host=$loopback"
           "$config.jms-service.property.imq\\.hostname=$loopback")
# - the broker's user: for asadmin's JMS commands and the broker's lifecycle (jms-host), for the jmsra
#   resource adapter (jms-service properties user-name and password: its UserName and Password, which the
#   message-driven beans' activation takes); never OpenMQ's admin/admin or guest/guest
settings+=("$config.jms-service.jms-host.default_JMS_host.admin-user-name=$mq_user"
           "$config.jms-service.jms-host.default_JMS_host.admin-password=\${ALIAS=$mq_alias}"
           "$config.jms-service.property.user-name=$mq_user"
           "$config.jms-service.property.password=\${ALIAS=$mq_alias}")
if [ -n "$tx_node" ]; then
  settings+=("$config.transaction-service.property.xa-servername=$tx_node")
fi
asadmin set "${settings[@]}" >/dev/null

# --- physical queues of the built-in OpenMQ broker (it would create them on first use too), created with
# imqcmd through the broker's own administration service as the broker user (the first connection starts
# the broker). Not with asadmin's create-jmsdest: asadmin's JMS commands talk to the broker over JMX,
# and once the broker binds to loopback (imq.hostname, after the restart) its JMX connector no longer
# starts (README, "OpenMQ's users"), so a second run of this script failed there.
jms_port=$(query get "$config.system-property.JMS_PROVIDER_PORT.value" | sed -n 's/.*\.value=//p')
if ! [[ "$jms_port" =~ ^[0-9]+$ ]]; then
  echo "configure.sh: cannot read the broker's port (system property JMS_PROVIDER_PORT: '$jms_port')" >&2
  exit 1
fi
# imqcmd ARGS...: OpenMQ's imqcmd against the domain's broker as the broker user; stops on failure (it
# warns (A2016) that the password file is not "encoded": that encoding only obscures; mode 600 protects it)
imqcmd() {
  local out
  if ! out=$("$payara_home/mq/bin/imqcmd" "$@" -b "$loopback:$jms_port" -u "$mq_user" \
        -passfile "$NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE" -f 2>&1); then
    echo "$out" >&2
    echo "configure.sh: imqcmd $1 $2 failed (see above)" >&2
    exit 1
  fi
  printf '%s\n' "$out"
}
if [ -z "$artemis" ]; then
  queues=$(imqcmd list dst -t q | awk '{ print $1 }')
  for queue in NeuroArchiveImportSeries NeuroArchiveIndividualImport; do
    if ! grep -qx "$queue" <<<"$queues"; then
      imqcmd create dst -t q -n "$queue" >/dev/null
    fi
  done
fi
# Payara's data grid (Hazelcast) binds to all interfaces whatever its settings say; a single
# NeuroArchive server does not use it
asadmin set-hazelcast-configuration --enabled=false >/dev/null

# --- HTTPS
source "$here/tls.sh"

echo "[neuroarchive] Payara configured; restart the domain (stop-domain, start-domain) with the NEUROARCHIVE_* environment, then deploy (deploy.sh)"
