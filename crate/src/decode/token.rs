//! Structure: tell what kind of token a candidate is and decode every part that can be decoded.
//!
//! Kinds: JWS compact (3 segments), unsecured JWS (`alg: none`), JWE compact (5 segments: the protected header is
//! readable, the rest is not), the JWS JSON serialization (flattened and general) and nested JWTs (`cty: JWT`,
//! decoded recursively). Anything else is reported as not a JWT, with whatever was decodable. Decoding never claims
//! anything about the signature: that is [`crate::verify`]'s job.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

#[cfg(feature = "jwe")]
use super::jwe::{Decryption, JweParts, Origin};
use super::paste::Candidate;
use crate::base64url;
use crate::codes::TokenCode;
use crate::finding::{Finding, Location, Part};
use crate::hex::hex;
use crate::json::{self, Parsed};
use crate::limits::{Limit, Limits, count};
use crate::spanned::Spanned;

/// What kind of token a candidate turned out to be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TokenKind {
    /// A signed token (JWS).
    Jws,
    /// An unsecured JWS (`alg: none`).
    Unsecured,
    /// An encrypted token (JWE); only its header is readable.
    Jwe,
    /// Not a JWT: an opaque string.
    Opaque,
    /// Looks like a JWT but is broken beyond telling its kind.
    Malformed,
    /// A selective-disclosure JWT (RFC 9901): an issuer-signed JWS, its disclosures and an optional key-binding JWT,
    /// separated by `~`. The header, payload and signature are the issuer-signed JWT's.
    SdJwt,
}

/// How a token was serialized.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Serialization {
    /// `header.payload.signature` (or 5 segments for JWE).
    Compact,
    /// JWS JSON serialization, flattened syntax.
    JsonFlattened,
    /// JWS JSON serialization, general syntax.
    JsonGeneral,
}

/// A decoded header or payload: the exact text and the parsed value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Decoded {
    /// The decoded text exactly as in the token (key order, number spelling), when it is UTF-8.
    pub text: Option<String>,
    /// The parsed JSON, when the text is valid JSON.
    pub value: Option<Value>,
    /// The decoded bytes as hex, when they are not UTF-8.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub hex: Option<String>,
}

impl Decoded {
    /// The parsed value as an object, when it is one.
    #[must_use]
    pub fn object(&self) -> Option<&Map<String, Value>> {
        self.value.as_ref().and_then(Value::as_object)
    }
}

/// The byte range of one segment in the original input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct Segment {
    /// Which part this segment is.
    pub part: Part,
    /// Start offset in the original input (bytes in Rust, UTF-16 code units in JS).
    pub start: usize,
    /// End offset, exclusive.
    pub end: usize,
}

/// One signature of a JWS JSON serialization.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct JsonSignature {
    /// The protected header.
    pub protected: Option<Decoded>,
    /// The unprotected header (`header` member), as given.
    pub header: Option<Value>,
    /// The JWS signing input (`protected.payload`) for this signature.
    #[serde(skip)]
    pub signing_input: Option<String>,
    /// The signature bytes.
    #[serde(skip)]
    pub signature: Option<Vec<u8>>,
}

/// Everything decoded from one token.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Token {
    /// Where the token came from when the input held several (`id_token`, `token 2`, …).
    pub label: Option<String>,
    /// The cleaned token text (compact form, or the JSON serialization).
    pub compact: String,
    /// What kind of token it is.
    pub kind: TokenKind,
    /// How it was serialized.
    pub serialization: Serialization,
    /// The (protected) header.
    pub header: Option<Decoded>,
    /// The payload (claims). `None` for JWE, whose payload is encrypted.
    pub payload: Option<Decoded>,
    /// Byte ranges of the segments in the original input (compact serialization only).
    pub segments: Vec<Segment>,
    /// Signatures of a JWS JSON serialization.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(optional, as = "Option<Vec<JsonSignature>>")]
    pub signatures: Vec<JsonSignature>,
    /// The token inside a nested JWT.
    pub inner: Option<Box<Token>>,
    /// The JWS signing input (`header.payload` as ASCII), for signature verification.
    #[serde(skip)]
    pub signing_input: Option<String>,
    /// The raw signature bytes.
    #[serde(skip)]
    pub signature: Option<Vec<u8>>,
    /// SD-JWT only: every disclosure of the presentation, in order, with its digest and whether the payload
    /// references it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub disclosures: Option<Vec<Disclosure>>,
    /// SD-JWT only: the issuer's claims with every matched disclosure in place and `_sd`, `_sd_alg` and the `...`
    /// array placeholders removed (what the holder disclosed). `None` when the payload is not a JSON object.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub disclosed_claims: Option<Value>,
    /// SD-JWT only: the key-binding JWT that ends the presentation, decoded as a token (`null` when the presentation
    /// ends with `~`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, as = "Option<Option<Box<Token>>>")]
    pub key_binding: Option<Option<Box<Token>>>,
    /// SD-JWT only: the presentation up to and including the `~` before the key-binding JWT, exactly as received,
    /// which the key-binding JWT's `sd_hash` covers.
    #[serde(skip)]
    pub sd_hash_input: Option<String>,
    #[cfg(feature = "jwe")]
    /// A JWE's parts, for decryption (when every part decoded).
    #[serde(skip)]
    pub jwe: Option<Box<JweParts>>,
    #[cfg(feature = "jwe")]
    /// A JWE's decryption with the keys given (`inspect` with `keys`).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub decryption: Option<Decryption>,
    #[cfg(feature = "jwe")]
    /// Where a token that was not pasted came from: the plaintext of a JWE (`origin.token` is the JWE's index).
    /// Such a token was never in the input, so its `segments` are empty and its findings carry no offsets.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub origin: Option<Origin>,
}

