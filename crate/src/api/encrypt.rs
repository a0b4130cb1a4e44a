//! `encrypt(plaintext, key)`: read the key text, then wrap the plaintext in a compact JWE for it (feature `jwe`).

use crate::jwe::{EncryptOptions, Encryption};
use crate::keys::{KeyOptions, parse_keys};

/// Encrypts `plaintext` (a signed test token, or JSON) for the key in `key`: a public key (RSA, EC P-256/384/521 or
/// X25519, as JWK, JWKS or PEM; a private key works too, its public half is used) or a shared secret
/// (`options.secretEncoding`). Never fails: `token` is `None` when nothing could be encrypted, and the findings say
/// why. The key findings are included.
///
/// ```
/// let key = "0123456789abcdef0123456789abcdef"; // 32 bytes: A256KW by default
/// let encrypted = jwtlens::encrypt(r#"{"sub":"1"}"#, key, &Default::default());
/// let jwe = encrypted.token.unwrap();
/// let options = jwtlens::InspectOptions { keys: Some(key.into()), ..Default::default() };
/// let result = jwtlens::inspect(&jwe, &options);
/// let plaintext = result.tokens[0].decryption.as_ref().unwrap().plaintext.as_ref().unwrap();
/// assert_eq!(plaintext.text.as_deref(), Some(r#"{"sub":"1"}"#));
/// ```
#[must_use]
pub fn encrypt(plaintext: &str, key: &str, options: &EncryptOptions) -> Encryption {
    let key_options =
        KeyOptions { secret_encoding: options.secret_encoding.unwrap_or_default(), ..KeyOptions::default() };
    let set = parse_keys(key, &key_options);
    let mut result = crate::jwe::encrypt(plaintext, &set.keys, options);
    let mut findings = set.findings;
    findings.append(&mut result.findings);
    result.findings = findings;
    result
}
