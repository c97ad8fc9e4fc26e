#!/usr/bin/env bash
# HTTPS on WildFly, checked with curl: a stock WildFly 39 configured by configure.sh with a key store made
# here (keytool, self-signed for localhost and 127.0.0.1), the EAR deployed, then:
#   - HTTPS answers with our certificate (curl trusts exactly it), TLS 1.1 and older are refused;
#   - plain HTTP answers only with a redirect to the same URL over HTTPS;
#   - anonymous and wrong credentials get 401, the administrator 200; a 2 MiB JSON POST gets 413;
#   - the login form sets a session cookie that is Secure, HttpOnly and SameSite=Strict, with HSTS.
#   server-config/wildfly/https-smoke.sh [EAR]        (default ear/target/neuroarchive.ear)
# Ports: every WildFly port plus NEUROARCHIVE_HTTPS_SMOKE_PORT_OFFSET (default 950: HTTP 9030, HTTPS 9393,
# management 10940, DICOM 12062), all on 127.0.0.1. WildFly (org.wildfly:wildfly-dist) comes from Maven
# Central through the Maven wrapper into target/https-smoke/ (kept). Needs curl, keytool.
# Exits non-zero with a message on the first failed check; the server is stopped in every case.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
project=$(cd "$here/../.." && pwd)
started=$(date +%s)
version=39.0.1.Final
work="$project/target/https-smoke"
wildfly_home="$work/wildfly-$version"
offset=${NEUROARCHIVE_HTTPS_SMOKE_PORT_OFFSET:-950}
http_port=$((8080 + offset))
https_port=$((8443 + offset))
ear=${1:-$project/ear/target/neuroarchive.ear}
base="https://127.0.0.1:$https_port/neuroarchive"
server_pid=""

step() { echo "[https-smoke] $(($(date +%s) - started))s: $*"; }
fail() { echo "https-smoke.sh: FAILED: $*" >&2; exit 1; }
secret() { python3 -c 'import secrets, string; a = string.ascii_letters + string.digits; print("".join(secrets.choice(a) for _ in range(24)))'; }

[ -f "$ear" ] || fail "no EAR at $ear; build it first (./mvnw -B -DskipTests package)"
for tool in curl keytool python3; do command -v "$tool" >/dev/null || fail "$tool is missing"; done
for port in "$http_port" "$https_port" $((9990 + offset)) $((11112 + offset)); do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    fail "port $port is taken on 127.0.0.1; set NEUROARCHIVE_HTTPS_SMOKE_PORT_OFFSET"
  fi
done

cleanup() {
  local rc=$?
  set +e
  if [ -n "$server_pid" ]; then
    kill -- "-$server_pid" 2>/dev/null   # the session setsid started: standalone.sh and its java
    for _ in $(seq 1 60); do kill -0 -- "-$server_pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 -- "-$server_pid" 2>/dev/null
  fi
  if [ "$rc" -ne 0 ] && [ -f "$work/server.out" ]; then
    echo "---- last lines of $work/server.out ----" >&2
    tail -n 40 "$work/server.out" >&2
  fi
  rm -f "$work/curl.conf"
  [ "$rc" -eq 0 ] && step "PASSED (WildFly $version, $(($(date +%s) - started)) s)"
  exit "$rc"
}
trap cleanup EXIT

if [ ! -x "$wildfly_home/bin/standalone.sh" ]; then
  step "fetching WildFly $version from Maven Central"
  mkdir -p "$work"
  "$project/mvnw" -q -B dependency:copy -Dartifact="org.wildfly:wildfly-dist:$version:tar.gz" -DoutputDirectory="$work" \
    || fail "could not fetch org.wildfly:wildfly-dist:$version:tar.gz"
  tar -xzf "$work/wildfly-dist-$version.tar.gz" -C "$work"
fi

# a key store of our own, and a fresh data directory
rm -rf "$work/tls" "$work/data"
mkdir -p "$work/tls" "$work/data"
tls_password=$(secret)
keytool -genkeypair -alias neuroarchive -keyalg EC -groupname secp256r1 -validity 2 -dname CN=localhost \
    -ext SAN=dns:localhost,ip:127.0.0.1 -storetype PKCS12 -keystore "$work/tls/server.p12" \
    -storepass "$tls_password" -keypass "$tls_password" >/dev/null 2>&1 || fail "keytool could not make a key store"
keytool -exportcert -rfc -alias neuroarchive -keystore "$work/tls/server.p12" -storepass "$tls_password" >"$work/tls/server.pem" 2>/dev/null \
  || fail "keytool could not export the certificate"

