//! Signing test tokens: header and payload JSON text, exactly as typed, signed with a private key or secret that
//! [`crate::keys::parse_keys`] read — and [`generate_key`] for throwaway keys.
//!
//! The token's segments are the base64url of the caller's own text: key order, spacing and number spelling are kept,
//! so "edit one claim and re-sign" changes nothing else. Members signing adds (`alg` when the header lacks it, `kid`
//! and `typ` when asked, `iat` and `exp` from the time helpers) are written into that text in its own style
//! (`text.rs`). Every algorithm signs through jwt-compact's `Algorithm` trait (`jwa.rs`).
//!
//! The same policy as verification applies to keys (refused keys stay refused), and what verifiers would reject is
//! said before it happens: RSA keys under 2048 bits, secrets shorter than the hash, `alg: none` (made only when
//! asked for explicitly). What this does NOT do: read a clock (`iat: 'now'` needs [`SignOptions::now`]), encrypt
//! (JWE), or sign unencoded payloads (RFC 7797).

mod export;
mod generate;
mod jwa;
mod proofs;
mod text;

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use ts_rs::TS;

pub use self::export::Jwk;
pub use self::generate::{GenerateError, GeneratedKey, generate_key};
pub use self::jwa::{Es384, Es384Signature, Es512, Es512Signature};
pub use self::proofs::{
    DpopProofOptions, KeyBindingOptions, SdJwtSignOptions, SdJwtSigning, sign_dpop_proof, sign_sd_jwt,
};
use self::text::{Place, set_member};
use crate::alg::{Algorithm, Family};
use crate::codes::{Code, KeyCode, Severity, SigningCode};
use crate::finding::{Finding, Location, Part};
use crate::keys::material::Material;
use crate::keys::private::PrivatePart;
use crate::keys::{KeyInfo, KeySet, SecretEncoding};

/// JSON given either as text (kept exactly) or as a value (written compactly, members in their order).
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum JsonText {
    /// JSON text, signed byte for byte.
    Text(String),
    /// A JSON value, serialized compactly.
    Value(Value),
}

impl JsonText {
    fn into_text(self) -> String {
        match self {
            Self::Text(text) => text,
            Self::Value(value) => value.to_string(),
        }
    }
}

/// The `kid` option: a value to write, or `true` for the key's own `kid` (or, without one, its RFC 7638 thumbprint).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
pub enum Kid {
    /// This `kid`.
    Name(String),
    /// `true`: the key's `kid` or thumbprint; `false`: none.
    FromKey(bool),
}

/// The `iat` option.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Iat {
    /// The evaluation time ([`SignOptions::now`]), in whole seconds.
    Now,
}

/// Options for [`crate::sign()`]. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct SignOptions {
    /// The protected header: JSON text (signed exactly as given) or an object. Default `{}`. Its `alg` is used; without
    /// one, `alg` is written first into it.
    #[ts(optional, type = "string | Record<string, unknown>")]
    pub header: Option<JsonText>,
    /// The algorithm when the header names none. Default: the key's JWK `alg`, else the key's type (RSA → RS256, P-256
    /// → ES256, P-384 → ES384, P-521 → ES512, secp256k1 → ES256K, Ed25519 → EdDSA, a secret → HS256). `none` makes an
    /// unsecured token (flagged), and only when asked for here.
    #[ts(optional, type = "Algorithm | \"none\"")]
    pub alg: Option<String>,
    /// A `kid` to write into the header, or `true` for the key's `kid` (else its RFC 7638 thumbprint).
    #[ts(optional, type = "string | boolean")]
    pub kid: Option<Kid>,
    /// A `typ` to write into the header (`JWT`, `at+jwt`, …).
    pub typ: Option<String>,
    /// `now`: write `iat` (the evaluation time, in whole seconds) into the payload.
    pub iat: Option<Iat>,
    /// Write `exp` = evaluation time + this many seconds into the payload (negative: an expired token).
    pub expires_in: Option<f64>,
    /// The evaluation time for `iat` and `expiresIn`, in seconds since the Unix epoch. jwtlens never reads the clock;
    /// the JS API passes the caller's.
    #[ts(optional, type = "number | Date | null")]
    pub now: Option<f64>,
    /// How to read an HMAC secret. Default `utf8`.
    #[serde(default)]
    #[ts(optional, as = "Option<SecretEncoding>")]
    pub secret_encoding: SecretEncoding,
}

