# Sourced by configure.sh (not run): HTTPS with the operator's key, or back to plain HTTP.
# Needs: asadmin, query, password_alias, config (see configure.sh and admin.sh).
protocols="$config.network-config.protocols.protocol"
listeners="$config.network-config.network-listeners.network-listener"
alias_name=neuroarchive-tls-keystore
secure_cookies=-Dneuroarchive.http.secure-cookies=true

if [ -n "${NEUROARCHIVE_TLS_KEYSTORE:-}" ]; then
  keystore=$(realpath -e "$NEUROARCHIVE_TLS_KEYSTORE" 2>/dev/null) || {
    echo "configure.sh: NEUROARCHIVE_TLS_KEYSTORE=$NEUROARCHIVE_TLS_KEYSTORE does not exist" >&2
    exit 1
  }
  listing=$(keytool -list -keystore "$keystore" -storepass:env NEUROARCHIVE_TLS_KEYSTORE_PASSWORD 2>&1) || {
    echo "$listing" >&2
    echo "configure.sh: the key store $keystore does not open with NEUROARCHIVE_TLS_KEYSTORE_PASSWORD" >&2
    exit 1
  }
  mapfile -t keys < <(sed -n 's/^\([^,]*\),.*PrivateKeyEntry.*/\1/p' <<<"$listing")
  key=${NEUROARCHIVE_TLS_KEY_ALIAS:-}
  if [ -z "$key" ]; then
    if [ "${#keys[@]}" -ne 1 ]; then
      echo "configure.sh: $keystore holds ${#keys[@]} keys (${keys[*]:-none}); name one in NEUROARCHIVE_TLS_KEY_ALIAS" >&2
      exit 1
    fi
    key=${keys[0]}
  elif ! printf '%s\n' "${keys[@]}" | grep -qxF "$key"; then
    echo "configure.sh: $keystore has no key '$key' (keys: ${keys[*]:-none})" >&2
    exit 1
  fi
  https_port=${NEUROARCHIVE_HTTPS_PORT:-$(query get "$listeners.http-listener-2.port" | sed -n 's/.*\.port=//p')}
  if ! [[ "$https_port" =~ ^[0-9]+$ ]]; then
    echo "configure.sh: NEUROARCHIVE_HTTPS_PORT must be a port number, not '$https_port'" >&2
    exit 1
  fi
  echo "[neuroarchive] HTTPS on http-listener-2 with the key '$key' of $keystore; plain HTTP redirects to port $https_port"

  # the key store password as a password alias: domain.xml names the alias, not the password
  password_alias "$alias_name" "$NEUROARCHIVE_TLS_KEYSTORE_PASSWORD"
  # plain HTTP (http-listener-1): port unification; TLS goes to http-listener-2's protocol, everything
  # else to a protocol that only redirects to HTTPS
  existing=$(query list-protocols)
  tls_settings=("$protocols.http-listener-2.ssl.key-store=$keystore"
                "$protocols.http-listener-2.ssl.key-store-password=\${ALIAS=$alias_name}"
                "$protocols.http-listener-2.ssl.cert-nickname=$key"
                "$listeners.http-listener-2.enabled=true")
  if ! grep -qx neuroarchive-https-redirect <<<"$existing"; then
    asadmin create-protocol --securityenabled=false neuroarchive-https-redirect >/dev/null
    asadmin create-http-redirect --redirect-port "$https_port" --secure-redirect true neuroarchive-https-redirect >/dev/null
  else
    tls_settings+=("$protocols.neuroarchive-https-redirect.http-redirect.port=$https_port")
  fi
  # Payara accepts only JKS (or NSS) as the type; its JKS loader reads PKCS12 files as well
  asadmin set "${tls_settings[@]}" >/dev/null
  if ! grep -qx neuroarchive-http <<<"$existing"; then
    asadmin create-protocol --securityenabled=false neuroarchive-http >/dev/null
    asadmin create-protocol-finder --protocol neuroarchive-http --targetprotocol http-listener-2 \
        --classname org.glassfish.grizzly.config.portunif.HttpProtocolFinder neuroarchive-tls >/dev/null
    asadmin create-protocol-finder --protocol neuroarchive-http --targetprotocol neuroarchive-https-redirect \
        --classname org.glassfish.grizzly.config.portunif.HttpProtocolFinder neuroarchive-redirect >/dev/null
  fi
  asadmin set "$listeners.http-listener-1.protocol=neuroarchive-http" >/dev/null
  if ! query list-jvm-options | grep -qxF -- "$secure_cookies"; then
    asadmin create-jvm-options -- "$secure_cookies" >/dev/null
  fi
else
  # plain HTTP as Payara creates it; no Secure cookies
  asadmin set "$listeners.http-listener-1.protocol=http-listener-1" >/dev/null
  if query list-jvm-options | grep -qxF -- "$secure_cookies"; then
    asadmin delete-jvm-options -- "$secure_cookies" >/dev/null
  fi
fi
