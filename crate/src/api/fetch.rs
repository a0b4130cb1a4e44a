//! `fetchIssuerKeys(source)`: where an issuer's keys are, and what its answers mean — everything of fetching the keys
//! but the requests themselves, which the binding makes (on request only, through the platform's `fetch`).
//!
//! The source names the issuer: an issuer URL, a Cognito user pool id or ARN, or a token (its `iss`, which is not
//! verified — the result says so; an expected issuer in the options wins over it). A Cognito pool publishes its keys
//! at `<issuer>/.well-known/jwks.json`; any other issuer names them as the `jwks_uri` of
//! `<issuer>/.well-known/openid-configuration` (OpenID Connect Discovery 1.0 §4). Only https URLs are requested,
//! besides `http://localhost` and `http://127.0.0.1`. A key named by the token (`jku`, `x5u`, `x5c`, `jwk`) is never
//! used. Nothing of the token but the issuer's URL is ever sent.

#![allow(clippy::result_large_err, reason = "the error is a Finding, made once per fetch, never in a loop")]

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::codes::FetchCode;
use crate::decode::decode_input;
use crate::diagnose::subject::innermost;
use crate::finding::Finding;
use crate::issuer::{CognitoPool, looks_like_pool_id, parse_url};
use crate::keys::{KeyOptions, KeySet, parse_keys};

/// Default time allowed for each request, in milliseconds.
pub const TIMEOUT_MS: f64 = 10_000.0;
/// Default largest answer read, in bytes.
pub const MAX_BYTES: f64 = 1_048_576.0;

/// Options for [`plan`]. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct FetchOptions {
    /// The issuer you trust, used instead of a token's own `iss`: an issuer URL, or a Cognito user pool id or ARN.
    pub issuer: Option<String>,
    /// Time allowed for each request, in milliseconds. Default 10,000.
    pub timeout_ms: Option<f64>,
    /// Largest answer read, in bytes. Default 1 MiB.
    pub max_bytes: Option<f64>,
    /// The evaluation time certificates in the key set are judged at (as `parseKeys`'s `now`).
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
}

/// Where the issuer came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IssuerFrom {
    /// An issuer URL given as the source or in the options.
    Issuer,
    /// A Cognito user pool id.
    UserPoolId,
    /// A Cognito user pool ARN.
    UserPoolArn,
    /// The `iss` of the token given as the source: not verified.
    Token,
}

/// The issuer whose keys are fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FetchedIssuer {
    /// The issuer, as its tokens name it.
    pub issuer: String,
    /// Where it came from.
    pub from: IssuerFrom,
    /// True when it came from a token's own `iss`, which nothing verified.
    pub unverified: bool,
}

/// The first request to make.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Step {
    /// The key set itself (a Cognito pool's `jwks.json`).
    Jwks(String),
    /// The discovery document, whose `jwks_uri` names the key set.
    Discovery(String),
}

impl Step {
    /// The URL to request.
    #[must_use]
    pub fn url(&self) -> &str {
        match self {
            Self::Jwks(u) | Self::Discovery(u) => u,
        }
    }
}

/// What to fetch, and the limits to fetch it with.
#[derive(Debug, Clone)]
pub struct Plan {
    /// The issuer.
    pub issuer: FetchedIssuer,
    /// The first request.
    pub first: Step,
    /// Time allowed for each request, in milliseconds.
    pub timeout_ms: f64,
    /// Largest answer read, in bytes.
    pub max_bytes: usize,
    /// Findings so far (an unverified issuer).
    pub findings: Vec<Finding>,
}

/// One request made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FetchRequest {
    /// The exact URL requested (GET, no credentials, no referrer, nothing of the token).
    pub url: String,
    /// The HTTP status answered; absent when no answer came.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub status: Option<u16>,
}

/// The result of `fetchIssuerKeys`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeysFetched {
    /// The issuer whose keys were asked for; absent when the source named none.
    pub issuer: Option<FetchedIssuer>,
    /// Every request made, in order.
    pub requests: Vec<FetchRequest>,
    /// The key set's text as received (paste it as `keys`); absent when none was received.
    pub jwks: Option<String>,
    /// The keys read from it, as `parseKeys` reads them.
    pub keys: Option<KeySet>,
    /// What went wrong, or what is worth knowing (an unverified issuer, the `jwks_uri` followed).
    pub findings: Vec<Finding>,
}

