//! `createVerifier(options)`: keys read once and kept, then any number of tokens verified or inspected with them —
//! the shape of a server or a log scan (jose's `createLocalJWKSet`, aws-jwt-verify's `CognitoJwtVerifier`).
//! Each call skips reading the keys and returns no copy of them: the key set and its findings are read once, at
//! creation, and certificates are judged at that time.

use serde::Deserialize;
use ts_rs::TS;

use super::inspect::{InspectOptions, Inspection, inspect_with_keys};
use super::verify::verify_with_keys;
use crate::decode::Pasted;
use crate::diagnose::{Expectations, Target};
use crate::input::TextOrBytes;
use crate::keys::{KeyOptions, KeySet, SecretEncoding, read_keys};
use crate::limits::Limits;
use crate::verify::{Verification, VerifyOptions};

/// Options for [`Verifier::new`] (`createVerifier`): the keys, how to use them, and the context every `inspect` of
/// the verifier is diagnosed in.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct VerifierOptions {
    /// The keys, in any format [`crate::parse_keys`] reads: text, or the bytes of a key file.
    #[ts(type = "string | Uint8Array")]
    pub keys: TextOrBytes,
    /// How to read an HMAC secret in `keys`. Default `utf8`.
    pub secret_encoding: Option<SecretEncoding>,
    /// Allow-list of algorithms. Default: whatever the keys' types allow; never `none`.
    #[ts(optional, as = "Option<Vec<crate::alg::Algorithm>>")]
    pub algorithms: Option<Vec<String>>,
    /// When the keys are read, in seconds since the Unix epoch: certificates are judged at it. Default: the clock.
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
    /// Leeway in seconds for `exp`, `nbf` and `iat` in `inspect`.
    pub clock_skew: Option<f64>,
    /// What `inspect` expects of every token.
    pub expect: Option<Expectations>,
    /// The service every token is sent to, for `inspect`'s verdict.
    pub target: Option<Target>,
    /// How much each call reads and does (as for `inspect`); the key text is read within them too.
    #[serde(default)]
    #[ts(optional, as = "Option<Limits>")]
    pub limits: Limits,
}

/// Per-call options of a verifier's `verify` and `inspect`.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct VerifierCall {
    /// The evaluation time, in seconds since the Unix epoch; default the clock, `null` none (time checks skipped).
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
    /// `verify` only: which token of the input to verify. Default 0.
    pub token: Option<usize>,
    /// `verify` only: the content of a detached-payload JWS.
    #[ts(optional, type = "string | Uint8Array")]
    pub detached_payload: Option<TextOrBytes>,
}

/// Keys read once, and the options to verify and diagnose with.
#[derive(Debug, Clone)]
pub struct Verifier {
    keys: KeySet,
    secret_encoding: SecretEncoding,
    algorithms: Option<Vec<String>>,
    clock_skew: Option<f64>,
    expect: Option<Expectations>,
    target: Option<Target>,
    limits: Limits,
}

impl Verifier {
    /// Reads the keys. Never fails: unreadable keys are findings in [`Verifier::keys`], and verifications with no
    /// usable key say so.
    #[must_use]
    pub fn new(options: VerifierOptions) -> Self {
        let secret_encoding = options.secret_encoding.unwrap_or_default();
        let mut keys =
            read_keys(&options.keys, &KeyOptions { secret_encoding, now: options.now, limits: options.limits });
        keys.prepare();
        Self {
            keys,
            secret_encoding,
            algorithms: options.algorithms,
            clock_skew: options.clock_skew,
            expect: options.expect,
            target: options.target,
            limits: options.limits,
        }
    }

    /// The keys read, with their findings.
    #[must_use]
    pub fn keys(&self) -> &KeySet {
        &self.keys
    }

    /// The limits every call works within.
    #[must_use]
    pub const fn limits(&self) -> &Limits {
        &self.limits
    }

    /// Verifies the signature of the first token in `input` (or `call.token`), as [`crate::verify()`] does; the
    /// findings are the token's and the signature's (the keys' are in [`Verifier::keys`]).
    #[must_use]
    pub fn verify<'a>(&self, input: impl Into<Pasted<'a>>, call: VerifierCall) -> Verification {
        let options = VerifyOptions {
            algorithms: self.algorithms.clone(),
            secret_encoding: self.secret_encoding,
            now: call.now,
            token: call.token,
            signature: None,
            detached_payload: call.detached_payload,
            limits: self.limits,
        };
        verify_with_keys(input.into(), &self.keys.keys, &[], &options)
    }

    /// Inspects `input` as [`crate::inspect()`] does with these keys and the verifier's context; the result's `keys`
    /// is absent (see [`Verifier::keys`]).
    #[must_use]
    pub fn inspect<'a>(&self, input: impl Into<Pasted<'a>>, call: &VerifierCall) -> Inspection {
        let options = InspectOptions {
            now: call.now,
            clock_skew: self.clock_skew,
            expect: self.expect.clone(),
            target: self.target.clone(),
            keys: None,
            secret_encoding: Some(self.secret_encoding),
            algorithms: self.algorithms.clone(),
            limits: self.limits,
            ..InspectOptions::default()
        };
        inspect_with_keys(input.into(), &options, Some(&self.keys), None)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const TOKEN: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.ZbPiInDeTyoXQXYqASeWZhLzYSbv2noODH_lFVn4iss";
    const SECRET: &str = "a-string-secret-at-least-256-bits-long";

    fn verifier(keys: &str) -> Verifier {
        Verifier::new(VerifierOptions {
            keys: TextOrBytes::Text(keys.to_owned()),
            secret_encoding: None,
            algorithms: None,
            now: None,
            clock_skew: None,
            expect: None,
            target: None,
            limits: Limits::default(),
        })
    }

    #[test]
    fn verifies_as_verify_does_without_the_keys_in_each_result() {
        let v = verifier(SECRET);
        let prepared = v.verify(TOKEN, VerifierCall::default());
        let direct = crate::verify(TOKEN, SECRET, &VerifyOptions::default());
        assert!(prepared.valid);
        assert_eq!(prepared.algorithm, direct.algorithm);
        // The key findings (KEY_SECRET here) are the verifier's, once; the rest are the same.
        assert!(!v.keys().findings.is_empty());
        let rest: Vec<_> = direct.findings.iter().filter(|f| !v.keys().findings.contains(f)).cloned().collect();
        assert_eq!(prepared.findings, rest);
        let wrong = verifier("another-secret-that-is-long-enough-1234");
        assert!(!wrong.verify(TOKEN, VerifierCall::default()).valid);
    }

    #[test]
    fn inspects_as_inspect_does_with_keys() {
        let v = verifier(SECRET);
        let prepared = v.inspect(TOKEN, &VerifierCall::default());
        let direct = crate::inspect(
            TOKEN,
            &InspectOptions { keys: Some(TextOrBytes::Text(SECRET.to_owned())), ..InspectOptions::default() },
        );
        assert!(prepared.keys.is_none());
        assert_eq!(prepared.verifications.len(), 1);
        let verdicts =
            |r: &Inspection| r.verifications.iter().map(|v| (v.valid, v.findings.clone())).collect::<Vec<_>>();
        assert_eq!(verdicts(&prepared), verdicts(&direct));
        assert_eq!(prepared.findings, direct.findings);
        assert!(v.keys().keys.iter().all(|k| k.usable));
    }
}
