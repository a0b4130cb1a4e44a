//! DPoP (RFC 9449): the proof's checks of §4.3 against the request it came with, the access token's binding (§6:
//! `ath`, `cnf.jkt`) and the scheme mix-ups of §7 (a DPoP-bound token sent as `Bearer`, a server asking for a nonce).
//!
//! The proof's own `jwk` verifies the proof — the one place a key a token brings is used, and only for that token,
//! with the algorithm bound to the key's type; what makes it trustworthy is the access token's `cnf.jkt`, which the
//! issuer signed.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};
use ts_rs::TS;

use super::{HolderKeys, ProofContext, iat_window};
use crate::alg::Algorithm;
use crate::codes::{Code, DpopCode};
use crate::decode::DecodedInput;
use crate::decode::token::Token;
use crate::finding::{Finding, Location, Part};
use crate::keys::jwk_thumbprint;

const DEFAULT_MAX_AGE: f64 = 300.0;

/// The members of a JWK that belong to a private or secret key.
const PRIVATE_MEMBERS: &[&str] = &["d", "p", "q", "dp", "dq", "qi", "oth", "k"];

/// One check of RFC 9449 §4.3 (and §6, for the access token's binding).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DpopRule {
    /// The header's `typ` is `dpop+jwt`.
    Typ,
    /// `alg` is an asymmetric JWS algorithm (never `none` or `HS*`).
    Alg,
    /// The header's `jwk` is present and is a public key.
    Jwk,
    /// The signature verifies with that `jwk`.
    Signature,
    /// `htm` is the request's method.
    Htm,
    /// `htu` is the request's URL, without query and fragment.
    Htu,
    /// `iat` is within the window.
    Iat,
    /// `jti` is present.
    Jti,
    /// `ath` is the base64url SHA-256 hash of the access token.
    Ath,
    /// The access token's `cnf.jkt` is the RFC 7638 thumbprint of the proof's `jwk`.
    Jkt,
    /// `nonce` is the server's nonce.
    Nonce,
}

/// Pass, fail or unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CheckStatus {
    /// The proof satisfies the rule.
    Pass,
    /// The proof breaks the rule: a server rejects it.
    Fail,
    /// Not decided: the detail says what settles it (the method, the URL, the access token, the full module).
    Unknown,
}

/// One rule's outcome for the proof.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DpopCheck {
    /// Which rule.
    pub rule: DpopRule,
    /// Its outcome.
    pub status: CheckStatus,
    /// The values compared; for a failure, the message of the finding that explains it; for an unknown rule, what
    /// settles it.
    pub detail: String,
    /// The finding code of a failure.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "FindingCode")]
    pub code: Option<Code>,
}

/// `Inspection.dpop`: the proof, the access token it was sent with, and the checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DpopResult {
    /// Index of the proof in `tokens`.
    pub proof: usize,
    /// Index of the access token in `tokens`, when one was sent with the proof.
    pub access_token: Option<usize>,
    /// The checks of RFC 9449 §4.3, in its order, and the access token's binding.
    pub checks: Vec<DpopCheck>,
}

/// The request a proof is judged against.
#[derive(Debug, Clone, Default)]
struct Request {
    method: Option<String>,
    url: Option<String>,
    url_assumed_https: bool,
    nonce: Option<String>,
    max_age: f64,
}

/// A check's outcome before it becomes a [`DpopCheck`] and, when failing, a finding.
struct Checked {
    rule: DpopRule,
    status: CheckStatus,
    detail: String,
    failure: Option<(DpopCode, &'static str, &'static str)>,
}

fn pass(rule: DpopRule, detail: impl Into<String>) -> Checked {
    Checked { rule, status: CheckStatus::Pass, detail: detail.into(), failure: None }
}

fn unknown(rule: DpopRule, detail: impl Into<String>) -> Checked {
    Checked { rule, status: CheckStatus::Unknown, detail: detail.into(), failure: None }
}

/// A failure: its code, the header or claim it is about, and what the client must change.
fn fail(rule: DpopRule, code: DpopCode, member: &'static str, detail: impl Into<String>, fix: &'static str) -> Checked {
    Checked { rule, status: CheckStatus::Fail, detail: detail.into(), failure: Some((code, member, fix)) }
}

