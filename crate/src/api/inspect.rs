//! `inspect`: the whole pipeline for one pasted input — paste hygiene, structure, encoding, JSON.
//!
//! Never fails: whatever the input, the result says what was found and what was wrong, with everything that could
//! be decoded.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::service_errors::{ErrorInput, Evidence, ServiceError, pick_token, service_error};
use super::verify::token_context;
use crate::codes::{PasteCode, TimeCode, TokenCode, VerifyCode};
use crate::decode::token::{Token, TokenKind};
use crate::decode::{DecodedInput, Pasted, decode_input, decode_paste};
use crate::diagnose::{
    self, Answer, Expectations, SignatureEvidence, SignatureStatus, Target, TokenDiagnosis, Verdict,
};
use crate::finding::Finding;
use crate::input::TextOrBytes;
use crate::keys::{KeyOptions, KeySet, SecretEncoding, read_keys};
use crate::limits::{Budget, Limit, Limits};
use crate::proof::{self, DpopOptions, DpopResult, HolderKeys, ProofContext, SdJwtOptions};
use crate::service_error::{Match, scan};
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
    /// Keys that only decrypt (JWE): the recipient's private key (PEM, PKCS#8, JWK, JWKS) or the shared secret.
    /// Never used to verify a signature, so a decryption key given alone leaves the inner token's signature unchecked
    /// rather than failed. `keys` decrypt too; these are tried first.
    #[ts(optional, type = "string | Uint8Array")]
    pub decryption_keys: Option<TextOrBytes>,
    /// How to read an HMAC secret in `keys` and `decryptionKeys`. Default `utf8`.
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
    /// SD-JWT presentations: whether key binding is required, and how old a key-binding JWT may be.
    pub sd_jwt: Option<SdJwtOptions>,
    /// DPoP: the proof sent with the access token (when it is not in the paste), and the request it must match.
    pub dpop: Option<DpopOptions>,
    /// What the service answered (a `WWW-Authenticate` header, an HTTP response, a JSON error body, a log line),
    /// for callers holding it apart from the token; the paste itself may hold one too. Each message recognised is a
    /// [`ServiceError`] in `serviceErrors`, its offsets into this text. Not read beyond `limits.inputBytes`.
    pub service_error: Option<String>,
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
    /// With `decryptionKeys`: the keys read from them, with their key findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decryption_keys: Option<KeySet>,
    /// With `keys`: the verification of each signed token (`verification.token` says which), with that token's
    /// signature findings. Empty without keys.
    pub verifications: Vec<Verification>,
    /// With a DPoP proof (pasted with its request, or `dpop.proof`): the proof, the access token sent with it and the
    /// checks of RFC 9449 §4.3; each failed check is also a `DPOP_*` finding.
    pub dpop: Option<DpopResult>,
    /// What the service said: each error message recognised in the paste or in the `serviceError` option, what it
    /// means, and whether the pasted token confirms or contradicts it. Empty when no message was recognised.
    pub service_errors: Vec<ServiceError>,
    /// The `serviceError` option's text, kept to convert its offsets to UTF-16.
    #[serde(skip)]
    #[ts(skip)]
    service_error_text: Option<String>,
}

/// The messages recognised in the paste and in the `serviceError` option, each with the text its offsets point into.
struct Recognised<'a> {
    paste: Vec<Match>,
    option: Vec<Match>,
    option_text: Option<&'a str>,
}

impl<'a> Recognised<'a> {
    fn scan(input: Pasted<'_>, options: &'a InspectOptions) -> Self {
        let limits = &options.limits;
        let paste = match input {
            Pasted::Text(text) if !limits.exceeded(Limit::InputBytes, text.len()) => scan(text),
            _ => Vec::new(),
        };
        let option_text = options.service_error.as_deref().filter(|t| !limits.exceeded(Limit::InputBytes, t.len()));
        Self { paste, option: option_text.map(scan).unwrap_or_default(), option_text }
    }
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
    let decryption_set = options.decryption_keys.as_ref().map(|keys| read_keys(keys, &key_options));
    let mut result = inspect_with_keys(input.into(), options, key_set.as_ref(), decryption_set.as_ref());
    result.keys = key_set;
    result.decryption_keys = decryption_set;
    result
}

