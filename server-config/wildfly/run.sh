#!/usr/bin/env bash
# Configures WildFly, deploys the EAR and runs the server in the foreground (used by ./mvnw -Prun).
# Usage: run.sh WILDFLY_HOME EAR
# Data (H2 database, incoming/, archive/, problem/, backup/, staging/) goes to NEUROARCHIVE_DATA_DIR,
# by default ./data in the project; it survives restarts and rebuilds. With NEUROARCHIVE_DB_URL (and
# NEUROARCHIVE_DB_USER, NEUROARCHIVE_DB_PASSWORD) set, the database is MySQL/MariaDB instead of H2.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
wildfly_home=${1:?usage: run.sh WILDFLY_HOME EAR}
ear=${2:?usage: run.sh WILDFLY_HOME EAR}

export NEUROARCHIVE_DATA_DIR="${NEUROARCHIVE_DATA_DIR:-$project/data}"
mkdir -p "$NEUROARCHIVE_DATA_DIR"
NEUROARCHIVE_DATA_DIR=$(cd "$NEUROARCHIVE_DATA_DIR" && pwd)
export NEUROARCHIVE_DATA_DIR

if (exec 3<>/dev/tcp/127.0.0.1/8080) 2>/dev/null; then
  echo "run.sh: something already listens on 127.0.0.1:8080; stop it first (another NeuroArchive?)" >&2
  exit 1
fi

bash "$here/configure.sh" "$wildfly_home" "$(dirname "$ear")/drivers/mysql-connector-j.jar" "$(dirname "$ear")/drivers/h2.jar"
rm -f "$wildfly_home/standalone/deployments/neuroarchive.ear".*
cp "$ear" "$wildfly_home/standalone/deployments/neuroarchive.ear"
echo "[neuroarchive] data in $NEUROARCHIVE_DATA_DIR; copy DICOM files into $NEUROARCHIVE_DATA_DIR/incoming"
url=http://127.0.0.1:8080/neuroarchive
[ -n "${NEUROARCHIVE_TLS_KEYSTORE:-}" ] && url=https://127.0.0.1:${NEUROARCHIVE_HTTPS_PORT:-8443}/neuroarchive
echo "[neuroarchive] starting WildFly (Ctrl-C stops): the screens at $url/ , the API at $url/api/"
if [ -n "${NEUROARCHIVE_ADMIN_PASSWORD:-}" ]; then
  echo "[neuroarchive] log in as admin with the password in NEUROARCHIVE_ADMIN_PASSWORD (first start), e.g. curl -u admin $url/api/stats"
elif [ -f "$NEUROARCHIVE_DATA_DIR/initial-admin-password" ]; then
  echo "[neuroarchive] log in as admin; its first password is in $NEUROARCHIVE_DATA_DIR/initial-admin-password (change it, then delete the file)"
else
  echo "[neuroarchive] log in as admin: a first start prints its random password in the log and writes it to $NEUROARCHIVE_DATA_DIR/initial-admin-password"
fi
export JAVA_OPTS="${JAVA_OPTS:--Xms256m -Xmx768m} -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true"
exec "$wildfly_home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1
