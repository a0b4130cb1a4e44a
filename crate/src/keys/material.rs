//! Key material: the public half of a key, or an HMAC secret, in the types the signature crates use — and the
//! checks jwtlens makes before a key may ever be used (RSA size and exponent, ROCA, points on the curve).
//!
//! Builders here take raw components (modulus and exponent, a SEC1 point, 32 Ed25519 bytes, secret bytes) from any
//! format and return a [`Built`] key: the same key gives the same [`Built`] whichever format it came in, which is
//! what makes thumbprints and verdicts agree across JWK, SPKI, PKCS#1 and X.509.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use sha2::{Digest as _, Sha256};

use super::KeyCode;
use crate::alg::{Algorithm, Curve};
use crate::arith::rsa::RsaPublicKey;
use crate::finding::Finding;

/// An EC public key on one of the supported curves.
#[derive(Clone)]
pub(crate) enum EcKey {
    /// With the key's odd multiples once [`Material::prepare`] has run.
    P256(p256::ecdsa::VerifyingKey, Option<crate::arith::secp256r1::KeyTable>),
    P384(p384::ecdsa::VerifyingKey),
    P521(p521::ecdsa::VerifyingKey),
    K256(k256::ecdsa::VerifyingKey),
}

impl EcKey {
    pub(crate) const fn curve(&self) -> Curve {
        match self {
            Self::P256(..) => Curve::P256,
            Self::P384(_) => Curve::P384,
            Self::P521(_) => Curve::P521,
            Self::K256(_) => Curve::Secp256k1,
        }
    }

    /// The uncompressed SEC1 encoding `04 ‖ x ‖ y`.
    fn uncompressed(&self) -> Vec<u8> {
        match self {
            Self::P256(k, _) => k.to_encoded_point(false).as_bytes().to_vec(),
            Self::P384(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            Self::P521(k) => k.to_encoded_point(false).as_bytes().to_vec(),
            Self::K256(k) => k.to_encoded_point(false).as_bytes().to_vec(),
        }
    }
}

/// What a key can be used with. Never serialized: secrets must not leave the core.
#[derive(Clone)]
pub(crate) enum Material {
    Rsa(RsaPublicKey),
    Ec(EcKey),
    Ed25519(ed25519_dalek::VerifyingKey),
    /// An X25519 public key (key agreement for ECDH-ES; verifies nothing).
    #[cfg_attr(not(feature = "jwe"), allow(dead_code, reason = "read with the jwe feature"))]
    X25519([u8; 32]),
    Secret(Vec<u8>),
}

impl std::fmt::Debug for Material {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Rsa(k) => write!(f, "Rsa({} bits)", k.bits()),
            Self::Ec(k) => write!(f, "Ec({:?})", k.curve()),
            Self::Ed25519(_) => f.write_str("Ed25519"),
            Self::X25519(_) => f.write_str("X25519"),
            Self::Secret(s) => write!(f, "Secret({} bytes)", s.len()),
        }
    }
}

impl Material {
    /// Precomputes what makes each verification with this key cheaper, for a key that verifies many tokens (a
    /// prepared verifier): today a P-256 key's odd multiples (crate::arith::secp256r1::KeyTable, about three
    /// verifications' work). Other keys have nothing to precompute.
    pub(crate) fn prepare(&mut self) {
        if let Self::Ec(EcKey::P256(key, table @ None)) = self {
            *table = crate::arith::secp256r1::KeyTable::new(key);
        }
    }

    /// The algorithms this kind of key can verify, before any restriction by the key's metadata.
    pub(crate) fn algorithms(&self) -> Vec<Algorithm> {
        use Algorithm as A;
        match self {
            Self::Rsa(_) => vec![A::Rs256, A::Rs384, A::Rs512, A::Ps256, A::Ps384, A::Ps512],
            Self::Ec(k) => vec![match k.curve() {
                Curve::P256 => A::Es256,
                Curve::P384 => A::Es384,
                Curve::P521 => A::Es512,
                Curve::Secp256k1 => A::Es256k,
            }],
            Self::Ed25519(_) => vec![A::EdDsa, A::Ed25519],
            Self::X25519(_) => Vec::new(),
            Self::Secret(_) => vec![A::Hs256, A::Hs384, A::Hs512],
        }
    }

