//! The caller's expectations: issuer, audience, scopes, nonce, `at_hash`, and the JSON types of registered claims.
//!
//! Comparisons are exact, as verifiers make them; when a comparison fails, the message says *how* the values differ
//! (a trailing slash, a host, Keycloak's `/auth` prefix, Entra v1 vs v2, another Cognito pool), because that is the
//! fix.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::Value;
use sha2::{Digest, Sha256, Sha384, Sha512};

use crate::codes::{ClaimCode, CognitoCode, OptionCode, ProviderCode};
use crate::diagnose::model::ProviderId;
use crate::diagnose::model::TokenUse;
use crate::diagnose::providers::cognito;
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::{Finding, quoted};
use crate::issuer::{CognitoPool, IssuerDiff, issuer_diff};

/// Resolves the expected issuer and region from `expect.issuer`, `userPoolArn`, `userPoolId` and `region`.
pub(crate) fn resolve_expected_issuer(ctx: &mut Ctx<'_>, out: &mut Vec<Finding>) {
    let e = ctx.expect.clone();
    if let Some(arn) = &e.user_pool_arn {
        match CognitoPool::from_arn(arn) {
            Some(CognitoPool { region, id }) => {
                ctx.issuer = Some(CognitoPool { region: region.clone(), id }.issuer());
                ctx.issuer_source = "the issuer derived from the user pool ARN";
                ctx.region = Some(region);
            }
            None => out.push(
                Finding::new(
                    OptionCode::Invalid,
                    format!("expect.userPoolArn \"{arn}\" is not a user pool ARN; it was ignored."),
                )
                .fix("A user pool ARN reads arn:aws:cognito-idp:<region>:<account>:userpool/<region>_<id>."),
            ),
        }
    }
    if let Some(pool) = &e.user_pool_id {
        match CognitoPool::from_id(pool) {
            Some(CognitoPool { region, .. }) => {
                let derived = CognitoPool { region: region.clone(), id: pool.clone() }.issuer();
                if ctx.issuer.as_ref().is_some_and(|i| *i != derived) {
                    out.push(Finding::new(OptionCode::Invalid, "expect.userPoolId and expect.userPoolArn name different pools; the ARN was used."));
                } else {
                    ctx.issuer = Some(derived);
                    ctx.issuer_source = "the issuer derived from the user pool id";
                    ctx.region = Some(region);
                }
            }
            None => out.push(
                Finding::new(OptionCode::Invalid, format!("expect.userPoolId \"{pool}\" is not a user pool id; it was ignored."))
                    .fix("A user pool id reads <region>_<id>, e.g. us-east-1_AbC123xyz (Cognito console, user pool overview)."),
            ),
        }
    }
    if let Some(issuer) = &e.issuer {
        ctx.issuer = Some(issuer.clone());
        ctx.issuer_source = "the expected issuer";
    }
    if let Some(region) = &e.region {
        if ctx.region.as_ref().is_some_and(|r| r != region) {
            out.push(Finding::new(
                OptionCode::Invalid,
                format!(
                    "expect.region \"{region}\" contradicts the region of the user pool given; the pool's was used."
                ),
            ));
        } else {
            ctx.region = Some(region.clone());
        }
    }
}

/// Checks the JSON types of registered claims.
fn check_types(s: &Subject<'_>, out: &mut Vec<Finding>) {
    for name in [
        "iss",
        "sub",
        "jti",
        "azp",
        "nonce",
        "token_use",
        "client_id",
        "scope",
        "at_hash",
        "cognito:username",
        "username",
    ] {
        if let Some(v) = s.claim(name)
            && !v.is_string()
        {
            let extra = if name == "scope" && v.is_array() {
                " OAuth's scope claim is a space-separated string; an array is Okta's scp style."
            } else {
                ""
            };
            out.push(
                s.at_claim(ClaimCode::WrongType, name, format!("\"{name}\" is {v}, not a string.{extra}"))
                    .fix("Verifiers reject tokens whose registered claims have the wrong type (aws-jwt-verify: \"JWT payload ... claim is not a string\"). Fix the issuer."),
            );
        }
    }
    let aud_ok = match s.claim("aud") {
        None | Some(Value::String(_)) => true,
        Some(Value::Array(a)) => a.iter().all(Value::is_string),
        Some(_) => false,
    };
    if !aud_ok {
        out.push(
            s.at_claim(ClaimCode::WrongType, "aud", "\"aud\" is neither a string nor an array of strings.")
                .fix("RFC 7519 allows a string or an array of strings; verifiers reject anything else."),
        );
    }
}

