//! Verify-only RSA: RSASSA-PKCS1-v1_5 and RSASSA-PSS signature verification (RFC 8017 §8.1.2, §8.2.2) on the
//! Montgomery arithmetic of [`super::mont`].
//!
//! Verification raises the signature to the small public exponent (65537 in practice: 16 squarings and one
//! multiplication) and compares the result with the expected encoding. The `rsa` crate does the same through a
//! general-purpose big-number library (`num-bigint-dig`): 64-bit digits, which WebAssembly multiplies through an
//! emulated 128-bit product, and a windowed exponentiation meant for large exponents. Here every step is sized for
//! this one job; see `mont.rs` for the arithmetic and why it need not be constant-time.
//!
//! Semantics are RFC 8017's, strictly: the signature must be exactly `k` bytes and below `n`; PKCS#1 v1.5 compares
//! the whole encoded message with the one built from the hash (no parsing, so no BER leniency); PSS checks every
//! step of EMSA-PSS-VERIFY (§9.1.2) with MGF1 over the same hash and the salt length equal to the hash length, as
//! RFC 7518 §3.5 requires for PS256/384/512.

use super::digest;
use super::mont::{Modulus, from_be_bytes, to_be_bytes};
use crate::alg::Hash;

/// An RSA public key ready for verification: the modulus with its Montgomery constants and the exponent.
#[derive(Clone)]
pub(crate) struct RsaPublicKey {
    modulus: Modulus,
    e: u64,
    bits: usize,
    /// The modulus, big-endian without leading zeros (for encryption with the `rsa` crate, feature `jwe`).
    #[cfg(feature = "jwe")]
    n: Vec<u8>,
}

impl RsaPublicKey {
    /// The key with modulus `n` and exponent `e` (big-endian, leading zeros allowed).
    ///
    /// # Errors
    /// Why the numbers are not usable: an even or tiny modulus, an exponent below 2 or above 2^33 − 1 (the same
    /// bounds as the `rsa` crate's).
    pub(crate) fn new(n: &[u8], e: &[u8]) -> Result<Self, &'static str> {
        let n = strip_zeros(n);
        let e = strip_zeros(e);
        let bits = match n.first() {
            Some(&top) => n.len() * 8 - top.leading_zeros() as usize,
            None => return Err("the modulus is zero"),
        };
        if e.len() > 8 {
            return Err("the public exponent is too large");
        }
        let e = e.iter().fold(0u64, |acc, &b| (acc << 8) | u64::from(b));
        if e < 2 {
            return Err("the public exponent is too small");
        }
        if e > (1 << 33) - 1 {
            return Err("the public exponent is too large");
        }
        let modulus = Modulus::new(n).ok_or("the modulus is even or too small")?;
        Ok(Self {
            modulus,
            e,
            bits,
            #[cfg(feature = "jwe")]
            n: n.to_vec(),
        })
    }

    /// The modulus (big-endian) and the public exponent.
    #[cfg(feature = "jwe")]
    pub(crate) fn components(&self) -> (&[u8], u64) {
        (&self.n, self.e)
    }

    /// The modulus length in bits.
    pub(crate) const fn bits(&self) -> usize {
        self.bits
    }

    /// The modulus length in bytes: the length of every signature (`k` in RFC 8017).
    pub(crate) const fn size(&self) -> usize {
        self.bits.div_ceil(8)
    }

    /// RSAVP1 and I2OSP: `signature^e mod n` as `k` bytes, or `None` when the signature is not `k` bytes or not
    /// below `n` ("signature representative out of range", RFC 8017 §5.2.2).
    fn open(&self, signature: &[u8]) -> Option<Vec<u8>> {
        let k = self.size();
        if signature.len() != k {
            return None;
        }
        let s = from_be_bytes(signature, self.modulus.limbs());
        if !self.modulus.is_reduced(&s) {
            return None;
        }
        to_be_bytes(&self.modulus.pow(&s, self.e), k)
    }

    /// RSASSA-PKCS1-V1_5-VERIFY (RFC 8017 §8.2.2) of `digest`, the message's hash under `hash`.
    pub(crate) fn verify_pkcs1v15(&self, hash: Hash, digest: &[u8], signature: &[u8]) -> bool {
        let Some(em) = self.open(signature) else { return false };
        // EMSA-PKCS1-v1_5-ENCODE (§9.2): 00 01 FF…FF 00 ‖ DigestInfo, with at least 8 bytes of FF.
        let prefix = digest_info_prefix(hash);
        let t_len = prefix.len() + digest.len();
        let Some(ps_len) = em.len().checked_sub(t_len + 3).filter(|&len| len >= 8) else { return false };
        let mut expected = Vec::with_capacity(em.len());
        expected.extend_from_slice(&[0x00, 0x01]);
        expected.resize(2 + ps_len, 0xff);
        expected.push(0x00);
        expected.extend_from_slice(prefix);
        expected.extend_from_slice(digest);
        em == expected
    }

    /// RSASSA-PSS-VERIFY (RFC 8017 §8.1.2) of `digest` (mHash), with MGF1 over `hash` and a salt as long as the
    /// hash. The step numbers are those of EMSA-PSS-VERIFY (§9.1.2).
    pub(crate) fn verify_pss(&self, hash: Hash, digest: &[u8], signature: &[u8]) -> bool {
        let Some(m) = self.open(signature) else { return false };
        let h_len = hash.output_len();
        let s_len = h_len;
        if digest.len() != h_len {
            return false;
        }
        // emBits = modBits − 1, emLen = ⌈emBits / 8⌉; when modBits ≡ 1 (mod 8), emLen = k − 1 and the integer must
        // fit in emLen bytes (I2OSP in §8.1.2 step 2c), i.e. the first of the k bytes must be zero.
        let em_bits = self.bits - 1;
        let em_len = em_bits.div_ceil(8);
        let em = match m.split_at_checked(m.len() - em_len) {
            Some((extra, em)) if extra.iter().all(|&b| b == 0) => em,
            _ => return false,
        };
        // 3. emLen < hLen + sLen + 2: inconsistent.
        if em_len < h_len + s_len + 2 {
            return false;
        }
        // 4. The rightmost octet must be 0xbc.
        let Some((&0xbc, rest)) = em.split_last() else { return false };
        // 5. maskedDB ‖ H.
        let Some((masked_db, h)) = rest.split_at_checked(em_len - h_len - 1) else { return false };
        // 6. The leftmost 8·emLen − emBits bits of maskedDB must be zero.
        let unused_bits = 8 * em_len - em_bits;
        let top_mask = 0xffu8 >> unused_bits;
        if masked_db.first().is_none_or(|&b| b & !top_mask != 0) {
            return false;
        }
        // 7–8. DB = maskedDB ⊕ MGF1(H, emLen − hLen − 1).
        let mut db = mgf1(hash, h, masked_db.len());
        for (d, &m) in db.iter_mut().zip(masked_db) {
            *d ^= m;
        }
        // 9. Clear the leftmost 8·emLen − emBits bits.
        if let Some(first) = db.first_mut() {
            *first &= top_mask;
        }
        // 10. DB = PS (zeros, emLen − hLen − sLen − 2 of them) ‖ 0x01 ‖ salt.
        let ps_len = em_len - h_len - s_len - 2;
        let Some((ps, rest)) = db.split_at_checked(ps_len) else { return false };
        if ps.iter().any(|&b| b != 0) {
            return false;
        }
        // 11. salt = the last sLen octets of DB (exactly what follows the 0x01).
        let Some((&0x01, salt)) = rest.split_first() else { return false };
        // 12–14. H' = Hash(00×8 ‖ mHash ‖ salt) must equal H.
        super::digest(hash, &[&[0u8; 8], digest, salt]) == h
    }
}