impl SignOptions {
    /// True when the options ask for an unsecured token (`alg: "none"`), which needs no key.
    #[must_use]
    pub fn wants_unsecured(&self) -> bool {
        self.alg.as_deref() == Some("none")
    }
}

/// The result of [`crate::sign()`].
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Signing {
    /// The compact token; `null` when nothing could be signed (the error findings say why).
    pub token: Option<String>,
    /// The header text signed: the given text, with `alg` (and `kid`, `typ` when asked) added when it lacked them.
    pub header: String,
    /// The payload text signed: the given text, with `iat` and `exp` set when asked.
    pub payload: String,
    /// The algorithm of the token (`none` for an unsecured one), when it is known.
    #[ts(type = "Algorithm | \"none\" | null")]
    pub alg: Option<String>,
    /// Index in `keys` of the key that signed.
    pub key: Option<usize>,
    /// The keys read from the key text (their public facts only; nothing private is ever in a result).
    pub keys: Vec<KeyInfo>,
    /// The public key that verifies the token, as a JWK (with the header's `kid`); `null` for a secret.
    pub public_jwk: Option<Jwk>,
    /// Everything noticed: the JSON, the keys, the choice of key and algorithm, what verifiers would reject.
    pub findings: Vec<Finding>,
}

fn name_of(part: Part) -> &'static str {
    if part == Part::Header { "header" } else { "payload" }
}

/// Reads `text` as a JSON object: findings for invalid JSON (line and column), a non-object, duplicate members. A
/// payload need not be JSON (a JWS signs any bytes): unless it starts as JSON (`{`, `[`), text that is not an object
/// only gets a warning.
fn json_object(text: &str, part: Part, findings: &mut Vec<Finding>) -> Option<Map<String, Value>> {
    let name = name_of(part);
    let looks_like_json = text.trim_start().starts_with(['{', '[']);
    match serde_json::from_str::<Value>(text) {
        Err(e) if part == Part::Header || looks_like_json => {
            let message = e.to_string();
            let what = message.split(" at line ").next().unwrap_or(&message);
            findings.push(
                Finding::new(
                    SigningCode::JsonInvalid,
                    format!("The {name} is not valid JSON: {what} at line {}, column {}.", e.line(), e.column()),
                )
                .at(Location {
                    line: Some(e.line()),
                    column: Some(e.column()),
                    ..Location::part(part)
                }),
            );
            None
        }
        Ok(Value::Object(map)) => {
            // The decoder's duplicate scan, with the signing code: the token would carry the duplicate.
            let duplicates =
                crate::json::parse(text.as_bytes(), part, name, &crate::limits::Limits::default()).findings;
            for dup in duplicates.into_iter().filter(|f| f.code == crate::codes::JsonCode::DuplicateMember) {
                let member = dup.location.as_ref().and_then(|l| l.member.clone()).unwrap_or_default();
                let mut finding = Finding::new(SigningCode::DuplicateMember, format!("The {name} has the member \"{member}\" more than once; the token carries both."))
                    .fix("RFC 7515 §5.2 (header) and RFC 7519 §4 (claims) have verifiers reject such tokens, and parsers disagree on which value wins. Keep it only to test a verifier.");
                finding.location = dup.location;
                findings.push(finding);
            }
            Some(map)
        }
        other => {
            let kind = match other {
                Ok(Value::Array(_)) => "JSON, an array",
                Ok(Value::String(_)) => "JSON, a string",
                Ok(Value::Number(_)) => "JSON, a number",
                Ok(Value::Bool(_)) => "JSON, a boolean",
                Ok(_) => "JSON null",
                Err(_) => "plain text, not JSON",
            };
            findings.push(if part == Part::Header {
                Finding::new(SigningCode::HeaderNotObject, format!("The header is {kind}, but it must be an object."))
                    .fix("A JOSE header is an object: { \"alg\": \"…\" }.")
                    .at(Location::part(part))
            } else {
                Finding::new(SigningCode::PayloadNotObject, format!("The payload is {kind}: the token is a JWS, but not a JWT, whose claims are an object. JWT libraries reject it."))
                    .fix("For a JWT, write the claims as an object: { \"sub\": \"…\" }.")
                    .at(Location::part(part))
            });
            None
        }
    }
}