    /// A short description for messages: "an RSA public key (2048 bits)", "an EC P-256 public key", …
    pub(crate) fn describe(&self) -> String {
        match self {
            Self::Rsa(k) => format!("an RSA public key ({} bits)", k.bits()),
            Self::Ec(k) => format!("an EC {} public key", k.curve().jwk_name()),
            Self::Ed25519(_) => "an Ed25519 public key".to_owned(),
            Self::X25519(_) => "an X25519 public key".to_owned(),
            Self::Secret(s) => format!("an HMAC secret ({} bytes)", s.len()),
        }
    }
}

/// A key read from any format: the material (when usable), what to show about it, and what was noticed.
#[derive(Debug, Clone, Default)]
pub(crate) struct Built {
    pub material: Option<Material>,
    pub kty: Option<&'static str>,
    pub crv: Option<&'static str>,
    pub bits: Option<usize>,
    pub thumbprint: Option<String>,
    /// Why the key must not be used (too weak, broken generator, …), in one sentence.
    pub refusal: Option<String>,
    /// Findings about the key (without a location; the caller adds it).
    pub findings: Vec<Finding>,
    /// The pasted key was a private key; only its public half is used for verification.
    pub private: bool,
    /// The private half, for signing only (see `private.rs`).
    pub private_part: Option<super::private::PrivatePart>,
    /// Algorithms the key's own encoding restricts it to (RSASSA-PSS parameters of an SPKI).
    pub pss_restriction: Option<Vec<Algorithm>>,
    pub certificate: Option<super::CertificateInfo>,
}

impl Built {
    fn with(
        material: Material,
        kty: &'static str,
        crv: Option<&'static str>,
        bits: usize,
        thumbprint: Option<String>,
    ) -> Self {
        Self { material: Some(material), kty: Some(kty), crv, bits: Some(bits), thumbprint, ..Self::default() }
    }
}

/// A problem that makes a key unreadable: one error finding.
pub(crate) type Problem = Finding;

fn b64(bytes: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(bytes)
}

/// RFC 7638 thumbprint: base64url(SHA-256) of the required members in lexicographic order, no whitespace. The
/// member values are base64url strings and key-type names, which never need JSON escaping.
fn thumbprint(members: &[(&str, &str)]) -> String {
    let body: Vec<String> = members.iter().map(|(k, v)| format!("\"{k}\":\"{v}\"")).collect();
    b64(&Sha256::digest(format!("{{{}}}", body.join(","))))
}

/// The RFC 7638 thumbprint of a JWK from its members as given (those its `kty` requires, in lexicographic order,
/// JSON-quoted); `None` when the `kty` is unknown or a required member is missing or not a string.
pub(crate) fn jwk_thumbprint(jwk: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    let required: &[&str] = match jwk.get("kty")?.as_str()? {
        "RSA" => &["e", "kty", "n"],
        "EC" => &["crv", "kty", "x", "y"],
        "OKP" => &["crv", "kty", "x"],
        "oct" => &["k", "kty"],
        _ => return None,
    };
    let mut body = Vec::with_capacity(required.len());
    for name in required {
        let value = jwk.get(*name).filter(|v| v.is_string())?;
        body.push(format!("\"{name}\":{value}"));
    }
    Some(b64(&Sha256::digest(format!("{{{}}}", body.join(",")))))
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

fn bit_length(bytes: &[u8]) -> usize {
    let bytes = strip_zeros(bytes);
    match bytes.first() {
        Some(&top) => bytes.len() * 8 - top.leading_zeros() as usize,
        None => 0,
    }
}

/// Primes of the ROCA fingerprint (Nemec et al., CCS 2017, "The Return of Coppersmith's Attack"). Keys made by the
/// vulnerable Infineon library have `n mod p` inside the subgroup generated by 65537 for every one of them; a random
/// modulus passes all 38 tests with negligible probability.
const ROCA_PRIMES: [u32; 38] = [
    3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71, 73, 79, 83, 89, 97, 101, 103, 107, 109,
    113, 127, 131, 137, 139, 149, 151, 157, 163, 167,
];

/// For each of [`ROCA_PRIMES`], the subgroup generated by 65537 modulo that prime, as a bit set over residues
/// (`p < 192`, so three words), computed at compile time.
const ROCA_SUBGROUPS: [[u64; 3]; 38] = roca_subgroups();

#[allow(
    clippy::indexing_slicing,
    reason = "evaluated at compile time only, where an out-of-range index fails the build rather than the run"
)]
const fn roca_subgroups() -> [[u64; 3]; 38] {
    let mut sets = [[0u64; 3]; 38];
    let mut i = 0;
    while i < ROCA_PRIMES.len() {
        let p = ROCA_PRIMES[i];
        let g = 65537 % p;
        let mut x = 1;
        loop {
            sets[i][(x / 64) as usize] |= 1 << (x % 64);
            x = x * g % p;
            if x == 1 {
                break;
            }
        }
        i += 1;
    }
    sets
}

