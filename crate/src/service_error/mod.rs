//! What a service answered: recognising error messages in a paste (a `WWW-Authenticate` challenge, an HTTP
//! response, a JSON error body, an exception in a log), as data.
//!
//! [`catalogue`] is one entry per message: its patterns, who emits it, the emitter's own code, what it means in
//! terms of the token (a [`Fact`]), the finding codes that decide the same fact, and the envelope markers that tell
//! two emitters of the same wording apart. [`scan()`] finds them in linear time: a two-byte prefilter over the
//! text for the literal anchors, bounded template matching after each anchor, and short messages ("Jwt is expired",
//! "Unauthorized") only when they fill a message slot (a whole line, a JSON string member, a header parameter, the
//! text after an exception's class name), so prose that mentions an error is not one. Comparing a recognised
//! message with the token is the API's job (`api::service_errors`): this floor reads text only.

pub mod catalogue;
mod scan;

use serde::Serialize;
use ts_rs::TS;

use crate::codes::Code;
pub use scan::{Match, scan, value};

/// What a message says about the token (or that it says nothing about it): what the agreement compares.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Fact {
    /// `exp` has passed.
    Expired,
    /// `nbf` is in the future.
    NotYetValid,
    /// `iat` is in the future.
    IssuedInFuture,
    /// Expired or not yet valid; the message does not say which.
    NotActive,
    /// Older than the service's maximum age (`iat`).
    TooOld,
    /// The token has no `exp` and the service requires one.
    NoExpiry,
    /// `aud` is not the audience the service expects.
    Audience,
    /// The token has no `aud`.
    AudienceMissing,
    /// `iss` is not the issuer the service expects.
    Issuer,
    /// The token has no `iss`.
    IssuerMissing,
    /// The signature does not verify with the key the service found.
    Signature,
    /// No key with the token's `kid` among the service's keys.
    KeyNotFound,
    /// The token has no `kid` and the service needs one.
    NoKid,
    /// The service has no keys at all (metadata not loaded, no secret configured).
    NoKeys,
    /// The token's `alg` is not one the service accepts.
    Algorithm,
    /// The token cannot be read: segments, base64url or JSON.
    Malformed,
    /// The token is unsecured (`alg: none`).
    Unsecured,
    /// The token lacks a scope the service requires.
    Scope,
    /// An ID token where an access token is expected, or the reverse (`token_use`, `typ`).
    TokenType,
    /// The token was issued to another app client (`client_id`, `azp`, `aud` of an ID token).
    Client,
    /// Another claim is missing or has the wrong value.
    Claim,
    /// The token was revoked; nothing in the token shows it.
    Revoked,
    /// No token reached the service.
    NoToken,
    /// The service rejected the token without saying why.
    Rejected,
    /// The DPoP proof is missing or wrong (RFC 9449).
    DpopProof,
    /// The service asks for a DPoP nonce: retry with it (RFC 9449).
    DpopNonce,
    /// The request was malformed: several tokens, or the token sent more than one way.
    Request,
    /// The service's configuration, the route or the network: nothing in the token decides it.
    Config,
    /// Obtaining a token failed at the identity provider (consent, app registration, grant).
    Grant,
}

/// Who emits a family of messages, and where its wording was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source {
    /// The emitter's name as people know it ("Microsoft IdentityModel").
    pub name: &'static str,
    /// Where the messages are written (source file or documentation).
    pub link: &'static str,
}

/// One message of the catalogue.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// Stable id (`MS-IDX10223`), used by docs/errors.md and the sample cases.
    pub id: &'static str,
    /// The emitter.
    pub source: &'static Source,
    /// The emitter's own code, or none; `{code}` is replaced by the digits captured as `code`.
    pub code: Option<&'static str>,
    /// Templates, any of which recognises the message: literal text with `{name}` captures of the values the
    /// service inserts. The text before the first capture is the anchor searched for.
    pub patterns: &'static [&'static str],
    /// True for short wordings that count only when they fill a whole message slot.
    pub whole: bool,
    /// With `whole`: the JSON member or header parameter the slot must be (`message`), or any slot.
    pub key: Option<&'static str>,
    /// What the message says about the token.
    pub fact: Fact,
    /// What this emitter's message adds to the fact's meaning (may be empty).
    pub note: &'static str,
    /// The fix, when the fact's general one is not the right advice (may be empty).
    pub fix: &'static str,
    /// The finding codes that decide the same fact, when not the fact's usual ones.
    pub findings: &'static [Code],
    /// Lower-case texts of the envelope that point at this emitter when several share the wording.
    pub markers: &'static [&'static str],
    /// A challenge or status that a more specific message in the same paste explains (`error="invalid_token"`).
    pub generic: bool,
    /// Read the `name="value"` parameters of the line the message is on (a `WWW-Authenticate` challenge).
    pub params: bool,
}

impl Entry {
    /// The defaults every catalogue entry starts from.
    pub const BASE: Self = Self {
        id: "",
        source: &catalogue::RFC6750,
        code: None,
        patterns: &[],
        whole: false,
        key: None,
        fact: Fact::Rejected,
        note: "",
        fix: "",
        findings: &[],
        markers: &[],
        generic: false,
        params: false,
    };

    /// The finding codes deciding this entry's fact: its own list, or the fact's.
    #[must_use]
    pub fn finding_codes(&self) -> &'static [Code] {
        if self.findings.is_empty() { catalogue::fact_findings(self.fact) } else { self.findings }
    }

    /// The meaning in plain words: the fact's, then what this emitter's message adds.
    #[must_use]
    pub fn meaning(&self) -> String {
        let base = catalogue::fact_meaning(self.fact);
        if self.note.is_empty() { base.to_owned() } else { format!("{base} {}", self.note) }
    }

    /// The fix in plain words.
    #[must_use]
    pub fn fix_text(&self) -> &'static str {
        if self.fix.is_empty() { catalogue::fact_fix(self.fact) } else { self.fix }
    }
}
