//! ECDH-ES (RFC 7518 §4.6): the ephemeral public key `epk`, validated; the shared secret; the Concat KDF.
//!
//! Invalid-curve attacks are refused by reading `epk` with the curve crates' `PublicKey::from_sec1_bytes`, which
//! checks that the point is on the curve and not the identity; an `epk` on another curve than the recipient's key is
//! refused before any arithmetic. X25519 accepts every u-coordinate, so a shared secret of all zeros (a point of
//! small order) is refused, as RFC 7748 §6.1 allows and jose does.

use serde_json::{Map, Value};
use sha2::{Digest as _, Sha256};

use crate::alg::Curve;

/// An ephemeral public key from the header.
#[derive(Debug, Clone)]
pub(crate) enum Epk {
    P256(p256::PublicKey),
    P384(p384::PublicKey),
    P521(p521::PublicKey),
    X25519([u8; 32]),
}

impl Epk {
    pub(crate) const fn name(&self) -> &'static str {
        match self {
            Self::P256(_) => "P-256",
            Self::P384(_) => "P-384",
            Self::P521(_) => "P-521",
            Self::X25519(_) => "X25519",
        }
    }
}

fn b64(jwk: &Map<String, Value>, name: &str) -> Result<Vec<u8>, String> {
    use base64::Engine as _;
    let text = jwk.get(name).and_then(Value::as_str).ok_or_else(|| format!("\"epk\" has no \"{name}\" string"))?;
    base64::engine::general_purpose::URL_SAFE_NO_PAD
        .decode(text)
        .map_err(|_| format!("\"epk\".\"{name}\" is not base64url"))
}

/// Reads `epk` (a public JWK), checking the point is on its curve.
pub(crate) fn read_epk(epk: Option<&Value>) -> Result<Epk, String> {
    let Some(Value::Object(jwk)) = epk else { return Err("the header has no \"epk\" object".to_owned()) };
    if jwk.contains_key("d") {
        return Err("\"epk\" holds a private key (\"d\"); an ephemeral public key never does".to_owned());
    }
    let kty = jwk.get("kty").and_then(Value::as_str);
    let crv = jwk.get("crv").and_then(Value::as_str);
    match (kty, crv) {
        (Some("OKP"), Some("X25519")) => {
            let x = b64(jwk, "x")?;
            <[u8; 32]>::try_from(x.as_slice())
                .map(Epk::X25519)
                .map_err(|_| format!("\"epk\".\"x\" is {} bytes; an X25519 key is 32", x.len()))
        }
        (Some("EC"), Some(crv @ ("P-256" | "P-384" | "P-521"))) => {
            let size = match crv {
                "P-256" => 32,
                "P-384" => 48,
                _ => 66,
            };
            let (x, y) = (b64(jwk, "x")?, b64(jwk, "y")?);
            if x.len() != size || y.len() != size {
                return Err(format!("\"epk\".\"x\" and \"y\" must be {size} bytes each on {crv}"));
            }
            let mut point = Vec::with_capacity(1 + 2 * size);
            point.push(4);
            point.extend(x);
            point.extend(y);
            let off = || format!("\"epk\" is not a point on {crv} (an invalid-curve attack, or a damaged key)");
            Ok(match crv {
                "P-256" => Epk::P256(p256::PublicKey::from_sec1_bytes(&point).map_err(|_| off())?),
                "P-384" => Epk::P384(p384::PublicKey::from_sec1_bytes(&point).map_err(|_| off())?),
                _ => Epk::P521(p521::PublicKey::from_sec1_bytes(&point).map_err(|_| off())?),
            })
        }
        (Some(kty), Some(crv)) => {
            Err(format!("\"epk\" is a {kty} key on {crv}; ECDH-ES uses P-256, P-384, P-521 or X25519"))
        }
        _ => Err("\"epk\" has no \"kty\" and \"crv\" strings".to_owned()),
    }
}

