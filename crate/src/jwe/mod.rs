//! JWE (RFC 7516): decryption with the keys given to `inspect`, and encryption of test tokens. Feature `jwe`.
//!
//! One entry point each way, so that the code can move into a module of its own (issue 27): [`decrypt`] from a
//! decoded token and the keys read to a [`Decryption`] and its findings, and [`encrypt`] from a plaintext and the
//! keys read to an [`Encryption`].
//!
//! Security, as jose does it: the token never chooses the key (`jwk`, `jku`, `x5u`, `x5c` in its header are shown by
//! decoding, never used); the key's type is bound to the algorithm (an RSA key is never a `dir` secret, a secret is
//! never used with RSA-OAEP); a JWK's own `alg`, `use` and `key_ops` restrict it; unknown `crit` is rejected; PBES2's
//! iteration count is capped at 10,000; `zip` output is capped at `limits.inputBytes` and inflating stops there;
//! `epk` must be on the recipient's curve; tags are compared in constant time; RSA1_5 gives no padding oracle.

mod agree;
mod algs;
mod content;
mod encrypt;
mod unwrap;

use serde_json::{Map, Value};

use self::algs::{ContentAlg, KeyAlg};
use self::content::{ContentError, InflateError};
pub use self::encrypt::{EncryptOptions, Encryption, encrypt};
use self::unwrap::Usable;
use crate::codes::JweCode;
use crate::decode::jwe::{Decryption, DecryptionStatus, JweParts, Plaintext};
use crate::decode::token::Token;
use crate::finding::{Finding, Location, Part};
use crate::keys::KeyInfo;
use crate::keys::private::{PrivateKey, PrivatePart};
use crate::limits::{Budget, Limit, Limits};

/// Why one step failed: a `JWE_*` code and the sentence saying what and why.
#[derive(Debug, Clone)]
pub(crate) struct Failure {
    code: JweCode,
    message: String,
}

impl Failure {
    pub(crate) fn new(code: JweCode, message: impl Into<String>) -> Self {
        Self { code, message: message.into() }
    }

    fn finding(self, key: Option<usize>) -> Finding {
        let fix = match self.code {
            JweCode::WrongKey | JweCode::TagMismatch => {
                "Give the recipient's private key (or the shared secret) the token was encrypted for; if it is, the token was altered."
            }
            JweCode::KeyType | JweCode::NoKey => {
                "RSA-OAEP/RSA1_5 need the RSA private key, ECDH-ES the EC or X25519 private key, A*KW/A*GCMKW/dir the shared secret of the right length, PBES2 the password."
            }
            JweCode::P2cTooLarge | JweCode::ZipTooLarge => {
                "Such a token is a denial-of-service attempt; a real issuer does not produce it."
            }
            _ => "The issuer made a JWE that RFC 7516/7518 do not allow, or the token was damaged; copy it again.",
        };
        let mut finding = Finding::new(
            self.code,
            match key {
                Some(k) => format!("Key {}: {}", k + 1, self.message),
                None => self.message,
            },
        );
        if !matches!(self.code, JweCode::Decrypted | JweCode::InnerToken | JweCode::Rsa15 | JweCode::P2cSmall) {
            finding = finding.fix(fix);
        }
        finding.at(Location { part: Some(Part::Ciphertext), key, ..Location::default() })
    }
}

/// Random bytes from the platform (getrandom; `crypto.getRandomValues` in wasm).
pub(crate) fn random(n: usize) -> Result<Vec<u8>, Failure> {
    let mut bytes = vec![0u8; n];
    getrandom::getrandom(&mut bytes).map_err(|_| no_randomness())?;
    Ok(bytes)
}

fn no_randomness() -> Failure {
    Failure::new(JweCode::NoRandomness, "The platform gave no random numbers, which RSA blinding and encryption need.")
}

/// An RNG for the `rsa` crate, after checking the platform has randomness (`OsRng` would panic otherwise).
pub(crate) fn rng() -> Result<rand_core::OsRng, Failure> {
    random(1).map(|_| rand_core::OsRng)
}

