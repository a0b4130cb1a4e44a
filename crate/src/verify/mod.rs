//! `verify`: is the token's signature good, with which of the pasted keys — and if not, exactly why?
//!
//! The token goes through the same paste hygiene and decoding as [`crate::inspect`]; the keys through
//! [`crate::keys::parse_keys`]. Then, for the selected token (and each signature of a JWS JSON serialization):
//! 1. header rules decide whether a signature may be checked at all — `alg` must be a supported algorithm (never
//!    `none`, in any spelling) inside the caller's allow-list, `crit` must name only understood extensions, `b64`
//!    must be critical when false;
//! 2. every key gets a row: keys whose type or curve cannot make the algorithm's signature are never tried (a
//!    public key is never used as an HMAC secret), refused keys are never tried, keys excluded by their metadata
//!    (`kid`, `use`, `key_ops`, a JWK `alg`) are not used — but when nothing else matches they are tried for
//!    diagnosis only, so the user learns "the signature matches key 2, whose kid differs";
//! 3. the verdict is valid only when a used key verifies the signature, no two used keys share the token's `kid`,
//!    and the token is strict base64url as a server receives it.
//!
//! What this does NOT do: check claims (`exp`, `aud`, …), use or fetch a key the token names (`jwk`, `x5c`,
//! `jku`, `x5u`), verify the inner token of a nested JWT, or read the clock.

mod check;
mod header;
mod raw;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use self::check::{Context, allow_list, check_entry, entries};
pub use self::raw::{RawError, verify_raw};
use crate::codes::VerifyCode;
use crate::decode::token::{Serialization, Token, TokenKind};
use crate::finding::{Finding, Location, Part};
use crate::input::TextOrBytes;
use crate::issuer::KeysLocation;
use crate::keys::{KeyInfo, SecretEncoding};
use crate::limits::{Budget, Limit, Limits, count};

/// Options for [`verify`]. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct VerifyOptions {
    /// Allow-list of algorithm names. Default: whatever the keys' types allow. `none` is never allowed.
    #[ts(optional, as = "Option<Vec<crate::alg::Algorithm>>")]
    #[serde(default)]
    pub algorithms: Option<Vec<String>>,
    /// How to read an HMAC secret. Default `utf8`.
    #[serde(default)]
    #[ts(optional, as = "Option<SecretEncoding>")]
    pub secret_encoding: SecretEncoding,
    /// The evaluation time, in seconds since the Unix epoch (as `inspect`'s `now`): certificates are judged at it.
    /// Without it, certificate expiry is not judged. Claims are not checked by `verify`; `inspect` does that.
    #[ts(optional, type = "number | Date | null")]
    #[serde(default)]
    pub now: Option<f64>,
    /// Which token of the input to verify (index into `inspect`'s tokens). Default 0.
    #[serde(default)]
    pub token: Option<usize>,
    /// Which signature of a general JWS JSON serialization to verify. Default: all; valid when one is.
    #[serde(default)]
    pub signature: Option<usize>,
    /// The content of a detached-payload JWS (RFC 7515 Appendix F), as text or bytes; used when the payload segment
    /// is empty.
    #[serde(default)]
    #[ts(optional, type = "string | Uint8Array")]
    pub detached_payload: Option<TextOrBytes>,
    /// How much to read and do (`inputBytes`, `keys`, `signatures`, `checks`, …). Default: each limit's
    /// default (see `Limits`).
    #[serde(default)]
    #[ts(optional, as = "Option<Limits>")]
    pub limits: Limits,
}

/// What happened with one key for one signature.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "AttemptOutcome")]
pub enum Outcome {
    /// Used, and the signature verifies with it.
    Matched,
    /// Used, and the signature does not verify with it.
    SignatureMismatch,
    /// Used, but the signature has the wrong shape for it (length, DER encoding).
    SignatureMalformed,
    /// Not used: its `kid` differs from the token's.
    KidMismatch,
    /// Not used: its type cannot make this algorithm's signature.
    WrongKeyType,
    /// Not used: an EC key on another curve.
    WrongCurve,
    /// Not used: a public or private key offered for an HMAC algorithm.
    AlgorithmConfusion,
    /// Not used: marked for encryption (`use`, `key_ops`).
    NotForSigning,
    /// Not used: its `alg` (or RSASSA-PSS parameters) name another algorithm.
    AlgMismatch,
    /// Not used: refused as unsafe (weak RSA, ROCA, empty or published secret).
    KeyRefused,
    /// Not used: it could not be read.
    Unusable,
    /// Verification stopped before keys were tried (the reason says why).
    NotTried,
}

/// One key's row for one signature.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyAttempt {
    /// Index of the key in [`Verification::keys`].
    pub key: usize,
    /// Index of the signature (0 unless the token is a general JWS JSON serialization).
    pub signature: usize,
    /// The key's `kid`.
    pub kid: Option<String>,
    /// Whether the key was used to verify (policy allowed it).
    pub tried: bool,
    /// What happened.
    pub outcome: Outcome,
    /// For keys that were not used because of their metadata: whether the signature would have verified with them.
    pub signature_matches: Option<bool>,
    /// The outcome in plain language.
    pub reason: String,
}

/// The key a signature verified with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct MatchedKey {
    /// Index in [`Verification::keys`].
    pub index: usize,
    /// Its `kid`.
    pub kid: Option<String>,
    /// Its RFC 7638 thumbprint (none for secrets).
    pub thumbprint: Option<String>,
    /// Which signature it verified.
    pub signature: usize,
}

