//! The context a diagnosis is made in: when, with how much clock skew, what the caller expects of the token and
//! which service it is sent to.
//!
//! The option types arrive from JavaScript (camelCase, unknown fields rejected so that a misspelt option is an
//! error instead of a silently skipped check). Every field is optional.

use serde::de::{self, DeserializeOwned, Deserializer, SeqAccess, Visitor};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::model::TargetKind;
use crate::limits::Limits;

/// The context of a diagnosis, borrowed from the caller's options.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The evaluation time, in seconds since the Unix epoch; without it, time checks are skipped.
    pub now: Option<f64>,
    /// Leeway in seconds for `exp`, `nbf` and `iat` (default 0).
    pub clock_skew: Option<f64>,
    /// What the caller's verifier expects.
    pub expect: Option<&'a Expectations>,
    /// The service the token is sent to.
    pub target: Option<&'a Target>,
    /// The `Authorization` header value as the paste shows it, when the paste was one (`Bearer Bearer eyJ…`, a
    /// quoted token, a curl command's header): the REST authorizer simulation reads it as sent.
    pub pasted_header: Option<&'a str>,
    /// How much one call reads and does (the regex, texts given in the options).
    pub limits: Limits,
}

/// A string or a list of strings, as JSON allows for `aud`-like values.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(untagged)]
pub enum OneOrMany {
    /// A single value.
    One(String),
    /// Several values.
    Many(Vec<String>),
}

impl OneOrMany {
    /// The values as a list.
    #[must_use]
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            Self::One(s) => vec![s.clone()],
            Self::Many(v) => v.clone(),
        }
    }
}

/// Which of the two user-facing token types is meant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "ExpectedTokenUse")]
pub enum ExpectedUse {
    /// An OpenID Connect ID token (who the user is).
    Id,
    /// An OAuth access token (what the bearer may do).
    Access,
}

/// What the caller's own verifier expects. Each field given adds a check; absent fields are not checked.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct Expectations {
    /// The exact issuer (`iss`) expected.
    pub issuer: Option<String>,
    /// A Cognito user pool id (`us-east-1_AbC123`); the issuer is derived from it.
    pub user_pool_id: Option<String>,
    /// A Cognito user pool ARN (`arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123`); the issuer
    /// is derived from it.
    pub user_pool_arn: Option<String>,
    /// An AWS region (`eu-west-1`): the token's Cognito issuer must be in it.
    pub region: Option<String>,
    /// The audience expected in `aud` (a resource server's identifier, or an OIDC client id).
    pub audience: Option<OneOrMany>,
    /// The OAuth client (app client) id: `aud` of an ID token, `client_id` of a Cognito access token.
    pub client_id: Option<String>,
    /// Which token type is expected.
    pub token_use: Option<ExpectedUse>,
    /// Scopes that must all be present in `scope` (or `scp`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Cognito groups: the token must be in at least one (`cognito:groups`), as aws-jwt-verify checks.
    pub groups: Option<Vec<String>>,
    /// The nonce sent in the authorization request; an ID token must echo it.
    pub nonce: Option<String>,
    /// The access token issued with the ID token; the ID token's `at_hash` must match it.
    pub access_token: Option<String>,
}