/// [`inspect`] with keys read beforehand (a prepared verifier's, or `options.keys` and `options.decryptionKeys` read
/// by [`inspect`]); the result's `keys` are left empty for the caller. `options.keys` is not read.
pub(crate) fn inspect_with_keys(
    input: Pasted<'_>,
    options: &InspectOptions,
    keys: Option<&KeySet>,
    decryption: Option<&KeySet>,
) -> Inspection {
    let recognised = Recognised::scan(input, options);
    let mut decoded = decode_paste(input, &options.limits, !recognised.paste.is_empty());
    #[cfg(feature = "jwe")]
    match (decryption, keys) {
        (Some(d), Some(k)) => {
            // The decryption keys first, then the verification keys (which may decrypt too).
            let both = KeySet { keys: d.keys.iter().chain(&k.keys).cloned().collect(), findings: Vec::new() };
            super::decrypt::decrypt_all(&mut decoded, &both, &options.limits);
        }
        (Some(set), None) | (None, Some(set)) => super::decrypt::decrypt_all(&mut decoded, set, &options.limits),
        (None, None) => {}
    }
    #[cfg(not(feature = "jwe"))]
    let _ = decryption;
    let option_proof = append_option_proof(&mut decoded, options);
    let proof_index = option_proof.or_else(|| decoded.http.as_ref().and_then(|h| h.proof_token));
    let verifications = keys.map(|set| verify_all(&decoded, set, options, proof_index)).unwrap_or_default();
    let proofs = proof_checks(&decoded, options, option_proof, Some(&super::holder::Holder));
    with_proofs(diagnosed(decoded, options, keys, verifications, &recognised, input), proofs)
}

/// The proof checks (SD-JWT key binding, DPoP), with the holder signature primitive when there is one.
fn proof_checks(
    decoded: &DecodedInput,
    options: &InspectOptions,
    option_proof: Option<usize>,
    keys: Option<&dyn HolderKeys>,
) -> proof::Proofs {
    let audience = options.expect.as_ref().and_then(|e| e.audience.as_ref()).map(diagnose::OneOrMany::to_vec);
    let context = ProofContext {
        now: options.now.filter(|n| n.is_finite()),
        clock_skew: options.clock_skew.filter(|s| s.is_finite() && *s >= 0.0).unwrap_or(0.0),
        nonce: options.expect.as_ref().and_then(|e| e.nonce.as_deref()),
        audience: audience.as_deref(),
        sd_jwt: options.sd_jwt.as_ref(),
        dpop: options.dpop.as_ref(),
        option_proof,
    };
    proof::check(decoded, &context, keys)
}

/// Adds the proof checks. Two generic warnings do not apply to a DPoP proof, and are dropped for it: its header `jwk`
/// is how DPoP works (the access token's `cnf.jkt` binds it), and it has no `exp` by design (its `iat` window is
/// checked instead).
fn with_proofs(mut inspection: Inspection, proofs: proof::Proofs) -> Inspection {
    if let Some(proof) = proofs.dpop.as_ref().map(|d| d.proof) {
        inspection.findings.retain(|f| {
            let here = f.location.as_ref().is_some_and(|l| l.token == Some(proof));
            !(here && (f.code == TokenCode::EmbeddedKey || f.code == TimeCode::NoExp))
        });
    }
    inspection.dpop = proofs.dpop;
    inspection.findings.extend(proofs.findings);
    inspection
}

/// Decodes `dpop.proof` and appends it to the tokens (labelled `DPoP proof`; its findings lose their offsets, which
/// are into the option's text), labelling a lone pasted token `access_token`. Returns the proof's index.
fn append_option_proof(decoded: &mut DecodedInput, options: &InspectOptions) -> Option<usize> {
    let text = options.dpop.as_ref()?.proof.as_deref()?;
    let mut own = decode_input(text, &options.limits);
    let index = decoded.tokens.len();
    let mut token = own.tokens.drain(..).next()?;
    token.label = Some("DPoP proof".to_owned());
    token.segments.clear();
    if let [only] = decoded.tokens.as_mut_slice() {
        only.label.get_or_insert_with(|| "access_token".to_owned());
    }
    decoded.tokens.push(token);
    decoded.findings.extend(
        own.findings.into_iter().filter(|f| f.location.as_ref().and_then(|l| l.token).is_none_or(|t| t == 0)).map(
            |mut f| {
                if let Some(l) = &mut f.location {
                    l.start = None;
                    l.end = None;
                }
                f.message = format!("DPoP proof (dpop.proof): {}", f.message);
                f.in_token(index)
            },
        ),
    );
    Some(index)
}