/// Whole seconds, saturating: `as` cannot panic.
#[allow(clippy::cast_possible_truncation, reason = "a time in seconds, floored and saturated on purpose")]
fn seconds(t: f64) -> i64 {
    t.floor() as i64
}

/// Applies `iat: 'now'` and `expiresIn` to the payload text.
fn apply_times(
    payload: &mut String,
    claims: Option<&Map<String, Value>>,
    options: &SignOptions,
    findings: &mut Vec<Finding>,
) {
    let mut wanted = Vec::new();
    if options.iat == Some(Iat::Now) {
        wanted.push(("iat", 0.0));
    }
    if let Some(expires_in) = options.expires_in {
        wanted.push(("exp", expires_in));
    }
    if wanted.is_empty() {
        return;
    }
    let Some(claims) = claims else {
        findings.push(
            Finding::new(
                SigningCode::TimeInvalid,
                "iat: 'now' and expiresIn write claims, and the payload is not a JSON object.",
            )
            .at(Location::part(Part::Payload)),
        );
        return;
    };
    let Some(now) = options.now.filter(|n| n.is_finite()) else {
        findings.push(
            Finding::new(SigningCode::TimeInvalid, "iat: 'now' and expiresIn need the evaluation time, and none was given.")
                .fix("Pass `now` (seconds since the Unix epoch); the JavaScript API passes your clock unless you give `now: null`.")
                .at(Location::part(Part::Payload)),
        );
        return;
    };
    for (claim, offset) in wanted {
        if !offset.is_finite() {
            findings.push(
                Finding::new(
                    SigningCode::TimeInvalid,
                    format!("expiresIn is {offset}, not a finite number of seconds."),
                )
                .at(Location::member(Part::Payload, claim)),
            );
            continue;
        }
        let value = seconds(now + offset);
        if let Some(old) = claims.get(claim) {
            findings.push(
                Finding::new(
                    SigningCode::ClaimReplaced,
                    format!("The payload's \"{claim}\" was {old}; it is now {value}."),
                )
                .at(Location::member(Part::Payload, claim)),
            );
        }
        if let Some(edited) = set_member(payload, claim, &value.to_string(), Place::Last) {
            *payload = edited;
        }
    }
}

/// A short description for messages: "an RSA key (2048 bits)", "an EC P-256 key", "an HMAC secret (32 bytes)".
fn describe(key: &KeyInfo) -> String {
    match (key.kty.as_deref(), key.crv.as_deref(), key.bits) {
        (Some("oct"), _, Some(bits)) => format!("an HMAC secret ({} bytes)", bits / 8),
        (Some("RSA"), _, Some(bits)) => format!("an RSA key ({bits} bits)"),
        (Some("OKP"), Some(crv), _) => format!("an {crv} key"),
        (Some(kty), Some(crv), _) => format!("an {kty} {crv} key"),
        (Some(kty), None, _) => format!("a key of type {kty}"),
        _ => "a key".to_owned(),
    }
}