/// The DPoP result of a decoded input and the `DPOP_*` findings (scheme mix-ups included).
#[must_use]
pub fn dpop_result(
    decoded: &DecodedInput,
    ctx: &ProofContext<'_>,
    keys: Option<&dyn HolderKeys>,
) -> (Option<DpopResult>, Vec<Finding>) {
    let http = decoded.http.clone().unwrap_or_default();
    let mut findings = mix_ups(decoded, &http, ctx);
    let proof = ctx.option_proof.or(http.proof_token);
    let access = http.access_token.or_else(|| ctx.option_proof.filter(|&p| p > 0).map(|_| 0));
    let Some((proof, proof_token)) = proof.and_then(|p| decoded.tokens.get(p).map(|t| (p, t))) else {
        return (None, findings);
    };
    let options = ctx.dpop.cloned().unwrap_or_default();
    let request = Request {
        method: options.method.or(http.method),
        url_assumed_https: options.url.is_none() && http.url_assumed_https,
        url: options.url.or(http.url),
        nonce: options.nonce.or(http.dpop_nonce),
        max_age: options.max_age.unwrap_or(DEFAULT_MAX_AGE),
    };
    let access_token = access.and_then(|a| decoded.tokens.get(a));
    let checks = dpop_proof(proof_token, access_token, &request, ctx, keys);
    let mut out = Vec::with_capacity(checks.len());
    for c in checks {
        let code = c.failure.map(|(code, member, fix)| {
            let part = if matches!(c.rule, DpopRule::Typ | DpopRule::Alg | DpopRule::Jwk) {
                Part::Header
            } else {
                Part::Payload
            };
            let location = if member.is_empty() { Location::part(part) } else { Location::member(part, member) };
            let at = if c.rule == DpopRule::Jkt { access.unwrap_or(proof) } else { proof };
            findings.push(Finding::new(code, format!("DPoP proof: {}", c.detail)).fix(fix).at(location).in_token(at));
            Code::from(code)
        });
        out.push(DpopCheck { rule: c.rule, status: c.status, detail: c.detail, code });
    }
    (Some(DpopResult { proof, access_token: access, checks: out }), findings)
}

fn cnf_jkt(token: &Token) -> Option<&str> {
    token.claims()?.get("cnf")?.as_object()?.get("jkt")?.as_str()
}

/// A DPoP-bound token sent as `Bearer`; a server asking for a nonce; `Authorization: DPoP` without a proof.
fn mix_ups(decoded: &DecodedInput, http: &crate::decode::http::HttpPaste, ctx: &ProofContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let bearer =
        decoded.header_value.as_deref().is_some_and(|v| v.get(..6).is_some_and(|s| s.eq_ignore_ascii_case("bearer")));
    let bound = http
        .access_token
        .or((decoded.tokens.len() == 1).then_some(0))
        .filter(|&i| decoded.tokens.get(i).and_then(cnf_jkt).is_some());
    if bearer && (bound.is_some() || http.proof.is_some()) {
        let why = if bound.is_some() {
            "the access token is DPoP-bound (its \"cnf\" has a \"jkt\")"
        } else {
            "a DPoP proof is sent with it"
        };
        let mut f = Finding::new(DpopCode::BearerScheme, format!("The access token is sent with `Authorization: Bearer`, but {why}: a resource server that enforces DPoP rejects it, and one that does not treats it as a plain bearer token."))
            .fix("Send `Authorization: DPoP <access token>` together with a `DPoP: <proof>` header (RFC 9449 §7.1).")
            .at(Location::part(Part::Input));
        if let Some(i) = bound {
            f = f.in_token(i);
        }
        out.push(f);
    }
    if http.use_dpop_nonce {
        let value = http.dpop_nonce.as_deref().map_or_else(
            || " Its `DPoP-Nonce` header (not in the paste) holds the nonce.".to_owned(),
            |n| format!(" Its `DPoP-Nonce` header says \"{n}\"."),
        );
        out.push(
            Finding::new(DpopCode::UseNonce, format!("The server answered `WWW-Authenticate: DPoP error=\"use_dpop_nonce\"`: it wants a proof carrying its nonce.{value}"))
                .fix("Make a new proof with the claim \"nonce\" set to the `DPoP-Nonce` value and retry the request (RFC 9449 §8).")
                .at(Location::part(Part::Input)),
        );
    }
    let dpop_scheme = http.scheme.as_deref().is_some_and(|s| s.eq_ignore_ascii_case("dpop"));
    if dpop_scheme && http.proof.is_none() && ctx.option_proof.is_none() {
        out.push(
            Finding::new(DpopCode::ProofMissing, "The request sends `Authorization: DPoP`, but no `DPoP` header with a proof: the resource server rejects it.")
                .fix("Send a `DPoP: <proof>` header with every request, a new proof each time, signed by the key the access token is bound to (or pass the proof as `dpop.proof`).")
                .at(Location::part(Part::Input)),
        );
    }
    out
}

