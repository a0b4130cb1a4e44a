//! Input limits: how much of what a person pastes jwtlens will read in one call, each with a name, a default no real
//! token or key set comes near, and an option to raise it (`limits` in the options of `inspect`, `verify` and
//! `parseKeys`).
//!
//! A debugger is where people paste the strangest things, and the page runs on their main thread: every entry point
//! must answer in bounded time and memory, and WebAssembly traps (for good) when memory runs out. Each limit is
//! checked before the work it guards, from sizes that cost nothing or one linear pass to measure; beyond it a finding
//! with the limit's own code (`LIMIT_*`) says which limit, the size measured and how to raise it, and the work is not
//! done. `docs/DESIGN.md` ("Limits") lists the defaults and why.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::codes::LimitCode;
use crate::finding::{Finding, Location, Part};

/// The deepest JSON nesting any `depth` limit allows: serde_json, the JSON parser, refuses 128 levels (its recursion
/// limit, which keeps parsing within the stack).
pub const MAX_DEPTH: u64 = 127;

/// The limits of one call. Every field is optional in the options; a missing one keeps its default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct Limits {
    /// Bytes (UTF-8) of each text given: the pasted input, the key text, a detached payload, a header value.
    /// Default 1 MiB (1,048,576).
    #[ts(optional, as = "Option<u32>")]
    pub input_bytes: u64,
    /// Tokens read from one paste; those beyond are not decoded. Default 1,000.
    #[ts(optional, as = "Option<u32>")]
    pub tokens: u64,
    /// Keys in one key text (JWKS entries, PEM blocks, JSON array elements); beyond it no key is read. Default 100.
    #[ts(optional, as = "Option<u32>")]
    pub keys: u64,
    /// Signatures of one JWS JSON serialization; beyond it none is decoded or verified. Default 16.
    #[ts(optional, as = "Option<u32>")]
    pub signatures: u64,
    /// Members of one JSON object (header, payload, JWS JSON, JWK, token response); beyond it the JSON is not
    /// parsed. Default 1,000.
    #[ts(optional, as = "Option<u32>")]
    pub members: u64,
    /// Nesting depth of JSON (objects and arrays); beyond it the JSON is not parsed. Default 32, at most 127.
    #[ts(optional, as = "Option<u32>")]
    pub depth: u64,
    /// Signature checks in one call (each key tried on each signature, including keys tried for diagnosis only);
    /// beyond it the remaining keys are not tried. Default 64.
    #[ts(optional, as = "Option<u32>")]
    pub checks: u64,
    /// Compiled size in bytes of the API Gateway REST token-validation regex (regex-lite's size limit); a larger
    /// regex is not evaluated. Default 64 KiB (65,536).
    #[ts(optional, as = "Option<u32>")]
    pub regex_bytes: u64,
    /// Characters of `aud` values the token-validation regex is matched against in one call; beyond it the regex
    /// is not evaluated. Default 4,096.
    #[ts(optional, as = "Option<u32>")]
    pub regex_text: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            input_bytes: 1 << 20,
            tokens: 1_000,
            keys: 100,
            signatures: 16,
            members: 1_000,
            depth: 32,
            checks: 64,
            regex_bytes: 64 << 10,
            regex_text: 4_096,
        }
    }
}

/// One of the limits, to name it in findings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// [`Limits::input_bytes`].
    InputBytes,
    /// [`Limits::tokens`].
    Tokens,
    /// [`Limits::keys`].
    Keys,
    /// [`Limits::signatures`].
    Signatures,
    /// [`Limits::members`].
    Members,
    /// [`Limits::depth`].
    Depth,
    /// [`Limits::checks`].
    Checks,
    /// [`Limits::regex_bytes`].
    RegexBytes,
    /// [`Limits::regex_text`].
    RegexText,
}

impl Limit {
    /// The option's name in `limits`, as JavaScript spells it.
    #[must_use]
    pub const fn option(self) -> &'static str {
        match self {
            Self::InputBytes => "inputBytes",
            Self::Tokens => "tokens",
            Self::Keys => "keys",
            Self::Signatures => "signatures",
            Self::Members => "members",
            Self::Depth => "depth",
            Self::Checks => "checks",
            Self::RegexBytes => "regexBytes",
            Self::RegexText => "regexText",
        }
    }

    /// The finding code reported when this limit is reached.
    #[must_use]
    pub const fn code(self) -> LimitCode {
        match self {
            Self::InputBytes => LimitCode::InputBytes,
            Self::Tokens => LimitCode::Tokens,
            Self::Keys => LimitCode::Keys,
            Self::Signatures => LimitCode::Signatures,
            Self::Members => LimitCode::Members,
            Self::Depth => LimitCode::Depth,
            Self::Checks => LimitCode::Checks,
            Self::RegexBytes => LimitCode::RegexBytes,
            Self::RegexText => LimitCode::RegexText,
        }
    }
}

