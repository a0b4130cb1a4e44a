//! Providers: who issued a token (from `iss` and the token's shape), whether it is an ID, access or refresh token,
//! and the classic confusions of providers other than Cognito (Entra, Auth0, Okta, Keycloak, Firebase, Google, ALB).
//!
//! Facts and sources: `shared/knowledge/identity-providers.md` §7 (providers) and §4.4 (ALB).

use serde::Serialize;
use serde_json::Value;

use super::{Ctx, Subject, TokenUse, quoted};
use crate::codes::ProviderCode;
use crate::decode::token::{Token, TokenKind};
use crate::finding::Finding;
use crate::issuer::{Url, looks_like_pool_id, parse_url};

/// The providers jwtlens recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum ProviderId {
    /// Amazon Cognito user pools.
    Cognito,
    /// Microsoft Entra ID, v1.0 tokens (`https://sts.windows.net/{tenant}/`).
    EntraV1,
    /// Microsoft Entra ID, v2.0 tokens (`https://login.microsoftonline.com/{tenant}/v2.0`).
    EntraV2,
    /// Auth0.
    Auth0,
    /// Okta's org authorization server.
    OktaOrg,
    /// An Okta custom authorization server (`/oauth2/{id}`).
    OktaCustom,
    /// Keycloak (`/realms/{realm}`).
    Keycloak,
    /// Firebase Authentication (`securetoken.google.com`).
    Firebase,
    /// Google accounts (Sign in with Google).
    Google,
    /// AWS Application Load Balancer authentication.
    Alb,
    /// Not recognised.
    Unknown,
}

/// Who issued the token, and what could be read from the issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ProviderDetection {
    /// The provider.
    pub id: ProviderId,
    /// Its name for people.
    pub name: &'static str,
    /// What the detection rests on.
    pub evidence: String,
    /// True for a local emulator (localhost issuers, Cognito `local_` pools, Firebase's emulator).
    pub emulator: bool,
    /// AWS region (Cognito, ALB).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub region: Option<String>,
    /// Cognito user pool id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_pool_id: Option<String>,
    /// Entra tenant id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tenant_id: Option<String>,
    /// Keycloak realm.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub realm: Option<String>,
    /// Firebase / Google Cloud project id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub project_id: Option<String>,
    /// Okta custom authorization server id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub authorization_server: Option<String>,
}

impl ProviderDetection {
    fn new(id: ProviderId, evidence: impl Into<String>) -> Self {
        let name = match id {
            ProviderId::Cognito => "Amazon Cognito",
            ProviderId::EntraV1 => "Microsoft Entra ID (v1.0 token)",
            ProviderId::EntraV2 => "Microsoft Entra ID (v2.0 token)",
            ProviderId::Auth0 => "Auth0",
            ProviderId::OktaOrg => "Okta (org authorization server)",
            ProviderId::OktaCustom => "Okta (custom authorization server)",
            ProviderId::Keycloak => "Keycloak",
            ProviderId::Firebase => "Firebase Authentication",
            ProviderId::Google => "Google",
            ProviderId::Alb => "AWS Application Load Balancer",
            ProviderId::Unknown => "an unrecognised issuer",
        };
        Self {
            id,
            name,
            evidence: evidence.into(),
            emulator: false,
            region: None,
            user_pool_id: None,
            tenant_id: None,
            realm: None,
            project_id: None,
            authorization_server: None,
        }
    }

    /// True for Entra v1 or v2.
    #[must_use]
    pub fn is_entra(&self) -> bool {
        matches!(self.id, ProviderId::EntraV1 | ProviderId::EntraV2)
    }

    /// True for both Okta servers.
    #[must_use]
    pub fn is_okta(&self) -> bool {
        matches!(self.id, ProviderId::OktaOrg | ProviderId::OktaCustom)
    }
}

fn claims_look_cognito(token: &Token) -> bool {
    token.claims().is_some_and(|c| {
        c.get("token_use").is_some()
            && (c.contains_key("cognito:username") || c.contains_key("client_id") || c.contains_key("origin_jti"))
    })
}