/// The finding for an issuer that is not the expected one, with the most specific code.
pub(crate) fn issuer_finding(s: &Subject<'_>, actual: &str, expected: &str, source: &str) -> Option<Finding> {
    let head = format!("\"iss\" is \"{actual}\" but {source} is \"{expected}\"");
    let f = match issuer_diff(actual, expected) {
        IssuerDiff::Equal => return None,
        IssuerDiff::TrailingSlash => {
            let auth0 = if s.provider.id == ProviderId::Auth0 { " Auth0 issuers end with a slash." } else { "" };
            s.at_claim(ClaimCode::IssTrailingSlash, "iss", format!("{head}: they differ only by the trailing slash, and issuers are compared exactly.{auth0}"))
                .fix(format!("Configure the issuer exactly as the token has it: \"{actual}\" (copy it from the provider's discovery document, /.well-known/openid-configuration)."))
        }
        IssuerDiff::GoogleForm => s
            .at_claim(ProviderCode::GoogleIssuerForm, "iss", format!("{head}. Google ID tokens carry either form; Google's libraries accept both, a strict exact comparison accepts only one."))
            .fix("Accept both \"accounts.google.com\" and \"https://accounts.google.com\"."),
        IssuerDiff::EntraVersion => {
            let (is_v1, ver) = if actual.contains("sts.windows.net") { (true, "v1.0") } else { (false, "v2.0") };
            s.at_claim(ProviderCode::EntraVersionMismatch, "iss", format!("{head}: the token is an Entra {ver} token, and the issuer configured is for the other version."))
                .fix(if is_v1 {
                    "The token version is chosen by the API's app registration, not the endpoint used: set \"accessTokenAcceptedVersion\": 2 in the API's manifest for v2.0 tokens, or validate v1.0 tokens with the v1 issuer https://sts.windows.net/<tenant>/ and v1 metadata."
                } else {
                    "Validate v2.0 tokens with the v2.0 issuer https://login.microsoftonline.com/<tenant>/v2.0 and v2.0 metadata, or set \"accessTokenAcceptedVersion\" to null/1 for v1.0 tokens."
                })
        }
        IssuerDiff::KeycloakAuthPrefix => s
            .at_claim(ProviderCode::KeycloakAuthPrefix, "iss", format!("{head}: they differ by the /auth path prefix, which Keycloak dropped in version 17 (Quarkus)."))
            .fix(format!("Use the issuer the server really puts in tokens, \"{actual}\" (see its /.well-known/openid-configuration); or start Keycloak with --http-relative-path=/auth if clients rely on the old paths.")),
        IssuerDiff::CognitoPool { region_differs } => {
            let what = if region_differs { "another region's user pool" } else { "another user pool" };
            s.at_claim(CognitoCode::PoolMismatch, "iss", format!("{head}: the token comes from {what}."))
                .fix("Sign in against the expected user pool (check the pool id and region your client is configured with), or configure the verifier with the pool in the token.")
        }
        IssuerDiff::HostOrScheme => s
            .at_claim(ClaimCode::IssHostMismatch, "iss", format!("{head}: same path, different scheme or host. The issuer builds iss from the URL it was reached by (a proxy, an internal host name, http behind TLS termination)."))
            .fix("Make the issuer know its public URL (Keycloak: KC_HOSTNAME / --hostname; behind a proxy: forwarded headers) so iss is the same whichever way tokens are requested."),
        IssuerDiff::Other => s
            .at_claim(ClaimCode::IssMismatch, "iss", format!("{head}."))
            .fix("Send a token from the expected issuer, or configure the verifier with the issuer in the token if it is trusted."),
    };
    Some(f)
}

