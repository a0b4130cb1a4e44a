//! The JWE JSON serialization (RFC 7516 §7.2), general and flattened: decoded into a [`Token`] whose parts
//! ([`JweParts`]) decryption reads.

use serde_json::{Map, Value};

#[cfg(feature = "jwe")]
use super::jwe::JweParts;
use super::jwe::{JweRecipient, bytes_of};
use super::paste::Candidate;
use super::token::{Serialization, Token, TokenKind, check_header, decode_header, describe_jwe};
use crate::codes::TokenCode;
use crate::finding::{Finding, Location, Part};
use crate::json::{self, Parsed};
use crate::limits::Limits;

/// Decodes `candidate` when it is a JSON object with `ciphertext` (a JWE); `None` for anything else, with no
/// findings (the JWS JSON decoder then reports it).
pub(super) fn try_decode(candidate: &Candidate, limits: &Limits, findings: &mut Vec<Finding>) -> Option<Token> {
    let raw = candidate.text.text();
    let Parsed { value: Some(Value::Object(object)), findings: parse_findings, .. } =
        json::parse_object(raw.as_bytes(), Part::Input, "input", limits)
    else {
        return None;
    };
    if !object.contains_key("ciphertext") || !parse_findings.is_empty() {
        return None;
    }
    let mut token = Token::new(candidate.label.clone(), raw, TokenKind::Jwe);
    token.serialization = Serialization::JsonFlattened;
    decode_json_jwe(candidate, &object, &mut token, limits, findings);
    if let Some(h) = joint_header(token.header_object(), &object) {
        check_header(&h, findings);
    }
    Some(token)
}

/// The header parameters that every recipient shares (RFC 7516 §7.2.1: the union of the protected header, the shared
/// `unprotected` one and the recipient's own `header`), for the checks that need no key. `alg` is per recipient in
/// a JSON JWE (RFC 7520 §5.13 gives each of three recipients its own): it counts as present when every recipient
/// has it somewhere. `None` when the token has no header at all.
fn joint_header(protected: Option<&Map<String, Value>>, object: &Map<String, Value>) -> Option<Map<String, Value>> {
    let shared = object.get("unprotected").and_then(Value::as_object);
    if protected.is_none() && shared.is_none() {
        return None;
    }
    let mut joint = protected.cloned().unwrap_or_default();
    for (name, value) in shared.into_iter().flatten() {
        joint.entry(name.clone()).or_insert_with(|| value.clone());
    }
    if !joint.contains_key("alg") {
        let own: Vec<Option<&Value>> = match object.get("recipients").and_then(Value::as_array) {
            Some(list) => list.iter().map(|r| r.get("header").and_then(|h| h.get("alg"))).collect(),
            None => vec![object.get("header").and_then(|h| h.get("alg"))],
        };
        if let Some(Some(first)) = own.first().copied().filter(|_| own.iter().all(Option::is_some)) {
            joint.insert("alg".to_owned(), first.clone());
        }
    }
    Some(joint)
}

fn invalid(findings: &mut Vec<Finding>, what: &str) {
    findings.push(
        Finding::new(TokenCode::JsonSerializationInvalid, format!("This JSON is not a valid JWE JSON serialization: {what}."))
            .fix("RFC 7516 §7.2 requires \"ciphertext\", and \"recipients\" (general) or \"encrypted_key\"/\"header\" at the top (flattened).")
            .at(Location::part(Part::Input)),
    );
}

