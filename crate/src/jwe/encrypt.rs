//! Encryption of test tokens: a plaintext (a signed token, or JSON) wrapped in a compact JWE for a public key or a
//! shared secret. Every algorithm jwtlens decrypts except RSA1_5, which is decrypt-only.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use elliptic_curve::sec1::ToEncodedPoint as _;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

use super::algs::{ContentAlg, KeyAlg};
use super::unwrap::{kw_wrap, pbes2_kek};
use super::{Failure, agree, content, random, rng};
use crate::codes::JweCode;
use crate::finding::{Finding, Location, Part};
use crate::keys::material::{EcKey, Material};
use crate::keys::private::{PrivateKey, PrivatePart};
use crate::keys::{KeyInfo, SecretEncoding};

/// Options for `encrypt`. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct EncryptOptions {
    /// The key-management algorithm. Default: `RSA-OAEP-256` for an RSA key, `ECDH-ES` for an EC or X25519 key,
    /// `A128KW`/`A192KW`/`A256KW` for a secret of 16/24/32 bytes, else `PBES2-HS256+A128KW` (the secret is the
    /// password). `RSA1_5` is refused.
    pub alg: Option<String>,
    /// The content-encryption algorithm. Default `A256GCM`.
    pub enc: Option<String>,
    /// `kid` in the header. Default: the key's own `kid`, when it has one.
    pub kid: Option<String>,
    /// `cty` in the header. Default `JWT` when the plaintext is a compact token, else none.
    pub cty: Option<String>,
    /// Compress the plaintext with raw DEFLATE (`zip: DEF`) before encrypting. Default false.
    pub zip: Option<bool>,
    /// PBES2's iteration count. Default 2048 (jose's); at most 10,000.
    pub p2c: Option<u32>,
    /// How to read a secret given as text. Default `utf8`.
    pub secret_encoding: Option<SecretEncoding>,
}

/// The result of `encrypt`.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Encryption {
    /// The JWE in the compact serialization; `None` when nothing could be encrypted (the findings say why).
    pub token: Option<String>,
    /// The key-management algorithm used.
    pub alg: Option<String>,
    /// The content-encryption algorithm used.
    pub enc: Option<String>,
    /// The index of the key used (in the key text's keys).
    pub key: Option<usize>,
    /// What was noticed: `JWE_ENCRYPT_*` errors, and the key findings.
    pub findings: Vec<Finding>,
}

/// A key ready to encrypt for.
enum Recipient<'a> {
    Rsa(rsa::RsaPublicKey),
    Ec(&'a EcKey),
    X25519([u8; 32]),
    Secret(&'a [u8]),
}

fn recipient(key: &KeyInfo) -> Option<Recipient<'_>> {
    match (&key.material, &key.private_part) {
        (_, Some(PrivatePart::Key(k))) if matches!(**k, PrivateKey::Rsa(_)) => match &**k {
            PrivateKey::Rsa(r) => Some(Recipient::Rsa(r.to_public_key())),
            _ => None,
        },
        (Some(Material::Rsa(public)), _) => {
            let (n, e) = public.components();
            rsa::RsaPublicKey::new(rsa::BigUint::from_bytes_be(n), rsa::BigUint::from(e)).ok().map(Recipient::Rsa)
        }
        (Some(Material::Ec(ec)), _) if !matches!(ec, EcKey::K256(_)) => Some(Recipient::Ec(ec)),
        (Some(Material::X25519(x)), _) => Some(Recipient::X25519(*x)),
        (Some(Material::Secret(s)), _) => Some(Recipient::Secret(s)),
        _ => None,
    }
}

