//! JWS signature algorithms (RFC 7518 §3, RFC 8037, RFC 8812, RFC 9864) and what each needs from a key.
//!
//! An [`Algorithm`] is only ever built from an exact, case-sensitive registered name. `none` is not an algorithm
//! here: nothing in this crate can represent "verify without a signature".

use serde::Serialize;
use ts_rs::TS;

/// A JWS signature algorithm jwtlens can verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, TS)]
pub enum Algorithm {
    /// HMAC with SHA-256.
    #[serde(rename = "HS256")]
    Hs256,
    /// HMAC with SHA-384.
    #[serde(rename = "HS384")]
    Hs384,
    /// HMAC with SHA-512.
    #[serde(rename = "HS512")]
    Hs512,
    /// RSASSA-PKCS1-v1_5 with SHA-256.
    #[serde(rename = "RS256")]
    Rs256,
    /// RSASSA-PKCS1-v1_5 with SHA-384.
    #[serde(rename = "RS384")]
    Rs384,
    /// RSASSA-PKCS1-v1_5 with SHA-512.
    #[serde(rename = "RS512")]
    Rs512,
    /// RSASSA-PSS with SHA-256, MGF1-SHA-256, 32-byte salt.
    #[serde(rename = "PS256")]
    Ps256,
    /// RSASSA-PSS with SHA-384, MGF1-SHA-384, 48-byte salt.
    #[serde(rename = "PS384")]
    Ps384,
    /// RSASSA-PSS with SHA-512, MGF1-SHA-512, 64-byte salt.
    #[serde(rename = "PS512")]
    Ps512,
    /// ECDSA on P-256 with SHA-256.
    #[serde(rename = "ES256")]
    Es256,
    /// ECDSA on P-384 with SHA-384.
    #[serde(rename = "ES384")]
    Es384,
    /// ECDSA on P-521 with SHA-512.
    #[serde(rename = "ES512")]
    Es512,
    /// ECDSA on secp256k1 with SHA-256 (RFC 8812).
    #[serde(rename = "ES256K")]
    Es256k,
    /// EdDSA (RFC 8037); jwtlens supports it with Ed25519 keys only.
    #[serde(rename = "EdDSA")]
    EdDsa,
    /// Ed25519, the fully-specified name of RFC 9864.
    #[serde(rename = "Ed25519")]
    Ed25519,
}

/// The hash function an algorithm uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Hash {
    /// SHA-256.
    Sha256,
    /// SHA-384.
    Sha384,
    /// SHA-512.
    Sha512,
}

impl Hash {
    /// Output length in bytes.
    #[must_use]
    pub const fn output_len(self) -> usize {
        match self {
            Self::Sha256 => 32,
            Self::Sha384 => 48,
            Self::Sha512 => 64,
        }
    }
}

/// An elliptic curve of ECDSA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Curve {
    /// NIST P-256 (secp256r1).
    P256,
    /// NIST P-384 (secp384r1).
    P384,
    /// NIST P-521 (secp521r1).
    P521,
    /// secp256k1.
    Secp256k1,
}

impl Curve {
    /// The JWK `crv` name.
    #[must_use]
    pub const fn jwk_name(self) -> &'static str {
        match self {
            Self::P256 => "P-256",
            Self::P384 => "P-384",
            Self::P521 => "P-521",
            Self::Secp256k1 => "secp256k1",
        }
    }

    /// Bytes of one coordinate or scalar (r and s each take this many bytes in a JWS signature).
    #[must_use]
    pub const fn scalar_len(self) -> usize {
        match self {
            Self::P256 | Self::Secp256k1 => 32,
            Self::P384 => 48,
            Self::P521 => 66,
        }
    }

    /// Size of the curve in bits.
    #[must_use]
    pub const fn bits(self) -> usize {
        match self {
            Self::P256 | Self::Secp256k1 => 256,
            Self::P384 => 384,
            Self::P521 => 521,
        }
    }
}

/// The kind of signature an algorithm makes, which decides the key type it needs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Family {
    /// HMAC: a shared secret.
    Hmac(Hash),
    /// RSASSA-PKCS1-v1_5: an RSA public key.
    RsaPkcs1(Hash),
    /// RSASSA-PSS with MGF1 of the same hash and a salt as long as the hash.
    RsaPss(Hash),
    /// ECDSA: an EC public key on this curve; the signature is r‖s.
    Ecdsa(Curve, Hash),
    /// EdDSA: an Ed25519 public key.
    Ed25519,
}

