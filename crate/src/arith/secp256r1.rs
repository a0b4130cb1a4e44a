//! ECDSA verification on P-256 (secp256r1) with jwtlens' own field and point arithmetic: the p256 crate's field
//! works on 64-bit limbs (its 32-bit backend converts to them), so in wasm32 every limb product is a 128-bit
//! multiply emulated by `__multi3`, and that was the cost of ES256.
//!
//! - **The field**: `GF(p)`, `p = 2^256 − 2^224 + 2^192 + 2^96 − 1`, in Montgomery form (`a·R mod p`, `R = 2^256`)
//!   on 8 little-endian `u32` limbs, every element fully reduced (below `p`), so equal values have equal limbs.
//!   Products are `u32 × u32 → u64` (one `i64.mul` in wasm), never `u128`. Because `p ≡ −1 mod 2^32`, the
//!   Montgomery factor of each reduction step is the low limb itself, and adding `m·p` is three additions of `m`
//!   (`m·p = m·2^96 + m·2^192 + m·(2^32 − 1)·2^224 + m·(2^256 − 2^224) − m`, the last cancelling the low limb):
//!   the reduction needs no multiplication at all.
//! - **Points**: Jacobian coordinates (`x = X/Z²`, `y = Y/Z³`, the identity when `Z = 0`), the `a = −3` doubling
//!   (dbl-2001-b, 3M + 5S), mixed addition with an affine point (8M + 3S) and the general addition (12M + 4S).
//!   These formulas are not complete: the identity, `P + P` and `P + (−P)` are tested for and handled explicitly.
//!   P-256 has prime order (cofactor 1), so no point but the identity has `y = 0`, and doubling never meets it.
//! - **The multiplication** `u1·G + u2·Q` is [`super::ecdsa`]'s: one interleaved chain of doublings over the wNAF
//!   digits of both scalars ([`wnaf`]), a table of `G`'s 32 odd multiples in affine form built once, `Q`'s 8 odd
//!   multiples per verification. A prepared key keeps tables of its own ([`KeyTable`]) with which the chain is a
//!   quarter as long.
//! - **The final check** needs no inversion: `x(R) mod n = r` exactly when `X = r·Z²` or, if `r + n < p`,
//!   `X = (r + n)·Z²` (the affine `x` is below `p < 2n`).
//!
//! Scalars modulo `n` (`z`, `s⁻¹`, `u1`, `u2`) stay the p256 crate's `Scalar`: one inversion and two products per
//! verification.
//!
//! Variable time throughout: verification only handles public data (the key, the signature, the message). This
//! module must never be used with a private key.

use std::sync::OnceLock;

use elliptic_curve::ff::PrimeField as _;
use elliptic_curve::sec1::ToEncodedPoint as _;

use super::ecdsa::{G_WINDOW, Q_WINDOW, scalars, wnaf};

/// `p`, little-endian limbs.
const P: [u32; 8] = [0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0, 0, 0, 1, 0xffff_ffff];
/// `p − 2`, the exponent of Fermat's inversion.
const P_MINUS_2: [u32; 8] = [0xffff_fffd, 0xffff_ffff, 0xffff_ffff, 0, 0, 0, 1, 0xffff_ffff];
/// The group order `n`.
const N: [u32; 8] = [0xfc63_2551, 0xf3b9_cac2, 0xa717_9e84, 0xbce6_faad, 0xffff_ffff, 0xffff_ffff, 0, 0xffff_ffff];
/// `R² mod p`: a Montgomery product with it moves a number into Montgomery form.
const R2: [u32; 8] = [3, 0, 0xffff_ffff, 0xffff_fffb, 0xffff_fffe, 0xffff_ffff, 0xffff_fffd, 4];

/// Q's odd multiples for the wNAF windows shared with crate::arith::ecdsa, built per verification.
const Q_COUNT: usize = 1 << (Q_WINDOW - 2);
/// G's odd multiples, and a prepared key's.
const G_COUNT: usize = 1 << (G_WINDOW - 2);

const MASK: u64 = 0xffff_ffff;

/// An element of GF(p) in Montgomery form, below `p`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Fe([u32; 8]);

impl Fe {
    pub(crate) const ZERO: Self = Self([0; 8]);
    /// `R mod p` = `2^256 − p`: one in Montgomery form.
    pub(crate) const ONE: Self = Self([1, 0, 0, 0xffff_ffff, 0xffff_ffff, 0xffff_ffff, 0xffff_fffe, 0]);

    /// The element of the number with little-endian limbs `limbs`; `None` unless it is below `p`.
    fn from_limbs(limbs: [u32; 8]) -> Option<Self> {
        less(&limbs, &P).then(|| Self(limbs).mul(&Self(R2)))
    }

    /// The element of the 32 big-endian bytes `bytes`; `None` unless the number is below `p`.
    pub(crate) fn from_be_bytes(bytes: &[u8; 32]) -> Option<Self> {
        Self::from_limbs(limbs_of(bytes))
    }

    pub(crate) fn is_zero(&self) -> bool {
        self.0 == [0; 8]
    }

    /// `a + b mod p`.
    pub(crate) fn add(&self, b: &Self) -> Self {
        let (sum, carry) = add_raw(&self.0, &b.0);
        // a + b < 2p: one subtraction reduces it (mod 2^256, which the carry makes right).
        if carry || !less(&sum, &P) { Self(sub_raw(&sum, &P).0) } else { Self(sum) }
    }

