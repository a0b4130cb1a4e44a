//! Arithmetic tuned for verification in WebAssembly: public data only, so nothing here needs to run in constant
//! time, and each routine does the one job verification needs.
//!
//! - [`mont`]: Montgomery multiplication on 32-bit limbs and exponentiation by a small public exponent.
//! - [`rsa`]: RSASSA-PKCS1-v1_5 and RSASSA-PSS verification on it.
//! - [`ecdsa`]: ECDSA verification for the NIST curves by interleaved wNAF multiplication, on the curve crates'
//!   field and point arithmetic (P-384 and P-521).
//! - [`secp256r1`]: ECDSA verification on P-256 with its own field (Montgomery on 32-bit limbs) and Jacobian points,
//!   the same multiplication as [`ecdsa`].

pub(crate) mod ecdsa;
pub(crate) mod mont;
pub(crate) mod rsa;
pub(crate) mod secp256r1;

use sha2::{Sha256, Sha384, Sha512};

use crate::alg::Hash;

/// The hash of the concatenation of `parts`.
pub(crate) fn digest(hash: Hash, parts: &[&[u8]]) -> Vec<u8> {
    fn run<D: sha2::Digest>(parts: &[&[u8]]) -> Vec<u8> {
        let mut d = D::new();
        for part in parts {
            d.update(part);
        }
        d.finalize().to_vec()
    }
    match hash {
        Hash::Sha256 => run::<Sha256>(parts),
        Hash::Sha384 => run::<Sha384>(parts),
        Hash::Sha512 => run::<Sha512>(parts),
    }
}
