//! Throwaway test keys: a fresh key for one algorithm, written as private and public JWK and PEM, drawn from the
//! platform's randomness (the OS on the host; `crypto.getRandomValues` in browsers, Workers and Node through
//! getrandom's `js` feature). These keys are for building test tokens, not for production: nothing about how they are
//! made, shown or copied is meant to keep them secret.

use rand_core::OsRng;
use serde::Serialize;
use ts_rs::TS;

use super::export::{self, Jwk, b64};
use crate::alg::{Algorithm, Curve, Family};
use crate::keys::private::PrivateKey;
use crate::keys::{KeyOptions, parse_keys};

/// A generated test key. For an HMAC algorithm only `secret` and `privateJwk` are set; for the others, the PEM and
/// JWK forms of both halves.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GeneratedKey {
    /// The algorithm the key was made for (also its JWKs' `alg`).
    pub alg: Algorithm,
    /// The key id: the RFC 7638 thumbprint of the public key; `null` for a secret.
    pub kid: Option<String>,
    /// The HMAC secret as text: its UTF-8 bytes are the key (base64url characters, as long as the hash).
    pub secret: Option<String>,
    /// The private key as a JWK (`d` and, for RSA, the primes and CRT values), or the secret as an `oct` JWK.
    pub private_jwk: Jwk,
    /// The public key as a JWK, to verify with.
    pub public_jwk: Option<Jwk>,
    /// The private key as PEM (`PRIVATE KEY`, PKCS#8).
    pub private_pem: Option<String>,
    /// The public key as PEM (`PUBLIC KEY`, SPKI).
    pub public_pem: Option<String>,
}

/// Why no key was generated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum GenerateError {
    /// The platform gave no random bytes.
    NoRandomness,
    /// The key could not be built (it does not happen with a working random source).
    Failed(String),
}

impl std::fmt::Display for GenerateError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::NoRandomness => f.write_str("the platform gives no random numbers (crypto.getRandomValues)"),
            Self::Failed(why) => write!(f, "the key could not be generated: {why}"),
        }
    }
}

/// True when the platform gives random bytes (checked before anything that would otherwise panic without them).
pub(super) fn randomness_available() -> bool {
    let mut probe = [0u8; 16];
    getrandom::getrandom(&mut probe).is_ok()
}

fn random<const N: usize>() -> Result<[u8; N], GenerateError> {
    let mut bytes = [0u8; N];
    getrandom::getrandom(&mut bytes).map_err(|_| GenerateError::NoRandomness)?;
    Ok(bytes)
}

/// RSA modulus size of generated keys: the minimum RFC 7518 §3.3 requires, and the fastest to generate.
const RSA_BITS: usize = 2048;

fn private_key(alg: Algorithm) -> Result<PrivateKey, GenerateError> {
    Ok(match alg.family() {
        Family::RsaPkcs1(_) | Family::RsaPss(_) => PrivateKey::Rsa(Box::new(
            rsa::RsaPrivateKey::new(&mut OsRng, RSA_BITS).map_err(|e| GenerateError::Failed(e.to_string()))?,
        )),
        Family::Ecdsa(Curve::P256, _) => PrivateKey::P256(p256::ecdsa::SigningKey::random(&mut OsRng)),
        Family::Ecdsa(Curve::P384, _) => PrivateKey::P384(p384::ecdsa::SigningKey::random(&mut OsRng)),
        Family::Ecdsa(Curve::P521, _) => PrivateKey::P521(p521::ecdsa::SigningKey::random(&mut OsRng)),
        Family::Ecdsa(Curve::Secp256k1, _) => PrivateKey::K256(k256::ecdsa::SigningKey::random(&mut OsRng)),
        Family::Ed25519 => PrivateKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&random::<32>()?)),
        Family::Hmac(_) => return Err(GenerateError::Failed("an HMAC secret is not a private key".to_owned())),
    })
}

fn labelled(jwk: Jwk, alg: Algorithm, kid: Option<&String>) -> Jwk {
    Jwk { kid: kid.cloned(), alg: Some(alg.name().to_owned()), key_use: Some("sig".to_owned()), ..jwk }
}