/// The service a token is sent to, whose decision jwtlens simulates.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(tag = "kind", rename_all = "camelCase")]
pub enum Target {
    /// A Cognito user-pool API operation authorized by an access token (GetUser, ChangePassword, …).
    CognitoApi(CognitoApiTarget),
    /// An API Gateway REST API method with a `COGNITO_USER_POOLS` authorizer.
    ApiGatewayRest(ApiGatewayRestTarget),
    /// An API Gateway HTTP API route with a JWT authorizer.
    ApiGatewayHttp(ApiGatewayHttpTarget),
    /// A generic OpenID Connect relying party validating an ID token.
    Oidc(OidcTarget),
    /// A resource server (an API) validating a JWT access token.
    ResourceServer(ResourceServerTarget),
    /// An API protected by Microsoft.Identity.Web (Entra ID).
    EntraApi(EntraApiTarget),
    /// An API protected by Auth0's express-oauth2-jwt-bearer.
    Auth0Api(Auth0ApiTarget),
    /// An API validating Okta access tokens with okta-jwt-verifier.
    OktaApi(OktaApiTarget),
    /// An API validating Keycloak access tokens.
    KeycloakApi(KeycloakApiTarget),
    /// A backend verifying Google ID tokens (google-auth-library).
    GoogleIdToken(GoogleIdTokenTarget),
    /// A backend verifying Firebase ID tokens (firebase-admin).
    FirebaseIdToken(FirebaseIdTokenTarget),
    /// A backend behind an ALB with OIDC authentication (`x-amzn-oidc-data`).
    AlbOidc(AlbOidcTarget),
    /// An ALB listener rule with a JWT-verification action.
    AlbJwt(AlbJwtTarget),
}

/// A Cognito user-pool API call.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct CognitoApiTarget {
    /// The operation name as in the API reference, e.g. `GetUser`.
    pub operation: String,
}

/// An API Gateway REST API `COGNITO_USER_POOLS` authorizer and the method it protects.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ApiGatewayRestTarget {
    /// The authorizer's `providerARNs`: the user pool ARNs it accepts.
    pub provider_arns: Vec<String>,
    /// The method's OAuth scopes (`authorizationScopes`). Absent or empty: the method wants an ID token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// The authorizer's token-validation regex (`identityValidationExpression`), matched against `aud`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub identity_validation_expression: Option<String>,
    /// The `Authorization` header value exactly as the client sends it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub header_value: Option<String>,
}

/// An API Gateway HTTP API JWT authorizer and the route it protects.
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ApiGatewayHttpTarget {
    /// The configured issuer, compared with `iss` exactly.
    pub issuer: String,
    /// The configured audiences: `aud` or `client_id` must be one of them.
    pub audiences: Vec<String>,
    /// The route's authorization scopes: `scope` or `scp` must hold at least one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
}

/// An OpenID Connect relying party (OIDC Core §3.1.3.7).
#[derive(Debug, Clone, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct OidcTarget {
    /// The issuer from the provider's discovery document.
    pub issuer: String,
    /// The relying party's client id.
    pub client_id: String,
}

/// A resource server (an API) validating JWT access tokens, as RFC 9068 §4 and RFC 7519 §7.2 describe.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct ResourceServerTarget {
    /// The issuer it trusts, compared with `iss` exactly (or use `issuers`).
    #[serde(default)]
    pub issuer: String,
    /// Several accepted issuers: `iss` must be one of them (with `issuer`, either passes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuers: Option<Vec<String>>,
    /// Its own identifier: `aud` must contain it (or one of `audiences`).
    #[serde(default)]
    pub audience: String,
    /// Several accepted audiences: `aud` must contain one of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audiences: Option<Vec<String>>,
    /// Scopes the call needs: `scope` (a string) or `scp` (a string or an array) must hold every one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// Roles the call needs, every one: from `roles`, Keycloak's `realm_access.roles` / `resource_access.<client>.roles`,
    /// or Auth0's `permissions`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// Allowed clients: the provider's client claim (`client_id`, `azp`, `cid` or `appid`) must be one of them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clients: Option<Vec<String>>,
    /// Whether it requires RFC 9068's `typ: at+jwt` (explicit typing). Default false: most APIs do not check it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub require_at_jwt: Option<bool>,
}

