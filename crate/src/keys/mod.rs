//! Keys: whatever a person pastes as "the key", detected and read — a JWK, a JWKS, PEM blocks (SPKI, PKCS#1,
//! PKCS#8, SEC1, X.509 certificates, several in one paste), a bare base64 DER key, or an HMAC secret.
//!
//! [`parse_keys`] reports what it found as [`KeyInfo`] rows (format, type, curve or size, `kid`, `alg`, `use`,
//! RFC 7638 thumbprint) and [`Finding`]s. Private keys are reduced to their public half with a warning. Keys that
//! must not be trusted (RSA under 1024 bits, exponent 1 or even, the ROCA fingerprint, empty secrets, secrets
//! published next to public keys) are kept as rows but marked unusable.
//!
//! What this does NOT do: fetch anything (no JWKS URLs, no `x5u`), check certificate chains, or read the clock —
//! certificate expiry is judged only against [`KeyOptions::now`].

#![allow(clippy::result_large_err, reason = "the error is a Finding, made at most once per key, never in a hot loop")]

mod der;
mod jwk;
pub(crate) mod material;
mod pem;
pub(crate) mod private;
mod secret;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use self::der::is_der_ecdsa_signature;

/// The RFC 7638 thumbprint (base64url SHA-256) of a JWK given as JSON members, computed from its required members
/// as written: what a DPoP-bound access token's `cnf.jkt` names. Reads nothing else of the key, so the decoder-only
/// module computes it without linking the key readers. `None` for an unknown `kty` or a missing member.
#[must_use]
pub fn jwk_thumbprint(jwk: &serde_json::Map<String, serde_json::Value>) -> Option<String> {
    material::jwk_thumbprint(jwk)
}
use self::material::{Built, Material};
use crate::alg::Algorithm;
use crate::codes::KeyCode;
use crate::finding::{Finding, Location, Part};
use crate::input::TextOrBytes;
use crate::limits::{Limit, Limits, count};

/// How an HMAC secret typed as text is turned into bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum SecretEncoding {
    /// The UTF-8 bytes of the text (what most frameworks do with a configured secret).
    #[default]
    Utf8,
    /// Standard base64 (`+`, `/`; padding optional).
    Base64,
    /// base64url (`-`, `_`; padding optional).
    Base64url,
    /// Hexadecimal digits (an optional `0x` prefix and whitespace are allowed).
    Hex,
}

/// Options for [`parse_keys`]. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct KeyOptions {
    /// How to read an HMAC secret. Default `utf8`.
    #[serde(default)]
    #[ts(optional, as = "Option<SecretEncoding>")]
    pub secret_encoding: SecretEncoding,
    /// The evaluation time certificates are judged at, in seconds since the Unix epoch (as `inspect`'s `now`).
    /// Without it, expiry is not judged: jwtlens never reads the clock (the JS API passes the caller's).
    #[ts(optional, type = "number | Date | null")]
    #[serde(default)]
    pub now: Option<f64>,
    /// How much to read (`inputBytes` of the key text, `keys`, and `members`/`depth` of JSON keys). Default: each
    /// limit's default (see `Limits`).
    #[serde(default)]
    #[ts(optional, as = "Option<Limits>")]
    pub limits: Limits,
}

/// The format a key was pasted in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeyFormat {
    /// A single JSON Web Key.
    Jwk,
    /// An entry of a JSON Web Key Set (`{"keys": [...]}`).
    Jwks,
    /// `PUBLIC KEY`: X.509 SubjectPublicKeyInfo.
    Spki,
    /// `RSA PUBLIC KEY`: PKCS#1 RSAPublicKey.
    Pkcs1,
    /// `CERTIFICATE`: an X.509 certificate.
    X509,
    /// `PRIVATE KEY`: PKCS#8.
    Pkcs8,
    /// `RSA PRIVATE KEY`: PKCS#1 RSAPrivateKey.
    Pkcs1Private,
    /// `EC PRIVATE KEY`: SEC1 ECPrivateKey.
    Sec1,
    /// An HMAC secret.
    Secret,
    /// Something that could not be identified as any key format.
    Unknown,
}

