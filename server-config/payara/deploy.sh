#!/usr/bin/env bash
# Deploys (or replaces) the NeuroArchive EAR on a running, configured Payara Server 6 domain:
#   NEUROARCHIVE_PAYARA_PASSWORD_FILE=FILE deploy.sh PAYARA_HOME ADMIN_PORT EAR
# (FILE: the domain's asadmin password file, see create-domain.sh.)
# The same EAR as on WildFly: Payara reads META-INF/glassfish-application.xml (role mapping) and
# META-INF/glassfish-ejb-jar.xml, WildFly jboss-ejb3.xml. An application already deployed is undeployed
# first (no "deploy --force": after a failed deploy it left a closed EntityManagerFactory behind). After a
# FAILED deploy, restart the domain (stop-domain, start-domain) before deploying again.
# JMS: the domain says which broker configure.sh set up (the resource adapter of the connection factory's
# pool NeuroArchiveJmsPool). On the built-in OpenMQ (jmsra) the EAR deploys as it is. On an ActiveMQ
# Artemis broker (artemis-ra) it deploys with a deployment plan (asadmin deploy --deploymentplan) whose
# neuroarchive-ejb.jar.glassfish-ejb-jar.xml replaces the EJB module's own: the same file with the
# message-driven beans on artemis-ra, each consuming from its queue's address on the broker (the Address
# of the queue's admin object), without OpenMQ's redelivery properties: the broker's address settings
# decide redelivery delay, attempts and dead-letter address, as on WildFly.
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
adapter=$(query get resources.connector-connection-pool.NeuroArchiveJmsPool.resource-adapter-name | sed -n 's/^[^=]*=//p')
plan_args=()
case "$adapter" in
  jmsra) echo "[neuroarchive] JMS on the built-in OpenMQ broker" ;;
  artemis-ra)
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    mappings=()
    for queue in ImportSeriesQueue IndividualImportQueue; do
      address=$(query get "resources.admin-object-resource.jms/neuroarchive/$queue.property.Address" | sed -n 's/^[^=]*=//p')
      [ -n "$address" ] || { echo "deploy.sh: the admin object jms/neuroarchive/$queue has no Address; run configure.sh" >&2; exit 1; }
      mappings+=("jms/neuroarchive/$queue=$address")
    done
    unzip -p "$ear" neuroarchive-ejb.jar >"$work/ejb.jar" && unzip -p "$work/ejb.jar" META-INF/glassfish-ejb-jar.xml >"$work/in.xml" \
      || { echo "deploy.sh: $ear has no neuroarchive-ejb.jar with a META-INF/glassfish-ejb-jar.xml" >&2; exit 1; }
    python3 "$here/artemis-plan.py" "$work/in.xml" "$work/plan.jar" "${mappings[@]}"
    plan_args=(--deploymentplan "$work/plan.jar")
    echo "[neuroarchive] JMS on the ActiveMQ Artemis broker (resource adapter artemis-ra): ${mappings[*]}"
    ;;
  *) echo "deploy.sh: the domain has no JMS connection factory pool NeuroArchiveJmsPool (resource adapter: '$adapter'); run configure.sh first" >&2
     exit 1 ;;
esac
if query list-applications | grep -q "^$name "; then
  echo "[neuroarchive] undeploying the deployed $name"
  asadmin undeploy "$name" >/dev/null
fi
echo "[neuroarchive] deploying $ear"
if ! out=$("${asadmin_cmd[@]}" deploy --name "$name" ${plan_args[@]+"${plan_args[@]}"} "$ear" 2>&1); then
  echo "$out" >&2
  echo "deploy.sh: the deployment failed (see above and the domain's logs/server.log); restart the domain before deploying again" >&2
  exit 1
fi
echo "[neuroarchive] deployed: <http or https>://<host>:<port>/neuroarchive/"