impl Limits {
    /// The value of one limit (for `depth`, at most [`MAX_DEPTH`]).
    #[must_use]
    pub const fn get(&self, limit: Limit) -> u64 {
        match limit {
            Limit::InputBytes => self.input_bytes,
            Limit::Tokens => self.tokens,
            Limit::Keys => self.keys,
            Limit::Signatures => self.signatures,
            Limit::Members => self.members,
            Limit::Depth => {
                if self.depth < MAX_DEPTH {
                    self.depth
                } else {
                    MAX_DEPTH
                }
            }
            Limit::Checks => self.checks,
            Limit::RegexBytes => self.regex_bytes,
            Limit::RegexText => self.regex_text,
        }
    }

    /// The value of one limit as a count in memory (saturating on 32-bit targets).
    #[must_use]
    pub fn count(&self, limit: Limit) -> usize {
        usize::try_from(self.get(limit)).unwrap_or(usize::MAX)
    }

    /// True when `measured` is over the limit.
    #[must_use]
    pub fn exceeded(&self, limit: Limit, measured: usize) -> bool {
        u64::try_from(measured).map_or(true, |m| m > self.get(limit))
    }

    /// The finding for `limit` reached at `measured`: `what` is the sentence that says what was measured ("The
    /// input is 157,286,400 bytes"), `consequence` what was therefore not done ("it was not read").
    #[must_use]
    pub fn finding(&self, limit: Limit, what: &str, consequence: &str) -> Finding {
        let value = self.get(limit);
        let raise = if limit == Limit::Depth && value >= MAX_DEPTH {
            format!(
                "{MAX_DEPTH} levels is the most jwtlens parses (the recursion limit of its JSON parser); this JSON cannot be inspected here."
            )
        } else {
            format!(
                "If this is really what you meant, raise `limits.{}` in the options; the default is far above anything real.",
                limit.option()
            )
        };
        Finding::new(
            limit.code(),
            format!("{what}, over the limit of {} (`limits.{}`): {consequence}.", thousands(value), limit.option()),
        )
        .fix(raise)
        .at(Location::part(Part::Input))
    }
}

/// A budget of work shared by everything one call does (signature checks, characters matched by a regex): a
/// counter that runs down. Interior mutability, so that the many readers of one call's context can draw on it.
#[derive(Debug)]
pub struct Budget {
    left: std::cell::Cell<u64>,
    /// How many draws were refused.
    refused: std::cell::Cell<u64>,
}

impl Budget {
    /// A budget of `amount`.
    #[must_use]
    pub const fn new(amount: u64) -> Self {
        Self { left: std::cell::Cell::new(amount), refused: std::cell::Cell::new(0) }
    }

    /// Takes `amount` from the budget; false (and nothing taken) when less is left.
    pub fn take(&self, amount: u64) -> bool {
        let left = self.left.get();
        if amount <= left {
            self.left.set(left - amount);
            true
        } else {
            self.refused.set(self.refused.get().saturating_add(1));
            false
        }
    }

    /// How many draws were refused so far.
    #[must_use]
    pub fn refused(&self) -> u64 {
        self.refused.get()
    }
}

/// `1234567` → `1,234,567`, for messages about sizes.
#[must_use]
pub fn thousands(n: impl Into<u64>) -> String {
    let digits = n.into().to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `thousands` for a count in memory.
#[must_use]
pub fn count(n: usize) -> String {
    thousands(u64::try_from(n).unwrap_or(u64::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_groups_digits() {
        assert_eq!(thousands(0u64), "0");
        assert_eq!(thousands(999u64), "999");
        assert_eq!(thousands(1_000u64), "1,000");
        assert_eq!(thousands(157_286_400u64), "157,286,400");
    }

    #[test]
    fn options_override_single_limits() {
        let limits: Limits = serde_json::from_str(r#"{"keys": 500, "depth": 1000}"#).unwrap();
        assert_eq!(limits.keys, 500);
        assert_eq!(limits.tokens, Limits::default().tokens);
        assert_eq!(limits.get(Limit::Depth), MAX_DEPTH, "depth is capped at the parser's recursion limit");
        assert!(serde_json::from_str::<Limits>(r#"{"key": 5}"#).is_err(), "a misspelt limit is an error");
        assert!(serde_json::from_str::<Limits>(r#"{"keys": -1}"#).is_err());
    }

    #[test]
    fn budget_runs_down() {
        let budget = Budget::new(2);
        assert!(budget.take(1) && budget.take(1));
        assert!(!budget.take(1));
        assert_eq!(budget.refused(), 1);
    }
}
