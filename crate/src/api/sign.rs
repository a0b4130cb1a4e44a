//! `sign(payload, key)`: read the key text, then sign the payload with the header and time options — and
//! `generate_key(alg)` for throwaway test keys.

use crate::keys::{KeyOptions, KeySet, parse_keys};
pub use crate::sign::{GenerateError, GeneratedKey, generate_key};
use crate::sign::{SignOptions, Signing, sign_token};

/// Signs `payload` — JSON text, signed byte for byte — with the key in `key`: any private key
/// [`crate::parse_keys`] reads (PKCS#8, PKCS#1 and SEC1 PEM, a JWK with `d`, a JWKS holding one private key) or an
/// HMAC secret (`options.secret_encoding`). The header is `options.header` (default `{}`) with `alg` added when it has
/// none (from `options.alg`, else the key). Never fails and never panics: `token` is `None` when nothing could be
/// signed, and the findings say why.
///
/// Tokens made here are test tokens: signing with a production key belongs in the issuer, not in a debugger.
///
/// ```
/// use jwtlens::SignOptions;
/// let signed = jwtlens::sign(r#"{"sub":"1"}"#, "a-string-secret-at-least-256-bits-long", &SignOptions::default());
/// assert_eq!(signed.token.as_deref(), Some("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.ZbPiInDeTyoXQXYqASeWZhLzYSbv2noODH_lFVn4iss"));
/// assert!(jwtlens::verify(&signed.token.unwrap(), "a-string-secret-at-least-256-bits-long", &Default::default()).valid);
/// ```
#[must_use]
pub fn sign(payload: &str, key: &str, options: &SignOptions) -> Signing {
    // An unsecured token needs no key: the key text is not read at all.
    let key_set = if options.wants_unsecured() {
        KeySet { keys: Vec::new(), findings: Vec::new() }
    } else {
        parse_keys(
            key,
            &KeyOptions { secret_encoding: options.secret_encoding, now: options.now, ..KeyOptions::default() },
        )
    };
    sign_token(payload, key_set, options)
}