/// The finding when `aud` lacks every expected value, with the most specific code; `None` when one is present.
pub(crate) fn audience_finding(s: &Subject<'_>, expected: &[String], what: &str) -> Option<Finding> {
    let azp = s.str_claim("azp");
    let Some(aud) = s.audiences() else {
        if let Some(azp) = azp.filter(|a| expected.iter().any(|e| e == a)) {
            return Some(azp_finding(s, azp, &[]));
        }
        return Some(
            s.at_claim(ClaimCode::AudMissing, "aud", format!("The token has no \"aud\", but {what} {} is expected.", quoted(expected)))
                .fix("Request a token for your audience (OAuth: the audience or resource parameter, or a scope of your API)."),
        );
    };
    if aud.iter().any(|a| expected.iter().any(|e| e == a)) {
        return None;
    }
    let head = format!("\"aud\" is {} but {what} {} is expected", quoted(&aud), quoted(expected));
    if let Some(azp) = azp.filter(|a| expected.iter().any(|e| e == a)) {
        return Some(azp_finding(s, azp, &aud));
    }
    if s.provider.id == ProviderId::Firebase {
        return Some(
            s.at_claim(ProviderCode::FirebaseAudience, "aud", format!("{head}. A Firebase ID token's aud is the Firebase project id{}.", s.provider.project_id.as_deref().map(|p| format!(" (here \"{p}\")")).unwrap_or_default()))
                .fix("Verify with the project id as audience (Firebase console → Project settings → Project ID), not the web API key, app id or OAuth client id; or the token is from another project."),
        );
    }
    let slash = aud.iter().any(|a| expected.iter().any(|e| a.trim_end_matches('/') == e.trim_end_matches('/')));
    let hint = if slash {
        " They differ only by a trailing slash: audiences are compared exactly (Auth0 API identifiers included)."
    } else if s.provider.is_entra() {
        " Entra v1.0 tokens may carry the App ID URI (api://…) and v2.0 tokens the client id (a GUID): the value depends on the token version and how the scope was requested."
    } else {
        ""
    };
    Some(
        s.at_claim(ClaimCode::AudMismatch, "aud", format!("{head}.{hint}"))
            .fix("Request the token for your API (audience/resource parameter or your API's scope), or configure the verifier with the audience the token really has if it is meant for you."),
    )
}

fn azp_finding(s: &Subject<'_>, azp: &str, aud: &[&str]) -> Finding {
    let aud_text = if aud.is_empty() { "no aud".to_owned() } else { format!("aud {}", quoted(aud)) };
    s.at_claim(ProviderCode::KeycloakClientInAzp, "aud", format!(
        "The expected client \"{azp}\" is the token's azp (the client it was issued to), not in its audience ({aud_text}). Keycloak puts the requesting client in azp; aud names the services the token is for (often \"account\")."
    ))
    .fix("Check azp for the client, or add an Audience mapper (client scope → Mappers → Audience) so Keycloak puts your client or API in aud.")
}

/// The hash OIDC Core uses for `at_hash` with this `alg`, applied to `data`; `None` when the alg has none.
fn half_hash(alg: &str, data: &[u8]) -> Option<Vec<u8>> {
    let family_ok = ["HS", "RS", "ES", "PS"].iter().any(|p| alg.starts_with(p));
    if !family_ok {
        return None;
    }
    let digest: Vec<u8> = match alg.get(2..)? {
        "256" => Sha256::digest(data).to_vec(),
        "384" => Sha384::digest(data).to_vec(),
        "512" => Sha512::digest(data).to_vec(),
        _ => return None,
    };
    digest.get(..digest.len() / 2).map(<[u8]>::to_vec)
}

/// The `at_hash` an ID token signed with `alg` must carry for `access_token`.
#[must_use]
pub fn at_hash(alg: &str, access_token: &str) -> Option<String> {
    half_hash(alg, access_token.as_bytes()).map(|h| URL_SAFE_NO_PAD.encode(h))
}