impl Algorithm {
    /// Every supported algorithm, in the order RFC 7518 lists them.
    pub const ALL: &'static [Self] = &[
        Self::Hs256,
        Self::Hs384,
        Self::Hs512,
        Self::Rs256,
        Self::Rs384,
        Self::Rs512,
        Self::Ps256,
        Self::Ps384,
        Self::Ps512,
        Self::Es256,
        Self::Es384,
        Self::Es512,
        Self::Es256k,
        Self::EdDsa,
        Self::Ed25519,
    ];

    /// The algorithm with exactly this registered name (case-sensitive, as RFC 7515 §4.1.1 requires).
    /// Returns `None` for `none`, for unknown names and for names in the wrong case.
    ///
    /// ```
    /// use jwtlens::Algorithm;
    /// assert_eq!(Algorithm::from_name("ES256K"), Some(Algorithm::Es256k));
    /// assert_eq!(Algorithm::from_name("hs256"), None);
    /// assert_eq!(Algorithm::from_name("none"), None);
    /// ```
    #[must_use]
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|a| a.name() == name)
    }

    /// The registered name.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Hs256 => "HS256",
            Self::Hs384 => "HS384",
            Self::Hs512 => "HS512",
            Self::Rs256 => "RS256",
            Self::Rs384 => "RS384",
            Self::Rs512 => "RS512",
            Self::Ps256 => "PS256",
            Self::Ps384 => "PS384",
            Self::Ps512 => "PS512",
            Self::Es256 => "ES256",
            Self::Es384 => "ES384",
            Self::Es512 => "ES512",
            Self::Es256k => "ES256K",
            Self::EdDsa => "EdDSA",
            Self::Ed25519 => "Ed25519",
        }
    }

    /// What kind of signature this is.
    #[must_use]
    pub const fn family(self) -> Family {
        match self {
            Self::Hs256 => Family::Hmac(Hash::Sha256),
            Self::Hs384 => Family::Hmac(Hash::Sha384),
            Self::Hs512 => Family::Hmac(Hash::Sha512),
            Self::Rs256 => Family::RsaPkcs1(Hash::Sha256),
            Self::Rs384 => Family::RsaPkcs1(Hash::Sha384),
            Self::Rs512 => Family::RsaPkcs1(Hash::Sha512),
            Self::Ps256 => Family::RsaPss(Hash::Sha256),
            Self::Ps384 => Family::RsaPss(Hash::Sha384),
            Self::Ps512 => Family::RsaPss(Hash::Sha512),
            Self::Es256 => Family::Ecdsa(Curve::P256, Hash::Sha256),
            Self::Es384 => Family::Ecdsa(Curve::P384, Hash::Sha384),
            Self::Es512 => Family::Ecdsa(Curve::P521, Hash::Sha512),
            Self::Es256k => Family::Ecdsa(Curve::Secp256k1, Hash::Sha256),
            Self::EdDsa | Self::Ed25519 => Family::Ed25519,
        }
    }

    /// True for the HMAC algorithms, which use a shared secret instead of a public key.
    #[must_use]
    pub const fn is_symmetric(self) -> bool {
        matches!(self.family(), Family::Hmac(_))
    }
}

/// Why an `alg` value is not one jwtlens verifies, in one plain sentence with a hint when there is one.
#[must_use]
pub fn explain_unsupported(name: &str) -> String {
    if let Some(a) = Algorithm::ALL.iter().find(|a| a.name().eq_ignore_ascii_case(name)) {
        return format!(
            "\"alg\": \"{name}\" is not a registered algorithm name: names are case-sensitive (RFC 7515 §4.1.1), so strict verifiers reject it. Did the issuer mean \"{}\"?",
            a.name()
        );
    }
    let hint = match name {
        "Ed448" => " Ed448 (EdDSA on Curve448) is registered but not supported by jwtlens.",
        "ES521" => " \"ES521\" is a common typo: the algorithm for P-521 is \"ES512\".",
        "ES224" | "HS1" | "RS1" | "HS224" | "RS224" => " It is not registered for JWS at all (RFC 7518 §3.1).",
        "RSA-OAEP" | "RSA-OAEP-256" | "RSA1_5" | "A128KW" | "A192KW" | "A256KW" | "dir" | "ECDH-ES"
        | "ECDH-ES+A128KW" | "ECDH-ES+A192KW" | "ECDH-ES+A256KW" | "A128GCMKW" | "A192GCMKW" | "A256GCMKW"
        | "PBES2-HS256+A128KW" | "PBES2-HS384+A192KW" | "PBES2-HS512+A256KW" => {
            " It is a JWE key-management algorithm, not a signature algorithm."
        }
        "A128GCM" | "A192GCM" | "A256GCM" | "A128CBC-HS256" | "A192CBC-HS384" | "A256CBC-HS512" => {
            " It is a JWE content-encryption algorithm (an \"enc\" value), not a signature algorithm."
        }
        _ => "",
    };
    format!("\"alg\": \"{name}\" is not a JWS signature algorithm jwtlens can verify.{hint}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_are_case_sensitive() {
        for a in Algorithm::ALL {
            assert_eq!(Algorithm::from_name(a.name()), Some(*a));
            // Every registered name has an upper-case letter, so the lower-case spelling is never accepted.
            assert_eq!(Algorithm::from_name(&a.name().to_lowercase()), None);
        }
        assert_eq!(Algorithm::from_name("none"), None);
        assert_eq!(Algorithm::from_name("NONE"), None);
        assert!(explain_unsupported("hs256").contains("\"HS256\""));
        assert!(explain_unsupported("Ed448").contains("not supported"));
    }
}