impl Token {
    pub(super) fn new(label: Option<String>, compact: String, kind: TokenKind) -> Self {
        Self {
            label,
            compact,
            kind,
            serialization: Serialization::Compact,
            header: None,
            payload: None,
            segments: Vec::new(),
            signatures: Vec::new(),
            inner: None,
            signing_input: None,
            signature: None,
            disclosures: None,
            disclosed_claims: None,
            key_binding: None,
            sd_hash_input: None,
            #[cfg(feature = "jwe")]
            jwe: None,
            #[cfg(feature = "jwe")]
            decryption: None,
            #[cfg(feature = "jwe")]
            origin: None,
        }
    }

    /// The key-binding JWT of an SD-JWT presentation, when there is one.
    #[must_use]
    pub fn key_binding_jwt(&self) -> Option<&Token> {
        self.key_binding.as_ref().and_then(Option::as_deref)
    }

    /// The header as a JSON object, when it decoded to one.
    #[must_use]
    pub fn header_object(&self) -> Option<&Map<String, Value>> {
        self.header.as_ref().and_then(Decoded::object)
    }

    /// The claims as a JSON object, when the payload decoded to one.
    #[must_use]
    pub fn claims(&self) -> Option<&Map<String, Value>> {
        self.payload.as_ref().and_then(Decoded::object)
    }

    /// The header's `alg`, when it is a string.
    #[must_use]
    pub fn alg(&self) -> Option<&str> {
        self.header_object().and_then(|h| h.get("alg")).and_then(Value::as_str)
    }
}

const MAX_NESTING: usize = 4;

/// Whether a disclosure is referenced by the issuer-signed payload.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DisclosureStatus {
    /// Its digest is in the payload (or in another matched disclosure), where the disclosure's kind fits.
    Matched,
    /// Its digest is referenced nowhere: a verifier rejects the presentation.
    Unreferenced,
    /// It cannot be used: not base64url of a JSON array of 2 or 3, a reserved name, a digest referenced twice or in
    /// the wrong place, or a hash algorithm jwtlens does not know.
    Invalid,
}

/// One disclosure of an SD-JWT presentation.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Disclosure {
    /// base64url of its hash under `_sd_alg`, over the disclosure text as presented (empty when the algorithm is
    /// not supported).
    pub digest: String,
    /// The salt, when the disclosure decoded.
    pub salt: Option<String>,
    /// The claim name; `null` for an array element (and for an undecodable disclosure).
    pub name: Option<String>,
    /// The disclosed value.
    pub value: Option<Value>,
    /// Whether the payload references it.
    pub status: DisclosureStatus,
}

/// Decodes one candidate that is not an SD-JWT presentation (`super::decode_candidate` tells them apart). Findings
/// are appended to `findings` (without a token index; the caller adds it).
#[must_use]
pub fn decode(candidate: &Candidate, limits: &Limits, findings: &mut Vec<Finding>) -> Token {
    if candidate.json {
        return decode_json(candidate, limits, findings);
    }
    decode_compact(&candidate.text, candidate.label.clone(), limits, findings, 0)
}

fn part_name(part: Part) -> &'static str {
    match part {
        Part::Header => "header",
        Part::Payload => "payload",
        Part::Signature => "signature",
        Part::EncryptedKey => "encrypted key",
        Part::Iv => "initialisation vector",
        Part::Ciphertext => "ciphertext",
        Part::Tag => "authentication tag",
        Part::Disclosure => "disclosure",
        Part::KeyBinding => "key-binding JWT",
        Part::Input | Part::Key => "input",
    }
}