/// The key's name in messages: its position, and its `kid` when it has one.
fn label(key: &KeyInfo) -> String {
    match &key.kid {
        Some(kid) => format!("key {} (kid \"{kid}\")", key.index + 1),
        None => format!("key {}", key.index + 1),
    }
}

fn at_key(finding: Finding, key: &KeyInfo) -> Finding {
    finding.at(Location { part: Some(Part::Key), key: Some(key.index), ..Location::default() })
}

/// Keys that can sign: private keys and secrets.
fn can_sign(key: &KeyInfo) -> bool {
    key.private_part.is_some() || key.kty.as_deref() == Some("oct") && key.material.is_some()
}

/// Picks the signing key: the only private key or secret, else the one the `kid` names, else the only one that can
/// make the algorithm. Reports why none was picked.
fn choose<'k>(
    keys: &'k [KeyInfo],
    kid: Option<&str>,
    alg: Option<Algorithm>,
    findings: &mut Vec<Finding>,
) -> Option<&'k KeyInfo> {
    let mut candidates: Vec<&KeyInfo> = keys.iter().filter(|k| can_sign(k)).collect();
    if candidates.iter().any(|k| refusal(k).is_none()) {
        // A refused key (a secret published in a key set, a key marked for encryption) is passed over when another
        // can sign; alone, it is chosen and the refusal said.
        candidates.retain(|k| refusal(k).is_none());
    }
    if candidates.len() > 1
        && let Some(kid) = kid
        && candidates.iter().any(|k| k.kid.as_deref() == Some(kid))
    {
        candidates.retain(|k| k.kid.as_deref() == Some(kid));
    }
    if candidates.len() > 1
        && let Some(alg) = alg
        && candidates.iter().any(|k| k.type_algorithms().contains(&alg))
    {
        candidates.retain(|k| k.type_algorithms().contains(&alg));
    }
    match candidates.as_slice() {
        [one] => Some(one),
        [] => {
            let public = keys.iter().find(|k| k.material.is_some());
            findings.push(match public {
                Some(key) => {
                    let which = match (&key.kid, &key.thumbprint) {
                        (Some(kid), _) => format!("the private key whose public key has kid \"{kid}\""),
                        (None, Some(t)) => format!("the private key whose public key has the RFC 7638 thumbprint {t}"),
                        (None, None) => "its private key".to_owned(),
                    };
                    at_key(
                        Finding::new(
                            SigningCode::PublicKey,
                            format!("{} is a public key: it verifies tokens, but signing needs {which}.", capitalised(&label(key))),
                        )
                        .fix("Paste the private key (PEM PRIVATE KEY, RSA PRIVATE KEY or EC PRIVATE KEY, or a JWK with \"d\"), or generate a test key."),
                        key,
                    )
                }
                None => Finding::new(SigningCode::NoKey, "No key to sign with was given, or none could be read.")
                    .fix("Paste a private key (PEM or a JWK with \"d\") or an HMAC secret, or generate a test key.")
                    .at(Location::part(Part::Key)),
            });
            None
        }
        several => {
            let names: Vec<String> = several.iter().map(|k| label(k)).collect();
            findings.push(
                Finding::new(
                    SigningCode::KeyAmbiguous,
                    format!(
                        "Several keys could sign ({}), and neither the kid nor the algorithm picks one.",
                        names.join(", ")
                    ),
                )
                .fix("Name the key with the kid option (or the header's kid), or paste only the one key.")
                .at(Location::part(Part::Key)),
            );
            None
        }
    }
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// Why the chosen key cannot sign at all, when it cannot.
fn refusal(key: &KeyInfo) -> Option<String> {
    if let Some(why) = &key.refusal {
        return Some(format!("{} is refused: {why}", capitalised(&label(key))));
    }
    if let Some(PrivatePart::Unusable(why)) = &key.private_part {
        return Some(format!("The private key of {} cannot sign: {why}.", label(key)));
    }
    if let Some(u) = key.key_use.as_deref().filter(|u| *u != "sig") {
        return Some(format!("{} is marked \"use\": \"{u}\", not for signatures.", capitalised(&label(key))));
    }
    if key.key_ops.as_ref().is_some_and(|ops| !ops.iter().any(|o| o == "sign")) {
        return Some(format!("{}'s \"key_ops\" do not include \"sign\".", capitalised(&label(key))));
    }
    None
}

