//! The signature primitive: does `signature` verify `message` under `key` with `alg`? This is where the shape of a
//! signature is enforced (exact length, r‖s for ECDSA — DER rejected, the PSS salt fixed to the hash length) and
//! where a key's type must fit the algorithm family (a public key is never an HMAC secret).
//!
//! It does NOT look at JOSE headers, `kid`, `use`, `key_ops` or a JWK's `alg`: that is [`crate::verify()`]'s job.

use hmac::{Hmac, Mac as _};
use serde::Serialize;
use sha2::{Sha256, Sha384, Sha512};

use crate::alg::{Algorithm, Family, Hash};
use crate::arith::digest;
use crate::arith::rsa::RsaPublicKey;
use crate::keys::material::{EcKey, Material};
use crate::keys::{KeyInfo, is_der_ecdsa_signature};

/// Why a raw verification did not succeed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum RawError {
    /// The algorithm name is not one jwtlens verifies (or is `none`).
    UnknownAlgorithm,
    /// The key could not be read.
    KeyUnusable,
    /// The key was read but refused (too weak, broken, a published secret).
    KeyRefused,
    /// An HMAC algorithm with a public (or private) key: the algorithm-confusion attack.
    AlgorithmConfusion,
    /// The key type cannot make this kind of signature.
    WrongKeyType,
    /// An EC key on another curve than the algorithm's.
    WrongCurve,
    /// A DER-encoded ECDSA signature where JWS requires r‖s.
    EcdsaDer,
    /// The signature has the wrong length for the algorithm and key.
    WrongLength {
        /// The length the algorithm and key require, in bytes.
        expected: usize,
        /// The length given.
        actual: usize,
    },
    /// The signature is well-formed but does not verify.
    Mismatch,
}

/// How a key fits an algorithm, before any signature is looked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fit {
    Fits,
    AlgorithmConfusion,
    WrongKeyType,
    WrongCurve,
}

/// Whether `material` is the kind of key `alg` needs.
pub(crate) fn fit(alg: Algorithm, material: &Material) -> Fit {
    match (alg.family(), material) {
        (Family::Hmac(_), Material::Secret(_))
        | (Family::RsaPkcs1(_) | Family::RsaPss(_), Material::Rsa(_))
        | (Family::Ed25519, Material::Ed25519(_)) => Fit::Fits,
        (Family::Ecdsa(curve, _), Material::Ec(key)) => {
            if key.curve() == curve {
                Fit::Fits
            } else {
                Fit::WrongCurve
            }
        }
        (Family::Hmac(_), _) => Fit::AlgorithmConfusion,
        _ => Fit::WrongKeyType,
    }
}

/// The signature length `alg` requires with `material`, in bytes.
pub(crate) fn expected_length(alg: Algorithm, material: &Material) -> usize {
    match (alg.family(), material) {
        (Family::Hmac(hash), _) => hash.output_len(),
        (_, Material::Rsa(key)) => key.size(),
        (Family::Ecdsa(curve, _), _) => 2 * curve.scalar_len(),
        _ => 64,
    }
}

fn hmac(hash: Hash, key: &[u8], message: &[u8], tag: &[u8]) -> bool {
    // `new_from_slice` accepts any key length for HMAC; `verify_slice` compares in constant time.
    match hash {
        Hash::Sha256 => Hmac::<Sha256>::new_from_slice(key).is_ok_and(|mut m| {
            m.update(message);
            m.verify_slice(tag).is_ok()
        }),
        Hash::Sha384 => Hmac::<Sha384>::new_from_slice(key).is_ok_and(|mut m| {
            m.update(message);
            m.verify_slice(tag).is_ok()
        }),
        Hash::Sha512 => Hmac::<Sha512>::new_from_slice(key).is_ok_and(|mut m| {
            m.update(message);
            m.verify_slice(tag).is_ok()
        }),
    }
}

fn rsa(key: &RsaPublicKey, pss: bool, hash: Hash, message: &[u8], signature: &[u8]) -> bool {
    // Verify-only RSA tuned for wasm (crate::arith::rsa). PSS: the salt length is fixed to the digest length, as
    // RFC 7518 §3.5 requires. PKCS#1 v1.5: the full encoded message is compared, so no BER leniency.
    let m_hash = digest(hash, &[message]);
    if pss { key.verify_pss(hash, &m_hash, signature) } else { key.verify_pkcs1v15(hash, &m_hash, signature) }
}

