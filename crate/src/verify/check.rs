//! Checking one signature of a token: the header rules, the row of every key, the signature itself, and the
//! findings that explain the verdict. [`super::verify`] runs this for each signature it selects.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use super::raw::{self, RawError};
use super::{KeyAttempt, Outcome, VerifyCode, VerifyOptions, header};
use crate::alg::{Algorithm, Family};
use crate::decode::token::{Decoded, Serialization, Token};
use crate::finding::{Finding, Location, Part};
use crate::issuer::KeysLocation;
use crate::keys::KeyInfo;
use crate::keys::material::Material;
use crate::limits::{Budget, Limit, Limits, count, thousands};

/// One signature to check, with the exact texts it was built from.
pub(super) struct Entry {
    pub(super) index: usize,
    protected_b64: String,
    payload_text: String,
    signature_text: String,
    protected: Option<Decoded>,
    protected_present: bool,
    unprotected: Option<Map<String, Value>>,
    signature: Option<Vec<u8>>,
}

/// The signatures of a decoded token: one for the compact form, one per `signatures` entry of the JSON
/// serialization, each with the raw texts its signing input and strictness check need. Empty when the token's text
/// no longer splits as it decoded (it then has no signature to check).
pub(super) fn entries(token: &Token, limits: &Limits) -> Vec<Entry> {
    if token.serialization == Serialization::Compact {
        // An SD-JWT's signature is the issuer-signed JWT's, before the first `~`.
        let jws = token.compact.split('~').next().unwrap_or_default();
        let parts: Vec<&str> = jws.split('.').collect();
        let [h, p, s] = parts.as_slice() else { return Vec::new() };
        return vec![Entry {
            index: 0,
            protected_b64: (*h).to_owned(),
            payload_text: (*p).to_owned(),
            signature_text: (*s).to_owned(),
            protected: token.header.clone(),
            protected_present: true,
            unprotected: None,
            signature: token.signature.clone(),
        }];
    }
    let Ok(Some(Value::Object(object))) = crate::json::parse_within(&token.compact, limits, "The token") else {
        return Vec::new();
    };
    let payload = object.get("payload").and_then(Value::as_str).unwrap_or_default().to_owned();
    let raw: Vec<&Map<String, Value>> = match object.get("signatures") {
        Some(Value::Array(list)) => list.iter().filter_map(Value::as_object).collect(),
        _ => vec![&object],
    };
    let text = |o: &Map<String, Value>, k: &str| o.get(k).and_then(Value::as_str).unwrap_or_default().to_owned();
    raw.into_iter()
        .zip(&token.signatures)
        .enumerate()
        .map(|(index, (raw, decoded))| Entry {
            index,
            protected_b64: text(raw, "protected"),
            payload_text: payload.clone(),
            signature_text: text(raw, "signature"),
            protected: decoded.protected.clone(),
            protected_present: raw.contains_key("protected"),
            unprotected: decoded.header.as_ref().and_then(Value::as_object).cloned(),
            signature: decoded.signature.clone(),
        })
        .collect()
}

/// What the caller's options and the input fix for every signature.
pub(super) struct Context<'a> {
    pub(super) keys: &'a [KeyInfo],
    pub(super) allow: Option<Vec<Algorithm>>,
    pub(super) detached: Option<&'a [u8]>,
    pub(super) inner_whitespace: bool,
    /// Where the token's (unverified) issuer publishes its keys.
    pub(super) keys_location: Option<&'a KeysLocation>,
    pub(super) limits: &'a Limits,
    /// The signature checks left in this call (`limits.checks`), shared by every token and signature.
    pub(super) budget: &'a Budget,
}

/// What checking one signature concluded.
#[derive(Default)]
pub(super) struct EntryResult {
    pub(super) attempts: Vec<KeyAttempt>,
    pub(super) matched: Option<usize>,
    pub(super) valid: bool,
    pub(super) algorithm: Option<String>,
}