step "configuring WildFly for HTTPS (configure.sh with NEUROARCHIVE_TLS_KEYSTORE)"
export NEUROARCHIVE_TLS_KEYSTORE="$work/tls/server.p12" NEUROARCHIVE_TLS_KEYSTORE_PASSWORD="$tls_password"
export NEUROARCHIVE_HTTPS_PORT="$https_port"
unset NEUROARCHIVE_DB_URL NEUROARCHIVE_BROKER_URL NEUROARCHIVE_CONFIG_FILE
bash "$here/configure.sh" "$wildfly_home" >/dev/null || fail "configure.sh failed"
rm -rf "$wildfly_home/standalone/deployments/neuroarchive.ear"* "$wildfly_home/standalone/data" "$wildfly_home/standalone/tmp"
cp "$ear" "$wildfly_home/standalone/deployments/neuroarchive.ear"

admin_password=$(secret)
(umask 077 && printf 'user = "admin:%s"\ncacert = "%s"\n' "$admin_password" "$work/tls/server.pem" >"$work/curl.conf")
step "starting WildFly (port offset $offset: HTTP $http_port, HTTPS $https_port)"
NEUROARCHIVE_DATA_DIR="$work/data" NEUROARCHIVE_ADMIN_PASSWORD="$admin_password" NEUROARCHIVE_DICOM_PORT=$((11112 + offset)) \
JAVA_OPTS="-Xms256m -Xmx768m -Djava.awt.headless=true -Djava.net.preferIPv4Stack=true" \
  setsid "$wildfly_home/bin/standalone.sh" -c standalone-full.xml -b 127.0.0.1 -bmanagement 127.0.0.1 \
    -Djboss.socket.binding.port-offset="$offset" >"$work/server.out" 2>&1 &
server_pid=$!

as_admin() { curl -K "$work/curl.conf" -sS --max-time 10 "$@"; }
anonymous() { curl --cacert "$work/tls/server.pem" -sS --max-time 10 "$@"; }
deadline=$(($(date +%s) + 180))
until [ "$(as_admin -o /dev/null -w '%{http_code}' "$base/api/stats" 2>/dev/null)" = 200 ]; do
  kill -0 "$server_pid" 2>/dev/null || fail "WildFly exited while starting"
  [ "$(date +%s)" -lt "$deadline" ] || fail "the application did not answer over HTTPS within 180 s"
  sleep 2
done
step "the application answers over HTTPS: $base/api/stats"

# our certificate (curl --cacert trusts nothing else), TLS 1.2 or newer only
subject=$(anonymous -v -o /dev/null "$base/login" 2>&1 | sed -n 's/^\*  subject: //p')
[ "$subject" = "CN=localhost" ] || fail "the server did not present our certificate (subject: ${subject:-none})"
if anonymous -o /dev/null --tlsv1.0 --tls-max 1.1 "$base/login" 2>/dev/null; then fail "TLS 1.1 was accepted"; fi
# plain HTTP redirects, whatever the path and query
reply=$(curl -sS -i --max-time 10 "http://127.0.0.1:$http_port/neuroarchive/api/stats?a=1&b=2")
grep -qE '^HTTP/1.1 30[1278]' <<<"$reply" \
  && grep -qi "^location: https://127.0.0.1:$https_port/neuroarchive/api/stats?a=1&b=2" <<<"$reply" \
  || fail "plain HTTP did not redirect to HTTPS: $reply"
grep -q '"instances"' <<<"$reply" && fail "plain HTTP served the API: $reply"
# logging in
[ "$(anonymous -o /dev/null -w '%{http_code}' "$base/api/stats")" = 401 ] || fail "anonymous: not 401"
[ "$(anonymous -o /dev/null -w '%{http_code}' -u admin:not-the-password "$base/api/stats")" = 401 ] || fail "a wrong password: not 401"
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$work/big.json"
[ "$(as_admin --http1.1 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$work/big.json" "$base/api/imports")" = 413 ] \
  || fail "a 2 MiB JSON POST was not answered 413"
rm -f "$work/big.json"
reply=$(anonymous -i -H "Origin: https://127.0.0.1:$https_port" --data-urlencode username=admin \
        --data-urlencode "password=$admin_password" --data-urlencode next=/ "$base/auth/login")
cookie=$(grep -i '^set-cookie: JSESSIONID' <<<"$reply" || true)
grep -qi 'secure' <<<"$cookie" && grep -qi 'httponly' <<<"$cookie" && grep -qi 'samesite=strict' <<<"$cookie" \
  || fail "the login did not set a Secure, HttpOnly, SameSite=Strict session cookie: $reply"
grep -qi '^strict-transport-security:' <<<"$reply" || fail "no Strict-Transport-Security over HTTPS: $reply"
step "our certificate, TLS >= 1.2, HTTP redirected, 401 / 200 / 413, Secure HttpOnly SameSite=Strict cookie, HSTS"
