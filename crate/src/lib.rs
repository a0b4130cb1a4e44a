//! # jwtlens
//!
//! Decode, verify and diagnose JSON Web Tokens entirely locally. This crate is the pure Rust core of the jwtlens
//! debugger; a thin binding (`wasm.rs`, compiled only for `wasm32`) exposes it to JavaScript as the `jwtlens` npm
//! package.
//!
//! ## Floors
//! Modules are layered; each imports only from floors below it (`crate/tests/layers.rs` enforces this):
//! 1. primitives — [`codes`] (every finding code), [`finding`], [`spanned`] text with input offsets, [`base64url`],
//!    [`json`], [`alg`], [`datetime`], [`hex`], [`input`] (text or bytes), [`limits`] (how much one call reads), `typed` (options read
//!    from JSON, an error naming the bad field's path);
//! 2. [`issuer`] — URLs, Cognito pools (id, region, ARN, issuer), issuer comparison, where keys are published;
//!    [`service_error`] — the catalogue of service error messages and the linear matcher that finds them in a paste;
//!    `arith` — verify-only RSA (Montgomery arithmetic) and the ECDSA double-scalar multiplication;
//! 3. [`decode`] — paste hygiene ([`decode::paste`]) and token structure ([`decode::token`]): what was pasted and
//!    what each token is;
//! 4. [`keys`] — whatever is pasted as "the key", read;
//! 5. `jwe` (feature `jwe`) — decryption and encryption of JWE; [`verify`] — the signature only, with the keys given; knows nothing about providers; and beside it [`sign`]
//!    — test tokens from exact header and payload text, on jwt-compact, and throwaway test keys;
//! 6. [`diagnose`] — why a service would reject the token: generic checks, providers as a table, each target
//!    service a table of rules, the claim catalogue; and beside it [`proof`] — SD-JWT key binding and DPoP proofs;
//! 7. [`api`] — the entry points ([`inspect()`], [`verify()`], [`sign()`], [`generate_key()`]), the only modules
//!    that combine floors;
//! 8. `wasm` — the binding: converts, and makes `fetchIssuerKeys`' requests.
//!
//! Everything noticed is a [`Finding`] with a typed [`Code`]; [`all_codes`] lists every code, and `docs/codes.md`
//! documents each one.
//!
//! Design rules: no panics (a panic traps the wasm module for the rest of the page's life), and no clock — the
//! evaluation time is always an input.

#![deny(missing_docs)]
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used, clippy::panic, clippy::indexing_slicing))]

// Floor 1: primitives.
pub mod alg;
pub mod base64url;
pub mod codes;
pub mod datetime;
pub mod evaluation;
pub mod finding;
pub mod hex;
pub mod input;
pub mod json;
pub mod limits;
pub mod spanned;
mod typed;
// Floor 2.
mod arith;
pub mod issuer;
pub mod service_error;
// Floor 3.
pub mod decode;
// Floor 4.
pub mod keys;
// Floor 5.
#[cfg(feature = "jwe")]
pub mod jwe;
pub mod sign;
pub mod verify;
// Floor 6.
pub mod diagnose;
pub mod proof;
// Floor 7.
pub mod api;
// Floor 8.
#[cfg(target_arch = "wasm32")]
mod wasm;

pub use alg::Algorithm;
#[cfg(feature = "jwe")]
pub use api::encrypt;
pub use api::{
    DescribeOptions, GeneratedKey, InspectOptions, Inspection, VerifyResult, describe_claim, dpop_proof, generate_key,
    inspect, sign, sign_sd_jwt, verify,
};
pub use codes::{Code, Severity, all_codes};
pub use decode::Pasted;
pub use diagnose::{Decision, Outcome, Rule, TokenDiagnosis, Verdict};
pub use finding::{Finding, Location, Part};
pub use input::TextOrBytes;
pub use keys::{KeyInfo, KeyOptions, KeySet, parse_keys, read_keys};
pub use limits::Limits;
pub use sign::{DpopProofOptions, SdJwtSignOptions, SdJwtSigning, SignOptions, Signing};
pub use verify::{RawError, Verification, VerifyOptions, verify_raw};