/// What a certificate says about itself. Nothing here was checked against a trust anchor.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CertificateInfo {
    /// Subject distinguished name (RFC 4514 string).
    pub subject: String,
    /// Issuer distinguished name.
    pub issuer: String,
    /// Serial number, hex.
    pub serial_number: String,
    /// Start of validity, `YYYY-MM-DDTHH:MM:SSZ`.
    pub not_before: String,
    /// End of validity, `YYYY-MM-DDTHH:MM:SSZ`.
    pub not_after: String,
    /// Start of validity, Unix seconds.
    pub not_before_unix: i64,
    /// End of validity, Unix seconds.
    pub not_after_unix: i64,
    /// Expired at the evaluation time; `None` when no evaluation time was given.
    pub expired: Option<bool>,
    /// Not yet valid at the evaluation time; `None` when no evaluation time was given.
    pub not_yet_valid: Option<bool>,
    /// Subject equals issuer (a self-issued, usually self-signed, certificate).
    pub self_issued: bool,
}

/// One key found in the pasted text.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyInfo {
    /// Position in [`KeySet::keys`]; findings about this key carry it as `location.key`.
    pub index: usize,
    /// Which part of the paste it came from: the n-th PEM block, JWKS entry or JSON array element (0-based).
    pub source: usize,
    /// The format it was pasted in.
    pub format: KeyFormat,
    /// `RSA`, `EC`, `OKP` or `oct` (as given by a JWK, even when the key could not be read).
    pub kty: Option<String>,
    /// The curve: `P-256`, `P-384`, `P-521`, `secp256k1`, `Ed25519`.
    pub crv: Option<String>,
    /// Size in bits: RSA modulus, curve size, or secret length.
    pub bits: Option<usize>,
    /// The JWK `kid`.
    pub kid: Option<String>,
    /// The JWK `alg`.
    pub alg: Option<String>,
    /// The JWK `use`.
    #[serde(rename = "use")]
    pub key_use: Option<String>,
    /// The JWK `key_ops`.
    pub key_ops: Option<Vec<String>>,
    /// RFC 7638 thumbprint (base64url SHA-256) of the public key. Never computed for secrets: the hash of a
    /// guessable secret lets anyone test guesses.
    pub thumbprint: Option<String>,
    /// A private key was pasted; only its public part is used.
    pub private: bool,
    /// The algorithms this key may verify (after its type, `alg`, `use`, `key_ops` and the refusal rules).
    pub algorithms: Vec<Algorithm>,
    /// Whether the key can verify anything at all (`algorithms` is not empty).
    pub usable: bool,
    /// The certificate the key came from.
    pub certificate: Option<CertificateInfo>,
    #[serde(skip)]
    pub(crate) material: Option<Material>,
    /// Why the key is refused, when it is.
    #[serde(skip)]
    pub(crate) refusal: Option<String>,
    /// Algorithms the key's own encoding allows (RSASSA-PSS parameters); `None` when unrestricted.
    #[serde(skip)]
    pub(crate) pss_restriction: Option<Vec<Algorithm>>,
    /// The private half of a private key, for signing only: never serialized, redacted in `Debug`.
    #[serde(skip)]
    pub(crate) private_part: Option<private::PrivatePart>,
}

impl KeyInfo {
    fn new(index: usize, source: usize, format: KeyFormat) -> Self {
        Self {
            index,
            source,
            format,
            kty: None,
            crv: None,
            bits: None,
            kid: None,
            alg: None,
            key_use: None,
            key_ops: None,
            thumbprint: None,
            private: false,
            algorithms: Vec::new(),
            usable: false,
            certificate: None,
            material: None,
            refusal: None,
            pss_restriction: None,
            private_part: None,
        }
    }

    /// False when the key's `use` or `key_ops` say it is not for verifying signatures.
    #[must_use]
    pub fn for_signing(&self) -> bool {
        self.key_use.as_deref().is_none_or(|u| u == "sig")
            && self.key_ops.as_ref().is_none_or(|ops| ops.iter().any(|o| o == "verify"))
    }

    /// The algorithm the JWK's `alg` names, when it names a supported one. `Err(())` when `alg` is present but names
    /// no JWS algorithm jwtlens knows.
    pub(crate) fn jwk_alg(&self) -> Option<Result<Algorithm, ()>> {
        self.alg.as_deref().map(|a| Algorithm::from_name(a).ok_or(()))
    }

