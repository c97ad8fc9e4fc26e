#!/usr/bin/env bash
# Applies neuroarchive.cli to a stopped WildFly installation; with NEUROARCHIVE_DB_URL set, also
# mysql.cli (MySQL/MariaDB instead of H2); with NEUROARCHIVE_BROKER_URL set, also remote-artemis.cli
# (an external Artemis broker instead of the in-VM one), and with NEUROARCHIVE_BROKER_BACKUP_URL set as well,
# remote-artemis-ha.cli (NEUROARCHIVE_BROKER_URL is then the primary of a replicated pair, this its backup:
# the connection factory fails over); with NEUROARCHIVE_CONFIG_FILE naming a
# .properties file, its keys become a MicroProfile Config source of the server (ordinal 250: above the
# application's defaults, below environment variables and system properties); with
# NEUROARCHIVE_TLS_KEYSTORE set, also https.cli (HTTPS with that key, plain HTTP redirected to it,
# Secure session cookies).
# Credentials are never defaulted: NEUROARCHIVE_DB_URL needs NEUROARCHIVE_DB_USER, NEUROARCHIVE_BROKER_URL
# needs NEUROARCHIVE_BROKER_USER and NEUROARCHIVE_BROKER_PASSWORD, NEUROARCHIVE_TLS_KEYSTORE needs
# NEUROARCHIVE_TLS_KEYSTORE_PASSWORD; they stay ${env.*} expressions in the configuration, read when
# WildFly starts, so the same variables must be set then.
# With H2_JAR given, the embedded H2 database runs on that H2 release instead of the one WildFly
# bundles (2.2.224): a module com.h2database.h2 in WildFly's root modules/ folder, found before the
# bundled one. 2.2.224 writes its whole database file after EVERY identity insert in MODE=MySQL (a
# sequence update it makes for each generated id), which took half the server's CPU during an import;
# 2.3.232 does not (issue 14). Both read the same database files.
# Usage: configure.sh WILDFLY_HOME [MYSQL_DRIVER_JAR [H2_JAR]]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wildfly_home=${1:?usage: configure.sh WILDFLY_HOME [MYSQL_DRIVER_JAR [H2_JAR]]}
driver_jar=${2:-}
h2_jar=${3:-}
if [ ! -x "$wildfly_home/bin/jboss-cli.sh" ]; then
  echo "configure.sh: $wildfly_home is not a WildFly installation (no bin/jboss-cli.sh)" >&2
  exit 1
fi
# required_with SET REQUIRED...: when the variable SET is not empty, every REQUIRED one must be set too
required_with() {
  local set=$1 name
  shift
  [ -n "${!set:-}" ] || return 0
  for name in "$@"; do
    if [ -z "${!name:-}" ]; then
      echo "configure.sh: $set is set, so $name must be set as well (there is no default)" >&2
      exit 1
    fi
  done
}
required_with NEUROARCHIVE_DB_URL NEUROARCHIVE_DB_USER
required_with NEUROARCHIVE_BROKER_URL NEUROARCHIVE_BROKER_USER NEUROARCHIVE_BROKER_PASSWORD
required_with NEUROARCHIVE_BROKER_BACKUP_URL NEUROARCHIVE_BROKER_URL
required_with NEUROARCHIVE_TLS_KEYSTORE NEUROARCHIVE_TLS_KEYSTORE_PASSWORD

# The largest request Undertow accepts: an upload (neuroarchive.individual.max-upload-bytes, from the
# environment or NEUROARCHIVE_CONFIG_FILE; 20 GiB by default) plus 1 MiB of multipart envelope. The
# application limits every other request to neuroarchive.http.max-request-bytes itself. The key's old
# name (neuroarchive.import.max-upload-bytes, NEUROARCHIVE_IMPORT_MAX_UPLOAD_BYTES) still works.
upload_limit=${NEUROARCHIVE_INDIVIDUAL_MAX_UPLOAD_BYTES:-${NEUROARCHIVE_IMPORT_MAX_UPLOAD_BYTES:-}}
if [ -z "$upload_limit" ] && [ -n "${NEUROARCHIVE_CONFIG_FILE:-}" ] && [ -r "$NEUROARCHIVE_CONFIG_FILE" ]; then
  for key in individual import; do
    [ -n "$upload_limit" ] || upload_limit=$(sed -n "s/^[[:space:]]*neuroarchive\\.$key\\.max-upload-bytes[[:space:]]*[=:][[:space:]]*\\([0-9]*\\).*/\\1/p" "$NEUROARCHIVE_CONFIG_FILE" | tail -n 1)
  done