/// Decodes a JWE in the JSON serialization (RFC 7516 §7.2, general or flattened) into `token`.
fn decode_json_jwe(
    candidate: &Candidate,
    object: &Map<String, Value>,
    token: &mut Token,
    limits: &Limits,
    findings: &mut Vec<Finding>,
) {
    token.kind = TokenKind::Jwe;
    let members = json::string_members(&candidate.text);
    let mut next = 0;
    let mut locate = |name: &str, value: &str| json::member_value(&members, name, value, &mut next);
    let string = |name: &str| object.get(name).and_then(Value::as_str);
    let protected_b64 = string("protected").unwrap_or("").to_owned();
    let mut protected = Map::new();
    if !protected_b64.is_empty() {
        if let Some(decoded) = decode_header(&locate("protected", &protected_b64), limits, findings) {
            protected = decoded.object().cloned().unwrap_or_default();
            token.header = Some(decoded);
        }
    }
    let unprotected = match object.get("unprotected") {
        None => None,
        Some(Value::Object(m)) => Some(m.clone()),
        Some(_) => return invalid(findings, "\"unprotected\" is not an object"),
    };
    let entries = match recipient_entries(object, token, limits) {
        Ok(entries) => entries,
        Err(what) => return invalid(findings, what),
    };
    let mut recipients = Vec::with_capacity(entries.len());
    let mut ok = true;
    for entry in entries {
        let header = match entry.get("header") {
            None => None,
            Some(Value::Object(m)) => Some(m.clone()),
            Some(_) => return invalid(findings, "a recipient's \"header\" is not an object"),
        };
        let encrypted_key = match entry.get("encrypted_key").and_then(Value::as_str) {
            Some(k) if !k.is_empty() => {
                bytes_of(&locate("encrypted_key", k), Part::EncryptedKey, "encrypted key", findings)
            }
            _ => Some(Vec::new()),
        };
        ok &= encrypted_key.is_some();
        recipients.push(JweRecipient { header, encrypted_key: encrypted_key.unwrap_or_default() });
    }
    let mut part = |name: &str, part: Part, what: &str, findings: &mut Vec<Finding>| match string(name) {
        Some(v) if !v.is_empty() => bytes_of(&locate(name, v), part, what, findings),
        _ => Some(Vec::new()),
    };
    let iv = part("iv", Part::Iv, "initialisation vector", findings);
    let ciphertext = part("ciphertext", Part::Ciphertext, "ciphertext", findings);
    let tag = part("tag", Part::Tag, "authentication tag", findings);
    let aad_b64 = string("aad").map(str::to_owned);
    if string("ciphertext").is_none() {
        return invalid(findings, "\"ciphertext\" is missing or not a string");
    }
    let shown = token.header.as_ref().and_then(super::token::Decoded::object).cloned();
    describe_jwe(shown.as_ref().or(unprotected.as_ref()), findings);
    findings.push(summary(token.serialization, recipients.len()));
    #[cfg(not(feature = "jwe"))]
    drop((ok, iv, ciphertext, tag, aad_b64, protected_b64, protected, unprotected));
    #[cfg(feature = "jwe")]
    if let (true, Some(iv), Some(ciphertext), Some(tag)) = (ok, iv, ciphertext, tag) {
        token.jwe = Some(Box::new(JweParts {
            protected_b64,
            protected,
            unprotected,
            recipients,
            iv,
            ciphertext,
            tag,
            aad_b64,
        }));
    }
}

/// The recipient entries: the `recipients` array (general syntax), or the object itself (flattened).
fn recipient_entries<'o>(
    object: &'o Map<String, Value>,
    token: &mut Token,
    limits: &Limits,
) -> Result<Vec<&'o Map<String, Value>>, &'static str> {
    match object.get("recipients") {
        Some(Value::Array(list)) => {
            token.serialization = Serialization::JsonGeneral;
            let objects: Vec<_> = list.iter().filter_map(Value::as_object).collect();
            let within = objects.len() <= limits.count(crate::limits::Limit::Signatures);
            if objects.len() != list.len() || objects.is_empty() || !within {
                return Err("\"recipients\" must be a non-empty array of objects (within limits.signatures)");
            }
            Ok(objects)
        }
        Some(_) => Err("\"recipients\" is not an array"),
        None => Ok(vec![object]),
    }
}

/// The finding that names the serialization.
fn summary(serialization: Serialization, recipients: usize) -> Finding {
    let syntax = if serialization == Serialization::JsonGeneral { "general" } else { "flattened" };
    Finding::new(
        TokenCode::JsonSerialization,
        format!("This is a JWE in the JSON serialization ({syntax} syntax, {recipients} recipient(s)). JWT libraries accept only the compact form."),
    )
    .at(Location::part(Part::Input))
}
