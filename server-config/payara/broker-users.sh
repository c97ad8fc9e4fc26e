#!/usr/bin/env bash
# The users of a Payara domain's built-in OpenMQ broker: OpenMQ creates every broker instance with the
# published users admin/admin and guest/guest; this replaces them with one user of NeuroArchive's own,
# "neuroarchive" (group admin: asadmin's JMS commands administer the broker with it; the application's
# connection factory and message-driven beans connect with it), whose password is never a default:
# NEUROARCHIVE_PAYARA_MQ_PASSWORD, or the one in the broker password file, or one generated here and
# written to that file (mode 600). Then admin and guest are deleted.
#   broker-users.sh PAYARA_HOME DOMAIN_ROOT
# DOMAIN_ROOT: the domain's directory (e.g. PAYARA_HOME/glassfish/domains/domain1). The broker instance is
# DOMAIN_ROOT/imq/instances/imqbroker (created here, with imqusermgr, when the broker never ran yet); its
# user repository is etc/passwd there (user:MD5(user:password):group:active).
# The broker password file: NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE, default DOMAIN_ROOT/../DOMAIN.mq-password,
# one line "imq.imqcmd.password=..." (so it serves as imqcmd's -passfile, too). Idempotent: run by
# create-domain.sh before the domain's first start and by configure.sh (which also points Payara at it).
# A running broker reads the repository at every login, so a change applies at once to new connections.
set -euo pipefail
usage="usage: broker-users.sh PAYARA_HOME DOMAIN_ROOT"
payara_home=${1:?$usage}
domain_root=${2:?$usage}
user=neuroarchive
instance=imqbroker
password_file=${NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE:-$(dirname "$domain_root")/$(basename "$domain_root").mq-password}
usermgr="$payara_home/mq/bin/imqusermgr"

if [ ! -x "$usermgr" ]; then
  echo "broker-users.sh: $payara_home has no OpenMQ (no mq/bin/imqusermgr)" >&2
  exit 1
fi
if [ ! -f "$domain_root/config/domain.xml" ]; then
  echo "broker-users.sh: $domain_root is not a Payara domain (no config/domain.xml)" >&2
  exit 1
fi

# --- the password: given, kept in the file, or generated (never a default)
generated=""
if [ -n "${NEUROARCHIVE_PAYARA_MQ_PASSWORD:-}" ]; then
  password=$NEUROARCHIVE_PAYARA_MQ_PASSWORD
elif [ -s "$password_file" ]; then
  password=$(sed -n 's/^imq\.imqcmd\.password=//p' "$password_file")
  [ -n "$password" ] || { echo "broker-users.sh: $password_file has no imq.imqcmd.password= line" >&2; exit 1; }
else
  password=$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))')
  generated=yes
fi
# it goes into property files (asadmin's password file, imqcmd's passfile): no blanks, no backslashes
if [ "${#password}" -lt 12 ] || ! [[ "$password" =~ ^[[:graph:]]+$ ]] || [[ "$password" == *\\* ]]; then
  echo "broker-users.sh: the broker password needs at least 12 characters, without blanks or backslashes" >&2
  exit 1
fi
if [ -n "$generated" ] || [ "$(sed -n 's/^imq\.imqcmd\.password=//p' "$password_file" 2>/dev/null)" != "$password" ]; then
  mkdir -p "$(dirname "$password_file")"
  (umask 077 && printf 'imq.imqcmd.password=%s\n' "$password" >"$password_file.tmp")
  chmod 600 "$password_file.tmp"
  mv "$password_file.tmp" "$password_file"
fi
if [ "$(stat -c %a "$password_file")" != 600 ] && [ "$(stat -c %a "$password_file")" != 400 ]; then
  echo "broker-users.sh: $password_file must be readable by its owner only (chmod 600 $password_file)" >&2
  exit 1
fi

# --- the user repository, with imqusermgr (which reads the password from the first line of a file)
raw=$(mktemp "$(dirname "$password_file")/.mq-password.XXXXXX")
trap 'rm -f "$raw"' EXIT
printf '%s\n' "$password" >"$raw"
# usermgr ARGS...: imqusermgr on the domain's broker instance (-c: creates the instance when the broker
# never ran); prints its output and stops on failure
usermgr() {
  local out
  if ! out=$("$usermgr" "$@" -i "$instance" -varhome "$domain_root/imq" 2>&1); then
    echo "$out" >&2
    echo "broker-users.sh: imqusermgr $1 failed (see above)" >&2
    exit 1
  fi
  printf '%s\n' "$out"
}
# users: "name group active" lines of the repository
users() { usermgr list -c | awk 'found && NF == 3 { print } /^-+$/ { found++ }'; }
group=$(users | awk -v u="$user" '$1 == u { print $2 }')
if [ -z "$group" ]; then
  usermgr add -u "$user" -g admin -passfile "$raw" -s >/dev/null
elif [ "$group" = admin ]; then
  usermgr update -u "$user" -passfile "$raw" -a true -f -s >/dev/null
else
  echo "broker-users.sh: the broker user $user exists in group $group, not admin; delete it (imqusermgr delete -u $user -varhome $domain_root/imq)" >&2
  exit 1
fi
# the published defaults go (admin only once another administrator exists: imqusermgr keeps the last one)
for default in guest admin; do
  if users | awk -v u="$default" '$1 == u { found = 1 } END { exit !found }'; then
    usermgr delete -u "$default" -f -s >/dev/null
  fi
done
left=$(users | awk '{ print $1 }' | tr '\n' ' ')
if [ "$left" != "$user " ]; then
  echo "broker-users.sh: the broker's users are now: $left(expected $user only)" >&2
  exit 1
fi

# the repository holds unsalted MD5 digests, which OpenMQ's digest login accepts as they are (whoever
# reads them can log in), and the message store holds the messages: the broker's files for the owner only
chmod 600 "$domain_root/imq/instances/$instance/etc/passwd"
chmod 700 "$domain_root/imq"

echo "[neuroarchive] OpenMQ broker of $domain_root: user $user only (admin and guest deleted); its password is in $password_file (mode 600)"
if [ -n "$generated" ]; then
  echo "[neuroarchive] generated broker password (kept in that file; imqcmd -u $user -passfile $password_file)"
fi