fn strip_zeros(bytes: &[u8]) -> &[u8] {
    let start = bytes.iter().position(|&b| b != 0).unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

/// The DER prefix of DigestInfo for each hash (RFC 8017 §9.2, note 1).
const fn digest_info_prefix(hash: Hash) -> &'static [u8] {
    match hash {
        Hash::Sha256 => &[
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04,
            0x20,
        ],
        Hash::Sha384 => &[
            0x30, 0x41, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x02, 0x05, 0x00, 0x04,
            0x30,
        ],
        Hash::Sha512 => &[
            0x30, 0x51, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x03, 0x05, 0x00, 0x04,
            0x40,
        ],
    }
}

/// MGF1 (RFC 8017 §B.2.1): `len` bytes of Hash(seed ‖ counter) for counter = 0, 1, … (4 bytes, big-endian).
fn mgf1(hash: Hash, seed: &[u8], len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len + hash.output_len());
    let mut counter = 0u32;
    while out.len() < len {
        out.extend_from_slice(&digest(hash, &[seed, &counter.to_be_bytes()]));
        counter = counter.wrapping_add(1);
    }
    out.truncate(len);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rsa::traits::PublicKeyParts as _;
    use sha2::{Sha256, Sha384, Sha512};

    struct Rng(u64);
    impl rsa::rand_core::RngCore for Rng {
        fn next_u32(&mut self) -> u32 {
            self.next_u64() as u32
        }
        fn next_u64(&mut self) -> u64 {
            // xorshift64*: deterministic test keys and salts, not for real keys.
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }
        fn fill_bytes(&mut self, dest: &mut [u8]) {
            for chunk in dest.chunks_mut(8) {
                let v = self.next_u64().to_le_bytes();
                chunk.copy_from_slice(&v[..chunk.len()]);
            }
        }
        fn try_fill_bytes(&mut self, dest: &mut [u8]) -> Result<(), rsa::rand_core::Error> {
            self.fill_bytes(dest);
            Ok(())
        }
    }
    impl rsa::rand_core::CryptoRng for Rng {}

    fn ours(key: &rsa::RsaPrivateKey) -> RsaPublicKey {
        RsaPublicKey::new(&key.n().to_bytes_be(), &key.e().to_bytes_be()).unwrap()
    }

    /// Signatures made by the `rsa` crate verify, for moduli of every length mod 8 (which moves emLen for PSS),
    /// and a flipped bit anywhere does not.
    #[test]
    fn verifies_what_the_rsa_crate_signs() {
        for bits in [1024, 1025, 1031, 1032, 1033, 1536, 2047, 2048] {
            let key = rsa::RsaPrivateKey::new(&mut Rng(bits as u64 + 1), bits).unwrap();
            let public = ours(&key);
            assert_eq!(public.bits(), key.n().bits());
            assert_eq!(public.size(), key.size());
            for hash in [Hash::Sha256, Hash::Sha384, Hash::Sha512] {
                let m = digest(hash, &[b"message"]);
                let pkcs1 = match hash {
                    Hash::Sha256 => key.sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &m),
                    Hash::Sha384 => key.sign(rsa::Pkcs1v15Sign::new::<Sha384>(), &m),
                    Hash::Sha512 => key.sign(rsa::Pkcs1v15Sign::new::<Sha512>(), &m),
                }
                .unwrap();
                assert!(public.verify_pkcs1v15(hash, &m, &pkcs1), "{bits} {hash:?}");
                assert!(!public.verify_pss(hash, &m, &pkcs1));
                let mut rng = Rng(7);
                let pss = match hash {
                    Hash::Sha256 => key.sign_with_rng(&mut rng, rsa::Pss::new::<Sha256>(), &m),
                    Hash::Sha384 => key.sign_with_rng(&mut rng, rsa::Pss::new::<Sha384>(), &m),
                    Hash::Sha512 => key.sign_with_rng(&mut rng, rsa::Pss::new::<Sha512>(), &m),
                };
                // PSS with SHA-512 and a 64-byte salt needs emLen ≥ 130: not possible with 1024-bit keys.
                let Ok(pss) = pss else {
                    assert!(bits < 1040 && hash == Hash::Sha512);
                    continue;
                };
                assert!(public.verify_pss(hash, &m, &pss), "{bits} {hash:?}");
                assert!(!public.verify_pkcs1v15(hash, &m, &pss));
                for i in [0, pss.len() / 2, pss.len() - 1] {
                    let mut bad = pss.clone();
                    bad[i] ^= 0x10;
                    assert!(!public.verify_pss(hash, &m, &bad));
                    let mut bad = pkcs1.clone();
                    bad[i] ^= 0x10;
                    assert!(!public.verify_pkcs1v15(hash, &m, &bad));
                }
                let mut other = m.clone();
                other[0] ^= 1;
                assert!(!public.verify_pss(hash, &other, &pss));
                assert!(!public.verify_pkcs1v15(hash, &other, &pkcs1));
            }
        }
    }

    /// s + n is the same residue as s, but RFC 8017 requires s < n: it must not verify.
    #[test]
    fn signature_not_below_modulus_is_rejected() {
        let key = rsa::RsaPrivateKey::new(&mut Rng(99), 1024).unwrap();
        let public = ours(&key);
        let m = digest(Hash::Sha256, &[b"m"]);
        for (pss, sig) in [
            (false, key.sign(rsa::Pkcs1v15Sign::new::<Sha256>(), &m).unwrap()),
            (true, key.sign_with_rng(&mut Rng(3), rsa::Pss::new::<Sha256>(), &m).unwrap()),
        ] {
            let plus_n = (rsa::BigUint::from_bytes_be(&sig) + key.n()).to_bytes_be();
            let verify = |s: &[u8]| {
                if pss { public.verify_pss(Hash::Sha256, &m, s) } else { public.verify_pkcs1v15(Hash::Sha256, &m, s) }
            };
            assert!(verify(&sig));
            if plus_n.len() == sig.len() {
                assert!(!verify(&plus_n));
            }
            assert!(!verify(&key.n().to_bytes_be()));
            assert!(!verify(&[0xff; 128]));
        }
    }

    #[test]
    fn refuses_unusable_numbers() {
        assert!(RsaPublicKey::new(&[0, 0], &[1, 0, 1]).is_err());
        assert!(RsaPublicKey::new(&[0xff, 0xfe], &[1, 0, 1]).is_err());
        assert!(RsaPublicKey::new(&[0xff, 0xff], &[1]).is_err());
        assert!(RsaPublicKey::new(&[0xff, 0xff], &[2, 0, 0, 0, 0]).is_err());
        assert!(RsaPublicKey::new(&[0xff, 0xff], &[1, 0xff, 0xff, 0xff, 0xff]).is_ok());
    }
}
