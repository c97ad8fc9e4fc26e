# Sourced by ci-smoke.sh (not run) on an external ActiveMQ Artemis broker (NEUROARCHIVE_BROKER_URL), after
# the imports: the broker's own view of the queues (ArtemisQueues.java with the core client of
# artemis-ra.rar) shows the message-driven beans as consumers and every message acknowledged; the broker
# password is a password alias, in no domain file in clear; the broker refused no login of the domain; then
# a delivery that fails (the application's database user locked while the message waits) goes back to the
# broker and is delivered again, and the series is archived once the database is back. Uses ci-smoke.sh's
# variables and functions (fail, step, json, wait_for, here, work, data, rar, domaindir, domain, mysql, db_user).
client="$work/artemis-client"
rm -rf "$client"
mkdir -p "$client"
unzip -q -o "$rar" '*.jar' -d "$client" || fail "cannot unpack the client jars of $rar"
import_queue=jms.queue.NeuroArchiveImportSeries
individual_queue=jms.queue.NeuroArchiveIndividualImport
# broker_queues COMMAND QUEUE...: ArtemisQueues.java as the broker user (the password on its standard input)
broker_queues() {
  printf '%s:%s\n' "$NEUROARCHIVE_BROKER_USER" "$NEUROARCHIVE_BROKER_PASSWORD" \
    | java -cp "$client/*" "$here/ArtemisQueues.java" "$NEUROARCHIVE_BROKER_URL" "$@" 2>&1
}
# queue_stat QUEUE FIELD: one figure of the broker's statistics of QUEUE (consumers, messages, added, acked)
queue_stat() { broker_queues stat "$1" | tr ' ' '\n' | sed -n "s/^$2=//p"; }

stats=$(broker_queues stat "$import_queue" "$individual_queue") || fail "cannot read the broker's queues: $stats"
while read -r queue consumers messages added acked; do
  [ "${consumers#consumers=}" -ge 1 ] || fail "the queue $queue has no consumer (its message-driven bean) on the broker: $stats"
  [ "${messages#messages=}" = 0 ] && [ "${added#added=}" -ge 1 ] && [ "${acked#acked=}" = "${added#added=}" ] \
    || fail "the queue $queue: not every message was consumed: $stats"
done <<<"$stats"
step "broker $NEUROARCHIVE_BROKER_URL: $(echo $stats)"
reply=$(printf '%s:not-the-password\n' "$NEUROARCHIVE_BROKER_USER" \
        | java -cp "$client/*" "$here/ArtemisQueues.java" "$NEUROARCHIVE_BROKER_URL" stat "$import_queue" 2>&1 || true)
[[ "$reply" == refused:* ]] || fail "the broker did not refuse a wrong password: $reply"
# the password is a password alias: in no file of the domain in clear; the domain never failed to log in
if grep -rqF -- "$NEUROARCHIVE_BROKER_PASSWORD" "$domaindir/$domain"; then
  fail "the broker password is in clear in $(grep -rlF -- "$NEUROARCHIVE_BROKER_PASSWORD" "$domaindir/$domain" | tr '\n' ' ')"
fi
grep -q 'ALIAS=neuroarchive-broker-password' "$domaindir/$domain/config/domain.xml" \
  || fail "domain.xml does not name the password alias neuroarchive-broker-password"
if grep -q 'AMQ229031\|Unable to validate user' "$domaindir/$domain/logs/server.log"; then
  fail "server.log shows a refused broker login: $(grep -m 3 'AMQ229031\|Unable to validate user' "$domaindir/$domain/logs/server.log")"
fi
step "the broker refuses a wrong password; its password is a password alias, in no domain file in clear; no refused login in server.log"

# --- redelivery: the archive message of a new series waits in the paused queue; the application's
# database user is locked and its connections cut; deliveries resume and fail; the broker delivers the
# message again (JMSXDeliveryCount 2, 3, ... in the message-driven bean's log); unlocked, it is archived
db_users=("'$db_user'@'localhost'" "'$db_user'@'127.0.0.1'")
lock_database() {  # lock|unlock
  local statement="ALTER USER ${db_users[0]} ACCOUNT ${1^^}; ALTER USER ${db_users[1]} ACCOUNT ${1^^};"
  if [ "$1" = lock ]; then
    statement+=$("${mysql[@]}" -N -B -e "SELECT CONCAT('KILL CONNECTION ', id, ';') FROM information_schema.processlist WHERE user = '$db_user'" | tr '\n' ' ')
  fi
  "${mysql[@]}" -e "$statement" || fail "could not $1 the database user $db_user"
}
unlock_on_exit() { "${mysql[@]}" -e "ALTER USER ${db_users[0]} ACCOUNT UNLOCK; ALTER USER ${db_users[1]} ACCOUNT UNLOCK" >/dev/null 2>&1 || true; }
log="$domaindir/$domain/logs/server.log"
redeliveries() { grep -c 'delivery [2-9] failed' "$log" || true; }
before=$(redeliveries)
out=$(broker_queues pause "$import_queue") || fail "cannot pause $import_queue: $out"
cp "$work/ci-series/redelivery/"*.dcm "$data/incoming/"
deadline=$(($(date +%s) + 60))
until [ "$(queue_stat "$import_queue" messages)" = 1 ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { broker_queues resume "$import_queue" >/dev/null; fail "no archive message waited in the paused $import_queue"; }
  sleep 1
done
lock_database lock
out=$(broker_queues resume "$import_queue") || { unlock_on_exit; fail "cannot resume $import_queue: $out"; }
deadline=$(($(date +%s) + 90))
until [ "$(redeliveries)" -gt "$before" ]; do
  [ "$(date +%s)" -lt "$deadline" ] || { unlock_on_exit; fail "the failed delivery was not delivered again within 90 s: $(grep 'delivery [0-9]* failed' "$log" | tail -n 3)"; }
  sleep 1
done
redelivered=$(grep -o '[^]]*delivery [2-9] failed' "$log" | tail -n 1)
lock_database unlock
wait_for 150 "the series whose delivery failed was not archived once the database was back" \
  "d['instances'] == 11 and d['series'] == 4 and d['queuedSeries'] == 0 and d['failedSeries'] == 0"
[ "$(queue_stat "$import_queue" messages)" = 0 ] || fail "messages left in $import_queue: $(broker_queues stat "$import_queue")"
step "redelivery: with the database locked the delivery failed and the broker delivered it again (${redelivered# }); archived once unlocked"
