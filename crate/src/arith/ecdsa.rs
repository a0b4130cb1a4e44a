//! ECDSA verification for the NIST curves (P-256, P-384, P-521) with interleaved width-w NAF multiplication, on the
//! curve crates' own field and point arithmetic.
//!
//! Verification computes `u1·G + u2·Q` and compares its x-coordinate with `r`. The `ecdsa` crate (0.16) does it
//! as two separate constant-time scalar multiplications (primeorder's `lincomb` is the default `x·k + y·l`): 2 × 256
//! doublings for P-256, an addition every 4 bits for each, and a constant-time scan of a 16-entry table before
//! each addition. All of `u1`, `u2`, `G`, `Q` and the signature are public here, so none of that protection is
//! needed, and:
//!
//! - **Shamir's trick**: one shared chain of doublings for both products (256 instead of 512 for P-256);
//! - **width-w NAF** (non-adjacent form) digits: signed odd digits, so a width-w window needs only `2^(w−2)`
//!   precomputed odd multiples and on average one addition every `w + 1` bits; negating a point is free;
//! - **a precomputed table for `G`**: its 32 odd multiples (w = 7), in affine form so that each addition is a
//!   cheaper mixed addition, computed once per curve on first use; `Q`'s 8 odd multiples (w = 5) are computed per
//!   verification.
//!
//! For P-256 that is about 256 doublings and 85 additions instead of 512 doublings and 160 additions. The point
//! formulas are primeorder's complete formulas, valid for every input (doubling, the identity, inverse points), so
//! no input needs a special case; everything else (hashing to a scalar, `r` and `s` range checks, `s⁻¹`, the
//! final comparison) is the `ecdsa` crate's own code, called in the same order as its `verify_prehashed`.

use std::sync::OnceLock;

use ecdsa::hazmat::bits2field;
use ecdsa::{PrimeCurve, Signature, SignatureSize};
use elliptic_curve::ff::PrimeField as _;
use elliptic_curve::generic_array::ArrayLength;
use elliptic_curve::group::{Curve as _, Group as _};
use elliptic_curve::ops::{Invert as _, Reduce};
use elliptic_curve::point::AffineCoordinates as _;
use elliptic_curve::{AffinePoint, CurveArithmetic, ProjectivePoint, Scalar};

/// Window of the generator's wNAF: 2^(7−2) = 32 precomputed odd multiples (also crate::arith::secp256r1's).
pub(crate) const G_WINDOW: u32 = 7;
/// Window of the public key's wNAF: 8 odd multiples, built per verification (8 additions, one doubling).
pub(crate) const Q_WINDOW: u32 = 5;

/// A curve whose generator's odd multiples are cached for the life of the process.
pub(crate) trait GeneratorTable: PrimeCurve + CurveArithmetic {
    /// `G, 3G, 5G, …, (2^(G_WINDOW−1) − 1)·G` in affine form.
    fn generator_table() -> &'static [AffinePoint<Self>];
}

macro_rules! generator_table {
    ($curve:ty) => {
        impl GeneratorTable for $curve {
            fn generator_table() -> &'static [AffinePoint<Self>] {
                static TABLE: OnceLock<Vec<AffinePoint<$curve>>> = OnceLock::new();
                TABLE.get_or_init(|| {
                    let projective = odd_multiples::<Self>(ProjectivePoint::<Self>::generator(), G_WINDOW);
                    let mut affine = vec![AffinePoint::<Self>::default(); projective.len()];
                    // One field inversion for the whole table (Montgomery's trick).
                    ProjectivePoint::<Self>::batch_normalize(&projective, &mut affine);
                    affine
                })
            }
        }
    };
}
// P-256 verifies with crate::arith::secp256r1; its table here serves this module's tests.
#[cfg(test)]
generator_table!(p256::NistP256);
generator_table!(p384::NistP384);
generator_table!(p521::NistP521);

