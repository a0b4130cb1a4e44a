//! jwtlens' own RSA verification (src/arith/) against an independent implementation, the `rsa` crate, through the
//! public primitive `verify_raw`: signatures it makes must verify, and every kind of damage must not. Also the rule
//! that a signature representative must be below the modulus (RFC 8017 §5.2.2), which a verifier that reduces the
//! signature first would miss.

use jwtlens::keys::{KeyOptions, parse_keys};
use jwtlens::{RawError, verify_raw};
use rsa::traits::PublicKeyParts as _;
use sha2::Digest as _;

/// xorshift64*: deterministic keys and salts for tests, not for real keys.
struct Rng(u64);
impl rsa::rand_core::RngCore for Rng {
    fn next_u32(&mut self) -> u32 {
        self.next_u64() as u32
    }
    fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn fill_bytes(&mut self, dest: &mut [u8]) {
        for chunk in dest.chunks_mut(8) {
            chunk.copy_from_slice(&self.next_u64().to_le_bytes()[..chunk.len()]);
        }
    }
    fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
        self.fill_bytes(dest);
        Ok(())
    }
}
impl rsa::rand_core::CryptoRng for Rng {}

fn b64(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn key_info(key: &rsa::RsaPrivateKey) -> jwtlens::KeyInfo {
    let jwk = format!(r#"{{"kty":"RSA","n":"{}","e":"{}"}}"#, b64(&key.n().to_bytes_be()), b64(&key.e().to_bytes_be()));
    let mut set = parse_keys(&jwk, &KeyOptions::default());
    assert_eq!(set.keys.len(), 1);
    set.keys.remove(0)
}

fn sign(key: &rsa::RsaPrivateKey, alg: &str, message: &[u8], rng: &mut Rng) -> Vec<u8> {
    use sha2::{Sha256, Sha384, Sha512};
    let (h256, h384, h512) = (Sha256::digest(message), Sha384::digest(message), Sha512::digest(message));
    match alg {
        "RS256" => key.sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &h256),
        "RS384" => key.sign(rsa::Pkcs1v15Sign::new::<Sha384>(), &h384),
        "RS512" => key.sign(rsa::Pkcs1v15Sign::new::<Sha512>(), &h512),
        "PS256" => key.sign_with_rng(rng, rsa::Pss::new::<Sha256>(), &h256),
        "PS384" => key.sign_with_rng(rng, rsa::Pss::new::<Sha384>(), &h384),
        "PS512" => key.sign_with_rng(rng, rsa::Pss::new::<Sha512>(), &h512),
        other => panic!("{other}"),
    }
    .unwrap()
}

const ALGS: [&str; 6] = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512"];

/// Key sizes with different residues mod 8 (which move PSS's emLen) and mod 32 (the top limb), exponents 3 and 65537.
#[test]
fn agrees_with_the_rsa_crate() {
    let mut rng = Rng(0x5eed);
    let mut checked = 0;
    for (bits, exponent) in [(2048, 65537u32), (2049, 65537), (2055, 3), (2056, 65537), (3072, 65537)] {
        let key = rsa::RsaPrivateKey::new_with_exp(&mut rng, bits, &rsa::BigUint::from(exponent)).unwrap();
        let info = key_info(&key);
        for alg in ALGS {
            let message = format!("header.payload-{bits}-{alg}");
            let signature = sign(&key, alg, message.as_bytes(), &mut rng);
            assert_eq!(verify_raw(alg, &info, message.as_bytes(), &signature), Ok(()), "{bits} {alg}");
            // The other algorithms of the key never accept it.
            for other in ALGS.iter().filter(|&&a| a != alg) {
                assert_eq!(verify_raw(other, &info, message.as_bytes(), &signature), Err(RawError::Mismatch));
            }
            // Another message; a flipped bit at the start, in the middle and at the end of the signature.
            assert_eq!(verify_raw(alg, &info, b"header.other", &signature), Err(RawError::Mismatch));
            for (index, bit) in [(0, 7), (signature.len() / 2, 0), (signature.len() - 1, 0)] {
                let mut bad = signature.clone();
                bad[index] ^= 1 << bit;
                assert!(verify_raw(alg, &info, message.as_bytes(), &bad).is_err(), "{bits} {alg} {index}/{bit}");
            }
            checked += 1;
        }
    }
    assert_eq!(checked, 30);
}

/// s and s + n are the same residue, so a verifier that reduces s first accepts s + n. RFC 8017 requires s < n
/// (RSAVP1 step 1); a byte string of the modulus' length above n is not a signature.
#[test]
fn a_signature_not_below_the_modulus_is_rejected() {
    let mut rng = Rng(42);
    let (mut pkcs1, mut pss) = (0, 0);
    while pkcs1 == 0 || pss == 0 {
        // Keys with a modulus well below 2^bits leave room for s + n in the same number of bytes.
        let key = rsa::RsaPrivateKey::new(&mut rng, 2048).unwrap();
        let info = key_info(&key);
        for alg in ALGS {
            let signature = sign(&key, alg, b"m", &mut rng);
            let plus_n = (rsa::BigUint::from_bytes_be(&signature) + key.n()).to_bytes_be();
            if plus_n.len() != signature.len() {
                continue;
            }
            assert_eq!(verify_raw(alg, &info, b"m", &signature), Ok(()));
            assert_eq!(verify_raw(alg, &info, b"m", &plus_n), Err(RawError::Mismatch), "{alg}");
            assert_eq!(verify_raw(alg, &info, b"m", &key.n().to_bytes_be()), Err(RawError::Mismatch), "{alg}");
            if alg.starts_with("PS") {
                pss += 1;
            } else {
                pkcs1 += 1;
            }
        }
    }
}
