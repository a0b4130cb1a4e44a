//! A signing key written out: its public JWK (what a verifier needs), and for generated test keys its private JWK and
//! PEM (PKCS#8 private, SPKI public). RSA DER comes from the `rsa` crate; EC and Ed25519 DER are three small fixed
//! structures (RFC 5208 + RFC 5915, RFC 8410, RFC 5480), written here with a tiny DER writer.

use base64::Engine as _;
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use der::asn1::ObjectIdentifier as Oid;
use rsa::pkcs8::{EncodePrivateKey as _, EncodePublicKey as _};
use rsa::traits::{PrivateKeyParts as _, PublicKeyParts as _};
use serde::Serialize;
use ts_rs::TS;

use crate::alg::Curve;
use crate::keys::private::PrivateKey;

/// A JSON Web Key (RFC 7517) as jwtlens writes it: members in the conventional order, absent ones left out.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[ts(optional_fields)]
pub struct Jwk {
    /// `RSA`, `EC`, `OKP` or `oct`.
    pub kty: String,
    /// The curve: `P-256`, `P-384`, `P-521`, `secp256k1`, `Ed25519`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crv: Option<String>,
    /// EC x coordinate, or the Ed25519 public key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub x: Option<String>,
    /// EC y coordinate.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub y: Option<String>,
    /// RSA modulus.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<String>,
    /// RSA public exponent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub e: Option<String>,
    /// The private key: RSA private exponent, EC scalar, Ed25519 seed. Only in private JWKs.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub d: Option<String>,
    /// RSA first prime factor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub p: Option<String>,
    /// RSA second prime factor.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub q: Option<String>,
    /// RSA first CRT exponent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dp: Option<String>,
    /// RSA second CRT exponent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dq: Option<String>,
    /// RSA CRT coefficient.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub qi: Option<String>,
    /// The HMAC secret.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub k: Option<String>,
    /// The key id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kid: Option<String>,
    /// The algorithm the key is for.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub alg: Option<String>,
    /// `sig`.
    #[serde(rename = "use", skip_serializing_if = "Option::is_none")]
    pub key_use: Option<String>,
}

pub(super) fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

fn ec_jwk(curve: Curve, point: &[u8], scalar: Option<&[u8]>) -> Jwk {
    let len = curve.scalar_len();
    Jwk {
        kty: "EC".to_owned(),
        crv: Some(curve.jwk_name().to_owned()),
        x: point.get(1..=len).map(b64),
        y: point.get(1 + len..).map(b64),
        d: scalar.map(b64),
        ..Jwk::default()
    }
}

/// The curve and the uncompressed public point `04 ‖ x ‖ y` of an EC key, and its scalar.
fn ec_parts(key: &PrivateKey) -> Option<(Curve, Vec<u8>, Vec<u8>)> {
    Some(match key {
        PrivateKey::P256(k) => {
            (Curve::P256, k.verifying_key().to_encoded_point(false).as_bytes().to_vec(), k.to_bytes().to_vec())
        }
        PrivateKey::P384(k) => {
            (Curve::P384, k.verifying_key().to_encoded_point(false).as_bytes().to_vec(), k.to_bytes().to_vec())
        }
        PrivateKey::P521(k) => {
            let public = p521::ecdsa::VerifyingKey::from(k);
            (Curve::P521, public.to_encoded_point(false).as_bytes().to_vec(), k.to_bytes().to_vec())
        }
        PrivateKey::K256(k) => {
            (Curve::Secp256k1, k.verifying_key().to_encoded_point(false).as_bytes().to_vec(), k.to_bytes().to_vec())
        }
        PrivateKey::Rsa(_) | PrivateKey::Ed25519(_) | PrivateKey::X25519(_) => return None,
    })
}

/// The public JWK of a private key (`kty`, `crv`, and `x`/`y` or `n`/`e`).
pub(crate) fn public_jwk(key: &PrivateKey) -> Jwk {
    match key {
        PrivateKey::Rsa(k) => Jwk {
            kty: "RSA".to_owned(),
            n: Some(b64(&k.n().to_bytes_be())),
            e: Some(b64(&k.e().to_bytes_be())),
            ..Jwk::default()
        },
        PrivateKey::Ed25519(k) => Jwk {
            kty: "OKP".to_owned(),
            crv: Some("Ed25519".to_owned()),
            x: Some(b64(k.verifying_key().as_bytes())),
            ..Jwk::default()
        },
        ec => ec_parts(ec).map(|(curve, point, _)| ec_jwk(curve, &point, None)).unwrap_or_default(),
    }
}

/// The private JWK of a private key: the public members and `d` (for RSA also the primes and CRT values).
pub(crate) fn private_jwk(key: &PrivateKey) -> Jwk {
    match key {
        PrivateKey::Rsa(k) => {
            let primes = k.primes();
            let prime = |i: usize| primes.get(i).map(|p| b64(&p.to_bytes_be()));
            let crt = |v: Option<&rsa::BigUint>| v.map(|v| b64(&v.to_bytes_be()));
            let qi = k.crt_coefficient().map(|c| b64(&c.to_bytes_be()));
            Jwk {
                d: Some(b64(&k.d().to_bytes_be())),
                p: prime(0),
                q: prime(1),
                dp: crt(k.dp()),
                dq: crt(k.dq()),
                qi,
                ..public_jwk(key)
            }
        }
        PrivateKey::Ed25519(k) => Jwk { d: Some(b64(&k.to_bytes())), ..public_jwk(key) },
        ec => ec_parts(ec).map(|(curve, point, d)| ec_jwk(curve, &point, Some(&d))).unwrap_or_default(),
    }
}

