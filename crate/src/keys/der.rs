//! DER key structures: SPKI (`PUBLIC KEY`), PKCS#1 (`RSA PUBLIC KEY`, `RSA PRIVATE KEY`), PKCS#8 (`PRIVATE KEY`),
//! SEC1 (`EC PRIVATE KEY`) and X.509 certificates, each turned into a [`Built`] key.
//!
//! Private keys are reduced to their public half here (derived from the private scalar or seed, and checked
//! against an embedded public key when there is one); nothing private is kept. Certificates are read for their key
//! and their subject, issuer and validity; their chain, issuer signature and revocation are NOT checked.

use der::asn1::{AnyRef, ObjectIdentifier};
use der::{Decode as _, Tag, Tagged as _};

use super::material::{self, Built, Problem};
use super::private::{self, PrivatePart};
use super::{CertificateInfo, KeyCode};
use crate::alg::{Algorithm, Curve};
use crate::finding::Finding;
use crate::hex::hex;

mod oid {
    use der::asn1::ObjectIdentifier as Oid;
    pub const RSA: Oid = Oid::new_unwrap("1.2.840.113549.1.1.1");
    pub const RSA_PSS: Oid = Oid::new_unwrap("1.2.840.113549.1.1.10");
    pub const RSA_OAEP: Oid = Oid::new_unwrap("1.2.840.113549.1.1.7");
    pub const MGF1: Oid = Oid::new_unwrap("1.2.840.113549.1.1.8");
    pub const EC: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
    pub const P256: Oid = Oid::new_unwrap("1.2.840.10045.3.1.7");
    pub const P384: Oid = Oid::new_unwrap("1.3.132.0.34");
    pub const P521: Oid = Oid::new_unwrap("1.3.132.0.35");
    pub const SECP256K1: Oid = Oid::new_unwrap("1.3.132.0.10");
    pub const ED25519: Oid = Oid::new_unwrap("1.3.101.112");
    pub const ED448: Oid = Oid::new_unwrap("1.3.101.113");
    pub const X25519: Oid = Oid::new_unwrap("1.3.101.110");
    pub const X448: Oid = Oid::new_unwrap("1.3.101.111");
    pub const DSA: Oid = Oid::new_unwrap("1.2.840.10040.4.1");
    pub const SHA1: Oid = Oid::new_unwrap("1.3.14.3.2.26");
    pub const SHA256: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.1");
    pub const SHA384: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.2");
    pub const SHA512: Oid = Oid::new_unwrap("2.16.840.1.101.3.4.2.3");
}

/// Reads one DER TLV with a one-byte tag: `(tag, contents, rest)`. `None` when truncated or malformed.
pub(crate) fn tlv(input: &[u8]) -> Option<(u8, &[u8], &[u8])> {
    let (&tag, rest) = input.split_first()?;
    let (&first, rest) = rest.split_first()?;
    let (len, rest) = if first < 0x80 {
        (usize::from(first), rest)
    } else {
        let count = usize::from(first & 0x7f);
        if count == 0 || count > 4 {
            return None;
        }
        let (bytes, rest) = rest.split_at_checked(count)?;
        (bytes.iter().fold(0usize, |acc, &b| acc << 8 | usize::from(b)), rest)
    };
    let (contents, rest) = rest.split_at_checked(len)?;
    Some((tag, contents, rest))
}

/// True when `signature` is a DER `SEQUENCE { INTEGER r, INTEGER s }` and nothing else: the encoding OpenSSL, Java
/// and Go produce for ECDSA, which JWS does not use.
#[must_use]
pub fn is_der_ecdsa_signature(signature: &[u8]) -> bool {
    let Some((0x30, body, [])) = tlv(signature) else { return false };
    let Some((0x02, r, rest)) = tlv(body) else { return false };
    let Some((0x02, s, [])) = tlv(rest) else { return false };
    !r.is_empty() && !s.is_empty()
}

fn unsupported(what: &str) -> Problem {
    Finding::new(
        KeyCode::Unsupported,
        format!("{what} jwtlens verifies RSA, EC (P-256, P-384, P-521, secp256k1) and Ed25519 keys, and HMAC secrets."),
    )
}

fn invalid(what: &str, err: impl std::fmt::Display) -> Problem {
    Finding::new(KeyCode::Invalid, format!("The {what} could not be read: {err}."))
        .fix("The key text was damaged or truncated. Copy the whole block again, including its BEGIN and END lines.")
}

