//! The entry points: what the binding (and any Rust caller) calls. The only modules that combine the floors below
//! them — decoding, keys, verification, signing, issuers and diagnosis — into one answer; nothing below imports them.

#[cfg(feature = "jwe")]
mod decrypt;
mod describe;
#[cfg(feature = "jwe")]
mod encrypt;
pub mod fetch;
mod holder;
mod inspect;
mod service_errors;
mod sign;
mod tables;
mod verifier;
mod verify;

pub use describe::{ClaimName, DescribeOptions, describe_claim, describe_claims};
#[cfg(feature = "jwe")]
pub use encrypt::encrypt;
pub use fetch::{FetchOptions, KeysFetched, KeysPlan, plan_issuer_keys};
pub use inspect::{InspectOptions, Inspection, inspect, inspect_unverified};
pub use service_errors::{Agreement, ErrorInput, ErrorValue, ServiceError};
pub use sign::{GenerateError, GeneratedKey, dpop_proof, generate_key, sign, sign_sd_jwt};
pub use tables::{AlgorithmEntry, ProviderEntry, Tables, tables};
pub use verifier::{Verifier, VerifierCall, VerifierOptions};
pub use verify::{VerifyResult, verify};