/// The checks of one proof against its request and access token, in RFC 9449 §4.3's order.
#[must_use]
fn dpop_proof(
    proof: &Token,
    access: Option<&Token>,
    request: &Request,
    ctx: &ProofContext<'_>,
    keys: Option<&dyn HolderKeys>,
) -> Vec<Checked> {
    let empty = Map::new();
    let header = proof.header_object().unwrap_or(&empty);
    let claims = proof.claims().unwrap_or(&empty);
    let (alg_check, alg) = alg(header);
    let (jwk_check, jwk) = jwk(header);
    let signature = signature(proof, alg, jwk, keys);
    vec![
        typ(header),
        alg_check,
        jwk_check,
        signature,
        htm(claims, request),
        htu(claims, request),
        iat(claims, request, ctx),
        jti(claims),
        ath(claims, access),
        jkt(jwk, access),
        nonce(claims, request),
    ]
}

/// The checks of one proof against a method and URL at `now`, without its signature (which stays `unknown`): for
/// callers outside `inspect`, such as the encoder's tests.
#[must_use]
pub fn dpop_proof_checks(proof: &Token, access: Option<&Token>, method: &str, url: &str, now: f64) -> Vec<DpopCheck> {
    let request = Request {
        method: Some(method.to_owned()),
        url: Some(url.to_owned()),
        max_age: DEFAULT_MAX_AGE,
        ..Request::default()
    };
    let ctx = ProofContext { now: Some(now), ..ProofContext::default() };
    dpop_proof(proof, access, &request, &ctx, None)
        .into_iter()
        .map(|c| DpopCheck {
            rule: c.rule,
            status: c.status,
            detail: c.detail,
            code: c.failure.map(|(code, _, _)| code.into()),
        })
        .collect()
}

fn typ(header: &Map<String, Value>) -> Checked {
    match header.get("typ").and_then(Value::as_str) {
        Some(t) if t.eq_ignore_ascii_case("dpop+jwt") => pass(DpopRule::Typ, "\"typ\" is \"dpop+jwt\"."),
        Some(t) => fail(
            DpopRule::Typ,
            DpopCode::Typ,
            "typ",
            format!("\"typ\" is \"{t}\", not \"dpop+jwt\"."),
            "Set the proof's header parameter \"typ\" to \"dpop+jwt\".",
        ),
        None => fail(
            DpopRule::Typ,
            DpopCode::Typ,
            "typ",
            "The header has no \"typ\"; a proof's is \"dpop+jwt\".",
            "Set the proof's header parameter \"typ\" to \"dpop+jwt\".",
        ),
    }
}

fn alg(header: &Map<String, Value>) -> (Checked, Option<Algorithm>) {
    let fix = "Sign the proof with an asymmetric algorithm (ES256, EdDSA, RS256, PS256, …) and the private key of the header's \"jwk\"; never none or HS*.";
    let Some(name) = header.get("alg").and_then(Value::as_str) else {
        return (fail(DpopRule::Alg, DpopCode::Alg, "alg", "The header has no \"alg\".", fix), None);
    };
    match Algorithm::from_name(name) {
        Some(a) if !a.is_symmetric() => {
            (pass(DpopRule::Alg, format!("\"alg\" is {name}, an asymmetric algorithm.")), Some(a))
        }
        Some(_) => (
            fail(
                DpopRule::Alg,
                DpopCode::Alg,
                "alg",
                format!(
                    "\"alg\" is {name}, a symmetric (HMAC) algorithm: a proof must be signed with a private key whose public half is in \"jwk\"."
                ),
                fix,
            ),
            None,
        ),
        None => (
            fail(
                DpopRule::Alg,
                DpopCode::Alg,
                "alg",
                format!("\"alg\" is \"{name}\", which is not an asymmetric JWS algorithm."),
                fix,
            ),
            None,
        ),
    }
}