fi
upload_limit=${upload_limit:-21474836480}
if ! [[ "$upload_limit" =~ ^[0-9]+$ ]] || [ "$upload_limit" -lt 1 ]; then
  echo "configure.sh: neuroarchive.individual.max-upload-bytes must be a positive number of bytes, not '$upload_limit'" >&2
  exit 1
fi
max_post_size=$((upload_limit + 1048576))

# Every run starts from WildFly's own standalone-full.xml (kept aside the first time), so that
# switching between H2 / in-VM Artemis and MySQL / an external broker leaves nothing of the other.
config="$wildfly_home/standalone/configuration/standalone-full.xml"
if [ -f "$config.pristine" ]; then
  cp "$config.pristine" "$config"
else
  cp "$config" "$config.pristine"
fi
rm -rf "$wildfly_home/modules/com/mysql" "$wildfly_home/modules/com/h2database"
if [ -n "$h2_jar" ]; then
  if [ ! -f "$h2_jar" ]; then
    echo "configure.sh: the H2 jar $h2_jar does not exist" >&2
    exit 1
  fi
  bundled="$wildfly_home/modules/system/layers/base/com/h2database/h2/main/module.xml"
  [ -f "$bundled" ] || { echo "configure.sh: WildFly's H2 module is missing: $bundled" >&2; exit 1; }
  h2_module="$wildfly_home/modules/com/h2database/h2/main"
  mkdir -p "$h2_module"
  cp "$h2_jar" "$h2_module/$(basename "$h2_jar")"
  # the bundled module's descriptor (its dependencies) with our jar as its resource
  sed -E "s#<resource-root path=\"h2-[^\"]*\.jar\"/>#<resource-root path=\"$(basename "$h2_jar")\"/>#" "$bundled" >"$h2_module/module.xml"
  grep -q "resource-root path=\"$(basename "$h2_jar")\"" "$h2_module/module.xml" || {
    echo "configure.sh: could not make the H2 module from $bundled" >&2
    exit 1
  }
  echo "[neuroarchive] embedded database engine: H2 $(unzip -p "$h2_jar" META-INF/MANIFEST.MF 2>/dev/null | sed -n 's/^Implementation-Version: *//p' | tr -d '\r') ($h2_jar)"
fi

# apply_cli SCRIPT LOG WHAT SED-ARGUMENTS...: runs server-config/wildfly/SCRIPT on the stopped server,
# on a copy edited by sed with SED-ARGUMENTS first (the CLI does not resolve properties inside operations);
# its output goes to $wildfly_home/LOG, shown with "the WHAT failed" when it fails
apply_cli() {
  local script=$1 log="$wildfly_home/$2" what=$3 copy
  shift 3
  copy=$(mktemp --suffix=.cli)
  sed "$@" "$here/$script" >"$copy"
  if ! "$wildfly_home/bin/jboss-cli.sh" --file="$copy" >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$copy"
    echo "configure.sh: the $what failed (see above)" >&2
    exit 1
  fi
  rm -f "$copy"
}

echo "[neuroarchive] configuring $wildfly_home with server-config/wildfly/neuroarchive.cli"
# neuroarchive.cli with the max-post-size of the configured upload limit in place of its default's
apply_cli neuroarchive.cli neuroarchive-cli.log "WildFly configuration" -e "s/value=21475885056)/value=$max_post_size)/"

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