/// One DER TLV.
fn tlv(tag: u8, contents: &[u8]) -> Vec<u8> {
    let mut out = vec![tag];
    let len = contents.len();
    if len < 0x80 {
        out.push(u8::try_from(len).unwrap_or(0));
    } else {
        let bytes: Vec<u8> = len.to_be_bytes().into_iter().skip_while(|&b| b == 0).collect();
        out.push(0x80 | u8::try_from(bytes.len()).unwrap_or(0));
        out.extend(bytes);
    }
    out.extend_from_slice(contents);
    out
}

fn sequence(items: &[Vec<u8>]) -> Vec<u8> {
    tlv(0x30, &items.concat())
}

const EC_PUBLIC_KEY: Oid = Oid::new_unwrap("1.2.840.10045.2.1");
const ED25519: Oid = Oid::new_unwrap("1.3.101.112");

fn curve_oid(curve: Curve) -> Oid {
    match curve {
        Curve::P256 => Oid::new_unwrap("1.2.840.10045.3.1.7"),
        Curve::P384 => Oid::new_unwrap("1.3.132.0.34"),
        Curve::P521 => Oid::new_unwrap("1.3.132.0.35"),
        Curve::Secp256k1 => Oid::new_unwrap("1.3.132.0.10"),
    }
}

fn oid(o: Oid) -> Vec<u8> {
    tlv(0x06, o.as_bytes())
}

fn bit_string(bytes: &[u8]) -> Vec<u8> {
    tlv(0x03, &[&[0u8][..], bytes].concat())
}

/// DER of the private key as PKCS#8 and of its public key as SPKI.
fn der(key: &PrivateKey) -> Option<(Vec<u8>, Vec<u8>)> {
    let version = tlv(0x02, &[0]);
    match key {
        PrivateKey::Rsa(k) => {
            Some((k.to_pkcs8_der().ok()?.as_bytes().to_vec(), k.to_public_key().to_public_key_der().ok()?.into_vec()))
        }
        PrivateKey::Ed25519(k) => {
            let algorithm = sequence(&[oid(ED25519)]);
            let private = sequence(&[version, algorithm.clone(), tlv(0x04, &tlv(0x04, &k.to_bytes()))]);
            let public = sequence(&[algorithm, bit_string(k.verifying_key().as_bytes())]);
            Some((private, public))
        }
        ec => {
            let (curve, point, scalar) = ec_parts(ec)?;
            let algorithm = sequence(&[oid(EC_PUBLIC_KEY), oid(curve_oid(curve))]);
            // RFC 5915 ECPrivateKey, its curve named by the PKCS#8 algorithm and its public key included (as
            // OpenSSL writes it).
            let ec_private_key = sequence(&[tlv(0x02, &[1]), tlv(0x04, &scalar), tlv(0xa1, &bit_string(&point))]);
            let private = sequence(&[version, algorithm.clone(), tlv(0x04, &ec_private_key)]);
            let public = sequence(&[algorithm, bit_string(&point)]);
            Some((private, public))
        }
    }
}

fn pem(label: &str, der: &[u8]) -> String {
    let body = STANDARD.encode(der);
    let lines: Vec<&str> = body.as_bytes().chunks(64).filter_map(|chunk| std::str::from_utf8(chunk).ok()).collect();
    format!("-----BEGIN {label}-----\n{}\n-----END {label}-----\n", lines.join("\n"))
}

/// PEM of the private key (`PRIVATE KEY`, PKCS#8) and of its public key (`PUBLIC KEY`, SPKI).
pub(crate) fn pems(key: &PrivateKey) -> Option<(String, String)> {
    let (private, public) = der(key)?;
    Some((pem("PRIVATE KEY", &private), pem("PUBLIC KEY", &public)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keys::{KeyFormat, KeyOptions, parse_keys};

    #[test]
    fn der_lengths_use_the_long_form_above_127_bytes() {
        assert_eq!(tlv(0x04, &[7; 3]), [4, 3, 7, 7, 7]);
        assert_eq!(&tlv(0x04, &[0; 200])[..3], [4, 0x81, 200]);
        assert_eq!(&tlv(0x04, &[0; 300])[..4], [4, 0x82, 1, 44]);
    }

    #[test]
    fn written_keys_read_back_as_the_same_key() {
        let keys = [
            PrivateKey::P256(p256::ecdsa::SigningKey::from_slice(&[2; 32]).unwrap()),
            PrivateKey::P384(p384::ecdsa::SigningKey::from_slice(&[2; 48]).unwrap()),
            PrivateKey::P521(p521::ecdsa::SigningKey::from_slice(&[1; 66]).unwrap()),
            PrivateKey::K256(k256::ecdsa::SigningKey::from_slice(&[2; 32]).unwrap()),
            PrivateKey::Ed25519(ed25519_dalek::SigningKey::from_bytes(&[2; 32])),
        ];
        for key in &keys {
            let (private_pem, public_pem) = pems(key).unwrap();
            let jwk = serde_json::to_string(&public_jwk(key)).unwrap();
            let read = |text: &str| parse_keys(text, &KeyOptions::default()).keys.remove(0);
            let (a, b, c) = (read(&private_pem), read(&public_pem), read(&jwk));
            assert_eq!(a.format, KeyFormat::Pkcs8, "{key:?}");
            assert!(a.private && a.private_part.is_some() && b.usable && c.usable, "{key:?}");
            assert!(a.thumbprint.is_some() && a.thumbprint == b.thumbprint && b.thumbprint == c.thumbprint, "{key:?}");
            let private = read(&serde_json::to_string(&private_jwk(key)).unwrap());
            assert!(private.private && private.thumbprint == a.thumbprint, "{key:?}");
        }
    }
}