fn default_alg(r: &Recipient<'_>) -> &'static str {
    match r {
        Recipient::Rsa(_) => "RSA-OAEP-256",
        Recipient::Ec(_) | Recipient::X25519(_) => "ECDH-ES",
        Recipient::Secret(s) => match s.len() {
            16 => "A128KW",
            24 => "A192KW",
            32 => "A256KW",
            _ => "PBES2-HS256+A128KW",
        },
    }
}

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// The ephemeral key pair's public JWK and the shared secret Z.
fn ephemeral(r: &Recipient<'_>) -> Result<(Value, Vec<u8>), Failure> {
    let mut rng = rng()?;
    let ec = |crv: &str, point: &[u8], z: Vec<u8>| {
        let size = (point.len() - 1) / 2;
        let (x, y) = point.get(1..).unwrap_or_default().split_at(size);
        (serde_json::json!({"kty": "EC", "crv": crv, "x": b64(x), "y": b64(y)}), z)
    };
    Ok(match r {
        Recipient::Ec(EcKey::P256(k, _)) => {
            let eph = p256::ecdh::EphemeralSecret::random(&mut rng);
            let z =
                eph.diffie_hellman(&p256::PublicKey::from_affine(*k.as_affine()).map_err(|_| no_key("the P-256 key"))?);
            ec("P-256", eph.public_key().to_encoded_point(false).as_bytes(), z.raw_secret_bytes().to_vec())
        }
        Recipient::Ec(EcKey::P384(k)) => {
            let eph = p384::ecdh::EphemeralSecret::random(&mut rng);
            let z =
                eph.diffie_hellman(&p384::PublicKey::from_affine(*k.as_affine()).map_err(|_| no_key("the P-384 key"))?);
            ec("P-384", eph.public_key().to_encoded_point(false).as_bytes(), z.raw_secret_bytes().to_vec())
        }
        Recipient::Ec(EcKey::P521(k)) => {
            let eph = p521::ecdh::EphemeralSecret::random(&mut rng);
            let z =
                eph.diffie_hellman(&p521::PublicKey::from_affine(*k.as_affine()).map_err(|_| no_key("the P-521 key"))?);
            ec("P-521", eph.public_key().to_encoded_point(false).as_bytes(), z.raw_secret_bytes().to_vec())
        }
        Recipient::X25519(public) => {
            let eph = x25519_dalek::StaticSecret::random_from_rng(rng);
            let epk = x25519_dalek::PublicKey::from(&eph);
            let z = eph.diffie_hellman(&x25519_dalek::PublicKey::from(*public));
            if !z.was_contributory() {
                return Err(no_key("the X25519 key, a point of small order,"));
            }
            (serde_json::json!({"kty": "OKP", "crv": "X25519", "x": b64(epk.as_bytes())}), z.as_bytes().to_vec())
        }
        _ => return Err(no_key("this key")),
    })
}

fn no_key(what: &str) -> Failure {
    Failure::new(JweCode::EncryptKey, format!("{what} cannot be encrypted for."))
}

/// The encrypted key, with the header members the algorithm adds; `cek` is replaced for `dir` and ECDH-ES.
fn wrap(
    alg: KeyAlg,
    alg_name: &str,
    enc_name: &str,
    r: &Recipient<'_>,
    cek: &mut Vec<u8>,
    p2c: u32,
    header: &mut Map<String, Value>,
) -> Result<Vec<u8>, Failure> {
    let mismatch = || {
        Failure::new(
            JweCode::EncryptKey,
            format!(
                "The key cannot encrypt with \"alg\": \"{alg_name}\", which needs {}.",
                alg.needs().replace("private key", "public key")
            ),
        )
    };
    match (alg, r) {
        (KeyAlg::RsaOaep(sha256), Recipient::Rsa(public)) => {
            let mut rng = rng()?;
            let wrapped = if sha256 {
                public.encrypt(&mut rng, rsa::Oaep::new::<sha2::Sha256>(), cek)
            } else {
                public.encrypt(&mut rng, rsa::Oaep::new::<sha1::Sha1>(), cek)
            };
            wrapped.map_err(|e| Failure::new(JweCode::EncryptKey, format!("RSA-OAEP encryption failed: {e}.")))
        }
        (KeyAlg::EcdhEs | KeyAlg::EcdhEsKw(_), Recipient::Ec(_) | Recipient::X25519(_)) => {
            let (epk, z) = ephemeral(r)?;
            header.insert("epk".to_owned(), epk);
            match alg {
                KeyAlg::EcdhEsKw(n) => {
                    let kek = agree::concat_kdf(&z, n, alg_name, b"", b"");
                    kw_wrap(&kek, cek).ok_or_else(mismatch)
                }
                _ => {
                    *cek = agree::concat_kdf(&z, cek.len(), enc_name, b"", b"");
                    Ok(Vec::new())
                }
            }
        }
        (KeyAlg::Kw(n), Recipient::Secret(s)) if s.len() == n => kw_wrap(s, cek).ok_or_else(mismatch),
        (KeyAlg::GcmKw(n), Recipient::Secret(s)) if s.len() == n => {
            let iv = random(12)?;
            let mut buf = cek.clone();
            let tag = content::gcm_seal(s, &iv, b"", &mut buf).map_err(|_| mismatch())?;
            header.insert("iv".to_owned(), Value::String(b64(&iv)));
            header.insert("tag".to_owned(), Value::String(b64(&tag)));
            Ok(buf)
        }
        (KeyAlg::Dir, Recipient::Secret(s)) if s.len() == cek.len() => {
            *cek = s.to_vec();
            Ok(Vec::new())
        }
        (KeyAlg::Pbes2(hash, n), Recipient::Secret(password)) => {
            let p2s = random(16)?;
            header.insert("p2s".to_owned(), Value::String(b64(&p2s)));
            header.insert("p2c".to_owned(), Value::from(p2c));
            kw_wrap(&pbes2_kek(hash, password, alg_name, &p2s, p2c, n), cek).ok_or_else(mismatch)
        }
        _ => Err(mismatch()),
    }
}

fn looks_like_token(text: &str) -> bool {
    let dots = text.matches('.').count();
    text.starts_with("eyJ") && (dots == 2 || dots == 4) && !text.contains(char::is_whitespace)
}

/// Encrypts `plaintext` for the first key in `keys` that can be encrypted for. Never fails: `token` is `None` and
/// a finding says why.
#[must_use]
pub fn encrypt(plaintext: &str, keys: &[KeyInfo], options: &EncryptOptions) -> Encryption {
    let mut result = Encryption { token: None, alg: None, enc: None, key: None, findings: Vec::new() };
    match seal(plaintext, keys, options, &mut result) {
        Ok(token) => result.token = Some(token),
        Err(f) => result.findings.push(f.finding(result.key).at(Location {
            part: Some(Part::Key),
            key: result.key,
            ..Location::default()
        })),
    }
    result
}

fn seal(
    plaintext: &str,
    keys: &[KeyInfo],
    options: &EncryptOptions,
    result: &mut Encryption,
) -> Result<String, Failure> {
    let Some((key, r)) = keys.iter().find_map(|k| recipient(k).map(|r| (k, r))) else {
        return Err(Failure::new(
            JweCode::EncryptKey,
            "No key to encrypt for: give the recipient's public key (RSA, EC P-256/384/521, X25519; JWK or PEM) or a shared secret.",
        ));
    };
    result.key = Some(key.index);
    let alg_name = options.alg.clone().unwrap_or_else(|| default_alg(&r).to_owned());
    let enc_name = options.enc.clone().unwrap_or_else(|| "A256GCM".to_owned());
    let alg = KeyAlg::from_name(&alg_name).filter(|a| *a != KeyAlg::Rsa15).ok_or_else(|| {
        Failure::new(
            JweCode::EncryptAlg,
            format!(
                "jwtlens does not encrypt with \"alg\": \"{alg_name}\"{}.",
                if alg_name == "RSA1_5" {
                    " (RSA1_5 is decrypt-only: it is open to padding-oracle attacks)"
                } else {
                    ""
                }
            ),
        )
    })?;
    let enc = ContentAlg::from_name(&enc_name).ok_or_else(|| {
        Failure::new(
            JweCode::EncryptAlg,
            format!("jwtlens does not encrypt with \"enc\": \"{enc_name}\" ({}).", ContentAlg::ALL.join(", ")),
        )
    })?;
    let p2c = options.p2c.unwrap_or(2048);
    if u64::from(p2c) > super::unwrap::MAX_P2C || p2c == 0 {
        return Err(Failure::new(
            JweCode::EncryptAlg,
            format!("p2c must be between 1 and {}.", super::unwrap::MAX_P2C),
        ));
    }
    // The key's own metadata binds it, as for decryption: a signing key or a key for another alg is not used.
    if key.key_use.as_deref() == Some("sig") || key.alg.as_deref().is_some_and(|own| own != alg_name) {
        return Err(Failure::new(
            JweCode::EncryptKey,
            format!(
                "The key is marked for {} and is not used to encrypt with \"alg\": \"{alg_name}\".",
                key.alg
                    .as_deref()
                    .map_or_else(|| "signatures (\"use\": \"sig\")".to_owned(), |a| format!("\"alg\": \"{a}\""))
            ),
        ));
    }
    result.alg = Some(alg_name.clone());
    result.enc = Some(enc_name.clone());
    let mut header = Map::new();
    header.insert("alg".to_owned(), Value::String(alg_name.clone()));
    header.insert("enc".to_owned(), Value::String(enc_name.clone()));
    if let Some(kid) = options.kid.clone().or_else(|| key.kid.clone()) {
        header.insert("kid".to_owned(), Value::String(kid));
    }
    let mut cek = random(enc.key_len())?;
    let encrypted_key = wrap(alg, &alg_name, &enc_name, &r, &mut cek, p2c, &mut header)?;
    let zip = options.zip.unwrap_or(false);
    if zip {
        header.insert("zip".to_owned(), Value::String("DEF".to_owned()));
    }
    let cty = options.cty.clone().or_else(|| looks_like_token(plaintext.trim()).then(|| "JWT".to_owned()));
    if let Some(cty) = cty {
        header.insert("cty".to_owned(), Value::String(cty));
    }
    let protected = b64(Value::Object(header).to_string().as_bytes());
    let body = if zip { content::deflate(plaintext.as_bytes()) } else { plaintext.as_bytes().to_vec() };
    let iv = random(enc.iv_len())?;
    let (ciphertext, tag) = content::seal(enc, &cek, &iv, protected.as_bytes(), &body)
        .map_err(|_| Failure::new(JweCode::EncryptAlg, "Content encryption failed."))?;
    Ok(format!("{protected}.{}.{}.{}.{}", b64(&encrypted_key), b64(&iv), b64(&ciphertext), b64(&tag)))
}