/// A named curve: `(curve, spelled out)`, where "spelled out" means explicit parameters matched a named curve.
type NamedCurve = (Curve, bool);

/// The curve of EC domain parameters given as a DER tag and contents: a named-curve OID, or explicit parameters
/// (RFC 3279 ECParameters) that spell out one of the supported curves.
fn curve_of_tlv(tag: u8, value: &[u8]) -> Result<NamedCurve, Problem> {
    match tag {
        0x06 => match ObjectIdentifier::from_bytes(value) {
            Ok(oid) => curve_from_oid(oid).map(|c| (c, false)),
            Err(_) => Err(Finding::new(KeyCode::Invalid, "The EC key's curve identifier is malformed.")),
        },
        0x30 => explicit_curve(value)
            .map(|c| (c, true))
            .ok_or_else(|| unsupported("The EC key uses explicit curve parameters that are not those of a JWS curve.")),
        _ => Err(Finding::new(KeyCode::Invalid, "The EC key does not name its curve.")),
    }
}

fn curve_of(params: Option<AnyRef<'_>>) -> Result<NamedCurve, Problem> {
    let Some(params) = params else {
        return Err(Finding::new(KeyCode::Invalid, "The EC key does not name its curve."));
    };
    let tag = match params.tag() {
        Tag::ObjectIdentifier => 0x06,
        Tag::Sequence => 0x30,
        _ => 0,
    };
    curve_of_tlv(tag, params.value())
}

/// The supported curve whose base point explicit ECParameters (the contents of the SEQUENCE) carry. The base point
/// alone identifies the curve; the key's point is then validated on that curve as for any key, so parameters that
/// only pretend to be the curve cannot make a bad point pass.
fn explicit_curve(body: &[u8]) -> Option<Curve> {
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;
    let (0x02, _version, rest) = tlv(body)? else { return None };
    let (0x30, _field, rest) = tlv(rest)? else { return None };
    let (0x30, _curve, rest) = tlv(rest)? else { return None };
    let (0x04, base, _) = tlv(rest)? else { return None };
    let generators: [(Curve, [Vec<u8>; 2]); 4] = [
        (Curve::P256, [false, true].map(|c| p256::AffinePoint::GENERATOR.to_encoded_point(c).as_bytes().to_vec())),
        (Curve::P384, [false, true].map(|c| p384::AffinePoint::GENERATOR.to_encoded_point(c).as_bytes().to_vec())),
        (Curve::P521, [false, true].map(|c| p521::AffinePoint::GENERATOR.to_encoded_point(c).as_bytes().to_vec())),
        (Curve::Secp256k1, [false, true].map(|c| k256::AffinePoint::GENERATOR.to_encoded_point(c).as_bytes().to_vec())),
    ];
    generators.into_iter().find(|(_, g)| g.iter().any(|g| g == base)).map(|(c, _)| c)
}

fn explicit_note(built: &mut Built, named: NamedCurve) {
    if named.1 {
        built.findings.push(
            Finding::new(KeyCode::EcExplicitParameters, format!("The EC key spells out the parameters of {} instead of naming the curve. RFC 5480 requires named curves, and WebCrypto (jose in browsers) rejects such keys.", named.0.jwk_name()))
                .fix("Re-export the key with a named curve (openssl pkey with -param_enc named_curve, or ec -param_enc named_curve)."),
        );
    }
}

fn curve_from_oid(oid: ObjectIdentifier) -> Result<Curve, Problem> {
    match oid {
        oid::P256 => Ok(Curve::P256),
        oid::P384 => Ok(Curve::P384),
        oid::P521 => Ok(Curve::P521),
        oid::SECP256K1 => Ok(Curve::Secp256k1),
        other => Err(unsupported(&format!("The EC key is on the curve with OID {other}, which is not a JWS curve."))),
    }
}

fn other_algorithm(oid: ObjectIdentifier) -> Problem {
    match oid {
        oid::DSA => unsupported("This is a DSA key; JWS has no DSA algorithm."),
        oid::ED448 => unsupported("This is an Ed448 key; jwtlens does not support Ed448."),
        oid::X25519 | oid::X448 => {
            unsupported("This is an X25519/X448 key-agreement key, which cannot verify signatures.")
        }
        oid::RSA_OAEP => {
            unsupported("This RSA key is restricted to RSAES-OAEP encryption and cannot verify signatures.")
        }
        other => unsupported(&format!("The key's algorithm (OID {other}) is not one JWS signs with.")),
    }
}