/// "key 2 (kid "abc")": how messages name a key (1-based, as people count).
fn key_label(key: &KeyInfo) -> String {
    match &key.kid {
        Some(kid) => format!("key {} (kid \"{kid}\")", key.index + 1),
        None => format!("key {}", key.index + 1),
    }
}

/// Locates a finding at a key.
fn at_key(finding: Finding, key: &KeyInfo) -> Finding {
    finding.at(Location { part: Some(Part::Key), key: Some(key.index), ..Location::default() })
}

/// The kind of key an algorithm needs, for messages.
fn needs(alg: Algorithm) -> String {
    match alg.family() {
        Family::Hmac(_) => "a shared HMAC secret".to_owned(),
        Family::RsaPkcs1(_) | Family::RsaPss(_) => "an RSA public key".to_owned(),
        Family::Ecdsa(curve, _) => format!("an EC {} public key", curve.jwk_name()),
        Family::Ed25519 => "an Ed25519 public key".to_owned(),
    }
}

impl KeyAttempt {
    /// A row; `tried` follows from the outcome (only keys that were used have a signature outcome).
    fn row(key: &KeyInfo, signature: usize, outcome: Outcome, reason: String) -> Self {
        let tried = matches!(outcome, Outcome::Matched | Outcome::SignatureMismatch | Outcome::SignatureMalformed);
        Self { key: key.index, signature, kid: key.kid.clone(), tried, outcome, signature_matches: None, reason }
    }
}

