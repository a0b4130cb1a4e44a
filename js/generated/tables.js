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
