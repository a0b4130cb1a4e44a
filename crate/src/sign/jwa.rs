//! Every signature algorithm behind one interface: jwt-compact's [`Algorithm`](jwt_compact::Algorithm) trait, which
//! signs raw message bytes — here the exact signing input `base64url(header) "." base64url(payload)` of the text the
//! caller typed, never a re-serialization of it.
//!
//! jwt-compact implements HS*, RS*/PS*, ES256, ES256K and EdDSA on the same RustCrypto crates verification uses. It
//! has no ES384 or ES512; [`Es384`] and [`Es512`] implement its trait on the `p384` and `p521` crates, so that they
//! go through the same interface as every other algorithm (and would drop out if jwt-compact gains them). Every
//! algorithm signs deterministically except RS*/PS* blinding (invisible in the result), PS* salts and ES512 nonces,
//! which draw from the platform's randomness.

use std::borrow::Cow;
use std::num::NonZeroUsize;

use jwt_compact::alg::{Ed25519, Es256, Es256k, Hs256, Hs256Key, Hs384, Hs384Key, Hs512, Hs512Key, Rsa};
use jwt_compact::{Algorithm as Jwa, AlgorithmSignature};

use crate::alg::Algorithm;
use crate::keys::private::PrivateKey;

/// `ES384`: ECDSA on P-384 with SHA-384 (RFC 7518 §3.4), on the `p384` crate, with RFC 6979 deterministic nonces
/// as jwt-compact's `Es256` uses; the signature is the fixed-length `r‖s`.
#[derive(Debug, Clone, Copy, Default)]
pub struct Es384;

/// An `ES384` signature.
#[derive(Debug, Clone)]
pub struct Es384Signature(p384::ecdsa::Signature);

impl AlgorithmSignature for Es384Signature {
    const LENGTH: Option<NonZeroUsize> = NonZeroUsize::new(96);

    fn try_from_slice(slice: &[u8]) -> anyhow::Result<Self> {
        p384::ecdsa::Signature::from_slice(slice).map(Self).map_err(|e| anyhow::anyhow!(e))
    }

    fn as_bytes(&self) -> Cow<'_, [u8]> {
        Cow::Owned(self.0.to_bytes().to_vec())
    }
}

impl Jwa for Es384 {
    type SigningKey = p384::ecdsa::SigningKey;
    type VerifyingKey = p384::ecdsa::VerifyingKey;
    type Signature = Es384Signature;

    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("ES384")
    }

    fn sign(&self, signing_key: &Self::SigningKey, message: &[u8]) -> Self::Signature {
        use p384::ecdsa::signature::Signer as _;
        Es384Signature(signing_key.sign(message))
    }

    fn verify_signature(&self, signature: &Self::Signature, key: &Self::VerifyingKey, message: &[u8]) -> bool {
        use p384::ecdsa::signature::Verifier as _;
        key.verify(message, &signature.0).is_ok()
    }
}

/// `ES512`: ECDSA on P-521 with SHA-512 (RFC 7518 §3.4), on the `p521` crate. Its nonces are random, not RFC 6979:
/// the `p521` crate has no deterministic signing (RFC 6979 as the `ecdsa` crate implements it needs a hash as long as
/// the 66-byte field), so two ES512 signatures of the same input differ, and signing needs the platform's randomness.
#[derive(Debug, Clone, Copy, Default)]
pub struct Es512;

/// An `ES512` signature: `r‖s`, 132 bytes (empty in the never-seen case that no nonce gave a signature).
#[derive(Debug, Clone)]
pub struct Es512Signature(Vec<u8>);

impl AlgorithmSignature for Es512Signature {
    const LENGTH: Option<NonZeroUsize> = NonZeroUsize::new(132);

    fn try_from_slice(slice: &[u8]) -> anyhow::Result<Self> {
        p521::ecdsa::Signature::from_slice(slice).map(|s| Self(s.to_bytes().to_vec())).map_err(|e| anyhow::anyhow!(e))
    }

    fn as_bytes(&self) -> Cow<'_, [u8]> {
        Cow::Borrowed(&self.0)
    }
}

impl Jwa for Es512 {
    type SigningKey = p521::ecdsa::SigningKey;
    type VerifyingKey = p521::ecdsa::VerifyingKey;
    type Signature = Es512Signature;

