//! The entry points: what the binding (and any Rust caller) calls. The only modules that combine the floors below
//! them — decoding, keys, verification, signing, issuers and diagnosis — into one answer; nothing below imports them.

mod describe;
mod inspect;
mod sign;
mod verify;

pub use describe::{DescribeOptions, describe_claim};
pub use inspect::{InspectOptions, Inspection, inspect};
pub use sign::{GenerateError, GeneratedKey, generate_key, sign};
pub use verify::{VerifyResult, verify};