/// `P, 3P, 5P, …`: the `2^(w−2)` odd multiples a width-`w` NAF needs.
fn odd_multiples<C: CurveArithmetic>(p: ProjectivePoint<C>, w: u32) -> Vec<ProjectivePoint<C>> {
    let count = 1usize << (w - 2);
    let twice = p.double();
    let mut out = Vec::with_capacity(count);
    let mut next = p;
    while out.len() < count {
        out.push(next);
        next += twice;
    }
    out
}

/// The width-`w` NAF of the big-endian number `be`: digits least significant first, each zero or odd with
/// `|d| < 2^(w−1)`, at most one non-zero digit in any `w` consecutive ones, and `Σ dᵢ·2ⁱ` equal to the number.
pub(crate) fn wnaf(be: &[u8], w: u32) -> Vec<i8> {
    let bit = |i: usize| -> u32 {
        let byte = be.len().checked_sub(1 + i / 8).and_then(|index| be.get(index)).copied().unwrap_or(0);
        u32::from(byte >> (i % 8)) & 1
    };
    let width = 1u32 << w;
    // One digit more than the bits: a final carry lands there.
    let mut digits = vec![0i8; be.len() * 8 + 1];
    let mut carry = 0u32;
    let mut pos = 0;
    while let Some(slot) = digits.get_mut(pos) {
        // The next w bits plus the carry from the previous digit (a negative digit borrows 2^w from here).
        let window = (0..w as usize).fold(0u32, |acc, j| acc | (bit(pos + j) << j)) + carry;
        if window & 1 == 0 {
            pos += 1;
            continue;
        }
        if window < width / 2 {
            carry = 0;
            *slot = window as i8;
        } else {
            carry = 1;
            *slot = (i64::from(window) - i64::from(width)) as i8;
        }
        pos += w as usize;
    }
    digits
}

/// `u1·G + u2·Q` by one interleaved double-and-add over both wNAFs, given Q's odd multiples.
fn lincomb<C: GeneratorTable>(
    u1: &Scalar<C>,
    u2: &Scalar<C>,
    q_multiples: &[ProjectivePoint<C>],
) -> ProjectivePoint<C> {
    let g_multiples = C::generator_table();
    let d1 = wnaf(&u1.to_repr(), G_WINDOW);
    let d2 = wnaf(&u2.to_repr(), Q_WINDOW);
    let mut acc = ProjectivePoint::<C>::identity();
    // Doubling the identity is wasted work: start at the highest non-zero digit.
    let pairs = d1.iter().zip(&d2).rev().skip_while(|(a, b)| **a == 0 && **b == 0);
    for (&a, &b) in pairs {
        acc = acc.double();
        // |d| is odd, so |d| / 2 indexes the table of odd multiples: 1 → P, 3 → 3P, …
        if let Some(point) = g_multiples.get(usize::from(a.unsigned_abs() / 2)).filter(|_| a != 0) {
            if a > 0 { acc += point } else { acc -= point }
        }
        if let Some(point) = q_multiples.get(usize::from(b.unsigned_abs() / 2)).filter(|_| b != 0) {
            if b > 0 { acc += point } else { acc -= point }
        }
    }
    acc
}

/// ECDSA verification of `prehash` (the message's digest) with `key`: the `ecdsa` crate's `verify_prehash` with
/// [`lincomb`] in place of its two scalar multiplications.
pub(crate) fn verify_prehash<C: GeneratorTable>(key: &AffinePoint<C>, prehash: &[u8], signature: &Signature<C>) -> bool
where
    SignatureSize<C>: ArrayLength<u8>,
{
    let Some((u1, u2, r)) = scalars(prehash, signature) else { return false };
    let q = ProjectivePoint::<C>::from(*key);
    let x = lincomb::<C>(&u1, &u2, &odd_multiples::<C>(q, Q_WINDOW)).to_affine().x();
    r == <Scalar<C> as Reduce<C::Uint>>::reduce_bytes(&x)
}