/// True when the modulus carries the ROCA fingerprint, i.e. its factors can be computed in practice.
///
/// Every RSA key read goes through this, so it is kept cheap: `n mod p` for each prime one byte at a time costs a
/// division per byte per prime; instead `n mod P` is taken for products `P` of consecutive primes below 2^32, four
/// bytes per division, and `n mod p = (n mod P) mod p`. A random modulus usually leaves the subgroup at 11 (where
/// 65537 has order 2), so typically one product is needed.
pub(crate) fn roca_fingerprint(modulus: &[u8]) -> bool {
    let mut start = 0;
    while start < ROCA_PRIMES.len() {
        let mut product = 1u64;
        let mut end = start;
        while let Some(&p) = ROCA_PRIMES.get(end) {
            if product * u64::from(p) > u64::from(u32::MAX) {
                break;
            }
            product *= u64::from(p);
            end += 1;
        }
        // Big-endian bytes, most significant (possibly short) chunk first; r < product < 2^32 keeps the shifted
        // value within 64 bits.
        let residue = modulus.rchunks(4).rev().fold(0u64, |r, chunk| {
            let word = chunk.iter().fold(0u64, |w, &b| (w << 8) | u64::from(b));
            ((r << (8 * chunk.len())) | word) % product
        });
        let primes = ROCA_PRIMES.get(start..end).unwrap_or_default();
        let sets = ROCA_SUBGROUPS.get(start..end).unwrap_or_default();
        for (&p, set) in primes.iter().zip(sets) {
            let r = residue % u64::from(p);
            let in_subgroup = set.get((r / 64) as usize).is_some_and(|word| (word >> (r % 64)) & 1 == 1);
            if !in_subgroup {
                return false;
            }
        }
        start = end;
    }
    true
}

/// Largest RSA modulus jwtlens accepts, in bits (16384-bit keys exist in the wild; beyond, verification time grows
/// quadratically for nothing).
const MAX_RSA_BITS: usize = 16384;

/// Builds an RSA key from its big-endian modulus and exponent and applies the policy: under 1024 bits, exponent 1,
/// an even exponent or the ROCA fingerprint refuse the key; under 2048 bits warns.
///
/// # Errors
/// A finding when the numbers cannot be an RSA key at all (empty, even modulus, absurd sizes).
pub(crate) fn rsa(modulus: &[u8], exponent: &[u8]) -> Result<Built, Problem> {
    let n = strip_zeros(modulus);
    let e = strip_zeros(exponent);
    let bits = bit_length(n);
    if n.is_empty() || e.is_empty() {
        return Err(Finding::new(KeyCode::Invalid, "The RSA key's modulus or exponent is zero or empty."));
    }
    if n.last().is_some_and(|b| b % 2 == 0) {
        return Err(Finding::new(
            KeyCode::Invalid,
            "The RSA modulus is even, so it is not the product of two odd primes: this is not a valid RSA key.",
        ));
    }
    if bits > MAX_RSA_BITS {
        return Err(Finding::new(
            KeyCode::Unsupported,
            format!("The RSA key has {bits} bits; jwtlens supports up to {MAX_RSA_BITS}."),
        ));
    }
    let thumb = Some(thumbprint(&[("e", &b64(e)), ("kty", "RSA"), ("n", &b64(n))]));
    let mut built = Built { kty: Some("RSA"), bits: Some(bits), thumbprint: thumb, ..Built::default() };
    let exponent_value = (e.len() <= 8).then(|| e.iter().fold(0u64, |acc, &b| acc << 8 | u64::from(b)));
    let refusal = if exponent_value == Some(1) {
        Some((
            KeyCode::RsaExponent,
            "The RSA public exponent is 1: a \"signature\" then equals the padded message, so anyone can forge one."
                .to_owned(),
        ))
    } else if e.last().is_some_and(|b| b % 2 == 0) {
        Some((
            KeyCode::RsaExponent,
            "The RSA public exponent is even, which no valid RSA key has (it must be coprime to φ(n)).".to_owned(),
        ))
    } else if exponent_value.is_none_or(|v| v > (1 << 33) - 1) {
        Some((
            KeyCode::RsaExponent,
            "The RSA public exponent is larger than 2^33, which jwtlens does not accept (usual keys use 65537)."
                .to_owned(),
        ))
    } else if bits < 1024 {
        Some((
            KeyCode::RsaTooSmall,
            format!(
                "The RSA key has only {bits} bits; keys under 1024 bits can be factored, so signatures made with them prove nothing."
            ),
        ))
    } else if roca_fingerprint(n) {
        Some((KeyCode::RsaRoca, "The RSA key has the ROCA fingerprint (CVE-2017-15361): it was generated by a vulnerable Infineon library and its private key can be computed from the public key.".to_owned()))
    } else {
        None
    };
    if let Some((code, message)) = refusal {
        built.findings.push(Finding::new(code, message.clone()).fix("Do not trust tokens signed with this key. The issuer must generate a new key pair (2048 bits or more, exponent 65537) with a sound library."));
        built.refusal = Some(message);
        return Ok(built);
    }
    if bits < 2048 {
        built.findings.push(
            Finding::new(KeyCode::RsaWeak, format!("The RSA key has {bits} bits; RFC 7518 §3.3 requires at least 2048, and many libraries (jose, Node) reject smaller keys."))
                .fix("Signatures still verify here, but the issuer should move to a 2048-bit or larger key."),
        );
    }
    match RsaPublicKey::new(n, e) {
        Ok(key) => {
            built.material = Some(Material::Rsa(key));
            Ok(built)
        }
        Err(err) => Err(Finding::new(KeyCode::Invalid, format!("The RSA key is not valid: {err}."))),
    }
}