fn ecdsa(key: &EcKey, hash: Hash, message: &[u8], signature: &[u8]) -> bool {
    use crate::arith::ecdsa::verify_prehash;
    // `Signature::from_slice` rejects r or s equal to zero or not below the group order. P-256 verifies with
    // crate::arith::secp256r1 (jwtlens' own field and point arithmetic; the key's odd multiples kept with a
    // prepared key, else built from its SEC1 encoding per verification); P-384 and P-521 with crate::arith::ecdsa (interleaved wNAF on the
    // curve crates' arithmetic). `hash` is each curve's JWS hash.
    let digest = || digest(hash, &[message]);
    match key {
        EcKey::P256(k, table) => p256::ecdsa::Signature::from_slice(signature)
            .is_ok_and(|s| crate::arith::secp256r1::verify_prehash(k, table.as_ref(), &digest(), &s)),
        EcKey::P384(k) => {
            p384::ecdsa::Signature::from_slice(signature).is_ok_and(|s| verify_prehash(k.as_affine(), &digest(), &s))
        }
        EcKey::P521(k) => {
            p521::ecdsa::Signature::from_slice(signature).is_ok_and(|s| verify_prehash(k.as_affine(), &digest(), &s))
        }
        // k256 accepts only low-S signatures (a Bitcoin rule); JWS (RFC 8812) does not require low S, and (r, s)
        // verifies exactly when (r, n − s) does, so normalise first. Its own verification already combines both
        // multiplications (with the GLV endomorphism).
        EcKey::K256(k) => {
            use k256::ecdsa::signature::Verifier as _;
            k256::ecdsa::Signature::from_slice(signature)
                .is_ok_and(|s| k.verify(message, &s.normalize_s().unwrap_or(s)).is_ok())
        }
    }
}

fn ed25519(key: &ed25519_dalek::VerifyingKey, message: &[u8], signature: &[u8]) -> bool {
    let Ok(bytes) = <[u8; 64]>::try_from(signature) else { return false };
    // `verify_strict` also rejects small-order keys and R values, which RFC 8032 verifiers may accept but which
    // let one signature verify several messages.
    key.verify_strict(message, &ed25519_dalek::Signature::from_bytes(&bytes)).is_ok()
}

/// Verifies with key material whose fitness the caller has not checked yet.
pub(crate) fn check(alg: Algorithm, material: &Material, message: &[u8], signature: &[u8]) -> Result<(), RawError> {
    match fit(alg, material) {
        Fit::Fits => {}
        Fit::AlgorithmConfusion => return Err(RawError::AlgorithmConfusion),
        Fit::WrongKeyType => return Err(RawError::WrongKeyType),
        Fit::WrongCurve => return Err(RawError::WrongCurve),
    }
    let expected = expected_length(alg, material);
    if signature.len() != expected {
        if matches!(alg.family(), Family::Ecdsa(..)) && is_der_ecdsa_signature(signature) {
            return Err(RawError::EcdsaDer);
        }
        return Err(RawError::WrongLength { expected, actual: signature.len() });
    }
    let ok = match (alg.family(), material) {
        (Family::Hmac(hash), Material::Secret(secret)) => hmac(hash, secret, message, signature),
        (Family::RsaPkcs1(hash), Material::Rsa(key)) => rsa(key, false, hash, message, signature),
        (Family::RsaPss(hash), Material::Rsa(key)) => rsa(key, true, hash, message, signature),
        (Family::Ecdsa(_, hash), Material::Ec(key)) => ecdsa(key, hash, message, signature),
        (Family::Ed25519, Material::Ed25519(key)) => ed25519(key, message, signature),
        _ => false,
    };
    if ok { Ok(()) } else { Err(RawError::Mismatch) }
}

/// Verifies one signature over raw bytes: the primitive under [`crate::verify()`], exposed for test vectors that
/// are not tokens (Wycheproof's primitive files).
///
/// It applies the algorithm's shape rules and the key's type, curve and refusal rules, but NOT a JWK's `kid`,
/// `use`, `key_ops` or `alg`, nor an RSASSA-PSS key's parameter restriction.
///
/// ```
/// use jwtlens::keys::{parse_keys, KeyOptions};
/// let key = &parse_keys("secret", &KeyOptions::default()).keys[0];
/// assert_eq!(jwtlens::verify_raw("HS256", key, b"m", &[0; 31]), Err(jwtlens::RawError::WrongLength { expected: 32, actual: 31 }));
/// ```
///
/// # Errors
/// A [`RawError`] saying why the signature does not verify.
#[doc(hidden)]
pub fn verify_raw(alg: &str, key: &KeyInfo, message: &[u8], signature: &[u8]) -> Result<(), RawError> {
    let alg = Algorithm::from_name(alg).ok_or(RawError::UnknownAlgorithm)?;
    let material = key.material.as_ref().ok_or(RawError::KeyUnusable)?;
    if fit(alg, material) == Fit::Fits && key.refusal.is_some() {
        return Err(RawError::KeyRefused);
    }
    check(alg, material, message, signature)
}