impl KeysFetched {
    /// A result with nothing fetched yet.
    #[must_use]
    pub fn empty(issuer: Option<FetchedIssuer>, findings: Vec<Finding>) -> Self {
        Self { issuer, requests: Vec::new(), jwks: None, keys: None, findings }
    }
}

/// The issuer a source names, and where it came from.
fn resolve(source: &str) -> Option<FetchedIssuer> {
    let source = source.trim();
    let named = |issuer: String, from| Some(FetchedIssuer { issuer, from, unverified: false });
    if let Some(pool) = CognitoPool::from_arn(source) {
        return named(pool.issuer(), IssuerFrom::UserPoolArn);
    }
    if let Some(pool) = CognitoPool::from_id(source) {
        return named(pool.issuer(), IssuerFrom::UserPoolId);
    }
    if parse_url(source).is_some() && !source.contains(char::is_whitespace) {
        return named(source.to_owned(), IssuerFrom::Issuer);
    }
    let decoded = decode_input(source, &crate::limits::Limits::default());
    let iss = decoded
        .tokens
        .first()
        .and_then(|t| innermost(t).claims())
        .and_then(|c| c.get("iss"))
        .and_then(Value::as_str)?;
    Some(FetchedIssuer { issuer: iss.to_owned(), from: IssuerFrom::Token, unverified: true })
}

/// Whether a URL may be requested: https, or http on the local machine (for tests and local emulators).
///
/// # Errors
/// The `FETCH_INSECURE_URL` finding.
pub fn allowed(url: &str) -> Result<(), Finding> {
    let ok = parse_url(url).is_some_and(|u| {
        u.scheme.eq_ignore_ascii_case("https")
            || (u.scheme.eq_ignore_ascii_case("http") && matches!(u.hostname().as_str(), "localhost" | "127.0.0.1"))
    });
    if ok {
        Ok(())
    } else {
        Err(Finding::new(FetchCode::InsecureUrl, format!("{url} is not an https URL, so it was not requested.")).fix(
            "Keys are fetched over https only (http only from localhost or 127.0.0.1). Check the issuer, or paste its keys.",
        ))
    }
}

/// What `fetchIssuerKeys` would request for a source, before anything is requested: a page states the URL before
/// the user asks for it.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeysPlan {
    /// The issuer whose keys would be fetched; absent when the source names none.
    pub issuer: Option<FetchedIssuer>,
    /// The first URL that would be requested; absent when nothing would be.
    pub url: Option<String>,
    /// True when that URL is the issuer's discovery document, whose `jwks_uri` would be requested next.
    pub discovery: bool,
    /// Why nothing would be requested, or what is worth knowing first (an unverified issuer).
    pub findings: Vec<Finding>,
}

/// What [`plan`] decides for `source`, as a result: `planIssuerKeys`.
#[must_use]
pub fn plan_issuer_keys(source: &str, options: &FetchOptions) -> KeysPlan {
    match plan(source, options) {
        Ok(plan) => KeysPlan {
            issuer: Some(plan.issuer),
            url: Some(plan.first.url().to_owned()),
            discovery: matches!(plan.first, Step::Discovery(_)),
            findings: plan.findings,
        },
        Err(findings) => KeysPlan { issuer: None, url: None, discovery: false, findings },
    }
}