/// Builds an EC key from a SEC1 point (compressed or uncompressed) on `curve`.
///
/// # Errors
/// A finding when the bytes are not a point on the curve.
pub(crate) fn ec(curve: Curve, point: &[u8]) -> Result<Built, Problem> {
    let key = match curve {
        Curve::P256 => p256::ecdsa::VerifyingKey::from_sec1_bytes(point).map(|key| EcKey::P256(key, None)).ok(),
        Curve::P384 => p384::ecdsa::VerifyingKey::from_sec1_bytes(point).map(EcKey::P384).ok(),
        Curve::P521 => p521::ecdsa::VerifyingKey::from_sec1_bytes(point).map(EcKey::P521).ok(),
        Curve::Secp256k1 => k256::ecdsa::VerifyingKey::from_sec1_bytes(point).map(EcKey::K256).ok(),
    };
    let Some(key) = key else {
        return Err(Finding::new(
            KeyCode::InvalidPoint,
            format!("The EC key's point is not on the curve {} (or is the point at infinity): this is not a valid public key.", curve.jwk_name()),
        )
        .fix("The key was damaged, or its coordinates belong to another curve. Copy the key again from the issuer's JWKS."));
    };
    let encoded = key.uncompressed();
    let len = curve.scalar_len();
    let x = encoded.get(1..=len).unwrap_or_default();
    let y = encoded.get(1 + len..).unwrap_or_default();
    let crv = curve.jwk_name();
    let thumb = thumbprint(&[("crv", crv), ("kty", "EC"), ("x", &b64(x)), ("y", &b64(y))]);
    Ok(Built::with(Material::Ec(key), "EC", Some(crv), curve.bits(), Some(thumb)))
}

/// Builds an EC key from a private scalar, deriving the public point.
///
/// # Errors
/// A finding when the scalar is not a valid private key for the curve.
pub(crate) fn ec_from_private(curve: Curve, scalar: &[u8]) -> Result<Built, Problem> {
    let point = match curve {
        Curve::P256 => p256::SecretKey::from_slice(scalar)
            .ok()
            .map(|k| p256::EncodedPoint::from(k.public_key()).as_bytes().to_vec()),
        Curve::P384 => p384::SecretKey::from_slice(scalar)
            .ok()
            .map(|k| p384::EncodedPoint::from(k.public_key()).as_bytes().to_vec()),
        Curve::P521 => p521::SecretKey::from_slice(scalar)
            .ok()
            .map(|k| p521::EncodedPoint::from(k.public_key()).as_bytes().to_vec()),
        Curve::Secp256k1 => k256::SecretKey::from_slice(scalar)
            .ok()
            .map(|k| k256::EncodedPoint::from(k.public_key()).as_bytes().to_vec()),
    };
    let Some(point) = point else {
        return Err(Finding::new(
            KeyCode::Invalid,
            format!("The EC private key is not a valid scalar for {}.", curve.jwk_name()),
        ));
    };
    ec(curve, &point)
}