    /// The algorithms allowed by the key type, the JWK `alg` and RSASSA-PSS parameters — ignoring `use`, `key_ops`
    /// and refusals. `EdDSA` and `Ed25519` (RFC 9864's name for the same algorithm on this key) allow each other.
    pub(crate) fn type_algorithms(&self) -> Vec<Algorithm> {
        let Some(material) = &self.material else { return Vec::new() };
        let jwk_alg = self.jwk_alg();
        let same = |a: Algorithm, b: Algorithm| {
            a == b || matches!((a, b), (Algorithm::EdDsa, Algorithm::Ed25519) | (Algorithm::Ed25519, Algorithm::EdDsa))
        };
        material
            .algorithms()
            .into_iter()
            .filter(|a| jwk_alg.is_none_or(|j| j.is_ok_and(|j| same(j, *a))))
            .filter(|a| self.pss_restriction.as_ref().is_none_or(|r| r.contains(a)))
            .collect()
    }

    fn settle(&mut self) {
        self.algorithms =
            if self.refusal.is_some() || !self.for_signing() { Vec::new() } else { self.type_algorithms() };
        self.usable = !self.algorithms.is_empty();
    }
}

/// What [`parse_keys`] found.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeySet {
    /// Every key found, usable or not, in paste order.
    pub keys: Vec<KeyInfo>,
    /// Everything noticed; findings about one key carry its index as `location.key`.
    pub findings: Vec<Finding>,
}

fn at_key(finding: Finding, index: usize) -> Finding {
    finding.at(Location { part: Some(Part::Key), key: Some(index), ..Location::default() })
}

impl KeySet {
    /// Readies every key for many verifications ([`Material::prepare`]): what a prepared verifier does once.
    pub(crate) fn prepare(&mut self) {
        for material in self.keys.iter_mut().filter_map(|info| info.material.as_mut()) {
            material.prepare();
        }
    }

    fn note(&mut self, finding: Finding) {
        self.findings.push(finding.at(Location::part(Part::Key)));
    }

    /// Adds one key row from a build result, with its metadata and findings.
    fn push(
        &mut self,
        source: usize,
        format: KeyFormat,
        meta: jwk::Meta,
        built: Result<Built, Finding>,
        mut notes: Vec<Finding>,
    ) {
        let index = self.keys.len();
        let mut info = KeyInfo::new(index, source, format);
        info.kty = meta.kty;
        info.kid = meta.kid;
        info.alg = meta.alg;
        info.key_use = meta.key_use;
        info.key_ops = meta.key_ops;
        match built {
            Ok(built) => {
                info.kty = built.kty.map(str::to_owned).or(info.kty);
                info.crv = built.crv.map(str::to_owned);
                info.bits = built.bits;
                info.thumbprint = built.thumbprint;
                info.private = built.private;
                info.certificate = built.certificate;
                info.refusal = built.refusal;
                info.pss_restriction = built.pss_restriction;
                info.material = built.material;
                info.private_part = built.private_part;
                let mut findings = built.findings;
                refuse_small_order(&mut info, &mut findings);
                if info.private {
                    findings.insert(
                        0,
                        Finding::new(KeyCode::Private, "This is a private key; only its public part is used. jwtlens runs locally and keeps nothing, but a private key should not be pasted into tools.")
                            .fix("Verify with the public key (the issuer's JWKS or PUBLIC KEY). If this private key signs production tokens, treat it as exposed."),
                    );
                }
                findings.append(&mut notes);
                notes = findings;
            }
            Err(problem) => notes.insert(0, problem),
        }
        self.check_metadata(&info, &mut notes);
        info.settle();
        self.findings.extend(notes.into_iter().map(|f| at_key(f, index)));
        self.keys.push(info);
    }

