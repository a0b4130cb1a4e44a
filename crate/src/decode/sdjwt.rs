//! SD-JWT (RFC 9901): `<issuer-signed JWT>~<disclosure>~…~[<key-binding JWT>]`.
//!
//! The issuer-signed JWT decodes like any compact JWS (its segments keep their offsets in the input); each
//! disclosure is base64url of a JSON array `[salt, name, value]` (an object property) or `[salt, value]` (an array
//! element), referenced from the payload by its digest: base64url of the hash (`_sd_alg`, SHA-256 by default) of the
//! disclosure exactly as it appears in the presentation — never re-encoded. Digests sit in `_sd` arrays (object
//! properties) and in `{"...": digest}` array elements, at any depth and inside disclosed values; a digest that no
//! disclosure matches is a decoy and is dropped. This module needs only `sha2`: the key-binding JWT's signature and
//! `sd_hash` are checked above (`crate::proof`).

use std::collections::{HashMap, HashSet};

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value};
use sha2::Digest as _;

pub use super::token::{Disclosure, DisclosureStatus};
use super::token::{Segment, Token, TokenKind, decode_compact};
use crate::base64url;
use crate::codes::SdJwtCode;
use crate::finding::{Finding, Location, Part};
use crate::json;
use crate::limits::Limits;
use crate::spanned::Spanned;

/// Whether `text` is an SD-JWT presentation: a compact JWS, then `~` (an opaque token may hold `~` too: RFC 9449's
/// example access token does).
pub(super) fn is_presentation(text: &str) -> bool {
    text.contains('~') && text.split('~').next().is_some_and(|jws| jws.matches('.').count() == 2)
}

/// The hash algorithms of the IANA "Named Information Hash Algorithm" registry that jwtlens computes.
#[must_use]
pub fn hash(alg: &str, bytes: &[u8]) -> Option<Vec<u8>> {
    match alg {
        "sha-256" => Some(sha2::Sha256::digest(bytes).to_vec()),
        "sha-384" => Some(sha2::Sha384::digest(bytes).to_vec()),
        "sha-512" => Some(sha2::Sha512::digest(bytes).to_vec()),
        _ => None,
    }
}

/// base64url (no padding) of `hash(alg, text)`: a disclosure's digest, or a key-binding JWT's `sd_hash`.
#[must_use]
pub fn digest(alg: &str, text: &str) -> Option<String> {
    hash(alg, text.as_bytes()).map(|h| URL_SAFE_NO_PAD.encode(h))
}

/// The `_sd_alg` of an issuer payload: `Ok(name)` (SHA-256 when absent), `Err(what it is)` when unsupported.
pub(crate) fn sd_alg(claims: Option<&Map<String, Value>>) -> Result<String, String> {
    match claims.and_then(|c| c.get("_sd_alg")) {
        None => Ok("sha-256".to_owned()),
        Some(Value::String(s)) if hash(s, b"").is_some() => Ok(s.clone()),
        Some(Value::String(s)) => Err(format!("\"{s}\"")),
        Some(other) => Err(format!("{other} (not a string)")),
    }
}

fn location(piece: &Spanned, part: Part) -> Location {
    piece.range().map_or_else(|| Location::part(part), |(s, e)| Location::span(part, s, e))
}