    /// `a − b mod p`.
    pub(crate) fn sub(&self, b: &Self) -> Self {
        let (diff, borrow) = sub_raw(&self.0, &b.0);
        if borrow { Self(add_raw(&diff, &P).0) } else { Self(diff) }
    }

    pub(crate) fn neg(&self) -> Self {
        Self::ZERO.sub(self)
    }

    pub(crate) fn double(&self) -> Self {
        self.add(self)
    }

    /// The Montgomery product `a·b·R⁻¹ mod p` (which is `a·b` in Montgomery form): CIOS, one row per limb of `b`,
    /// each followed by its reduction step (see the module's header).
    pub(crate) fn mul(&self, b: &Self) -> Self {
        // Eight rows written out rather than a loop: `t` can then live in locals.
        let a = &self.0;
        let &[b0, b1, b2, b3, b4, b5, b6, b7] = &b.0;
        let mut t = [0u32; 9];
        row(&mut t, a, b0);
        row(&mut t, a, b1);
        row(&mut t, a, b2);
        row(&mut t, a, b3);
        row(&mut t, a, b4);
        row(&mut t, a, b5);
        row(&mut t, a, b6);
        row(&mut t, a, b7);
        // t < 2p: one conditional subtraction.
        let [t0, t1, t2, t3, t4, t5, t6, t7, t8] = t;
        let low = [t0, t1, t2, t3, t4, t5, t6, t7];
        if t8 != 0 || !less(&low, &P) { Self(sub_raw(&low, &P).0) } else { Self(low) }
    }

    pub(crate) fn square(&self) -> Self {
        self.mul(self)
    }

    /// `a⁻¹` by Fermat (`a^(p−2)`); zero for zero. Used to build the generator's table, once.
    pub(crate) fn invert(&self) -> Self {
        let mut acc = Self::ONE;
        for limb in P_MINUS_2.iter().rev() {
            for bit in (0..32).rev() {
                acc = acc.square();
                if (limb >> bit) & 1 == 1 {
                    acc = acc.mul(self);
                }
            }
        }
        acc
    }
}

/// One CIOS row: `t = (t + a·b + m·p) / 2^32` with `m = (t + a·b) mod 2^32` (as `−p⁻¹ ≡ 1 mod 2^32`). With `t < 2p`
/// and `a < p` on entry, `t < 2p` on exit (so `t[8]` is 0 or 1). Written out limb by limb: jwtlens is built for
/// size (opt-level "z"), which unrolls no loop.
#[inline(always)]
fn row(t: &mut [u32; 9], a: &[u32; 8], b: u32) {
    // Destructured by hand: `array::map` is a call and a loop at opt-level "z".
    let b = u64::from(b);
    let &[a0, a1, a2, a3, a4, a5, a6, a7] = a;
    let (a0, a1, a2, a3) = (u64::from(a0), u64::from(a1), u64::from(a2), u64::from(a3));
    let (a4, a5, a6, a7) = (u64::from(a4), u64::from(a5), u64::from(a6), u64::from(a7));
    let &mut [t0, t1, t2, t3, t4, t5, t6, t7, t8] = t;
    let (t0, t1, t2, t3, t4) = (u64::from(t0), u64::from(t1), u64::from(t2), u64::from(t3), u64::from(t4));
    let (t5, t6, t7, t8) = (u64::from(t5), u64::from(t6), u64::from(t7), u64::from(t8));
    // t + a·b: each sum is at most (2^32 − 1) + (2^32 − 1)² + (2^32 − 1) = 2^64 − 1.
    let s = t0 + a0 * b;
    let u0 = s & MASK;
    let s = t1 + a1 * b + (s >> 32);
    let u1 = s & MASK;
    let s = t2 + a2 * b + (s >> 32);
    let u2 = s & MASK;
    let s = t3 + a3 * b + (s >> 32);
    let u3 = s & MASK;
    let s = t4 + a4 * b + (s >> 32);
    let u4 = s & MASK;
    let s = t5 + a5 * b + (s >> 32);
    let u5 = s & MASK;
    let s = t6 + a6 * b + (s >> 32);
    let u6 = s & MASK;
    let s = t7 + a7 * b + (s >> 32);
    let u7 = s & MASK;
    let s = t8 + (s >> 32);
    let u8 = s & MASK;
    let u9 = s >> 32;
    // + m·p, shifted down one limb: m·p − (−m) = m·2^96 + m·2^192 + m·(2^32 − 1)·2^224, and u0 − m = 0; so m is
    // added at (shifted) limbs 2 and 5, and m·(2^32 − 1) = (m << 32) − m at limb 6.
    let m = u0;
    let s = u3 + m;
    let r2 = s & MASK;
    let s = u4 + (s >> 32);
    let r3 = s & MASK;
    let s = u5 + (s >> 32);
    let r4 = s & MASK;
    let s = u6 + m + (s >> 32);
    let r5 = s & MASK;
    // At most (2^32 − 1) + (2^64 − 2^33 + 1) + 2: no overflow.
    let s = u7 + ((m << 32) - m) + (s >> 32);
    let r6 = s & MASK;
    let s = u8 + (s >> 32);
    let r7 = s & MASK;
    let r8 = u9 + (s >> 32);
    *t = [u1 as u32, u2 as u32, r2 as u32, r3 as u32, r4 as u32, r5 as u32, r6 as u32, r7 as u32, r8 as u32];
}

