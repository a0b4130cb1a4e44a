//! `inspect`: the whole pipeline for one pasted input — paste hygiene, structure, encoding, JSON.
//!
//! Never fails: whatever the input, the result says what was found and what was wrong, with everything that could
//! be decoded.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::verify::token_context;
use crate::codes::{PasteCode, VerifyCode};
use crate::decode::token::{Token, TokenKind};
use crate::decode::{DecodedInput, Pasted, decode_input};
use crate::diagnose::{
    self, Answer, Expectations, SignatureEvidence, SignatureStatus, Target, TokenDiagnosis, Verdict,
};
use crate::finding::Finding;
use crate::input::TextOrBytes;
use crate::keys::{KeyOptions, KeySet, SecretEncoding, read_keys};
use crate::limits::{Budget, Limit, Limits};
use crate::verify::{Verification, VerifyOptions, verify_token};

/// Options for [`inspect`]: the context the tokens are diagnosed in. Every field is optional.
///
/// The core never reads a clock: `now` is the evaluation time (the WebAssembly binding fills it from the JavaScript
/// clock unless told otherwise). Without it, the checks that need a time are skipped and a `TIME_NO_NOW` finding
/// says so.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct InspectOptions {
    /// The evaluation time, in seconds since the Unix epoch (fractions allowed).
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
    /// Leeway in seconds for `exp`, `nbf` and `iat`. Default 0, as in `jose` and `aws-jwt-verify`; a check that
    /// fails at `now` but passes within the leeway is reported as `TIME_WITHIN_SKEW`.
    pub clock_skew: Option<f64>,
    /// What the caller's verifier expects of the token.
    pub expect: Option<Expectations>,
    /// The service the token is sent to, whose decision is simulated in a [`Verdict`].
    pub target: Option<Target>,
    /// Keys to verify every signed token with (any format [`crate::parse_keys`] reads). With keys, the result has
    /// one [`Verification`] per signed token and the target's signature rule passes or fails instead of being
    /// unknown.
    #[ts(optional, type = "string | Uint8Array")]
    pub keys: Option<TextOrBytes>,
    /// How to read an HMAC secret in `keys`. Default `utf8`.
    pub secret_encoding: Option<SecretEncoding>,
    /// Allow-list of algorithms for the verification. Default: whatever the keys' types allow; never `none`.
    #[ts(optional, as = "Option<Vec<crate::alg::Algorithm>>")]
    pub algorithms: Option<Vec<String>>,
    /// How much one call reads and does: input size, tokens, keys, signatures, JSON members and depth, signature
    /// checks, the token-validation regex. Beyond a limit a `LIMIT_*` finding says which and how to raise it.
    /// Default: each limit's default (see `Limits`), far above anything real.
    #[serde(default)]
    #[ts(optional, as = "Option<Limits>")]
    pub limits: Limits,
}

/// The result of [`inspect`].
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// The tokens found in the input, in order.
    pub tokens: Vec<Token>,
    /// Everything noticed, for all tokens; each finding's location says which token.
    pub findings: Vec<Finding>,
    /// Per token (same order as `tokens`): the detected provider and token type, the claim catalogue, and the
    /// target's verdict for that token.
    pub diagnoses: Vec<TokenDiagnosis>,
    /// With a target: its verdict for the token it takes (an ID or access token, when both were pasted), else the
    /// best verdict among the tokens; `verdict.token` says which.
    pub verdict: Option<Verdict>,
    /// Without a target: the answer from the paste alone — what every service the tokens make plausible would
    /// decide, the rule that decides it and the fix.
    pub answers: Vec<Answer>,
    /// With `keys`: the keys read from them, once for all tokens, with the key findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub keys: Option<KeySet>,
    /// With `keys`: the verification of each signed token (`verification.token` says which), with that token's
    /// signature findings. Empty without keys.
    pub verifications: Vec<Verification>,
}

/// Finds and decodes every token in `input`.
///
/// ```
/// let result = jwtlens::inspect("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", &Default::default());
/// assert_eq!(result.tokens[0].claims().unwrap()["sub"], "1");
/// assert_eq!(result.findings[0].code(), "PASTE_BEARER_PREFIX");
/// ```
#[must_use]
pub fn inspect<'a>(input: impl Into<Pasted<'a>>, options: &InspectOptions) -> Inspection {
    let secret_encoding = options.secret_encoding.unwrap_or_default();
    let key_options = KeyOptions { secret_encoding, now: options.now, limits: options.limits };
    let key_set = options.keys.as_ref().map(|keys| read_keys(keys, &key_options));
    let mut result = inspect_with_keys(input.into(), options, key_set.as_ref());
    result.keys = key_set;
    result
}

/// [`inspect`] with keys read beforehand (a prepared verifier's, or `options.keys` read by [`inspect`]); the result's
/// `keys` is left empty for the caller. `options.keys` is not read.
pub(crate) fn inspect_with_keys(input: Pasted<'_>, options: &InspectOptions, keys: Option<&KeySet>) -> Inspection {
    #[cfg_attr(not(feature = "jwe"), allow(unused_mut, reason = "decryption adds the tokens inside JWEs"))]
    let mut decoded = decode_input(input, &options.limits);
    #[cfg(feature = "jwe")]
    if let Some(set) = keys {
        super::decrypt::decrypt_all(&mut decoded, set, &options.limits);
    }
    let verifications = keys.map(|set| verify_all(&decoded, set, options)).unwrap_or_default();
    diagnosed(decoded, options, keys, verifications)
}