/// Decodes base64url and reports; `None` when undecodable.
fn segment_bytes(seg: &Spanned, part: Part, findings: &mut Vec<Finding>) -> Option<Vec<u8>> {
    match base64url::decode(seg, part, part_name(part)) {
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

fn decoded_from(parsed: Parsed, bytes: &[u8]) -> Decoded {
    let hex = parsed.text.is_none().then(|| hex(bytes));
    Decoded { text: parsed.text, value: parsed.value, hex }
}

pub(super) fn decode_header(seg: &Spanned, limits: &Limits, findings: &mut Vec<Finding>) -> Option<Decoded> {
    if seg.is_empty() {
        findings.push(
            Finding::new(TokenCode::EmptySegment, "The header segment is empty.")
                .fix("The token is damaged; copy it again from its source.")
                .at(Location::part(Part::Header)),
        );
        return None;
    }
    let bytes = segment_bytes(seg, Part::Header, findings)?;
    let parsed = json::parse_object(&bytes, Part::Header, "header", limits);
    findings.extend(parsed.findings.iter().cloned());
    Some(decoded_from(parsed, &bytes))
}

/// Decodes a payload: JSON claims, or text, or bytes; a nested token when `cty` says so or the text is one.
fn decode_payload(
    bytes: &[u8],
    header: Option<&Map<String, Value>>,
    limits: &Limits,
    findings: &mut Vec<Finding>,
    depth: usize,
) -> (Decoded, Option<Box<Token>>) {
    let cty_jwt = header
        .and_then(|h| h.get("cty"))
        .and_then(Value::as_str)
        .is_some_and(|c| c.eq_ignore_ascii_case("jwt") || c.eq_ignore_ascii_case("application/jwt"));
    let text = std::str::from_utf8(bytes).ok();
    if let Some(text) = text {
        let dots = text.matches('.').count();
        let looks_nested = !text.trim_start().starts_with('{') && (dots == 2 || dots == 4);
        if (cty_jwt || looks_nested) && depth < MAX_NESTING {
            let mut inner_findings = Vec::new();
            let inner = decode_compact(&Spanned::at(text, 0), None, limits, &mut inner_findings, depth + 1);
            // Without `cty: JWT`, a payload counts as a token only if its header decodes (prose has dots too).
            if cty_jwt || inner.header_object().is_some() {
                findings.push(
                    Finding::new(
                        TokenCode::Nested,
                        "The payload is itself a token (a nested JWT); it is decoded below as the inner token.",
                    )
                    .at(Location::part(Part::Payload)),
                );
                // Inner findings keep their own codes; offsets are relative to the payload, so drop spans.
                findings.extend(inner_findings.into_iter().map(|mut f| {
                    if let Some(loc) = &mut f.location {
                        loc.start = None;
                        loc.end = None;
                    }
                    f.message = format!("Inner token: {}", f.message);
                    f
                }));
                return (Decoded { text: Some(text.to_owned()), value: None, hex: None }, Some(Box::new(inner)));
            }
        }
    }
    let parsed = json::parse_object(bytes, Part::Payload, "payload", limits);
    let is_json = parsed.value.is_some();
    if is_json || text.is_some_and(|t| t.trim_start().starts_with(['{', '['])) {
        findings.extend(parsed.findings.iter().cloned());
    } else {
        findings.push(
            Finding::new(
                TokenCode::PayloadNotJson,
                if text.is_some() {
                    "The payload is not JSON; it is shown as text. A JWS may carry any payload, but a JWT's payload is a JSON object of claims."
                } else {
                    "The payload is binary (not UTF-8); it is shown as hex. A JWT's payload is a JSON object of claims."
                },
            )
            .at(Location::part(Part::Payload)),
        );
    }
    (decoded_from(Parsed { findings: Vec::new(), ..parsed }, bytes), None)
}

/// Header checks that do not need a key: `alg` presence and type, `none`, embedded keys, `b64`.
pub(super) fn check_header(header: &Map<String, Value>, findings: &mut Vec<Finding>) {
    match header.get("alg") {
        None => findings.push(
            Finding::new(
                TokenCode::AlgMissing,
                "The header has no \"alg\" parameter, which every JWS and JWE requires.",
            )
            .fix("Every verifier rejects this token. Fix the issuer.")
            .at(Location::member(Part::Header, "alg")),
        ),
        Some(Value::String(_)) => {}
        Some(_) => findings.push(
            Finding::new(TokenCode::AlgNotString, "The header's \"alg\" is not a string.")
                .at(Location::member(Part::Header, "alg")),
        ),
    }
    for (name, what) in [
        ("jwk", "carries a public key (jwk)"),
        ("x5c", "carries a certificate chain (x5c)"),
        ("jku", "points to a key set URL (jku)"),
        ("x5u", "points to a certificate URL (x5u)"),
    ] {
        if header.contains_key(name) {
            findings.push(
                Finding::new(TokenCode::EmbeddedKey, format!("The header {what}. A key chosen by the token proves nothing: anyone can sign with their own key and name it here."))
                    .fix("Verify with a key you obtained from the issuer yourself (its JWKS). jwtlens never uses or fetches a key the token names.")
                    .at(Location::member(Part::Header, name)),
            );
        }
    }
    if header.get("b64") == Some(&Value::Bool(false)) {
        findings.push(
            Finding::new(TokenCode::UnencodedPayload, "The header sets \"b64\": false (RFC 7797): the payload is signed unencoded. Most JWT libraries do not support this.")
                .at(Location::member(Part::Header, "b64")),
        );
    }
}

pub(super) fn decode_compact(
    text: &Spanned,
    label: Option<String>,
    limits: &Limits,
    findings: &mut Vec<Finding>,
    depth: usize,
) -> Token {
    let compact = text.text();
    let segments = text.split('.');
    let mut token = Token::new(label, compact.clone(), TokenKind::Malformed);
    token.segments = segment_ranges(&segments);
    if let Some(known) = known_opaque(&compact) {
        findings.push(
            known.at(text
                .range()
                .map_or_else(|| Location::part(Part::Input), |(s, e)| Location::span(Part::Input, s, e))),
        );
        token.kind = TokenKind::Opaque;
        token.segments.clear();
        return token;
    }
    match segments.len() {
        1 => {
            not_a_jwt(&compact, text, findings);
            token.kind = TokenKind::Opaque;
            token.segments.clear();
        }
        5 => decode_jwe(&mut token, &segments, limits, findings),
        n => {
            if n != 3 {
                let hint = match n {
                    2 => " A JWS has 3 (header.payload.signature): the last part is missing — was the copy cut short?",
                    4 => " A JWS has 3 and a JWE has 5: a segment was lost or a dot was added.",
                    _ => " A JWS has 3 (header.payload.signature) and a JWE has 5.",
                };
                findings.push(
                    Finding::new(TokenCode::SegmentCount, format!("The token has {n} dot-separated segments.{hint}"))
                        .fix("Copy the whole token again from its source.")
                        .at(text
                            .range()
                            .map_or_else(|| Location::part(Part::Input), |(s, e)| Location::span(Part::Input, s, e))),
                );
            }
            decode_jws(&mut token, &segments, n == 3, limits, findings, depth);
        }
    }
    token
}

fn segment_ranges(segments: &[Spanned]) -> Vec<Segment> {
    let parts: &[Part] = if segments.len() == 5 {
        &[Part::Header, Part::EncryptedKey, Part::Iv, Part::Ciphertext, Part::Tag]
    } else {
        &[Part::Header, Part::Payload, Part::Signature]
    };
    segments
        .iter()
        .zip(parts)
        .filter_map(|(s, &part)| s.range().map(|(start, end)| Segment { part, start, end }))
        .collect()
}

/// Opaque tokens of known issuers, told by their documented prefixes (Google's `ya29.` access tokens contain a dot,
/// so without this they would read as a damaged two-segment JWT).
const OPAQUE: &[(&str, bool, &str, &str)] = &[
    (
        "ya29.",
        true,
        "a Google OAuth access token",
        "Ask Google's tokeninfo endpoint (https://oauth2.googleapis.com/tokeninfo?access_token=…) about it; to authenticate users to your backend, send the ID token (Sign in with Google) and verify it with verifyIdToken.",
    ),
    (
        "1//",
        false,
        "a Google OAuth refresh token",
        "Use it only at https://oauth2.googleapis.com/token (grant_type=refresh_token) to get new access tokens; keep it secret.",
    ),
    (
        "gho_",
        true,
        "a GitHub OAuth access token",
        "GitHub tokens are checked by GitHub's API (GET https://api.github.com/user with it); they are not JWTs.",
    ),
    ("ghu_", true, "a GitHub App user access token", "GitHub tokens are checked by GitHub's API; they are not JWTs."),
    ("ghs_", true, "a GitHub App installation token", "GitHub tokens are checked by GitHub's API; they are not JWTs."),
    (
        "ghp_",
        true,
        "a GitHub personal access token",
        "GitHub tokens are checked by GitHub's API; they are not JWTs. Never paste a personal access token anywhere else: revoke it if it leaked.",
    ),
    (
        "github_pat_",
        true,
        "a GitHub fine-grained personal access token",
        "GitHub tokens are checked by GitHub's API; they are not JWTs. Revoke it if it leaked.",
    ),
    (
        "ghr_",
        false,
        "a GitHub refresh token",
        "Use it only at GitHub's token endpoint (grant_type=refresh_token) to get new access tokens.",
    ),
];

fn known_opaque(compact: &str) -> Option<Finding> {
    let (prefix, access, what, fix) = OPAQUE.iter().find(|(p, ..)| compact.starts_with(p))?;
    let rest = compact.get(prefix.len()..).unwrap_or("");
    if rest.len() < 8 || rest.starts_with("eyJ") {
        return None;
    }
    let (code, kind) = if *access {
        (TokenCode::OpaqueAccessToken, "an opaque access token: not a JWT, readable only by its issuer")
    } else {
        (TokenCode::OpaqueRefreshToken, "a refresh token, opaque: it is no bearer token for APIs")
    };
    Some(Finding::new(code, format!("This is {what} (it starts with \"{prefix}\"): {kind}.")).fix(*fix))
}

fn not_a_jwt(compact: &str, text: &Spanned, findings: &mut Vec<Finding>) {
    let (message, fix) = if compact.starts_with("eyJ") {
        (
            "This has no dots: it looks like a single base64url segment (a JWT header or payload alone), not a whole token.".to_owned(),
            "Copy the whole token: three parts separated by dots.".to_owned(),
        )
    } else if compact.starts_with("ya29") {
        (
            "This is a Google OAuth access token, which is opaque: it is not a JWT and cannot be decoded.".to_owned(),
            "Ask Google's tokeninfo endpoint about it, or inspect the ID token instead.".to_owned(),
        )
    } else {
        (
            format!(
                "This is not a JWT: a JWT has dot-separated segments starting with \"eyJ\". A {}-character string without dots is usually an opaque token, which only its issuer can read.",
                compact.chars().count()
            ),
            "Opaque access tokens are checked by the issuer's introspection endpoint. Auth0 issues them when no audience is requested; Okta's org server's are meant for Okta only. Request a JWT access token (e.g. pass `audience`), or inspect the ID token.".to_owned(),
        )
    };
    findings.push(
        Finding::new(TokenCode::NotJwt, message)
            .fix(fix)
            .at(text.range().map_or_else(|| Location::part(Part::Input), |(s, e)| Location::span(Part::Input, s, e))),
    );
}

fn decode_jws(
    token: &mut Token,
    segments: &[Spanned],
    exact: bool,
    limits: &Limits,
    findings: &mut Vec<Finding>,
    depth: usize,
) {
    let (Some(h), Some(p)) = (segments.first(), segments.get(1)) else { return };
    token.header = decode_header(h, limits, findings);
    let header = token.header_object().cloned();
    if let Some(header) = &header {
        check_header(header, findings);
    }
    if p.is_empty() {
        findings.push(
            Finding::new(
                TokenCode::EmptySegment,
                "The payload segment is empty (detached content, RFC 7515 Appendix F).",
            )
            .fix("Verifying a detached payload needs the content it signs; a JWT always carries its claims.")
            .at(Location::part(Part::Payload)),
        );
    } else if let Some(bytes) = segment_bytes(p, Part::Payload, findings) {
        let (decoded, inner) = decode_payload(&bytes, header.as_ref(), limits, findings, depth);
        token.payload = Some(decoded);
        token.inner = inner;
    }
    if !exact {
        return;
    }
    token.signing_input = Some(format!("{}.{}", h.text(), p.text()));
    let Some(s) = segments.get(2) else { return };
    let alg = token.alg().map(str::to_owned);
    let is_none = alg.as_deref().is_some_and(|a| a.eq_ignore_ascii_case("none"));
    token.kind = match (token.header_object().is_some(), is_none) {
        (false, _) => TokenKind::Malformed,
        (true, true) => TokenKind::Unsecured,
        (true, false) => TokenKind::Jws,
    };
    if s.is_empty() {
        if !is_none && alg.is_some() {
            findings.push(
                Finding::new(TokenCode::SignatureMissing, format!("The header says \"alg\": \"{}\" but the signature segment is empty.", alg.unwrap_or_default()))
                    .fix("The signature was stripped, so no verifier will accept the token. Copy the whole token from its source.")
                    .at(Location::part(Part::Signature)),
            );
        }
        token.signature = Some(Vec::new());
    } else if let Some(bytes) = segment_bytes(s, Part::Signature, findings) {
        token.signature = Some(bytes);
    }
    if is_none {
        findings.push(
            Finding::new(TokenCode::Unsecured, "\"alg\": \"none\": this token is unsecured. Anyone can write one; it proves nothing about who made it.")
                .fix("Never accept unsecured tokens. If a server accepted this, it is vulnerable; if you issued it, sign it.")
                .at(Location::member(Part::Header, "alg")),
        );
        if !s.is_empty() {
            findings.push(
                Finding::new(TokenCode::UnsecuredWithSignature, "The header says \"alg\": \"none\" but a signature is present: the token was probably altered to disable signature checks.")
                    .at(Location::part(Part::Signature)),
            );
        }
    }
}

fn decode_jwe(token: &mut Token, segments: &[Spanned], limits: &Limits, findings: &mut Vec<Finding>) {
    token.kind = TokenKind::Jwe;
    let Some(h) = segments.first() else { return };
    token.header = decode_header(h, limits, findings);
    // Without the `jwe` feature the parts are only validated (their findings), as before decryption existed.
    let parts = super::jwe::compact_parts(segments, token.header_object(), findings);
    #[cfg(feature = "jwe")]
    {
        token.jwe = parts.map(Box::new);
    }
    #[cfg(not(feature = "jwe"))]
    drop(parts);
    let Some(header) = token.header_object().cloned() else { return };
    check_header(&header, findings);
    describe_jwe(Some(&header), findings);
}

/// What a JWE's header says without a key: `enc` missing, what it is, the Cognito refresh token's shape.
pub(super) fn describe_jwe(header: Option<&Map<String, Value>>, findings: &mut Vec<Finding>) {
    let get = |k: &str| header.and_then(|h| h.get(k)).and_then(Value::as_str);
    if get("enc").is_none() {
        findings.push(
            Finding::new(TokenCode::EncMissing, "The token has 5 segments like a JWE, but its header has no \"enc\".")
                .at(Location::member(Part::Header, "enc")),
        );
    }
    findings.push(
        Finding::new(TokenCode::Encrypted, format!(
            "This is an encrypted token (JWE, alg {}, enc {}). Only its header is readable; the content needs the recipient's private key or the shared secret (give it as the key to decrypt).",
            get("alg").unwrap_or("?"), get("enc").unwrap_or("?")
        ))
        .at(Location::part(Part::Ciphertext)),
    );
    if get("alg") == Some("dir") && get("iss").is_some_and(|i| i.starts_with("https://")) {
        findings.push(
            Finding::new(TokenCode::Auth0OpaqueToken, format!("This has the shape of an Auth0 opaque access token (a JWE with alg dir and the issuer {} in its header): Auth0 issues it when the authorize call names no API audience. Only Auth0 can read it; your API cannot validate it.", get("iss").unwrap_or("?")))
                .fix("Pass audience=<API Identifier> in the authorize call (auth0-spa-js / auth0-react: authorizationParams.audience) to get a JWT access token for your API; this one is good for /userinfo only.")
                .at(Location::member(Part::Header, "iss")),
        );
    }
    if get("cty").is_some_and(|c| c.eq_ignore_ascii_case("JWT"))
        && get("alg") == Some("RSA-OAEP")
        && get("enc") == Some("A256GCM")
    {
        findings.push(
            Finding::new(TokenCode::CognitoRefreshToken, "This has the shape of an Amazon Cognito refresh token: encrypted by Cognito, readable only by Cognito.")
                .fix("Nobody but Cognito can decode or verify a refresh token. Use it only to get new tokens (InitiateAuth REFRESH_TOKEN_AUTH or /oauth2/token grant_type=refresh_token), and inspect the ID or access token instead.")
                .at(Location::part(Part::Header)),
        );
    }
}

fn decode_json(candidate: &Candidate, limits: &Limits, findings: &mut Vec<Finding>) -> Token {
    let raw = candidate.text.text();
    let mut token = Token::new(candidate.label.clone(), raw.clone(), TokenKind::Malformed);
    token.serialization = Serialization::JsonFlattened;
    let parsed = json::parse_object(raw.as_bytes(), Part::Input, "input", limits);
    let has_errors = !parsed.findings.is_empty();
    findings.extend(parsed.findings);
    if has_errors {
        return token;
    }
    let Some(Value::Object(object)) = parsed.value else { return token };
    let invalid = |findings: &mut Vec<Finding>, what: &str| {
        findings.push(
            Finding::new(
                TokenCode::JsonSerializationInvalid,
                format!("This JSON is not a valid JWS JSON serialization: {what}."),
            )
            .fix("RFC 7515 §7.2 requires \"payload\" and either \"signature\" (flattened) or \"signatures\" (general).")
            .at(Location::part(Part::Input)),
        );
    };
    let Some(payload_b64) = object.get("payload").and_then(Value::as_str) else {
        invalid(findings, "\"payload\" is missing or not a string");
        return token;
    };
    let entries: Vec<&Map<String, Value>> = match (object.get("signatures"), object.get("signature")) {
        (Some(Value::Array(list)), None) => {
            token.serialization = Serialization::JsonGeneral;
            if limits.exceeded(Limit::Signatures, list.len()) {
                findings.push(limits.finding(
                    Limit::Signatures,
                    &format!("This JWS JSON serialization has {} signatures", count(list.len())),
                    "none was decoded or verified",
                ));
                return token;
            }
            let objects: Vec<_> = list.iter().filter_map(Value::as_object).collect();
            if objects.len() != list.len() || objects.is_empty() {
                invalid(findings, "\"signatures\" must be a non-empty array of objects");
                return token;
            }
            objects
        }
        (None, Some(_)) => vec![&object],
        (Some(_), Some(_)) => {
            invalid(findings, "it has both \"signature\" and \"signatures\"");
            return token;
        }
        _ => {
            invalid(findings, "\"signatures\" must be an array, or \"signature\" a string");
            return token;
        }
    };
    findings.push(
        Finding::new(TokenCode::JsonSerialization, format!(
            "This is a JWS in the JSON serialization ({} syntax, {} signature(s)). JWT libraries accept only the compact form.",
            if token.serialization == Serialization::JsonGeneral { "general" } else { "flattened" },
            entries.len()
        ))
        .at(Location::part(Part::Input)),
    );
    // Where each member's value stands in the input, so that findings inside it point at the right bytes.
    let members = json::string_members(&candidate.text);
    let mut next = 0;
    let mut locate = |name: &str, value: &str| json::member_value(&members, name, value, &mut next);
    for entry in entries {
        let protected_b64 = entry.get("protected").and_then(Value::as_str).unwrap_or("");
        let protected = if protected_b64.is_empty() {
            None
        } else {
            decode_header(&locate("protected", protected_b64), limits, findings)
        };
        let unprotected = entry.get("header").cloned();
        if let Some(h) = protected.as_ref().and_then(Decoded::object) {
            check_header(h, findings);
        }
        let signature = match entry.get("signature").and_then(Value::as_str) {
            Some(s) => segment_bytes(&locate("signature", s), Part::Signature, findings),
            None => {
                invalid(findings, "a signature entry has no \"signature\" string");
                None
            }
        };
        token.signatures.push(JsonSignature {
            protected,
            header: unprotected,
            signing_input: Some(format!("{protected_b64}.{payload_b64}")),
            signature,
        });
    }
    if let Some(first) = token.signatures.first().cloned() {
        token.header = first.protected;
        token.signature = first.signature;
        token.signing_input = first.signing_input;
    }
    let header = token.header_object().cloned();
    token.kind =
        if token.alg().is_some_and(|a| a.eq_ignore_ascii_case("none")) { TokenKind::Unsecured } else { TokenKind::Jws };
    let payload = json::member_value(&members, "payload", payload_b64, &mut 0);
    if let Some(bytes) = segment_bytes(&payload, Part::Payload, findings) {
        let (decoded, inner) = decode_payload(&bytes, header.as_ref(), limits, findings, 0);
        token.payload = Some(decoded);
        token.inner = inner;
    }
    token
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use base64::engine::general_purpose::URL_SAFE_NO_PAD;

    fn codes(input: &str) -> Vec<&'static str> {
        crate::decode::decode_input(input, &crate::limits::Limits::default())
            .findings
            .iter()
            .map(crate::finding::Finding::code)
            .collect()
    }

    fn b64(text: &str) -> String {
        URL_SAFE_NO_PAD.encode(text)
    }

    /// Opaque tokens of known issuers are named, not reported as damaged JWTs; Auth0's opaque JWE is recognised.
    #[test]
    fn known_opaque_tokens() {
        let google = codes("ya29.a0AfH6SMBx3kLmPq9RtYzW_exampleexampleexample");
        assert_eq!(google, ["TOKEN_OPAQUE_ACCESS_TOKEN"]);
        assert_eq!(codes("gho_16C7e42F292c6912E7710c838347Ae178B4a"), ["TOKEN_OPAQUE_ACCESS_TOKEN"]);
        assert_eq!(codes("1//0gLmExampleRefreshTokenText"), ["TOKEN_OPAQUE_REFRESH_TOKEN"]);
        assert!(codes("ya29.eyJhbGciOiJub25lIn0").iter().all(|c| !c.starts_with("TOKEN_OPAQUE")));
        let jwe = |header: &str| format!("{}..aXY.Y2lwaGVy.dGFn", b64(header));
        let auth0 = codes(&jwe(r#"{"alg":"dir","enc":"A256GCM","iss":"https://dev-x.us.auth0.com/"}"#));
        assert!(auth0.contains(&"TOKEN_AUTH0_OPAQUE"), "{auth0:?}");
        assert!(!codes(&jwe(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#)).contains(&"TOKEN_AUTH0_OPAQUE"));
    }

    /// Header findings that need no key, each next to a close variant that does not raise it.
    #[test]
    fn header_findings() {
        let jws = |header: &str| format!("{}.{}.c2ln", b64(header), b64(r#"{"sub":"1"}"#));
        assert!(codes(&jws(r#"{"typ":"JWT"}"#)).contains(&"TOKEN_ALG_MISSING"));
        assert!(codes(&jws(r#"{"alg":1}"#)).contains(&"TOKEN_ALG_NOT_STRING"));
        let fine = codes(&jws(r#"{"alg":"HS256","typ":"JWT"}"#));
        assert!(!fine.contains(&"TOKEN_ALG_MISSING") && !fine.contains(&"TOKEN_ALG_NOT_STRING"), "{fine:?}");
        // RFC 7797: the payload segment is the payload itself, not base64url.
        let unencoded = format!("{}.hello.c2ln", b64(r#"{"alg":"HS256","b64":false,"crit":["b64"]}"#));
        assert!(codes(&unencoded).contains(&"TOKEN_UNENCODED_PAYLOAD"));
        assert!(!fine.contains(&"TOKEN_UNENCODED_PAYLOAD"));
    }

    /// Findings inside a member of a JSON serialization point at the member's bytes in the input, escapes included
    /// (found by the property test: offsets used to count from the start of the JSON text).
    #[test]
    fn json_serialization_offsets_point_into_the_member() {
        let at = |input: &str, code: &str| {
            let result = crate::decode::decode_input(input, &crate::limits::Limits::default());
            let finding = result.findings.iter().find(|f| f.code() == code).cloned();
            finding.and_then(|f| f.location).and_then(|l| l.start.zip(l.end))
        };
        // The header's last character has unused bits set ("…J9" is canonical, "…Ni9" is not).
        let input = "{\"payload\":\"e30\u{10000}\",\"signatures\":[{\"protected\":\"eyJhbGciOiJFUzI1Ni9\",\"signature\":\"c2ln\"}]}";
        let (start, end) = at(input, "B64_NON_CANONICAL").expect("a located finding");
        assert_eq!(&input[start..end], "9");
        assert_eq!(start, input.find("Ni9").map(|i| i + 2).unwrap_or_default());
        // An escaped character in a value points at its escape.
        let input = r#"{"payload":"e30","protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2l\u002a"}"#;
        let (start, _) = at(input, "B64_INVALID_CHARACTER").expect("a located finding");
        assert_eq!(&input[start..start + 6], r"\u002a");
        // The second entry of a general serialization is found after the first, although both say the same.
        let input = r#"{"payload":"e30","signatures":[{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2ln"},{"protected":"eyJhbGciOiJIUzI1NiJ9","signature":"c2l*"}]}"#;
        let (start, _) = at(input, "B64_INVALID_CHARACTER").expect("a located finding");
        assert_eq!(start, input.rfind('*').unwrap_or_default());
    }

    #[test]
    fn jwe_without_enc() {
        let jwe = |header: &str| format!("{}.a2V5.aXY.Y2lwaGVy.dGFn", b64(header));
        let without = codes(&jwe(r#"{"alg":"RSA-OAEP"}"#));
        assert!(without.contains(&"TOKEN_ENC_MISSING") && without.contains(&"TOKEN_ENCRYPTED"), "{without:?}");
        assert!(!codes(&jwe(r#"{"alg":"RSA-OAEP","enc":"A256GCM"}"#)).contains(&"TOKEN_ENC_MISSING"));
    }
}
