#!/usr/bin/env bash
# Payara Server 6 smoke test for CI: the EAR built by "./mvnw verify" (the same one WildFly runs)
# deployed on a fresh Payara domain with MariaDB/MySQL and the built-in OpenMQ, then one series
# imported through incomingdir and one pushed to the DICOM receiver (storescu).
#   server-config/payara/ci-smoke.sh [EAR]        (default ear/target/neuroarchive.ear)
# Needs: a MariaDB/MySQL server at 127.0.0.1:3306 where root logs in without a password (override
# with NEUROARCHIVE_DB_HOST/PORT/USER/PASSWORD), the mysql client, dcmtk (storescu), python3-pydicom,
# curl, unzip. Payara (fish.payara.distributions:payara) and Connector/J come from Maven Central
# through the Maven wrapper into target/payara/.
# Ports: portbase NEUROARCHIVE_PAYARA_PORTBASE (default 28000: admin +48, HTTP +80, HTTPS +81,
# JMS +76, IIOP +37..+39, JMX +86), DICOM NEUROARCHIVE_DICOM_PORT (default 11612), all on 127.0.0.1.
# The database NEUROARCHIVE_PAYARA_DB (default neuroarchive_payara) is created fresh and dropped at
# the end; the domain is stopped. Exits non-zero with a message on the first failed check.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
started=$(date +%s)

payara_version=6.2025.9
driver_version=9.1.0
work="$project/target/payara"
payara_home="$work/payara6"
domain=neuroarchive-ci
domaindir="$work/domains"
portbase=${NEUROARCHIVE_PAYARA_PORTBASE:-28000}
admin_port=$((portbase + 48))
http_port=$((portbase + 80))
dicom_port=${NEUROARCHIVE_DICOM_PORT:-11612}
db_host=${NEUROARCHIVE_DB_HOST:-127.0.0.1}
db_port=${NEUROARCHIVE_DB_PORT:-3306}
db_name=${NEUROARCHIVE_PAYARA_DB:-neuroarchive_payara}
db_user=${NEUROARCHIVE_DB_USER:-root}
db_password=${NEUROARCHIVE_DB_PASSWORD:-}
ear=${1:-$project/ear/target/neuroarchive.ear}
data="$work/ci-data"
api="http://127.0.0.1:$http_port/neuroarchive/api"
python=/usr/bin/python3   # Debian's, with python3-pydicom
asadmin=("$payara_home/bin/asadmin" --host 127.0.0.1 --port "$admin_port" --interactive=false)
mysql=(mysql --protocol=TCP -h "$db_host" -P "$db_port" -u "$db_user")
[ -n "$db_password" ] && mysql+=("-p$db_password")

step() { echo "[payara-smoke] $(($(date +%s) - started))s: $*"; }
fail() { echo "payara ci-smoke.sh: FAILED: $*" >&2; exit 1; }

# --- preconditions ------------------------------------------------------------------------------
[ -f "$ear" ] || fail "no EAR at $ear; build it first (./mvnw -B verify)"
for tool in mysql storescu curl unzip; do
  command -v "$tool" >/dev/null || fail "$tool is missing (Debian: mariadb-client, dcmtk, curl, unzip)"
done
"$python" -c 'import pydicom' 2>/dev/null || fail "$python cannot import pydicom (Debian: python3-pydicom)"
"${mysql[@]}" -e 'SELECT 1' >/dev/null 2>&1 || fail "cannot log in to MySQL/MariaDB at $db_host:$db_port as $db_user"
for port in "$admin_port" "$http_port" $((portbase + 81)) $((portbase + 76)) $((portbase + 37)) \
            $((portbase + 38)) $((portbase + 39)) $((portbase + 86)) "$dicom_port"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is taken on 127.0.0.1 (another server?); set NEUROARCHIVE_PAYARA_PORTBASE / NEUROARCHIVE_DICOM_PORT"
  fi
done