/// Detects the provider from `iss`, the header and the claims' shape.
#[must_use]
pub fn detect(outer: &Token, token: &Token) -> ProviderDetection {
    let claims = token.claims();
    let header = outer.header_object();
    if let Some(signer) = header.and_then(|h| h.get("signer")).and_then(Value::as_str)
        && signer.starts_with("arn:aws:elasticloadbalancing:")
    {
        let mut p = ProviderDetection::new(
            ProviderId::Alb,
            format!("The header's \"signer\" is a load balancer ARN ({signer})."),
        );
        p.region = signer.split(':').nth(3).map(str::to_owned);
        return p;
    }
    let iss = claims.and_then(|c| c.get("iss")).and_then(Value::as_str).unwrap_or("");
    let url = parse_url(iss);
    let mut p = match &url {
        Some(u) => from_url(iss, u, token),
        None if iss == "accounts.google.com" => {
            ProviderDetection::new(ProviderId::Google, "iss is accounts.google.com.")
        }
        None => ProviderDetection::new(
            ProviderId::Unknown,
            if iss.is_empty() { "The token has no iss." } else { "iss is not a URL." },
        ),
    };
    if p.id == ProviderId::Unknown && claims_look_cognito(token) {
        p = ProviderDetection::new(
            ProviderId::Cognito,
            "The claims have Cognito's shape (token_use with cognito:username, client_id or origin_jti).",
        );
    }
    if url.as_ref().is_some_and(Url::is_local) {
        p.emulator = true;
    }
    if p.user_pool_id.as_deref().is_some_and(|id| id.starts_with("local_")) {
        p.emulator = true;
    }
    if p.id == ProviderId::Firebase && token.kind == TokenKind::Unsecured {
        p.emulator = true;
        p.evidence.push_str(" Unsigned, as the Firebase Auth emulator issues them.");
    }
    p
}

fn from_url(iss: &str, u: &Url<'_>, token: &Token) -> ProviderDetection {
    let host = u.hostname();
    let segs = u.segments();
    let claims = token.claims();
    let has = |k: &str| claims.is_some_and(|c| c.contains_key(k));
    if host.starts_with("cognito-idp.") && (host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")) {
        let mut p = ProviderDetection::new(ProviderId::Cognito, "iss is a cognito-idp host.");
        p.region = host.split('.').nth(1).map(str::to_owned);
        p.user_pool_id = segs.first().map(|s| (*s).to_owned());
        return p;
    }
    if u.is_local() && segs.first().is_some_and(|s| looks_like_pool_id(s)) {
        let mut p = ProviderDetection::new(
            ProviderId::Cognito,
            format!("iss {iss} is a local host with a user-pool-id path, as Cognito emulators issue."),
        );
        p.user_pool_id = segs.first().map(|s| (*s).to_owned());
        p.region = p
            .user_pool_id
            .as_deref()
            .and_then(|id| id.split_once('_'))
            .map(|(r, _)| r.to_owned())
            .filter(|r| r != "local");
        return p;
    }
    if host == "sts.windows.net" {
        let mut p =
            ProviderDetection::new(ProviderId::EntraV1, "iss is https://sts.windows.net/{tenant}/ (v1.0 token).");
        p.tenant_id = segs.first().map(|s| (*s).to_owned());
        return p;
    }
    if host == "login.microsoftonline.com" {
        let v2 = segs.get(1) == Some(&"v2.0");
        let mut p = if v2 {
            ProviderDetection::new(
                ProviderId::EntraV2,
                "iss is https://login.microsoftonline.com/{tenant}/v2.0 (v2.0 token).",
            )
        } else {
            ProviderDetection::new(ProviderId::EntraV1, "iss is login.microsoftonline.com without /v2.0.")
        };
        p.tenant_id = segs.first().map(|s| (*s).to_owned());
        return p;
    }
    if host.ends_with(".auth0.com") {
        return ProviderDetection::new(ProviderId::Auth0, "iss is an auth0.com tenant.");
    }
    if host.ends_with(".okta.com")
        || host.ends_with(".oktapreview.com")
        || host.ends_with(".okta-emea.com")
        || host.ends_with(".okta-gov.com")
        || (segs.first() == Some(&"oauth2") && has("cid") && has("uid"))
    {
        return match segs.as_slice() {
            ["oauth2", server, ..] => {
                let mut p = ProviderDetection::new(
                    ProviderId::OktaCustom,
                    format!("iss is an Okta custom authorization server (/oauth2/{server})."),
                );
                p.authorization_server = Some((*server).to_owned());
                p
            }
            _ => ProviderDetection::new(
                ProviderId::OktaOrg,
                "iss is an Okta org with no /oauth2/ path: the org authorization server.",
            ),
        };
    }
    if let Some(pos) = segs.iter().position(|s| *s == "realms")
        && let Some(realm) = segs.get(pos + 1)
    {
        let mut p = ProviderDetection::new(
            ProviderId::Keycloak,
            format!("iss has a /realms/{realm} path, as Keycloak issuers do."),
        );
        p.realm = Some((*realm).to_owned());
        return p;
    }
    if host == "securetoken.google.com" || host == "session.firebase.google.com" {
        let mut p = ProviderDetection::new(ProviderId::Firebase, format!("iss is {host}/<project id>."));
        p.project_id = segs.first().map(|s| (*s).to_owned());
        return p;
    }
    if host == "accounts.google.com" {
        return ProviderDetection::new(ProviderId::Google, "iss is accounts.google.com.");
    }
    let userinfo = claims.and_then(|c| c.get("aud")).is_some_and(|aud| match aud {
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(|s| s.ends_with("/userinfo")),
        _ => false,
    });
    if has("gty") || (userinfo && iss.ends_with('/')) {
        return ProviderDetection::new(
            ProviderId::Auth0,
            "The claims have Auth0's shape (gty, or an aud array with /userinfo); a custom domain.",
        );
    }
    ProviderDetection::new(ProviderId::Unknown, format!("iss {iss} matches no known provider."))
}

