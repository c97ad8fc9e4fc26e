package org.neuroarchive.web.security;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.MalformedURLException;
import java.text.ParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.neuroarchive.config.OidcSettings;

/**
 * Verifies the identity provider's tokens with nimbus-jose-jwt: the signature with a key of the
 * provider's JWKS (from its discovery document; asymmetric algorithms only, so neither {@code none} nor a
 * key-confusion HMAC passes), the issuer exactly, expiry and not-before (with the configured clock skew),
 * and who the token is for:
 * <ul>
 * <li>an ID token (screen login): {@code aud} holds our client id, {@code azp} (if present) is our client,
 * {@code nonce} is the one this browser's sign-on sent;</li>
 * <li>an access token (API): {@code aud} holds our client id or {@code azp} is our client (Keycloak issues
 * access tokens to the requesting client without an audience of its own); not an ID token
 * ({@code typ: ID}) nor a refresh token.</li>
 * </ul>
 */
@ApplicationScoped
public class OidcTokens {

    private static final Set<JWSAlgorithm> ALGORITHMS = Set.copyOf(union(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC));
    private static final Set<String> REQUIRED = Set.of("iss", "sub", "exp", "iat");

    @Inject
    OidcProvider provider;

    @Inject
    OidcSettings settings;

    private volatile JWKSource<SecurityContext> keys;

    /** The claims of a valid ID token from the code flow, or why it is not one. */
    public JWTClaimsSet idToken(String token, String nonce) throws OidcException {
        return idToken(token, nonce, settings.issuer(), settings.clientId(), settings.clockSkewSeconds(), keys());
    }

    /** The claims of a valid access token sent as {@code Authorization: Bearer}, or why it is not one. */
    public JWTClaimsSet accessToken(String token) throws OidcException {
        return accessToken(token, settings.issuer(), settings.clientId(), settings.clockSkewSeconds(), keys());
    }

    static JWTClaimsSet idToken(String token, String nonce, String issuer, String clientId, int skew,
                                JWKSource<SecurityContext> keys) throws OidcException {
        JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(issuer).claim("nonce", nonce).build();
        JWTClaimsSet claims = process(token, new DefaultJWTClaimsVerifier<>(clientId, exact, REQUIRED), skew, keys);
        String azp = string(claims, "azp");
        if (azp != null && !azp.equals(clientId) || azp == null && claims.getAudience().size() > 1) {
            throw OidcException.refused("the ID token was issued to another client (azp)");
        }
        return claims;
    }

    static JWTClaimsSet accessToken(String token, String issuer, String clientId, int skew,
                                    JWKSource<SecurityContext> keys) throws OidcException {
        JWTClaimsSet exact = new JWTClaimsSet.Builder().issuer(issuer).build();
        JWTClaimsSet claims = process(token, new DefaultJWTClaimsVerifier<>(null, exact, REQUIRED), skew, keys);
        List<String> audience = claims.getAudience();
        if (!audience.contains(clientId) && !clientId.equals(string(claims, "azp"))) {
            throw OidcException.refused("the token is not for this archive (neither aud nor azp is '" + clientId + "')");
        }
        String type = string(claims, "typ");
        if (type != null && !type.equalsIgnoreCase("Bearer") && !type.equalsIgnoreCase("at+jwt")) {
            throw OidcException.refused("not an access token (typ " + FrontDoor.printable(type) + ")");
        }
        return claims;
    }

    private static JWTClaimsSet process(String token, DefaultJWTClaimsVerifier<SecurityContext> verifier, int skew,
                                        JWKSource<SecurityContext> keys) throws OidcException {
        verifier.setMaxClockSkew(skew);
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, new JOSEObjectType("at+jwt"), null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(verifier);
        try {
            return processor.process(token, null);
        } catch (ParseException e) {
            throw OidcException.refused("not a signed JWT");
        } catch (BadJOSEException e) {
            throw OidcException.refused(reason(e));
        } catch (RateLimitReachedException e) {
            throw OidcException.refused("signed with an unknown key (the provider's keys were fetched moments ago)");
        } catch (KeySourceException e) {
            throw OidcException.unavailable("the identity provider's keys cannot be fetched: " + e.getMessage());
        } catch (com.nimbusds.jose.JOSEException e) {
            throw OidcException.refused("the signature cannot be checked: " + FrontDoor.printable(e.getMessage()));
        }
    }

    /** What went wrong, in words for an audit row and a 401 answer. */
    static String reason(BadJOSEException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (message.contains("Expired")) {
            return "expired";
        }
        if (message.contains("Invalid signature")) {
            return "bad signature";
        }
        if (message.contains("iss claim")) {
            return "issued by another identity provider";
        }
        if (message.contains("nonce")) {
            return "the nonce does not match this sign-on";
        }
        if (message.contains("before use time")) {
            return "not valid yet";
        }
        if (message.contains("audience") || message.contains("aud claim")) {
            return "the token is not for this archive (aud)";
        }
        if (message.contains("no matching key") || message.contains("Another algorithm expected")) {
            return "signed with an unknown key or algorithm";
        }
        if (message.contains("Unsecured") || message.contains("plain")) {
            return "unsigned token";
        }
        return FrontDoor.printable(message);
    }

    private JWKSource<SecurityContext> keys() throws OidcException {
        JWKSource<SecurityContext> known = keys;
        if (known == null) {
            synchronized (this) {
                if (keys == null) {
                    try {
                        // cached (5 min), refreshed when a token names an unknown key (rotation), rate-limited
                        keys = JWKSourceBuilder.<SecurityContext>create(provider.discovery().jwks().toURL(),
                                new DefaultResourceRetriever(5_000, 5_000, 512 * 1024)).retrying(true).build();
                    } catch (MalformedURLException e) {
                        throw OidcException.unavailable("the discovery document's jwks_uri is not a URL");
                    }
                }
                known = keys;
            }
        }
        return known;
    }

    private static String string(JWTClaimsSet claims, String name) {
        return claims.getClaim(name) instanceof String s ? s : null;
    }

    private static Set<JWSAlgorithm> union(Set<JWSAlgorithm> a, Set<JWSAlgorithm> b) {
        Set<JWSAlgorithm> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
