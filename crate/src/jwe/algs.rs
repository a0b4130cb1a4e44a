//! The JWE algorithms jwtlens decrypts (RFC 7518 §4 and §5, RFC 8037 for X25519), by name.

use crate::alg::Hash;

/// A key-management algorithm (`alg`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum KeyAlg {
    /// RSAES-OAEP with SHA-1 (`RSA-OAEP`, false) or SHA-256 (`RSA-OAEP-256`, true).
    RsaOaep(bool),
    /// RSAES-PKCS1-v1_5: decrypt only.
    Rsa15,
    /// ECDH-ES, direct key agreement.
    EcdhEs,
    /// ECDH-ES with AES key wrap of this many key bytes.
    EcdhEsKw(usize),
    /// AES key wrap (RFC 3394) with a key of this many bytes.
    Kw(usize),
    /// AES-GCM key wrap with a key of this many bytes (`iv` and `tag` in the header).
    GcmKw(usize),
    /// The shared secret is the content encryption key.
    Dir,
    /// PBES2 with HMAC-SHA-* and AES key wrap of this many key bytes.
    Pbes2(Hash, usize),
}

impl KeyAlg {
    /// Every algorithm, for tests and the round trips.
    pub(crate) const ALL: &'static [&'static str] = &[
        "RSA-OAEP",
        "RSA-OAEP-256",
        "RSA1_5",
        "ECDH-ES",
        "ECDH-ES+A128KW",
        "ECDH-ES+A192KW",
        "ECDH-ES+A256KW",
        "A128KW",
        "A192KW",
        "A256KW",
        "A128GCMKW",
        "A192GCMKW",
        "A256GCMKW",
        "dir",
        "PBES2-HS256+A128KW",
        "PBES2-HS384+A192KW",
        "PBES2-HS512+A256KW",
    ];

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "RSA-OAEP" => Self::RsaOaep(false),
            "RSA-OAEP-256" => Self::RsaOaep(true),
            "RSA1_5" => Self::Rsa15,
            "ECDH-ES" => Self::EcdhEs,
            "ECDH-ES+A128KW" => Self::EcdhEsKw(16),
            "ECDH-ES+A192KW" => Self::EcdhEsKw(24),
            "ECDH-ES+A256KW" => Self::EcdhEsKw(32),
            "A128KW" => Self::Kw(16),
            "A192KW" => Self::Kw(24),
            "A256KW" => Self::Kw(32),
            "A128GCMKW" => Self::GcmKw(16),
            "A192GCMKW" => Self::GcmKw(24),
            "A256GCMKW" => Self::GcmKw(32),
            "dir" => Self::Dir,
            "PBES2-HS256+A128KW" => Self::Pbes2(Hash::Sha256, 16),
            "PBES2-HS384+A192KW" => Self::Pbes2(Hash::Sha384, 24),
            "PBES2-HS512+A256KW" => Self::Pbes2(Hash::Sha512, 32),
            _ => return None,
        })
    }

    /// What kind of key the algorithm needs, for messages.
    pub(crate) const fn needs(self) -> &'static str {
        match self {
            Self::RsaOaep(_) | Self::Rsa15 => "the recipient's RSA private key",
            Self::EcdhEs | Self::EcdhEsKw(_) => "the recipient's EC (P-256, P-384, P-521) or X25519 private key",
            Self::Kw(_) | Self::GcmKw(_) => "the shared AES key-wrapping secret",
            Self::Dir => "the shared content encryption key",
            Self::Pbes2(..) => "the password",
        }
    }
}

/// A content-encryption algorithm (`enc`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContentAlg {
    /// AES-GCM with a key of this many bytes.
    Gcm(usize),
    /// AES-CBC with HMAC-SHA-2 (RFC 7518 §5.2) with a combined key of this many bytes.
    CbcHs(usize),
}

impl ContentAlg {
    pub(crate) const ALL: &'static [&'static str] =
        &["A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512"];

    pub(crate) fn from_name(name: &str) -> Option<Self> {
        Some(match name {
            "A128GCM" => Self::Gcm(16),
            "A192GCM" => Self::Gcm(24),
            "A256GCM" => Self::Gcm(32),
            "A128CBC-HS256" => Self::CbcHs(32),
            "A192CBC-HS384" => Self::CbcHs(48),
            "A256CBC-HS512" => Self::CbcHs(64),
            _ => return None,
        })
    }

    /// The content encryption key's length in bytes.
    pub(crate) const fn key_len(self) -> usize {
        match self {
            Self::Gcm(n) | Self::CbcHs(n) => n,
        }
    }

    /// The IV's length in bytes.
    pub(crate) const fn iv_len(self) -> usize {
        match self {
            Self::Gcm(_) => 12,
            Self::CbcHs(_) => 16,
        }
    }

    /// The authentication tag's length in bytes.
    pub(crate) const fn tag_len(self) -> usize {
        match self {
            Self::Gcm(_) => 16,
            Self::CbcHs(n) => n / 2,
        }
    }
}
