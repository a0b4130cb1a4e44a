//! JSON Web Keys (RFC 7517, RFC 7518 §6, RFC 8037): one JWK object turned into a [`Built`] key and its metadata.
//!
//! A private JWK is reduced to its public members (and an EC or OKP private part is checked against them). Member
//! values are read as base64url; a value of the wrong type is a finding, never a crash.

use base64::Engine as _;
use base64::engine::general_purpose::GeneralPurpose;
use base64::engine::{DecodePaddingMode, GeneralPurposeConfig};
use serde_json::{Map, Value};

use super::material::{self, Built, Problem};
use super::private::{self, PrivatePart};
use super::{KeyCode, KeyFormat, KeySet};
use crate::alg::Curve;
use crate::finding::Finding;
use crate::limits::{Limit, Limits, count};

/// base64url as JWKs use it, read leniently (padding, non-zero unused bits); irregularities become notes.
const URL_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_decode_padding_mode(DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// The JWK members that say how a key may be used.
#[derive(Debug, Clone, Default)]
pub(crate) struct Meta {
    pub kty: Option<String>,
    pub kid: Option<String>,
    pub alg: Option<String>,
    pub key_use: Option<String>,
    pub key_ops: Option<Vec<String>>,
}

fn string_member(jwk: &Map<String, Value>, name: &str, notes: &mut Vec<Finding>) -> Option<String> {
    match jwk.get(name)? {
        Value::String(s) => Some(s.clone()),
        other => {
            notes.push(Finding::new(
                KeyCode::JwkMember,
                format!("The key's \"{name}\" is {other}, not a string; it was ignored."),
            ));
            None
        }
    }
}

/// Reads the metadata members (`kty`, `kid`, `alg`, `use`, `key_ops`) of a JWK.
pub(crate) fn meta(jwk: &Map<String, Value>, notes: &mut Vec<Finding>) -> Meta {
    let key_ops = match jwk.get("key_ops") {
        None => None,
        Some(Value::Array(ops)) if ops.iter().all(Value::is_string) => {
            Some(ops.iter().filter_map(Value::as_str).map(str::to_owned).collect())
        }
        Some(other) => {
            notes.push(Finding::new(
                KeyCode::JwkMember,
                format!("The key's \"key_ops\" is {other}, not an array of strings; it was ignored."),
            ));
            None
        }
    };
    Meta {
        kty: string_member(jwk, "kty", notes),
        kid: string_member(jwk, "kid", notes),
        alg: string_member(jwk, "alg", notes),
        key_use: string_member(jwk, "use", notes),
        key_ops,
    }
}

fn bytes(jwk: &Map<String, Value>, name: &str, kty: &str, notes: &mut Vec<Finding>) -> Result<Vec<u8>, Problem> {
    let Some(value) = jwk.get(name) else {
        return Err(Finding::new(
            KeyCode::Invalid,
            format!("The {kty} key has no \"{name}\" member, which RFC 7518 §6 requires."),
        ));
    };
    let Some(text) = value.as_str() else {
        return Err(Finding::new(KeyCode::Invalid, format!("The {kty} key's \"{name}\" is not a string.")));
    };
    let decoded = URL_LENIENT.decode(text.as_bytes()).map_err(|e| {
        Finding::new(KeyCode::Invalid, format!("The {kty} key's \"{name}\" is not base64url ({e})."))
            .fix("JWK values are base64url without padding (A–Z, a–z, 0–9, '-' and '_'). Copy the key again from its source.")
    })?;
    if let Some(problem) = crate::base64url::strict_problem(text) {
        notes.push(
            Finding::new(
                KeyCode::JwkMember,
                format!("The {kty} key's \"{name}\" is not strict base64url ({problem}); it was read leniently."),
            )
            .fix("Strict libraries reject this key; the issuer's JWK encoder should be fixed."),
        );
    }
    Ok(decoded)
}

fn coordinate(
    jwk: &Map<String, Value>,
    name: &str,
    curve: Curve,
    notes: &mut Vec<Finding>,
) -> Result<Vec<u8>, Problem> {
    let value = bytes(jwk, name, "EC", notes)?;
    let len = curve.scalar_len();
    if value.len() > len {
        return Err(Finding::new(
            KeyCode::InvalidPoint,
            format!("The EC key's \"{name}\" is {} bytes; a {} coordinate is {len}.", value.len(), curve.jwk_name()),
        ));
    }
    if value.len() < len {
        notes.push(
            Finding::new(KeyCode::EcCoordinateLength, format!("The EC key's \"{name}\" is {} bytes; RFC 7518 §6.2.1.2 requires the full {len} bytes of a {} coordinate. It was left-padded with zeros.", value.len(), curve.jwk_name()))
                .fix("Strict libraries reject such keys. The issuer's JWK encoder drops leading zero bytes; fix it."),
        );
    }
    let mut padded = vec![0u8; len - value.len()];
    padded.extend(value);
    Ok(padded)
}

fn private(mut built: Built, part: PrivatePart) -> Built {
    built.private = true;
    built.private_part = Some(part);
    built
}

/// The private part of an RSA JWK with `d`: its primes `p` and `q` when both are given, else recovered from `d`.
fn rsa_private(jwk: &Map<String, Value>, n: &[u8], e: &[u8], notes: &mut Vec<Finding>) -> PrivatePart {
    let member = |name: &str, notes: &mut Vec<Finding>| bytes(jwk, name, "RSA", notes).map_err(|f| f.message);
    let numbers = member("d", notes).and_then(|d| {
        let primes = match (jwk.contains_key("p"), jwk.contains_key("q")) {
            (true, true) => vec![member("p", notes)?, member("q", notes)?],
            _ => Vec::new(),
        };
        Ok((d, primes))
    });
    match numbers {
        Ok((d, primes)) => {
            let primes: Vec<&[u8]> = primes.iter().map(Vec::as_slice).collect();
            private::rsa(n, e, &d, &primes)
        }
        Err(why) => PrivatePart::Unusable(why),
    }
}

/// Reads the key material of one JWK. `notes` receives findings that do not make the key unusable.
///
/// # Errors
/// A finding when the JWK is not a usable key (missing or malformed members, unsupported type or curve).
pub(crate) fn read(jwk: &Map<String, Value>, kty: Option<&str>, notes: &mut Vec<Finding>) -> Result<Built, Problem> {
    let crv = jwk.get("crv").and_then(Value::as_str);
    match kty {
        None => {
            Err(Finding::new(KeyCode::Invalid, "The JWK has no \"kty\" (key type) string, which every JWK requires."))
        }
        Some("RSA") => {
            let (n, e) = (bytes(jwk, "n", "RSA", notes)?, bytes(jwk, "e", "RSA", notes)?);
            let built = material::rsa(&n, &e)?;
            Ok(if jwk.contains_key("d") {
                let part = rsa_private(jwk, &n, &e, notes);
                private(built, part)
            } else {
                built
            })
        }
        Some("EC") => {
            let curve = match crv {
                Some("P-256") => Curve::P256,
                Some("P-384") => Curve::P384,
                Some("P-521") => Curve::P521,
                Some("secp256k1") => Curve::Secp256k1,
                Some(other) => {
                    return Err(Finding::new(
                        KeyCode::Unsupported,
                        format!("The EC key is on the curve \"{other}\"; JWS uses P-256, P-384, P-521 and secp256k1."),
                    ));
                }
                None => return Err(Finding::new(KeyCode::Invalid, "The EC key has no \"crv\" string.")),
            };
            let mut point = vec![0x04];
            point.extend(coordinate(jwk, "x", curve, notes)?);
            point.extend(coordinate(jwk, "y", curve, notes)?);
            let built = material::ec(curve, &point)?;
            if jwk.contains_key("d") {
                let d = bytes(jwk, "d", "EC", notes)?;
                let derived = material::ec_from_private(curve, &d)?;
                if !material::same_public(&built, &derived) {
                    return Err(Finding::new(
                        KeyCode::PrivateMismatch,
                        "The EC JWK's private part \"d\" does not belong to its public point (x, y).",
                    ));
                }
                return Ok(private(built, private::ec(curve, &d)));
            }
            Ok(built)
        }
        Some("OKP") => match crv {
            Some("Ed25519") => {
                let built = material::ed25519(&bytes(jwk, "x", "OKP", notes)?)?;
                if jwk.contains_key("d") {
                    let d = bytes(jwk, "d", "OKP", notes)?;
                    let derived = material::ed25519_from_seed(&d)?;
                    if !material::same_public(&built, &derived) {
                        return Err(Finding::new(
                            KeyCode::PrivateMismatch,
                            "The Ed25519 JWK's private part \"d\" does not belong to its public key \"x\".",
                        ));
                    }
                    return Ok(private(built, private::ed25519(&d)));
                }
                Ok(built)
            }
            Some("Ed448") => Err(Finding::new(
                KeyCode::Unsupported,
                "This is an Ed448 key; jwtlens supports EdDSA with Ed25519 only.",
            )),
            #[cfg(feature = "jwe")]
            Some("X25519") => {
                let built = material::x25519(&bytes(jwk, "x", "OKP", notes)?)?;
                if jwk.contains_key("d") {
                    let d = bytes(jwk, "d", "OKP", notes)?;
                    let derived = material::x25519_from_private(&d)?;
                    if !material::same_public(&built, &derived) {
                        return Err(Finding::new(
                            KeyCode::PrivateMismatch,
                            "The X25519 JWK's private part \"d\" does not belong to its public key \"x\".",
                        ));
                    }
                    return Ok(private(built, private::x25519(&d)));
                }
                Ok(built)
            }
            #[cfg_attr(feature = "jwe", allow(unreachable_patterns, reason = "X25519 is read with the jwe feature"))]
            Some(c @ ("X25519" | "X448")) => Err(Finding::new(
                KeyCode::Unsupported,
                format!("This is an {c} key: it agrees on keys for encryption and cannot verify signatures."),
            )),
            Some(other) => Err(Finding::new(
                KeyCode::Unsupported,
                format!("The OKP key is on the curve \"{other}\", which jwtlens does not support."),
            )),
            None => Err(Finding::new(KeyCode::Invalid, "The OKP key has no \"crv\" string.")),
        },
        Some("oct") => material::secret(bytes(jwk, "k", "oct", notes)?),
        Some(other) => Err(Finding::new(
            KeyCode::Unsupported,
            format!("The key type \"{other}\" is not one jwtlens verifies with (RSA, EC, OKP, oct)."),
        )),
    }
}

/// Reports key text that looks like a JWK (it names `kty` or `keys`) but is not valid JSON.
pub(super) fn read_invalid(set: &mut KeySet, text: &str) {
    let error = serde_json::from_str::<Value>(text).err().map_or_else(String::new, |e| format!(": {e}"));
    set.note(
        Finding::new(KeyCode::JsonInvalid, format!("The key text looks like a JWK but is not valid JSON{error}."))
            .fix("Copy the whole JWK or JWKS again."),
    );
}

/// Reads a JWK, a JWKS (or a bare JSON array of JWKs) parsed from the key text into `set`, one row per key, unless
/// it holds more than `limits.keys` keys; JSON that is not a key gets a finding that says what it is instead.
pub(super) fn read_value(set: &mut KeySet, value: &Value, limits: &Limits) {
    let (entries, format): (Vec<&Value>, KeyFormat) = match &value {
        Value::Object(o) if o.contains_key("keys") => match o.get("keys") {
            Some(Value::Array(keys)) => (keys.iter().collect(), KeyFormat::Jwks),
            _ => {
                set.note(Finding::new(KeyCode::NotJwk, "The key set's \"keys\" is not an array."));
                return;
            }
        },
        Value::Object(o) if o.contains_key("kty") => (vec![value], KeyFormat::Jwk),
        Value::Array(items) => {
            set.note(Finding::new(KeyCode::NotJwk, "The key text is a JSON array; a JWKS wraps its keys as {\"keys\": [...]}. Its elements were read as JWKs."));
            (items.iter().collect(), KeyFormat::Jwk)
        }
        Value::Object(o) => {
            let (message, fix) = if o.contains_key("jwks_uri") {
                (
                    "This is an OpenID Connect discovery document, not a key.",
                    "Open its \"jwks_uri\" and paste the key set found there; jwtlens never fetches URLs.",
                )
            } else if o.contains_key("id_token") || o.contains_key("access_token") {
                ("This is a token response, not a key.", "Paste it in the token field, and the issuer's keys here.")
            } else {
                (
                    "The key text is JSON but neither a JWK (with \"kty\") nor a JWKS (with \"keys\").",
                    "Paste the issuer's JWKS, a JWK, a PEM key or an HMAC secret.",
                )
            };
            set.note(Finding::new(KeyCode::NotJwk, message).fix(fix));
            return;
        }
        _ => {
            set.note(Finding::new(KeyCode::NotJwk, "The key text is JSON but not a JWK or a JWKS."));
            return;
        }
    };
    if entries.is_empty() {
        set.note(Finding::new(KeyCode::None, "The key set has no keys."));
    }
    if limits.exceeded(Limit::Keys, entries.len()) {
        let what = format!("The key set holds {} keys", count(entries.len()));
        set.note(limits.finding(Limit::Keys, &what, "no key was read"));
        return;
    }
    for (source, entry) in entries.into_iter().enumerate() {
        let mut notes = Vec::new();
        let Value::Object(object) = entry else {
            set.push(
                source,
                format,
                Meta::default(),
                Err(Finding::new(KeyCode::Invalid, format!("Key {} of the set is not a JSON object.", source + 1))),
                notes,
            );
            continue;
        };
        let meta = meta(object, &mut notes);
        let built = read(object, meta.kty.as_deref(), &mut notes);
        set.push(source, format, meta, built, notes);
    }
    set.report_duplicate_kids();
    if format == KeyFormat::Jwks || set.keys.len() > 1 {
        set.refuse_secrets_next_to_public_keys();
    }
}
