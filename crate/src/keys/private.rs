//! The private half of a pasted private key, kept for signing only.
//!
//! The readers (`der.rs`, `jwk.rs`) derive the public half of a private key for verification, as before; alongside
//! it they now keep a [`PrivatePart`]: the signing key in the type jwt-compact's algorithms take, or why it cannot
//! sign. It lives in [`super::KeyInfo`] as a field that is never serialized, and its `Debug` output names the key
//! type only. Only `crate::sign` reads it (`crate/tests/layers.rs` checks that no other module names it).

use rsa::BigUint;

use crate::alg::Curve;

/// A private key that can sign.
#[derive(Clone)]
pub(crate) enum PrivateKey {
    Rsa(Box<rsa::RsaPrivateKey>),
    P256(p256::ecdsa::SigningKey),
    P384(p384::ecdsa::SigningKey),
    P521(p521::ecdsa::SigningKey),
    K256(k256::ecdsa::SigningKey),
    Ed25519(ed25519_dalek::SigningKey),
    /// An X25519 private scalar (ECDH-ES decryption only).
    #[cfg_attr(not(feature = "jwe"), allow(dead_code, reason = "read with the jwe feature"))]
    X25519([u8; 32]),
}

impl std::fmt::Debug for PrivateKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Self::Rsa(_) => "PrivateKey(RSA, redacted)",
            Self::P256(_) => "PrivateKey(P-256, redacted)",
            Self::P384(_) => "PrivateKey(P-384, redacted)",
            Self::P521(_) => "PrivateKey(P-521, redacted)",
            Self::K256(_) => "PrivateKey(secp256k1, redacted)",
            Self::Ed25519(_) => "PrivateKey(Ed25519, redacted)",
            Self::X25519(_) => "PrivateKey(X25519, redacted)",
        })
    }
}

/// What a private key pasted for signing holds: a key that signs, or why it cannot.
#[derive(Debug, Clone)]
pub(crate) enum PrivatePart {
    Key(Box<PrivateKey>),
    /// The private numbers are there but do not form a key jwtlens can sign with; one sentence says why.
    Unusable(String),
}

/// Largest RSA modulus the `rsa` crate signs with (its default limit).
const MAX_SIGNING_BITS: usize = 4096;

/// An RSA private key from its big-endian numbers. `primes` may be empty (a JWK with `d` only): they are then
/// recovered from `d` (NIST SP 800-56B Appendix C.2). The key is validated (the primes multiply to `n`, `d` inverts
/// `e`), so signing cannot fail later.
pub(crate) fn rsa(n: &[u8], e: &[u8], d: &[u8], primes: &[&[u8]]) -> PrivatePart {
    let n = BigUint::from_bytes_be(n);
    if n.bits() > MAX_SIGNING_BITS {
        return PrivatePart::Unusable(format!(
            "the key has {} bits, and jwtlens signs with RSA keys of up to {MAX_SIGNING_BITS} bits",
            n.bits()
        ));
    }
    let d = BigUint::from_bytes_be(d);
    // The prime recovery computes d·e − 1, which must not underflow; no valid key has d < 2.
    if d < BigUint::from(2u8) {
        return PrivatePart::Unusable("its private exponent \"d\" is 0 or 1".to_owned());
    }
    let primes: Vec<BigUint> = primes.iter().map(|p| BigUint::from_bytes_be(p)).collect();
    if primes.len() == 1 {
        return PrivatePart::Unusable("it has one prime factor; an RSA key has two".to_owned());
    }
    match rsa::RsaPrivateKey::from_components(n, BigUint::from_bytes_be(e), d, primes) {
        Ok(key) => PrivatePart::Key(Box::new(PrivateKey::Rsa(Box::new(key)))),
        Err(err) => PrivatePart::Unusable(format!("its private numbers do not form a valid RSA key ({err})")),
    }
}

/// An EC private key from its scalar (already checked by the caller to derive the key's public point).
pub(crate) fn ec(curve: Curve, scalar: &[u8]) -> PrivatePart {
    let key = match curve {
        Curve::P256 => p256::ecdsa::SigningKey::from_slice(scalar).map(PrivateKey::P256).ok(),
        Curve::P384 => p384::ecdsa::SigningKey::from_slice(scalar).map(PrivateKey::P384).ok(),
        Curve::P521 => p521::ecdsa::SigningKey::from_slice(scalar).map(PrivateKey::P521).ok(),
        Curve::Secp256k1 => k256::ecdsa::SigningKey::from_slice(scalar).map(PrivateKey::K256).ok(),
    };
    key.map_or_else(
        || PrivatePart::Unusable(format!("its private scalar is not valid for {}", curve.jwk_name())),
        |key| PrivatePart::Key(Box::new(key)),
    )
}

/// An Ed25519 private key from its 32-byte seed.
pub(crate) fn ed25519(seed: &[u8]) -> PrivatePart {
    match <[u8; 32]>::try_from(seed) {
        Ok(seed) => PrivatePart::Key(Box::new(PrivateKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&seed)))),
        Err(_) => PrivatePart::Unusable(format!("an Ed25519 seed is 32 bytes; this one is {}", seed.len())),
    }
}

/// An X25519 private key from its 32-byte scalar (already checked by the caller to be 32 bytes).
#[cfg_attr(not(feature = "jwe"), allow(dead_code, reason = "read with the jwe feature"))]
pub(crate) fn x25519(scalar: &[u8]) -> PrivatePart {
    match <[u8; 32]>::try_from(scalar) {
        Ok(scalar) => PrivatePart::Key(Box::new(PrivateKey::X25519(scalar))),
        Err(_) => PrivatePart::Unusable(format!("an X25519 private key is 32 bytes; this one is {}", scalar.len())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_output_hides_the_key() {
        let PrivatePart::Key(key) = ed25519(&[7; 32]) else { panic!("a 32-byte seed is a key") };
        let shown = format!("{key:?} {:?}", PrivatePart::Key(key.clone()));
        assert_eq!(shown, "PrivateKey(Ed25519, redacted) Key(PrivateKey(Ed25519, redacted))");
        assert!(matches!(ed25519(&[7; 31]), PrivatePart::Unusable(_)));
    }

    #[test]
    fn rsa_numbers_that_cannot_sign_are_unusable_not_a_panic() {
        // d = 0 would underflow the prime recovery; one prime, or primes that do not multiply to n, are refused.
        let n = [0xc3u8; 128];
        for (d, primes) in [(&[0u8][..], &[][..]), (&[1u8][..], &[][..]), (&[5u8][..], &[&[3u8][..]][..])] {
            assert!(matches!(rsa(&n, &[1, 0, 1], d, primes), PrivatePart::Unusable(_)));
        }
        assert!(matches!(rsa(&n, &[1, 0, 1], &[9; 64], &[&[3], &[5]]), PrivatePart::Unusable(_)));
        assert!(matches!(rsa(&[0xff; 513], &[1, 0, 1], &[9; 64], &[]), PrivatePart::Unusable(m) if m.contains("4096")));
    }

    #[test]
    fn ec_scalars_are_checked() {
        assert!(matches!(ec(Curve::P256, &[0; 32]), PrivatePart::Unusable(_)));
        assert!(matches!(ec(Curve::P384, &[1; 48]), PrivatePart::Key(k) if matches!(*k, PrivateKey::P384(_))));
    }
}