# --- at the end, whatever happened: logs on failure, stop the domain, drop the database ---------
cleanup() {
  local rc=$?
  set +e
  if [ "$rc" -ne 0 ] && [ -f "$domaindir/$domain/logs/server.log" ]; then
    echo "---- last warnings and errors of $domaindir/$domain/logs/server.log ----" >&2
    grep -A6 -E '\[(SEVERE|WARNING)\]' "$domaindir/$domain/logs/server.log" | tail -n 80 >&2
    echo "---- (full log kept in $domaindir/$domain/logs) ----" >&2
  fi
  if [ -x "$payara_home/bin/asadmin" ] && [ -d "$domaindir/$domain" ]; then
    "$payara_home/bin/asadmin" stop-domain --domaindir "$domaindir" "$domain" >/dev/null 2>&1
  fi
  "${mysql[@]}" -e "DROP DATABASE IF EXISTS \`$db_name\`" >/dev/null 2>&1
  if [ "$rc" -eq 0 ]; then
    rm -rf "$data" "$work/ci-series"
    step "PASSED (Payara $payara_version, $(($(date +%s) - started)) s)"
  fi
  exit "$rc"
}
trap cleanup EXIT

# --- Payara and Connector/J from Maven Central ----------------------------------------------------
if [ ! -x "$payara_home/bin/asadmin" ]; then
  if [ ! -f "$work/payara-$payara_version.zip" ]; then
    step "fetching Payara Server $payara_version from Maven Central"
    mkdir -p "$work"
    "$project/mvnw" -q -B dependency:copy -Dartifact="fish.payara.distributions:payara:$payara_version:zip" \
        -DoutputDirectory="$work" || fail "could not fetch fish.payara.distributions:payara:$payara_version:zip"
  fi
  unzip -q -o "$work/payara-$payara_version.zip" -d "$work"
fi
driver="$work/mysql-connector-j-$driver_version.jar"
if [ ! -f "$driver" ]; then
  step "fetching MySQL Connector/J $driver_version from Maven Central"
  "$project/mvnw" -q -B dependency:copy -Dartifact="com.mysql:mysql-connector-j:$driver_version" \
      -DoutputDirectory="$work" || fail "could not fetch com.mysql:mysql-connector-j:$driver_version"
fi

# --- a fresh database, data directory and domain --------------------------------------------------
step "fresh database $db_name, data in $data"
"${mysql[@]}" -e "DROP DATABASE IF EXISTS \`$db_name\`; CREATE DATABASE \`$db_name\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci" \
  || fail "could not create the database $db_name"
rm -rf "$data" "$work/ci-series"
mkdir -p "$data"

if [ -d "$domaindir/$domain" ]; then
  "$payara_home/bin/asadmin" stop-domain --domaindir "$domaindir" "$domain" >/dev/null 2>&1 || true
  rm -rf "${domaindir:?}/$domain"
fi
step "creating the domain $domain (portbase $portbase)"
out=$("$payara_home/bin/asadmin" --interactive=false create-domain --portbase "$portbase" --nopassword=true \
      --domaindir "$domaindir" "$domain" 2>&1) || { echo "$out" >&2; fail "asadmin create-domain failed"; }

# The domain inherits the environment of start-domain: the application's settings (MicroProfile
# Config reads environment variables) and the ${ENV=...} of the JDBC pool.
export NEUROARCHIVE_DATA_DIR="$data"
export NEUROARCHIVE_DICOM_PORT="$dicom_port"
export NEUROARCHIVE_IMPORT_SCAN_INTERVAL_SECONDS=2
export NEUROARCHIVE_IMPORT_SETTLE_SECONDS=1
export NEUROARCHIVE_DB_URL="jdbc:mysql://$db_host:$db_port/$db_name"
export NEUROARCHIVE_DB_USER="$db_user"
export NEUROARCHIVE_DB_PASSWORD="$db_password"

