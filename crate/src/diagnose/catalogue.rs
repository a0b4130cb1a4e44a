//! The claim catalogue: for every header parameter and claim present, where it is defined, what it means, and for
//! times the ISO-8601 UTC value and the distance from the evaluation time.

use serde::Serialize;
use serde_json::Value;

use super::{Ctx, ProviderId, Subject};
use crate::datetime::{duration, iso8601};
use crate::decode::token::Token;
use crate::finding::Part;

/// One header parameter or claim, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueEntry {
    /// `header` or `payload`.
    pub part: Part,
    /// True for the inner token of a nested JWT.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub inner: bool,
    /// The member name.
    pub name: String,
    /// The specification or provider that defines it; `None` when unknown.
    pub defined_by: Option<&'static str>,
    /// What it means, in one line.
    pub meaning: String,
    /// For NumericDate claims: the date and its distance from the evaluation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeInfo>,
}

/// A NumericDate, for people.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TimeInfo {
    /// ISO-8601 UTC, e.g. `2023-11-14T22:13:20Z`.
    pub iso: String,
    /// The distance from the evaluation time in words, e.g. `expired 3 h 12 min ago`; absent without `now`.
    pub relative: Option<String>,
    /// Seconds from the evaluation time to this date (negative: in the past); absent without `now`.
    pub seconds_from_now: Option<f64>,
}

const RFC7515: &str = "RFC 7515 (JWS)";
const RFC7516: &str = "RFC 7516 (JWE)";
const RFC7518: &str = "RFC 7518 (JWA)";
const RFC7519: &str = "RFC 7519 (JWT)";
const RFC7797: &str = "RFC 7797 (unencoded payload)";
const RFC7800: &str = "RFC 7800 (proof of possession)";
const RFC8693: &str = "RFC 8693 (token exchange)";
const RFC9068: &str = "RFC 9068 (JWT access tokens)";
const OIDC: &str = "OpenID Connect Core 1.0";
const COGNITO: &str = "Amazon Cognito";
const ENTRA: &str = "Microsoft Entra ID";
const OKTA: &str = "Okta";
const AUTH0: &str = "Auth0";
const KEYCLOAK: &str = "Keycloak";
const FIREBASE: &str = "Firebase Authentication";
const GOOGLE: &str = "Google";
const ALB: &str = "AWS Application Load Balancer";

/// Which provider's tokens an entry is for; `Any` is the registered meaning.
#[derive(Clone, Copy, PartialEq, Eq)]
enum For {
    Any,
    Cognito,
    Entra,
    Okta,
    Keycloak,
    Auth0,
    Firebase,
    Google,
    Alb,
}

impl For {
    fn matches(self, p: ProviderId) -> bool {
        match self {
            Self::Any => true,
            Self::Cognito => p == ProviderId::Cognito,
            Self::Entra => matches!(p, ProviderId::EntraV1 | ProviderId::EntraV2),
            Self::Okta => matches!(p, ProviderId::OktaOrg | ProviderId::OktaCustom),
            Self::Keycloak => p == ProviderId::Keycloak,
            Self::Auth0 => p == ProviderId::Auth0,
            Self::Firebase => p == ProviderId::Firebase,
            Self::Google => p == ProviderId::Google,
            Self::Alb => p == ProviderId::Alb,
        }
    }
}