/// Decodes an SD-JWT presentation (a candidate holding `~`).
pub(super) fn decode(text: &Spanned, label: Option<String>, limits: &Limits, findings: &mut Vec<Finding>) -> Token {
    let pieces = text.split('~');
    let (Some(first), Some((last, middle))) = (pieces.first(), pieces.get(1..).and_then(<[Spanned]>::split_last))
    else {
        return decode_compact(text, label, limits, findings, 0);
    };
    let mut token = decode_compact(first, label, limits, findings, 0);
    let compact = text.text();
    token.sd_hash_input = compact.rfind('~').and_then(|at| compact.get(..=at)).map(str::to_owned);
    token.compact = compact;
    if matches!(token.kind, TokenKind::Jws | TokenKind::Unsecured) {
        token.kind = TokenKind::SdJwt;
    }
    let alg = sd_alg(token.claims());
    let mut disclosures = Vec::with_capacity(middle.len());
    for piece in middle {
        if let Some((start, end)) = piece.range() {
            token.segments.push(Segment { part: Part::Disclosure, start, end });
        }
        disclosures.push(disclosure(piece, alg.as_deref().ok(), limits, findings));
    }
    if let Err(what) = &alg {
        findings.push(
            Finding::new(SdJwtCode::SdAlgUnsupported, format!("The payload's \"_sd_alg\" is {what}: jwtlens computes the digests of sha-256, sha-384 and sha-512 only, so no disclosure could be matched."))
                .fix("Issue the SD-JWT with \"_sd_alg\": \"sha-256\" (or leave it out: SHA-256 is the default).")
                .at(Location::member(Part::Payload, "_sd_alg")),
        );
        disclosures.iter_mut().for_each(|d| d.status = DisclosureStatus::Invalid);
    }
    duplicates(middle, &mut disclosures, findings);
    if let (Some(claims), Ok(_)) = (token.claims(), &alg) {
        let mut resolver = Resolver::new(&mut disclosures, findings);
        let disclosed = resolver.object(claims, true, 0);
        resolver.unreferenced(middle);
        token.disclosed_claims = Some(Value::Object(disclosed));
    }
    token.key_binding = Some(key_binding(last, limits, findings, &mut token.segments));
    findings.push(presentation_note(&token, &disclosures));
    token.disclosures = Some(disclosures);
    token
}

fn presentation_note(token: &Token, disclosures: &[Disclosure]) -> Finding {
    let typ = token.header_object().and_then(|h| h.get("typ")).and_then(Value::as_str);
    let vc = if typ == Some("dc+sd-jwt") { " It is an SD-JWT VC (typ dc+sd-jwt)." } else { "" };
    let kb = if token.key_binding_jwt().is_some() { "and a key-binding JWT" } else { "without key binding" };
    let matched = disclosures.iter().filter(|d| d.status == DisclosureStatus::Matched).count();
    Finding::new(
        SdJwtCode::Presentation,
        format!(
            "This is an SD-JWT (RFC 9901): an issuer-signed JWT with {} disclosure(s) ({matched} matched) {kb}.{vc}",
            disclosures.len()
        ),
    )
    .at(Location::part(Part::Input))
}

/// The key-binding JWT (the last piece, when not empty): decoded like any compact JWS, its findings pointed at it.
fn key_binding(
    last: &Spanned,
    limits: &Limits,
    findings: &mut Vec<Finding>,
    segments: &mut Vec<Segment>,
) -> Option<Box<Token>> {
    if last.is_empty() {
        return None;
    }
    if let Some((start, end)) = last.range() {
        segments.push(Segment { part: Part::KeyBinding, start, end });
    }
    let mut own = Vec::new();
    let kb = decode_compact(last, Some("key binding".to_owned()), limits, &mut own, 1);
    findings.extend(own.into_iter().map(|mut f| {
        f.message = format!("Key-binding JWT: {}", f.message);
        if let Some(loc) = &mut f.location {
            loc.part = Some(Part::KeyBinding);
        }
        f
    }));
    Some(Box::new(kb))
}

fn malformed(piece: &Spanned, what: &str) -> Finding {
    Finding::new(SdJwtCode::DisclosureMalformed, format!("A disclosure {what}."))
        .fix("A disclosure is base64url of a JSON array [salt, name, value] (an object property) or [salt, value] (an array element), with a string salt; copy the presentation again, or fix the issuer.")
        .at(location(piece, Part::Disclosure))
}