/// Little-endian limbs of 32 big-endian bytes.
fn limbs_of(bytes: &[u8; 32]) -> [u32; 8] {
    let mut out = [0u32; 8];
    for (limb, chunk) in out.iter_mut().zip(bytes.rchunks_exact(4)) {
        *limb = chunk.iter().fold(0, |acc, &byte| (acc << 8) | u32::from(byte));
    }
    out
}

/// `a < b`: the borrow of `a − b`.
#[inline(always)]
fn less(a: &[u32; 8], b: &[u32; 8]) -> bool {
    sub_raw(a, b).1
}

/// `a + b mod 2^256` and the carry out, written out limb by limb (iterator adapters are calls at opt-level "z").
#[inline(always)]
fn add_raw(a: &[u32; 8], b: &[u32; 8]) -> ([u32; 8], bool) {
    let &[a0, a1, a2, a3, a4, a5, a6, a7] = a;
    let &[b0, b1, b2, b3, b4, b5, b6, b7] = b;
    let s = u64::from(a0) + u64::from(b0);
    let r0 = s as u32;
    let s = u64::from(a1) + u64::from(b1) + (s >> 32);
    let r1 = s as u32;
    let s = u64::from(a2) + u64::from(b2) + (s >> 32);
    let r2 = s as u32;
    let s = u64::from(a3) + u64::from(b3) + (s >> 32);
    let r3 = s as u32;
    let s = u64::from(a4) + u64::from(b4) + (s >> 32);
    let r4 = s as u32;
    let s = u64::from(a5) + u64::from(b5) + (s >> 32);
    let r5 = s as u32;
    let s = u64::from(a6) + u64::from(b6) + (s >> 32);
    let r6 = s as u32;
    let s = u64::from(a7) + u64::from(b7) + (s >> 32);
    let r7 = s as u32;
    ([r0, r1, r2, r3, r4, r5, r6, r7], s >> 32 != 0)
}

/// `a − b mod 2^256` and the borrow out (a wrapped difference has its top bit set).
#[inline(always)]
fn sub_raw(a: &[u32; 8], b: &[u32; 8]) -> ([u32; 8], bool) {
    let &[a0, a1, a2, a3, a4, a5, a6, a7] = a;
    let &[b0, b1, b2, b3, b4, b5, b6, b7] = b;
    let s = u64::from(a0).wrapping_sub(u64::from(b0));
    let r0 = s as u32;
    let s = u64::from(a1).wrapping_sub(u64::from(b1)).wrapping_sub(s >> 63);
    let r1 = s as u32;
    let s = u64::from(a2).wrapping_sub(u64::from(b2)).wrapping_sub(s >> 63);
    let r2 = s as u32;
    let s = u64::from(a3).wrapping_sub(u64::from(b3)).wrapping_sub(s >> 63);
    let r3 = s as u32;
    let s = u64::from(a4).wrapping_sub(u64::from(b4)).wrapping_sub(s >> 63);
    let r4 = s as u32;
    let s = u64::from(a5).wrapping_sub(u64::from(b5)).wrapping_sub(s >> 63);
    let r5 = s as u32;
    let s = u64::from(a6).wrapping_sub(u64::from(b6)).wrapping_sub(s >> 63);
    let r6 = s as u32;
    let s = u64::from(a7).wrapping_sub(u64::from(b7)).wrapping_sub(s >> 63);
    let r7 = s as u32;
    ([r0, r1, r2, r3, r4, r5, r6, r7], s >> 63 != 0)
}

/// A point of the curve other than the identity, in affine coordinates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Affine {
    x: Fe,
    y: Fe,
}

impl Affine {
    /// The point `(x, y)`, big-endian coordinates, WITHOUT checking that it is on the curve: callers pass points
    /// the p256 crate has validated. `None` when a coordinate is not below `p`.
    fn from_coordinates(x: &[u8], y: &[u8]) -> Option<Self> {
        let x = Fe::from_be_bytes(&<[u8; 32]>::try_from(x).ok()?)?;
        let y = Fe::from_be_bytes(&<[u8; 32]>::try_from(y).ok()?)?;
        Some(Self { x, y })
    }

    /// The point of a p256 public key (never the identity).
    pub(crate) fn from_key(key: &p256::ecdsa::VerifyingKey) -> Option<Self> {
        // The p256 crate checked that the point is on the curve and not the identity when the key was read
        // (`VerifyingKey::from_sec1_bytes` and every other constructor), so the coordinates are used as they are.
        // The uncompressed encoding takes the coordinates out of p256's Montgomery form: no inversion.
        let point = key.to_encoded_point(false);
        Self::from_coordinates(point.x()?, point.y()?)
    }

    fn neg(&self) -> Self {
        Self { x: self.x, y: self.y.neg() }
    }
}

/// A point in Jacobian coordinates: `(X/Z², Y/Z³)`, the identity when `Z = 0`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Jacobian {
    x: Fe,
    y: Fe,
    z: Fe,
}