fn jwk(header: &Map<String, Value>) -> (Checked, Option<&Map<String, Value>>) {
    let fix = "Put the public key (and only the public key) that signs the proof in the header's \"jwk\".";
    let Some(jwk) = header.get("jwk").and_then(Value::as_object) else {
        return (
            fail(DpopRule::Jwk, DpopCode::Jwk, "jwk", "The header has no \"jwk\" object: the proof names no key.", fix),
            None,
        );
    };
    let private: Vec<&str> = PRIVATE_MEMBERS.iter().copied().filter(|m| jwk.contains_key(*m)).collect();
    if !private.is_empty() {
        let detail = format!(
            "The header's \"jwk\" holds private members ({}): the client published its private key, which must now be replaced.",
            crate::finding::quoted(&private)
        );
        return (
            fail(
                DpopRule::Jwk,
                DpopCode::Jwk,
                "jwk",
                detail,
                "Generate a new key pair and put only the public members in \"jwk\" (for EC: kty, crv, x, y).",
            ),
            None,
        );
    }
    match jwk.get("kty").and_then(Value::as_str) {
        Some(kty) => (pass(DpopRule::Jwk, format!("\"jwk\" is a public {kty} key.")), Some(jwk)),
        None => (fail(DpopRule::Jwk, DpopCode::Jwk, "jwk", "The header's \"jwk\" has no \"kty\".", fix), None),
    }
}

fn signature(
    proof: &Token,
    alg: Option<Algorithm>,
    jwk: Option<&Map<String, Value>>,
    keys: Option<&dyn HolderKeys>,
) -> Checked {
    let (Some(alg), Some(jwk)) = (alg, jwk) else {
        return unknown(DpopRule::Signature, "Not checked: the proof's alg or jwk is unusable (see those checks).");
    };
    let Some(keys) = keys else {
        return unknown(
            DpopRule::Signature,
            "Not checked by the decoder-only module: the full module verifies the proof with its own \"jwk\".",
        );
    };
    let (Some(input), Some(sig)) = (proof.signing_input.as_deref(), proof.signature.as_deref()) else {
        return fail(
            DpopRule::Signature,
            DpopCode::Signature,
            "",
            "The proof has no signature to check.",
            "Send the whole proof: header.payload.signature.",
        );
    };
    match keys.verify(jwk, alg.name(), input.as_bytes(), sig) {
        Ok(()) => {
            pass(DpopRule::Signature, format!("The signature verifies with the header's jwk under {}.", alg.name()))
        }
        Err(why) => fail(
            DpopRule::Signature,
            DpopCode::Signature,
            "",
            format!("The signature does not verify with the header's jwk under {}: {why}.", alg.name()),
            "Sign the proof with the private key whose public half is in \"jwk\", over the exact header and payload sent.",
        ),
    }
}

fn htm(claims: &Map<String, Value>, request: &Request) -> Checked {
    let fix =
        "Set \"htm\" to the request's method, in capitals as sent (GET, POST, …), in a new proof for each request.";
    let Some(htm) = claims.get("htm").and_then(Value::as_str) else {
        return fail(DpopRule::Htm, DpopCode::Htm, "htm", "The proof has no \"htm\" (the request's method).", fix);
    };
    match request.method.as_deref() {
        None => unknown(
            DpopRule::Htm,
            format!(
                "\"htm\" is \"{htm}\"; the request's method is not known: paste the request line or pass `dpop.method`."
            ),
        ),
        Some(m) if m == htm => pass(DpopRule::Htm, format!("\"htm\" is {htm}, the request's method.")),
        Some(m) => fail(
            DpopRule::Htm,
            DpopCode::Htm,
            "htm",
            format!("\"htm\" is \"{htm}\", but the request's method is {m}."),
            fix,
        ),
    }
}

