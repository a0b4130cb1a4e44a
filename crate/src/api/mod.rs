//! The entry points: what the binding (and any Rust caller) calls. The only modules that combine the floors below
//! them — decoding, keys, verification, signing, issuers and diagnosis — into one answer; nothing below imports them.

#[cfg(feature = "jwe")]
mod decrypt;
mod describe;
#[cfg(feature = "jwe")]
mod encrypt;
pub mod fetch;
mod inspect;
mod sign;
mod verifier;
mod verify;

pub use describe::{DescribeOptions, describe_claim};
#[cfg(feature = "jwe")]
pub use encrypt::encrypt;
pub use fetch::{FetchOptions, KeysFetched, KeysPlan, plan_issuer_keys};
pub use inspect::{InspectOptions, Inspection, inspect, inspect_unverified};
pub use sign::{GenerateError, GeneratedKey, generate_key, sign};
pub use verifier::{Verifier, VerifierCall, VerifierOptions};
pub use verify::{VerifyResult, verify};
