//! The claim catalogue: for every header parameter and claim present, where it is defined, what it means, and for
//! times the ISO-8601 UTC value and the distance from the evaluation time.

use serde_json::Value;

use super::model::{CatalogueEntry, ClaimMeaning, ProviderId, TimeInfo};
use super::providers::{self, Meaning, ProviderSpec};
use super::subject::{Ctx, Subject};
use crate::datetime::{duration, iso8601};
use crate::decode::token::Token;
use crate::finding::Part;

const RFC7515: &str = "RFC 7515 (JWS)";
const RFC7516: &str = "RFC 7516 (JWE)";
const RFC7518: &str = "RFC 7518 (JWA)";
const RFC7519: &str = "RFC 7519 (JWT)";
const RFC7797: &str = "RFC 7797 (unencoded payload)";
const RFC7800: &str = "RFC 7800 (proof of possession)";
const RFC8693: &str = "RFC 8693 (token exchange)";
const RFC9068: &str = "RFC 9068 (JWT access tokens)";
const OIDC: &str = "OpenID Connect Core 1.0";

/// A registered member: name, the specification that defines it, and its meaning.
type Def = (&'static str, &'static str, &'static str);

const HEADER: &[Def] = &[
    ("alg", RFC7515, "The algorithm the token is signed (or its key encrypted) with."),
    ("typ", RFC7515, "The media type of the whole token: JWT, or at+jwt for RFC 9068 access tokens."),
    ("cty", RFC7515, "The content type of the payload; JWT means the payload is itself a token (nested)."),
    ("kid", RFC7515, "Which of the issuer's keys signed the token; looked up in its JWKS."),
    ("jku", RFC7515, "A URL of a key set chosen by the token; never trust it to verify the token itself."),
    ("jwk", RFC7515, "A public key carried by the token; proves nothing about who signed it."),
    ("x5u", RFC7515, "A URL of an X.509 certificate chosen by the token."),
    ("x5c", RFC7515, "An X.509 certificate chain carried by the token; proves nothing unless the chain is validated."),
    ("x5t", RFC7515, "SHA-1 thumbprint of the signing certificate."),
    ("x5t#S256", RFC7515, "SHA-256 thumbprint of the signing certificate."),
    ("crit", RFC7515, "Header parameters the verifier must understand, or reject the token."),
    ("enc", RFC7516, "The content-encryption algorithm of a JWE."),
    ("zip", RFC7516, "Compression applied before encryption."),
    ("epk", RFC7518, "Ephemeral public key for ECDH key agreement."),
    ("apu", RFC7518, "Agreement PartyUInfo for ECDH."),
    ("apv", RFC7518, "Agreement PartyVInfo for ECDH."),
    ("iv", RFC7518, "Initialisation vector for AES-GCM key wrapping."),
    ("tag", RFC7518, "Authentication tag for AES-GCM key wrapping."),
    ("p2s", RFC7518, "Salt for PBES2 password-based encryption."),
    ("p2c", RFC7518, "Iteration count for PBES2 password-based encryption."),
    ("b64", RFC7797, "false: the payload is signed unencoded."),
];

const CLAIMS: &[Def] = &[
    ("iss", RFC7519, "Issuer: who made the token; compared exactly with the expected issuer."),
    ("sub", RFC7519, "Subject: the user (or client) the token is about, unique within the issuer."),
    ("aud", RFC7519, "Audience: who the token is for (a client id or an API identifier); a string or an array."),
    ("exp", RFC7519, "Expiration time: the token must not be accepted from this time on."),
    ("nbf", RFC7519, "Not before: the token must not be accepted before this time."),
    ("iat", RFC7519, "Issued at: when the token was made."),
    ("jti", RFC7519, "JWT ID: a unique identifier of this token, used against replay and for revocation."),
    ("auth_time", OIDC, "When the user actually authenticated; stays the same when tokens are refreshed."),
    ("nonce", OIDC, "Echo of the nonce the client sent in the authorization request, against replay."),
    ("acr", OIDC, "Authentication context class: how strongly the user authenticated."),
    ("amr", OIDC, "Authentication methods used (pwd, mfa, otp, …; values in RFC 8176)."),
    ("azp", OIDC, "Authorized party: the client the token was issued to."),
    ("at_hash", OIDC, "Hash of the access token issued with this ID token: binds the two."),
    ("c_hash", OIDC, "Hash of the authorization code issued with this ID token."),
    ("s_hash", "OpenID Financial-grade API", "Hash of the state parameter."),
    ("sid", "OpenID Connect Front/Back-Channel Logout", "Session id at the provider, used for logout."),
    ("name", OIDC, "The user's full name."),
    ("given_name", OIDC, "The user's given name."),
    ("family_name", OIDC, "The user's family name."),
    ("middle_name", OIDC, "The user's middle name."),
    ("nickname", OIDC, "The user's casual name."),
    ("preferred_username", OIDC, "The user's preferred user name; not unique or stable, don't key on it."),
    ("profile", OIDC, "URL of the user's profile page."),
    ("picture", OIDC, "URL of the user's picture."),
    ("website", OIDC, "URL of the user's web site."),
    ("email", OIDC, "The user's email address."),
    ("email_verified", OIDC, "Whether the provider verified the email address."),
    ("gender", OIDC, "The user's gender."),
    ("birthdate", OIDC, "The user's birthday (YYYY-MM-DD)."),
    ("zoneinfo", OIDC, "The user's time zone."),
    ("locale", OIDC, "The user's locale."),
    ("phone_number", OIDC, "The user's phone number."),
    ("phone_number_verified", OIDC, "Whether the provider verified the phone number."),
    ("address", OIDC, "The user's postal address."),
    ("updated_at", OIDC, "When the user's profile was last updated."),
    ("scope", RFC8693, "The granted OAuth scopes, space-separated."),
    ("client_id", RFC9068, "The OAuth client the access token was issued to."),
    ("act", RFC8693, "The actor acting on behalf of the subject (delegation)."),
    ("may_act", RFC8693, "Who may act on behalf of the subject."),
    ("cnf", RFC7800, "Confirmation: the key the bearer must prove possession of (DPoP, mTLS)."),
    ("roles", RFC9068, "Roles of the subject."),
    ("groups", RFC9068, "Groups of the subject."),
    ("entitlements", RFC9068, "Entitlements of the subject."),
    ("scp", "provider-specific (Entra, Okta)", "The granted scopes (a string in Entra, an array in Okta)."),
];

/// Where `name` is defined and what it means: the detected provider's own meaning first, then the registered one,
/// then a provider's invention that means the same in any token.
fn lookup(
    table: &[Def],
    of_provider: fn(&ProviderSpec) -> &'static [Meaning],
    name: &str,
    provider: ProviderId,
) -> Option<(&'static str, &'static str)> {
    let own = providers::spec(provider)
        .and_then(|p| of_provider(p).iter().find(|(n, _)| *n == name).map(|(_, m)| (p.name, *m)));
    let registered = || table.iter().find(|(n, _, _)| *n == name).map(|(_, by, m)| (*by, *m));
    let anywhere = || {
        providers::PROVIDERS
            .iter()
            .find_map(|p| p.claims_anywhere.iter().find(|(n, _)| *n == name).map(|(_, m)| (p.name, *m)))
    };
    own.or_else(registered).or_else(anywhere)
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
    Some(TimeInfo { seconds: v, iso, relative: seconds_from_now.map(|d| relative(name, d)), seconds_from_now })
}

fn unknown_claim(name: &str) -> (Option<&'static str>, String) {
    if let Some(attr) = name.strip_prefix("custom:") {
        return (
            Some("Amazon Cognito"),
            format!("The custom user attribute {attr} (always a string in ID tokens, whatever its type)."),
        );
    }
    if name.starts_with("https://") || name.starts_with("http://") {
        return (None, "A namespaced custom claim (Auth0 and others name custom claims with a URL).".to_owned());
    }
    if name.starts_with("xms_") {
        return (Some("Microsoft Entra ID"), "An optional Microsoft claim (xms_ prefix).".to_owned());
    }
    (None, "Not a registered or known provider claim: its meaning is set by the issuer.".to_owned())
}

/// What `name` means in the `part` of a token from `provider`: the provider's own meaning first, then the
/// registered one, then a provider's invention that means the same in any token, else a generic sentence.
#[must_use]
pub fn describe(part: Part, name: &str, provider: ProviderId) -> ClaimMeaning {
    let found = if part == Part::Header {
        lookup(HEADER, |p| p.header, name, provider)
    } else {
        lookup(CLAIMS, |p| p.claims, name, provider)
    };
    match (found, part) {
        (Some((by, meaning)), _) => ClaimMeaning { defined_by: Some(by), meaning: meaning.to_owned() },
        (None, Part::Header) => ClaimMeaning {
            defined_by: None,
            meaning: "Not a registered header parameter: its meaning is set by the issuer.".to_owned(),
        },
        (None, _) => {
            let (defined_by, meaning) = unknown_claim(name);
            ClaimMeaning { defined_by, meaning }
        }
    }
}

fn entries(ctx: &Ctx<'_>, token: &Token, provider: ProviderId, inner: bool, out: &mut Vec<CatalogueEntry>) {
    if let Some(header) = token.header_object() {
        for (name, value) in header {
            let time = if provider == ProviderId::Alb && name == "exp" { time_info(ctx, name, value) } else { None };
            out.push(CatalogueEntry { part: Part::Header, inner, name: name.clone(), time });
        }
    }
    if let Some(claims) = token.claims() {
        for (name, value) in claims {
            out.push(CatalogueEntry {
                part: Part::Payload,
                inner,
                name: name.clone(),
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
    use super::*;
    use crate::diagnose::testutil::*;

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
        assert_eq!(describe(exp.part, &exp.name, ProviderId::Unknown).defined_by, Some("RFC 7519 (JWT)"));
        let time = exp.time.as_ref().unwrap();
        assert_eq!(time.iso, "2023-11-14T19:01:20Z");
        assert_eq!(time.relative.as_deref(), Some("expired 3 h 12 min ago"));
        assert_eq!(cat[4].time.as_ref().unwrap().relative.as_deref(), Some("issued 4 h ago"));
        assert_eq!(describe(Part::Payload, &cat[5].name, ProviderId::Unknown).defined_by, Some("Amazon Cognito"));
        assert_eq!(describe(Part::Payload, &cat[7].name, ProviderId::Unknown).defined_by, None);
        assert_eq!(describe(Part::Header, &cat[2].name, ProviderId::Unknown).defined_by, None);

        let i = run(&t, &with_now(NOW));
        let d = &i.diagnoses[0];
        let meaning = |e: &CatalogueEntry| describe(e.part, &e.name, d.provider.id);
        let scope = d.catalogue.iter().find(|e| e.name == "scope").unwrap();
        assert!(meaning(scope).meaning.contains("aws.cognito.signin.user.admin"));
        let exp = d.catalogue.iter().find(|e| e.name == "exp").unwrap();
        assert_eq!(exp.time.as_ref().unwrap().relative.as_deref(), Some("expires in 59 min"));
        assert!(d.catalogue.iter().all(|e| meaning(e).defined_by.is_some()), "{:#?}", d.catalogue);
    }

    #[test]
    fn provider_specific_meanings_and_no_now() {
        let okta = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com/oauth2/default","scp":["openid"],"cid":"c","uid":"u","exp":1}"#,
        );
        let i = run(&okta, &Options::default());
        assert_eq!(i.diagnoses[0].provider.id, ProviderId::OktaCustom);
        assert!(i.diagnoses[0].catalogue.iter().any(|e| e.name == "scp"));
        assert_eq!(describe(Part::Payload, "scp", ProviderId::OktaCustom).defined_by, Some("Okta"));
        assert_eq!(
            describe(Part::Payload, "scp", ProviderId::Unknown).defined_by,
            Some("provider-specific (Entra, Okta)")
        );
        let exp = i.diagnoses[0].catalogue.iter().find(|e| e.name == "exp").unwrap();
        assert_eq!(exp.time.as_ref().unwrap().relative, None);
    }
}