/// The JOSE header of one recipient: protected ∪ shared unprotected ∪ per-recipient, which must be disjoint
/// (RFC 7516 §7.2.1).
fn joint_header(parts: &JweParts, recipient: Option<&Map<String, Value>>) -> Result<Map<String, Value>, Failure> {
    let mut joint = parts.protected.clone();
    for extra in [parts.unprotected.as_ref(), recipient].into_iter().flatten() {
        for (name, value) in extra {
            if joint.insert(name.clone(), value.clone()).is_some() {
                return Err(Failure::new(
                    JweCode::HeaderInvalid,
                    format!(
                        "The header parameter \"{name}\" appears in two of the JWE's headers; RFC 7516 §7.2.1 requires them to be disjoint."
                    ),
                ));
            }
        }
    }
    Ok(joint)
}

/// What the header asks for, checked before any key is touched.
struct Plan {
    alg: KeyAlg,
    alg_name: String,
    enc: ContentAlg,
    enc_name: String,
    zip: bool,
    kid: Option<String>,
}

fn unsupported(code: JweCode, message: String) -> (DecryptionStatus, Failure) {
    (DecryptionStatus::Unsupported, Failure::new(code, message))
}

fn plan(
    parts: &JweParts,
    header: &Map<String, Value>,
    notes: &mut Vec<Finding>,
) -> Result<Plan, (DecryptionStatus, Failure)> {
    let failed = |f: Failure| (DecryptionStatus::Failed, f);
    if let Some(crit) = header.get("crit") {
        let names: Vec<&str> =
            crit.as_array().map(|a| a.iter().filter_map(Value::as_str).collect()).unwrap_or_default();
        return Err(unsupported(
            JweCode::CritUnknown,
            format!(
                "The header's \"crit\" ({}) names extensions that must be understood; jwtlens understands none for JWE, so the token must be rejected.",
                if names.is_empty() { crit.to_string() } else { names.join(", ") }
            ),
        ));
    }
    let string = |name: &str| header.get(name).and_then(Value::as_str);
    let alg_name = string("alg")
        .ok_or_else(|| failed(Failure::new(JweCode::HeaderInvalid, "The JWE header has no \"alg\" string.")))?;
    let enc_name = string("enc")
        .ok_or_else(|| failed(Failure::new(JweCode::HeaderInvalid, "The JWE header has no \"enc\" string.")))?;
    let alg = KeyAlg::from_name(alg_name).ok_or_else(|| {
        unsupported(
            JweCode::AlgUnsupported,
            format!(
                "\"alg\": \"{alg_name}\" is not a JWE key-management algorithm jwtlens decrypts ({}).",
                KeyAlg::ALL.join(", ")
            ),
        )
    })?;
    let enc = ContentAlg::from_name(enc_name).ok_or_else(|| {
        unsupported(
            JweCode::EncUnsupported,
            format!(
                "\"enc\": \"{enc_name}\" is not a content-encryption algorithm jwtlens decrypts ({}).",
                ContentAlg::ALL.join(", ")
            ),
        )
    })?;
    let zip = match (parts.protected.get("zip"), header.get("zip")) {
        (_, None) => false,
        (Some(Value::String(z)), _) if z == "DEF" => true,
        (None, Some(_)) => {
            return Err(failed(Failure::new(
                JweCode::HeaderInvalid,
                "\"zip\" must be in the protected header (RFC 7516 §4.1.3); here it is unprotected.",
            )));
        }
        (Some(z), _) => {
            return Err(unsupported(
                JweCode::ZipUnsupported,
                format!("\"zip\": {z} is not a compression jwtlens inflates; JWE defines only \"DEF\"."),
            ));
        }
    };
    if alg == KeyAlg::Rsa15 {
        notes.push(Failure::new(JweCode::Rsa15, "\"alg\": \"RSA1_5\" (RSAES-PKCS1-v1_5) is open to padding-oracle attacks (Bleichenbacher); jose and RFC 8725 advise against it. It is decrypted here, but issue new tokens with RSA-OAEP-256 or ECDH-ES.").finding(None));
    }
    if let KeyAlg::Pbes2(..) = alg {
        let count = unwrap::p2c(header).map_err(failed)?;
        if u64::from(count) < unwrap::MIN_P2C {
            notes.push(Failure::new(JweCode::P2cSmall, format!("The PBES2 iteration count \"p2c\" is {count}; RFC 7518 §4.8.1.2 recommends at least {}: a small count makes the password cheap to guess.", unwrap::MIN_P2C)).finding(None));
        }
    }
    let kid = string("kid").map(str::to_owned);
    Ok(Plan { alg, alg_name: alg_name.to_owned(), enc, enc_name: enc_name.to_owned(), zip, kid })
}