    fn check_metadata(&self, info: &KeyInfo, notes: &mut Vec<Finding>) {
        if !info.for_signing() {
            let why = match (&info.key_use, &info.key_ops) {
                (Some(u), _) if u != "sig" => format!("\"use\": \"{u}\""),
                _ => "\"key_ops\" without \"verify\"".to_owned(),
            };
            notes.push(
                Finding::new(KeyCode::NotForSigning, format!("The key is marked {why}: it is meant for encryption, not for verifying signatures, so it is not used."))
                    .fix("Use the issuer's signing key (\"use\": \"sig\"). JWKS often list both; pick the one whose kid the token names."),
            );
        }
        if let (Some(Err(())), Some(alg)) = (info.jwk_alg(), &info.alg) {
            let hint = crate::alg::explain_unsupported(alg);
            notes.push(Finding::new(
                KeyCode::AlgNotJws,
                format!("The key's \"alg\" is \"{alg}\": {hint} A key restricted to it verifies no JWS."),
            ));
        } else if let (Some(Ok(alg)), Some(material)) = (info.jwk_alg(), &info.material)
            && !material.algorithms().contains(&alg)
        {
            notes.push(Finding::new(
                KeyCode::AlgMismatch,
                format!(
                    "The key's \"alg\" is {}, but it is {}, which cannot do {}: the key verifies nothing.",
                    alg.name(),
                    material.describe(),
                    alg.name()
                ),
            ));
        }
    }

    /// Reports every key whose `kid` an earlier key of the set already has (one pass, names hashed).
    fn report_duplicate_kids(&mut self) {
        let mut seen = HashSet::new();
        let repeated: Vec<(usize, String)> = self
            .keys
            .iter()
            .filter_map(|k| k.kid.as_deref().filter(|kid| !seen.insert(*kid)).map(|kid| (k.index, kid.to_owned())))
            .collect();
        for (index, kid) in repeated {
            self.findings.push(at_key(
                Finding::new(KeyCode::DuplicateKid, format!("Another key of the set has the same kid \"{kid}\"."))
                    .fix("A kid must pick one key. If a token names this kid and both keys could verify it, jwtlens treats the choice as ambiguous and fails, as a strict verifier should."),
                index,
            ));
        }
    }

    /// Refuses the symmetric keys of a key set that also holds asymmetric keys: such a set is meant to be
    /// published, so a secret inside it is not secret.
    fn refuse_secrets_next_to_public_keys(&mut self) {
        let asymmetric = self.keys.iter().any(|k| k.kty.as_deref().is_some_and(|t| t != "oct"));
        if !asymmetric {
            return;
        }
        let mut refused = Vec::new();
        for key in &mut self.keys {
            if key.kty.as_deref() == Some("oct") && key.refusal.is_none() {
                key.refusal = Some("the key set also holds public keys, so this secret is not secret".to_owned());
                key.settle();
                refused.push(key.index);
            }
        }
        for index in refused {
            self.findings.push(at_key(
                Finding::new(KeyCode::SecretInKeySet, "This key set holds an HMAC secret next to public keys. Key sets are published; a secret in one is known to everyone, so it is not used.")
                    .fix("Keep HMAC secrets out of JWKS. Verify HS* tokens with the secret alone, RS*/ES*/PS*/EdDSA tokens with the public keys alone."),
                index,
            ));
        }
    }
}

/// Refuses an Ed25519 public key that is a point of small order (the neutral point, or one of the seven others of
/// order 2, 4 or 8). For such a key `A`, `[k]A` takes at most eight values whatever the message, so signatures can be
/// forged without any private key: for the neutral point, `R` = the neutral point and `S` = 0 verify every message
/// under the cofactorless equation many libraries implement (RFC 8032 §5.1.7 does not exclude these keys). jwtlens
/// verifies with ed25519-dalek's `verify_strict`, which rejects every signature under such a key, so the key could
/// never have matched; it is refused, with a finding, so that the reason is not mistaken for a bad signature.
fn refuse_small_order(info: &mut KeyInfo, findings: &mut Vec<Finding>) {
    let Some(Material::Ed25519(key)) = &info.material else { return };
    if !key.is_weak() {
        return;
    }
    info.refusal
        .get_or_insert_with(|| "it is an Ed25519 point of small order, for which signatures can be forged".to_owned());
    findings.push(
        Finding::new(KeyCode::Ed25519SmallOrder, "This Ed25519 public key is a point of small order: signatures for it can be forged without any private key (with the neutral point, R = neutral and S = 0 verify every message in libraries that do not reject such keys). The key is refused; the strict verification jwtlens uses (ed25519-dalek's verify_strict) would reject every signature under it anyway.")
            .fix("No real key pair has this public key: it was made up, corrupted, or chosen to test verifiers. Get the issuer's real key."),
    );
}

