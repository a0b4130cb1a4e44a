//! `verify(input, keys)`: decode the input, read the keys, verify the selected token's signature, and return one
//! result holding every finding (paste hygiene and decoding of that token, the keys', the signature's).

use std::ops::Deref;

use serde::Serialize;
use ts_rs::TS;

use crate::codes::{PasteCode, VerifyCode};
use crate::decode::{DecodedInput, Pasted, decode_input};
use crate::finding::Finding;
use crate::input::TextOrBytes;
use crate::issuer::KeysLocation;
use crate::keys::{KeyInfo, KeyOptions, read_keys};
use crate::limits::{Budget, Limit};
use crate::verify::{TokenContext, Verification, VerifyOptions, verify_token};

/// The result of [`verify`]: the [`Verification`] (whose findings here include the decoding and key findings) and
/// the keys read from the key text.
#[derive(Debug, Clone, Serialize, TS)]
pub struct VerifyResult {
    /// The verdict, the matched key, one row per key, and every finding.
    #[serde(flatten)]
    pub verification: Verification,
    /// The keys read from the key text.
    pub keys: Vec<KeyInfo>,
}

impl Deref for VerifyResult {
    type Target = Verification;

    fn deref(&self) -> &Verification {
        &self.verification
    }
}

/// What verification needs to know about token `index` of a decoded input: whether the paste had whitespace inside
/// it (`inner_whitespace`, which the caller tells from the decoding findings), and where its (unverified) issuer
/// publishes keys.
pub(crate) fn token_context(decoded: &DecodedInput, index: usize, inner_whitespace: bool) -> TokenContext {
    let keys_location = decoded
        .tokens
        .get(index)
        .and_then(|t| t.claims())
        .and_then(|c| c.get("iss"))
        .and_then(serde_json::Value::as_str)
        .and_then(KeysLocation::of);
    TokenContext { inner_whitespace, keys_location }
}

/// Verifies the signature of the first token in `input` (or the one `options.token` selects) with the keys in
/// `keys` (text, or the bytes of a key file). Never fails and never panics: whatever the inputs, the result says what was found and why the verdict
/// is what it is. Claims are not checked: [`crate::inspect()`] does that.
///
/// ```
/// let token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.ZbPiInDeTyoXQXYqASeWZhLzYSbv2noODH_lFVn4iss";
/// let result = jwtlens::verify(token, "a-string-secret-at-least-256-bits-long", &Default::default());
/// assert!(result.valid);
/// assert_eq!(result.algorithm.as_deref(), Some("HS256"));
/// ```
#[must_use]
pub fn verify<'a>(input: impl Into<Pasted<'a>>, keys: impl Into<TextOrBytes>, options: &VerifyOptions) -> VerifyResult {
    let limits = options.limits;
    let key_set =
        read_keys(&keys.into(), &KeyOptions { secret_encoding: options.secret_encoding, now: options.now, limits });
    let verification = verify_with_keys(input.into(), &key_set.keys, &key_set.findings, options);
    VerifyResult { verification, keys: key_set.keys }
}

/// [`verify`] with keys read beforehand: the findings are the selected token's decoding findings, then
/// `key_findings`, then the signature's.
pub(crate) fn verify_with_keys(
    input: Pasted<'_>,
    keys: &[KeyInfo],
    key_findings: &[Finding],
    options: &VerifyOptions,
) -> Verification {
    let decoded = decode_input(input, &options.limits);
    let selected = options.token.unwrap_or(0);
    let inner_whitespace = decoded.findings_for(selected).any(|f| f.code == PasteCode::InnerWhitespace);
    let context = token_context(&decoded, selected, inner_whitespace);
    let budget = Budget::new(options.limits.get(Limit::Checks));
    let mut verification = verify_token(&decoded.tokens, keys, options, &context, &budget);
    if decoded.tokens.len() > 1
        && let Some(token) = decoded.tokens.get(selected)
    {
        let label = token.label.as_deref().unwrap_or("the first token");
        verification.findings.insert(
            0,
            Finding::new(
                VerifyCode::TokenSelected,
                format!("The input holds {} tokens; {label} was verified.", decoded.tokens.len()),
            )
            .fix("Choose another token in the options to verify it instead.")
            .in_token(selected),
        );
    }
    let mut findings: Vec<Finding> = decoded.findings_for(selected).cloned().collect();
    findings.extend_from_slice(key_findings);
    findings.append(&mut verification.findings);
    verification.findings = findings;
    verification
}

impl VerifyResult {
    /// Rewrites every input offset from UTF-8 bytes to UTF-16 code units of `input`, the unit JavaScript strings use.
    /// Key findings carry no offsets and are left alone.
    pub fn offsets_to_utf16(&mut self, input: &str) {
        crate::finding::map_offsets(&mut self.verification.findings, &crate::spanned::utf16_offsets(input));
    }
}
