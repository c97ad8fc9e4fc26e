#!/usr/bin/env bash
# Applies neuroarchive.cli to a stopped WildFly installation. Usage: configure.sh WILDFLY_HOME
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
wildfly_home=${1:?usage: configure.sh WILDFLY_HOME}
if [ ! -x "$wildfly_home/bin/jboss-cli.sh" ]; then
  echo "configure.sh: $wildfly_home is not a WildFly installation (no bin/jboss-cli.sh)" >&2
  exit 1
fi
echo "[neuroarchive] configuring $wildfly_home with server-config/wildfly/neuroarchive.cli"
"$wildfly_home/bin/jboss-cli.sh" --file="$here/neuroarchive.cli" >"$wildfly_home/neuroarchive-cli.log" 2>&1 || {
  cat "$wildfly_home/neuroarchive-cli.log" >&2
  echo "configure.sh: the WildFly configuration failed (see above)" >&2
  exit 1
}