const AT_JWT: &[&str] = &["at+jwt", "application/at+jwt"];

/// Tells an ID token from an access token, with the reason.
#[must_use]
pub fn token_use(outer: &Token, token: &Token, provider: &ProviderDetection) -> (TokenUse, String) {
    if outer.kind == TokenKind::Jwe {
        let h = outer.header_object();
        let get = |k: &str| h.and_then(|h| h.get(k)).and_then(Value::as_str);
        if get("cty").is_some_and(|c| c.eq_ignore_ascii_case("JWT"))
            && get("alg") == Some("RSA-OAEP")
            && get("enc") == Some("A256GCM")
        {
            return (TokenUse::Refresh, "An encrypted JWE with the header of a Cognito refresh token.".to_owned());
        }
        return (TokenUse::Unknown, "An encrypted JWE: its claims cannot be read.".to_owned());
    }
    let Some(claims) = token.claims() else {
        return (TokenUse::Unknown, "The token has no readable claims.".to_owned());
    };
    let has = |k: &str| claims.contains_key(k);
    match claims.get("token_use").and_then(Value::as_str) {
        Some("id") => return (TokenUse::Id, "token_use is \"id\" (Cognito).".to_owned()),
        Some("access") => return (TokenUse::Access, "token_use is \"access\" (Cognito).".to_owned()),
        _ => {}
    }
    let typ = token.header_object().and_then(|h| h.get("typ")).and_then(Value::as_str).map(str::to_ascii_lowercase);
    if typ.as_deref().is_some_and(|t| AT_JWT.contains(&t)) {
        return (TokenUse::Access, "The header's typ is at+jwt (RFC 9068 access token).".to_owned());
    }
    if let Some(id) = ["nonce", "at_hash", "c_hash"].into_iter().find(|k| has(k)) {
        return (TokenUse::Id, format!("It has {id}, which only ID tokens carry."));
    }
    if has("scp") || has("scope") || has("roles") && provider.is_entra() {
        let which = if has("scp") {
            "scp"
        } else if has("scope") {
            "scope"
        } else {
            "roles"
        };
        return (TokenUse::Access, format!("It has {which} (granted permissions), which access tokens carry."));
    }
    if has("cid") && provider.is_okta() {
        return (TokenUse::Access, "It has Okta's cid (client id of an access token).".to_owned());
    }
    if matches!(provider.id, ProviderId::Firebase | ProviderId::Google) {
        return (TokenUse::Id, format!("{} issues ID tokens as JWTs (its access tokens are opaque).", provider.name));
    }
    if provider.is_entra()
        && has("ver")
        && has("aud")
        && has("tid")
        && !has("scp")
        && !has("roles")
        && (has("preferred_username") || has("email"))
    {
        return (TokenUse::Id, "An Entra token with user profile claims and no scp or roles.".to_owned());
    }
    (TokenUse::Unknown, "Nothing in the token says whether it is an ID or access token.".to_owned())
}

