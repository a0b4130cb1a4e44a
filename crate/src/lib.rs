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
pub mod base64url;
pub mod codes;
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
pub use codes::{Code, Severity, all_codes};
pub use diagnose::{Decision, Outcome, Rule, TokenDiagnosis, Verdict};
pub use finding::{Finding, Location, Part};
pub use inspect::{InspectOptions, Inspection, inspect};
pub use keys::{KeyInfo, KeyOptions, KeySet, parse_keys};
pub use verify::{RawError, Verification, VerifyOptions, verify, verify_raw};