impl From<&Affine> for Jacobian {
    fn from(p: &Affine) -> Self {
        Self { x: p.x, y: p.y, z: Fe::ONE }
    }
}

impl Jacobian {
    pub(crate) const IDENTITY: Self = Self { x: Fe::ONE, y: Fe::ONE, z: Fe::ZERO };

    pub(crate) fn is_identity(&self) -> bool {
        self.z.is_zero()
    }

    fn neg(&self) -> Self {
        Self { x: self.x, y: self.y.neg(), z: self.z }
    }

    /// `2P`, dbl-2001-b for `a = −3` (Bernstein–Lange, Explicit-Formulas Database): 3M + 5S.
    pub(crate) fn double(&self) -> Self {
        if self.is_identity() {
            return *self;
        }
        let delta = self.z.square();
        let gamma = self.y.square();
        let beta = self.x.mul(&gamma);
        // alpha = 3·(X − delta)·(X + delta) = 3X² + a·Z⁴ with a = −3.
        let t = self.x.sub(&delta).mul(&self.x.add(&delta));
        let alpha = t.double().add(&t);
        let beta4 = beta.double().double();
        let x = alpha.square().sub(&beta4.double());
        let z = self.y.add(&self.z).square().sub(&gamma).sub(&delta);
        let gamma8 = gamma.square().double().double().double();
        let y = alpha.mul(&beta4.sub(&x)).sub(&gamma8);
        Self { x, y, z }
    }

    /// `P + Q` for an affine `Q`: madd-2004-hmv, 8M + 3S.
    pub(crate) fn add_affine(&self, q: &Affine) -> Self {
        if self.is_identity() {
            return Self::from(q);
        }
        let z1z1 = self.z.square();
        let u2 = q.x.mul(&z1z1);
        let s2 = q.y.mul(&self.z).mul(&z1z1);
        let h = u2.sub(&self.x);
        let r = s2.sub(&self.y);
        if h.is_zero() {
            // Same x: Q = P (double) or Q = −P (the identity).
            return if r.is_zero() { self.double() } else { Self::IDENTITY };
        }
        let hh = h.square();
        let hhh = h.mul(&hh);
        let v = self.x.mul(&hh);
        let x = r.square().sub(&hhh).sub(&v.double());
        let y = r.mul(&v.sub(&x)).sub(&self.y.mul(&hhh));
        let z = self.z.mul(&h);
        Self { x, y, z }
    }

    /// `P + Q`: add-1998-cmo-2, 12M + 4S.
    pub(crate) fn add(&self, q: &Self) -> Self {
        if self.is_identity() {
            return *q;
        }
        if q.is_identity() {
            return *self;
        }
        let z1z1 = self.z.square();
        let z2z2 = q.z.square();
        let u1 = self.x.mul(&z2z2);
        let u2 = q.x.mul(&z1z1);
        let s1 = self.y.mul(&q.z).mul(&z2z2);
        let s2 = q.y.mul(&self.z).mul(&z1z1);
        let h = u2.sub(&u1);
        let r = s2.sub(&s1);
        if h.is_zero() {
            return if r.is_zero() { self.double() } else { Self::IDENTITY };
        }
        let hh = h.square();
        let hhh = h.mul(&hh);
        let v = u1.mul(&hh);
        let x = r.square().sub(&hhh).sub(&v.double());
        let y = r.mul(&v.sub(&x)).sub(&s1.mul(&hhh));
        let z = self.z.mul(&q.z).mul(&h);
        Self { x, y, z }
    }

    /// The affine point, `None` for the identity: one inversion (the tests' way to compare points).
    #[cfg(test)]
    pub(crate) fn to_affine(self) -> Option<Affine> {
        if self.is_identity() {
            return None;
        }
        let zinv = self.z.invert();
        let zinv2 = zinv.square();
        Some(Affine { x: self.x.mul(&zinv2), y: self.y.mul(&zinv2).mul(&zinv) })
    }
}

/// For each quarter `j` of a 256-bit scalar (`u = Σ uⱼ·2^(64j)`), the odd multiples `1, 3, …, 63` of `2^(64j)·P`,
/// in affine form: [`QUARTERS`] tables of [`G_COUNT`] points, one after the other.
const QUARTERS: usize = 4;

/// `G`'s quarter tables (the first is `G, 3G, …, 63G`), computed on first use.
fn generator_tables() -> &'static [Affine] {
    static TABLES: OnceLock<Vec<Affine>> = OnceLock::new();
    TABLES.get_or_init(|| {
        let encoded = p256::AffinePoint::GENERATOR.to_encoded_point(false);
        encoded
            .x()
            .zip(encoded.y())
            .and_then(|(x, y)| Affine::from_coordinates(x, y))
            .and_then(|g| quarter_tables(&g))
            .unwrap_or_default()
    })
}

/// `P`'s quarter tables: 192 doublings, 128 additions and one inversion, about three verifications' work.
fn quarter_tables(p: &Affine) -> Option<Vec<Affine>> {
    let mut points = Vec::with_capacity(QUARTERS * G_COUNT);
    let mut base = Jacobian::from(p);
    for quarter in 0..QUARTERS {
        if quarter > 0 {
            for _ in 0..64 {
                base = base.double();
            }
        }
        points.extend(odd_multiples::<G_COUNT>(base));
    }
    to_affine_all(&points)
}

