//! Key management (RFC 7518 §4): the content encryption key (CEK) from the recipient's key, for each `alg`.
//!
//! RSA1_5 follows RFC 7516 §11.5: when the padding is wrong or the key has the wrong length, a random CEK of the
//! right length is used instead, so the failure shows only as a tag mismatch, like any other wrong key — no padding
//! oracle. RSA decryption is blinded (the `rsa` crate's `decrypt_blinded`).

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};

use super::agree::{AgreeKey, concat_kdf, read_epk, shared_secret};
use super::algs::{ContentAlg, KeyAlg};
use super::content::{ContentError, gcm_open};
use super::{Failure, random};
use crate::alg::Hash;
use crate::codes::JweCode;

/// The largest PBES2 iteration count accepted: jose's default `maxPBES2Count`.
pub(crate) const MAX_P2C: u64 = 10_000;
/// The smallest PBES2 iteration count RFC 7518 §4.8.1.2 recommends.
pub(crate) const MIN_P2C: u64 = 1_000;

/// A key ready for one algorithm.
pub(crate) enum Usable<'a> {
    Rsa(&'a rsa::RsaPrivateKey),
    Agree(AgreeKey<'a>),
    Secret(&'a [u8]),
}

/// A header member decoded from base64url.
pub(crate) fn b64_member(header: &Map<String, Value>, name: &str, required: bool) -> Result<Vec<u8>, Failure> {
    match header.get(name) {
        None if !required => Ok(Vec::new()),
        None => Err(Failure::new(
            JweCode::HeaderInvalid,
            format!("The header has no \"{name}\", which this algorithm needs."),
        )),
        Some(Value::String(text)) => URL_SAFE_NO_PAD
            .decode(text)
            .map_err(|_| Failure::new(JweCode::HeaderInvalid, format!("The header's \"{name}\" is not base64url."))),
        Some(_) => Err(Failure::new(JweCode::HeaderInvalid, format!("The header's \"{name}\" is not a string."))),
    }
}

/// PBES2's iteration count, refused above [`MAX_P2C`] before any work.
pub(crate) fn p2c(header: &Map<String, Value>) -> Result<u32, Failure> {
    let count = header.get("p2c").and_then(Value::as_u64).filter(|&c| c >= 1).ok_or_else(|| {
        Failure::new(
            JweCode::HeaderInvalid,
            "The header's \"p2c\" (PBES2 iteration count) is missing or not a positive integer.",
        )
    })?;
    if count > MAX_P2C {
        return Err(Failure::new(
            JweCode::P2cTooLarge,
            format!(
                "The header asks for {count} PBES2 iterations (\"p2c\"); jwtlens, like jose, refuses more than {MAX_P2C}: a token can make a verifier spend seconds per guess otherwise."
            ),
        ));
    }
    u32::try_from(count).map_err(|_| Failure::new(JweCode::P2cTooLarge, "p2c is too large."))
}

fn kw_unwrap(kek: &[u8], wrapped: &[u8], what: &str) -> Result<Vec<u8>, Failure> {
    let wrong = || Failure::new(JweCode::WrongKey, format!("The AES key wrap's integrity check failed: {what}."));
    let unwrapped = match kek.len() {
        16 => aes_kw::KekAes128::try_from(kek).map(|k| k.unwrap_vec(wrapped)),
        24 => aes_kw::KekAes192::try_from(kek).map(|k| k.unwrap_vec(wrapped)),
        32 => aes_kw::KekAes256::try_from(kek).map(|k| k.unwrap_vec(wrapped)),
        n => {
            return Err(Failure::new(
                JweCode::KeyType,
                format!("An AES key-wrapping key is 16, 24 or 32 bytes; this one is {n}."),
            ));
        }
    };
    match unwrapped {
        Ok(Ok(cek)) => Ok(cek),
        _ => Err(wrong()),
    }
}

/// Wraps `cek` with AES key wrap under `kek` (for encryption).
pub(crate) fn kw_wrap(kek: &[u8], cek: &[u8]) -> Option<Vec<u8>> {
    match kek.len() {
        16 => aes_kw::KekAes128::try_from(kek).ok()?.wrap_vec(cek).ok(),
        24 => aes_kw::KekAes192::try_from(kek).ok()?.wrap_vec(cek).ok(),
        32 => aes_kw::KekAes256::try_from(kek).ok()?.wrap_vec(cek).ok(),
        _ => None,
    }
}

/// PBKDF2 with HMAC-SHA-* over the password; the salt is `alg ‖ 0x00 ‖ p2s` (RFC 7518 §4.8.1.1).
pub(crate) fn pbes2_kek(hash: Hash, password: &[u8], alg: &str, p2s: &[u8], count: u32, len: usize) -> Vec<u8> {
    let mut salt = alg.as_bytes().to_vec();
    salt.push(0);
    salt.extend_from_slice(p2s);
    let mut kek = vec![0u8; len];
    match hash {
        Hash::Sha256 => pbkdf2::pbkdf2_hmac::<sha2::Sha256>(password, &salt, count, &mut kek),
        Hash::Sha384 => pbkdf2::pbkdf2_hmac::<sha2::Sha384>(password, &salt, count, &mut kek),
        Hash::Sha512 => pbkdf2::pbkdf2_hmac::<sha2::Sha512>(password, &salt, count, &mut kek),
    }
    kek
}

/// The key-agreement output for ECDH-ES: `len` bytes for `id`.
pub(crate) fn agree(key: &AgreeKey<'_>, header: &Map<String, Value>, id: &str, len: usize) -> Result<Vec<u8>, Failure> {
    let epk = read_epk(header.get("epk"))
        .map_err(|m| Failure::new(JweCode::EpkInvalid, format!("The ephemeral public key is refused: {m}.")))?;
    let z = shared_secret(key, &epk)
        .map_err(|m| Failure::new(JweCode::EpkInvalid, format!("The ephemeral public key is refused: {m}.")))?;
    let apu = b64_member(header, "apu", false)?;
    let apv = b64_member(header, "apv", false)?;
    Ok(concat_kdf(&z, len, id, &apu, &apv))
}

fn expect_empty(encrypted_key: &[u8], alg: &str) -> Result<(), Failure> {
    if encrypted_key.is_empty() {
        return Ok(());
    }
    Err(Failure::new(
        JweCode::Malformed,
        format!("With \"alg\": \"{alg}\" the encrypted key must be empty; this one is {} bytes.", encrypted_key.len()),
    ))
}

/// RSA-OAEP(-256) and RSA1_5, blinded; RSA1_5 falls back to a random CEK (RFC 7516 §11.5).
fn rsa_cek(alg: KeyAlg, enc: ContentAlg, rsa: &rsa::RsaPrivateKey, encrypted_key: &[u8]) -> Result<Vec<u8>, Failure> {
    let mut rng = super::rng()?;
    let opened = match alg {
        KeyAlg::RsaOaep(true) => rsa.decrypt_blinded(&mut rng, rsa::Oaep::new::<sha2::Sha256>(), encrypted_key),
        KeyAlg::RsaOaep(false) => rsa.decrypt_blinded(&mut rng, rsa::Oaep::new::<sha1::Sha1>(), encrypted_key),
        _ => {
            // Never tell a padding failure apart from a wrong tag: the fallback is drawn before the attempt.
            let fallback = random(enc.key_len())?;
            return match rsa.decrypt_blinded(&mut rng, rsa::Pkcs1v15Encrypt, encrypted_key) {
                Ok(cek) if cek.len() == enc.key_len() => Ok(cek),
                _ => Ok(fallback),
            };
        }
    };
    opened.map_err(|_| {
        Failure::new(
            JweCode::WrongKey,
            "RSA-OAEP decryption of the encrypted key failed: this is not the recipient's private key, or the key was altered.",
        )
    })
}

/// The CEK for one recipient and one key.
pub(crate) fn cek(
    alg: KeyAlg,
    alg_name: &str,
    enc: ContentAlg,
    enc_name: &str,
    key: &Usable<'_>,
    header: &Map<String, Value>,
    encrypted_key: &[u8],
) -> Result<Vec<u8>, Failure> {
    match (alg, key) {
        (KeyAlg::RsaOaep(_) | KeyAlg::Rsa15, Usable::Rsa(rsa)) => rsa_cek(alg, enc, rsa, encrypted_key),
        (KeyAlg::EcdhEs, Usable::Agree(k)) => {
            expect_empty(encrypted_key, alg_name)?;
            agree(k, header, enc_name, enc.key_len())
        }
        (KeyAlg::EcdhEsKw(n), Usable::Agree(k)) => {
            let kek = agree(k, header, alg_name, n)?;
            kw_unwrap(
                &kek,
                encrypted_key,
                "the key agreement gave another key-wrapping key, so this is not the recipient's private key",
            )
        }
        (KeyAlg::Kw(_), Usable::Secret(s)) => {
            kw_unwrap(s, encrypted_key, "this is not the shared secret the token was encrypted with")
        }
        (KeyAlg::GcmKw(_), Usable::Secret(s)) => {
            let iv = b64_member(header, "iv", true)?;
            let tag = b64_member(header, "tag", true)?;
            let mut buf = encrypted_key.to_vec();
            match gcm_open(s, &iv, b"", &mut buf, &tag) {
                Ok(()) => Ok(buf),
                Err(ContentError::Length) => Err(Failure::new(
                    JweCode::HeaderInvalid,
                    "The header's \"iv\" must be 12 bytes and \"tag\" 16 for AES-GCM key wrap.",
                )),
                Err(ContentError::Tag) => Err(Failure::new(
                    JweCode::WrongKey,
                    "AES-GCM key unwrap failed (its tag did not match): this is not the shared secret the token was encrypted with.",
                )),
            }
        }
        (KeyAlg::Dir, Usable::Secret(s)) => {
            expect_empty(encrypted_key, alg_name)?;
            Ok(s.to_vec())
        }
        (KeyAlg::Pbes2(hash, n), Usable::Secret(password)) => {
            let count = p2c(header)?;
            let p2s = b64_member(header, "p2s", true)?;
            if p2s.len() < 8 {
                return Err(Failure::new(
                    JweCode::HeaderInvalid,
                    format!("The PBES2 salt \"p2s\" is {} bytes; RFC 7518 §4.8.1.1 requires at least 8.", p2s.len()),
                ));
            }
            let kek = pbes2_kek(hash, password, alg_name, &p2s, count, n);
            kw_unwrap(&kek, encrypted_key, "this is not the password the token was encrypted with")
        }
        _ => Err(Failure::new(
            JweCode::KeyType,
            format!("The key does not fit \"alg\": \"{alg_name}\", which needs {}.", alg.needs()),
        )),
    }
}