/// `access` is the access token given, as paste hygiene read it (`Ctx::access_token`).
fn check_at_hash(s: &Subject<'_>, access: &str, out: &mut Vec<Finding>) {
    if s.token_use == TokenUse::Access {
        return;
    }
    let Some(claimed) = s.claim("at_hash") else {
        out.push(
            s.at_claim(ClaimCode::AtHashMissing, "at_hash", "An access token was given, but this ID token has no at_hash, so nothing binds the two. OIDC requires at_hash only when both come straight from the authorization endpoint (implicit / hybrid flow); Cognito puts it only in tokens from its OAuth endpoints.")
                .fix("Compare origin_jti, sub and auth_time of the two tokens instead, if the provider has them."),
        );
        return;
    };
    let Some(alg) = s.alg() else { return };
    match at_hash(alg, access) {
        None => out.push(
            s.at_claim(ClaimCode::AtHashUnchecked, "at_hash", format!("at_hash was not checked: OIDC Core defines it by the hash of the ID token's alg, and \"{alg}\" names none jwtlens knows (open for EdDSA)."))
        ),
        Some(computed) if Some(computed.as_str()) != claimed.as_str() => out.push(
            s.at_claim(ClaimCode::AtHashMismatch, "at_hash", format!(
                "The ID token's at_hash is {claimed} but the access token given hashes to \"{computed}\" (left half of the {} hash): they were not issued together.",
                alg.get(2..).map_or_else(String::new, |b| format!("SHA-{b}"))
            ))
            .fix("Use the ID and access token from the same token response; a client that mixes tokens of different sign-ins (or users) must be fixed."),
        ),
        Some(_) => {}
    }
}

/// Every check against `expect`.
pub(crate) fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    check_types(s, out);
    let e = &ctx.expect;
    if let Some(expected) = &ctx.issuer {
        match s.str_claim("iss") {
            None => out.push(
                s.at_claim(
                    ClaimCode::IssMissing,
                    "iss",
                    format!("The token has no \"iss\", but {} is \"{expected}\".", ctx.issuer_source),
                )
                .fix("Verifiers that check the issuer reject tokens without one."),
            ),
            Some(actual) => out.extend(issuer_finding(s, actual, expected, ctx.issuer_source)),
        }
    }
    // An SD-JWT's audience and nonce are the key-binding JWT's (`crate::proof`), not the issuer's claims.
    let sd_jwt = s.outer.kind == crate::decode::token::TokenKind::SdJwt;
    if let Some(audience) = e.audience.as_ref().filter(|_| !sd_jwt) {
        let expected = audience.to_vec();
        if s.is_cognito() && s.token_use == TokenUse::Access && s.claim("aud").is_none() {
            out.push(cognito::access_token_no_aud(s, &expected));
        } else {
            out.extend(audience_finding(s, &expected, "the audience"));
        }
    }
    if let Some(client_id) = &e.client_id
        && !s.is_cognito()
        && s.token_use != TokenUse::Access
    {
        out.extend(audience_finding(s, std::slice::from_ref(client_id), "the client id"));
    }
    if let Some(required) = e.scopes.as_ref().filter(|v| !v.is_empty()) {
        let have = s.scopes();
        let missing: Vec<&String> = required.iter().filter(|r| !have.contains(r)).collect();
        if !missing.is_empty() {
            out.push(scope_finding(s, &missing, &have));
        }
    }
    if let Some(nonce) = &e.nonce
        && s.token_use != TokenUse::Access
        && !sd_jwt
    {
        match s.claim("nonce") {
            None => out.push(
                s.at_claim(ClaimCode::NonceMissing, "nonce", format!("The nonce \"{nonce}\" was sent, but the ID token has no nonce claim."))
                    .fix("OIDC Core requires the nonce to be echoed when one was sent: make sure the nonce parameter reaches the authorization request, and that this ID token comes from that request."),
            ),
            Some(v) if v.as_str() != Some(nonce.as_str()) => out.push(
                s.at_claim(ClaimCode::NonceMismatch, "nonce", format!("The ID token's nonce is {v}, not the \"{nonce}\" sent: it answers another authorization request (or is replayed)."))
                    .fix("Compare with the nonce stored for this sign-in (session or cookie); a mismatch must be rejected."),
            ),
            Some(_) => {}
        }
    }
    if let Some(access) = &ctx.access_token {
        check_at_hash(s, access, out);
    }
}