    fn name(&self) -> Cow<'static, str> {
        Cow::Borrowed("ES512")
    }

    fn sign(&self, signing_key: &Self::SigningKey, message: &[u8]) -> Self::Signature {
        use p521::ecdsa::signature::RandomizedSigner as _;
        // A nonce fails only when r or s comes out zero (probability about 2^-520); a few tries are plenty.
        let signature = (0..4).find_map(|_| signing_key.try_sign_with_rng(&mut rand_core::OsRng, message).ok());
        Es512Signature(signature.map(|s| s.to_bytes().to_vec()).unwrap_or_default())
    }

    fn verify_signature(&self, signature: &Self::Signature, key: &Self::VerifyingKey, message: &[u8]) -> bool {
        use p521::ecdsa::signature::Verifier as _;
        p521::ecdsa::Signature::from_slice(&signature.0).is_ok_and(|s| key.verify(message, &s).is_ok())
    }
}

/// What signs: an HMAC secret or a private key.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Signer<'a> {
    Secret(&'a [u8]),
    Private(&'a PrivateKey),
}

fn with<A: Jwa>(algorithm: &A, key: &A::SigningKey, message: &[u8]) -> Vec<u8> {
    algorithm.sign(key, message).as_bytes().into_owned()
}

/// Signs `message` with `alg` and the key. `None` when the key is not of the kind `alg` needs (the caller has checked
/// that it is, and that an RSA key is large enough for the padding, so this does not happen).
pub(crate) fn sign(alg: Algorithm, signer: Signer<'_>, message: &[u8]) -> Option<Vec<u8>> {
    use Algorithm as A;
    Some(match (alg, signer) {
        (A::Hs256, Signer::Secret(s)) => with(&Hs256, &Hs256Key::new(s), message),
        (A::Hs384, Signer::Secret(s)) => with(&Hs384, &Hs384Key::new(s), message),
        (A::Hs512, Signer::Secret(s)) => with(&Hs512, &Hs512Key::new(s), message),
        (A::Rs256 | A::Rs384 | A::Rs512 | A::Ps256 | A::Ps384 | A::Ps512, Signer::Private(PrivateKey::Rsa(k))) => {
            let rsa = match alg {
                A::Rs256 => Rsa::rs256(),
                A::Rs384 => Rsa::rs384(),
                A::Rs512 => Rsa::rs512(),
                A::Ps256 => Rsa::ps256(),
                A::Ps384 => Rsa::ps384(),
                _ => Rsa::ps512(),
            };
            with(&rsa, k, message)
        }
        (A::Es256, Signer::Private(PrivateKey::P256(k))) => with(&Es256, k, message),
        (A::Es384, Signer::Private(PrivateKey::P384(k))) => with(&Es384, k, message),
        (A::Es512, Signer::Private(PrivateKey::P521(k))) => {
            Some(with(&Es512, k, message)).filter(|s| s.len() == 132)?
        }
        (A::Es256k, Signer::Private(PrivateKey::K256(k))) => with(&Es256k::<sha2::Sha256>::default(), k, message),
        (A::EdDsa | A::Ed25519, Signer::Private(PrivateKey::Ed25519(k))) => with(&Ed25519, k, message),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn es384_and_es512_sign_and_verify_through_the_trait() {
        let key = p384::ecdsa::SigningKey::from_slice(&[3; 48]).unwrap();
        let sig = Es384.sign(&key, b"message");
        assert_eq!(sig.as_bytes().len(), 96);
        assert!(Es384.verify_signature(&sig, key.verifying_key(), b"message"));
        assert!(!Es384.verify_signature(&sig, key.verifying_key(), b"messagE"));
        assert!(Es384Signature::try_from_slice(&sig.as_bytes()).is_ok());
        assert!(Es384Signature::try_from_slice(&[0; 95]).is_err());

        let key = p521::ecdsa::SigningKey::from_slice(&[1; 66]).unwrap();
        let sig = Es512.sign(&key, b"message");
        assert_eq!(sig.as_bytes().len(), 132);
        assert!(Es512.verify_signature(&sig, &p521::ecdsa::VerifyingKey::from(&key), b"message"));
        assert_ne!(Es512.sign(&key, b"message").as_bytes(), sig.as_bytes(), "random nonces");
        assert_eq!(Es512.name(), "ES512");
    }

    #[test]
    fn a_key_of_the_wrong_kind_signs_nothing() {
        let key = PrivateKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&[1; 32]));
        assert!(sign(Algorithm::Es256, Signer::Private(&key), b"m").is_none());
        assert!(sign(Algorithm::Hs256, Signer::Private(&key), b"m").is_none());
        assert_eq!(sign(Algorithm::EdDsa, Signer::Private(&key), b"m").map(|s| s.len()), Some(64));
        assert_eq!(sign(Algorithm::Hs384, Signer::Secret(b"k"), b"m").map(|s| s.len()), Some(48));
    }
}