/// Why `alg` cannot be made with `key`, when it cannot.
fn mismatch(alg: Algorithm, key: &KeyInfo) -> Option<String> {
    if !key.type_algorithms().contains(&alg) {
        let needs = match alg.family() {
            Family::Hmac(_) => "an HMAC secret".to_owned(),
            Family::RsaPkcs1(_) | Family::RsaPss(_) => "an RSA key".to_owned(),
            Family::Ecdsa(curve, _) => format!("an EC {} key", curve.jwk_name()),
            Family::Ed25519 => "an Ed25519 key".to_owned(),
        };
        let restricted = match (&key.alg, &key.pss_restriction) {
            (Some(a), _) => format!(", restricted by its JWK \"alg\" to {a}"),
            (None, Some(_)) => ", restricted by its RSASSA-PSS parameters".to_owned(),
            _ => String::new(),
        };
        return Some(format!("{} needs {needs}; {} is {}{restricted}.", alg.name(), label(key), describe(key)));
    }
    // The padding must fit the modulus (RFC 8017 §9.1.1, §9.2), or the RSA crate fails.
    let bytes_needed = match alg.family() {
        Family::RsaPkcs1(hash) => hash.output_len() + 19 + 11,
        Family::RsaPss(hash) => 2 * hash.output_len() + 2,
        _ => 0,
    };
    let modulus_bytes = key.bits.map_or(0, |b| {
        if matches!(alg.family(), Family::RsaPss(_)) { b.saturating_sub(1).div_ceil(8) } else { b.div_ceil(8) }
    });
    (modulus_bytes < bytes_needed).then(|| {
        format!(
            "{}'s padding needs {bytes_needed} bytes, more than the {}-bit modulus of {} holds.",
            alg.name(),
            key.bits.unwrap_or(0),
            label(key)
        )
    })
}

/// A `kid` or `typ` option to write into the header text, or a note when the header already says otherwise.
fn header_member(
    header: &mut String,
    map: Option<&Map<String, Value>>,
    name: &str,
    value: &str,
    findings: &mut Vec<Finding>,
) {
    match map.and_then(|m| m.get(name)) {
        Some(Value::String(own)) if own == value => {}
        Some(own) => findings.push(
            Finding::new(
                SigningCode::OptionIgnored,
                format!("The header has \"{name}\": {own}; the option's \"{value}\" was not used."),
            )
            .fix(format!("Remove \"{name}\" from the header to use the option, or drop the option."))
            .at(Location::member(Part::Header, name)),
        ),
        None => {
            if let Some(edited) = set_member(header, name, &Value::from(value).to_string(), Place::Last) {
                *header = edited;
            }
        }
    }
}