/// Whether the key text is a URL (a pasted JWKS or discovery address): one word starting with a scheme.
fn is_url(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://")) && !text.contains(char::is_whitespace)
}

/// What to say about a URL pasted as the key: what is behind it, and that jwtlens does not fetch it from here.
fn url_finding(url: &str) -> Finding {
    let what = if url.contains("openid-configuration") {
        "an OpenID discovery document (its jwks_uri names the key set)"
    } else if url.contains("jwks") || url.contains("/keys") || url.contains("/certs") {
        "a key set (JWKS)"
    } else {
        "an address"
    };
    Finding::new(
        KeyCode::IsUrl,
        format!("The key field holds a URL, {what}, not a key; jwtlens never fetches what the key box names, and would never use a URL as an HMAC secret."),
    )
    .fix("Open the URL in your browser and paste what it returns (the JWKS JSON) here; or use \"Fetch keys from the issuer\", which asks before it sends anything.")
}

fn looks_like_token(text: &str) -> bool {
    let dots = text.matches('.').count();
    text.starts_with("eyJ") && (dots == 2 || dots == 4) && !text.contains(char::is_whitespace)
}

/// A base64 body that decodes to a DER key structure, without PEM lines.
fn bare_der(text: &str, now: Option<i64>) -> Option<(KeyFormat, Result<Built, Finding>)> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| match c {
            '-' => '+',
            '_' => '/',
            c => c,
        })
        .collect();
    // Every DER SEQUENCE starts with 0x30, which base64 writes as 'M'.
    if compact.len() < 40 || !compact.starts_with('M') {
        return None;
    }
    use base64::Engine as _;
    let der = pem::STANDARD_LENIENT.decode(compact.as_bytes()).ok()?;
    der::guess(&der, now)
}

/// Reads every key in `text`. Never fails: problems are findings, and a key that cannot be read still gets a row.
///
/// ```
/// use jwtlens::keys::{parse_keys, KeyOptions};
/// let set = parse_keys(r#"{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}"#, &KeyOptions::default());
/// assert_eq!(set.keys[0].thumbprint.as_deref(), Some("kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"));
/// assert!(set.keys[0].usable);
/// ```
#[must_use]
pub fn parse_keys(text: &str, options: &KeyOptions) -> KeySet {
    let mut set = KeySet { keys: Vec::new(), findings: Vec::new() };
    let limits = &options.limits;
    if limits.exceeded(Limit::InputBytes, text.len()) {
        let what = format!("The key text is {} bytes", count(text.len()));
        set.note(limits.finding(Limit::InputBytes, &what, "it was not read"));
        return set;
    }
    let trimmed = text.trim();
    // Whole seconds suffice for certificate validity; `as` saturates, so absurd values cannot panic.
    #[allow(clippy::cast_possible_truncation, reason = "saturating conversion of a time in seconds")]
    let now = options.now.map(|t| t.floor() as i64);
    if trimmed.is_empty() {
        set.note(
            Finding::new(KeyCode::None, "No key was given.")
                .fix("Paste the issuer's public key (JWKS, JWK or PEM) or, for HS256/384/512, its shared secret."),
        );
        return set;
    }
    let pem = trimmed.contains("-----BEGIN ");
    // JSON is measured (and parsed when within the limits) once, here.
    let json =
        (!pem && trimmed.starts_with(['{', '['])).then(|| crate::json::parse_within(trimmed, limits, "The key text"));
    if pem {
        let blocks = trimmed.matches("-----BEGIN ").count();
        if limits.exceeded(Limit::Keys, blocks) {
            let what = format!("The key text holds {} PEM blocks", count(blocks));
            set.note(limits.finding(Limit::Keys, &what, "no key was read"));
            return set;
        }
        pem::read(&mut set, trimmed, now);
    } else if let Some(Err(beyond)) = json {
        set.note(beyond);
    } else if let Some(Ok(Some(value))) = &json {
        jwk::read_value(&mut set, value, limits);
    } else if json.is_some() && (trimmed.contains("\"kty\"") || trimmed.contains("\"keys\"")) {
        jwk::read_invalid(&mut set, trimmed);
    } else if ["ssh-rsa ", "ssh-ed25519 ", "ecdsa-sha2-", "ssh-dss "].iter().any(|p| trimmed.starts_with(p)) {
        set.note(
            Finding::new(
                KeyCode::Unsupported,
                "This is an OpenSSH public key, a format JWT issuers do not use; jwtlens does not read it.",
            )
            .fix("Convert it to PEM (ssh-keygen -e -m PKCS8 -f key.pub) and paste that."),
        );
    } else if is_url(trimmed) {
        set.note(url_finding(trimmed));
    } else if looks_like_token(trimmed) {
        set.note(
            Finding::new(KeyCode::IsToken, "The key field holds a JWT, not a key.")
                .fix("Paste the token in the token field and the issuer's key (or secret) here."),
        );
    } else if let Some((format, built)) = bare_der(trimmed, now) {
        set.note(Finding::new(KeyCode::BareDer, "The text is a base64 DER key without its PEM BEGIN/END lines; it was read as a key (and is never used as an HMAC secret)."));
        set.push(0, format, jwk::Meta::default(), built, Vec::new());
    } else {
        match secret::decode(text, options.secret_encoding) {
            Ok((bytes, _)) if der::guess(&bytes, now).is_some() => {
                // The "secret" is the DER of a key (hex or base64 of a public key): never an HMAC secret.
                if let Some((format, built)) = der::guess(&bytes, now) {
                    set.note(Finding::new(KeyCode::BareDer, "The secret decodes to a DER-encoded key, so it was read as that key; a key is never used as an HMAC secret."));
                    set.push(0, format, jwk::Meta::default(), built, Vec::new());
                }
            }
            Ok((bytes, notes)) => {
                let encoding = match options.secret_encoding {
                    SecretEncoding::Utf8 => "the UTF-8 bytes of the text",
                    SecretEncoding::Base64 => "base64",
                    SecretEncoding::Base64url => "base64url",
                    SecretEncoding::Hex => "hex",
                };
                let mut notes = notes;
                notes.insert(0, Finding::new(KeyCode::Secret, format!("The key text is not a JWK, JWKS or PEM key, so it is used as an HMAC secret ({} bytes, read as {encoding}). A secret verifies only HS256, HS384 and HS512.", bytes.len())));
                let meta = jwk::Meta { kty: Some("oct".to_owned()), ..jwk::Meta::default() };
                set.push(0, KeyFormat::Secret, meta, material::secret(bytes), notes);
            }
            Err(problem) => set.note(problem),
        }
    }
    set
}