/// A URL compared as RFC 9449 §4.3 says (RFC 3986 §6.2.2–6.2.3): without query and fragment, scheme and host in
/// lower case, the default port removed, an empty path as `/`.
#[must_use]
pub fn normalise_url(url: &str) -> Option<String> {
    let url = url.split(['?', '#']).next()?;
    let (scheme, rest) = url.split_once("://")?;
    let scheme = scheme.to_ascii_lowercase();
    let (authority, path) =
        rest.find('/').map_or((rest, "/"), |i| (rest.get(..i).unwrap_or(rest), rest.get(i..).unwrap_or("/")));
    let authority = authority.to_ascii_lowercase();
    let authority = match (scheme.as_str(), authority.rsplit_once(':')) {
        ("https", Some((host, "443"))) | ("http", Some((host, "80"))) => host.to_owned(),
        _ => authority,
    };
    (!authority.is_empty()).then(|| format!("{scheme}://{authority}{path}"))
}

fn htu(claims: &Map<String, Value>, request: &Request) -> Checked {
    let fix =
        "Set \"htu\" to the URL the request is sent to, without query and fragment, in a new proof for each request.";
    let Some(htu) = claims.get("htu").and_then(Value::as_str) else {
        return fail(DpopRule::Htu, DpopCode::Htu, "htu", "The proof has no \"htu\" (the request's URL).", fix);
    };
    let Some(url) = request.url.as_deref() else {
        return unknown(
            DpopRule::Htu,
            format!(
                "\"htu\" is \"{htu}\"; the request's URL is not known: paste the request (request line and Host) or pass `dpop.url`."
            ),
        );
    };
    let assumed =
        if request.url_assumed_https { " (https assumed: the request line does not say the scheme)" } else { "" };
    match (normalise_url(htu), normalise_url(url)) {
        (Some(a), Some(b)) if a == b => {
            pass(DpopRule::Htu, format!("\"htu\" is \"{htu}\", the request's URL {b}{assumed}."))
        }
        (Some(_), Some(b)) => fail(
            DpopRule::Htu,
            DpopCode::Htu,
            "htu",
            format!("\"htu\" is \"{htu}\", but the request goes to {b}{assumed} (query and fragment ignored)."),
            fix,
        ),
        (None, _) => fail(
            DpopRule::Htu,
            DpopCode::Htu,
            "htu",
            format!("\"htu\" is \"{htu}\", which is not an absolute http(s) URL."),
            fix,
        ),
        (_, None) => unknown(
            DpopRule::Htu,
            format!(
                "\"htu\" is \"{htu}\"; the request's URL \"{url}\" is not an absolute URL: pass the whole URL as `dpop.url`."
            ),
        ),
    }
}

fn iat(claims: &Map<String, Value>, request: &Request, ctx: &ProofContext<'_>) -> Checked {
    let fix = "Make a new proof for each request, with \"iat\" the current time in seconds; check the client's clock.";
    let Some(iat) = claims.get("iat").and_then(Value::as_f64) else {
        return fail(DpopRule::Iat, DpopCode::Iat, "iat", "The proof has no numeric \"iat\".", fix);
    };
    let Some(now) = ctx.now else {
        return unknown(DpopRule::Iat, "No evaluation time (`now`) was given, so the proof's age is not known.");
    };
    match iat_window(iat, now, request.max_age, ctx.clock_skew) {
        Ok(age) => pass(DpopRule::Iat, format!("\"iat\" is {age:.0} s old, within {:.0} s.", request.max_age)),
        Err((_, why)) => fail(DpopRule::Iat, DpopCode::Iat, "iat", format!("The proof's {why}."), fix),
    }
}

fn jti(claims: &Map<String, Value>) -> Checked {
    match claims.get("jti").and_then(Value::as_str) {
        Some(j) if !j.is_empty() => {
            pass(DpopRule::Jti, format!("\"jti\" is \"{j}\" (the server must also see it only once)."))
        }
        _ => fail(
            DpopRule::Jti,
            DpopCode::Jti,
            "jti",
            "The proof has no \"jti\" string: the server cannot detect a replay.",
            "Put a new random \"jti\" (e.g. 96 random bits, base64url) in each proof.",
        ),
    }
}