/// The `alg` a provider always uses, with the source of the fact.
fn expected_alg(p: &ProviderDetection) -> Option<&'static str> {
    match p.id {
        ProviderId::Cognito | ProviderId::Firebase | ProviderId::Google | ProviderId::EntraV1 | ProviderId::EntraV2 => {
            Some("RS256")
        }
        ProviderId::Alb => Some("ES256"),
        _ => None,
    }
}

const GRAPH_AUDIENCES: &[&str] =
    &["00000003-0000-0000-c000-000000000000", "https://graph.microsoft.com", "https://graph.microsoft.com/"];

/// Checks that need no expectation: emulators, algorithms, Graph tokens, Auth0 arrays, Okta org tokens, ALB tokens,
/// Entra roles when scopes are expected.
pub(crate) fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    let p = &s.provider;
    if p.emulator && p.id != ProviderId::Cognito {
        out.push(
            s.at_claim(ProviderCode::Emulator, "iss", format!("The issuer is a local emulator ({}). Its tokens are for local testing; real services and verifiers reject them.", s.str_claim("iss").unwrap_or("?")))
                .fix("Test against the emulator with a verifier configured for it, and use tokens from the real provider anywhere else."),
        );
    }
    if let (Some(expected), Some(alg)) = (expected_alg(p), s.alg())
        && alg != expected
        && !p.emulator
    {
        out.push(
            s.at_header(ProviderCode::UnexpectedAlg, "alg", format!("{} signs with {expected}, but this token says \"alg\": \"{alg}\". It was not issued by {} as is: forged, altered, or a test token.", p.name, p.name))
                .fix(format!("Verifiers for {} accept only {expected}; get a real token from the provider. A server that accepted this token must pin the algorithm (RFC 8725 §3.1).", p.name)),
        );
    }
    if let Some(aud) = s.audiences()
        && aud.iter().any(|a| GRAPH_AUDIENCES.contains(a))
    {
        let header_nonce = if s.header.is_some_and(|h| h.contains_key("nonce")) {
            " Its header carries a nonce, which is often named as the reason standard verification fails (not confirmed by Microsoft's documentation)."
        } else {
            ""
        };
        out.push(
            s.at_claim(ProviderCode::EntraGraphToken, "aud", format!("This token is for Microsoft Graph (aud {}). Microsoft says tokens for its own APIs use a format that cannot be validated by your app: signature checks fail by design.{header_nonce}", quoted(&aud)))
                .fix("Don't validate Graph tokens; just call Graph with them. For your own API, expose a scope on your app registration and request a token for it (scope api://<your-app-id>/<scope>)."),
        );
    }
    if p.id == ProviderId::Auth0
        && let Some(Value::Array(a)) = s.claim("aud")
        && a.len() > 1
    {
        out.push(
            s.at_claim(ProviderCode::Auth0AudArray, "aud", format!("\"aud\" is an array ({}): Auth0 adds its /userinfo endpoint when openid was requested with an API audience.", quoted(&a.iter().filter_map(Value::as_str).collect::<Vec<_>>())))
                .fix("Your verifier must accept an array aud that contains your API identifier (exactly, trailing slash included)."),
        );
    }
    if p.id == ProviderId::OktaOrg && s.token_use != TokenUse::Id {
        out.push(
            s.at_claim(ProviderCode::OktaOrgServer, "iss", "This access token comes from Okta's org authorization server (no /oauth2/{id} in iss). Okta says to treat such tokens as opaque: they are for Okta's own APIs, and your app should not validate them.")
                .fix("Create or use a custom authorization server (e.g. /oauth2/default) and request tokens from it for your API."),
        );
    }
    if p.id == ProviderId::Alb {
        out.push(
            s.at_header(ProviderCode::AlbToken, "signer", "This is the user-claims token an Application Load Balancer forwards in x-amzn-oidc-data: signed by the load balancer (ES256), not by the identity provider, often with base64 padding.")
                .fix("Verify it with the public key https://public-keys.auth.elb.<region>.amazonaws.com/<kid> (no JWKS) and check \"signer\" is your load balancer's ARN; the IdP's access token is in x-amzn-oidc-accesstoken."),
        );
    }
    if p.is_entra()
        && ctx.expect.scopes.as_ref().is_some_and(|v| !v.is_empty())
        && s.claim("scp").is_none()
        && s.claim("roles").is_some()
    {
        out.push(
            s.at_claim(ProviderCode::EntraRolesNotScp, "roles", "Scopes were expected in scp, but this Entra token has app roles (roles) and no scp: it was issued to an application (client credentials), not on behalf of a user.")
                .fix("Check roles for app-only tokens, or use a delegated flow (authorization code) to get scp. App permissions are granted as app roles on the API's registration."),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;

    fn provider(token: &str) -> ProviderDetection {
        run(token, &with_now(NOW)).diagnoses.remove(0).provider
    }

    #[test]
    fn detects_providers_from_iss() {
        let cases = [
            (ISS, ProviderId::Cognito),
            ("https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/", ProviderId::EntraV1),
            ("https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/v2.0", ProviderId::EntraV2),
            ("https://dev-abc.us.auth0.com/", ProviderId::Auth0),
            ("https://dev-1.okta.com", ProviderId::OktaOrg),
            ("https://dev-1.okta.com/oauth2/default", ProviderId::OktaCustom),
            ("https://sso.example.com/realms/acme", ProviderId::Keycloak),
            ("https://securetoken.google.com/my-project", ProviderId::Firebase),
            ("https://accounts.google.com", ProviderId::Google),
            ("accounts.google.com", ProviderId::Google),
            ("https://issuer.example.com", ProviderId::Unknown),
        ];
        for (iss, id) in cases {
            let p = provider(&jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iss":"{iss}"}}"#)));
            assert_eq!(p.id, id, "{iss}");
        }
        let p = provider(&cognito_id());
        assert_eq!((p.region.as_deref(), p.user_pool_id.as_deref()), (Some("us-east-1"), Some(POOL)));
        let p = provider(&jwt(r#"{"alg":"RS256"}"#, r#"{"iss":"https://sso.example.com/auth/realms/acme"}"#));
        assert_eq!(p.realm.as_deref(), Some("acme"));
        let p = provider(&jwt(
            r#"{"alg":"ES256","signer":"arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app/x/y","kid":"k"}"#,
            r#"{"iss":"https://idp.example"}"#,
        ));
        assert_eq!((p.id, p.region.as_deref()), (ProviderId::Alb, Some("us-west-2")));
    }

    #[test]
    fn tells_id_from_access() {
        let uses = |t: &str| run(t, &with_now(NOW)).diagnoses.remove(0).token_use;
        assert_eq!(uses(&cognito_id()), TokenUse::Id);
        assert_eq!(uses(&cognito_access("openid")), TokenUse::Access);
        assert_eq!(uses(&jwt(r#"{"alg":"RS256","typ":"at+jwt"}"#, r#"{"sub":"1"}"#)), TokenUse::Access);
        assert_eq!(uses(&jwt(r#"{"alg":"RS256"}"#, r#"{"nonce":"n"}"#)), TokenUse::Id);
        assert_eq!(uses(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1"}"#)), TokenUse::Unknown);
    }

    #[test]
    fn emulators() {
        let t = jwt(r#"{"alg":"RS256"}"#, r#"{"iss":"http://localhost:8080/realms/dev","exp":1}"#);
        assert_has(&run(&t, &with_now(NOW)), "PROVIDER_EMULATOR");
        let firebase_emulator = jwt(
            r#"{"alg":"none","typ":"JWT"}"#,
            r#"{"iss":"https://securetoken.google.com/demo","aud":"demo","exp":1}"#,
        );
        let t = format!("{}.", firebase_emulator.rsplit_once('.').unwrap().0);
        let i = run(&t, &with_now(NOW));
        assert_has(&i, "PROVIDER_EMULATOR");
        assert_lacks(&i, "PROVIDER_UNEXPECTED_ALG");
        assert_lacks(
            &run(&jwt(r#"{"alg":"RS256"}"#, r#"{"iss":"https://sso.example.com/realms/dev"}"#), &with_now(NOW)),
            "PROVIDER_EMULATOR",
        );
    }

    #[test]
    fn unexpected_alg_for_cognito() {
        let t = jwt(r#"{"alg":"HS256"}"#, &format!(r#"{{"iss":"{ISS}","token_use":"access","exp":{}}}"#, NOW + 60.0));
        assert_has(&run(&t, &with_now(NOW)), "PROVIDER_UNEXPECTED_ALG");
        assert_lacks(&run(&cognito_id(), &with_now(NOW)), "PROVIDER_UNEXPECTED_ALG");
    }

    #[test]
    fn graph_tokens() {
        let t = jwt(
            r#"{"alg":"RS256","nonce":"abc"}"#,
            r#"{"iss":"https://sts.windows.net/t/","aud":"00000003-0000-0000-c000-000000000000","scp":"User.Read"}"#,
        );
        assert_has(&run(&t, &with_now(NOW)), "ENTRA_GRAPH_TOKEN");
        let t = jwt(r#"{"alg":"RS256"}"#, r#"{"iss":"https://sts.windows.net/t/","aud":"api://my-api","scp":"read"}"#);
        assert_lacks(&run(&t, &with_now(NOW)), "ENTRA_GRAPH_TOKEN");
    }

    #[test]
    fn entra_roles_instead_of_scp() {
        let o = opts(r#"{"expect":{"scopes":["Files.Read"]}}"#);
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","aud":"c","roles":["Files.Read.All"],"ver":"2.0"}"#,
        );
        assert_has(&run(&t, &o), "ENTRA_ROLES_NOT_SCP");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","aud":"c","scp":"Files.Read","ver":"2.0"}"#,
        );
        assert_lacks(&run(&t, &o), "ENTRA_ROLES_NOT_SCP");
    }

    #[test]
    fn auth0_array_audience() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-x.us.auth0.com/","aud":["https://api.example.com","https://dev-x.us.auth0.com/userinfo"],"scope":"openid"}"#,
        );
        assert_has(&run(&t, &with_now(NOW)), "AUTH0_AUD_ARRAY");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-x.us.auth0.com/","aud":"https://api.example.com","scope":"read"}"#,
        );
        assert_lacks(&run(&t, &with_now(NOW)), "AUTH0_AUD_ARRAY");
    }

    #[test]
    fn okta_org_server_tokens() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com","aud":"https://dev-1.okta.com","cid":"0oa","uid":"00u","scp":["openid"]}"#,
        );
        assert_has(&run(&t, &with_now(NOW)), "OKTA_ORG_SERVER_TOKEN");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com/oauth2/default","aud":"api://default","cid":"0oa","uid":"00u","scp":["openid"]}"#,
        );
        assert_lacks(&run(&t, &with_now(NOW)), "OKTA_ORG_SERVER_TOKEN");
    }

    #[test]
    fn alb_tokens() {
        let t = jwt(
            r#"{"alg":"ES256","kid":"k","signer":"arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app/x/y","iss":"https://idp","client":"c","exp":1}"#,
            r#"{"sub":"1","exp":1}"#,
        );
        let i = run(&t, &with_now(NOW));
        assert_has(&i, "ALB_TOKEN");
        assert_lacks(&i, "PROVIDER_UNEXPECTED_ALG");
        assert_lacks(&run(&cognito_id(), &with_now(NOW)), "ALB_TOKEN");
    }
}