/// Builds an Ed25519 key from its 32 public bytes.
///
/// # Errors
/// A finding when the bytes are not 32 long or not a valid point.
pub(crate) fn ed25519(public: &[u8]) -> Result<Built, Problem> {
    let bytes: Option<[u8; 32]> = public.try_into().ok();
    let key = bytes.and_then(|b| ed25519_dalek::VerifyingKey::from_bytes(&b).ok());
    let Some(key) = key else {
        return Err(Finding::new(
            KeyCode::InvalidPoint,
            format!(
                "The Ed25519 public key must be 32 bytes encoding a curve point; this one is {} bytes{}.",
                public.len(),
                if public.len() == 32 { " that are not a valid point" } else { "" }
            ),
        ));
    };
    let thumb = thumbprint(&[("crv", "Ed25519"), ("kty", "OKP"), ("x", &b64(key.as_bytes()))]);
    Ok(Built::with(Material::Ed25519(key), "OKP", Some("Ed25519"), 256, Some(thumb)))
}

/// Builds an X25519 public key (RFC 8037): 32 bytes, every value a valid u-coordinate. It verifies no signature;
/// it is read for ECDH-ES (feature `jwe`).
///
/// # Errors
/// A finding when the key is not 32 bytes.
#[cfg(feature = "jwe")]
pub(crate) fn x25519(public: &[u8]) -> Result<Built, Problem> {
    let Ok(bytes) = <[u8; 32]>::try_from(public) else {
        return Err(Finding::new(
            KeyCode::InvalidPoint,
            format!("The X25519 public key must be 32 bytes; this one is {} bytes.", public.len()),
        ));
    };
    let thumb = thumbprint(&[("crv", "X25519"), ("kty", "OKP"), ("x", &b64(&bytes))]);
    let mut built = Built::with(Material::X25519(bytes), "OKP", Some("X25519"), 256, Some(thumb));
    built.findings.push(Finding::new(
        KeyCode::NotForSigning,
        "This is an X25519 key: it agrees on keys for encryption (ECDH-ES, to decrypt or encrypt a JWE) and verifies no signature.",
    ));
    Ok(built)
}

/// Builds an X25519 key from its 32-byte private scalar, deriving the public key.
///
/// # Errors
/// A finding when the scalar is not 32 bytes.
#[cfg(feature = "jwe")]
pub(crate) fn x25519_from_private(scalar: &[u8]) -> Result<Built, Problem> {
    let Ok(scalar) = <[u8; 32]>::try_from(scalar) else {
        return Err(Finding::new(
            KeyCode::Invalid,
            format!("An X25519 private key is 32 bytes; this one is {}.", scalar.len()),
        ));
    };
    let public = x25519_dalek::PublicKey::from(&x25519_dalek::StaticSecret::from(scalar));
    x25519(public.as_bytes())
}

/// Builds an Ed25519 key from its 32-byte private seed, deriving the public key.
///
/// # Errors
/// A finding when the seed is not 32 bytes.
pub(crate) fn ed25519_from_seed(seed: &[u8]) -> Result<Built, Problem> {
    let Ok(seed) = <[u8; 32]>::try_from(seed) else {
        return Err(Finding::new(
            KeyCode::Invalid,
            format!("An Ed25519 private key is 32 bytes; this one is {}.", seed.len()),
        ));
    };
    ed25519(ed25519_dalek::SigningKey::from_bytes(&seed).verifying_key().as_bytes())
}

/// Wraps HMAC secret bytes. No thumbprint: the hash of a guessable secret would let anyone test guesses offline.
///
/// # Errors
/// A finding when the secret is empty.
pub(crate) fn secret(bytes: Vec<u8>) -> Result<Built, Problem> {
    if bytes.is_empty() {
        return Err(Finding::new(
            KeyCode::SecretEmpty,
            "The HMAC secret is empty: an empty key authenticates nothing.",
        )
        .fix("Paste the issuer's shared secret."));
    }
    let bits = bytes.len() * 8;
    Ok(Built::with(Material::Secret(bytes), "oct", None, bits, None))
}