/// What to fetch for `source`.
///
/// # Errors
/// Findings saying why nothing can be fetched (no issuer, an insecure URL).
pub fn plan(source: &str, options: &FetchOptions) -> Result<Plan, Vec<Finding>> {
    let expected = options.issuer.as_deref().filter(|i| !i.trim().is_empty());
    let Some(mut issuer) = expected.and_then(resolve).or_else(|| resolve(source)) else {
        return Err(vec![Finding::new(FetchCode::SourceUnknown, "No issuer could be told from what was given: it is not an issuer URL, a Cognito user pool id or ARN, or a token with an iss.")
            .fix("Give the issuer's URL (as its tokens' iss says), or the user pool id (us-east-1_AbC123) for Cognito.")]);
    };
    let mut findings = Vec::new();
    if expected.is_some() && issuer.from == IssuerFrom::Token {
        issuer.unverified = true;
    }
    if issuer.unverified {
        findings.push(Finding::new(FetchCode::IssuerUnverified, format!("The issuer {} is the token's own iss, which nothing has verified: these are the keys of the issuer the token names, not necessarily of the one you trust.", issuer.issuer))
            .fix("Give the issuer you trust (the expected issuer or user pool id) to fetch its keys instead."));
    }
    let base = issuer.issuer.trim_end_matches('/');
    // Cognito pools, and local emulators of them (a pool id as the path), publish the key set at a fixed path.
    let cognito = CognitoPool::from_issuer(&issuer.issuer).is_ok()
        || parse_url(base).is_some_and(|u| u.segments().last().is_some_and(|s| looks_like_pool_id(s)));
    let first = if cognito {
        Step::Jwks(format!("{base}/.well-known/jwks.json"))
    } else {
        Step::Discovery(format!("{base}/.well-known/openid-configuration"))
    };
    allowed(first.url()).map_err(|f| vec![f])?;
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, reason = "clamped to a sane range first")]
    let max_bytes = options.max_bytes.filter(|b| b.is_finite() && *b >= 1.0).unwrap_or(MAX_BYTES).min(64e6) as usize;
    let timeout_ms = options.timeout_ms.filter(|t| t.is_finite() && *t > 0.0).unwrap_or(TIMEOUT_MS).min(120_000.0);
    Ok(Plan { issuer, first, timeout_ms, max_bytes, findings })
}

/// The `jwks_uri` of a discovery document.
///
/// # Errors
/// `FETCH_NOT_JSON` or `FETCH_NO_JWKS_URI`.
pub fn jwks_uri(body: &[u8], discovery_url: &str) -> Result<String, Finding> {
    let Ok(Value::Object(doc)) = serde_json::from_slice::<Value>(body) else {
        return Err(not_json(discovery_url));
    };
    match doc.get("jwks_uri").and_then(Value::as_str) {
        Some(uri) => {
            allowed(uri)?;
            Ok(uri.to_owned())
        }
        None => Err(Finding::new(
            FetchCode::NoJwksUri,
            format!("The discovery document at {discovery_url} has no jwks_uri."),
        )
        .fix(
            "The issuer publishes no key set there; ask its administrator where its signing keys are, and paste them.",
        )),
    }
}

/// The keys of a key set's answer.
///
/// # Errors
/// `FETCH_NOT_JSON` when the answer is no JSON.
pub fn keys_of(body: &[u8], url: &str, now: Option<f64>) -> Result<(String, KeySet), Finding> {
    let text = std::str::from_utf8(body).map_err(|_| not_json(url))?;
    if serde_json::from_str::<Value>(text).is_err() {
        return Err(not_json(url));
    }
    let set = parse_keys(text, &KeyOptions { now, ..KeyOptions::default() });
    Ok((text.to_owned(), set))
}

/// `FETCH_NO_KEYS` when a key set holds no usable key.
#[must_use]
pub fn no_keys(set: &KeySet, url: &str) -> Option<Finding> {
    (!set.keys.iter().any(|k| k.usable)).then(|| {
        Finding::new(
            FetchCode::NoKeys,
            format!("The key set at {url} holds no key jwtlens can verify with (its findings say why)."),
        )
    })
}

fn not_json(url: &str) -> Finding {
    Finding::new(FetchCode::NotJson, format!("The answer of {url} is not JSON."))
        .fix("The URL serves something else (an HTML page, a login form): check the issuer's URL.")
}

/// Findings for an answer that carries no body to read.
#[must_use]
pub fn status_finding(url: &str, status: u16, location: Option<&str>) -> Option<Finding> {
    match status {
        200..=299 => None,
        0 | 300..=399 => Some(
            Finding::new(
                FetchCode::Redirect,
                format!(
                    "{url} answered with a redirect{}, which is not followed.",
                    location.map(|l| format!(" to {l}")).unwrap_or_default()
                ),
            )
            .fix("Give the final URL of the issuer (the one its tokens name as iss), or paste its keys."),
        ),
        _ => Some(
            Finding::new(FetchCode::HttpStatus, format!("{url} answered HTTP {status}."))
                .fix("Check the issuer's URL (and, for Cognito, the pool id and region); or paste its keys."),
        ),
    }
}

