//! # jwtlens
//!
//! Decode, verify and diagnose JSON Web Tokens entirely locally. This crate is the pure Rust core of the jwtlens
//! debugger; [`wasm`](crate) bindings (compiled only for `wasm32`) expose it to JavaScript as the `jwtlens` npm
//! package.
//!
//! The pipeline for one pasted input:
//! 1. [`paste`] finds the token(s) in what was pasted and reports each cleanup;
//! 2. [`token`] tells the kind (JWS, unsecured, JWE, JSON serialization, nested) and decodes every part, using
//!    [`base64url`] and [`json`], which report exactly where and why decoding failed;
//! 3. [`diagnose`] checks the claims against the context in [`InspectOptions`] (time, expected issuer and
//!    audience, Cognito, API Gateway, OIDC, provider-specific confusions), catalogues every claim, and simulates the
//!    target service's decision.
//!
//! Verification ([`verify()`]) runs that pipeline on the token, reads the pasted keys with [`keys::parse_keys`]
//! and checks the signature with the algorithms of [`alg`]; the token never chooses the key or the algorithm family.
//!
//! Everything noticed is a [`Finding`] with a stable code; [`all_codes`] lists every code, and `docs/codes.md`
//! documents each one.
//!
//! Design rules: no panics (a panic traps the wasm module for the rest of the page's life), and no clock — the
//! evaluation time is always an input.

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

pub mod alg;
mod arith;
pub mod base64url;
pub mod diagnose;
pub mod finding;
mod inspect;
pub mod json;
pub mod keys;
pub mod paste;
pub mod spanned;
pub mod token;
pub mod verify;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use alg::Algorithm;
pub use diagnose::{Decision, Outcome, Rule, TokenDiagnosis, Verdict};
pub use finding::{Code, Finding, Location, Part, Severity};
pub use inspect::{InspectOptions, Inspection, inspect};
pub use keys::{KeyInfo, KeyOptions, KeySet, parse_keys};
pub use verify::{RawError, Verification, VerifyOptions, verify, verify_raw};

/// Every finding code with its severity and description, grouped by phase: `(phase title, codes)`.
/// `docs/codes.md` is this list rendered; `tests/codes.rs` keeps the two equal.
#[must_use]
pub fn all_codes() -> Vec<(&'static str, Vec<finding::CodeEntry>)> {
    use finding::CodeGroup;
    vec![
        ("Paste hygiene", paste::PasteCode::entries()),
        ("Base64url", base64url::EncodingCode::entries()),
        ("JSON", json::JsonCode::entries()),
        ("Token structure", token::TokenCode::entries()),
        ("Keys", keys::KeyCode::entries()),
        ("Signature verification", verify::VerifyCode::entries()),
        ("Options", diagnose::OptionCode::entries()),
        ("Time", diagnose::time::TimeCode::entries()),
        ("Claims against expectations", diagnose::claims::ClaimCode::entries()),
        ("Amazon Cognito", diagnose::cognito::CognitoCode::entries()),
        ("API Gateway authorizers", diagnose::api_gateway::ApiGatewayCode::entries()),
        ("OpenID Connect, RFC 8725 and RFC 9068", diagnose::oidc::OidcCode::entries()),
        ("Other providers", diagnose::providers::ProviderCode::entries()),
        ("Tokens of one sign-in", diagnose::pair::PairCode::entries()),
    ]
}