/// `(u1, u2, r)` of ECDSA verification: `u1 = z·s⁻¹`, `u2 = r·s⁻¹`, with `z` the digest as a scalar (`bits2field`);
/// `None` when the digest is too short for the curve. The `ecdsa` crate's own steps, in its order.
pub(crate) fn scalars<C: PrimeCurve + CurveArithmetic>(
    prehash: &[u8],
    signature: &Signature<C>,
) -> Option<(Scalar<C>, Scalar<C>, Scalar<C>)>
where
    SignatureSize<C>: ArrayLength<u8>,
{
    let field = bits2field::<C>(prehash).ok()?;
    let z = <Scalar<C> as Reduce<C::Uint>>::reduce_bytes(&field);
    // r and s are non-zero scalars below the group order: `Signature` checks that when it is built.
    let (r, s) = signature.split_scalars();
    let s_inv = *s.invert_vartime();
    Some((z * s_inv, *r * s_inv, *r))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn value(digits: &[i8]) -> Vec<i128> {
        // Σ dᵢ·2ⁱ as base-2^64 "limbs" that may be negative, normalised below.
        let mut limbs = vec![0i128; digits.len() / 64 + 2];
        for (i, &d) in digits.iter().enumerate() {
            limbs[i / 64] += i128::from(d) << (i % 64);
        }
        for i in 0..limbs.len() - 1 {
            let carry = limbs[i].div_euclid(1 << 64);
            limbs[i] = limbs[i].rem_euclid(1 << 64);
            limbs[i + 1] += carry;
        }
        limbs
    }

    fn limbs_of(be: &[u8]) -> Vec<i128> {
        let mut limbs = vec![0i128; be.len() * 8 / 64 + 2];
        for (i, &byte) in be.iter().rev().enumerate() {
            limbs[i / 8] += i128::from(byte) << (8 * (i % 8));
        }
        limbs
    }

    proptest! {
        #[test]
        fn wnaf_is_a_non_adjacent_form(bytes in prop::collection::vec(any::<u8>(), 0..70), w in 2u32..9) {
            let digits = wnaf(&bytes, w);
            prop_assert_eq!(value(&digits), limbs_of(&bytes));
            for (i, &d) in digits.iter().enumerate() {
                if d != 0 {
                    prop_assert!(d % 2 != 0 && i32::from(d).abs() < 1 << (w - 1));
                    prop_assert!(digits[i + 1..].iter().take(w as usize - 1).all(|&e| e == 0));
                }
            }
        }
    }

    #[test]
    fn wnaf_edges() {
        assert!(wnaf(&[], 5).iter().all(|&d| d == 0));
        assert_eq!(value(&wnaf(&[0xff; 66], 7)), limbs_of(&[0xff; 66]));
        assert_eq!(wnaf(&[0x1f], 5)[..6], [-1, 0, 0, 0, 0, 1]);
    }

    /// Against the `ecdsa` crate's own verification: random keys and messages, valid and damaged signatures.
    #[test]
    fn agrees_with_the_ecdsa_crate() {
        use ecdsa::signature::{Signer as _, Verifier as _};
        use sha2::Digest as _;
        for seed in 1u8..=20 {
            let key = p256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap();
            let message = [seed; 40];
            let signature: p256::ecdsa::Signature = key.sign(&message);
            let digest = sha2::Sha256::digest(message);
            let public = key.verifying_key();
            assert!(verify_prehash(public.as_affine(), &digest, &signature));
            let mut bytes = signature.to_bytes();
            bytes[usize::from(seed)] ^= 1;
            if let Ok(bad) = p256::ecdsa::Signature::from_slice(&bytes) {
                assert_eq!(verify_prehash(public.as_affine(), &digest, &bad), public.verify(&message, &bad).is_ok());
                assert!(!verify_prehash(public.as_affine(), &digest, &bad));
            }
            let key = p384::ecdsa::SigningKey::from_slice(&[seed; 48]).unwrap();
            let signature: p384::ecdsa::Signature = key.sign(&message);
            assert!(verify_prehash(key.verifying_key().as_affine(), &sha2::Sha384::digest(message), &signature));
            assert!(!verify_prehash(key.verifying_key().as_affine(), &sha2::Sha384::digest([0u8]), &signature));
        }
    }
}