/// [`inspect`] without keys: decoding and diagnosis only, nothing read as a key and no signature checked (the
/// signature rules stay open). `options.keys` is not read. What the decoder-only WebAssembly module runs: nothing
/// here reaches the key formats or the signature arithmetic, so the linker leaves them out.
#[must_use]
pub fn inspect_unverified<'a>(input: impl Into<Pasted<'a>>, options: &InspectOptions) -> Inspection {
    diagnosed(decode_input(input, &options.limits), options, None, Vec::new())
}

/// The diagnosis of a decoded input, with the keys and verifications there are.
fn diagnosed(
    decoded: DecodedInput,
    options: &InspectOptions,
    keys: Option<&KeySet>,
    verifications: Vec<Verification>,
) -> Inspection {
    let mut by_token: Vec<Option<&Verification>> = vec![None; decoded.tokens.len()];
    for v in &verifications {
        if let Some(slot) = v.token.and_then(|t| by_token.get_mut(t)) {
            *slot = Some(v);
        }
    }
    let no_usable_key = keys.is_some_and(|set| set.keys.iter().all(|k| !k.usable));
    let evidence: Vec<SignatureEvidence> = decoded
        .tokens
        .iter()
        .zip(by_token)
        .map(|(token, verification)| signature_evidence(token, keys, no_usable_key, verification))
        .collect();
    let context = diagnose::Context {
        limits: options.limits,
        now: options.now,
        clock_skew: options.clock_skew,
        expect: options.expect.as_ref(),
        target: options.target.as_ref(),
        pasted_header: decoded.header_value.as_deref(),
    };
    let diagnosis = diagnose::diagnose(&decoded.tokens, &context, &evidence);
    let DecodedInput { tokens, mut findings, .. } = decoded;
    findings.extend(diagnosis.findings);
    Inspection {
        tokens,
        findings,
        diagnoses: diagnosis.tokens,
        verdict: diagnosis.verdict,
        answers: diagnosis.answers,
        keys: None,
        verifications,
    }
}

/// What verification found for one token, as the diagnosis reads it: the status, and whether the keys hold its
/// `kid`.
fn signature_evidence(
    token: &Token,
    keys: Option<&KeySet>,
    no_usable_key: bool,
    verification: Option<&Verification>,
) -> SignatureEvidence {
    let status = match verification {
        // No key could be read (a URL, an unreadable paste): the signature is not decided either way.
        _ if no_usable_key => SignatureStatus::Unchecked,
        None => SignatureStatus::Unchecked,
        Some(v) if v.valid => SignatureStatus::Valid,
        Some(v) if v.matched_key.is_some() && v.findings.iter().any(|f| f.code == VerifyCode::NotStrict) => {
            SignatureStatus::Altered
        }
        Some(_) => SignatureStatus::Invalid,
    };
    let kid = token.header_object().and_then(|h| h.get("kid")).and_then(serde_json::Value::as_str);
    let kid_in_keys = keys.zip(kid).map(|(set, kid)| set.keys.iter().any(|k| k.kid.as_deref() == Some(kid)));
    SignatureEvidence { status, kid_in_keys }
}

/// Verifies every signed token with the keys read once; all tokens draw on one budget of signature checks
/// (`limits.checks`).
fn verify_all(decoded: &DecodedInput, key_set: &KeySet, options: &InspectOptions) -> Vec<Verification> {
    let secret_encoding = options.secret_encoding.unwrap_or_default();
    let limits = options.limits;
    // Which tokens had whitespace removed from inside them, from one pass over the findings.
    let mut inner_whitespace = vec![false; decoded.tokens.len()];
    for finding in decoded.findings.iter().filter(|f| f.code == PasteCode::InnerWhitespace) {
        match finding.location.as_ref().and_then(|l| l.token) {
            Some(t) => inner_whitespace.get_mut(t).into_iter().for_each(|w| *w = true),
            None => inner_whitespace.iter_mut().for_each(|w| *w = true),
        }
    }
    let budget = Budget::new(limits.get(Limit::Checks));
    decoded
        .tokens
        .iter()
        .enumerate()
        .filter(|(_, t)| matches!(t.kind, TokenKind::Jws | TokenKind::Unsecured))
        .map(|(index, _)| {
            let verify_options = VerifyOptions {
                algorithms: options.algorithms.clone(),
                secret_encoding,
                now: options.now,
                token: Some(index),
                limits,
                ..VerifyOptions::default()
            };
            let whitespace = inner_whitespace.get(index).copied().unwrap_or(false);
            let context = token_context(decoded, index, whitespace);
            verify_token(&decoded.tokens, &key_set.keys, &verify_options, &context, &budget)
        })
        .collect()
}

impl Inspection {
    /// Rewrites every input offset from UTF-8 bytes to UTF-16 code units of `input`, the unit JavaScript strings use.
    pub fn offsets_to_utf16(&mut self, input: &str) {
        let map = crate::spanned::utf16_offsets(input);
        for token in &mut self.tokens {
            for segment in &mut token.segments {
                segment.start = map(segment.start);
                segment.end = map(segment.end);
            }
        }
        crate::finding::map_offsets(&mut self.findings, &map);
        for verification in &mut self.verifications {
            crate::finding::map_offsets(&mut verification.findings, &map);
        }
    }
}
