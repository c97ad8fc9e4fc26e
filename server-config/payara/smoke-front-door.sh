# Sourced by ci-smoke.sh (not run): the front door of the deployed application, before the imports:
# logging in (HTTP Basic and the login form), 401 for anonymous and wrong credentials, HTTP redirected to
# HTTPS, request limits, a viewer's rights. Uses ci-smoke.sh's variables and functions (fail, step,
# status, as_admin, secret, api, base, tls, work, http_port, https_port, admin_password).
# --- the front door: logging in, HTTPS, request limits ---------------------------------------------
[ "$(status "$api/stats")" = 401 ] || fail "an anonymous GET /api/stats was not answered 401"
[ "$(status -u "admin:not-the-password" "$api/stats")" = 401 ] || fail "a wrong password was not answered 401"
reply=$(curl --cacert "$tls/server.pem" -sS -i --max-time 10 "$api/subjects")
grep -qi '^content-type: application/problem+json' <<<"$reply" || fail "the 401 is not a problem document: $reply"
grep -qi '^www-authenticate: Basic' <<<"$reply" || fail "the 401 names no authentication scheme: $reply"
grep -qi '^server:\|^x-powered-by:' <<<"$reply" && fail "the answer names the server: $reply"
[ "$(as_admin -o /dev/null -w '%{http_code}' -X POST "$api/incoming/scan")" = 415 ] \
  || fail "a POST without Content-Type: application/json was not answered 415"
# plain HTTP only redirects to HTTPS
reply=$(curl -sS -i --max-time 10 "http://127.0.0.1:$http_port/neuroarchive/api/stats?x=1")
grep -qE '^HTTP/1.1 30[1278]' <<<"$reply" && grep -qi "^location: https://127.0.0.1:$https_port/neuroarchive/api/stats?x=1" <<<"$reply" \
  || fail "plain HTTP did not redirect to HTTPS: $reply"
# an ordinary request above neuroarchive.http.max-request-bytes (1 MiB)
head -c $((2 * 1024 * 1024)) /dev/zero | tr '\0' ' ' >"$work/ci-big.json"
# (HTTP/1.1: curl then asks with "Expect: 100-continue" and sends no body once refused)
[ "$(as_admin --http1.1 -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary @"$work/ci-big.json" "$api/imports")" = 413 ] \
  || fail "a 2 MiB JSON POST was not answered 413"
rm -f "$work/ci-big.json"
# the login form: a session cookie for HTTPS only, out of reach of scripts and of other sites' requests
reply=$(curl --cacert "$tls/server.pem" -sS -i --max-time 10 -H "Origin: https://127.0.0.1:$https_port" \
        --data-urlencode username=admin --data-urlencode "password=$admin_password" --data-urlencode next=/ "$base/auth/login")
cookie=$(grep -i '^set-cookie: JSESSIONID' <<<"$reply" || true)
grep -qi 'secure' <<<"$cookie" && grep -qi 'httponly' <<<"$cookie" && grep -qi 'samesite=strict' <<<"$cookie" \
  || fail "the login did not set a Secure, HttpOnly, SameSite=Strict session cookie: $reply"
grep -qi '^strict-transport-security:' <<<"$reply" || fail "no Strict-Transport-Security over HTTPS: $reply"
step "logged in as admin (Basic and form); anonymous and wrong passwords get 401; HTTP redirects to HTTPS; 2 MiB JSON refused"
# a viewer reads but may not trigger a scan: roles seen by the JAX-RS RoleCheck (Jersey's SecurityContext)
# on Payara too. Needs the accounts API (POST /api/users); skipped by a build that has none yet.
viewer_password=$(secret)
code=$(as_admin -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' \
       -d "{\"login\":\"smoke-viewer\",\"fullName\":\"Smoke Viewer\",\"email\":\"smoke@example.org\",\"roles\":[\"viewer\"],\"password\":\"$viewer_password\"}" \
       "$api/users")
if [ "$code" = 201 ]; then
  [ "$(status -u "smoke-viewer:$viewer_password" "$api/stats")" = 200 ] || fail "the viewer could not read /api/stats"
  [ "$(status -u "smoke-viewer:$viewer_password" -X POST -H 'Content-Type: application/json' "$api/incoming/scan")" = 403 ] \
    || fail "the viewer's POST /api/incoming/scan was not answered 403"
  step "a viewer reads (200) and may not trigger a scan (403)"
else
  step "no accounts API in this build (POST /api/users answered $code): the viewer check is skipped"
fi
