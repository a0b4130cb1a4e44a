//! What decoding keeps of a JWE for decryption, and the shape of a decryption's result.
//!
//! Decoding (this floor) reads a JWE's parts: the protected header as text (it is the AAD), the encrypted key, IV,
//! ciphertext and tag as bytes, and — for the JSON serialization (RFC 7516 §7.2) — the shared unprotected header,
//! each recipient's header and encrypted key, and `aad`. Decryption itself is [`crate::jwe`] (floor 5, feature
//! `jwe`), which fills a token's [`Decryption`]; the types live here so that a [`super::token::Token`] can hold
//! them without reaching up.

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::base64url;
use crate::finding::{Finding, Part};
use crate::spanned::Spanned;

/// One recipient of a JWE: its per-recipient header and encrypted key.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JweRecipient {
    /// The per-recipient unprotected header (`header`, JSON serialization only).
    pub header: Option<Map<String, Value>>,
    /// The encrypted key (empty for `dir` and `ECDH-ES`).
    pub encrypted_key: Vec<u8>,
}

/// The parts of a JWE that decryption needs, every base64url part decoded. Only present when every part decoded.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct JweParts {
    /// The protected header exactly as encoded (base64url text): the Additional Authenticated Data starts with it.
    pub protected_b64: String,
    /// The protected header, parsed.
    pub protected: Map<String, Value>,
    /// The shared unprotected header (`unprotected`, JSON serialization only).
    pub unprotected: Option<Map<String, Value>>,
    /// The recipients (one for the compact and flattened serializations).
    pub recipients: Vec<JweRecipient>,
    /// The initialization vector.
    pub iv: Vec<u8>,
    /// The ciphertext.
    pub ciphertext: Vec<u8>,
    /// The authentication tag.
    pub tag: Vec<u8>,
    /// The `aad` member as encoded (JSON serialization only): appended to the AAD after a `.`.
    pub aad_b64: Option<String>,
}

impl JweParts {
    /// The Additional Authenticated Data (RFC 7516 §5.1 step 14): ASCII(protected) or ASCII(protected '.' aad).
    #[must_use]
    pub fn aad(&self) -> Vec<u8> {
        match &self.aad_b64 {
            Some(aad) => format!("{}.{aad}", self.protected_b64).into_bytes(),
            None => self.protected_b64.clone().into_bytes(),
        }
    }
}

/// How a decryption ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DecryptionStatus {
    /// The tag matched: `plaintext` is the content.
    Decrypted,
    /// A key was tried and decryption failed (wrong key, altered token, malformed or refused parameters).
    Failed,
    /// No key given fits the token's `alg` (or its `kid`).
    NoKey,
    /// The token's `alg`, `enc`, `zip` or `crit` is not one jwtlens decrypts.
    Unsupported,
}

/// The decrypted content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Plaintext {
    /// The plaintext as text, when it is UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub text: Option<String>,
    /// The plaintext as base64url, when it is not UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub base64url: Option<String>,
    /// Its length in bytes (after decompression).
    pub bytes: usize,
}

impl Plaintext {
    /// Text when UTF-8, else base64url.
    #[must_use]
    pub fn of(bytes: Vec<u8>) -> Self {
        let length = bytes.len();
        match String::from_utf8(bytes) {
            Ok(text) => Self { text: Some(text), base64url: None, bytes: length },
            Err(e) => Self { text: None, base64url: Some(URL_SAFE_NO_PAD.encode(e.as_bytes())), bytes: length },
        }
    }
}

/// The decryption of one JWE with the keys given to `inspect`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Decryption {
    /// How it ended; the findings located on this token say why when it failed.
    pub status: DecryptionStatus,
    /// The key-management algorithm (`alg`) of the recipient tried.
    pub alg: Option<String>,
    /// The content-encryption algorithm (`enc`).
    pub enc: Option<String>,
    /// The compression (`zip`), when the header names one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub zip: Option<String>,
    /// The index (in the result's `keys`) of the key that decrypted the token.
    pub key: Option<usize>,
    /// That key's `kid`.
    pub kid: Option<String>,
    /// Which recipient of a JSON-serialized JWE it was decrypted for (0 for the compact serialization).
    pub recipient: Option<usize>,
    /// The content, when decrypted.
    pub plaintext: Option<Plaintext>,
    /// The index (in `tokens`) of the token decoded from the plaintext, when the plaintext is a token.
    pub inner: Option<usize>,
}

impl Decryption {
    /// A decryption that ended with `status` for `alg` and `enc`, with no key and no plaintext.
    #[must_use]
    pub fn ended(status: DecryptionStatus, alg: Option<&str>, enc: Option<&str>) -> Self {
        Self {
            status,
            alg: alg.map(str::to_owned),
            enc: enc.map(str::to_owned),
            zip: None,
            key: None,
            kid: None,
            recipient: None,
            plaintext: None,
            inner: None,
        }
    }
}

/// Where a token that was not pasted came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Origin {
    /// `decrypted`: the plaintext of a JWE.
    pub kind: OriginKind,
    /// The index (in `tokens`) of the JWE it was decrypted from.
    pub token: usize,
}

/// Kinds of [`Origin`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OriginKind {
    /// The plaintext of a JWE decrypted with the keys given.
    Decrypted,
}

pub(super) fn bytes_of(seg: &Spanned, part: Part, what: &str, findings: &mut Vec<Finding>) -> Option<Vec<u8>> {
    match base64url::decode(seg, part, what) {
        Ok(d) => {
            findings.extend(d.findings);
            Some(d.bytes)
        }
        Err(f) => {
            findings.push(f);
            None
        }
    }
}

/// The parts of a compact JWE (5 segments), when every segment decodes.
pub(super) fn compact_parts(
    segments: &[Spanned],
    protected: Option<&Map<String, Value>>,
    findings: &mut Vec<Finding>,
) -> Option<JweParts> {
    let [h, k, iv, c, t] = segments else { return None };
    let names = [(k, Part::EncryptedKey, "encrypted key"), (iv, Part::Iv, "initialisation vector")];
    let mut decoded = Vec::with_capacity(4);
    let mut ok = true;
    for (seg, part, what) in
        names.into_iter().chain([(c, Part::Ciphertext, "ciphertext"), (t, Part::Tag, "authentication tag")])
    {
        if seg.is_empty() {
            decoded.push(Vec::new());
            continue;
        }
        match bytes_of(seg, part, what, findings) {
            Some(b) => decoded.push(b),
            None => ok = false,
        }
    }
    let protected = protected?.clone();
    let [encrypted_key, iv, ciphertext, tag]: [Vec<u8>; 4] = decoded.try_into().ok()?;
    ok.then(|| JweParts {
        protected_b64: h.text(),
        protected,
        unprotected: None,
        recipients: vec![JweRecipient { header: None, encrypted_key }],
        iv,
        ciphertext,
        tag,
        aad_b64: None,
    })
}
