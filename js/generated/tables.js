// Generated from the Rust tables by crate/tests/generated.rs: do not edit. After changing a table in crate/src,
// run `JWTLENS_BLESS=1 cargo test --test generated`. What each table holds: crate/src/api/tables.rs.

/** Every target, in the order of the page's picker: kind, label, CLI aliases, settings. */
export const TARGETS = [
  {
    "kind": "cognitoApi",
    "label": "Cognito user-pool API",
    "aliases": [
      "cognito"
    ],
    "summary": "A Cognito user-pool API operation called with the user's access token (GetUser, ChangePassword, …).",
    "settings": [
      {
        "name": "operation",
        "label": "Operation",
        "hint": "The user-pool API operation called with the access token.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--operation",
        "suggestions": [
          "GetUser",
          "UpdateUserAttributes",
          "DeleteUserAttributes",
          "DeleteUser",
          "ChangePassword",
          "GetUserAttributeVerificationCode",
          "VerifyUserAttribute",
          "SetUserMFAPreference",
          "SetUserSettings",
          "GetUserAuthFactors",
          "GlobalSignOut",
          "ConfirmDevice",
          "ListDevices",
          "UpdateDeviceStatus",
          "StartWebAuthnRegistration",
          "CompleteWebAuthnRegistration",
          "ListWebAuthnCredentials",
          "DeleteWebAuthnCredential",
          "GetDevice",
          "ForgetDevice",
          "AssociateSoftwareToken",
          "VerifySoftwareToken"
        ],
        "initial": "GetUser"
      }
    ]
  },
  {
    "kind": "apiGatewayRest",
    "label": "API Gateway REST API, Cognito authorizer",
    "aliases": [
      "rest"
    ],
    "summary": "An API Gateway REST API method with a COGNITO_USER_POOLS authorizer.",
    "settings": [
      {
        "name": "providerArns",
        "label": "User pool ARN(s) of the authorizer",
        "hint": "The authorizer's providerARNs, one per line.",
        "kind": "list",
        "required": true,
        "advanced": false,
        "flag": "--pool-arn",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "OAuth scopes of the method",
        "hint": "The method's authorizationScopes. Empty: the method expects an ID token.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--method-scope",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "identityValidationExpression",
        "label": "Token validation regex",
        "hint": "The authorizer's identityValidationExpression, matched against aud.",
        "kind": "text",
        "required": false,
        "advanced": true,
        "flag": "--validation-regex",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "headerValue",
        "label": "Authorization header exactly as sent",
        "hint": "Checked as the authorizer reads it; the CLI's input when no other is given.",
        "kind": "text",
        "required": false,
        "advanced": true,
        "flag": "--header",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "apiGatewayHttp",
    "label": "API Gateway HTTP API, JWT authorizer",
    "aliases": [
      "http"
    ],
    "summary": "An API Gateway HTTP API route with a JWT authorizer.",
    "settings": [
      {
        "name": "issuer",
        "label": "Issuer",
        "hint": "The authorizer's issuer URL, compared with iss exactly.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--issuer",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audiences",
        "label": "Audiences",
        "hint": "The authorizer's audiences: aud or client_id must be one of them.",
        "kind": "list",
        "required": true,
        "advanced": false,
        "flag": "--audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "Route scopes",
        "hint": "The route's authorization scopes: the token must hold at least one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--route-scope",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "oidc",
    "label": "OpenID Connect relying party",
    "aliases": [],
    "summary": "An OpenID Connect client validating an ID token (OIDC Core §3.1.3.7).",
    "settings": [
      {
        "name": "issuer",
        "label": "Issuer",
        "hint": "From the provider's discovery document.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--issuer",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "clientId",
        "label": "Client id",
        "hint": "Your application's client id: aud must contain it.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--client-id",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "resourceServer",
    "label": "Resource server (an API validating JWT access tokens)",
    "aliases": [
      "api"
    ],
    "summary": "An API validating JWT access tokens as RFC 9068 §4 and RFC 7519 §7.2 describe.",
    "settings": [
      {
        "name": "issuer",
        "label": "Issuer",
        "hint": "The issuer the API trusts, compared with iss exactly.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--issuer",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "issuers",
        "label": "More accepted issuers",
        "hint": "Other issuers the API also accepts (iss must be one of them).",
        "kind": "list",
        "required": false,
        "advanced": true,
        "flag": "--also-issuer",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audience",
        "label": "Audience",
        "hint": "The API's own identifier: aud must contain it.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audiences",
        "label": "More accepted audiences",
        "hint": "Other identifiers the API also accepts (aud must contain one of them).",
        "kind": "list",
        "required": false,
        "advanced": true,
        "flag": "--also-audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "Required scopes",
        "hint": "Scopes the call needs: scope (or scp) must hold every one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-scope",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "roles",
        "label": "Required roles",
        "hint": "Roles the call needs, every one: from roles, Keycloak's realm_access / resource_access (client:role), or Auth0's permissions.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-role",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "clients",
        "label": "Allowed clients",
        "hint": "Client ids the API accepts, compared with client_id, azp, cid or appid (whichever the provider issues).",
        "kind": "list",
        "required": false,
        "advanced": true,
        "flag": "--allowed-client",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "requireAtJwt",
        "label": "Require typ at+jwt (RFC 9068)",
        "hint": "Whether the API requires explicit typing; most do not.",
        "kind": "switch",
        "required": false,
        "advanced": true,
        "flag": "--require-at-jwt",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "entraApi",
    "label": "Microsoft Entra ID: API with Microsoft.Identity.Web",
    "aliases": [
      "entra",
      "azure"
    ],
    "summary": "An ASP.NET Core API protected by Microsoft.Identity.Web, as its AzureAd settings configure it.",
    "settings": [
      {
        "name": "tenantId",
        "label": "Directory (tenant) ID",
        "hint": "App registrations > your API > Overview > Directory (tenant) ID (TenantId).",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--tenant-id",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "clientId",
        "label": "Application (client) ID of the API",
        "hint": "App registrations > your API > Overview > Application (client) ID (ClientId).",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--client-id",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audience",
        "label": "Audience (App ID URI)",
        "hint": "Only when AzureAd:Audience is set (a custom App ID URI); default api://<client id>.",
        "kind": "text",
        "required": false,
        "advanced": true,
        "flag": "--audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "Accepted scopes",
        "hint": "[RequiredScope]: scp must hold one of them (Expose an API > Scopes).",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-scope",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "appRoles",
        "label": "Accepted app roles",
        "hint": "App permissions for app-only tokens: roles must hold one of them (App roles).",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--app-role",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "clients",
        "label": "Allowed client applications",
        "hint": "Client ids allowed to call the API (appid in v1.0 tokens, azp in v2.0).",
        "kind": "list",
        "required": false,
        "advanced": true,
        "flag": "--allowed-client",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "auth0Api",
    "label": "Auth0: API with express-oauth2-jwt-bearer",
    "aliases": [
      "auth0"
    ],
    "summary": "A Node API protected by Auth0's express-oauth2-jwt-bearer (issuer, API identifier, scopes, RBAC permissions).",
    "settings": [
      {
        "name": "domain",
        "label": "Auth0 domain",
        "hint": "Your tenant's domain or custom domain (dev-x.us.auth0.com); issuerBaseURL is https://<domain>/.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--auth0-domain",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audience",
        "label": "API Identifier",
        "hint": "Applications > APIs > your API > Settings > Identifier (the audience option).",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "Required scopes",
        "hint": "requiredScopes(…): scope must hold every one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-scope",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "permissions",
        "label": "Required permissions (RBAC)",
        "hint": "claimIncludes('permissions', …): permissions must hold every one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-permission",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "signingAlg",
        "label": "Signing algorithm",
        "hint": "tokenSigningAlg: the API's Signing Algorithm (RS256 unless set to HS256).",
        "kind": "text",
        "required": false,
        "advanced": true,
        "flag": "--signing-alg",
        "suggestions": [
          "RS256",
          "HS256"
        ],
        "initial": ""
      }
    ]
  },
  {
    "kind": "oktaApi",
    "label": "Okta: API with okta-jwt-verifier",
    "aliases": [
      "okta"
    ],
    "summary": "An API validating Okta access tokens of a custom authorization server with okta-jwt-verifier.",
    "settings": [
      {
        "name": "issuer",
        "label": "Issuer (authorization server)",
        "hint": "Security > API > Authorization Servers > your server > Issuer (https://<okta domain>/oauth2/default).",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--issuer",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audience",
        "label": "Audience",
        "hint": "The authorization server's Audience (api://default unless changed): expectedAudience.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--audience",
        "suggestions": [
          "api://default"
        ],
        "initial": ""
      },
      {
        "name": "clients",
        "label": "Allowed client ids (cid)",
        "hint": "assertClaims: { cid }: the application's Client ID.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--allowed-client",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "Required scopes",
        "hint": "Scopes the call needs: scp must hold every one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-scope",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "keycloakApi",
    "label": "Keycloak: API validating realm access tokens",
    "aliases": [
      "keycloak"
    ],
    "summary": "An API validating Keycloak access tokens: realm issuer, audience mapper, azp, realm and client roles, client scopes.",
    "settings": [
      {
        "name": "realmUrl",
        "label": "Realm URL (issuer)",
        "hint": "https://<host>/realms/<realm>, as Realm settings > OpenID Endpoint Configuration shows issuer.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--realm-url",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "audience",
        "label": "Audience the API requires",
        "hint": "Only if the API checks aud (usually its client id); Keycloak adds it with an audience mapper.",
        "kind": "text",
        "required": false,
        "advanced": false,
        "flag": "--audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "clients",
        "label": "Allowed clients (azp)",
        "hint": "Client ids of the applications allowed to call the API.",
        "kind": "list",
        "required": false,
        "advanced": true,
        "flag": "--allowed-client",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "roles",
        "label": "Required roles",
        "hint": "Realm roles, or <client>:<role> for client roles; every one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-role",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "scopes",
        "label": "Required scopes",
        "hint": "Client scopes the call needs: scope must hold every one.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--required-scope",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "googleIdToken",
    "label": "Google Sign-In: backend with verifyIdToken",
    "aliases": [
      "google"
    ],
    "summary": "A backend verifying Google ID tokens with google-auth-library's verifyIdToken (both issuer forms, a list of client ids).",
    "settings": [
      {
        "name": "audiences",
        "label": "OAuth client id(s)",
        "hint": "Google Cloud console > APIs & Services > Credentials: the OAuth 2.0 client ids the backend accepts (web, Android, iOS).",
        "kind": "list",
        "required": true,
        "advanced": false,
        "flag": "--audience",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "hostedDomain",
        "label": "Workspace domain (hd)",
        "hint": "Only if the backend restricts sign-in to one Google Workspace domain.",
        "kind": "text",
        "required": false,
        "advanced": true,
        "flag": "--hosted-domain",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "firebaseIdToken",
    "label": "Firebase Authentication: backend with verifyIdToken",
    "aliases": [
      "firebase"
    ],
    "summary": "A backend verifying Firebase ID tokens with firebase-admin's verifyIdToken.",
    "settings": [
      {
        "name": "projectId",
        "label": "Firebase project id",
        "hint": "Firebase console > Project settings > General > Project ID (not the Web API key or app id).",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--project-id",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "albOidc",
    "label": "AWS ALB: backend reading x-amzn-oidc-data",
    "aliases": [
      "alb"
    ],
    "summary": "A backend behind an Application Load Balancer with OIDC or Cognito authentication, verifying the user-claims token the load balancer signs.",
    "settings": [
      {
        "name": "albArn",
        "label": "Load balancer ARN",
        "hint": "EC2 console > Load Balancers > your ALB > ARN: the token's signer must be it.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--alb-arn",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "clientId",
        "label": "OAuth client id of the listener",
        "hint": "The authenticate action's client id: the header's client must be it.",
        "kind": "text",
        "required": false,
        "advanced": false,
        "flag": "--client-id",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "issuer",
        "label": "Identity provider's issuer",
        "hint": "The authenticate action's issuer: the header's iss must be it.",
        "kind": "text",
        "required": false,
        "advanced": true,
        "flag": "--issuer",
        "suggestions": [],
        "initial": ""
      }
    ]
  },
  {
    "kind": "albJwt",
    "label": "AWS ALB: listener rule with JWT verification",
    "aliases": [
      "alb-jwt"
    ],
    "summary": "An Application Load Balancer's JWT-verification action: issuer, JWKS endpoint, exp, and additional claims.",
    "settings": [
      {
        "name": "issuer",
        "label": "Issuer",
        "hint": "The action's Issuer: iss must equal it.",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--issuer",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "jwksEndpoint",
        "label": "JWKS endpoint",
        "hint": "The action's JWKS endpoint: a public https URL (at most 10 keys, 150 KB).",
        "kind": "text",
        "required": true,
        "advanced": false,
        "flag": "--jwks-endpoint",
        "suggestions": [],
        "initial": ""
      },
      {
        "name": "claims",
        "label": "Additional claims",
        "hint": "Each name=value (several values separated by spaces): the claim must hold one of them.",
        "kind": "list",
        "required": false,
        "advanced": false,
        "flag": "--claim",
        "suggestions": [],
        "initial": ""
      }
    ]
  }
];

/** The Cognito user-pool operations a user's access token authorizes. */
export const OPERATIONS = [
  "GetUser",
  "UpdateUserAttributes",
  "DeleteUserAttributes",
  "DeleteUser",
  "ChangePassword",
  "GetUserAttributeVerificationCode",
  "VerifyUserAttribute",
  "SetUserMFAPreference",
  "SetUserSettings",
  "GetUserAuthFactors",
  "GlobalSignOut",
  "ConfirmDevice",
  "ListDevices",
  "UpdateDeviceStatus",
  "StartWebAuthnRegistration",
  "CompleteWebAuthnRegistration",
  "ListWebAuthnCredentials",
  "DeleteWebAuthnCredential",
  "GetDevice",
  "ForgetDevice",
  "AssociateSoftwareToken",
  "VerifySoftwareToken"
];

/** The signature algorithms: name, family, symmetric. */
export const ALGORITHMS = [
  {
    "name": "HS256",
    "family": "hmac",
    "symmetric": true
  },
  {
    "name": "HS384",
    "family": "hmac",
    "symmetric": true
  },
  {
    "name": "HS512",
    "family": "hmac",
    "symmetric": true
  },
  {
    "name": "RS256",
    "family": "rsa",
    "symmetric": false
  },
  {
    "name": "RS384",
    "family": "rsa",
    "symmetric": false
  },
  {
    "name": "RS512",
    "family": "rsa",
    "symmetric": false
  },
  {
    "name": "PS256",
    "family": "rsaPss",
    "symmetric": false
  },
  {
    "name": "PS384",
    "family": "rsaPss",
    "symmetric": false
  },
  {
    "name": "PS512",
    "family": "rsaPss",
    "symmetric": false
  },
  {
    "name": "ES256",
    "family": "ecdsa",
    "symmetric": false
  },
  {
    "name": "ES384",
    "family": "ecdsa",
    "symmetric": false
  },
  {
    "name": "ES512",
    "family": "ecdsa",
    "symmetric": false
  },
  {
    "name": "ES256K",
    "family": "ecdsa",
    "symmetric": false
  },
  {
    "name": "EdDSA",
    "family": "eddsa",
    "symmetric": false
  },
  {
    "name": "Ed25519",
    "family": "eddsa",
    "symmetric": false
  }
];

/** The providers jwtlens recognises: id and name. */
export const PROVIDERS = [
  {
    "id": "alb",
    "name": "AWS Application Load Balancer"
  },
  {
    "id": "cognito",
    "name": "Amazon Cognito"
  },
  {
    "id": "entraV1",
    "name": "Microsoft Entra ID (v1.0 token)"
  },
  {
    "id": "entraV2",
    "name": "Microsoft Entra ID (v2.0 token)"
  },
  {
    "id": "auth0",
    "name": "Auth0"
  },
  {
    "id": "oktaOrg",
    "name": "Okta (org authorization server)"
  },
  {
    "id": "oktaCustom",
    "name": "Okta (custom authorization server)"
  },
  {
    "id": "keycloak",
    "name": "Keycloak"
  },
  {
    "id": "firebase",
    "name": "Firebase Authentication"
  },
  {
    "id": "google",
    "name": "Google"
  }
];

/** How an HMAC secret typed as text is read. */
export const SECRET_ENCODINGS = [
  "utf8",
  "base64",
  "base64url",
  "hex"
];

/** A Cognito user pool id, as a regular expression's source. */
export const POOL_ID_PATTERN = "^[A-Za-z0-9-]+_[A-Za-z0-9]+$";