/// `P, 3P, 5P, …`: the first `COUNT` odd multiples.
fn odd_multiples<const COUNT: usize>(p: Jacobian) -> [Jacobian; COUNT] {
    let twice = p.double();
    let mut out = [p; COUNT];
    let mut next = p;
    for slot in out.iter_mut().skip(1) {
        next = next.add(&twice);
        *slot = next;
    }
    out
}

/// Every point in affine form with one inversion (Montgomery's trick: invert the product of the `Z`s, then peel
/// each `Z⁻¹` off it); `None` if one is the identity.
fn to_affine_all(points: &[Jacobian]) -> Option<Vec<Affine>> {
    // before[i] = Z₀·…·Zᵢ₋₁.
    let mut before = Vec::with_capacity(points.len());
    let mut product = Fe::ONE;
    for point in points {
        if point.is_identity() {
            return None;
        }
        before.push(product);
        product = product.mul(&point.z);
    }
    // inverse = (Z₀·…·Zᵢ)⁻¹ on each step down.
    let mut inverse = product.invert();
    let mut out: Vec<Affine> = points
        .iter()
        .zip(&before)
        .rev()
        .map(|(point, before)| {
            let zinv = inverse.mul(before);
            inverse = inverse.mul(&point.z);
            let zinv2 = zinv.square();
            Affine { x: point.x.mul(&zinv2), y: point.y.mul(&zinv2).mul(&zinv) }
        })
        .collect();
    out.reverse();
    Some(out)
}

/// A P-256 public key's quarter tables, kept with a key that verifies many tokens (a prepared verifier). With them
/// and `G`'s, `u1·G + u2·Q` is a sum of eight products by 64-bit scalars: 64 doublings instead of 256, and mixed
/// additions only (8M + 3S rather than 12M + 4S), none of the key's multiples built per verification. Building
/// them costs about three verifications, so one-off verifications go without.
#[derive(Clone, Debug)]
pub(crate) struct KeyTable(Vec<Affine>);

impl KeyTable {
    /// The tables of `key`; `None` only if its point cannot be read (never for a p256 key).
    pub(crate) fn new(key: &p256::ecdsa::VerifyingKey) -> Option<Self> {
        quarter_tables(&Affine::from_key(key)?).map(Self)
    }
}

/// `acc + d·P` for a wNAF digit `d` (odd, or zero: `acc`), from the odd multiples `P, 3P, …` of an affine `table`.
fn add_digit(acc: Jacobian, table: &[Affine], d: i8) -> Jacobian {
    // |d| is odd, so |d| / 2 indexes the table of odd multiples: 1 → P, 3 → 3P, …
    match table.get(usize::from(d.unsigned_abs() / 2)).filter(|_| d != 0) {
        Some(point) if d > 0 => acc.add_affine(point),
        Some(point) => acc.add_affine(&point.neg()),
        None => acc,
    }
}

/// `u1·G + u2·Q` (big-endian scalars) by one interleaved double-and-add over both wNAFs, given Q's odd multiples.
fn lincomb(u1: &[u8], u2: &[u8], q_multiples: &[Jacobian]) -> Jacobian {
    let g_multiples = generator_tables().get(..G_COUNT).unwrap_or_default();
    let d1 = wnaf(u1, G_WINDOW);
    let d2 = wnaf(u2, Q_WINDOW);
    let mut acc = Jacobian::IDENTITY;
    let pairs = d1.iter().zip(&d2).rev().skip_while(|(a, b)| **a == 0 && **b == 0);
    for (&a, &b) in pairs {
        acc = add_digit(acc.double(), g_multiples, a);
        if let Some(point) = q_multiples.get(usize::from(b.unsigned_abs() / 2)).filter(|_| b != 0) {
            acc = if b > 0 { acc.add(point) } else { acc.add(&point.neg()) };
        }
    }
    acc
}

/// `u1·G + u2·Q` (32-byte big-endian scalars) with Q's [`KeyTable`]: each scalar cut into four 64-bit quarters,
/// each quarter's wNAF against its own table, all eight under one chain of 64 doublings (65 with a final carry).
fn lincomb_prepared(u1: &[u8], u2: &[u8], q: &KeyTable) -> Jacobian {
    // `rchunks_exact`: the least significant quarter first, as the tables are.
    let quarters = |u: &[u8]| u.rchunks_exact(8).map(|quarter| wnaf(quarter, G_WINDOW)).collect::<Vec<_>>();
    let (d1, d2) = (quarters(u1), quarters(u2));
    let terms: Vec<(&Vec<i8>, &[Affine])> = d1
        .iter()
        .zip(generator_tables().chunks_exact(G_COUNT))
        .chain(d2.iter().zip(q.0.chunks_exact(G_COUNT)))
        .collect();
    if terms.len() != 2 * QUARTERS {
        return Jacobian::IDENTITY;
    }
    let mut acc = Jacobian::IDENTITY;
    // 65 digit positions: 64 bits and a carry.
    for position in (0..=64).rev() {
        acc = acc.double();
        for (digits, table) in &terms {
            acc = add_digit(acc, table, digits.get(position).copied().unwrap_or(0));
        }
    }
    acc
}

