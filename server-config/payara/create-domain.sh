#!/usr/bin/env bash
# Creates a Payara Server 6 domain for NeuroArchive whose administrator has a password (never an empty
# one): the password in NEUROARCHIVE_PAYARA_ADMIN_PASSWORD, or a random one generated here, is written to
# an asadmin password file readable by its owner only (mode 600), which configure.sh, deploy.sh and
# every asadmin command use afterwards (asadmin --user admin --passwordfile FILE ...).
#   create-domain.sh PAYARA_HOME DOMAIN PORTBASE [DOMAIN_DIR]
# PORTBASE: admin PORTBASE+48, HTTP +80, HTTPS +81, OpenMQ +76, IIOP +37..+39, JMX +86.
# DOMAIN_DIR: where the domain goes (default PAYARA_HOME/glassfish/domains).
# The password file: NEUROARCHIVE_PAYARA_PASSWORD_FILE, default DOMAIN_DIR/DOMAIN.admin-password. When it
# exists already (and NEUROARCHIVE_PAYARA_ADMIN_PASSWORD is unset), its password is used again.
# Its built-in OpenMQ broker gets its users before the domain ever starts (broker-users.sh): OpenMQ's
# published admin/admin and guest/guest are never there; the broker user's password (NEUROARCHIVE_PAYARA_MQ_PASSWORD,
# or generated) goes to NEUROARCHIVE_PAYARA_MQ_PASSWORD_FILE, default DOMAIN_DIR/DOMAIN.mq-password (mode 600).
# Payara itself still names admin/admin for the broker until configure.sh points it at that user.
# The new domain listens on all interfaces until configure.sh moves its listeners; start it only where
# that does not matter, and run configure.sh right away.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
payara_home=${1:?usage: create-domain.sh PAYARA_HOME DOMAIN PORTBASE [DOMAIN_DIR]}
domain=${2:?usage: create-domain.sh PAYARA_HOME DOMAIN PORTBASE [DOMAIN_DIR]}
portbase=${3:?usage: create-domain.sh PAYARA_HOME DOMAIN PORTBASE [DOMAIN_DIR]}
domaindir=${4:-$payara_home/glassfish/domains}
password_file=${NEUROARCHIVE_PAYARA_PASSWORD_FILE:-$domaindir/$domain.admin-password}
user=${NEUROARCHIVE_PAYARA_ADMIN_USER:-admin}

if [ ! -x "$payara_home/bin/asadmin" ]; then
  echo "create-domain.sh: $payara_home is not a Payara Server installation (no bin/asadmin)" >&2
  exit 1
fi
if [[ ! "$portbase" =~ ^[0-9]+$ ]]; then
  echo "create-domain.sh: PORTBASE must be a number, not '$portbase'" >&2
  exit 1
fi
if [ -d "$domaindir/$domain" ]; then
  echo "create-domain.sh: the domain $domaindir/$domain exists already" >&2
  exit 1
fi
mkdir -p "$domaindir" "$(dirname "$password_file")"

generated=""
if [ -n "${NEUROARCHIVE_PAYARA_ADMIN_PASSWORD:-}" ]; then
  password=$NEUROARCHIVE_PAYARA_ADMIN_PASSWORD
elif [ -s "$password_file" ]; then
  password=$(sed -n 's/^AS_ADMIN_PASSWORD=//p' "$password_file")
  [ -n "$password" ] || { echo "create-domain.sh: $password_file has no AS_ADMIN_PASSWORD= line" >&2; exit 1; }
else
  password=$(python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))')
  generated=yes
fi
if [ "${#password}" -lt 12 ]; then
  echo "create-domain.sh: the Payara admin password needs at least 12 characters" >&2
  exit 1
fi
# written before the domain exists, readable by its owner only
(umask 077 && printf 'AS_ADMIN_PASSWORD=%s\n' "$password" >"$password_file.tmp")
chmod 600 "$password_file.tmp"
mv "$password_file.tmp" "$password_file"

if ! out=$("$payara_home/bin/asadmin" --interactive=false --user "$user" --passwordfile "$password_file" \
      create-domain --portbase "$portbase" --domaindir "$domaindir" "$domain" 2>&1); then
  echo "$out" >&2
  echo "create-domain.sh: asadmin create-domain failed (see above)" >&2
  exit 1
fi
bash "$here/broker-users.sh" "$payara_home" "$domaindir/$domain"
echo "[neuroarchive] domain $domain created in $domaindir (admin port $((portbase + 48)), user $user)"
echo "[neuroarchive] its admin password is in $password_file (mode 600); asadmin: --user $user --passwordfile $password_file"
if [ -n "$generated" ]; then
  echo "[neuroarchive] generated admin password (shown once): $password"
fi