/// Reads keys given as text (as [`parse_keys`]) or as the bytes of a file: text files (PEM, JWK, JWKS, a secret)
/// are read as their text; binary files as a DER key or certificate (SPKI, PKCS#1, PKCS#8, SEC1, X.509), and
/// otherwise as the raw bytes of an HMAC secret.
#[must_use]
pub fn read_keys(input: &TextOrBytes, options: &KeyOptions) -> KeySet {
    let bytes = match input {
        TextOrBytes::Text(text) => return parse_keys(text, options),
        TextOrBytes::Bytes(bytes) => bytes,
    };
    if let Ok(text) = std::str::from_utf8(bytes) {
        return parse_keys(text, options);
    }
    let mut set = KeySet { keys: Vec::new(), findings: Vec::new() };
    if options.limits.exceeded(Limit::InputBytes, bytes.len()) {
        let what = format!("The key file is {} bytes", count(bytes.len()));
        set.note(options.limits.finding(Limit::InputBytes, &what, "it was not read"));
        return set;
    }
    #[allow(clippy::cast_possible_truncation, reason = "saturating conversion of a time in seconds")]
    let now = options.now.map(|t| t.floor() as i64);
    match der::guess(bytes, now) {
        Some((format, built)) => set.push(0, format, jwk::Meta::default(), built, Vec::new()),
        None => {
            let note = Finding::new(
                KeyCode::Secret,
                format!(
                    "The file is neither text nor a DER key, so its {} bytes are used as an HMAC secret. A secret verifies only HS256, HS384 and HS512.",
                    bytes.len()
                ),
            );
            let meta = jwk::Meta { kty: Some("oct".to_owned()), ..jwk::Meta::default() };
            set.push(0, KeyFormat::Secret, meta, material::secret(bytes.clone()), vec![note]);
        }
    }
    set
}