/// Whether the x-coordinate of `point`, reduced modulo `n`, is `r` (big-endian, below `n`); false for the identity.
fn x_matches(point: &Jacobian, r: &[u8; 32]) -> bool {
    if point.is_identity() {
        return false;
    }
    // x = X/Z² < p < 2n, so x mod n = r exactly when x = r or x = r + n (the latter only if r + n < p).
    let zz = point.z.square();
    let r = limbs_of(r);
    if Fe::from_limbs(r).is_some_and(|r| r.mul(&zz) == point.x) {
        return true;
    }
    let (r_plus_n, carry) = add_raw(&r, &N);
    !carry && Fe::from_limbs(r_plus_n).is_some_and(|r| r.mul(&zz) == point.x)
}

/// ES256 verification of `prehash` (the SHA-256 digest of the message) with `key`, and its [`KeyTable`] when the
/// key was prepared: the order of the `ecdsa` crate's `verify_prehash`, with this module's arithmetic for the points.
pub(crate) fn verify_prehash(
    key: &p256::ecdsa::VerifyingKey,
    table: Option<&KeyTable>,
    prehash: &[u8],
    signature: &p256::ecdsa::Signature,
) -> bool {
    let Some((u1, u2, r)) = scalars(prehash, signature) else { return false };
    let (u1, u2) = (u1.to_repr(), u2.to_repr());
    let point = match table {
        Some(table) => lincomb_prepared(&u1, &u2, table),
        None => {
            let Some(q) = Affine::from_key(key) else { return false };
            lincomb(&u1, &u2, &odd_multiples::<Q_COUNT>(Jacobian::from(&q)))
        }
    };
    x_matches(&point, &r.to_repr().into())
}

#[cfg(test)]
mod tests {
    use super::*;
    use elliptic_curve::ops::Invert as _;
    use p256::Scalar;
    use proptest::prelude::*;
    use rsa::BigUint;

    fn p() -> BigUint {
        BigUint::from_bytes_be(&be(&P))
    }

    fn be(limbs: &[u32; 8]) -> [u8; 32] {
        let mut out = [0u8; 32];
        for (chunk, limb) in out.rchunks_exact_mut(4).zip(limbs) {
            chunk.copy_from_slice(&limb.to_be_bytes());
        }
        out
    }

    /// The plain value of an element (out of Montgomery form).
    fn value(a: &Fe) -> BigUint {
        BigUint::from_bytes_be(&be(&a.mul(&Fe([1, 0, 0, 0, 0, 0, 0, 0])).0))
    }

    fn fe(v: &BigUint) -> Fe {
        let bytes = v.to_bytes_be();
        let mut out = [0u8; 32];
        out[32 - bytes.len()..].copy_from_slice(&bytes);
        Fe::from_be_bytes(&out).unwrap()
    }

    fn reduced(bytes: &[u8; 32]) -> BigUint {
        BigUint::from_bytes_be(bytes) % p()
    }

    /// Values near the edges: 0, 1, 2, p − 1, p − 2, 2^255, 2^256 − 1 (reduced), and words of all-ones limbs.
    fn edges() -> Vec<BigUint> {
        let p = p();
        let one = BigUint::from(1u32);
        vec![
            BigUint::from(0u32),
            one.clone(),
            BigUint::from(2u32),
            &p - &one,
            &p - BigUint::from(2u32),
            BigUint::from(1u32) << 255,
            ((BigUint::from(1u32) << 256) - &one) % &p,
            BigUint::from(u32::MAX),
            (BigUint::from(1u32) << 224) - &one,
        ]
    }

    #[test]
    fn constants() {
        let p = p();
        assert_eq!(value(&Fe::ONE), BigUint::from(1u32));
        assert_eq!(BigUint::from_bytes_be(&be(&Fe::ONE.0)), (BigUint::from(1u32) << 256) % &p);
        assert_eq!(BigUint::from_bytes_be(&be(&R2)), (BigUint::from(1u32) << 512) % &p);
        assert_eq!(BigUint::from_bytes_be(&be(&P_MINUS_2)), &p - BigUint::from(2u32));
        let n = BigUint::from_bytes_be(&be(&N));
        assert_eq!(n.to_bytes_be(), hex("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"));
    }