type Def = (&'static str, For, &'static str, &'static str);

const HEADER: &[Def] = &[
    ("alg", For::Any, RFC7515, "The algorithm the token is signed (or its key encrypted) with."),
    ("typ", For::Any, RFC7515, "The media type of the whole token: JWT, or at+jwt for RFC 9068 access tokens."),
    ("cty", For::Any, RFC7515, "The content type of the payload; JWT means the payload is itself a token (nested)."),
    ("kid", For::Any, RFC7515, "Which of the issuer's keys signed the token; looked up in its JWKS."),
    ("jku", For::Any, RFC7515, "A URL of a key set chosen by the token; never trust it to verify the token itself."),
    ("jwk", For::Any, RFC7515, "A public key carried by the token; proves nothing about who signed it."),
    ("x5u", For::Any, RFC7515, "A URL of an X.509 certificate chosen by the token."),
    (
        "x5c",
        For::Any,
        RFC7515,
        "An X.509 certificate chain carried by the token; proves nothing unless the chain is validated.",
    ),
    ("x5t", For::Any, RFC7515, "SHA-1 thumbprint of the signing certificate."),
    ("x5t#S256", For::Any, RFC7515, "SHA-256 thumbprint of the signing certificate."),
    ("crit", For::Any, RFC7515, "Header parameters the verifier must understand, or reject the token."),
    ("enc", For::Any, RFC7516, "The content-encryption algorithm of a JWE."),
    ("zip", For::Any, RFC7516, "Compression applied before encryption."),
    ("epk", For::Any, RFC7518, "Ephemeral public key for ECDH key agreement."),
    ("apu", For::Any, RFC7518, "Agreement PartyUInfo for ECDH."),
    ("apv", For::Any, RFC7518, "Agreement PartyVInfo for ECDH."),
    ("iv", For::Any, RFC7518, "Initialisation vector for AES-GCM key wrapping."),
    ("tag", For::Any, RFC7518, "Authentication tag for AES-GCM key wrapping."),
    ("p2s", For::Any, RFC7518, "Salt for PBES2 password-based encryption."),
    ("p2c", For::Any, RFC7518, "Iteration count for PBES2 password-based encryption."),
    ("b64", For::Any, RFC7797, "false: the payload is signed unencoded."),
    ("signer", For::Alb, ALB, "The ARN of the load balancer that signed the token; check it is yours."),
    ("client", For::Alb, ALB, "The OAuth client id the load balancer authenticated with."),
    ("iss", For::Alb, ALB, "The identity provider the load balancer authenticated the user with."),
    ("exp", For::Alb, ALB, "When the load balancer's token expires (seconds since the epoch)."),
    (
        "nonce",
        For::Entra,
        ENTRA,
        "A nonce in the header, seen in tokens for Microsoft Graph, which your app cannot validate.",
    ),
];

const CLAIMS: &[Def] = &[
    ("iss", For::Any, RFC7519, "Issuer: who made the token; compared exactly with the expected issuer."),
    ("sub", For::Any, RFC7519, "Subject: the user (or client) the token is about, unique within the issuer."),
    (
        "aud",
        For::Any,
        RFC7519,
        "Audience: who the token is for (a client id or an API identifier); a string or an array.",
    ),
    ("exp", For::Any, RFC7519, "Expiration time: the token must not be accepted from this time on."),
    ("nbf", For::Any, RFC7519, "Not before: the token must not be accepted before this time."),
    ("iat", For::Any, RFC7519, "Issued at: when the token was made."),
    ("jti", For::Any, RFC7519, "JWT ID: a unique identifier of this token, used against replay and for revocation."),
    ("auth_time", For::Any, OIDC, "When the user actually authenticated; stays the same when tokens are refreshed."),
    ("nonce", For::Any, OIDC, "Echo of the nonce the client sent in the authorization request, against replay."),
    ("acr", For::Any, OIDC, "Authentication context class: how strongly the user authenticated."),
    ("amr", For::Any, OIDC, "Authentication methods used (pwd, mfa, otp, …; values in RFC 8176)."),
    ("azp", For::Any, OIDC, "Authorized party: the client the token was issued to."),
    (
        "azp",
        For::Keycloak,
        KEYCLOAK,
        "The client that requested the token (Keycloak's aud often names other services, such as account).",
    ),
    ("at_hash", For::Any, OIDC, "Hash of the access token issued with this ID token: binds the two."),
    ("c_hash", For::Any, OIDC, "Hash of the authorization code issued with this ID token."),
    ("s_hash", For::Any, "OpenID Financial-grade API", "Hash of the state parameter."),
    ("sid", For::Any, "OpenID Connect Front/Back-Channel Logout", "Session id at the provider, used for logout."),
    ("name", For::Any, OIDC, "The user's full name."),
    ("given_name", For::Any, OIDC, "The user's given name."),
    ("family_name", For::Any, OIDC, "The user's family name."),
    ("middle_name", For::Any, OIDC, "The user's middle name."),
    ("nickname", For::Any, OIDC, "The user's casual name."),
    ("preferred_username", For::Any, OIDC, "The user's preferred user name; not unique or stable, don't key on it."),
    ("profile", For::Any, OIDC, "URL of the user's profile page."),
    ("picture", For::Any, OIDC, "URL of the user's picture."),
    ("website", For::Any, OIDC, "URL of the user's web site."),
    ("email", For::Any, OIDC, "The user's email address."),
    ("email_verified", For::Any, OIDC, "Whether the provider verified the email address."),
    ("gender", For::Any, OIDC, "The user's gender."),
    ("birthdate", For::Any, OIDC, "The user's birthday (YYYY-MM-DD)."),
    ("zoneinfo", For::Any, OIDC, "The user's time zone."),
    ("locale", For::Any, OIDC, "The user's locale."),
    ("phone_number", For::Any, OIDC, "The user's phone number."),
    ("phone_number_verified", For::Any, OIDC, "Whether the provider verified the phone number."),
    ("address", For::Any, OIDC, "The user's postal address."),
    ("updated_at", For::Any, OIDC, "When the user's profile was last updated."),
    ("scope", For::Any, RFC8693, "The granted OAuth scopes, space-separated."),
    (
        "scope",
        For::Cognito,
        COGNITO,
        "The granted OAuth scopes, space-separated; aws.cognito.signin.user.admin authorizes the user-pool API, custom scopes read resourceServer/scope.",
    ),
    ("client_id", For::Any, RFC9068, "The OAuth client the access token was issued to."),
    ("client_id", For::Cognito, COGNITO, "The app client the access token was issued to (access tokens have no aud)."),
    ("act", For::Any, RFC8693, "The actor acting on behalf of the subject (delegation)."),
    ("may_act", For::Any, RFC8693, "Who may act on behalf of the subject."),
    ("cnf", For::Any, RFC7800, "Confirmation: the key the bearer must prove possession of (DPoP, mTLS)."),
    ("roles", For::Any, RFC9068, "Roles of the subject."),
    ("groups", For::Any, RFC9068, "Groups of the subject."),
    ("entitlements", For::Any, RFC9068, "Entitlements of the subject."),
    ("token_use", For::Any, COGNITO, "Which token this is: id or access."),
    ("cognito:username", For::Any, COGNITO, "The user name in the user pool (for federated users like google_1052…)."),
    ("cognito:groups", For::Any, COGNITO, "The user pool groups the user is in."),
    ("cognito:preferred_role", For::Any, COGNITO, "The IAM role of the user's highest-precedence group."),
    ("cognito:roles", For::Any, COGNITO, "The IAM roles of the user's groups."),
    (
        "origin_jti",
        For::Any,
        COGNITO,
        "Identifier of the original authentication, shared by the tokens of one sign-in; used for revocation.",
    ),
    ("event_id", For::Any, COGNITO, "An identifier of the authentication event (meaning not documented by AWS)."),
    ("device_key", For::Any, COGNITO, "The remembered device's key (device tracking)."),
    ("username", For::Cognito, COGNITO, "The user name in the user pool."),
    (
        "version",
        For::Cognito,
        COGNITO,
        "Token format version, seen as 2 in tokens from the OAuth endpoints (meaning not documented).",
    ),
    ("identities", For::Cognito, COGNITO, "The federated identities (Google, SAML, …) linked to the user."),
    ("tid", For::Entra, ENTRA, "The tenant the user signed in to."),
    ("oid", For::Entra, ENTRA, "The user's object id: stable across applications in the tenant."),
    ("ver", For::Entra, ENTRA, "Token version: 1.0 or 2.0 (chosen by the API's accessTokenAcceptedVersion)."),
    ("ver", For::Okta, OKTA, "Token version."),
    ("appid", For::Entra, ENTRA, "The client application (v1.0 tokens; azp in v2.0)."),
    ("appidacr", For::Entra, ENTRA, "How the client authenticated (v1.0): 0 public, 1 secret, 2 certificate."),
    ("azpacr", For::Entra, ENTRA, "How the client authenticated (v2.0): 0 public, 1 secret, 2 certificate."),
    ("scp", For::Entra, ENTRA, "Delegated permissions granted to the client, space-separated (user tokens only)."),
    ("scp", For::Okta, OKTA, "The granted scopes, as a JSON array."),
    ("scp", For::Any, "provider-specific (Entra, Okta)", "The granted scopes (a string in Entra, an array in Okta)."),
    (
        "roles",
        For::Entra,
        ENTRA,
        "App roles: application permissions (client credentials) or roles assigned to the user.",
    ),
    ("groups", For::Entra, ENTRA, "Group object ids; replaced by _claim_names when there are too many (overage)."),
    ("wids", For::Entra, ENTRA, "Directory roles of the user (role template ids)."),
    ("uti", For::Entra, ENTRA, "Token identifier, used internally by Microsoft (like jti)."),
    ("rh", For::Entra, ENTRA, "Opaque, used internally by Microsoft."),
    ("aio", For::Entra, ENTRA, "Opaque, used internally by Microsoft."),
    ("idp", For::Entra, ENTRA, "The identity provider that authenticated the user."),
    ("upn", For::Entra, ENTRA, "The user principal name (v1.0)."),
    ("unique_name", For::Entra, ENTRA, "A display name for the user (v1.0)."),
    ("ipaddr", For::Entra, ENTRA, "The IP address the user authenticated from."),
    ("_claim_names", For::Entra, ENTRA, "Groups overage: the groups did not fit in the token; fetch them from Graph."),
    ("_claim_sources", For::Entra, ENTRA, "Where to fetch the overflowing claims from."),
    ("cid", For::Okta, OKTA, "The client the access token was issued to."),
    ("uid", For::Okta, OKTA, "The user's Okta id."),
    ("gty", For::Any, AUTH0, "Grant type, e.g. client-credentials."),
    ("permissions", For::Auth0, AUTH0, "The API permissions granted (RBAC)."),
    ("org_id", For::Auth0, AUTH0, "The organization the user signed in to."),
    ("realm_access", For::Keycloak, KEYCLOAK, "The user's realm roles."),
    ("resource_access", For::Keycloak, KEYCLOAK, "The user's client roles, per client."),
    ("allowed-origins", For::Keycloak, KEYCLOAK, "Web origins allowed for CORS."),
    ("session_state", For::Keycloak, KEYCLOAK, "The Keycloak session id."),
    ("typ", For::Keycloak, KEYCLOAK, "Keycloak's token type: Bearer (access), ID or Refresh."),
    ("firebase", For::Any, FIREBASE, "Sign-in details: sign_in_provider, identities, tenant."),
    ("user_id", For::Firebase, FIREBASE, "The Firebase uid (same as sub)."),
    ("hd", For::Google, GOOGLE, "The Google Workspace domain of the user."),
];

fn lookup(table: &[Def], name: &str, provider: ProviderId) -> Option<(&'static str, &'static str)> {
    let specific = table.iter().find(|(n, f, _, _)| *n == name && *f != For::Any && f.matches(provider));
    let generic = table.iter().find(|(n, f, _, _)| *n == name && *f == For::Any);
    specific.or(generic).map(|(_, _, by, meaning)| (*by, *meaning))
}

fn relative(name: &str, seconds_from_now: f64) -> String {
    let d = duration(seconds_from_now);
    let future = seconds_from_now > 0.0;
    match (name, future) {
        ("exp", true) => format!("expires in {d}"),
        ("exp", false) => format!("expired {d} ago"),
        ("nbf", true) => format!("not valid for another {d}"),
        ("nbf", false) => format!("valid since {d} ago"),
        ("iat", true) => format!("issued {d} in the future"),
        ("iat", false) => format!("issued {d} ago"),
        ("auth_time", true) => format!("signed in {d} in the future"),
        ("auth_time", false) => format!("signed in {d} ago"),
        (_, true) => format!("in {d}"),
        (_, false) => format!("{d} ago"),
    }
}

fn time_info(ctx: &Ctx<'_>, name: &str, value: &Value) -> Option<TimeInfo> {
    if !matches!(name, "exp" | "nbf" | "iat" | "auth_time" | "updated_at") {
        return None;
    }
    let v = value.as_f64()?;
    let iso = iso8601(v)?;
    let seconds_from_now = ctx.now.map(|now| v - now);
    Some(TimeInfo { iso, relative: seconds_from_now.map(|d| relative(name, d)), seconds_from_now })
}

fn unknown_claim(name: &str) -> (Option<&'static str>, String) {
    if let Some(attr) = name.strip_prefix("custom:") {
        return (
            Some(COGNITO),
            format!("The custom user attribute {attr} (always a string in ID tokens, whatever its type)."),
        );
    }
    if name.starts_with("https://") || name.starts_with("http://") {
        return (None, "A namespaced custom claim (Auth0 and others name custom claims with a URL).".to_owned());
    }
    if name.starts_with("xms_") {
        return (Some(ENTRA), "An optional Microsoft claim (xms_ prefix).".to_owned());
    }
    (None, "Not a registered or known provider claim: its meaning is set by the issuer.".to_owned())
}

fn entries(ctx: &Ctx<'_>, token: &Token, provider: ProviderId, inner: bool, out: &mut Vec<CatalogueEntry>) {
    if let Some(header) = token.header_object() {
        for (name, value) in header {
            let (defined_by, meaning) = match lookup(HEADER, name, provider) {
                Some((by, m)) => (Some(by), m.to_owned()),
                None => (None, "Not a registered header parameter: its meaning is set by the issuer.".to_owned()),
            };
            let time = if provider == ProviderId::Alb && name == "exp" { time_info(ctx, name, value) } else { None };
            out.push(CatalogueEntry { part: Part::Header, inner, name: name.clone(), defined_by, meaning, time });
        }
    }
    if let Some(claims) = token.claims() {
        for (name, value) in claims {
            let (defined_by, meaning) = match lookup(CLAIMS, name, provider) {
                Some((by, m)) => (Some(by), m.to_owned()),
                None => unknown_claim(name),
            };
            out.push(CatalogueEntry {
                part: Part::Payload,
                inner,
                name: name.clone(),
                defined_by,
                meaning,
                time: time_info(ctx, name, value),
            });
        }
    }
}

/// The catalogue of `outer` (and of the tokens nested in it).
pub(crate) fn catalogue(ctx: &Ctx<'_>, outer: &Token, s: &Subject<'_>) -> Vec<CatalogueEntry> {
    let mut out = Vec::new();
    let mut token = outer;
    let mut inner = false;
    for _ in 0..8 {
        entries(ctx, token, s.provider.id, inner, &mut out);
        match token.inner.as_deref() {
            Some(next) => {
                token = next;
                inner = true;
            }
            None => break,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;

    #[test]
    fn every_member_is_catalogued_with_times() {
        let t = cognito_access("aws.cognito.signin.user.admin");
        let exp_past = jwt(
            r#"{"alg":"RS256","kid":"k","x-custom":1}"#,
            &format!(
                r#"{{"exp":{},"iat":{},"custom:plan":"pro","https://example.com/roles":["a"],"zz":1}}"#,
                NOW - 3.0 * 3600.0 - 12.0 * 60.0,
                NOW - 4.0 * 3600.0
            ),
        );
        let i = run(&exp_past, &with_now(NOW));
        let cat = &i.diagnoses[0].catalogue;
        let names: Vec<_> = cat.iter().map(|e| (e.part, e.name.as_str())).collect();
        assert_eq!(
            names,
            [
                (Part::Header, "alg"),
                (Part::Header, "kid"),
                (Part::Header, "x-custom"),
                (Part::Payload, "exp"),
                (Part::Payload, "iat"),
                (Part::Payload, "custom:plan"),
                (Part::Payload, "https://example.com/roles"),
                (Part::Payload, "zz"),
            ]
        );
        let exp = &cat[3];
        assert_eq!(exp.defined_by, Some("RFC 7519 (JWT)"));
        let time = exp.time.as_ref().unwrap();
        assert_eq!(time.iso, "2023-11-14T19:01:20Z");
        assert_eq!(time.relative.as_deref(), Some("expired 3 h 12 min ago"));
        assert_eq!(cat[4].time.as_ref().unwrap().relative.as_deref(), Some("issued 4 h ago"));
        assert_eq!(cat[5].defined_by, Some("Amazon Cognito"));
        assert_eq!(cat[7].defined_by, None);
        assert_eq!(cat[2].defined_by, None);

        let i = run(&t, &with_now(NOW));
        let cat = &i.diagnoses[0].catalogue;
        let scope = cat.iter().find(|e| e.name == "scope").unwrap();
        assert!(scope.meaning.contains("aws.cognito.signin.user.admin"));
        let exp = cat.iter().find(|e| e.name == "exp").unwrap();
        assert_eq!(exp.time.as_ref().unwrap().relative.as_deref(), Some("expires in 59 min"));
        assert!(cat.iter().all(|e| e.defined_by.is_some()), "{cat:#?}");
    }

    #[test]
    fn provider_specific_meanings_and_no_now() {
        let okta = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com/oauth2/default","scp":["openid"],"cid":"c","uid":"u","exp":1}"#,
        );
        let i = run(&okta, &InspectOptionsExt::empty());
        let scp = i.diagnoses[0].catalogue.iter().find(|e| e.name == "scp").unwrap();
        assert_eq!(scp.defined_by, Some("Okta"));
        let exp = i.diagnoses[0].catalogue.iter().find(|e| e.name == "exp").unwrap();
        assert_eq!(exp.time.as_ref().unwrap().relative, None);
    }

    struct InspectOptionsExt;
    impl InspectOptionsExt {
        fn empty() -> crate::InspectOptions {
            crate::InspectOptions::default()
        }
    }
}
