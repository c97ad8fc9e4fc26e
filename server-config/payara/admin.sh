# Sourced by configure.sh and deploy.sh (not run): asadmin against the domain's admin port, always as its
# administrator with the password file (a domain without an admin password is never assumed).
# Needs: payara_home, admin_port. Defines: password_file, asadmin_cmd (array), asadmin (fails loudly),
# query (output of a read-only command, empty when it fails), password_alias (a secret kept by Payara).
if [ ! -x "$payara_home/bin/asadmin" ]; then
  echo "$(basename "$0"): $payara_home is not a Payara Server installation (no bin/asadmin)" >&2
  exit 1
fi
password_file=${NEUROARCHIVE_PAYARA_PASSWORD_FILE:-}
if [ -z "$password_file" ] || [ ! -r "$password_file" ]; then
  echo "$(basename "$0"): set NEUROARCHIVE_PAYARA_PASSWORD_FILE to the domain's asadmin password file" \
       "(AS_ADMIN_PASSWORD=...; server-config/payara/create-domain.sh writes one)${password_file:+; cannot read $password_file}" >&2
  exit 1
fi
if [ "$(stat -c %a "$password_file")" != 600 ] && [ "$(stat -c %a "$password_file")" != 400 ]; then
  echo "$(basename "$0"): $password_file must be readable by its owner only (chmod 600 $password_file)" >&2
  exit 1
fi
# (asadmin_as: without the password file, for commands that need one with more passwords in it)
asadmin_as=("$payara_home/bin/asadmin" --host 127.0.0.1 --port "$admin_port" --interactive=false
            --user "${NEUROARCHIVE_PAYARA_ADMIN_USER:-admin}")
asadmin_cmd=("${asadmin_as[@]}" --passwordfile "$password_file")

# Runs one asadmin command; on failure prints its output and stops.
asadmin() {
  local out
  if ! out=$("${asadmin_cmd[@]}" "$@" 2>&1); then
    echo "$out" >&2
    echo "$(basename "$0"): asadmin $1 failed (see above)" >&2
    exit 1
  fi
  printf '%s\n' "$out"
}
# Output of a read-only asadmin command, empty when it fails.
query() {
  "${asadmin_cmd[@]}" "$@" 2>/dev/null || true
}
# password_alias NAME VALUE: creates or updates the password alias NAME (domain.xml then says
# ${ALIAS=NAME}, the value stays in the domain's encrypted password store); the value never appears on a
# command line (asadmin reads it from a password file of mode 600, removed afterwards).
password_alias() {
  local name=$1 both out command=create-password-alias
  both=$(mktemp)
  chmod 600 "$both"
  { cat "$password_file"; printf 'AS_ADMIN_ALIASPASSWORD=%s\n' "$2"; } >"$both"
  if query list-password-aliases | grep -qx "$name"; then command=update-password-alias; fi
  if ! out=$("${asadmin_as[@]}" --passwordfile "$both" "$command" "$name" 2>&1); then
    rm -f "$both"
    echo "$out" >&2
    echo "$(basename "$0"): asadmin $command $name failed (see above)" >&2
    exit 1
  fi
  rm -f "$both"
}