/// The key ready for `alg`, or why this key does not fit it.
fn usable<'a>(alg: KeyAlg, alg_name: &str, enc: ContentAlg, key: &'a KeyInfo) -> Result<Usable<'a>, String> {
    if key.key_use.as_deref() == Some("sig") {
        return Err("it is marked \"use\": \"sig\" (for signatures, not encryption)".to_owned());
    }
    if let Some(ops) = &key.key_ops
        && !ops.iter().any(|o| matches!(o.as_str(), "decrypt" | "unwrapKey" | "deriveKey" | "deriveBits"))
    {
        return Err("its \"key_ops\" do not include decrypt, unwrapKey or deriveKey".to_owned());
    }
    // A JWK's `alg` names the algorithm it is for; a `dir` key may name the `enc` it is the key of (RFC 7520 §5.6).
    let dir_enc = alg == KeyAlg::Dir && key.alg.as_deref() == Some(enc_name_of(enc));
    if let Some(own) = key.alg.as_deref().filter(|a| *a != alg_name && !dir_enc) {
        return Err(format!("its own \"alg\" is {own}"));
    }
    let private = match &key.private_part {
        Some(PrivatePart::Key(k)) => Some(k.as_ref()),
        _ => None,
    };
    let secret = match &key.material {
        Some(crate::keys::material::Material::Secret(s)) => Some(s.as_slice()),
        _ => None,
    };
    let kind = key.kty.as_deref().unwrap_or("unknown");
    match alg {
        KeyAlg::RsaOaep(_) | KeyAlg::Rsa15 => match private {
            Some(PrivateKey::Rsa(rsa)) => Ok(Usable::Rsa(rsa)),
            _ if kind == "RSA" => Err("it is an RSA public key; decryption needs the private key".to_owned()),
            _ => Err(format!("it is a {kind} key, and {alg_name} needs an RSA private key")),
        },
        KeyAlg::EcdhEs | KeyAlg::EcdhEsKw(_) => match private {
            Some(PrivateKey::P256(k)) => Ok(Usable::Agree(agree::AgreeKey::P256(k))),
            Some(PrivateKey::P384(k)) => Ok(Usable::Agree(agree::AgreeKey::P384(k))),
            Some(PrivateKey::P521(k)) => Ok(Usable::Agree(agree::AgreeKey::P521(k))),
            Some(PrivateKey::X25519(k)) => Ok(Usable::Agree(agree::AgreeKey::X25519(k))),
            _ if matches!(kind, "EC" | "OKP") && !key.private => {
                Err("it is a public key; decryption needs the private key".to_owned())
            }
            _ => Err(format!(
                "it is a {kind} key ({}), and {alg_name} needs a P-256, P-384, P-521 or X25519 private key",
                key.crv.as_deref().unwrap_or("no curve")
            )),
        },
        KeyAlg::Kw(n) | KeyAlg::GcmKw(n) => match secret {
            Some(s) if s.len() == n => Ok(Usable::Secret(s)),
            Some(s) => {
                Err(format!("{alg_name} needs a {n}-byte ({}-bit) secret; this one is {} bytes", n * 8, s.len()))
            }
            None => Err(format!("it is a {kind} key, and {alg_name} needs a shared secret")),
        },
        KeyAlg::Dir => match secret {
            Some(s) if s.len() == enc.key_len() => Ok(Usable::Secret(s)),
            Some(s) => Err(format!(
                "with \"dir\" the secret is the content key, which {} needs to be {} bytes; this one is {}",
                enc_name_of(enc),
                enc.key_len(),
                s.len()
            )),
            None => Err(format!("it is a {kind} key; \"dir\" needs the shared content encryption key")),
        },
        KeyAlg::Pbes2(..) => {
            secret.map(Usable::Secret).ok_or_else(|| format!("it is a {kind} key; {alg_name} needs a password"))
        }
    }
}

fn enc_name_of(enc: ContentAlg) -> &'static str {
    ContentAlg::ALL.iter().copied().find(|n| ContentAlg::from_name(n) == Some(enc)).unwrap_or("enc")
}