/// Reads RSASSA-PSS-params (RFC 4055 §3.1) and returns the JWS algorithms they allow: PS256/384/512 when the hash,
/// the MGF1 hash and the salt length are those RFC 7518 §3.5 fixes; none otherwise.
fn pss_restriction(params: Option<AnyRef<'_>>, findings: &mut Vec<Finding>) -> Result<Vec<Algorithm>, Problem> {
    let any_pss = vec![Algorithm::Ps256, Algorithm::Ps384, Algorithm::Ps512];
    let Some(params) = params.filter(|p| p.tag() != Tag::Null) else {
        findings.push(Finding::new(
            KeyCode::RsaPss,
            "This RSA key is an RSASSA-PSS key (id-RSASSA-PSS): it verifies PS256, PS384 and PS512 only, never RS*.",
        ));
        return Ok(any_pss);
    };
    let bad = || Finding::new(KeyCode::Invalid, "The RSASSA-PSS parameters of the key could not be read.");
    if params.tag() != Tag::Sequence {
        return Err(bad());
    }
    let hash_of = |alg_id: &[u8]| -> Option<ObjectIdentifier> {
        let (0x30, body, _) = tlv(alg_id)? else { return None };
        let (0x06, oid, _) = tlv(body)? else { return None };
        ObjectIdentifier::from_bytes(oid).ok()
    };
    let (mut hash, mut mgf_hash, mut salt) = (oid::SHA1, oid::SHA1, 20usize);
    let mut rest = params.value();
    while !rest.is_empty() {
        let (tag, inner, next) = tlv(rest).ok_or_else(bad)?;
        rest = next;
        match tag {
            0xa0 => hash = hash_of(inner).ok_or_else(bad)?,
            0xa1 => {
                let (0x30, body, _) = tlv(inner).ok_or_else(bad)? else { return Err(bad()) };
                let (0x06, mgf, after) = tlv(body).ok_or_else(bad)? else { return Err(bad()) };
                if ObjectIdentifier::from_bytes(mgf).ok() != Some(oid::MGF1) {
                    return Err(unsupported("The RSASSA-PSS key uses a mask generation function other than MGF1."));
                }
                mgf_hash = hash_of(after).ok_or_else(bad)?;
            }
            0xa2 => {
                let (0x02, value, _) = tlv(inner).ok_or_else(bad)? else { return Err(bad()) };
                if value.len() > 4 {
                    return Err(bad());
                }
                salt = value.iter().fold(0usize, |acc, &b| acc << 8 | usize::from(b));
            }
            _ => {}
        }
    }
    let name = |o: ObjectIdentifier| match o {
        oid::SHA1 => "SHA-1".to_owned(),
        oid::SHA256 => "SHA-256".to_owned(),
        oid::SHA384 => "SHA-384".to_owned(),
        oid::SHA512 => "SHA-512".to_owned(),
        other => other.to_string(),
    };
    let allowed = match (hash, salt) {
        (oid::SHA256, 32) if mgf_hash == hash => Some(Algorithm::Ps256),
        (oid::SHA384, 48) if mgf_hash == hash => Some(Algorithm::Ps384),
        (oid::SHA512, 64) if mgf_hash == hash => Some(Algorithm::Ps512),
        _ => None,
    };
    let described = format!("hash {}, MGF1 with {}, salt {salt} bytes", name(hash), name(mgf_hash));
    if let Some(alg) = allowed {
        findings.push(Finding::new(
            KeyCode::RsaPss,
            format!("This RSA key is restricted to RSASSA-PSS with {described}: it verifies {} only.", alg.name()),
        ));
        Ok(vec![alg])
    } else {
        findings.push(
            Finding::new(KeyCode::RsaPssUnusable, format!("This RSA key is restricted to RSASSA-PSS with {described}, which matches no JWS algorithm (PS256/384/512 fix the salt to the hash length)."))
                .fix("The key cannot verify any JWS. Generate the key without PSS restrictions, or with parameters matching PS256, PS384 or PS512."),
        );
        Ok(Vec::new())
    }
}

