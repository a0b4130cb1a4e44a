//! Findings: what jwtlens has to say about an input, as data.
//!
//! Every finding has a stable [`Code`] (declared, with its severity and description, in [`crate::codes`]), a
//! [`Severity`], a one-line message in plain language, an optional fix and an optional [`Location`].

use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use crate::codes::{Code, Severity};

/// Which part of a token a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Part {
    /// The pasted input as a whole.
    Input,
    /// The (protected) JOSE header.
    Header,
    /// The JWS payload (the claims of a JWT).
    Payload,
    /// The JWS signature.
    Signature,
    /// JWE encrypted key.
    EncryptedKey,
    /// JWE initialisation vector.
    Iv,
    /// JWE ciphertext.
    Ciphertext,
    /// JWE authentication tag.
    Tag,
    /// A key the user supplied.
    Key,
    /// One disclosure of an SD-JWT (RFC 9901).
    Disclosure,
    /// The key-binding JWT that ends an SD-JWT presentation.
    KeyBinding,
}

/// Where a finding applies. Every field is optional; offsets are into the original input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Index of the token in [`crate::Inspection::tokens`].
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub token: Option<usize>,
    /// The part of the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub part: Option<Part>,
    /// Start offset in the original input. Byte offset inside the Rust core; UTF-16 code units in the JS API.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub start: Option<usize>,
    /// End offset (exclusive), same unit as `start`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub end: Option<usize>,
    /// 1-based line inside decoded JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub line: Option<usize>,
    /// 1-based column (in characters) inside decoded JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub column: Option<usize>,
    /// The header parameter or claim concerned, e.g. `exp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub member: Option<String>,
    /// Index of the key concerned, for key and verification findings.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub key: Option<usize>,
}

impl Location {
    /// A location in one part of a token, with nothing else known.
    #[must_use]
    pub fn part(part: Part) -> Self {
        Self { part: Some(part), ..Self::default() }
    }

    /// A location naming a header parameter or claim.
    #[must_use]
    pub fn member(part: Part, member: &str) -> Self {
        Self { part: Some(part), member: Some(member.to_owned()), ..Self::default() }
    }

    /// A byte range of the original input.
    #[must_use]
    pub fn span(part: Part, start: usize, end: usize) -> Self {
        Self { part: Some(part), start: Some(start), end: Some(end), ..Self::default() }
    }
}

/// One thing jwtlens noticed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    /// Stable code from `docs/codes.md`.
    #[ts(type = "FindingCode")]
    pub code: Code,
    /// How bad it is; fixed per code.
    pub severity: Severity,
    /// One line in plain language.
    pub message: String,
    /// What to do about it, when there is something to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fix: Option<String>,
    /// Where it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub location: Option<Location>,
}

impl Finding {
    /// A finding with a message and nothing else.
    pub fn new(code: impl Into<Code>, message: impl Into<String>) -> Self {
        let code = code.into();
        Self { code, severity: code.severity(), message: message.into(), fix: None, location: None }
    }

    /// Adds a fix.
    #[must_use]
    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = Some(fix.into());
        self
    }

    /// Sets the location.
    #[must_use]
    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    /// Sets the token index of the location (creating the location if needed).
    #[must_use]
    pub fn in_token(mut self, token: usize) -> Self {
        self.location.get_or_insert_with(Location::default).token = Some(token);
        self
    }

    /// The stable code string (for display and tests; logic compares [`Finding::code`] as a value).
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code.as_str()
    }
}

/// Joins quoted values for messages: `"a", "b"`.
pub fn quoted<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(|s| format!("\"{}\"", s.as_ref())).collect::<Vec<_>>().join(", ")
}

/// Rewrites the offsets of `findings` with `map` (from byte offsets to UTF-16 code units, see
/// [`crate::spanned::utf16_offsets`]).
pub fn map_offsets(findings: &mut [Finding], map: &impl Fn(usize) -> usize) {
    for finding in findings {
        if let Some(loc) = &mut finding.location {
            loc.start = loc.start.map(map);
            loc.end = loc.end.map(map);
        }
    }
}