/// Generates a fresh key for `alg`: RSA 2048 bits for RS*/PS*, the algorithm's curve for ES*, Ed25519 for EdDSA, and
/// for HS* a secret of as many random bytes as the hash, written in base64url.
///
/// For tests and experiments only: the key is made and shown in the clear.
///
/// # Errors
/// [`GenerateError::NoRandomness`] when the platform gives no random bytes.
///
/// ```
/// use jwtlens::{Algorithm, generate_key};
/// let key = generate_key(Algorithm::Es256).unwrap();
/// assert!(key.private_pem.unwrap().starts_with("-----BEGIN PRIVATE KEY-----"));
/// assert_eq!(key.public_jwk.unwrap().crv.as_deref(), Some("P-256"));
/// ```
pub fn generate_key(alg: Algorithm) -> Result<GeneratedKey, GenerateError> {
    if !randomness_available() {
        return Err(GenerateError::NoRandomness);
    }
    if let Family::Hmac(hash) = alg.family() {
        let mut bytes = vec![0u8; hash.output_len()];
        getrandom::getrandom(&mut bytes).map_err(|_| GenerateError::NoRandomness)?;
        // base64url text of n random bytes is longer than n bytes, so its UTF-8 bytes are at least as long as the
        // hash (RFC 7518 §3.2) and it can be typed or pasted as it is.
        let secret = b64(&bytes);
        let jwk = Jwk { kty: "oct".to_owned(), k: Some(b64(secret.as_bytes())), ..Jwk::default() };
        return Ok(GeneratedKey {
            alg,
            kid: None,
            secret: Some(secret),
            private_jwk: labelled(jwk, alg, None),
            public_jwk: None,
            private_pem: None,
            public_pem: None,
        });
    }
    let key = private_key(alg)?;
    let public = export::public_jwk(&key);
    // The thumbprint comes from reading the public JWK back, which also checks that the key reads as written.
    let public_text = serde_json::to_string(&public).map_err(|e| GenerateError::Failed(e.to_string()))?;
    let kid = parse_keys(&public_text, &KeyOptions::default()).keys.into_iter().next().and_then(|k| k.thumbprint);
    let (private_pem, public_pem) =
        export::pems(&key).ok_or_else(|| GenerateError::Failed("the key could not be encoded".to_owned()))?;
    Ok(GeneratedKey {
        alg,
        kid: kid.clone(),
        secret: None,
        private_jwk: labelled(export::private_jwk(&key), alg, kid.as_ref()),
        public_jwk: Some(labelled(public, alg, kid.as_ref())),
        private_pem: Some(private_pem),
        public_pem: Some(public_pem),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_algorithm_gets_a_key_that_reads_back() {
        for &alg in Algorithm::ALL {
            if matches!(alg.family(), Family::RsaPkcs1(_) | Family::RsaPss(_)) && alg != Algorithm::Ps256 {
                continue; // RSA generation is slow in debug builds; one RSA algorithm shows the path.
            }
            let key = generate_key(alg).unwrap();
            let pasted = key.private_pem.clone().or(key.secret.clone()).unwrap();
            let read = parse_keys(&pasted, &KeyOptions::default());
            let row = &read.keys[0];
            assert!(row.type_algorithms().contains(&alg), "{alg:?}");
            if let Some(secret) = &key.secret {
                assert!(secret.len() >= alg.name()[2..].parse::<usize>().unwrap() / 8, "{alg:?}");
                assert!(key.public_jwk.is_none() && key.kid.is_none());
            } else {
                assert_eq!(row.thumbprint, key.kid, "{alg:?}");
                assert!(row.private_part.is_some(), "{alg:?}");
                assert_eq!(key.public_jwk.as_ref().unwrap().d, None);
                assert!(key.private_jwk.d.is_some());
            }
        }
    }

    #[test]
    fn two_keys_differ() {
        let (a, b) = (generate_key(Algorithm::EdDsa).unwrap(), generate_key(Algorithm::EdDsa).unwrap());
        assert_ne!(a.kid, b.kid);
        assert_ne!(generate_key(Algorithm::Hs256).unwrap().secret, generate_key(Algorithm::Hs256).unwrap().secret);
        assert_eq!(
            GenerateError::NoRandomness.to_string(),
            "the platform gives no random numbers (crypto.getRandomValues)"
        );
    }
}