/// base64url(SHA-256(access token)): a proof's `ath`.
#[must_use]
pub fn ath_of(access_token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(access_token.as_bytes()))
}

fn ath(claims: &Map<String, Value>, access: Option<&Token>) -> Checked {
    let fix =
        "Set \"ath\" to base64url(SHA-256(access token)) of the exact access token sent in `Authorization: DPoP`.";
    let given = claims.get("ath").and_then(Value::as_str);
    let Some(access) = access else {
        return match given {
            Some(a) => {
                unknown(DpopRule::Ath, format!("\"ath\" is \"{a}\", but no access token was given to compare it with."))
            }
            None => pass(
                DpopRule::Ath,
                "No access token is sent with the proof, so no \"ath\" is needed (a token request).",
            ),
        };
    };
    let expected = ath_of(&access.compact);
    match given {
        Some(a) if a == expected => pass(DpopRule::Ath, format!("\"ath\" is the hash of the access token ({a}).")),
        Some(a) => fail(
            DpopRule::Ath,
            DpopCode::Ath,
            "ath",
            format!(
                "\"ath\" is \"{a}\", but the SHA-256 hash of the access token sent is \"{expected}\": the proof was made for another access token."
            ),
            fix,
        ),
        None => fail(
            DpopRule::Ath,
            DpopCode::Ath,
            "ath",
            format!("The proof has no \"ath\", but an access token is sent with it (its hash is \"{expected}\")."),
            fix,
        ),
    }
}

fn jkt(jwk: Option<&Map<String, Value>>, access: Option<&Token>) -> Checked {
    let Some(access) = access else {
        return unknown(DpopRule::Jkt, "No access token was given, so its binding (cnf.jkt) is not checked.");
    };
    let Some(bound) = cnf_jkt(access) else {
        return unknown(
            DpopRule::Jkt,
            "The access token has no readable \"cnf.jkt\" (an opaque token is bound at the server's introspection).",
        );
    };
    let Some(thumbprint) = jwk.and_then(jwk_thumbprint) else {
        return unknown(
            DpopRule::Jkt,
            format!(
                "The access token is bound to \"{bound}\", but the proof's jwk is unusable, so its thumbprint is not known."
            ),
        );
    };
    if thumbprint == bound {
        pass(
            DpopRule::Jkt,
            format!("The access token's cnf.jkt is the RFC 7638 thumbprint of the proof's jwk ({bound})."),
        )
    } else {
        fail(
            DpopRule::Jkt,
            DpopCode::Jkt,
            "cnf",
            format!(
                "The access token is bound to the key with thumbprint \"{bound}\" (cnf.jkt), but the proof is signed by the key with thumbprint \"{thumbprint}\"."
            ),
            "Sign the proof with the key the access token was issued for (the one whose proof obtained it), or get a new access token for this key.",
        )
    }
}

fn nonce(claims: &Map<String, Value>, request: &Request) -> Checked {
    let given = claims.get("nonce").and_then(Value::as_str);
    let fix = "Put the server's latest `DPoP-Nonce` value in the proof's \"nonce\" claim.";
    match (given, request.nonce.as_deref()) {
        (Some(g), Some(n)) if g == n => pass(DpopRule::Nonce, format!("\"nonce\" is the server's nonce \"{n}\".")),
        (Some(g), Some(n)) => fail(
            DpopRule::Nonce,
            DpopCode::Nonce,
            "nonce",
            format!("\"nonce\" is \"{g}\", but the server's nonce is \"{n}\"."),
            fix,
        ),
        (None, Some(n)) => fail(
            DpopRule::Nonce,
            DpopCode::Nonce,
            "nonce",
            format!("The proof has no \"nonce\", but the server gave the nonce \"{n}\"."),
            fix,
        ),
        (Some(g), None) => unknown(
            DpopRule::Nonce,
            format!(
                "\"nonce\" is \"{g}\"; the server's nonce is not known: paste its `DPoP-Nonce` header or pass `dpop.nonce`."
            ),
        ),
        (None, None) => pass(DpopRule::Nonce, "No server nonce was given, and the proof carries none."),
    }
}