    fn hex(s: &str) -> Vec<u8> {
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    #[test]
    fn parsing_rejects_values_not_below_p() {
        assert!(Fe::from_be_bytes(&be(&P)).is_none());
        assert!(Fe::from_be_bytes(&[0xff; 32]).is_none());
        let mut p_plus_1 = P;
        p_plus_1[0] = 0;
        p_plus_1[1] = 0;
        p_plus_1[2] = 0;
        p_plus_1[3] = 1;
        assert!(Fe::from_be_bytes(&be(&p_plus_1)).is_none());
        assert_eq!(value(&Fe::from_be_bytes(&be(&P_MINUS_2)).unwrap()), p() - BigUint::from(2u32));
        assert!(Fe::from_be_bytes(&[0; 32]).unwrap().is_zero());
    }

    #[test]
    fn field_edges() {
        let p = p();
        for a in edges() {
            for b in edges() {
                let (x, y) = (fe(&a), fe(&b));
                assert_eq!(value(&x.mul(&y)), (&a * &b) % &p, "{a} * {b}");
                assert_eq!(value(&x.add(&y)), (&a + &b) % &p, "{a} + {b}");
                assert_eq!(value(&x.sub(&y)), (&a + &p - &b) % &p, "{a} - {b}");
                assert!(less(&x.mul(&y).0, &P) && less(&x.add(&y).0, &P) && less(&x.sub(&y).0, &P));
            }
            let x = fe(&a);
            assert_eq!(value(&x.neg()), (&p - &a) % &p);
            assert_eq!(value(&x.square()), (&a * &a) % &p);
            if a != BigUint::from(0u32) {
                assert_eq!(value(&x.invert().mul(&x)), BigUint::from(1u32), "{a}");
            }
        }
        assert!(Fe::ZERO.invert().is_zero());
    }

    proptest! {
        #[test]
        fn field_ops_agree_with_biguint(a in any::<[u8; 32]>(), b in any::<[u8; 32]>()) {
            let p = p();
            let (ra, rb) = (reduced(&a), reduced(&b));
            let (x, y) = (fe(&ra), fe(&rb));
            prop_assert_eq!(value(&x.mul(&y)), (&ra * &rb) % &p);
            prop_assert_eq!(value(&x.square()), (&ra * &ra) % &p);
            prop_assert_eq!(value(&x.add(&y)), (&ra + &rb) % &p);
            prop_assert_eq!(value(&x.sub(&y)), (&ra + &p - &rb) % &p);
            prop_assert_eq!(Fe::from_be_bytes(&a).is_some(), BigUint::from_bytes_be(&a) < p);
        }
    }

    fn encoded(p: &Jacobian) -> Option<Vec<u8>> {
        p.to_affine().map(|a| {
            let mut out = vec![4u8];
            out.extend(be(&a.x.mul(&Fe([1, 0, 0, 0, 0, 0, 0, 0])).0));
            out.extend(be(&a.y.mul(&Fe([1, 0, 0, 0, 0, 0, 0, 0])).0));
            out
        })
    }

    fn reference(k: u64) -> Option<Vec<u8>> {
        let point = (p256::ProjectivePoint::GENERATOR * Scalar::from(k)).to_affine();
        let bytes = point.to_encoded_point(false);
        (bytes.as_bytes().len() == 65).then(|| bytes.as_bytes().to_vec())
    }

    fn g() -> Affine {
        generator_tables()[0]
    }

    #[test]
    fn point_ops_agree_with_p256() {
        let table = generator_tables();
        assert_eq!(table.len(), 128);
        for (i, point) in table.iter().take(32).enumerate() {
            assert_eq!(encoded(&Jacobian::from(point)), reference(2 * i as u64 + 1));
        }
        let g = g();
        let gj = Jacobian::from(&g);
        // k·G by repeated mixed and general additions and doublings, against p256.
        let mut acc = Jacobian::IDENTITY;
        for k in 1..=40u64 {
            acc = acc.add_affine(&g);
            assert_eq!(encoded(&acc), reference(k), "{k}G by mixed addition");
            assert_eq!(encoded(&acc.double()), reference(2 * k), "2·{k}G");
            assert_eq!(encoded(&acc.add(&gj.double())), reference(k + 2), "{k}G + 2G");
            assert_eq!(encoded(&gj.double().add(&acc)), reference(k + 2), "2G + {k}G");
        }
    }

    #[test]
    fn special_cases() {
        let g = g();
        let gj = Jacobian::from(&g);
        let two = gj.double();
        // Identity on either side.
        assert!(Jacobian::IDENTITY.double().is_identity());
        assert_eq!(encoded(&Jacobian::IDENTITY.add(&two)), reference(2));
        assert_eq!(encoded(&two.add(&Jacobian::IDENTITY)), reference(2));
        assert_eq!(encoded(&Jacobian::IDENTITY.add_affine(&g)), reference(1));
        assert!(Jacobian::IDENTITY.add(&Jacobian::IDENTITY).is_identity());
        // P + P, in a different Z than P's own (2G + 2G with the second 2G scaled).
        let scaled = {
            let l = Fe::from_be_bytes(&[7; 32]).unwrap();
            let (l2, l3) = (l.square(), l.square().mul(&l));
            Jacobian { x: two.x.mul(&l2), y: two.y.mul(&l3), z: two.z.mul(&l) }
        };
        assert_eq!(encoded(&two.add(&scaled)), reference(4));
        assert_eq!(encoded(&gj.add(&gj)), reference(2));
        assert_eq!(encoded(&gj.add_affine(&g)), reference(2));
        let g3 = two.add_affine(&g);
        let g3_affine = g3.to_affine().unwrap();
        assert_eq!(encoded(&g3.add_affine(&g3_affine)), reference(6));
        // P + (−P).
        assert!(two.add(&scaled.neg()).is_identity());
        assert!(gj.add_affine(&g.neg()).is_identity());
        assert!(g3.add_affine(&g3_affine.neg()).is_identity());
        assert!(gj.add(&gj.neg()).is_identity());
        assert!(Jacobian::IDENTITY.to_affine().is_none());
    }

    #[test]
    fn lincomb_agrees_with_p256() {
        let q_scalar = Scalar::from(0x1234_5678_9abc_def0u64);
        let q_point = (p256::ProjectivePoint::GENERATOR * q_scalar).to_affine();
        let key = p256::ecdsa::VerifyingKey::from_affine(q_point).unwrap();
        let table = KeyTable::new(&key).unwrap();
        assert_eq!(table.0.len(), 128);
        let q = q_point.to_encoded_point(false);
        let q = Affine::from_coordinates(q.x().unwrap(), q.y().unwrap()).unwrap();
        for (i, multiple) in table.0.iter().enumerate() {
            // Table i / 32 holds the odd multiples of 2^(64·(i / 32))·Q.
            let k =
                Scalar::from(2 * (i as u64 % 32) + 1) * Scalar::from(1u64 << 32).pow_vartime(&[2 * (i as u64 / 32)]);
            let expected = (p256::ProjectivePoint::from(q_point) * k).to_affine();
            assert_eq!(encoded(&Jacobian::from(multiple)).unwrap(), expected.to_encoded_point(false).as_bytes());
        }
        let mut u = Scalar::from(3u64);
        for i in 0..30u64 {
            u = u.square() + Scalar::from(i);
            let v = u * u + Scalar::from(7u64);
            let expected = p256::ProjectivePoint::GENERATOR * u + p256::ProjectivePoint::GENERATOR * (q_scalar * v);
            let expected = expected.to_affine().to_encoded_point(false);
            let per_call = lincomb(&u.to_repr(), &v.to_repr(), &odd_multiples::<Q_COUNT>(Jacobian::from(&q)));
            assert_eq!(encoded(&per_call).unwrap(), expected.as_bytes());
            let prepared = lincomb_prepared(&u.to_repr(), &v.to_repr(), &table);
            assert_eq!(encoded(&prepared).unwrap(), expected.as_bytes());
        }
        // u1·G + u2·Q = identity: u2 = −u1/q.
        let u1 = Scalar::from(5u64);
        let u2 = -(u1 * Option::<Scalar>::from(q_scalar.invert_vartime()).unwrap());
        assert!(lincomb(&u1.to_repr(), &u2.to_repr(), &odd_multiples::<Q_COUNT>(Jacobian::from(&q))).is_identity());
        assert!(lincomb_prepared(&u1.to_repr(), &u2.to_repr(), &table).is_identity());
    }

    /// Prepared and one-off verification give the ecdsa crate's answer, for valid and damaged signatures.
    #[test]
    fn prepared_keys_verify_alike() {
        use ecdsa::signature::{Signer as _, Verifier as _};
        use sha2::Digest as _;
        for seed in 1u8..=24 {
            let signer = p256::ecdsa::SigningKey::from_slice(&[seed; 32]).unwrap();
            let key = signer.verifying_key();
            let table = KeyTable::new(key).unwrap();
            let message = [seed; 50];
            let signature: p256::ecdsa::Signature = signer.sign(&message);
            let digest = sha2::Sha256::digest(message);
            assert!(verify_prehash(key, None, &digest, &signature));
            assert!(verify_prehash(key, Some(&table), &digest, &signature));
            let mut bytes = signature.to_bytes();
            bytes[usize::from(seed) * 2] ^= 0x10;
            if let Ok(bad) = p256::ecdsa::Signature::from_slice(&bytes) {
                assert!(key.verify(&message, &bad).is_err());
                assert!(!verify_prehash(key, None, &digest, &bad));
                assert!(!verify_prehash(key, Some(&table), &digest, &bad));
            }
            // The table is what verifies: another key's table refuses this signature (so the prepared path ran).
            let other = KeyTable::new(p256::ecdsa::SigningKey::from_slice(&[seed + 100; 32]).unwrap().verifying_key());
            assert!(!verify_prehash(key, other.as_ref(), &digest, &signature));
        }
    }

    #[test]
    fn x_check_covers_r_plus_n() {
        let g = Jacobian::from(&g());
        let x = be(&g.to_affine().unwrap().x.mul(&Fe([1, 0, 0, 0, 0, 0, 0, 0])).0);
        assert!(x_matches(&g, &x));
        // Scaled Z: the comparison is projective.
        let l = Fe::from_be_bytes(&[9; 32]).unwrap();
        let scaled = Jacobian { x: g.x.mul(&l.square()), y: g.y.mul(&l.square().mul(&l)), z: g.z.mul(&l) };
        assert!(x_matches(&scaled, &x));
        let mut other = x;
        other[31] ^= 1;
        assert!(!x_matches(&scaled, &other));
        assert!(!x_matches(&Jacobian::IDENTITY, &x));
        // A point whose x is r + n: build it as a fake Jacobian point (the check only reads X and Z).
        let r = [0u8; 31].iter().copied().chain([5]).collect::<Vec<_>>();
        let r: [u8; 32] = r.try_into().unwrap();
        let (r_plus_n, _) = add_raw(&limbs_of(&r), &N);
        let fake = Jacobian { x: Fe::from_limbs(r_plus_n).unwrap(), y: Fe::ONE, z: Fe::ONE };
        assert!(x_matches(&fake, &r));
        // r + n ≥ p: only x = r can match.
        let big = be(&sub_raw(&P, &N).0);
        let (big_plus_n, _) = add_raw(&limbs_of(&big), &N);
        assert!(!less(&big_plus_n, &P));
        let fake = Jacobian { x: Fe::from_limbs(limbs_of(&big)).unwrap(), y: Fe::ONE, z: Fe::ONE };
        assert!(x_matches(&fake, &big));
    }
}