/// An ASP.NET Core API protected by Microsoft.Identity.Web (`AddMicrosoftIdentityWebApi`), configured as in its
/// `AzureAd` section of `appsettings.json`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct EntraApiTarget {
    /// The Directory (tenant) ID (`TenantId`).
    #[serde(default)]
    pub tenant_id: String,
    /// The API's Application (client) ID (`ClientId`).
    #[serde(default)]
    pub client_id: String,
    /// The App ID URI when it is configured as `Audience` (e.g. `api://orders`); default `api://<client id>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Delegated scopes the call accepts (`[RequiredScope]`): `scp` must hold one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// App roles (application permissions) the call accepts: `roles` must hold one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app_roles: Option<Vec<String>>,
    /// Allowed client applications (`appid` of v1.0 tokens, `azp` of v2.0 tokens).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clients: Option<Vec<String>>,
}

/// A Node API protected by Auth0's express-oauth2-jwt-bearer (`auth({ issuerBaseURL, audience })`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct Auth0ApiTarget {
    /// The tenant's domain or custom domain (`dev-x.us.auth0.com`); the issuer is `https://<domain>/`.
    #[serde(default)]
    pub domain: String,
    /// The API Identifier (Applications > APIs > your API > Settings).
    #[serde(default)]
    pub audience: String,
    /// Scopes the route requires (`requiredScopes`): `scope` must hold every one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
    /// RBAC permissions the route requires (`claimIncludes('permissions', …)`): every one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub permissions: Option<Vec<String>>,
    /// The API's signing algorithm (`tokenSigningAlg`): RS256 (default) or HS256.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub signing_alg: Option<String>,
}

/// An API validating Okta access tokens with okta-jwt-verifier (`verifyAccessToken(token, expectedAudience)`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct OktaApiTarget {
    /// The authorization server's issuer (`https://<okta domain>/oauth2/default`).
    #[serde(default)]
    pub issuer: String,
    /// The expected audience (the authorization server's Audience, default `api://default`).
    #[serde(default)]
    pub audience: String,
    /// Allowed client ids (`assertClaims: { cid }`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clients: Option<Vec<String>>,
    /// Scopes the call needs (`scp`, every one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
}

/// An API validating Keycloak access tokens of one realm.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct KeycloakApiTarget {
    /// The realm's URL, which is its issuer (`https://sso.example.com/realms/acme`).
    #[serde(default)]
    pub realm_url: String,
    /// The audience the API requires, when it checks one (the API's client id).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audience: Option<String>,
    /// Allowed clients (`azp`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub clients: Option<Vec<String>>,
    /// Roles the call needs, every one: realm roles, or `<client>:<role>` for a client role.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
    /// Scopes the call needs (`scope`, every one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scopes: Option<Vec<String>>,
}

/// A backend verifying Google ID tokens with google-auth-library (`verifyIdToken({ idToken, audience })`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct GoogleIdTokenTarget {
    /// The OAuth client ids accepted as `aud` (web, Android, iOS clients).
    #[serde(default)]
    pub audiences: Vec<String>,
    /// The Google Workspace domain the user must belong to (`hd`), when the backend checks it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hosted_domain: Option<String>,
}

/// A backend verifying Firebase ID tokens with firebase-admin (`getAuth().verifyIdToken(idToken)`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct FirebaseIdTokenTarget {
    /// The Firebase project id (Project settings > General > Project ID).
    #[serde(default)]
    pub project_id: String,
}

/// A backend behind an Application Load Balancer that authenticates users with OIDC or Cognito: it reads the
/// user-claims token of `x-amzn-oidc-data`.
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AlbOidcTarget {
    /// The load balancer's ARN: the token's `signer` must be it.
    #[serde(default)]
    pub alb_arn: String,
    /// The OAuth client id of the listener's authenticate action: the header's `client` must be it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub client_id: Option<String>,
    /// The identity provider's issuer of the authenticate action: the header's `iss` must be it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
}