/// [`inspect`] without keys: decoding and diagnosis only, nothing read as a key and no signature checked (the
/// signature rules stay open). `options.keys` is not read. What the decoder-only WebAssembly module runs: nothing
/// here reaches the key formats or the signature arithmetic, so the linker leaves them out.
#[must_use]
pub fn inspect_unverified<'a>(input: impl Into<Pasted<'a>>, options: &InspectOptions) -> Inspection {
    let input = input.into();
    let recognised = Recognised::scan(input, options);
    let mut decoded = decode_paste(input, &options.limits, !recognised.paste.is_empty());
    let option_proof = append_option_proof(&mut decoded, options);
    let proofs = proof_checks(&decoded, options, option_proof, None);
    with_proofs(diagnosed(decoded, options, None, Vec::new(), &recognised, input), proofs)
}

/// The diagnosis of a decoded input, with the keys and verifications there are.
fn diagnosed(
    decoded: DecodedInput,
    options: &InspectOptions,
    keys: Option<&KeySet>,
    verifications: Vec<Verification>,
    recognised: &Recognised<'_>,
    input: Pasted<'_>,
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
    let paste_text = match input {
        Pasted::Text(text) => text,
        Pasted::TooLarge { .. } => "",
    };
    let service_errors = recognised
        .paste
        .iter()
        .map(|m| (paste_text, ErrorInput::Paste, m))
        .chain(
            recognised.option.iter().map(|m| (recognised.option_text.unwrap_or_default(), ErrorInput::ServiceError, m)),
        )
        .map(|(text, from, m)| {
            let index = pick_token(&tokens, m);
            let status = index.and_then(|i| evidence.get(i));
            let evidence = Evidence {
                token: index.and_then(|i| tokens.get(i).map(|t| (i, t))),
                now: options.now,
                skew: options.clock_skew.unwrap_or(0.0),
                findings: findings
                    .iter()
                    .filter(|f| f.location.as_ref().and_then(|l| l.token).is_none_or(|t| Some(t) == index))
                    .collect(),
                signature: status.map_or(SignatureStatus::Unchecked, |s| s.status),
                kid_in_keys: status.and_then(|s| s.kid_in_keys),
            };
            service_error(text, from, m, &evidence)
        })
        .collect();
    Inspection {
        tokens,
        findings,
        diagnoses: diagnosis.tokens,
        verdict: diagnosis.verdict,
        answers: diagnosis.answers,
        keys: None,
        decryption_keys: None,
        verifications,
        dpop: None,
        service_errors,
        service_error_text: recognised.option_text.map(str::to_owned),
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
/// A DPoP proof (`proof`) is not verified with them: its own `jwk` verifies it (`crate::proof`).
fn verify_all(
    decoded: &DecodedInput,
    key_set: &KeySet,
    options: &InspectOptions,
    proof: Option<usize>,
) -> Vec<Verification> {
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
        .filter(|(i, t)| {
            Some(*i) != proof && matches!(t.kind, TokenKind::Jws | TokenKind::Unsecured | TokenKind::SdJwt)
        })
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
            for segment in token
                .segments
                .iter_mut()
                .chain(token.key_binding.iter_mut().flatten().flat_map(|kb| kb.segments.iter_mut()))
            {
                segment.start = map(segment.start);
                segment.end = map(segment.end);
            }
        }
        crate::finding::map_offsets(&mut self.findings, &map);
        for verification in &mut self.verifications {
            crate::finding::map_offsets(&mut verification.findings, &map);
        }
        let option_text = self.service_error_text.take().unwrap_or_default();
        let option_map = crate::spanned::utf16_offsets(&option_text);
        for error in &mut self.service_errors {
            let map: &dyn Fn(usize) -> usize = match error.input {
                ErrorInput::Paste => &map,
                ErrorInput::ServiceError => &option_map,
            };
            error.start = map(error.start);
            error.end = map(error.end);
        }
    }
}