/// True when two built keys hold the same public key (equal RFC 7638 thumbprints).
pub(crate) fn same_public(a: &Built, b: &Built) -> bool {
    a.thumbprint.is_some() && a.thumbprint == b.thumbprint
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::BigUint;

    #[test]
    fn roca_fingerprint_is_rare() {
        // 2^k·65537-free moduli such as a product of small primes almost never pass every test.
        assert!(!roca_fingerprint(&[0xc3, 0x51, 0x0f, 0x17, 0x89, 0xab, 0xcd, 0xef, 0x01, 0x23, 0x45, 0x67]));
        // 65537^k mod p is in the subgroup for every p, so a power of 65537 has the fingerprint by construction.
        let mut n = BigUint::from(1u32);
        for _ in 0..40 {
            n *= BigUint::from(65537u32);
        }
        assert!(roca_fingerprint(&n.to_bytes_be()));
    }

    /// The direct definition: n mod p, one byte at a time, inside the subgroup generated by 65537 mod p.
    fn roca_reference(modulus: &[u8]) -> bool {
        ROCA_PRIMES.iter().all(|&p| {
            let residue = modulus.iter().fold(0u32, |r, &b| (r * 256 + u32::from(b)) % p);
            let g = 65537 % p;
            let mut x = 1;
            loop {
                if x == residue {
                    return true;
                }
                x = x * g % p;
                if x == 1 {
                    return false;
                }
            }
        })
    }

    #[test]
    fn roca_fingerprint_matches_its_definition() {
        // Moduli of every length mod 4 (the chunking), random ones and ones built to pass many or all primes.
        let mut state = 0x9e37_79b9_7f4a_7c15u64;
        let mut passed = 0;
        for len in 1..300usize {
            let bytes: Vec<u8> = (0..len)
                .map(|_| {
                    state ^= state << 13;
                    state ^= state >> 7;
                    state ^= state << 17;
                    state as u8
                })
                .collect();
            assert_eq!(roca_fingerprint(&bytes), roca_reference(&bytes), "{bytes:02x?}");
            let mut power = BigUint::from(1u32);
            for _ in 0..len {
                power *= BigUint::from(65537u32);
            }
            let power = power.to_bytes_be();
            assert!(roca_fingerprint(&power) && roca_reference(&power));
            // 65537^len · 11 mod each prime: 0 mod 11 is outside every subgroup.
            let times_11 = (BigUint::from_bytes_be(&power) * BigUint::from(11u32)).to_bytes_be();
            assert!(!roca_fingerprint(&times_11) && !roca_reference(&times_11));
            passed += usize::from(roca_reference(&bytes));
        }
        assert!(passed < 5, "random moduli almost never pass");
    }

    #[test]
    fn rsa_policy() {
        let n = [0xffu8; 128]; // 1024 bits, odd
        let warn = rsa(&n, &[1, 0, 1]).unwrap();
        assert!(warn.refusal.is_none() && warn.material.is_some());
        assert_eq!(warn.findings[0].code(), "KEY_RSA_WEAK");
        assert!(rsa(&n, &[1]).unwrap().refusal.is_some());
        assert_eq!(rsa(&n, &[1]).unwrap().findings[0].code(), "KEY_RSA_EXPONENT");
        assert_eq!(rsa(&n, &[4]).unwrap().findings[0].code(), "KEY_RSA_EXPONENT");
        assert_eq!(rsa(&[0xff; 127], &[1, 0, 1]).unwrap().findings[0].code(), "KEY_RSA_TOO_SMALL");
        assert_eq!(rsa(&[0xfe; 256], &[1, 0, 1]).unwrap_err().code(), "KEY_INVALID");
        let strong = rsa(&[0xff; 256], &[1, 0, 1]).unwrap();
        assert!(strong.findings.is_empty() && strong.material.is_some());
        // A 2048-bit odd modulus with the ROCA fingerprint (a power of 65537) is refused.
        let mut roca = BigUint::from(1u32);
        while roca.bits() < 2048 {
            roca *= BigUint::from(65537u32);
        }
        let refused = rsa(&roca.to_bytes_be(), &[1, 0, 1]).unwrap();
        assert!(refused.refusal.is_some());
        assert_eq!(refused.findings[0].code(), "KEY_RSA_ROCA");
    }
}
