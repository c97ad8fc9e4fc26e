package org.neuroarchive.it;

import java.util.Map;

/**
 * The Keycloak realms of {@link OidcIT}, as the README's example sets up a production realm:
 * <ul>
 * <li>{@code neuroarchive}: the confidential client {@code neuroarchive} (code flow with PKCE S256, and
 * direct access grants for the tests), client roles {@code admin importer reviewer viewer} mapped into
 * ID and access tokens at {@code resource_access.neuroarchive.roles}, the user attribute (and group
 * attribute) {@code neuroarchive_projects} mapped as a multivalued claim of the same name;
 * the client {@code other-system} with an audience mapper for {@code neuroarchive} and access tokens that
 * live {@value #SHORT_LIFESPAN} s; the client {@code pacs-bridge} (an institutional system: client
 * credentials, its service account with a role and a grant, the same audience mapper); users alice and
 * carol (roles and grants), and {@code admin}, whose login name belongs to the archive's local
 * break-glass administrator;</li>
 * <li>{@code elsewhere}: another issuer with the same client and user names but keys of its own.</li>
 * </ul>
 */
final class OidcRealms {

    static final String SECRET = "it-oidc-client-secret-0123";
    static final String OTHER_SECRET = "it-other-system-secret-0123";
    static final int SHORT_LIFESPAN = 6;
    static final String ALICE_PASSWORD = "alice-password-1";
    static final String CAROL_PASSWORD = "carol-password-1";
    static final String IDP_ADMIN_PASSWORD = "idp-admin-password-1";

    private OidcRealms() {
    }

    /** Realm name → realm JSON, for the archive at {@code baseUrl} (e.g. {@code http://127.0.0.1:8815/neuroarchive}). */
    static Map<String, String> realms(String baseUrl) {
        return Map.of("neuroarchive", realm("neuroarchive", baseUrl), "elsewhere", realm("elsewhere", baseUrl));
    }

    private static String realm(String name, String baseUrl) {
        return """
                {
                  "realm": "%1$s",
                  "enabled": true,
                  "accessTokenLifespan": 300,
                  "roles": {"client": {"neuroarchive": [{"name": "admin"}, {"name": "importer"}, {"name": "reviewer"}, {"name": "viewer"}]}},
                  "groups": [{"name": "project-888888", "attributes": {"neuroarchive_projects": ["888888:view-data"]}}],
                  "users": [
                    %2$s,
                    %3$s,
                    %4$s,
                    {"username": "service-account-pacs-bridge", "enabled": true, "serviceAccountClientId": "pacs-bridge",
                     "attributes": {"neuroarchive_projects": ["999999:view-data,modify-data"]},
                     "clientRoles": {"neuroarchive": ["importer"]}}
                  ],
                  "clients": [
                    {"clientId": "neuroarchive", "enabled": true, "publicClient": false, "secret": "%5$s",
                     "standardFlowEnabled": true, "directAccessGrantsEnabled": true,
                     "redirectUris": ["%6$s/auth/oidc/callback"],
                     "attributes": {"pkce.code.challenge.method": "S256", "post.logout.redirect.uris": "%6$s/login*"},
                     "protocolMappers": [%7$s, %8$s]},
                    {"clientId": "other-system", "enabled": true, "publicClient": false, "secret": "%9$s",
                     "standardFlowEnabled": false, "directAccessGrantsEnabled": true,
                     "attributes": {"access.token.lifespan": "%10$d"},
                     "protocolMappers": [%7$s, %8$s,
                       {"name": "audience neuroarchive", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                        "config": {"included.client.audience": "neuroarchive", "access.token.claim": "true", "id.token.claim": "false"}}]},
                    {"clientId": "pacs-bridge", "enabled": true, "publicClient": false, "secret": "%9$s",
                     "standardFlowEnabled": false, "directAccessGrantsEnabled": false, "serviceAccountsEnabled": true,
                     "protocolMappers": [%7$s, %8$s,
                       {"name": "audience neuroarchive", "protocol": "openid-connect", "protocolMapper": "oidc-audience-mapper",
                        "config": {"included.client.audience": "neuroarchive", "access.token.claim": "true", "id.token.claim": "false"}}]}
                  ]
                }
                """.formatted(name,
                user("alice", "Alice", ALICE_PASSWORD, "[\"importer\", \"viewer\"]", "[\"999999:view-data,view-phi\", \"424242:view-data\"]"),
                user("carol", "Carol", CAROL_PASSWORD, "[\"reviewer\"]", "[\"999999:view-data\"]"),
                user("admin", "Idp", IDP_ADMIN_PASSWORD, "[\"admin\"]", "[]"),
                SECRET, baseUrl, ROLES_MAPPER, PROJECTS_MAPPER, OTHER_SECRET, SHORT_LIFESPAN);
    }

    private static String user(String login, String firstName, String password, String roles, String projects) {
        return """
                {"username": "%1$s", "enabled": true, "email": "%1$s@example.org", "emailVerified": true,
                     "firstName": "%2$s", "lastName": "Tester",
                     "credentials": [{"type": "password", "value": "%3$s", "temporary": false}],
                     "attributes": {"neuroarchive_projects": %5$s},
                     "groups": ["/project-888888"],
                     "clientRoles": {"neuroarchive": %4$s}}""".formatted(login, firstName, password, roles, projects);
    }

    /** The client roles of {@code neuroarchive}, in ID and access tokens (Keycloak's default mapper is access-token only). */
    private static final String ROLES_MAPPER = """
            {"name": "neuroarchive roles", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-client-role-mapper",
             "config": {"usermodel.clientRoleMapping.clientId": "neuroarchive", "claim.name": "resource_access.neuroarchive.roles",
                        "multivalued": "true", "jsonType.label": "String",
                        "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}""";

    /** The project grants: the user's attribute and its groups' ("aggregate"), one claim entry per value. */
    private static final String PROJECTS_MAPPER = """
            {"name": "neuroarchive projects", "protocol": "openid-connect", "protocolMapper": "oidc-usermodel-attribute-mapper",
             "config": {"user.attribute": "neuroarchive_projects", "claim.name": "neuroarchive_projects",
                        "multivalued": "true", "aggregate.attrs": "true", "jsonType.label": "String",
                        "id.token.claim": "true", "access.token.claim": "true", "userinfo.token.claim": "true"}}""";
}
