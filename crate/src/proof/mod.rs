//! Proofs of possession: the key-binding JWT of an SD-JWT presentation (RFC 9901 §4.3, §7.3) and DPoP proofs with the
//! access tokens bound to them (RFC 9449 §4.3, §6, §7).
//!
//! Both are signed by a key the *holder* controls, named by another token (the issuer payload's `cnf.jwk`), or, for
//! DPoP, carried in the proof's own header and bound by the access token's `cnf.jkt`. That key verifies only the
//! proof it belongs to; the issuer's signature is verified with the caller's `keys` like any JWS. The signature
//! primitive is handed in ([`HolderKeys`], implemented by `api` with the key readers and `verify`): the
//! decoder-only module passes none, so its signature checks stay `unknown` and it links no key arithmetic.

mod dpop;
mod sdjwt;

use serde::Deserialize;
use ts_rs::TS;

pub use dpop::{CheckStatus, DpopCheck, DpopResult, DpopRule, ath_of, dpop_proof_checks, dpop_result, normalise_url};
pub use sdjwt::key_binding_findings;

use crate::decode::DecodedInput;
use crate::finding::Finding;

/// Verifies a holder's signature: `jwk` (a public JWK as JSON members) over `message` under `alg`, the algorithm
/// bound to the key's type. `Err` says why not, in a sentence.
pub trait HolderKeys {
    /// Verifies one signature.
    ///
    /// # Errors
    /// Why the signature does not verify with this key (wrong key type for `alg`, unreadable key, mismatch).
    fn verify(
        &self,
        jwk: &serde_json::Map<String, serde_json::Value>,
        alg: &str,
        message: &[u8],
        signature: &[u8],
    ) -> Result<(), String>;
}

/// Options for SD-JWT presentations in `inspect`.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct SdJwtOptions {
    /// Require a key-binding JWT when the credential names a holder key (`cnf`). Default: required when
    /// `expect.nonce` or `expect.audience` is given.
    pub key_binding: Option<bool>,
    /// How old the key-binding JWT's `iat` may be, in seconds (plus `clockSkew`). Default 300.
    pub max_age: Option<f64>,
}

/// The request a DPoP proof is checked against, for `inspect(accessToken, { dpop })`; a pasted request (headers,
/// `curl -H`, a request line with `Host`) gives the same.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DpopOptions {
    /// The proof (the `DPoP` header's value). Without it, a proof pasted with the access token is used.
    pub proof: Option<String>,
    /// The request's method (`GET`, `POST`, …), which `htm` must equal.
    pub method: Option<String>,
    /// The request's URL, which `htu` must equal (query and fragment ignored).
    pub url: Option<String>,
    /// The nonce the server gave in `DPoP-Nonce`, which the proof's `nonce` must equal.
    pub nonce: Option<String>,
    /// How old the proof's `iat` may be, in seconds (plus `clockSkew`). Default 300.
    pub max_age: Option<f64>,
}

/// Everything the proof checks read besides the tokens.
#[derive(Debug, Clone, Copy, Default)]
pub struct ProofContext<'a> {
    /// The evaluation time, seconds since the epoch.
    pub now: Option<f64>,
    /// Leeway in seconds.
    pub clock_skew: f64,
    /// `expect.nonce`: the nonce a key-binding JWT must carry.
    pub nonce: Option<&'a str>,
    /// `expect.audience`: what a key-binding JWT's `aud` must be one of.
    pub audience: Option<&'a [String]>,
    /// The SD-JWT options.
    pub sd_jwt: Option<&'a SdJwtOptions>,
    /// The DPoP options.
    pub dpop: Option<&'a DpopOptions>,
    /// Index in `tokens` of the proof given in `dpop.proof`, appended after the pasted tokens.
    pub option_proof: Option<usize>,
}

/// What the proof checks found: the DPoP result, when there is a proof or a DPoP request, and the findings.
#[derive(Debug, Clone, Default)]
pub struct Proofs {
    /// `Inspection.dpop`.
    pub dpop: Option<DpopResult>,
    /// `SDJWT_*` and `DPOP_*` findings (located in their tokens).
    pub findings: Vec<Finding>,
}

/// Checks every key-binding JWT and the DPoP proof of a decoded input.
#[must_use]
pub fn check(decoded: &DecodedInput, context: &ProofContext<'_>, keys: Option<&dyn HolderKeys>) -> Proofs {
    let mut out = Proofs::default();
    for (index, token) in decoded.tokens.iter().enumerate() {
        out.findings.extend(key_binding_findings(token, context, keys).into_iter().map(|f| f.in_token(index)));
    }
    let (dpop, findings) = dpop_result(decoded, context, keys);
    out.dpop = dpop;
    out.findings.extend(findings);
    out
}

/// How long ago `iat` was, judged against `now` within `max_age` and `skew`: `Ok(age)` or `Err(sentence)`.
fn iat_window(iat: f64, now: f64, max_age: f64, skew: f64) -> Result<f64, (bool, String)> {
    let age = now - iat;
    if age < -skew {
        return Err((true, format!("\"iat\" is {:.0} s in the future (clock skew allowed: {skew:.0} s)", -age)));
    }
    if age > max_age + skew {
        return Err((
            false,
            format!("\"iat\" is {age:.0} s old; at most {max_age:.0} s (plus {skew:.0} s of clock skew) is allowed"),
        ));
    }
    Ok(age)
}
