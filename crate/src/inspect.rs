//! `inspect`: the whole pipeline for one pasted input — paste hygiene, structure, encoding, JSON.
//!
//! Never fails: whatever the input, the result says what was found and what was wrong, with everything that could
//! be decoded.

use serde::{Deserialize, Serialize};

use crate::diagnose::{self, Expectations, Target, TokenDiagnosis, Verdict};
use crate::finding::Finding;
use crate::paste;
use crate::token::{self, Token};

/// Options for [`inspect`]: the context the tokens are diagnosed in. Every field is optional.
///
/// The core never reads a clock: `now` is the evaluation time (the JavaScript loader fills it from the caller's
/// clock unless told otherwise). Without it, the checks that need a time are skipped and a `TIME_NO_NOW` finding
/// says so.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InspectOptions {
    /// The evaluation time, in seconds since the Unix epoch (fractions allowed).
    pub now: Option<f64>,
    /// Leeway in seconds for `exp`, `nbf` and `iat`. Default 0, as in `jose` and `aws-jwt-verify`; a check that
    /// fails at `now` but passes within the leeway is reported as `TIME_WITHIN_SKEW`.
    pub clock_skew: Option<f64>,
    /// What the caller's verifier expects of the token.
    pub expect: Option<Expectations>,
    /// The service the token is sent to, whose decision is simulated in a [`Verdict`].
    pub target: Option<Target>,
}

/// The result of [`inspect`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// The tokens found in the input, in order.
    pub tokens: Vec<Token>,
    /// Everything noticed, for all tokens; each finding's location says which token.
    pub findings: Vec<Finding>,
    /// Per token (same order as `tokens`): the detected provider and token type, the claim catalogue, and the
    /// target's verdict for that token.
    pub diagnoses: Vec<TokenDiagnosis>,
    /// With a target: its verdict for the token the caller most likely means to send (the best verdict among the
    /// tokens; `verdict.token` says which).
    pub verdict: Option<Verdict>,
}

/// Finds and decodes every token in `input`.
///
/// ```
/// let result = jwtlens::inspect("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", &Default::default());
/// assert_eq!(result.tokens[0].claims().unwrap()["sub"], "1");
/// assert_eq!(result.findings[0].code(), "PASTE_BEARER_PREFIX");
/// ```
#[must_use]
pub fn inspect(input: &str, options: &InspectOptions) -> Inspection {
    let (tokens, mut findings) = decode_input(input);
    let diagnosis = diagnose::diagnose(&tokens, options, &[]);
    findings.extend(diagnosis.findings);
    Inspection { tokens, findings, diagnoses: diagnosis.tokens, verdict: diagnosis.verdict }
}

/// The first two steps of [`inspect`], shared with [`crate::verify()`]: paste hygiene and decoding of every token,
/// with their findings, without the diagnosis of claims.
pub(crate) fn decode_input(input: &str) -> (Vec<Token>, Vec<Finding>) {
    let extraction = paste::extract(input);
    let mut findings = extraction.findings;
    let several = extraction.candidates.len() > 1;
    let mut tokens = Vec::with_capacity(extraction.candidates.len());
    for (index, candidate) in extraction.candidates.iter().enumerate() {
        let mut token_findings = Vec::new();
        let token = token::decode(candidate, &mut token_findings);
        findings.extend(token_findings.into_iter().map(|f| f.in_token(index)));
        tokens.push(token);
    }
    if several {
        for (index, token) in tokens.iter_mut().enumerate() {
            token.label.get_or_insert_with(|| format!("token {}", index + 1));
        }
    }
    (tokens, findings)
}

impl Inspection {
    /// Rewrites every input offset from UTF-8 bytes to UTF-16 code units of `input`, the unit JavaScript strings use.
    pub fn offsets_to_utf16(&mut self, input: &str) {
        // Offsets only ever point at character boundaries of `input`; map each one with a prefix table.
        let mut table = Vec::with_capacity(input.len() + 1);
        let mut units = 0;
        for c in input.chars() {
            for _ in 0..c.len_utf8() {
                table.push(units);
            }
            units += c.len_utf16();
        }
        table.push(units);
        let map = |o: usize| table.get(o).copied().unwrap_or(units);
        for token in &mut self.tokens {
            for segment in &mut token.segments {
                segment.start = map(segment.start);
                segment.end = map(segment.end);
            }
        }
        for finding in &mut self.findings {
            if let Some(loc) = &mut finding.location {
                loc.start = loc.start.map(map);
                loc.end = loc.end.map(map);
            }
        }
    }
}