/// The key inside an SPKI's parts.
fn from_spki_parts(
    algorithm: ObjectIdentifier,
    params: Option<AnyRef<'_>>,
    key: Option<&[u8]>,
) -> Result<Built, Problem> {
    let Some(key) = key else {
        return Err(Finding::new(KeyCode::Invalid, "The public key's bit string has unused bits, so it is not a key."));
    };
    match algorithm {
        oid::RSA | oid::RSA_PSS => {
            let mut notes = Vec::new();
            let restriction = if algorithm == oid::RSA_PSS { Some(pss_restriction(params, &mut notes)?) } else { None };
            let mut built = pkcs1_public(key)?;
            built.findings.extend(notes);
            built.pss_restriction = restriction;
            Ok(built)
        }
        oid::EC => {
            let named = curve_of(params)?;
            let mut built = material::ec(named.0, key)?;
            explicit_note(&mut built, named);
            Ok(built)
        }
        oid::ED25519 => material::ed25519(key),
        #[cfg(feature = "jwe")]
        oid::X25519 => material::x25519(key),
        other => Err(other_algorithm(other)),
    }
}

/// Reads a DER `SubjectPublicKeyInfo` (PEM `PUBLIC KEY`).
///
/// # Errors
/// A finding when the structure is unreadable or the algorithm unsupported.
pub(crate) fn spki(der: &[u8]) -> Result<Built, Problem> {
    let info = spki::SubjectPublicKeyInfoRef::from_der(der).map_err(|e| invalid("public key (SPKI)", e))?;
    from_spki_parts(info.algorithm.oid, info.algorithm.parameters, info.subject_public_key.as_bytes())
}

/// Reads a DER PKCS#1 `RSAPublicKey` (PEM `RSA PUBLIC KEY`).
///
/// # Errors
/// A finding when the structure is unreadable or the key refused outright.
pub(crate) fn pkcs1_public(der: &[u8]) -> Result<Built, Problem> {
    let key = pkcs1::RsaPublicKey::from_der(der).map_err(|e| invalid("RSA public key (PKCS#1)", e))?;
    material::rsa(key.modulus.as_bytes(), key.public_exponent.as_bytes())
}

fn private(mut built: Built, part: PrivatePart) -> Built {
    built.private = true;
    built.private_part = Some(part);
    built
}

/// Reads a DER PKCS#1 `RSAPrivateKey` (PEM `RSA PRIVATE KEY`) and keeps its public half.
///
/// # Errors
/// A finding when the structure is unreadable.
pub(crate) fn pkcs1_private(der: &[u8]) -> Result<Built, Problem> {
    let key = pkcs1::RsaPrivateKey::from_der(der).map_err(|e| invalid("RSA private key (PKCS#1)", e))?;
    let built = material::rsa(key.modulus.as_bytes(), key.public_exponent.as_bytes())?;
    let primes = [key.prime1.as_bytes(), key.prime2.as_bytes()];
    let part = if key.other_prime_infos.is_some() {
        PrivatePart::Unusable("it has more than two prime factors, which jwtlens does not sign with".to_owned())
    } else {
        private::rsa(key.modulus.as_bytes(), key.public_exponent.as_bytes(), key.private_exponent.as_bytes(), &primes)
    };
    Ok(private(built, part))
}

/// The parts of a SEC1 `ECPrivateKey` (RFC 5915): the private scalar, the curve parameters (tag and contents) and
/// the public point, when present.
struct Sec1Parts<'a> {
    scalar: &'a [u8],
    parameters: Option<(u8, &'a [u8])>,
    public: Option<&'a [u8]>,
}

fn sec1_parts(der: &[u8]) -> Option<Sec1Parts<'_>> {
    let (0x30, body, _) = tlv(der)? else { return None };
    let (0x02, [1], rest) = tlv(body)? else { return None };
    let (0x04, scalar, mut rest) = tlv(rest)? else { return None };
    let mut parts = Sec1Parts { scalar, parameters: None, public: None };
    while !rest.is_empty() {
        let (tag, value, next) = tlv(rest)?;
        rest = next;
        match tag {
            0xa0 => parts.parameters = tlv(value).map(|(t, v, _)| (t, v)),
            0xa1 => {
                let (0x03, bits, _) = tlv(value)? else { return None };
                parts.public = match bits.split_first() {
                    Some((0, point)) => Some(point),
                    _ => None,
                };
            }
            _ => {}
        }
    }
    Some(parts)
}

