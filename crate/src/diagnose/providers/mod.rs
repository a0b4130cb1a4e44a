//! Providers: who issued a token, whether it is an ID, access or refresh token, and each provider's own claims and
//! classic confusions — as a table, [`PROVIDERS`], one [`ProviderSpec`] per provider, each in its own file.
//!
//! Adding a provider is one entry: a file with its `SPEC` (how it is recognised, the algorithm it signs with, the
//! lifetimes it issues, the claims it defines, how its claims tell ID from access tokens, its checks), its line in
//! [`PROVIDERS`], its codes in `codes.rs`, and a case in `tests/cases/diagnose.json`.

mod alb;
mod auth0;
pub(crate) mod cognito;
mod entra;
mod firebase;
mod google;
mod keycloak;
mod okta;
mod spec;

use serde_json::{Map, Value};

pub(crate) use self::spec::{Meaning, ProviderSpec, Seen};
use super::model::{ProviderDetection, ProviderId, TokenUse};
use super::subject::{Ctx, Subject};
use crate::codes::ProviderCode;
use crate::decode::token::{Token, TokenKind};
use crate::finding::Finding;
use crate::issuer::{Url, parse_url};

/// Every provider, in detection order.
pub(crate) const PROVIDERS: &[ProviderSpec] =
    &[alb::SPEC, cognito::SPEC, entra::SPEC, auth0::SPEC, okta::SPEC, keycloak::SPEC, firebase::SPEC, google::SPEC];

/// Every provider id jwtlens recognises, in detection order (the surfaces' list of providers).
#[must_use]
pub fn provider_names() -> Vec<ProviderId> {
    PROVIDERS.iter().flat_map(|p| p.ids.iter().copied()).collect()
}

/// The entry for a detected provider.
pub(crate) fn spec(id: ProviderId) -> Option<&'static ProviderSpec> {
    PROVIDERS.iter().find(|p| p.ids.contains(&id))
}

/// Detects the provider from `iss`, the header and the claims' shape.
#[must_use]
pub fn detect(outer: &Token, token: &Token) -> ProviderDetection {
    let claims = token.claims();
    let iss = claims.and_then(|c| c.get("iss")).and_then(Value::as_str).unwrap_or("");
    let seen = Seen { iss, url: parse_url(iss), outer, token, claims };
    let found = PROVIDERS
        .iter()
        .find_map(|p| (p.by_issuer)(&seen))
        .or_else(|| PROVIDERS.iter().find_map(|p| (p.by_shape)(&seen)));
    let mut p = found.unwrap_or_else(|| {
        let evidence = match (&seen.url, iss) {
            (_, "") => "The token has no iss.".to_owned(),
            (None, _) => "iss is not a URL.".to_owned(),
            (Some(_), _) => format!("iss {iss} matches no known provider."),
        };
        ProviderDetection::new(ProviderId::Unknown, evidence)
    });
    if seen.url.as_ref().is_some_and(Url::is_local) {
        p.emulator = true;
    }
    p
}

const AT_JWT: &[&str] = &["at+jwt", "application/at+jwt"];

/// Whether the header's `typ` says RFC 9068 access token.
pub(crate) fn is_at_jwt(header: Option<&Map<String, Value>>) -> bool {
    header
        .and_then(|h| h.get("typ"))
        .and_then(Value::as_str)
        .is_some_and(|t| AT_JWT.contains(&t.to_ascii_lowercase().as_str()))
}

/// Tells an ID token from an access token, with the reason: the registered signals first, then the provider's own.
#[must_use]
pub fn token_use(outer: &Token, token: &Token, provider: &ProviderDetection) -> (TokenUse, String) {
    if outer.kind == TokenKind::Jwe {
        return if cognito::is_refresh_token(outer) {
            (TokenUse::Refresh, "An encrypted JWE with the header of a Cognito refresh token.".to_owned())
        } else {
            (TokenUse::Unknown, "An encrypted JWE: its claims cannot be read.".to_owned())
        };
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
    if is_at_jwt(token.header_object()) {
        return (TokenUse::Access, "The header's typ is at+jwt (RFC 9068 access token).".to_owned());
    }
    match claims.get("typ").and_then(Value::as_str) {
        Some("Refresh") => return (TokenUse::Refresh, "typ is \"Refresh\" (a Keycloak refresh token).".to_owned()),
        Some("ID") => return (TokenUse::Id, "typ is \"ID\" (a Keycloak ID token).".to_owned()),
        _ => {}
    }
    if let Some(id) = ["nonce", "at_hash", "c_hash"].into_iter().find(|k| has(k)) {
        return (TokenUse::Id, format!("It has {id}, which only ID tokens carry."));
    }
    if let Some(which) = ["scp", "scope"].into_iter().find(|k| has(k)) {
        return (TokenUse::Access, format!("It has {which} (granted permissions), which access tokens carry."));
    }
    spec(provider.id).and_then(|p| (p.token_use)(provider, claims)).unwrap_or_else(|| {
        (TokenUse::Unknown, "Nothing in the token says whether it is an ID or access token.".to_owned())
    })
}

/// Checks every token gets from its provider: emulators, the provider's algorithm, and the provider's own checks.
pub(crate) fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    let p = &s.provider;
    if p.emulator && p.id != ProviderId::Cognito {
        out.push(
            s.at_claim(ProviderCode::Emulator, "iss", format!("The issuer is a local emulator ({}). Its tokens are for local testing; real services and verifiers reject them.", s.str_claim("iss").unwrap_or("?")))
                .fix("Test against the emulator with a verifier configured for it, and use tokens from the real provider anywhere else."),
        );
    }
    let Some(spec) = spec(p.id) else { return };
    if let (Some(expected), Some(alg)) = (spec.alg, s.alg())
        && alg != expected
        && !p.emulator
    {
        out.push(
            s.at_header(ProviderCode::UnexpectedAlg, "alg", format!("{} signs with {expected}, but this token says \"alg\": \"{alg}\". It was not issued by {} as is: forged, altered, or a test token.", p.name, p.name))
                .fix(format!("Verifiers for {} accept only {expected}; get a real token from the provider. A server that accepted this token must pin the algorithm (RFC 8725 §3.1).", p.name)),
        );
    }
    (spec.check)(ctx, s, out);
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
    fn every_provider_id_has_one_entry() {
        for id in [
            ProviderId::Cognito,
            ProviderId::EntraV1,
            ProviderId::EntraV2,
            ProviderId::Auth0,
            ProviderId::OktaOrg,
            ProviderId::OktaCustom,
            ProviderId::Keycloak,
            ProviderId::Firebase,
            ProviderId::Google,
            ProviderId::Alb,
        ] {
            assert_eq!(PROVIDERS.iter().filter(|p| p.ids.contains(&id)).count(), 1, "{id:?}");
        }
        assert!(spec(ProviderId::Unknown).is_none());
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
}