# broker_address VARIABLE: host and port of the tcp://host:port (the Artemis core protocol) in VARIABLE
broker_address() {
  local hostport=${!1#*://}
  hostport=${hostport%%[/?]*}
  broker_host=${hostport%:*}
  broker_port=${hostport##*:}
  if [ -z "$broker_host" ] || [ "$broker_host" = "$hostport" ] || ! [[ "$broker_port" =~ ^[0-9]+$ ]]; then
    echo "configure.sh: $1 must look like tcp://host:port, not ${!1}" >&2
    exit 1
  fi
}

if [ -n "${NEUROARCHIVE_BROKER_URL:-}" ]; then
  broker_address NEUROARCHIVE_BROKER_URL
  echo "[neuroarchive] using the Artemis broker at $broker_host:$broker_port (server-config/wildfly/remote-artemis.cli)"
  apply_cli remote-artemis.cli neuroarchive-broker-cli.log "broker configuration" \
    -e "s|\${broker.host}|$broker_host|g" -e "s|\${broker.port}|$broker_port|g"
  if [ -n "${NEUROARCHIVE_BROKER_BACKUP_URL:-}" ]; then
    primary="$broker_host:$broker_port"
    broker_address NEUROARCHIVE_BROKER_BACKUP_URL
    if [ "$broker_host:$broker_port" = "$primary" ]; then
      echo "configure.sh: NEUROARCHIVE_BROKER_BACKUP_URL names the same broker as NEUROARCHIVE_BROKER_URL ($primary)" >&2
      exit 1
    fi
    echo "[neuroarchive] with its backup at $broker_host:$broker_port: failover (server-config/wildfly/remote-artemis-ha.cli)"
    apply_cli remote-artemis-ha.cli neuroarchive-broker-ha-cli.log "configuration of the broker pair" \
      -e "s|\${broker.backup.host}|$broker_host|g" -e "s|\${broker.backup.port}|$broker_port|g"
  fi
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

if [ -n "${NEUROARCHIVE_TLS_KEYSTORE:-}" ]; then
  keystore=$(realpath -e "$NEUROARCHIVE_TLS_KEYSTORE" 2>/dev/null) || {
    echo "configure.sh: NEUROARCHIVE_TLS_KEYSTORE=$NEUROARCHIVE_TLS_KEYSTORE does not exist" >&2
    exit 1
  }
  https_port=${NEUROARCHIVE_HTTPS_PORT:-8443}
  if ! [[ "$https_port" =~ ^[0-9]+$ ]]; then
    echo "configure.sh: NEUROARCHIVE_HTTPS_PORT must be a port number, not '$https_port'" >&2
    exit 1
  fi
  # the key store must open with the password, and name the key to use
  listing=$(keytool -list -keystore "$keystore" -storepass:env NEUROARCHIVE_TLS_KEYSTORE_PASSWORD 2>&1) || {
    echo "$listing" >&2
    echo "configure.sh: the key store $keystore does not open with NEUROARCHIVE_TLS_KEYSTORE_PASSWORD" >&2
    exit 1
  }
  store_type=$(sed -n 's/^Keystore type: *//p' <<<"$listing" | tr '[:lower:]' '[:upper:]')
  case "$store_type" in PKCS12|JKS) ;; *)
    echo "configure.sh: $keystore is a $store_type key store; use PKCS12 or JKS" >&2
    exit 1 ;;
  esac
  mapfile -t keys < <(sed -n 's/^\([^,]*\),.*PrivateKeyEntry.*/\1/p' <<<"$listing")
  alias=${NEUROARCHIVE_TLS_KEY_ALIAS:-}
  if [ -z "$alias" ]; then
    if [ "${#keys[@]}" -ne 1 ]; then
      echo "configure.sh: $keystore holds ${#keys[@]} keys (${keys[*]:-none}); name one in NEUROARCHIVE_TLS_KEY_ALIAS" >&2
      exit 1
    fi
    alias=${keys[0]}
  elif ! printf '%s\n' "${keys[@]}" | grep -qxF "$alias"; then
    echo "configure.sh: $keystore has no key '$alias' (keys: ${keys[*]:-none})" >&2
    exit 1
  fi
  echo "[neuroarchive] HTTPS with the key '$alias' of $keystore; plain HTTP redirects to port $https_port (server-config/wildfly/https.cli)"
  apply_cli https.cli neuroarchive-https-cli.log "HTTPS configuration" \
    -e "s|\${tls.keystore}|$keystore|g" -e "s|\${tls.type}|$store_type|g" -e "s|\${tls.alias.filter}|$alias|g" \
    -e "s|\${tls.https.port}|$https_port|g"
fi
