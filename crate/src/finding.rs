//! Findings: what jwtlens has to say about an input, as data.
//!
//! Every finding has a stable [`Code`], a [`Severity`], a one-line message in plain language, an optional fix and
//! an optional [`Location`]. Codes are grouped by the phase that produces them (paste hygiene, encoding, JSON,
//! structure, keys, signatures, claims, providers); each group is one enum declared with [`codes!`], which also
//! generates the exhaustive `as_str` mapping and the list used by the documentation test. The documented list is
//! `docs/codes.md`; `tests/codes.rs` keeps it equal to [`all_codes`].

use serde::Serialize;

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Background that helps to read the token; nothing is wrong.
    Info,
    /// Something a strict server may reject, or a risk worth knowing.
    Warning,
    /// The token (or key, or request) will be rejected, or cannot be read.
    Error,
}

/// Declares one phase's code enum: variant, stable string, severity, and a one-sentence doc that `docs/codes.md`
/// repeats.
macro_rules! codes {
    ($(#[$meta:meta])* $vis:vis enum $name:ident { $( $(#[doc = $doc:literal])+ $variant:ident = ($code:literal, $sev:ident), )+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl $name {
            /// Every code of this phase, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable string code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }

            /// The one-sentence description documented in `docs/codes.md`.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$variant => concat!($($doc),+),)+ }
            }

            /// The severity a finding with this code always has.
            #[must_use]
            pub const fn severity(self) -> $crate::finding::Severity {
                match self { $(Self::$variant => $crate::finding::Severity::$sev,)+ }
            }
        }

        impl From<$name> for $crate::finding::Code {
            fn from(code: $name) -> Self {
                $crate::finding::Code::new(code.as_str(), code.severity())
            }
        }

        impl $crate::finding::CodeGroup for $name {
            fn entries() -> Vec<$crate::finding::CodeEntry> {
                Self::ALL
                    .iter()
                    .map(|c| $crate::finding::CodeEntry { code: c.as_str(), severity: c.severity(), description: c.description().trim() })
                    .collect()
            }
        }
    };
}
pub(crate) use codes;

/// One documented code: what `docs/codes.md` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CodeEntry {
    /// The stable string code.
    pub code: &'static str,
    /// Its fixed severity.
    pub severity: Severity,
    /// One sentence saying when it is reported.
    pub description: &'static str,
}

/// A phase's code enum, listed in the documentation.
pub trait CodeGroup {
    /// Every code of the group with its severity and description.
    fn entries() -> Vec<CodeEntry>;
}

/// A stable code with its severity, as carried by a [`Finding`]. Built from a phase enum with `.into()`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Code {
    code: &'static str,
    severity: Severity,
}

impl Code {
    pub(crate) const fn new(code: &'static str, severity: Severity) -> Self {
        Self { code, severity }
    }

    /// The stable string code, e.g. `"PASTE_BEARER_PREFIX"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        self.code
    }

    /// The severity findings with this code have.
    #[must_use]
    pub const fn severity(self) -> Severity {
        self.severity
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.code)
    }
}

/// Which part of a token a location points into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
}

/// Where a finding applies. Every field is optional; offsets are into the original input.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Location {
    /// Index of the token in [`crate::Inspection::tokens`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub token: Option<usize>,
    /// The part of the token.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part: Option<Part>,
    /// Start offset in the original input. Byte offset inside the Rust core; UTF-16 code units in the JS API.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start: Option<usize>,
    /// End offset (exclusive), same unit as `start`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end: Option<usize>,
    /// 1-based line inside decoded JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// 1-based column (in characters) inside decoded JSON text.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub column: Option<usize>,
    /// The header parameter or claim concerned, e.g. `exp`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub member: Option<String>,
    /// Index of the key concerned, for key and verification findings.
    #[serde(skip_serializing_if = "Option::is_none")]
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
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// Stable code from `docs/codes.md`.
    pub code: Code,
    /// How bad it is; fixed per code.
    pub severity: Severity,
    /// One line in plain language.
    pub message: String,
    /// What to do about it, when there is something to do.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<String>,
    /// Where it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
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

    /// The stable code string.
    #[must_use]
    pub fn code(&self) -> &'static str {
        self.code.as_str()
    }
}