/// Signs `payload` (JSON text, kept exactly) with a key of `key_set` (as [`crate::keys::parse_keys`] read it) and the
/// header and time options. Never fails and never panics: whatever the inputs, the result says what was signed or why
/// nothing was.
#[must_use]
pub fn sign_token(payload: &str, key_set: KeySet, options: &SignOptions) -> Signing {
    let mut findings = Vec::new();
    let mut header = options.header.clone().map_or_else(|| "{}".to_owned(), JsonText::into_text);
    let mut payload = payload.to_owned();
    let header_map = json_object(&header, Part::Header, &mut findings);
    let claims = json_object(&payload, Part::Payload, &mut findings);
    let payload_broken = findings.iter().any(|f| {
        f.code == SigningCode::JsonInvalid && f.location.as_ref().is_some_and(|l| l.part == Some(Part::Payload))
    });
    if !payload_broken {
        apply_times(&mut payload, claims.as_ref(), options, &mut findings);
    }

    // The algorithm asked for: the header's own `alg` wins over the option.
    let header_alg = match header_map.as_ref().and_then(|m| m.get("alg")) {
        None => None,
        Some(Value::String(alg)) => Some(alg.clone()),
        Some(other) => {
            findings.push(
                Finding::new(SigningCode::HeaderInvalid, format!("The header's \"alg\" is {other}, not a string."))
                    .fix("Write the algorithm's name, e.g. \"alg\": \"ES256\", or leave \"alg\" out to take it from the key.")
                    .at(Location::member(Part::Header, "alg")),
            );
            None
        }
    };
    if header_map.as_ref().and_then(|m| m.get("b64")) == Some(&Value::Bool(false)) {
        findings.push(
            Finding::new(
                SigningCode::HeaderInvalid,
                "The header's \"b64\" is false (RFC 7797 unencoded payload), which jwtlens does not sign.",
            )
            .fix("Remove \"b64\" to sign the payload base64url-encoded, as every JWT is.")
            .at(Location::member(Part::Header, "b64")),
        );
    }
    if let (Some(own), Some(option)) = (&header_alg, &options.alg)
        && own != option
    {
        findings.push(
            Finding::new(
                SigningCode::OptionIgnored,
                format!("The header has \"alg\": \"{own}\"; the option's \"{option}\" was not used."),
            )
            .fix("Remove \"alg\" from the header to use the option.")
            .at(Location::member(Part::Header, "alg")),
        );
    }
    let wanted = header_alg.clone().or_else(|| options.alg.clone());

    let mut signing = Signing {
        token: None,
        header: String::new(),
        payload: String::new(),
        alg: wanted.clone(),
        key: None,
        keys: Vec::new(),
        public_jwk: None,
        findings: Vec::new(),
    };

    if wanted.as_deref().is_some_and(|a| a.eq_ignore_ascii_case("none")) {
        let spelled = wanted.clone().unwrap_or_default();
        if options.wants_unsecured() {
            findings.push(
                Finding::new(SigningCode::AlgNone, format!("This is an unsecured token (\"alg\": \"{spelled}\"): it has no signature, and anyone can change it. Verifiers must reject it."))
                    .fix("Use it only to test that a verifier rejects unsecured tokens.")
                    .at(Location::member(Part::Header, "alg")),
            );
            if header_alg.is_none() {
                header = set_member(&header, "alg", "\"none\"", Place::First).unwrap_or(header);
            }
        } else {
            findings.push(
                Finding::new(SigningCode::NoneNotAsked, format!("The header says \"alg\": \"{spelled}\", an unsecured token, which is made only when the options ask for it."))
                    .fix("Pass alg: 'none' in the options to make an unsecured token on purpose, or choose a signature algorithm.")
                    .at(Location::member(Part::Header, "alg")),
            );
        }
        let blocked = findings.iter().any(|f| f.severity == Severity::Error);
        if !blocked {
            signing.token = Some(format!("{}.{}.", export::b64(header.as_bytes()), export::b64(payload.as_bytes())));
        }
        signing.header = header;
        signing.payload = payload;
        signing.findings = findings;
        return signing;
    }

    // The keys: their findings, without those that speak of verification only.
    let KeySet { keys, findings: key_findings } = key_set;
    let verification_only = [KeyCode::None, KeyCode::Private, KeyCode::NotForSigning, KeyCode::RsaWeak];
    findings.extend(key_findings.into_iter().filter(|f| !verification_only.iter().any(|c| f.code == *c)));
    let requested = wanted.as_deref().and_then(Algorithm::from_name);
    let kid_hint = match &options.kid {
        Some(Kid::Name(kid)) => Some(kid.clone()),
        _ => header_map.as_ref().and_then(|m| m.get("kid")).and_then(Value::as_str).map(str::to_owned),
    };
    let chosen = choose(&keys, kid_hint.as_deref(), requested, &mut findings);

    let mut alg = None;
    if let Some(key) = chosen {
        signing.key = Some(key.index);
        if let Some(why) = refusal(key) {
            findings.push(at_key(
                Finding::new(SigningCode::KeyRefused, why).fix("Use another key, or generate a test key."),
                key,
            ));
        } else {
            match &wanted {
                Some(name) => match Algorithm::from_name(name) {
                    Some(a) => alg = Some(a),
                    None => findings.push(
                        Finding::new(SigningCode::AlgUnknown, unknown_alg(name))
                            .at(Location::member(Part::Header, "alg")),
                    ),
                },
                None => match key.type_algorithms().first() {
                    Some(&a) => alg = Some(a),
                    None => findings.push(at_key(
                        Finding::new(
                            SigningCode::AlgKeyMismatch,
                            format!(
                                "{} allows no algorithm it can make{}.",
                                capitalised(&label(key)),
                                key.alg.as_ref().map(|a| format!(" (its JWK \"alg\" is \"{a}\")")).unwrap_or_default()
                            ),
                        )
                        .fix("Remove or correct the key's \"alg\", or choose the algorithm."),
                        key,
                    )),
                },
            }
            if let Some(a) = alg
                && let Some(why) = mismatch(a, key)
            {
                findings.push(at_key(
                    Finding::new(SigningCode::AlgKeyMismatch, why)
                        .fix("Choose an algorithm the key can make, or another key."),
                    key,
                ));
                alg = None;
            }
        }
        if let Some(a) = alg {
            weak_key_notes(a, key, &mut findings);
        }
    }

    // Header members: `alg` first when it was not there, then `typ` and `kid` when asked.
    if let (Some(a), None) = (alg, &header_alg)
        && header_map.is_some()
    {
        header = set_member(&header, "alg", &Value::from(a.name()).to_string(), Place::First).unwrap_or(header);
        signing.alg = Some(a.name().to_owned());
    }
    if header_map.is_some() {
        if let Some(typ) = &options.typ {
            header_member(&mut header, header_map.as_ref(), "typ", typ, &mut findings);
        }
        let kid = match (&options.kid, chosen) {
            (Some(Kid::Name(kid)), _) => Some(kid.clone()),
            (Some(Kid::FromKey(true)), Some(key)) => {
                let own = key.kid.clone().or_else(|| key.thumbprint.clone());
                if own.is_none() {
                    findings.push(
                        Finding::new(SigningCode::OptionIgnored, "kid: true takes the key's kid or thumbprint, and this secret has neither (no thumbprint is computed for secrets).")
                            .fix("Give the kid as a string.")
                            .at(Location::member(Part::Header, "kid")),
                    );
                }
                own
            }
            _ => None,
        };
        if let Some(kid) = kid {
            header_member(&mut header, header_map.as_ref(), "kid", &kid, &mut findings);
        }
    }

    let blocked = findings.iter().any(|f| f.severity == Severity::Error && matches!(f.code, Code::Signing(_)));
    if let (Some(alg), Some(key), false) = (alg, chosen, blocked) {
        sign_with(alg, key, &header, &payload, &mut signing, &mut findings);
    }
    signing.header = header;
    signing.payload = payload;
    signing.keys = keys;
    signing.findings = findings;
    signing
}