/// An Application Load Balancer listener rule whose action verifies a JWT (`jwt-validation`).
#[derive(Debug, Clone, Default, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct AlbJwtTarget {
    /// The action's `Issuer`: `iss` must be it.
    #[serde(default)]
    pub issuer: String,
    /// The action's `JwksEndpoint` (an https URL the load balancer fetches the keys from).
    #[serde(default)]
    pub jwks_endpoint: String,
    /// The action's additional claims, each `name=value` (several values separated by spaces): the claim must hold
    /// one of the values.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub claims: Option<Vec<String>>,
}

impl Target {
    /// The target's kind.
    #[must_use]
    pub const fn kind(&self) -> TargetKind {
        match self {
            Self::CognitoApi(_) => TargetKind::CognitoApi,
            Self::ApiGatewayRest(_) => TargetKind::ApiGatewayRest,
            Self::ApiGatewayHttp(_) => TargetKind::ApiGatewayHttp,
            Self::Oidc(_) => TargetKind::Oidc,
            Self::ResourceServer(_) => TargetKind::ResourceServer,
            Self::EntraApi(_) => TargetKind::EntraApi,
            Self::Auth0Api(_) => TargetKind::Auth0Api,
            Self::OktaApi(_) => TargetKind::OktaApi,
            Self::KeycloakApi(_) => TargetKind::KeycloakApi,
            Self::GoogleIdToken(_) => TargetKind::GoogleIdToken,
            Self::FirebaseIdToken(_) => TargetKind::FirebaseIdToken,
            Self::AlbOidc(_) => TargetKind::AlbOidc,
            Self::AlbJwt(_) => TargetKind::AlbJwt,
        }
    }

    /// The `kind` as the options name it (`"entraApi"`).
    #[must_use]
    pub fn kind_name(&self) -> &'static str {
        TARGET_KINDS.get(self.kind() as usize).copied().unwrap_or("")
    }

    /// A short name for messages.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Self::CognitoApi(t) => format!("the Cognito {} API", t.operation),
            Self::ApiGatewayRest(_) => "the API Gateway REST Cognito authorizer".to_owned(),
            Self::ApiGatewayHttp(_) => "the API Gateway HTTP API JWT authorizer".to_owned(),
            Self::Oidc(_) => "the OpenID Connect relying party".to_owned(),
            Self::ResourceServer(_) => "the resource server".to_owned(),
            Self::EntraApi(_) => "the API (Microsoft.Identity.Web)".to_owned(),
            Self::Auth0Api(_) => "the API (express-oauth2-jwt-bearer)".to_owned(),
            Self::OktaApi(_) => "the API (okta-jwt-verifier)".to_owned(),
            Self::KeycloakApi(_) => "the API (Keycloak access tokens)".to_owned(),
            Self::GoogleIdToken(_) => "the backend (google-auth-library verifyIdToken)".to_owned(),
            Self::FirebaseIdToken(_) => "the backend (firebase-admin verifyIdToken)".to_owned(),
            Self::AlbOidc(_) => "the backend behind the load balancer".to_owned(),
            Self::AlbJwt(_) => "the load balancer's JWT verification".to_owned(),
        }
    }
}

// Read by hand rather than derived: serde's untagged and internally tagged enums buffer their content and answer a
// bad field with "data did not match any variant", without its path. These say what was expected, and where.

impl<'de> Deserialize<'de> for OneOrMany {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Either;
        impl<'de> Visitor<'de> for Either {
            type Value = OneOrMany;

            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a string or a list of strings")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<OneOrMany, E> {
                Ok(OneOrMany::One(v.to_owned()))
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<OneOrMany, A::Error> {
                let mut values = Vec::new();
                while let Some(v) = seq.next_element::<String>()? {
                    values.push(v);
                }
                Ok(OneOrMany::Many(values))
            }
        }
        deserializer.deserialize_any(Either)
    }
}