start_domain() {
  out=$("$payara_home/bin/asadmin" start-domain --domaindir "$domaindir" "$domain" 2>&1) \
    || { echo "$out" >&2; fail "asadmin start-domain failed"; }
}
step "starting the domain"
start_domain
bash "$here/configure.sh" "$payara_home" "$admin_port" "$driver" || fail "configure.sh failed"
step "restarting the domain with its configuration"
"$payara_home/bin/asadmin" stop-domain --domaindir "$domaindir" "$domain" >/dev/null 2>&1 || fail "asadmin stop-domain failed"
start_domain
"${asadmin[@]}" ping-connection-pool NeuroArchivePool >/dev/null 2>&1 || fail "the JDBC pool cannot connect to $NEUROARCHIVE_DB_URL"
# pool statistics, to check below that the application's own resources were used
"${asadmin[@]}" set configs.config.server-config.monitoring-service.module-monitoring-levels.connector-connection-pool=HIGH >/dev/null
"${asadmin[@]}" set configs.config.server-config.monitoring-service.module-monitoring-levels.jdbc-connection-pool=HIGH >/dev/null
step "deploying $ear"
bash "$here/deploy.sh" "$payara_home" "$admin_port" "$ear" || fail "deploy.sh failed"

# --- checks ---------------------------------------------------------------------------------------
# json URL EXPRESSION: evaluates a Python expression on the JSON answer d of GET URL
json() {
  curl -fsS --max-time 10 "$1" | "$python" -c 'import json, sys; d = json.load(sys.stdin); print(eval(sys.argv[1]))' "$2"
}
# wait_for SECONDS DESCRIPTION EXPRESSION: polls /api/stats until EXPRESSION holds
wait_for() {
  local deadline=$(($(date +%s) + $1)) stats=""
  while [ "$(date +%s)" -lt "$deadline" ]; do
    if [ "$(json "$api/stats" "$3" 2>/dev/null)" = True ]; then return 0; fi
    sleep 1
  done
  stats=$(curl -sS --max-time 10 "$api/stats" 2>&1 || true)
  fail "$2 within $1 s; /api/stats: $stats"
}
wait_for 60 "the application did not answer" "d['instances'] == 0 and d['problemFiles'] == 0"
step "application up: $api/stats"

# three series of a few instances each: MR_small.dcm and CT_small.dcm of pydicom's test files,
# with fresh UIDs (one study and series per file, a new SOP instance UID per copy)
"$python" - "$work/ci-series" <<'PY'
import sys, pathlib, pydicom
from pydicom.uid import generate_uid
root = pathlib.Path(sys.argv[1])
corpus = pathlib.Path(pydicom.__file__).parent / "data" / "test_files"
for name, source, count, patient in (("incoming", "MR_small.dcm", 4, "PAYARA-SMOKE-1"),
                                     ("push", "CT_small.dcm", 3, "PAYARA-SMOKE-2"),
                                     ("individual", "MR_small.dcm", 2, "PAYARA-SMOKE-3")):
    (root / name).mkdir(parents=True)
    study, series = generate_uid(), generate_uid()
    for number in range(1, count + 1):
        ds = pydicom.dcmread(corpus / source)
        ds.StudyInstanceUID, ds.SeriesInstanceUID = study, series
        ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID = generate_uid()
        ds.InstanceNumber, ds.PatientID, ds.PatientName = number, patient, "Smoke^Payara"
        ds.save_as(root / name / f"{number}.dcm")
    (root / f"{name}.series").write_text(series)
PY
mr_series=$(cat "$work/ci-series/incoming.series")
ct_series=$(cat "$work/ci-series/push.series")

step "importing 4 MR instances through incomingdir"
cp "$work/ci-series/incoming/"*.dcm "$data/incoming/"
wait_for 90 "the MR series was not archived" "d['instances'] == 4 and d['series'] == 1 and d['subjects'] == 1 and d['queuedSeries'] == 0"

step "pushing 3 CT instances to the DICOM receiver (storescu to 127.0.0.1:$dicom_port)"
out=$(storescu -aet PAYARA-SMOKE -aec NEUROARCHIVE 127.0.0.1 "$dicom_port" "$work/ci-series/push/"*.dcm 2>&1) \
  || { echo "$out" >&2; fail "storescu to 127.0.0.1:$dicom_port failed"; }
wait_for 90 "the pushed CT series was not archived" "d['instances'] == 7 and d['series'] == 2 and d['subjects'] == 2 and d['queuedSeries'] == 0"

