# Sourced by ci-smoke.sh (not run) on Payara's built-in OpenMQ broker, after the imports: OpenMQ's
# published users are gone, everything that connects uses the broker user, the message-driven beans are
# the queues' consumers, the password is in no domain file in clear. Uses ci-smoke.sh's variables and
# functions (fail, step, here, payara_home, domaindir, domain, portbase).
# --- the broker: OpenMQ's published users are gone; everything that connects uses the broker user ---
# (the imports above: the connection factory's pool sent, the message-driven beans consumed as that user)
mq_password=$(sed -n 's/^imq\.imqcmd\.password=//p' "$NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE")
[ -n "$mq_password" ] || fail "no broker password in $NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE"
broker="127.0.0.1:$((portbase + 76))"
# a JMS client of the broker's port (the OpenMQ client of the Payara distribution), credentials on stdin
logins=$(printf 'admin:admin\nguest:guest\nneuroarchive:%s\n' "$mq_password" \
         | java -cp "$payara_home/mq/lib/imq.jar" "$here/BrokerLogin.java" "mq://$broker" 2>/dev/null) \
  || fail "BrokerLogin.java did not run"
for default in admin guest; do
  grep -q "^$default refused: JMSSecurityException" <<<"$logins" \
    || fail "the broker did not refuse OpenMQ's default user $default/$default: $(grep "^$default " <<<"$logins")"
done
grep -qx "neuroarchive accepted" <<<"$logins" || fail "the broker did not accept its user neuroarchive: $logins"
step "broker at $broker: admin/admin and guest/guest refused, neuroarchive accepted"
# the broker user administers the broker (imqcmd, its password file as -passfile); the message-driven
# beans are the queues' consumers
queues=$("$payara_home/mq/bin/imqcmd" list dst -t q -b "$broker" -u neuroarchive \
         -passfile "$NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE" -f 2>/dev/null) || fail "imqcmd list dst as neuroarchive failed: $queues"
for queue in NeuroArchiveImportSeries NeuroArchiveIndividualImport; do
  consumers=$(awk -v q="$queue" '$1 == q { print $5 }' <<<"$queues")
  [ "${consumers:-0}" -ge 1 ] || fail "the queue $queue has no active consumer (its message-driven bean): $queues"
done
step "imqcmd as neuroarchive: both queues have their message-driven bean as consumer"
users=$("$payara_home/mq/bin/imqusermgr" list -i imqbroker -varhome "$domaindir/$domain/imq" 2>/dev/null \
        | awk 'found && NF == 3 { print $1 } /^-+$/ { found++ }' | tr '\n' ' ')
[ "$users" = "neuroarchive " ] || fail "the broker's user repository holds: $users"
[ "$(stat -c %a "$domaindir/$domain/imq/instances/imqbroker/etc/passwd")" = 600 ] || fail "the broker's passwd file is not of mode 600"
# the password is a password alias: in no file of the domain in clear; nothing logged in as guest
if grep -rqF -- "$mq_password" "$domaindir/$domain"; then
  fail "the broker password is in clear in $(grep -rlF -- "$mq_password" "$domaindir/$domain" | tr '\n' ' ')"
fi
if grep -q 'username:guest\|user=guest\|B4051' "$domaindir/$domain/logs/server.log"; then
  fail "server.log shows a refused broker login: $(grep -m 3 'username:guest\|user=guest\|B4051' "$domaindir/$domain/logs/server.log")"
fi
step "the broker's only user is neuroarchive (passwd of mode 600); its password is a password alias, in no domain file in clear"
