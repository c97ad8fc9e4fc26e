#!/usr/bin/env bash
# Deploys (or replaces) the NeuroArchive EAR on a running, configured Payara Server 6 domain:
#   deploy.sh PAYARA_HOME ADMIN_PORT EAR
# The same EAR as on WildFly: Payara reads META-INF/glassfish-ejb-jar.xml, WildFly jboss-ejb3.xml.
# An application already deployed is undeployed first (no "deploy --force": after a failed deploy
# it left a closed EntityManagerFactory behind). After a FAILED deploy, restart the domain
# (stop-domain, start-domain) before deploying again.
set -euo pipefail
payara_home=${1:?usage: deploy.sh PAYARA_HOME ADMIN_PORT EAR}
admin_port=${2:?usage: deploy.sh PAYARA_HOME ADMIN_PORT EAR}
ear=${3:?usage: deploy.sh PAYARA_HOME ADMIN_PORT EAR}
name=neuroarchive
asadmin=("$payara_home/bin/asadmin" --host 127.0.0.1 --port "$admin_port" --interactive=false)

if [ ! -f "$ear" ]; then
  echo "deploy.sh: no EAR at $ear (build it: ./mvnw -B package -DskipTests)" >&2
  exit 1
fi
if "${asadmin[@]}" list-applications 2>/dev/null | grep -q "^$name "; then
  echo "[neuroarchive] undeploying the deployed $name"
  "${asadmin[@]}" undeploy "$name" >/dev/null
fi
echo "[neuroarchive] deploying $ear"
if ! out=$("${asadmin[@]}" deploy --name "$name" "$ear" 2>&1); then
  echo "$out" >&2
  echo "deploy.sh: the deployment failed (see above and the domain's logs/server.log); restart the domain before deploying again" >&2
  exit 1
fi
echo "[neuroarchive] deployed: http://127.0.0.1:<http port>/neuroarchive/"