/// Decodes one disclosure; its status is `Unreferenced` until the payload references it.
fn disclosure(piece: &Spanned, alg: Option<&str>, limits: &Limits, findings: &mut Vec<Finding>) -> Disclosure {
    let text = piece.text();
    let mut out = Disclosure {
        digest: alg.and_then(|a| digest(a, &text)).unwrap_or_default(),
        salt: None,
        name: None,
        value: None,
        status: DisclosureStatus::Invalid,
    };
    if piece.is_empty() {
        findings.push(malformed(piece, "is empty (two `~` in a row)"));
        return out;
    }
    let bytes = match base64url::decode(piece, Part::Disclosure, "disclosure") {
        Ok(decoded) => {
            findings.extend(decoded.findings);
            decoded.bytes
        }
        Err(f) => {
            findings.push(malformed(piece, "is not base64url").fix(f.message));
            return out;
        }
    };
    let parsed = json::parse(&bytes, Part::Disclosure, "disclosure", limits);
    let Some(Value::Array(items)) = parsed.value else {
        findings.push(malformed(piece, "does not decode to a JSON array"));
        return out;
    };
    let (salt, name, value) = match items.as_slice() {
        [salt, value] => (salt, None, value),
        [salt, name, value] => (salt, Some(name), value),
        _ => {
            findings.push(malformed(piece, &format!("is an array of {} elements, not 2 or 3", items.len())));
            return out;
        }
    };
    let Value::String(salt) = salt else {
        findings.push(malformed(piece, "has a salt that is not a string"));
        return out;
    };
    out.salt = Some(salt.clone());
    out.value = Some(value.clone());
    match name {
        Some(Value::String(n)) if n == "_sd" || n == "..." => {
            findings.push(malformed(piece, &format!("names the claim \"{n}\", which RFC 9901 reserves")));
            out.name = Some(n.clone());
            return out;
        }
        Some(Value::String(n)) => out.name = Some(n.clone()),
        Some(_) => {
            findings.push(malformed(piece, "has a claim name that is not a string"));
            return out;
        }
        None => {}
    }
    out.status = DisclosureStatus::Unreferenced;
    out
}

/// The same disclosure presented twice: the second copy is invalid.
fn duplicates(pieces: &[Spanned], disclosures: &mut [Disclosure], findings: &mut Vec<Finding>) {
    let mut seen = HashSet::new();
    for (piece, d) in pieces.iter().zip(disclosures.iter_mut()) {
        if d.digest.is_empty() || d.status == DisclosureStatus::Invalid {
            continue;
        }
        if !seen.insert(d.digest.clone()) {
            d.status = DisclosureStatus::Invalid;
            findings.push(
                Finding::new(
                    SdJwtCode::DuplicateDigest,
                    format!("The disclosure with digest {} is presented twice.", d.digest),
                )
                .fix("Present each disclosure once; a verifier rejects a presentation with repeated digests.")
                .at(location(piece, Part::Disclosure)),
            );
        }
    }
}

/// How deep disclosures may nest inside disclosed values (each level is a recursion).
const MAX_DEPTH: usize = 64;

/// Puts matched disclosures in place, recursively, marking each as matched.
struct Resolver<'a> {
    disclosures: &'a mut [Disclosure],
    by_digest: HashMap<String, usize>,
    referenced: HashSet<String>,
    findings: &'a mut Vec<Finding>,
}

impl<'a> Resolver<'a> {
    fn new(disclosures: &'a mut [Disclosure], findings: &'a mut Vec<Finding>) -> Self {
        let mut by_digest = HashMap::new();
        for (i, d) in disclosures.iter().enumerate() {
            if d.status == DisclosureStatus::Unreferenced {
                by_digest.entry(d.digest.clone()).or_insert(i);
            }
        }
        Self { disclosures, by_digest, referenced: HashSet::new(), findings }
    }

    fn value(&mut self, value: &Value, depth: usize) -> Value {
        match value {
            Value::Object(map) => Value::Object(self.object(map, false, depth + 1)),
            Value::Array(items) => Value::Array(self.array(items, depth + 1)),
            other => other.clone(),
        }
    }

