#!/usr/bin/env bash
# Applies neuroarchive.cli to a stopped WildFly installation; with NEUROARCHIVE_DB_URL set, also
# mysql.cli (MySQL/MariaDB instead of H2); with NEUROARCHIVE_BROKER_URL set, also remote-artemis.cli
# (an external Artemis broker instead of the in-VM one); with NEUROARCHIVE_CONFIG_FILE naming a
# .properties file, its keys become a MicroProfile Config source of the server (ordinal 250: above the
# application's defaults, below environment variables and system properties).
# Usage: configure.sh WILDFLY_HOME [MYSQL_DRIVER_JAR]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wildfly_home=${1:?usage: configure.sh WILDFLY_HOME [MYSQL_DRIVER_JAR]}
driver_jar=${2:-}
if [ ! -x "$wildfly_home/bin/jboss-cli.sh" ]; then
  echo "configure.sh: $wildfly_home is not a WildFly installation (no bin/jboss-cli.sh)" >&2
  exit 1
fi
# Every run starts from WildFly's own standalone-full.xml (kept aside the first time), so that
# switching between H2 / in-VM Artemis and MySQL / an external broker leaves nothing of the other.
config="$wildfly_home/standalone/configuration/standalone-full.xml"
if [ -f "$config.pristine" ]; then
  cp "$config.pristine" "$config"
else
  cp "$config" "$config.pristine"
fi
rm -rf "$wildfly_home/modules/com/mysql"

echo "[neuroarchive] configuring $wildfly_home with server-config/wildfly/neuroarchive.cli"
"$wildfly_home/bin/jboss-cli.sh" --file="$here/neuroarchive.cli" >"$wildfly_home/neuroarchive-cli.log" 2>&1 || {
  cat "$wildfly_home/neuroarchive-cli.log" >&2
  echo "configure.sh: the WildFly configuration failed (see above)" >&2
  exit 1
}

if [ -n "${NEUROARCHIVE_DB_URL:-}" ]; then
  if [ -z "$driver_jar" ] || [ ! -f "$driver_jar" ]; then
    echo "configure.sh: NEUROARCHIVE_DB_URL is set but the MySQL driver jar is missing: ${driver_jar:-(not given)}" >&2
    exit 1
  fi
  echo "[neuroarchive] using the database at $NEUROARCHIVE_DB_URL (server-config/wildfly/mysql.cli)"
  properties=$(mktemp)
  trap 'rm -f "$properties"' EXIT
  echo "mysql.driver.jar=$driver_jar" >"$properties"
  "$wildfly_home/bin/jboss-cli.sh" --properties="$properties" --file="$here/mysql.cli" >"$wildfly_home/neuroarchive-mysql-cli.log" 2>&1 || {
    cat "$wildfly_home/neuroarchive-mysql-cli.log" >&2
    echo "configure.sh: the MySQL configuration failed (see above)" >&2
    exit 1
  }
  if [ -n "${NEUROARCHIVE_DB_PASSWORD:-}" ]; then  # WildFly refuses an empty password attribute
    "$wildfly_home/bin/jboss-cli.sh" --commands='embed-server --server-config=standalone-full.xml --std-out=discard,/subsystem=datasources/xa-data-source=NeuroArchiveXADS:write-attribute(name=password,value="${env.NEUROARCHIVE_DB_PASSWORD}"),/subsystem=datasources/xa-data-source=NeuroArchiveXADS:write-attribute(name=recovery-password,value="${env.NEUROARCHIVE_DB_PASSWORD}"),stop-embedded-server' \
      >>"$wildfly_home/neuroarchive-mysql-cli.log" 2>&1 || { cat "$wildfly_home/neuroarchive-mysql-cli.log" >&2; exit 1; }
  fi
fi

if [ -n "${NEUROARCHIVE_BROKER_URL:-}" ]; then
  # tcp://host:port (the Artemis core protocol)
  hostport=${NEUROARCHIVE_BROKER_URL#*://}
  hostport=${hostport%%[/?]*}
  broker_host=${hostport%:*}
  broker_port=${hostport##*:}
  if [ -z "$broker_host" ] || ! [[ "$broker_port" =~ ^[0-9]+$ ]]; then
    echo "configure.sh: NEUROARCHIVE_BROKER_URL must look like tcp://host:port, not $NEUROARCHIVE_BROKER_URL" >&2
    exit 1
  fi
  echo "[neuroarchive] using the Artemis broker at $broker_host:$broker_port (server-config/wildfly/remote-artemis.cli)"
  # the CLI does not resolve properties inside operations: put host and port into a copy of the script
  broker_cli=$(mktemp --suffix=.cli)
  sed -e "s|\${broker.host}|$broker_host|g" -e "s|\${broker.port}|$broker_port|g" "$here/remote-artemis.cli" >"$broker_cli"
  "$wildfly_home/bin/jboss-cli.sh" --file="$broker_cli" >"$wildfly_home/neuroarchive-broker-cli.log" 2>&1 || {
    cat "$wildfly_home/neuroarchive-broker-cli.log" >&2
    rm -f "$broker_cli"
    echo "configure.sh: the broker configuration failed (see above)" >&2
    exit 1
  }
  rm -f "$broker_cli"
fi

if [ -n "${NEUROARCHIVE_CONFIG_FILE:-}" ]; then
  if [ ! -r "$NEUROARCHIVE_CONFIG_FILE" ]; then
    echo "configure.sh: NEUROARCHIVE_CONFIG_FILE=$NEUROARCHIVE_CONFIG_FILE cannot be read" >&2
    exit 1
  fi
  echo "[neuroarchive] MicroProfile Config values from $NEUROARCHIVE_CONFIG_FILE"
  properties=$(python3 "$here/config-source.py" "$NEUROARCHIVE_CONFIG_FILE")
  "$wildfly_home/bin/jboss-cli.sh" --commands="embed-server --server-config=standalone-full.xml --std-out=discard,/subsystem=microprofile-config-smallrye/config-source=neuroarchive:add(ordinal=250, properties=$properties),stop-embedded-server" \
      >"$wildfly_home/neuroarchive-config-cli.log" 2>&1 || {
    cat "$wildfly_home/neuroarchive-config-cli.log" >&2
    echo "configure.sh: the MicroProfile Config values could not be set (see above)" >&2
    exit 1
  }
fi