/// The recipient's private key for key agreement.
pub(crate) enum AgreeKey<'a> {
    P256(&'a p256::ecdsa::SigningKey),
    P384(&'a p384::ecdsa::SigningKey),
    P521(&'a p521::ecdsa::SigningKey),
    X25519(&'a [u8; 32]),
}

impl AgreeKey<'_> {
    pub(crate) const fn curve_name(&self) -> &'static str {
        match self {
            Self::P256(_) => Curve::P256.jwk_name(),
            Self::P384(_) => Curve::P384.jwk_name(),
            Self::P521(_) => Curve::P521.jwk_name(),
            Self::X25519(_) => "X25519",
        }
    }
}

/// The shared secret Z, or why there is none (curves differ, small order).
pub(crate) fn shared_secret(key: &AgreeKey<'_>, epk: &Epk) -> Result<Vec<u8>, String> {
    let z = match (key, epk) {
        (AgreeKey::P256(k), Epk::P256(p)) => {
            p256::ecdh::diffie_hellman(k.as_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (AgreeKey::P384(k), Epk::P384(p)) => {
            p384::ecdh::diffie_hellman(k.as_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (AgreeKey::P521(k), Epk::P521(p)) => {
            let secret =
                p521::SecretKey::from_bytes(&k.to_bytes()).map_err(|_| "the P-521 key is invalid".to_owned())?;
            p521::ecdh::diffie_hellman(secret.to_nonzero_scalar(), p.as_affine()).raw_secret_bytes().to_vec()
        }
        (AgreeKey::X25519(k), Epk::X25519(p)) => {
            let secret = x25519_dalek::StaticSecret::from(**k);
            let shared = secret.diffie_hellman(&x25519_dalek::PublicKey::from(*p));
            if !shared.was_contributory() {
                return Err("\"epk\" is an X25519 point of small order: the shared secret is all zeros".to_owned());
            }
            shared.as_bytes().to_vec()
        }
        (key, epk) => {
            return Err(format!("\"epk\" is on {}, but the key is on {}", epk.name(), key.curve_name()));
        }
    };
    Ok(z)
}

/// The Concat KDF of NIST SP 800-56A §5.8.1 as RFC 7518 §4.6.2 uses it, with SHA-256: `len` bytes from `z`, for
/// algorithm id `alg` (the `enc` for direct ECDH-ES, else the `alg`), `apu` and `apv`.
pub(crate) fn concat_kdf(z: &[u8], len: usize, alg: &str, apu: &[u8], apv: &[u8]) -> Vec<u8> {
    let with_len = |data: &[u8]| {
        let mut out = u32::try_from(data.len()).unwrap_or(u32::MAX).to_be_bytes().to_vec();
        out.extend_from_slice(data);
        out
    };
    let mut other = with_len(alg.as_bytes());
    other.extend(with_len(apu));
    other.extend(with_len(apv));
    other.extend(u32::try_from(len * 8).unwrap_or(u32::MAX).to_be_bytes());
    let mut out = Vec::with_capacity(len + 32);
    let mut counter: u32 = 1;
    while out.len() < len {
        let mut hash = Sha256::new();
        hash.update(counter.to_be_bytes());
        hash.update(z);
        hash.update(&other);
        out.extend(hash.finalize());
        counter = counter.wrapping_add(1);
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    /// RFC 7518 Appendix C: ECDH-ES on P-256 for A128GCM, Alice to Bob; the derived key byte for byte.
    #[test]
    fn rfc7518_appendix_c() {
        let epk: Value = serde_json::json!({"kty":"EC","crv":"P-256",
            "x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0","y":"SLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps"});
        let bob_d = URL_SAFE_NO_PAD.decode("VEmDZpDXXK8p8N0Cndsxs924q6nS1RXFASRl6BfUqdw").unwrap();
        let bob = p256::ecdsa::SigningKey::from_slice(&bob_d).unwrap();
        let epk = read_epk(Some(&epk)).unwrap();
        let z = shared_secret(&AgreeKey::P256(&bob), &epk).unwrap();
        assert_eq!(z[..4], [158, 86, 217, 29]);
        let key = concat_kdf(&z, 16, "A128GCM", b"Alice", b"Bob");
        assert_eq!(URL_SAFE_NO_PAD.encode(key), "VqqN6vgjbSBcIijNcacQGg");
    }

    #[test]
    fn invalid_points_are_refused() {
        // (x, y) of the RFC's epk with y changed: not on P-256.
        let off = serde_json::json!({"kty":"EC","crv":"P-256",
            "x":"gI0GAILBdu7T53akrFmMyGcsF3n5dO7MmwNBHKW5SV0","y":"TLW_xSffzlPWrHEVI30DHM_4egVwt3NQqeUD7nMFpps"});
        assert!(read_epk(Some(&off)).unwrap_err().contains("not a point"));
        let zero = serde_json::json!({"kty":"OKP","crv":"X25519","x":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"});
        let epk = read_epk(Some(&zero)).unwrap();
        let err = shared_secret(&AgreeKey::X25519(&[7; 32]), &epk).unwrap_err();
        assert!(err.contains("small order"), "{err}");
    }
}