fn ec_private(named: NamedCurve, key: &Sec1Parts<'_>) -> Result<Built, Problem> {
    let mut derived = material::ec_from_private(named.0, key.scalar)?;
    if let Some(embedded) = key.public {
        let embedded = material::ec(named.0, embedded)?;
        if !material::same_public(&derived, &embedded) {
            return Err(Finding::new(
                KeyCode::PrivateMismatch,
                "The EC private key's embedded public key does not belong to its private scalar: the key is corrupted or was tampered with.",
            ));
        }
    }
    explicit_note(&mut derived, named);
    Ok(private(derived, private::ec(named.0, key.scalar)))
}

fn sec1_curve(key: &Sec1Parts<'_>) -> Result<NamedCurve, Problem> {
    match key.parameters {
        Some((tag, value)) => curve_of_tlv(tag, value),
        None => Err(Finding::new(KeyCode::Invalid, "The EC private key does not name its curve.")),
    }
}

/// Reads a DER SEC1 `ECPrivateKey` (PEM `EC PRIVATE KEY`) and derives its public key.
///
/// # Errors
/// A finding when the structure is unreadable or the curve unsupported.
pub(crate) fn sec1(der: &[u8]) -> Result<Built, Problem> {
    let key = sec1_parts(der).ok_or_else(|| invalid("EC private key (SEC1)", "not an ECPrivateKey structure"))?;
    ec_private(sec1_curve(&key)?, &key)
}

/// Reads a DER PKCS#8 `PrivateKeyInfo` (PEM `PRIVATE KEY`) and derives its public key.
///
/// # Errors
/// A finding when the structure is unreadable or the algorithm unsupported.
pub(crate) fn pkcs8(der: &[u8]) -> Result<Built, Problem> {
    let info = pkcs8::PrivateKeyInfo::from_der(der).map_err(|e| invalid("private key (PKCS#8)", e))?;
    match info.algorithm.oid {
        oid::RSA | oid::RSA_PSS => {
            let mut notes = Vec::new();
            let restriction = if info.algorithm.oid == oid::RSA_PSS {
                Some(pss_restriction(info.algorithm.parameters, &mut notes)?)
            } else {
                None
            };
            let mut built = pkcs1_private(info.private_key)?;
            built.findings.extend(notes);
            built.pss_restriction = restriction;
            Ok(built)
        }
        oid::EC => {
            let key = sec1_parts(info.private_key)
                .ok_or_else(|| invalid("EC private key inside PKCS#8", "not an ECPrivateKey structure"))?;
            let named = match info.algorithm.parameters {
                Some(p) => curve_of(Some(p))?,
                None => sec1_curve(&key)?,
            };
            ec_private(named, &key)
        }
        oid::ED25519 => {
            // CurvePrivateKey ::= OCTET STRING (RFC 8410 §7), itself inside the PKCS#8 privateKey OCTET STRING.
            let Some((0x04, seed, [])) = tlv(info.private_key) else {
                return Err(Finding::new(
                    KeyCode::Invalid,
                    "The Ed25519 private key inside PKCS#8 is not a 32-byte OCTET STRING.",
                ));
            };
            let derived = material::ed25519_from_seed(seed)?;
            if let Some(embedded) = info.public_key {
                let embedded = material::ed25519(embedded)?;
                if !material::same_public(&derived, &embedded) {
                    return Err(Finding::new(
                        KeyCode::PrivateMismatch,
                        "The Ed25519 private key's embedded public key does not belong to its seed.",
                    ));
                }
            }
            Ok(private(derived, private::ed25519(seed)))
        }
        #[cfg(feature = "jwe")]
        oid::X25519 => {
            // CurvePrivateKey ::= OCTET STRING (RFC 8410 §7), as for Ed25519.
            let Some((0x04, scalar, [])) = tlv(info.private_key) else {
                return Err(Finding::new(
                    KeyCode::Invalid,
                    "The X25519 private key inside PKCS#8 is not a 32-byte OCTET STRING.",
                ));
            };
            let derived = material::x25519_from_private(scalar)?;
            Ok(private(derived, private::x25519(scalar)))
        }
        other => Err(other_algorithm(other)),
    }
}

