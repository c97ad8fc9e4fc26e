package org.neuroarchive.web.security;

import com.nimbusds.jose.util.JSONObjectUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.neuroarchive.config.OidcSettings;

/**
 * The identity provider as plain HTTP sees it (portable: {@code java.net.http}, no server API): its
 * discovery document ({@code <issuer>/.well-known/openid-configuration}, fetched when first needed and
 * kept; after a failure tried again at most every 10 s), and its token endpoint, where an authorization
 * code is exchanged for tokens with the client's id and secret (HTTP Basic, RFC 6749 §2.3.1) and the PKCE
 * verifier.
 */
@ApplicationScoped
public class OidcProvider {

    private static final Logger LOG = Logger.getLogger("org.neuroarchive.security");
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final long RETRY_MILLIS = 10_000;

    /** The endpoints of the discovery document that we use; {@code endSession} may be {@code null}. */
    public record Discovery(String issuer, URI authorization, URI token, URI jwks, URI endSession) {
    }

    /** What the token endpoint answered. */
    public record Tokens(String idToken, String accessToken) {
    }

    @Inject
    OidcSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).proxy(ProxySelector.getDefault())
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private volatile Discovery discovery;
    private volatile long failedAt;
    private volatile String failure;

    public Discovery discovery() throws OidcException {
        Discovery known = discovery;
        if (known != null) {
            return known;
        }
        synchronized (this) {
            if (discovery != null) {
                return discovery;
            }
            if (System.currentTimeMillis() - failedAt < RETRY_MILLIS) {
                throw OidcException.unavailable(failure);
            }
            try {
                discovery = fetch(settings.issuer());
                LOG.info(() -> "single sign-on: discovered " + discovery.issuer() + " (authorization " + discovery.authorization()
                        + ", token " + discovery.token() + ", keys " + discovery.jwks() + ")");
                return discovery;
            } catch (OidcException e) {
                failedAt = System.currentTimeMillis();
                failure = e.getMessage();
                LOG.warning(() -> "single sign-on: " + e.getMessage());
                throw e;
            }
        }
    }

    private Discovery fetch(String issuer) throws OidcException {
        URI uri = URI.create(strip(issuer) + "/.well-known/openid-configuration");
        Map<String, Object> json = json(send(HttpRequest.newBuilder(uri).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build(), "the discovery document " + uri), "the discovery document");
        String named = string(json, "issuer");
        if (named == null || !named.equals(issuer)) {
            throw OidcException.unavailable("the discovery document at " + uri + " names the issuer '"
                    + FrontDoor.printable(named) + "', not " + issuer + " (neuroarchive.oidc.issuer must be exactly the issuer)");
        }
        return new Discovery(issuer, endpoint(json, "authorization_endpoint", true), endpoint(json, "token_endpoint", true),
                endpoint(json, "jwks_uri", true), endpoint(json, "end_session_endpoint", false));
    }

    /** Exchanges an authorization code for tokens (grant type authorization_code, with the PKCE verifier). */
    public Tokens redeem(String code, String verifier, String redirectUri) throws OidcException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "authorization_code");
        form.put("code", code);
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", verifier);
        String client = URLEncoder.encode(settings.clientId(), StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(settings.clientSecret(), StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(discovery().token()).timeout(TIMEOUT)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(client.getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString(query(form))).build();
        HttpResponse<String> response = exchange(request, "the token endpoint");
        if (response.statusCode() != 200) {
            String error;
            try {
                error = string(JSONObjectUtils.parse(response.body()), "error");
            } catch (ParseException | RuntimeException notJson) {
                error = null;
            }
            throw OidcException.refused("the token endpoint refused the code (HTTP " + response.statusCode()
                    + (error == null ? "" : " " + FrontDoor.printable(error)) + ")");
        }
        Map<String, Object> json = json(response.body(), "the token endpoint's answer");
        String idToken = string(json, "id_token");
        if (idToken == null) {
            throw OidcException.refused("the token endpoint answered without an ID token (is 'openid' among the scopes?)");
        }
        return new Tokens(idToken, string(json, "access_token"));
    }

    static String query(Map<String, String> parameters) {
        return parameters.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private String send(HttpRequest request, String what) throws OidcException {
        HttpResponse<String> response = exchange(request, what);
        if (response.statusCode() != 200) {
            throw OidcException.unavailable(what + " answered HTTP " + response.statusCode());
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest request, String what) throws OidcException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw OidcException.unavailable(what + " cannot be reached: " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw OidcException.unavailable(what + ": interrupted");
        }
    }

    private static Map<String, Object> json(String body, String what) throws OidcException {
        try {
            return JSONObjectUtils.parse(body);
        } catch (ParseException | RuntimeException e) {
            throw OidcException.unavailable(what + " is not JSON");
        }
    }

    private static URI endpoint(Map<String, Object> json, String name, boolean required) throws OidcException {
        String value = string(json, name);
        if (value == null) {
            if (required) {
                throw OidcException.unavailable("the discovery document has no " + name);
            }
            return null;
        }
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !("http".equalsIgnoreCase(uri.getScheme())
                    && uri.getHost() != null && OidcSettings.loopback(uri.getHost()))) {
                throw OidcException.unavailable("the discovery document's " + name + " is not an https URL: " + value);
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            throw OidcException.unavailable("the discovery document's " + name + " is not a URL");
        }
    }

    private static String string(Map<String, Object> json, String name) {
        return json.get(name) instanceof String s ? s : null;
    }

    private static String strip(String issuer) {
        return issuer.endsWith("/") ? issuer.substring(0, issuer.length() - 1) : issuer;
    }
}