/// The finding for missing scopes, with Cognito's and Entra's usual causes.
pub(crate) fn scope_finding(s: &Subject<'_>, missing: &[&String], have: &[String]) -> Finding {
    let member = if s.claim("scp").is_some() && s.claim("scope").is_none() { "scp" } else { "scope" };
    let have_text = if have.is_empty() { "no scopes".to_owned() } else { format!("only {}", quoted(have)) };
    let mut fix = "Request the scope when getting the token (the scope parameter of the authorize or token call), and make sure the client is allowed to have it.".to_owned();
    if s.is_cognito() {
        if s.token_use == TokenUse::Id {
            fix = "ID tokens carry no scopes: send the access token.".to_owned();
        } else if missing.iter().any(|m| m.contains('/')) && have.iter().all(|h| h == cognito::ADMIN_SCOPE) {
            fix = "This access token has only aws.cognito.signin.user.admin, the mark of SDK sign-in (InitiateAuth, Amplify signIn): those flows never add custom scopes. Sign in through the hosted UI / OAuth endpoints (/oauth2/authorize) requesting the scope, with the scope allowed on the app client — or add it with a pre-token-generation trigger (V2, scopesToAdd).".to_owned();
        } else {
            fix = "Request the scope in the authorize call (scope=...), allow it on the app client (Allowed OAuth scopes), and sign in again; a pre-token-generation trigger can also add or suppress scopes.".to_owned();
        }
    }
    s.at_claim(
        ClaimCode::ScopeMissing,
        member,
        format!("The token lacks the scope(s) {}; it has {have_text}.", quoted(missing)),
    )
    .fix(fix)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::testutil::*;

    fn with(expect: &str) -> Options {
        opts(&format!(r#"{{"now":{NOW},"expect":{expect}}}"#))
    }

    #[test]
    fn at_hash_of_the_oidc_core_example() {
        // OIDC Core, Appendix A.3: access_token jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y → at_hash 77QmUPtjPfzWtF2AnpK9RQ.
        assert_eq!(
            at_hash("RS256", "jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y").as_deref(),
            Some("77QmUPtjPfzWtF2AnpK9RQ")
        );
        assert_eq!(at_hash("EdDSA", "x"), None);
        assert_eq!(at_hash("ES384", "x").map(|h| h.len()), Some(32));
    }

    #[test]
    fn at_hash_checked_against_the_access_token() {
        let id = |h: &str| {
            jwt(
                r#"{"alg":"RS256"}"#,
                &format!(
                    r#"{{"iss":"https://op.example","aud":"c","sub":"1","exp":{},"iat":{NOW},"at_hash":"{h}"}}"#,
                    NOW + 60.0
                ),
            )
        };
        let o = with(r#"{"accessToken":"Bearer jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y"}"#);
        assert_lacks(&run(&id("77QmUPtjPfzWtF2AnpK9RQ"), &o), "CLAIM_AT_HASH_MISMATCH");
        assert_has(&run(&id("AAAAAAAAAAAAAAAAAAAAAA"), &o), "CLAIM_AT_HASH_MISMATCH");
        let no_hash = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"iss":"https://op.example","aud":"c","nonce":"n","exp":{}}}"#, NOW + 60.0),
        );
        assert_has(&run(&no_hash, &o), "CLAIM_AT_HASH_MISSING");
        let ed = jwt(r#"{"alg":"EdDSA"}"#, r#"{"aud":"c","at_hash":"x"}"#);
        assert_has(&run(&ed, &o), "CLAIM_AT_HASH_UNCHECKED");
    }

    #[test]
    fn issuer_mismatches_are_explained() {
        let tok = |iss: &str| jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iss":"{iss}","exp":{}}}"#, NOW + 60.0));
        let cases = [
            ("https://dev-x.us.auth0.com/", "https://dev-x.us.auth0.com", "CLAIM_ISS_TRAILING_SLASH"),
            ("https://sso.example.com/realms/acme", "https://sso.example.com/auth/realms/acme", "KEYCLOAK_AUTH_PREFIX"),
            ("http://keycloak:8080/realms/acme", "https://sso.example.com/realms/acme", "CLAIM_ISS_HOST_MISMATCH"),
            ("https://sts.windows.net/t/", "https://login.microsoftonline.com/t/v2.0", "ENTRA_VERSION_MISMATCH"),
            ("accounts.google.com", "https://accounts.google.com", "GOOGLE_ISSUER_FORM"),
            (
                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_A1",
                "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_B2",
                "COGNITO_POOL_MISMATCH",
            ),
            ("https://a.example", "https://b.example/x", "CLAIM_ISS_MISMATCH"),
        ];
        for (actual, expected, code) in cases {
            let i = run(&tok(actual), &with(&format!(r#"{{"issuer":"{expected}"}}"#)));
            assert_has(&i, code);
            assert_eq!(
                i.findings
                    .iter()
                    .filter(|f| f.location.as_ref().and_then(|l| l.member.as_deref()) == Some("iss")
                        && f.severity >= crate::codes::Severity::Warning)
                    .count(),
                1,
                "{actual}"
            );
            let i = run(&tok(actual), &with(&format!(r#"{{"issuer":"{actual}"}}"#)));
            assert_lacks(&i, code);
        }
        assert_has(
            &run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1"}"#), &with(r#"{"issuer":"https://x"}"#)),
            "CLAIM_ISS_MISSING",
        );
    }

    #[test]
    fn audiences() {
        let tok = |aud: &str| {
            jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iss":"https://op.example","aud":{aud},"exp":{}}}"#, NOW + 60.0))
        };
        assert_has(&run(&tok(r#""api://a""#), &with(r#"{"audience":"api://b"}"#)), "CLAIM_AUD_MISMATCH");
        assert_lacks(&run(&tok(r#"["api://a","api://b"]"#), &with(r#"{"audience":"api://b"}"#)), "CLAIM_AUD_MISMATCH");
        assert_has(
            &run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1"}"#), &with(r#"{"audience":"x"}"#)),
            "CLAIM_AUD_MISSING",
        );
        assert_has(&run(&tok("3"), &opts("{}")), "CLAIM_WRONG_TYPE");
        assert_lacks(&run(&tok(r#""a""#), &opts("{}")), "CLAIM_WRONG_TYPE");
    }

    #[test]
    fn keycloak_client_in_azp() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"https://sso.example.com/realms/acme","aud":"account","azp":"web-app","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_has(&run(&t, &with(r#"{"clientId":"web-app"}"#)), "KEYCLOAK_CLIENT_IN_AZP");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"https://sso.example.com/realms/acme","aud":["web-app","account"],"azp":"web-app","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_lacks(&run(&t, &with(r#"{"clientId":"web-app"}"#)), "KEYCLOAK_CLIENT_IN_AZP");
    }

    #[test]
    fn firebase_audience_is_the_project() {
        let t = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://securetoken.google.com/my-proj","aud":"my-proj","sub":"u","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_has(&run(&t, &with(r#"{"audience":"AIzaSyD-webapikey"}"#)), "FIREBASE_AUD_PROJECT");
        assert_lacks(&run(&t, &with(r#"{"audience":"my-proj"}"#)), "FIREBASE_AUD_PROJECT");
    }

    #[test]
    fn scopes_nonce() {
        let t = jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"scope":"read write","nonce":"n1","exp":{}}}"#, NOW + 60.0));
        assert_has(&run(&t, &with(r#"{"scopes":["admin"]}"#)), "CLAIM_SCOPE_MISSING");
        assert_lacks(&run(&t, &with(r#"{"scopes":["read","write"]}"#)), "CLAIM_SCOPE_MISSING");
        let okta = jwt(r#"{"alg":"RS256"}"#, r#"{"scp":["read","write"]}"#);
        assert_lacks(&run(&okta, &with(r#"{"scopes":["write"]}"#)), "CLAIM_SCOPE_MISSING");
        let id = jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"aud":"c","nonce":"n1","exp":{}}}"#, NOW + 60.0));
        assert_has(&run(&id, &with(r#"{"nonce":"n2"}"#)), "CLAIM_NONCE_MISMATCH");
        assert_lacks(&run(&id, &with(r#"{"nonce":"n1"}"#)), "CLAIM_NONCE_MISMATCH");
        let no_nonce = jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"aud":"c","exp":{}}}"#, NOW + 60.0));
        assert_has(&run(&no_nonce, &with(r#"{"nonce":"n2"}"#)), "CLAIM_NONCE_MISSING");
    }

    #[test]
    fn invalid_options_are_reported() {
        assert_has(&run(&cognito_id(), &with(r#"{"userPoolId":"nope"}"#)), "OPTION_INVALID");
        assert_has(&run(&cognito_id(), &with(r#"{"userPoolArn":"arn:aws:s3:::bucket"}"#)), "OPTION_INVALID");
        assert_lacks(&run(&cognito_id(), &with(&format!(r#"{{"userPoolArn":"{ARN}"}}"#))), "OPTION_INVALID");
    }
}