/// The target kinds, as `kind` names them.
const TARGET_KINDS: &[&str] = &[
    "cognitoApi",
    "apiGatewayRest",
    "apiGatewayHttp",
    "oidc",
    "resourceServer",
    "entraApi",
    "auth0Api",
    "oktaApi",
    "keycloakApi",
    "googleIdToken",
    "firebaseIdToken",
    "albOidc",
    "albJwt",
];

impl<'de> Deserialize<'de> for Target {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let mut fields = Map::<String, Value>::deserialize(deserializer)?;
        let kind = match fields.remove("kind") {
            Some(Value::String(kind)) => kind,
            Some(other) => return Err(de::Error::custom(format!("at kind: invalid type: {other}, expected a string"))),
            None => return Err(de::Error::missing_field("kind")),
        };
        let rest = Value::Object(fields);
        match kind.as_str() {
            "cognitoApi" => typed(rest).map(Self::CognitoApi),
            "apiGatewayRest" => typed(rest).map(Self::ApiGatewayRest),
            "apiGatewayHttp" => typed(rest).map(Self::ApiGatewayHttp),
            "oidc" => typed(rest).map(Self::Oidc),
            "resourceServer" => typed(rest).map(Self::ResourceServer),
            "entraApi" => typed(rest).map(Self::EntraApi),
            "auth0Api" => typed(rest).map(Self::Auth0Api),
            "oktaApi" => typed(rest).map(Self::OktaApi),
            "keycloakApi" => typed(rest).map(Self::KeycloakApi),
            "googleIdToken" => typed(rest).map(Self::GoogleIdToken),
            "firebaseIdToken" => typed(rest).map(Self::FirebaseIdToken),
            "albOidc" => typed(rest).map(Self::AlbOidc),
            "albJwt" => typed(rest).map(Self::AlbJwt),
            other => Err(de::Error::unknown_variant(other, TARGET_KINDS)),
        }
    }
}

/// A target's settings, read with the path of a bad field kept in the message (`at scopes[2]: …`).
fn typed<T: DeserializeOwned, E: de::Error>(value: Value) -> Result<T, E> {
    crate::typed::read(&value).map_err(|e| {
        if e.path.is_empty() { E::custom(e.message) } else { E::custom(format!("at {}: {}", e.path, e.message)) }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::api::InspectOptions;

    #[test]
    fn targets_deserialize_from_camel_case_json() {
        let o: InspectOptions = serde_json::from_str(
            r#"{"now": 1700000000.5, "clockSkew": 30, "expect": {"userPoolId": "us-east-1_abc", "audience": ["a","b"], "tokenUse": "access"},
                "target": {"kind": "apiGatewayRest", "providerArns": ["arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_abc"], "headerValue": "Bearer x"}}"#,
        )
        .unwrap();
        assert_eq!(o.now, Some(1_700_000_000.5));
        assert!(
            matches!(o.target, Some(Target::ApiGatewayRest(ref t)) if t.header_value.as_deref() == Some("Bearer x"))
        );
        let e = o.expect.unwrap();
        assert_eq!(e.audience.unwrap().to_vec(), ["a", "b"]);
        assert_eq!(e.token_use, Some(ExpectedUse::Access));
        let o: InspectOptions =
            serde_json::from_str(r#"{"target": {"kind": "cognitoApi", "operation": "GetUser"}}"#).unwrap();
        assert!(matches!(o.target, Some(Target::CognitoApi(_))));
    }

    #[test]
    fn misspelt_options_are_rejected() {
        assert!(serde_json::from_str::<InspectOptions>(r#"{"clockskew": 3}"#).is_err());
        assert!(serde_json::from_str::<InspectOptions>(r#"{"expect": {"issuers": "x"}}"#).is_err());
        assert!(
            serde_json::from_str::<InspectOptions>(r#"{"target": {"kind": "oidc", "issuer": "x", "clientID": "y"}}"#)
                .is_err()
        );
        assert!(serde_json::from_str::<InspectOptions>(r#"{"target": {"kind": "lambda"}}"#).is_err());
    }
}