/// The verification of one token's signature: the verdict, the key that matched, one row per key, and the
/// signature findings. Inside an [`crate::Inspection`] it holds only this token's signature findings (the keys and
/// their findings are listed once, in `Inspection.keys`); [`crate::verify()`] returns it with every finding.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verification {
    /// The verdict: a used key verifies the signature and nothing stands in the way.
    pub valid: bool,
    /// Index of the verified token among the input's tokens.
    pub token: Option<usize>,
    /// The token's `alg`, as written.
    pub algorithm: Option<String>,
    /// The key whose signature check passed. Set even when `valid` is false for another reason (an ambiguous `kid`,
    /// a non-strict encoding); the findings say why.
    pub matched_key: Option<MatchedKey>,
    /// One row per key (per signature).
    pub attempts: Vec<KeyAttempt>,
    /// The verification's findings (signature, header rules, token selection, options).
    pub findings: Vec<Finding>,
}

/// What the caller knows about the selected token beyond its decoded form. Passed in, so that verification stays
/// about signatures and never reaches up to paste hygiene or issuers.
#[derive(Debug, Clone, Default)]
pub struct TokenContext {
    /// Whitespace inside the token was removed before decoding (a wrapped copy): a strict verifier receives
    /// another text, so a matching signature is still not valid as received.
    pub inner_whitespace: bool,
    /// Where the token's (unverified) issuer publishes its keys, to say where the key of a missing `kid` is.
    pub keys_location: Option<KeysLocation>,
}

/// Verifies the signature of the token `options.token` selects (default the first) among `tokens`, with `keys`.
/// Never fails and never panics: whatever the inputs, the result says what was found and why the verdict is what
/// it is. [`crate::verify()`] and [`crate::inspect()`] call it after decoding the input and reading the keys.
#[must_use]
/// `budget` holds the signature checks left in the call (start it at `options.limits.checks`; a call verifying
/// several tokens shares one).
pub fn verify_token(
    tokens: &[Token],
    keys: &[KeyInfo],
    options: &VerifyOptions,
    context: &TokenContext,
    budget: &Budget,
) -> Verification {
    let selected = options.token.unwrap_or(0);
    let mut findings = Vec::new();
    let allow = allow_list(options, &mut findings);
    let mut verification =
        Verification { valid: false, token: None, algorithm: None, matched_key: None, attempts: Vec::new(), findings };
    let findings = &mut verification.findings;
    let Some(token) = tokens.get(selected) else {
        if tokens.is_empty() {
            findings.push(
                Finding::new(VerifyCode::NoToken, "There is no token to verify in the input.")
                    .at(Location::part(Part::Input)),
            );
        } else {
            findings.push(Finding::new(
                VerifyCode::OptionsInvalid,
                format!("Token {} was selected, but the input holds {} token(s).", selected + 1, tokens.len()),
            ));
        }
        return verification;
    };
    verification.token = Some(selected);
    match token.kind {
        TokenKind::Jwe => {
            findings.push(Finding::new(VerifyCode::NotJws, "This is an encrypted token (JWE): it has no signature to verify. Only its recipient, with the private key, can decrypt and check it.").in_token(selected));
            return verification;
        }
        TokenKind::Opaque | TokenKind::Malformed => {
            findings.push(Finding::new(VerifyCode::NotJws, "This is not a well-formed JWS, so there is no signature to verify (the decoding findings say what is wrong).").in_token(selected));
            return verification;
        }
        TokenKind::Jws | TokenKind::Unsecured | TokenKind::SdJwt => {}
    }
    if token.inner.is_some() {
        findings.push(
            Finding::new(
                VerifyCode::NestedInner,
                "This is a nested token: the outer signature was verified; the inner token is not.",
            )
            .in_token(selected),
        );
    }
    let limits = &options.limits;
    let detached = options.detached_payload.as_ref().map(TextOrBytes::as_bytes).filter(|payload| {
        let over = limits.exceeded(Limit::InputBytes, payload.len());
        if over {
            let what = format!("The detached payload is {} bytes", count(payload.len()));
            findings.push(limits.finding(Limit::InputBytes, &what, "it was not used").in_token(selected));
        }
        !over
    });
    let ctx = Context {
        keys,
        allow,
        detached,
        limits,
        budget,
        inner_whitespace: token.serialization == Serialization::Compact && context.inner_whitespace,
        keys_location: context.keys_location.as_ref(),
    };
    let all = entries(token, limits);
    if all.is_empty() {
        findings.push(Finding::new(VerifyCode::NotJws, "The token has no signature to verify.").in_token(selected));
        return verification;
    }
    if let Some(wanted) = options.signature
        && wanted >= all.len()
    {
        findings.push(Finding::new(
            VerifyCode::OptionsInvalid,
            format!("Signature {} was selected, but the token has {}.", wanted + 1, all.len()),
        ));
        return verification;
    }
    let several = all.len() > 1;
    for entry in all.iter().filter(|e| options.signature.is_none_or(|s| s == e.index)) {
        let mut entry_findings = Vec::new();
        let result = check_entry(&ctx, entry, &mut entry_findings);
        findings.extend(entry_findings.into_iter().map(|mut f| {
            if several {
                f.message = format!("Signature {}: {}", entry.index + 1, f.message);
            }
            f.in_token(selected)
        }));
        if verification.algorithm.is_none() || result.valid && !verification.valid {
            verification.algorithm.clone_from(&result.algorithm);
        }
        if let Some(index) = result.matched
            && (verification.matched_key.is_none() || result.valid && !verification.valid)
            && let Some(key) = ctx.keys.get(index)
        {
            verification.matched_key = Some(MatchedKey {
                index,
                kid: key.kid.clone(),
                thumbprint: key.thumbprint.clone(),
                signature: entry.index,
            });
        }
        verification.valid |= result.valid;
        verification.attempts.extend(result.attempts);
    }
    verification
}