/// One key tried on one recipient: the plaintext, or why not.
fn attempt(
    parts: &JweParts,
    plan: &Plan,
    header: &Map<String, Value>,
    key: &Usable<'_>,
    encrypted_key: &[u8],
    limits: &Limits,
) -> Result<Vec<u8>, Failure> {
    let cek = unwrap::cek(plan.alg, &plan.alg_name, plan.enc, &plan.enc_name, key, header, encrypted_key)?;
    if cek.len() != plan.enc.key_len() {
        return Err(Failure::new(
            JweCode::CekLength,
            format!(
                "The content encryption key is {} bytes; {} needs {}.",
                cek.len(),
                plan.enc_name,
                plan.enc.key_len()
            ),
        ));
    }
    if parts.iv.len() != plan.enc.iv_len() || parts.tag.len() != plan.enc.tag_len() {
        return Err(Failure::new(
            JweCode::Malformed,
            format!(
                "{} needs a {}-byte IV and a {}-byte tag; the token has {} and {}.",
                plan.enc_name,
                plan.enc.iv_len(),
                plan.enc.tag_len(),
                parts.iv.len(),
                parts.tag.len()
            ),
        ));
    }
    let plain = content::open(plan.enc, &cek, &parts.iv, &parts.aad(), &parts.ciphertext, &parts.tag).map_err(|e| match e {
        ContentError::Tag => Failure::new(JweCode::TagMismatch, "The authentication tag does not match: the key is not the one the token was encrypted with, or the token was altered."),
        ContentError::Length => Failure::new(JweCode::CekLength, "The content encryption key does not fit enc."),
    })?;
    if !plan.zip {
        return Ok(plain);
    }
    let cap = limits.count(Limit::InputBytes);
    content::inflate(&plain, cap).map_err(|e| match e {
        InflateError::TooLarge => Failure::new(JweCode::ZipTooLarge, format!(
            "The compressed plaintext ({} bytes) inflates to more than {} bytes (limits.inputBytes); inflating stopped there. This is a decompression bomb (CVE-2024-28176 in jose).", plain.len(), cap
        )),
        InflateError::Invalid => Failure::new(JweCode::ZipInvalid, "The header says \"zip\": \"DEF\", but the plaintext is not raw DEFLATE."),
    })
}

/// Decrypts one JWE token with the keys read: the decryption and its findings (not yet located on the token). Never
/// fails: every failure is a `JWE_*` finding. Signature-check budget: one check per key tried.
#[must_use]
pub fn decrypt(token: &Token, keys: &[KeyInfo], limits: &Limits, budget: &Budget) -> (Decryption, Vec<Finding>) {
    let header = token.header_object();
    let name = |n: &str| header.and_then(|h| h.get(n)).and_then(Value::as_str);
    let mut findings = Vec::new();
    let Some(parts) = token.jwe.as_deref() else {
        let f = Failure::new(
            JweCode::Malformed,
            "A part of the JWE did not decode (see the findings above), so it cannot be decrypted.",
        );
        return (Decryption::ended(DecryptionStatus::Failed, name("alg"), name("enc")), vec![f.finding(None)]);
    };
    let mut last = Decryption::ended(DecryptionStatus::NoKey, name("alg"), name("enc"));
    let mut failures: Vec<Finding> = Vec::new();
    for (index, recipient) in parts.recipients.iter().enumerate() {
        let joint = match joint_header(parts, recipient.header.as_ref()) {
            Ok(j) => j,
            Err(f) => {
                failures.push(f.finding(None));
                last.status = DecryptionStatus::Failed;
                continue;
            }
        };
        let string = |n: &str| joint.get(n).and_then(Value::as_str);
        let mut result = Decryption::ended(DecryptionStatus::NoKey, string("alg"), string("enc"));
        result.recipient = Some(index);
        result.zip = string("zip").map(str::to_owned);
        // This recipient's notes (RSA1_5, a small p2c): kept alone when it decrypts, since another recipient's
        // algorithm is not how this token was read (RFC 7520 §5.13: RSA1_5 beside ECDH-ES+A256KW and A256GCMKW).
        let mut notes = Vec::new();
        let plan = match plan(parts, &joint, &mut notes) {
            Ok(plan) => plan,
            Err((status, f)) => {
                findings.append(&mut notes);
                failures.push(f.finding(None));
                result.status = status;
                last = result;
                continue;
            }
        };
        match try_keys(parts, &plan, &joint, &recipient.encrypted_key, keys, limits, budget, &mut failures) {
            Some((key, plain)) => {
                result.status = DecryptionStatus::Decrypted;
                result.key = Some(key.index);
                result.kid = key.kid.clone();
                notes.push(decrypted(key, &plan, plain.len()));
                result.plaintext = Some(Plaintext::of(plain));
                return (result, notes);
            }
            None => {
                findings.append(&mut notes);
                result.status = if failures.iter().any(|f| f.code != JweCode::KeyType && f.code != JweCode::NoKey) {
                    DecryptionStatus::Failed
                } else {
                    DecryptionStatus::NoKey
                };
                last = result;
            }
        }
    }
    findings.extend(failures);
    (last, findings)
}