# an individual import from a server path (the default allowed root is <data dir>/import): parsed and
# archived through the second queue and message-driven bean
step "individual import of 2 MR instances from importdir (parse, then archive)"
cp -r "$work/ci-series/individual" "$data/import/smoke"
# import_status ID: the status of the individual import ID
import_status() { json "$api/imports/$1" "d['status']"; }
# await_import ID STATUS: polls the import until it has STATUS
await_import() {
  local deadline=$(($(date +%s) + 90)) status=""
  while [ "$(date +%s)" -lt "$deadline" ]; do
    status=$(import_status "$1" 2>/dev/null || true)
    [ "$status" = "$2" ] && return 0
    case "$status" in parsingerror|archiveerror|cancelled) break ;; esac
    sleep 1
  done
  fail "individual import $1 did not reach $2 (status ${status:-unknown}): $(curl -sS "$api/imports/$1")"
}
reply=$(curl -sS --max-time 10 -w '\n%{http_code}' -H 'Content-Type: application/json' \
        -d "{\"sourcePath\":\"$data/import/smoke\"}" "$api/imports")
[ "$(tail -n 1 <<<"$reply")" = 201 ] || fail "POST /api/imports did not answer 201: $reply"
import_id=$(head -n -1 <<<"$reply" | "$python" -c 'import json, sys; print(json.load(sys.stdin)["id"])')
await_import "$import_id" parsingcomplete
code=$(curl -sS --max-time 10 -o /dev/null -w '%{http_code}' -X POST "$api/imports/$import_id/archive")
[ "$code" = 202 ] || fail "POST /api/imports/$import_id/archive answered $code, not 202"
await_import "$import_id" archivecomplete
wait_for 30 "the individually imported series is not in the statistics" "d['instances'] == 9 and d['series'] == 3 and d['subjects'] == 3"

# the archived series as the REST API shows them (fresh database: series ids 1 to 3)
check_series() {  # UID MODALITY FILES
  local id found=""
  for id in 1 2 3; do
    if [ "$(json "$api/series/$id" "d['seriesInstanceUid']")" = "$1" ]; then found=$id; fi
  done
  [ -n "$found" ] || fail "no series with the UID $1 in /api/series/1 to /3"
  [ "$(json "$api/series/$found" "d['modality'] == '$2' and d['fileCount'] == $3 and d['missingInstanceCount'] == 0")" = True ] \
    || fail "series $found: expected $2 with $3 files: $(curl -sS "$api/series/$found")"
  local path
  path=$(json "$api/series/$found" "d['archivePath']")
  [ "$(find "$data/archive/$path" -name '*.dcm' | wc -l)" -eq "$3" ] || fail "archivedir $data/archive/$path does not hold $3 DICOM files"
  step "series $found: $2, $3 files in archivedir/$path"
}
check_series "$mr_series" MR 4
check_series "$ct_series" CT 3
check_series "$(cat "$work/ci-series/individual.series")" MR 2
[ "$(json "$api/subjects" "sorted(u for s in d for u in s['alternateUids'])")" = "['PAYARA-SMOKE-1', 'PAYARA-SMOKE-2', 'PAYARA-SMOKE-3']" ] \
  || fail "unexpected subjects: $(curl -sS "$api/subjects")"
[ "$(json "$api/stats" "d['problemFiles'] == 0 and d['failedSeries'] == 0 and d['heldSeries'] == 0 and d['waitingFiles'] == 0")" = True ] \
  || fail "problem, failed, held or waiting files left: $(curl -sS "$api/stats")"
[ -z "$(find "$data/incoming" -name '*.dcm')" ] || fail "files left in incomingdir: $(find "$data/incoming" -name '*.dcm')"
# the sends went through the XA connection factory of neuroarchive-resources.xml (glassfish-ejb-jar.xml
# maps the application's reference to it), the database work through NeuroArchivePool
for pool in NeuroArchiveJmsPool NeuroArchivePool; do
  used=$("${asadmin[@]}" get -m "server.resources.$pool.numconnacquired-count" 2>&1 | sed -n 's/.*-count = //p')
  [ "${used:-0}" -gt 0 ] || fail "the pool $pool was not used (numconnacquired-count: ${used:-unknown})"
  step "pool $pool: $used connections acquired"
done
step "all checks passed; stopping the domain"
