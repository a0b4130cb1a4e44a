//! Arithmetic tuned for verification in WebAssembly: public data only, so nothing here needs to run in constant
//! time, and each routine does the one job verification needs.
//!
//! - [`mont`]: Montgomery multiplication on 32-bit limbs and exponentiation by a small public exponent.
//! - [`rsa`]: RSASSA-PKCS1-v1_5 and RSASSA-PSS verification on it.

pub(crate) mod mont;
pub(crate) mod rsa;