/// The `JWE_DECRYPTED` finding: which key, which algorithms, how much plaintext.
fn decrypted(key: &KeyInfo, plan: &Plan, bytes: usize) -> Finding {
    let kid = key.kid.as_deref().map(|k| format!(" (kid \"{k}\")")).unwrap_or_default();
    let message = format!(
        "Decrypted with key {}{kid} ({} + {}): {bytes} bytes of plaintext; the tag matched.",
        key.index + 1,
        plan.alg_name,
        plan.enc_name
    );
    Finding::new(JweCode::Decrypted, message).at(Location {
        part: Some(Part::Ciphertext),
        key: Some(key.index),
        ..Location::default()
    })
}

/// Tries every key that fits (those with the token's `kid` only, when some have it) until one decrypts.
#[allow(clippy::too_many_arguments, reason = "one call site; the parts of one decryption")]
fn try_keys<'k>(
    parts: &JweParts,
    plan: &Plan,
    header: &Map<String, Value>,
    encrypted_key: &[u8],
    keys: &'k [KeyInfo],
    limits: &Limits,
    budget: &Budget,
    failures: &mut Vec<Finding>,
) -> Option<(&'k KeyInfo, Vec<u8>)> {
    let mut fitting = Vec::new();
    for key in keys {
        match usable(plan.alg, &plan.alg_name, plan.enc, key) {
            Ok(u) => fitting.push((key, u)),
            Err(why) if key.material.is_some() || key.private_part.is_some() => failures.push(
                Failure::new(JweCode::KeyType, format!("not used for \"alg\": \"{}\": {why}.", plan.alg_name))
                    .finding(Some(key.index)),
            ),
            Err(_) => {}
        }
    }
    if let Some(kid) = &plan.kid
        && fitting.iter().any(|(k, _)| k.kid.as_deref() == Some(kid.as_str()))
    {
        fitting.retain(|(k, _)| k.kid.as_deref() == Some(kid.as_str()));
    }
    if fitting.is_empty() {
        failures.push(
            Failure::new(
                JweCode::NoKey,
                format!(
                    "None of the {} key(s) given can decrypt this JWE: \"alg\": \"{}\" needs {}.",
                    keys.len(),
                    plan.alg_name,
                    plan.alg.needs()
                ),
            )
            .finding(None),
        );
        return None;
    }
    for (key, usable) in fitting {
        if !budget.take(1) {
            failures.push(limits.finding(
                Limit::Checks,
                "The decryption attempts exhausted limits.checks",
                "the remaining keys were not tried",
            ));
            return None;
        }
        match attempt(parts, plan, header, &usable, encrypted_key, limits) {
            Ok(plain) => return Some((key, plain)),
            Err(f) => failures.push(f.finding(Some(key.index))),
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    #[test]
    fn no_randomness_is_a_finding() {
        assert_eq!(no_randomness().finding(None).code(), "JWE_NO_RANDOMNESS");
        assert_eq!(random(16).map(|b| b.len()).ok(), Some(16));
    }

    /// `zip: DEF` over content that is not DEFLATE (made here: encryption always compresses what it marks).
    #[test]
    fn zip_that_is_not_deflate() {
        let cek = [7u8; 32];
        let protected = URL_SAFE_NO_PAD.encode(r#"{"alg":"dir","enc":"A256GCM","zip":"DEF"}"#);
        let iv = [1u8; 12];
        let (ciphertext, tag) =
            content::seal(ContentAlg::Gcm(32), &cek, &iv, protected.as_bytes(), b"\xff\xff\xff").unwrap();
        let b = |x: &[u8]| URL_SAFE_NO_PAD.encode(x);
        let token = format!("{protected}..{}.{}.{}", b(&iv), b(&ciphertext), b(&tag));
        let keys = URL_SAFE_NO_PAD.encode(cek);
        let options = crate::InspectOptions {
            keys: Some(format!(r#"{{"kty":"oct","k":"{keys}"}}"#).into()),
            ..Default::default()
        };
        let result = crate::inspect(token.as_str(), &options);
        assert!(result.findings.iter().any(|f| f.code() == "JWE_ZIP_INVALID"), "{:?}", result.findings);
    }
}
