#!/usr/bin/env bash
# Deploys (or replaces) the NeuroArchive EAR on a running, configured Payara Server 6 domain:
#   NEUROARCHIVE_PAYARA_PASSWORD_FILE=FILE deploy.sh PAYARA_HOME ADMIN_PORT EAR
# (FILE: the domain's asadmin password file, see create-domain.sh.)
# The same EAR as on WildFly: Payara reads META-INF/glassfish-application.xml (role mapping) and
# META-INF/glassfish-ejb-jar.xml, WildFly jboss-ejb3.xml. An application already deployed is undeployed
# first (no "deploy --force": after a failed deploy it left a closed EntityManagerFactory behind). After a
# FAILED deploy, restart the domain (stop-domain, start-domain) before deploying again.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
usage="usage: NEUROARCHIVE_PAYARA_PASSWORD_FILE=FILE deploy.sh PAYARA_HOME ADMIN_PORT EAR"
payara_home=${1:?$usage}
admin_port=${2:?$usage}
ear=${3:?$usage}
name=neuroarchive
source "$here/admin.sh"

if [ ! -f "$ear" ]; then
  echo "deploy.sh: no EAR at $ear (build it: ./mvnw -B package -DskipTests)" >&2
  exit 1
fi
if query list-applications | grep -q "^$name "; then
  echo "[neuroarchive] undeploying the deployed $name"
  asadmin undeploy "$name" >/dev/null
fi
echo "[neuroarchive] deploying $ear"
if ! out=$("${asadmin_cmd[@]}" deploy --name "$name" "$ear" 2>&1); then
  echo "$out" >&2
  echo "deploy.sh: the deployment failed (see above and the domain's logs/server.log); restart the domain before deploying again" >&2
  exit 1
fi
echo "[neuroarchive] deployed: <http or https>://<host>:<port>/neuroarchive/"