fn unknown_alg(name: &str) -> String {
    let listed: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
    let hint = Algorithm::ALL
        .iter()
        .find(|a| a.name().eq_ignore_ascii_case(name))
        .map(|a| format!(" Names are case-sensitive: did you mean \"{}\"?", a.name()))
        .unwrap_or_default();
    format!("\"alg\": \"{name}\" is not an algorithm jwtlens signs with ({}).{hint}", listed.join(", "))
}

/// Warnings about keys that verifiers reject: RSA under 2048 bits, HMAC secrets shorter than the hash.
fn weak_key_notes(alg: Algorithm, key: &KeyInfo, findings: &mut Vec<Finding>) {
    match (alg.family(), key.bits) {
        (Family::RsaPkcs1(_) | Family::RsaPss(_), Some(bits)) if bits < 2048 => findings.push(at_key(
            Finding::new(SigningCode::RsaWeak, format!("The RSA key has {bits} bits; RFC 7518 §3.3 requires at least 2048, and jose, Node and most libraries reject tokens signed with smaller keys."))
                .fix("Use a key of 2048 bits or more, or generate a test key."),
            key,
        )),
        (Family::Hmac(hash), Some(bits)) if bits / 8 < hash.output_len() => findings.push(at_key(
            Finding::new(SigningCode::SecretShort, format!("The secret is {} bytes; RFC 7518 §3.2 requires at least {} for {}, and strict libraries (jose) reject shorter ones.", bits / 8, hash.output_len(), alg.name()))
                .fix(format!("Use a secret of {} bytes or more, or generate a test key.", hash.output_len())),
            key,
        )),
        _ => {}
    }
}