/// Reads a DER X.509 certificate (PEM `CERTIFICATE`): its key, subject, issuer and validity. `now` (Unix seconds)
/// is the evaluation time for expiry; without it, expiry is not judged.
///
/// # Errors
/// A finding when the certificate is unreadable or its key unsupported.
pub(crate) fn certificate(der: &[u8], now: Option<i64>) -> Result<Built, Problem> {
    let cert = x509_cert::Certificate::from_der(der).map_err(|e| invalid("certificate (X.509)", e))?;
    let tbs = &cert.tbs_certificate;
    let seconds = |t: x509_cert::time::Time| i64::try_from(t.to_unix_duration().as_secs()).unwrap_or(i64::MAX);
    let not_before = seconds(tbs.validity.not_before);
    let not_after = seconds(tbs.validity.not_after);
    let info = CertificateInfo {
        subject: tbs.subject.to_string(),
        issuer: tbs.issuer.to_string(),
        serial_number: hex(tbs.serial_number.as_bytes()),
        not_before: tbs.validity.not_before.to_date_time().to_string(),
        not_after: tbs.validity.not_after.to_date_time().to_string(),
        not_before_unix: not_before,
        not_after_unix: not_after,
        expired: now.map(|t| t > not_after),
        not_yet_valid: now.map(|t| t < not_before),
        self_issued: tbs.subject == tbs.issuer,
    };
    let spki = &tbs.subject_public_key_info;
    let mut built = from_spki_parts(
        spki.algorithm.oid,
        spki.algorithm.parameters.as_ref().map(AnyRef::from),
        spki.subject_public_key.as_bytes(),
    )?;
    built.findings.insert(
        0,
        Finding::new(KeyCode::Certificate, format!("The key was taken from the X.509 certificate of \"{}\", issued by \"{}\".", info.subject, info.issuer))
            .fix("jwtlens uses only the certificate's key: it does not check the certificate's chain, issuer signature or revocation."),
    );
    if info.expired == Some(true) {
        built.findings.push(
            Finding::new(KeyCode::CertificateExpired, format!("The certificate expired on {} (before the evaluation time).", info.not_after))
                .fix("Its key is still used for verification, as JWT libraries do; but an issuer that rotated its certificate signs with a new key: fetch the current one."),
        );
    }
    if info.not_yet_valid == Some(true) {
        built.findings.push(Finding::new(
            KeyCode::CertificateNotYetValid,
            format!("The certificate is valid only from {} (after the evaluation time).", info.not_before),
        ));
    }
    built.certificate = Some(info);
    Ok(built)
}

/// Tries every DER structure on bytes that came without a PEM label (a bare base64 key such as Keycloak shows).
/// Returns the format and key of the first structure that reads, or `None` when none does.
pub(crate) fn guess(der: &[u8], now: Option<i64>) -> Option<(super::KeyFormat, Result<Built, Problem>)> {
    use super::KeyFormat as F;
    type Reader<'r> = &'r dyn Fn(&[u8]) -> Result<Built, Problem>;
    let readers: [(F, Reader<'_>); 6] = [
        (F::X509, &|d| certificate(d, now)),
        (F::Spki, &spki),
        (F::Pkcs1, &pkcs1_public),
        (F::Pkcs8, &pkcs8),
        (F::Pkcs1Private, &pkcs1_private),
        (F::Sec1, &sec1),
    ];
    let (0x30, _, []) = tlv(der)? else { return None };
    // A structure that parses but holds an unsupported key still identifies the bytes as a key.
    readers.iter().find_map(|(format, read)| match read(der) {
        Err(e) if e.code == super::KeyCode::Invalid => None,
        result => Some((*format, result)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn der_ecdsa_detection() {
        assert!(is_der_ecdsa_signature(&[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]));
        assert!(!is_der_ecdsa_signature(&[0x30, 0x06, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02, 0x00]));
        assert!(!is_der_ecdsa_signature(&[0x30, 0x07, 0x02, 0x01, 0x01, 0x02, 0x01, 0x02]));
        assert!(!is_der_ecdsa_signature(&[0u8; 64]));
        assert_eq!(tlv(&[0x30, 0x82, 0x00, 0x01, 0xff]), Some((0x30, &[0xffu8][..], &[][..])));
        assert_eq!(tlv(&[0x30, 0x85, 0, 0, 0, 0, 1]), None);
    }
}
