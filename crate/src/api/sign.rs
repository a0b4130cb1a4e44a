//! `sign(payload, key)`: read the key text, then sign the payload with the header and time options — and
//! `generate_key(alg)` for throwaway test keys.

use crate::keys::{KeyOptions, KeySet, parse_keys};
use crate::sign::{DpopProofOptions, SdJwtSignOptions, SdJwtSigning, SignOptions, Signing, sign_token};
pub use crate::sign::{GenerateError, GeneratedKey, generate_key};

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

/// Makes a test SD-JWT (RFC 9901): `payload` is JSON text whose top-level claims named in `options.disclose` become
/// disclosures; `key` is the issuer's private key (as for [`sign`]); with `holder_key` (a private key), the holder's
/// public key goes into `cnf.jwk` and a key-binding JWT signed with it ends the presentation. Never fails.
#[must_use]
pub fn sign_sd_jwt(payload: &str, key: &str, holder_key: Option<&str>, options: &SdJwtSignOptions) -> SdJwtSigning {
    let sign = options.sign.clone().unwrap_or_default();
    let now = sign.now.or(options.now);
    let read = |text: &str| {
        parse_keys(text, &KeyOptions { secret_encoding: sign.secret_encoding, now, ..KeyOptions::default() })
    };
    crate::sign::sign_sd_jwt(payload, read(key), holder_key.map(read), options)
}

/// Makes a test DPoP proof (RFC 9449) signed with the private key in `key` for `options`' request (method, URL,
/// access token, nonce, `now`). Never fails: `token` is `None` when nothing could be signed, and the findings say why.
#[must_use]
pub fn dpop_proof(key: &str, options: &DpopProofOptions) -> Signing {
    crate::sign::sign_dpop_proof(parse_keys(key, &KeyOptions { now: options.now, ..KeyOptions::default() }), options)
}