/// Makes the signature and the token, and the public JWK that verifies it.
fn sign_with(
    alg: Algorithm,
    key: &KeyInfo,
    header: &str,
    payload: &str,
    signing: &mut Signing,
    findings: &mut Vec<Finding>,
) {
    let signing_input = format!("{}.{}", export::b64(header.as_bytes()), export::b64(payload.as_bytes()));
    let signer = match (&key.private_part, &key.material) {
        (Some(PrivatePart::Key(private)), _) => jwa::Signer::Private(private),
        (None, Some(Material::Secret(secret))) => jwa::Signer::Secret(secret),
        _ => return,
    };
    let random = matches!(alg.family(), Family::RsaPkcs1(_) | Family::RsaPss(_)) || alg == Algorithm::Es512;
    if random && !generate::randomness_available() {
        findings.push(no_randomness());
        return;
    }
    let Some(signature) = jwa::sign(alg, signer, signing_input.as_bytes()) else { return };
    signing.token = Some(format!("{signing_input}.{}", export::b64(&signature)));
    if let jwa::Signer::Private(private) = signer {
        let kid = serde_json::from_str::<Value>(header)
            .ok()
            .and_then(|h| h.get("kid").and_then(Value::as_str).map(str::to_owned));
        signing.public_jwk = Some(Jwk {
            kid: kid.or_else(|| key.kid.clone()),
            alg: Some(alg.name().to_owned()),
            key_use: Some("sig".to_owned()),
            ..export::public_jwk(private)
        });
    }
}

fn no_randomness() -> Finding {
    Finding::new(
        SigningCode::NoRandomness,
        "The platform gave no random numbers (crypto.getRandomValues), which RSA and ES512 signing need.",
    )
    .fix("Run jwtlens where WebCrypto's getRandomValues exists: browsers, Web Workers, Node 20 and later.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_randomness_finding_names_its_code() {
        assert_eq!(no_randomness().code(), "SIGN_NO_RANDOMNESS");
        assert_eq!(no_randomness().severity, Severity::Error);
        assert!(generate::randomness_available());
    }

    #[test]
    fn descriptions() {
        let mut key = crate::keys::parse_keys("secret", &crate::keys::KeyOptions::default()).keys.remove(0);
        assert_eq!(describe(&key), "an HMAC secret (6 bytes)");
        key.kid = Some("k".to_owned());
        assert_eq!(capitalised(&label(&key)), "Key 1 (kid \"k\")");
        assert!(unknown_alg("es256").contains("did you mean \"ES256\""));
    }
}