/// The row of a key that is not used, with whether it may still be tried for diagnosis; `None` for a key to use.
fn exclusion(key: &KeyInfo, alg: Algorithm, kid: Option<&str>) -> Option<(Outcome, String, bool)> {
    let refused = key
        .refusal
        .as_ref()
        .map(|r| (Outcome::KeyRefused, format!("The key is refused: {}.", r.trim_end_matches('.')), false));
    let Some(material) = &key.material else {
        return refused
            .or_else(|| Some((Outcome::Unusable, "The key could not be read (see its findings).".to_owned(), false)));
    };
    match raw::fit(alg, material) {
        raw::Fit::Fits => {}
        raw::Fit::AlgorithmConfusion => {
            return Some((
                Outcome::AlgorithmConfusion,
                format!(
                    "{} is not an HMAC secret: using it as one for {} is the algorithm-confusion attack.",
                    capitalize(&material.describe()),
                    alg.name()
                ),
                false,
            ));
        }
        raw::Fit::WrongKeyType => {
            return Some((
                Outcome::WrongKeyType,
                format!("{} needs {}; this is {}.", alg.name(), needs(alg), material.describe()),
                false,
            ));
        }
        raw::Fit::WrongCurve => {
            return Some((
                Outcome::WrongCurve,
                format!("{} needs {}; this is {}.", alg.name(), needs(alg), material.describe()),
                false,
            ));
        }
    }
    if refused.is_some() {
        return refused;
    }
    if !key.for_signing() {
        return Some((
            Outcome::NotForSigning,
            "The key is marked for encryption (\"use\" or \"key_ops\"), not for verifying signatures.".to_owned(),
            true,
        ));
    }
    if !key.type_algorithms().contains(&alg) {
        let why = match (&key.alg, &key.pss_restriction) {
            (Some(a), _) => format!("its \"alg\" is \"{a}\""),
            (None, _) => "its RSASSA-PSS parameters allow another algorithm".to_owned(),
        };
        return Some((
            Outcome::AlgMismatch,
            format!("The key is restricted to another algorithm than {}: {why}.", alg.name()),
            true,
        ));
    }
    if let (Some(want), Some(have)) = (kid, key.kid.as_deref())
        && want != have
    {
        return Some((
            Outcome::KidMismatch,
            format!("The key's kid \"{have}\" is not the token's kid \"{want}\"."),
            true,
        ));
    }
    None
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// Checks one signature. Findings go to `findings`; the rows and verdict are returned.
pub(super) fn check_entry(ctx: &Context<'_>, entry: &Entry, findings: &mut Vec<Finding>) -> EntryResult {
    let mut result = EntryResult::default();
    let stop = |result: &mut EntryResult, reason: &str| {
        result.attempts =
            ctx.keys.iter().map(|k| KeyAttempt::row(k, entry.index, Outcome::NotTried, reason.to_owned())).collect();
    };
    let empty = Map::new();
    let protected = match (&entry.protected, entry.protected_present) {
        (Some(d), _) if d.object().is_some() => d.object().unwrap_or(&empty),
        (None, false) => &empty,
        _ => {
            findings.push(Finding::new(VerifyCode::HeaderUnreadable, "The protected header could not be decoded as a JSON object, so the signature cannot be checked (the decoding findings say why).").at(Location::part(Part::Header)));
            stop(&mut result, "The header could not be decoded.");
            return result;
        }
    };
    if let Some(text) = entry.protected.as_ref().and_then(|d| d.text.as_deref()) {
        // The header decoded as an object within the limits; its shape alone says whether a member repeats.
        let shape = crate::json::Shape::of(text, ctx.limits);
        if let Some((member, ..)) = shape.duplicates.first() {
            findings.push(
                Finding::new(VerifyCode::HeaderDuplicate, format!("The protected header has \"{member}\" twice. RFC 7515 §5.2 requires rejecting such a token: parsers disagree on which value counts."))
                    .fix("Fix the issuer so each header parameter appears once.")
                    .at(Location::member(Part::Header, member)),
            );
            stop(&mut result, "The header has a duplicate member.");
            return result;
        }
    }
    if let Some(shared) = entry.unprotected.as_ref().and_then(|u| u.keys().find(|k| protected.contains_key(*k))) {
        findings.push(Finding::new(VerifyCode::HeaderNotDisjoint, format!("\"{shared}\" is in both the protected and the unprotected header; RFC 7515 §7.2.1 requires them to be disjoint.")).at(Location::member(Part::Header, shared)));
        stop(&mut result, "The protected and unprotected headers overlap.");
        return result;
    }
    let joint = |name: &str| protected.get(name).or_else(|| entry.unprotected.as_ref().and_then(|u| u.get(name)));
    let Some(alg_name) = joint("alg").and_then(Value::as_str) else {
        findings.push(
            Finding::new(
                VerifyCode::AlgInvalid,
                "The header has no \"alg\" string, so there is no algorithm to verify with.",
            )
            .at(Location::member(Part::Header, "alg")),
        );
        stop(&mut result, "The header has no algorithm.");
        return result;
    };
    result.algorithm = Some(alg_name.to_owned());
    if alg_name.trim().eq_ignore_ascii_case("none") {
        findings.push(
            Finding::new(VerifyCode::AlgNone, format!("\"alg\": \"{alg_name}\" means the token is unsecured. jwtlens never accepts it, whatever key is given: anyone can write such a token."))
                .fix("A server that accepts this token is vulnerable. Servers must require a signature algorithm they chose themselves.")
                .at(Location::member(Part::Header, "alg")),
        );
        stop(&mut result, "An unsecured token (alg none) never verifies.");
        return result;
    }
    let Some(alg) = Algorithm::from_name(alg_name) else {
        findings.push(
            Finding::new(VerifyCode::AlgUnsupported, crate::alg::explain_unsupported(alg_name))
                .at(Location::member(Part::Header, "alg")),
        );
        stop(&mut result, "The algorithm is not supported.");
        return result;
    };
    if !protected.contains_key("alg") {
        findings.push(
            Finding::new(
                VerifyCode::AlgUnprotected,
                "\"alg\" is only in the unprotected header, so it is not covered by the signature.",
            )
            .fix("Put \"alg\" in the protected header; JWT libraries require that.")
            .at(Location::member(Part::Header, "alg")),
        );
    }
    if let Some(allow) = &ctx.allow
        && !allow.contains(&alg)
    {
        let names: Vec<&str> = allow.iter().map(|a| a.name()).collect();
        findings.push(
            Finding::new(VerifyCode::AlgNotAllowed, format!("The token's algorithm {} is not in the allowed list ({}).", alg.name(), if names.is_empty() { "empty".to_owned() } else { names.join(", ") }))
                .fix("If the issuer really signs with this algorithm, add it to the allowed algorithms; otherwise the token is not from your issuer.")
                .at(Location::member(Part::Header, "alg")),
        );
        stop(&mut result, "The algorithm is not in the allow-list.");
        return result;
    }
    if !header::crit(protected, entry.unprotected.as_ref(), findings) {
        stop(&mut result, "A critical header parameter is not understood.");
        return result;
    }
    let Some(encoded_payload) = header::b64(protected, entry.unprotected.as_ref(), findings) else {
        stop(&mut result, "The b64 header parameter is invalid.");
        return result;
    };
    let signature = match &entry.signature {
        None => {
            findings.push(
                Finding::new(
                    VerifyCode::Unreadable,
                    "The signature is not base64url, so its bytes are unknown and it cannot be checked.",
                )
                .at(Location::part(Part::Signature)),
            );
            stop(&mut result, "The signature could not be decoded.");
            return result;
        }
        Some(s) if s.is_empty() => {
            findings.push(
                Finding::new(VerifyCode::Missing, format!("The token says {} but carries no signature.", alg.name()))
                    .fix("The signature was stripped or lost while copying; no verifier accepts the token.")
                    .at(Location::part(Part::Signature)),
            );
            stop(&mut result, "The signature is empty.");
            return result;
        }
        Some(s) => s.as_slice(),
    };
    let payload = match ctx.detached {
        Some(detached) if entry.payload_text.is_empty() => {
            findings.push(Finding::new(VerifyCode::Detached, "The payload segment is empty, so the detached payload from the options was verified as the signed content.").at(Location::part(Part::Payload)));
            if encoded_payload { URL_SAFE_NO_PAD.encode(detached).into_bytes() } else { detached.to_vec() }
        }
        Some(_) => {
            findings.push(Finding::new(VerifyCode::OptionsInvalid, "A detached payload was given, but the token carries its own payload; the detached payload was ignored.").at(Location::part(Part::Payload)));
            entry.payload_text.as_bytes().to_vec()
        }
        None => entry.payload_text.as_bytes().to_vec(),
    };
    // The JWS signing input: the protected header's text, a dot, the payload (bytes: an unencoded detached payload
    // need not be text).
    let mut signing_input = Vec::with_capacity(entry.protected_b64.len() + 1 + payload.len());
    signing_input.extend_from_slice(entry.protected_b64.as_bytes());
    signing_input.push(b'.');
    signing_input.extend_from_slice(&payload);

    let mut not_strict = Vec::new();
    if ctx.inner_whitespace {
        not_strict.push("whitespace inside the token (removed before checking)".to_owned());
    }
    let mut segments = vec![("header", entry.protected_b64.as_str()), ("signature", entry.signature_text.as_str())];
    if encoded_payload {
        segments.insert(1, ("payload", entry.payload_text.as_str()));
    }
    for (name, text) in segments {
        if let Some(problem) = crate::base64url::strict_problem(text) {
            not_strict.push(format!("{problem} in the {name}"));
        }
    }

    let kid = joint("kid").and_then(Value::as_str);
    let mut rows = Vec::with_capacity(ctx.keys.len());
    let mut diagnostic = Vec::new();
    for key in ctx.keys {
        match exclusion(key, alg, kid) {
            Some((outcome, reason, diagnose)) => {
                if diagnose {
                    diagnostic.push(rows.len());
                }
                rows.push(KeyAttempt::row(key, entry.index, outcome, reason));
            }
            None => rows.push(KeyAttempt::row(key, entry.index, Outcome::SignatureMismatch, String::new())),
        }
    }
    let used: Vec<&KeyInfo> = ctx.keys.iter().zip(&rows).filter(|(_, r)| r.tried).map(|(k, _)| k).collect();
    let ambiguous = kid.is_some() && used.iter().filter(|k| k.kid.as_deref() == kid).count() > 1;
    let mut malformed: Option<RawError> = None;
    // Keys left untried because the call's signature checks ran out: (to use, for diagnosis only).
    let mut untried = (0, 0);
    for (key, row) in ctx.keys.iter().zip(rows.iter_mut()).filter(|(_, r)| r.tried) {
        let Some(material) = &key.material else { continue };
        if !ctx.budget.take(1) {
            *row = KeyAttempt::row(key, entry.index, Outcome::NotTried, checks_spent(ctx.limits));
            untried.0 += 1;
            continue;
        }
        if let (Material::Secret(secret), Family::Hmac(hash)) = (material, alg.family())
            && secret.len() < hash.output_len()
        {
            findings.push(at_key(
                Finding::new(VerifyCode::HmacShort, format!("The HMAC secret of {} is {} bytes; RFC 7518 §3.2 requires at least {} for {}, so it can be guessed far more easily.", key_label(key), secret.len(), hash.output_len(), alg.name()))
                    .fix("Signatures still verify here, but the issuer should use a random secret of at least the hash length (e.g. 32 random bytes for HS256)."),
                key,
            ));
        }
        match raw::check(alg, material, &signing_input, signature) {
            Ok(()) => {
                row.outcome = Outcome::Matched;
                row.reason = "The signature verifies with this key.".to_owned();
                result.matched.get_or_insert(key.index);
            }
            Err(e @ (RawError::EcdsaDer | RawError::WrongLength { .. })) => {
                row.outcome = Outcome::SignatureMalformed;
                row.reason = match e {
                    RawError::WrongLength { expected, actual } => {
                        format!("The signature is {actual} bytes; {} with this key makes {expected}.", alg.name())
                    }
                    _ => "The signature is DER-encoded; JWS ECDSA signatures are r‖s.".to_owned(),
                };
                malformed.get_or_insert(e);
            }
            Err(_) => row.reason = "The signature does not verify with this key.".to_owned(),
        }
    }
    if result.matched.is_none() {
        for &i in &diagnostic {
            let (Some(row), Some(key)) = (rows.get_mut(i), ctx.keys.get(i)) else { continue };
            let Some(material) = &key.material else { continue };
            if !ctx.budget.take(1) {
                untried.1 += 1;
                continue;
            }
            let matches = raw::check(alg, material, &signing_input, signature).is_ok();
            row.signature_matches = Some(matches);
            if matches {
                findings.push(at_key(
                    Finding::new(VerifyCode::MatchesExcludedKey, format!("The signature would verify with {}, but that key is not used: {}", key_label(key), row.reason))
                        .fix("If this is the right key, the token and the key disagree on kid, alg or use: fix the issuer's JWKS or the token's header rather than ignoring the mismatch."),
                    key,
                ));
            }
        }
    }
    if untried != (0, 0) {
        findings.push(limit_finding(ctx.limits, untried));
    }
    summarize(ctx, entry, alg, kid, &rows, malformed, findings);
    let matched = result.matched.is_some();
    if matched && ambiguous {
        findings.push(
            Finding::new(
                VerifyCode::KidAmbiguous,
                format!(
                    "Several usable keys have the kid \"{}\", so the token does not say which key signed it.",
                    kid.unwrap_or_default()
                ),
            )
            .fix("A key set must give each key its own kid. Remove the duplicate from the key set.")
            .at(Location::member(Part::Header, "kid")),
        );
    }
    if matched && !not_strict.is_empty() {
        findings.push(
            Finding::new(VerifyCode::NotStrict, format!("The signature matches, but the token as received is not strict base64url: {}. Strict verifiers reject it before checking the signature.", not_strict.join("; ")))
                .fix("Send the token exactly as issued: no whitespace, no padding, the base64url alphabet. ALB's x-amzn-oidc-data is padded by design; verify it with a library that allows that.")
                .at(Location::part(Part::Input)),
        );
    }
    result.valid = matched && !ambiguous && not_strict.is_empty();
    result.attempts = rows;
    result
}

/// Why a key was not tried: the call's signature checks are spent.
fn checks_spent(limits: &Limits) -> String {
    format!(
        "Not tried: this call already made its {} signature checks (`limits.checks`).",
        thousands(limits.get(Limit::Checks))
    )
}

/// The finding for keys left untried by `limits.checks`: `(to use, for diagnosis only)`.
fn limit_finding(limits: &Limits, (used, diagnostic): (usize, usize)) -> Finding {
    let what = match (used, diagnostic) {
        (0, n) => format!("{} key(s) excluded by their kid, alg or use were not tried for diagnosis", count(n)),
        (n, 0) => format!("{} key(s) were not tried", count(n)),
        (n, d) => format!("{} key(s) were not tried, nor {} excluded key(s) for diagnosis", count(n), count(d)),
    };
    limits
        .finding(
            Limit::Checks,
            &format!("This call made the signature checks it may make, so {what}"),
            "the verdict rests on the keys that were tried",
        )
        .at(Location::part(Part::Signature))
}

/// Where to get the key set a missing kid belongs to. The token's `iss` is unverified, so the text names the
/// issuer's published keys only for the case that it is the issuer the reader trusts.
fn kid_not_found_fix(location: Option<&KeysLocation>) -> String {
    let rotated = "an old copy from before a key rotation, or the keys of another issuer or environment";
    match location {
        Some(KeysLocation::Cognito(pool)) => format!(
            "If user pool {} ({}) is yours, its keys are at {}. A kid missing from the pasted set usually means the keys of another user pool or region were pasted (a test pool's keys for a production token, or the reverse), or {rotated}.",
            pool.id,
            pool.region,
            pool.jwks_url()
        ),
        Some(location @ KeysLocation::Discovery { issuer }) => format!(
            "If {issuer} is the issuer you trust, it lists its current keys at the jwks_uri of {}. A kid missing from the pasted set usually means {rotated}.",
            location.discovery_url()
        ),
        None => format!("Fetch the trusted issuer's current JWKS: the pasted set is probably {rotated}."),
    }
}

/// Adds the verdict's explanation when the signature was not verified (or the valid finding when it was).
fn summarize(
    ctx: &Context<'_>,
    entry: &Entry,
    alg: Algorithm,
    kid: Option<&str>,
    rows: &[KeyAttempt],
    malformed: Option<RawError>,
    findings: &mut Vec<Finding>,
) {
    let confused: Vec<&KeyAttempt> = rows.iter().filter(|r| r.outcome == Outcome::AlgorithmConfusion).collect();
    if let Some(first) = confused.first().and_then(|r| ctx.keys.get(r.key)) {
        let what = first.material.as_ref().map_or_else(|| "a public key".to_owned(), Material::describe);
        findings.push(at_key(
            Finding::new(VerifyCode::AlgConfusion, format!("The token says {}, an HMAC algorithm keyed by a shared secret, but the key is {what}. Using a public key as an HMAC secret is the algorithm-confusion attack: the public key is public, so anyone could have computed this signature. jwtlens never does it.", alg.name()))
                .fix("If the issuer signs with this key, its tokens say RS256, PS256, ES256 or EdDSA; a token saying HS256 was forged or altered. If the issuer really uses HS256, paste its shared secret instead."),
            first,
        ));
    }
    match malformed {
        Some(RawError::EcdsaDer) => findings.push(
            Finding::new(VerifyCode::EcdsaDer, format!("The {} signature is DER-encoded (ASN.1 SEQUENCE of r and s), as OpenSSL, Java and Go produce; JWS requires the raw r‖s form of RFC 7518 §3.4, so every JWS verifier rejects it.", alg.name()))
                .fix("Convert the signature to r‖s when signing (Node: dsaEncoding 'ieee-p1363'; Java: SHA256withECDSAinP1363Format; Go: r and s as fixed-size big-endian).")
                .at(Location::part(Part::Signature)),
        ),
        Some(RawError::WrongLength { expected, actual }) => findings.push(
            Finding::new(VerifyCode::Length, format!("The signature is {actual} bytes, but {} with the given key makes exactly {expected}.", alg.name()))
                .fix("The signature was truncated, padded or made with another algorithm or key size.")
                .at(Location::part(Part::Signature)),
        ),
        _ => {}
    }
    let matched = rows.iter().find(|r| r.outcome == Outcome::Matched);
    if let Some(row) = matched {
        if let Some(key) = ctx.keys.get(row.key) {
            findings.push(at_key(
                Finding::new(
                    VerifyCode::Valid,
                    format!("The {} signature verifies with {}.", alg.name(), key_label(key)),
                ),
                key,
            ));
        }
        return;
    }
    if ctx.keys.is_empty() {
        findings.push(
            Finding::new(VerifyCode::NoKey, "No key could be read, so nothing was verified.")
                .fix("Paste the issuer's JWKS, a PEM public key or certificate, or the HMAC secret."),
        );
        return;
    }
    let kid_in_set = kid.is_some_and(|k| ctx.keys.iter().any(|key| key.kid.as_deref() == Some(k)));
    if let Some(kid) = kid
        && !kid_in_set
        && ctx.keys.iter().any(|k| k.kid.is_some())
    {
        findings.push(
            Finding::new(VerifyCode::KidNotFound, format!("The token's kid \"{kid}\" is not in the key set."))
                .fix(kid_not_found_fix(ctx.keys_location))
                .at(Location::member(Part::Header, "kid")),
        );
    }
    if rows.iter().any(|r| r.outcome == Outcome::NotTried) {
        // Keys to use were left untried (`limits.checks`): that none matched is no conclusion, as the limit's
        // finding says.
        return;
    }
    let tried = rows.iter().filter(|r| r.tried).count();
    if tried == 0 {
        if rows.iter().all(|r| r.outcome == Outcome::KidMismatch)
            || (!confused.is_empty() && confused.len() == rows.len())
        {
            return;
        }
        let reasons: Vec<String> = rows
            .iter()
            .filter_map(|r| ctx.keys.get(r.key).map(|k| format!("{}: {}", key_label(k), r.reason)))
            .collect();
        findings.push(
            Finding::new(
                VerifyCode::NoCompatibleKey,
                format!("No key can verify this {} signature. {}", alg.name(), reasons.join(" ")),
            )
            .fix(format!("{} needs {}.", alg.name(), needs(alg))),
        );
        return;
    }
    if rows.iter().any(|r| r.outcome == Outcome::SignatureMismatch) {
        let empty_payload = if entry.payload_text.is_empty() && ctx.detached.is_none() {
            " The payload is empty: if the content is detached (RFC 7515 Appendix F), pass it as the detached payload."
        } else {
            ""
        };
        findings.push(
            Finding::new(VerifyCode::Mismatch, format!("The signature does not verify with {}.{empty_payload}", if tried == 1 { "the key".to_owned() } else { format!("any of the {tried} keys tried") }))
                .fix("Either the token was altered after signing, or it was signed with another key: check that the key is the issuer's current one (its kid, environment and tenant).")
                .at(Location::part(Part::Signature)),
        );
    }
}

/// The caller's allow-list as algorithms; `none` and unknown names are dropped with a finding. `None` when the
/// caller gave no list (then the keys' types decide).
pub(super) fn allow_list(options: &VerifyOptions, findings: &mut Vec<Finding>) -> Option<Vec<Algorithm>> {
    let names = options.algorithms.as_ref()?;
    let mut allow = Vec::new();
    for name in names {
        if name.trim().eq_ignore_ascii_case("none") {
            findings.push(Finding::new(
                VerifyCode::OptionsInvalid,
                "The allowed algorithms include \"none\", which jwtlens never accepts; it was ignored.",
            ));
        } else if let Some(alg) = Algorithm::from_name(name) {
            allow.push(alg);
        } else {
            findings.push(Finding::new(VerifyCode::OptionsInvalid, format!("The allowed algorithms include \"{name}\", which is not a signature algorithm jwtlens knows; it was ignored.")));
        }
    }
    Some(allow)
}