/// The finding for a request that got no answer.
#[must_use]
pub fn failed(url: &str, timed_out: bool, timeout_ms: f64) -> Finding {
    if timed_out {
        Finding::new(
            FetchCode::Timeout,
            format!("{url} did not answer within {} s; the request was aborted.", timeout_ms / 1000.0),
        )
        .fix("Try again, or open the URL in your browser and paste the keys.")
    } else {
        Finding::new(FetchCode::Network, format!("{url} could not be fetched: the network failed, or the issuer does not allow requests from other web pages (CORS)."))
            .fix("Open the URL in your browser and paste what it returns as the keys; most issuers allow CORS, some do not.")
    }
}

/// The finding for an answer larger than allowed.
#[must_use]
pub fn too_large(url: &str, max_bytes: usize) -> Finding {
    Finding::new(
        FetchCode::TooLarge,
        format!("The answer of {url} is larger than {max_bytes} bytes; reading it was stopped."),
    )
    .fix("A key set is a few kilobytes: check the URL, or raise maxBytes if it really is that large.")
}

/// The note that the discovery document named the key set.
#[must_use]
pub fn followed(discovery_url: &str, uri: &str) -> Finding {
    Finding::new(FetchCode::JwksUri, format!("The discovery document at {discovery_url} names the key set {uri}."))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sources_name_issuers() {
        let p = plan("us-east-1_AbC123", &FetchOptions::default()).unwrap();
        assert_eq!(
            p.first,
            Step::Jwks("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json".into())
        );
        assert_eq!(p.issuer.from, IssuerFrom::UserPoolId);
        let arn = plan("arn:aws:cognito-idp:eu-west-1:123:userpool/eu-west-1_X1", &FetchOptions::default()).unwrap();
        assert!(arn.first.url().starts_with("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X1/"));
        let op = plan("https://dev-x.us.auth0.com/", &FetchOptions::default()).unwrap();
        assert_eq!(op.first, Step::Discovery("https://dev-x.us.auth0.com/.well-known/openid-configuration".into()));
        // A token: its iss, unverified; an expected issuer wins over it.
        let token = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiJodHRwczovL29wLmV4YW1wbGUifQ.c2ln";
        let t = plan(&format!("Bearer {token}"), &FetchOptions::default()).unwrap();
        assert_eq!((t.issuer.issuer.as_str(), t.issuer.unverified), ("https://op.example", true));
        assert_eq!(t.findings[0].code(), "FETCH_ISSUER_UNVERIFIED");
        let e =
            plan(token, &FetchOptions { issuer: Some("us-east-1_AbC123".into()), ..FetchOptions::default() }).unwrap();
        assert_eq!((e.issuer.from, e.issuer.unverified), (IssuerFrom::UserPoolId, false));
        assert!(e.findings.is_empty());
        // Local emulators of Cognito and test servers over http on this machine.
        let local = plan("http://127.0.0.1:9229/local_abc", &FetchOptions::default()).unwrap();
        assert_eq!(local.first.url(), "http://127.0.0.1:9229/local_abc/.well-known/jwks.json");
    }

    #[test]
    fn what_is_refused() {
        let codes = |r: Result<Plan, Vec<Finding>>| r.err().map(|f| f.iter().map(Finding::code).collect::<Vec<_>>());
        assert_eq!(codes(plan("nothing here", &FetchOptions::default())), Some(vec!["FETCH_SOURCE_UNKNOWN"]));
        assert_eq!(codes(plan("http://op.example", &FetchOptions::default())), Some(vec!["FETCH_INSECURE_URL"]));
        assert!(jwks_uri(br#"{"jwks_uri":"http://op.example/keys"}"#, "d").is_err());
        assert_eq!(jwks_uri(br#"{"issuer":"x"}"#, "d").unwrap_err().code(), "FETCH_NO_JWKS_URI");
        assert_eq!(jwks_uri(b"<html>", "d").unwrap_err().code(), "FETCH_NOT_JSON");
        assert_eq!(jwks_uri(br#"{"jwks_uri":"https://op.example/keys"}"#, "d").unwrap(), "https://op.example/keys");
        assert_eq!(status_finding("u", 302, Some("https://x")).unwrap().code(), "FETCH_REDIRECT");
        assert_eq!(status_finding("u", 404, None).unwrap().code(), "FETCH_HTTP_STATUS");
        assert!(status_finding("u", 200, None).is_none());
        let (_, set) = keys_of(br#"{"keys":[]}"#, "u", None).unwrap();
        assert_eq!(no_keys(&set, "u").unwrap().code(), "FETCH_NO_KEYS");
    }
}
