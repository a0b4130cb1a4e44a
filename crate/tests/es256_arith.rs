//! ES256 verification (jwtlens' own P-256 arithmetic, src/arith/secp256r1.rs, through `verify_raw`) against the p256
//! crate's verifier: signatures made with p256's `SigningKey` under many keys (random ones and the edge keys 1, 2,
//! 3, n − 1, n − 2), valid and damaged in every way that keeps them well-formed, must get the same answer from both.

use base64::Engine as _;
use jwtlens::keys::{KeyOptions, parse_keys};
use jwtlens::verify_raw;
use p256::ecdsa::signature::{Signer as _, Verifier as _};
use p256::ecdsa::{Signature, SigningKey, VerifyingKey};

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

/// SplitMix64: a fixed, reproducible stream.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn bytes<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0u8; N];
        for chunk in out.chunks_mut(8) {
            chunk.copy_from_slice(&self.next().to_le_bytes()[..chunk.len()]);
        }
        out
    }
}

const N_HEX: &str = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";

fn n_minus(k: u8) -> [u8; 32] {
    let mut n: [u8; 32] = (0..32)
        .map(|i| u8::from_str_radix(&N_HEX[2 * i..2 * i + 2], 16).unwrap())
        .collect::<Vec<_>>()
        .try_into()
        .unwrap();
    n[31] -= k;
    n
}

fn small(k: u8) -> [u8; 32] {
    let mut out = [0u8; 32];
    out[31] = k;
    out
}

fn jwk(key: &VerifyingKey) -> String {
    let point = key.to_encoded_point(false);
    format!(
        r#"{{"kty":"EC","crv":"P-256","x":"{}","y":"{}"}}"#,
        B64.encode(point.x().unwrap()),
        B64.encode(point.y().unwrap())
    )
}

#[derive(Default)]
struct Tally {
    valid: usize,
    damaged: usize,
    /// Damaged signatures that still verify (n − s, which ECDSA accepts as well).
    damaged_valid: usize,
    malformed: usize,
}

fn check(
    tally: &mut Tally,
    info: &jwtlens::KeyInfo,
    key: &VerifyingKey,
    message: &[u8],
    bytes: &[u8; 64],
    valid: bool,
) {
    let ours = verify_raw("ES256", info, message, bytes).is_ok();
    match Signature::from_slice(bytes) {
        Ok(signature) => {
            let theirs = key.verify(message, &signature).is_ok();
            assert_eq!(ours, theirs, "message {message:02x?}, signature {bytes:02x?}");
            if valid {
                assert!(ours);
                tally.valid += 1;
            } else {
                tally.damaged += 1;
                tally.damaged_valid += usize::from(ours);
            }
        }
        // r or s zero or not below n: jwtlens refuses it too.
        Err(_) => {
            assert!(!ours, "{bytes:02x?}");
            tally.malformed += 1;
        }
    }
}

/// `n − v` for a big-endian v in [1, n − 1].
fn negate(v: &[u8]) -> [u8; 32] {
    let n = n_minus(0);
    let mut out = [0u8; 32];
    let mut borrow = 0i16;
    for i in (0..32).rev() {
        let d = i16::from(n[i]) - i16::from(v[i]) - borrow;
        borrow = i16::from(d < 0);
        out[i] = d.rem_euclid(256) as u8;
    }
    out
}

#[test]
fn agrees_with_the_p256_crate() {
    let mut rng = Rng(27);
    let mut secrets: Vec<[u8; 32]> = [1, 2, 3].map(small).into_iter().chain([n_minus(1), n_minus(2)]).collect();
    secrets.extend((0..60).map(|_| rng.bytes::<32>()));
    let mut tally = Tally::default();
    let mut keys = 0;
    for secret in &secrets {
        let Ok(signing) = SigningKey::from_slice(secret) else { continue };
        keys += 1;
        let key = *signing.verifying_key();
        let set = parse_keys(&jwk(&key), &KeyOptions::default());
        let info = &set.keys[0];
        let other = SigningKey::from_slice(&rng.bytes::<32>()).unwrap();
        for m in 0..8usize {
            let message: Vec<u8> = (0..m * 13).map(|_| rng.next() as u8).collect();
            let signature: Signature = signing.sign(&message);
            let good: [u8; 64] = signature.to_bytes().into();
            check(&mut tally, info, &key, &message, &good, true);
            // n − s: verifies as well.
            let mut high = good;
            high[32..].copy_from_slice(&negate(&good[32..]));
            check(&mut tally, info, &key, &message, &high, false);
            // One bit flipped, in r and in s.
            for half in [0, 32] {
                let mut bad = good;
                let bit = rng.next() as usize % 256;
                bad[half + bit / 8] ^= 1 << (bit % 8);
                check(&mut tally, info, &key, &message, &bad, false);
            }
            // r and s swapped; another message; another key's signature; random r‖s; n − r.
            let mut swapped = good;
            swapped[..32].copy_from_slice(&good[32..]);
            swapped[32..].copy_from_slice(&good[..32]);
            check(&mut tally, info, &key, &message, &swapped, false);
            let mut changed = message.clone();
            changed.push(0);
            check(&mut tally, info, &key, &changed, &good, false);
            let foreign: Signature = other.sign(&message);
            check(&mut tally, info, &key, &message, &foreign.to_bytes().into(), false);
            check(&mut tally, info, &key, &message, &rng.bytes::<64>(), false);
            let mut r_negated = good;
            r_negated[..32].copy_from_slice(&negate(&good[..32]));
            check(&mut tally, info, &key, &message, &r_negated, false);
        }
        // Out of range: r or s zero, n, n + 1 (malformed), n − 1 (well-formed, fails).
        let message = b"edges";
        let signature: Signature = signing.sign(message);
        let good: [u8; 64] = signature.to_bytes().into();
        let mut n_plus_1 = n_minus(0);
        n_plus_1[31] += 1;
        for edge in [[0u8; 32], n_minus(0), n_plus_1, n_minus(1), small(1)] {
            let mut bad = good;
            bad[..32].copy_from_slice(&edge);
            check(&mut tally, info, &key, message, &bad, false);
            let mut bad = good;
            bad[32..].copy_from_slice(&edge);
            check(&mut tally, info, &key, message, &bad, false);
        }
    }
    // from_slice accepts 1 ≤ d < n: the 5 edge keys and the 60 random ones (a random 256-bit value is ≥ n with
    // probability about 2^-32).
    assert_eq!(keys, 65);
    assert_eq!(tally.valid, 65 * 8);
    // Per key: 8 messages × 8 damaged, and the 2 well-formed edges (1, n − 1) in r and in s; zero, n and n + 1
    // are malformed.
    assert_eq!(tally.damaged, 65 * (8 * 8 + 2 * 2));
    assert_eq!(tally.damaged_valid, 65 * 8, "exactly the n − s signatures still verify");
    assert_eq!(tally.malformed, 65 * 2 * 3);
    println!(
        "{keys} keys: {} valid, {} damaged ({} of them n − s), {} malformed",
        tally.valid, tally.damaged, tally.damaged_valid, tally.malformed
    );
}