    /// A digest met in the payload: the disclosure it names, once; `None` for a decoy or a repeated digest.
    fn take(&mut self, digest: &str) -> Option<usize> {
        if !self.referenced.insert(digest.to_owned()) {
            self.findings.push(
                Finding::new(
                    SdJwtCode::DuplicateDigest,
                    format!("The digest {digest} appears twice in the issuer-signed payload and its disclosures."),
                )
                .fix("Every digest must be unique (RFC 9901 §7.1): the issuer must not reference a disclosure twice.")
                .at(Location::part(Part::Payload)),
            );
            return None;
        }
        self.by_digest.get(digest).copied()
    }

    fn misplaced(&mut self, index: usize, what: &str) {
        if let Some(d) = self.disclosures.get_mut(index) {
            d.status = DisclosureStatus::Invalid;
            let message = format!("The disclosure with digest {} {what}.", d.digest);
            self.findings.push(
                Finding::new(SdJwtCode::Misplaced, message)
                    .fix("The issuer must reference object-property disclosures from `_sd` and array-element disclosures from `{\"...\": digest}`, never overriding a plain claim.")
                    .at(Location::part(Part::Disclosure)),
            );
        }
    }

    fn disclosed(&mut self, index: usize, depth: usize) -> Option<(Option<String>, Value)> {
        let d = self.disclosures.get_mut(index)?;
        d.status = DisclosureStatus::Matched;
        let (name, value) = (d.name.clone(), d.value.clone().unwrap_or(Value::Null));
        Some((name, if depth < MAX_DEPTH { self.value(&value, depth) } else { value }))
    }

    fn object(&mut self, map: &Map<String, Value>, top: bool, depth: usize) -> Map<String, Value> {
        let mut out = Map::new();
        for (key, value) in map {
            if key == "_sd" || (top && key == "_sd_alg") {
                continue;
            }
            out.insert(key.clone(), self.value(value, depth));
        }
        let Some(Value::Array(digests)) = map.get("_sd") else { return out };
        for digest in digests.iter().filter_map(Value::as_str) {
            let Some(index) = self.take(digest) else { continue };
            let is_property = self.disclosures.get(index).is_some_and(|d| d.name.is_some());
            let clash = self.disclosures.get(index).and_then(|d| d.name.as_ref()).is_some_and(|n| out.contains_key(n));
            if !is_property {
                self.misplaced(index, "is an array element but is referenced from an object's `_sd`");
            } else if clash {
                self.misplaced(index, "discloses a claim the object already has");
            } else if let Some((Some(name), value)) = self.disclosed(index, depth) {
                out.insert(name, value);
            }
        }
        out
    }

    fn array(&mut self, items: &[Value], depth: usize) -> Vec<Value> {
        let mut out = Vec::with_capacity(items.len());
        for item in items {
            let placeholder = item.as_object().filter(|o| o.len() == 1).and_then(|o| o.get("..."));
            let Some(placeholder) = placeholder else {
                out.push(self.value(item, depth));
                continue;
            };
            let Some(index) = placeholder.as_str().and_then(|d| self.take(d)) else { continue };
            if self.disclosures.get(index).is_some_and(|d| d.name.is_some()) {
                self.misplaced(index, "is an object property but is referenced as an array element");
            } else if let Some((_, value)) = self.disclosed(index, depth) {
                out.push(value);
            }
        }
        out
    }

    fn unreferenced(&mut self, pieces: &[Spanned]) {
        for (piece, d) in pieces.iter().zip(self.disclosures.iter()) {
            if d.status == DisclosureStatus::Unreferenced {
                let what = d.name.as_deref().map_or_else(|| "an array element".to_owned(), |n| format!("\"{n}\""));
                self.findings.push(
                    Finding::new(SdJwtCode::Unreferenced, format!("The disclosure of {what} (digest {}) is referenced nowhere in the issuer-signed payload.", d.digest))
                        .fix("A verifier rejects the presentation: send only disclosures of this credential, unchanged (a re-encoded disclosure has another digest).")
                        .at(location(piece, Part::Disclosure)),
                );
            }
        }
    }
}
