//! Decoding: what was pasted, and what each token in it is.
//!
//! [`paste`] finds the token(s) in whatever a person pasted and reports each cleanup; [`token`] tells each
//! candidate's kind (JWS, unsecured, JWE, JSON serialization, nested) and decodes every part, with the
//! [`crate::base64url`] and [`crate::json`] primitives saying exactly where and why decoding failed.
//! [`decode_input`] runs both; inspection, verification and signing all start from its result.
//!
//! Decoding never claims anything about a signature.

pub mod http;
pub mod jwe;
mod jwe_json;
pub mod paste;
pub mod sdjwt;
pub mod token;

use crate::finding::{Finding, Location, Part};
use crate::limits::{Limit, Limits, count};
use token::Token;

/// Every token found in one input, decoded, with what paste hygiene and decoding noticed.
#[derive(Debug, Clone, Default)]
pub struct DecodedInput {
    /// The tokens, in input order; several are labelled (`token 2`, or the field or parameter they came from).
    pub tokens: Vec<Token>,
    /// Paste-hygiene and decoding findings; each token's findings carry its index in their location.
    pub findings: Vec<Finding>,
    /// The `Authorization` header value as the paste shows it, when the paste is or holds one.
    pub header_value: Option<String>,
    /// The DPoP headers and the request they belong to, when the paste holds any; its token indexes are indexes
    /// into `tokens`.
    pub http: Option<http::HttpPaste>,
}

impl DecodedInput {
    /// The findings about token `index`, and those about the input as a whole.
    pub fn findings_for(&self, index: usize) -> impl Iterator<Item = &Finding> {
        self.findings.iter().filter(move |f| f.location.as_ref().and_then(|l| l.token).is_none_or(|t| t == index))
    }
}

/// A paste as the core receives it: its text, or only a lower bound of its size in bytes, for a text its caller
/// measured as over `limits.inputBytes` before copying it. The WebAssembly binding does that with a JavaScript
/// string's length (UTF-16 code units, never more than its UTF-8 bytes), so a 150 MB paste answers
/// `LIMIT_INPUT_BYTES` without ever entering wasm memory, which would keep its size for the page's life.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pasted<'a> {
    /// The text.
    Text(&'a str),
    /// A text of at least this many bytes, not handed over.
    TooLarge {
        /// The lower bound of its size, in bytes.
        at_least: usize,
    },
}

impl<'a> From<&'a str> for Pasted<'a> {
    fn from(text: &'a str) -> Self {
        Self::Text(text)
    }
}

impl<'a> From<&'a String> for Pasted<'a> {
    fn from(text: &'a String) -> Self {
        Self::Text(text)
    }
}

/// Paste hygiene, then decoding of every token, with their findings, within `limits`: an input over
/// `limits.inputBytes` is not read at all (a `LIMIT_INPUT_BYTES` finding, answered without looking at the text), and
/// only the first `limits.tokens` tokens are decoded.
#[must_use]
pub fn decode_input<'a>(input: impl Into<Pasted<'a>>, limits: &Limits) -> DecodedInput {
    decode_paste(input, limits, false)
}

/// Decodes one candidate: an SD-JWT presentation (`<JWS>~<disclosure>~…`) or any other token form. Findings are
/// appended to `findings` without a token index.
#[must_use]
pub fn decode_candidate(candidate: &paste::Candidate, limits: &Limits, findings: &mut Vec<Finding>) -> token::Token {
    if !candidate.json && sdjwt::is_presentation(&candidate.text.text()) {
        return sdjwt::decode(&candidate.text, candidate.label.clone(), limits, findings);
    }
    token::decode(candidate, limits, findings)
}

/// [`decode_input`], told whether the paste also holds a service's error message: then only the tokens in it are
/// decoded, never the message ([`paste::extract_mixed`]).
#[must_use]
pub fn decode_paste<'a>(input: impl Into<Pasted<'a>>, limits: &Limits, holds_error: bool) -> DecodedInput {
    let input = match input.into() {
        Pasted::Text(text) if !limits.exceeded(Limit::InputBytes, text.len()) => text,
        Pasted::Text(text) => return unread(&format!("The input is {} bytes", count(text.len())), limits),
        Pasted::TooLarge { at_least } => {
            return unread(&format!("The input is at least {} bytes", count(at_least)), limits);
        }
    };
    let mut extraction = if holds_error { paste::extract_mixed(input, limits) } else { paste::extract(input, limits) };
    let header_value = extraction.header_value;
    let http = extraction.http.take();
    let mut findings = extraction.findings;
    let found = extraction.candidates.len();
    if limits.exceeded(Limit::Tokens, found) {
        let first = limits.count(Limit::Tokens);
        extraction.candidates.truncate(first);
        findings.push(
            limits
                .finding(
                    Limit::Tokens,
                    &format!("The input holds {} tokens", count(found)),
                    &format!("only the first {} were decoded", count(first)),
                )
                .at(Location::part(Part::Input)),
        );
    }
    let several = found > 1;
    let mut tokens = Vec::with_capacity(extraction.candidates.len());
    for (index, candidate) in extraction.candidates.iter().enumerate() {
        let mut token_findings = Vec::new();
        let token = match candidate.json.then(|| jwe_json::try_decode(candidate, limits, &mut token_findings)) {
            Some(Some(jwe)) => jwe,
            _ => decode_candidate(candidate, limits, &mut token_findings),
        };
        findings.extend(token_findings.into_iter().map(|f| f.in_token(index)));
        tokens.push(token);
    }
    if several {
        for (index, token) in tokens.iter_mut().enumerate() {
            token.label.get_or_insert_with(|| format!("token {}", index + 1));
        }
    }
    DecodedInput { tokens, findings, header_value, http }
}

/// The answer for an input over `limits.inputBytes`: its one finding, `what` saying how large it is.
fn unread(what: &str, limits: &Limits) -> DecodedInput {
    DecodedInput {
        findings: vec![limits.finding(Limit::InputBytes, what, "it was not read")],
        ..DecodedInput::default()
    }
}
