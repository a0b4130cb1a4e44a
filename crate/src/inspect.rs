//! `inspect`: the whole pipeline for one pasted input — paste hygiene, structure, encoding, JSON.
//!
//! Never fails: whatever the input, the result says what was found and what was wrong, with everything that could
//! be decoded.

use serde::{Deserialize, Serialize};

use crate::finding::Finding;
use crate::paste;
use crate::token::{self, Token};

/// Options for [`inspect`]. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct InspectOptions {
    /// The evaluation time in seconds since the Unix epoch. The core never reads a clock; the JS API fills this
    /// from the caller's clock unless given.
    pub now: Option<f64>,
    /// Clock skew to tolerate in time checks, in seconds.
    pub clock_skew: Option<f64>,
}

/// The result of [`inspect`].
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Inspection {
    /// The tokens found in the input, in order.
    pub tokens: Vec<Token>,
    /// Everything noticed, for all tokens; each finding's location says which token.
    pub findings: Vec<Finding>,
}

/// Finds and decodes every token in `input`.
///
/// ```
/// let result = jwtlens::inspect("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln", &Default::default());
/// assert_eq!(result.tokens[0].claims().unwrap()["sub"], "1");
/// assert_eq!(result.findings[0].code(), "PASTE_BEARER_PREFIX");
/// ```
#[must_use]
pub fn inspect(input: &str, _options: &InspectOptions) -> Inspection {
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
    Inspection { tokens, findings }
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
