//! Decryption inside `inspect`: every JWE is decrypted with the keys given, and a plaintext that is itself a token
//! is decoded as the next token of the result, so that it is verified and diagnosed like a pasted one.
//!
//! The inner token was never in the input: its `segments` are empty, its findings carry no offsets (only its token
//! index and part), and `origin: { kind: 'decrypted', token }` names the JWE it came from. Tokens after it move one
//! place down, and the findings' token indices with them.

use crate::codes::JweCode;
use crate::decode::DecodedInput;
use crate::decode::jwe::{Origin, OriginKind};
use crate::decode::paste::Candidate;
use crate::decode::token::TokenKind;
use crate::finding::{Finding, Location, Part};
use crate::keys::KeySet;
use crate::limits::{Budget, Limit, Limits};
use crate::spanned::Spanned;

/// The plaintext as a compact token, when it looks like one (`eyJ`, 2 or 4 dots, no whitespace inside).
fn as_token(text: &str) -> Option<&str> {
    let text = text.trim();
    let dots = text.matches('.').count();
    (text.starts_with("eyJ") && (dots == 2 || dots == 4) && !text.contains(char::is_whitespace)).then_some(text)
}

/// Decrypts every JWE of `decoded` with `keys`, inserting each inner token after its JWE.
pub(super) fn decrypt_all(decoded: &mut DecodedInput, keys: &KeySet, limits: &Limits) {
    if !decoded.tokens.iter().any(|t| t.kind == TokenKind::Jwe) {
        return;
    }
    let budget = Budget::new(limits.get(Limit::Checks));
    let old = std::mem::take(&mut decoded.tokens);
    let mut moved = Vec::with_capacity(old.len());
    let mut added: Vec<Finding> = Vec::new();
    for (old_index, mut jwe) in old.into_iter().enumerate() {
        let index = decoded.tokens.len();
        moved.push(index);
        if jwe.kind != TokenKind::Jwe {
            decoded.tokens.push(jwe);
            continue;
        }
        let (mut decryption, findings) = crate::jwe::decrypt(&jwe, &keys.keys, limits, &budget);
        added.extend(findings.into_iter().map(|f| f.in_token(index)));
        let inner_text =
            decryption.plaintext.as_ref().and_then(|p| p.text.as_deref()).and_then(as_token).map(str::to_owned);
        let from = jwe.label.clone().unwrap_or_else(|| format!("token {}", old_index + 1));
        let Some(text) = inner_text else {
            jwe.decryption = Some(decryption);
            decoded.tokens.push(jwe);
            continue;
        };
        decryption.inner = Some(index + 1);
        jwe.decryption = Some(decryption);
        decoded.tokens.push(jwe);
        let candidate =
            Candidate { label: Some(format!("decrypted from {from}")), text: Spanned::at(&text, 0), json: false };
        let mut inner_findings = Vec::new();
        let mut inner = crate::decode::decode_candidate(&candidate, limits, &mut inner_findings);
        inner.segments.clear();
        inner.origin = Some(Origin { kind: OriginKind::Decrypted, token: index });
        added.push(
            Finding::new(
                JweCode::InnerToken,
                format!(
                    "The plaintext is a token; it is decoded, verified and diagnosed as token {} (\"{}\").",
                    index + 2,
                    candidate.label.as_deref().unwrap_or_default()
                ),
            )
            .at(Location::part(Part::Ciphertext))
            .in_token(index),
        );
        // Offsets inside the plaintext are not offsets of the input: only the token and the part are kept.
        added.extend(inner_findings.into_iter().map(|mut f| {
            if let Some(loc) = &mut f.location {
                loc.start = None;
                loc.end = None;
            }
            f.in_token(index + 1)
        }));
        decoded.tokens.push(inner);
    }
    for finding in &mut decoded.findings {
        if let Some(loc) = &mut finding.location
            && let Some(t) = loc.token
        {
            loc.token = moved.get(t).copied().or(Some(t));
        }
    }
    decoded.findings.extend(added);
}
