//! Content encryption (RFC 7518 §5): AES-GCM and AES-CBC with HMAC-SHA-2, and `zip: DEF`.
//!
//! Tags are compared in constant time: AES-GCM's by the aes-gcm crate, the CBC-HMAC tag with `subtle`. The CBC
//! padding is checked only after the tag matched, so no padding oracle exists.

use aes::{Aes128, Aes192, Aes256};
use aes_gcm::aead::consts::U12;
use aes_gcm::aead::{AeadInPlace, KeyInit};
use aes_gcm::{AesGcm, Nonce, Tag};
use cbc::cipher::block_padding::Pkcs7;
use cbc::cipher::{BlockDecryptMut, BlockEncryptMut, KeyIvInit};
use hmac::{Hmac, Mac};
use sha2::{Sha256, Sha384, Sha512};
use subtle::ConstantTimeEq;

use super::algs::ContentAlg;

/// Why content decryption failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ContentError {
    /// The key, IV or tag length does not fit `enc`.
    Length,
    /// The tag did not match.
    Tag,
}

/// AES-GCM (96-bit nonce, 128-bit tag) over a key of 16, 24 or 32 bytes: decrypts `buf` in place.
pub(crate) fn gcm_open(key: &[u8], iv: &[u8], aad: &[u8], buf: &mut [u8], tag: &[u8]) -> Result<(), ContentError> {
    if iv.len() != 12 || tag.len() != 16 {
        return Err(ContentError::Length);
    }
    let (nonce, tag) = (Nonce::<U12>::from_slice(iv), Tag::from_slice(tag));
    let opened = match key.len() {
        16 => AesGcm::<Aes128, U12>::new_from_slice(key).map(|c| c.decrypt_in_place_detached(nonce, aad, buf, tag)),
        24 => AesGcm::<Aes192, U12>::new_from_slice(key).map(|c| c.decrypt_in_place_detached(nonce, aad, buf, tag)),
        32 => AesGcm::<Aes256, U12>::new_from_slice(key).map(|c| c.decrypt_in_place_detached(nonce, aad, buf, tag)),
        _ => return Err(ContentError::Length),
    };
    match opened {
        Ok(Ok(())) => Ok(()),
        Ok(Err(_)) => Err(ContentError::Tag),
        Err(_) => Err(ContentError::Length),
    }
}

/// AES-GCM encryption of `buf` in place; returns the 16-byte tag.
pub(crate) fn gcm_seal(key: &[u8], iv: &[u8], aad: &[u8], buf: &mut [u8]) -> Result<Vec<u8>, ContentError> {
    if iv.len() != 12 {
        return Err(ContentError::Length);
    }
    let nonce = Nonce::<U12>::from_slice(iv);
    let sealed = match key.len() {
        16 => AesGcm::<Aes128, U12>::new_from_slice(key).map(|c| c.encrypt_in_place_detached(nonce, aad, buf)),
        24 => AesGcm::<Aes192, U12>::new_from_slice(key).map(|c| c.encrypt_in_place_detached(nonce, aad, buf)),
        32 => AesGcm::<Aes256, U12>::new_from_slice(key).map(|c| c.encrypt_in_place_detached(nonce, aad, buf)),
        _ => return Err(ContentError::Length),
    };
    match sealed {
        Ok(Ok(tag)) => Ok(tag.to_vec()),
        _ => Err(ContentError::Length),
    }
}

/// The AES_CBC_HMAC_SHA2 tag (RFC 7518 §5.2.2.1 step 5): HMAC over AAD ‖ IV ‖ ciphertext ‖ AL, truncated to half
/// the key length.
fn cbc_tag(mac_key: &[u8], aad: &[u8], iv: &[u8], ciphertext: &[u8]) -> Option<Vec<u8>> {
    let al = u64::try_from(aad.len()).ok()?.checked_mul(8)?.to_be_bytes();
    fn run<M: Mac + KeyInit>(key: &[u8], parts: [&[u8]; 4]) -> Option<Vec<u8>> {
        let mut mac = <M as Mac>::new_from_slice(key).ok()?;
        for part in parts {
            mac.update(part);
        }
        Some(mac.finalize().into_bytes().to_vec())
    }
    let parts = [aad, iv, ciphertext, &al[..]];
    let full = match mac_key.len() {
        16 => run::<Hmac<Sha256>>(mac_key, parts)?,
        24 => run::<Hmac<Sha384>>(mac_key, parts)?,
        32 => run::<Hmac<Sha512>>(mac_key, parts)?,
        _ => return None,
    };
    full.get(..mac_key.len()).map(<[u8]>::to_vec)
}

/// AES-CBC-HMAC-SHA2 decryption: the tag is checked first (constant time), then the CBC padding.
pub(crate) fn cbc_open(
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, ContentError> {
    let half = key.len() / 2;
    if !matches!(key.len(), 32 | 48 | 64) || iv.len() != 16 || tag.len() != half {
        return Err(ContentError::Length);
    }
    let (mac_key, enc_key) = key.split_at(half);
    let expected = cbc_tag(mac_key, aad, iv, ciphertext).ok_or(ContentError::Length)?;
    if !bool::from(expected.ct_eq(tag)) {
        return Err(ContentError::Tag);
    }
    let opened = match half {
        16 => cbc::Decryptor::<Aes128>::new_from_slices(enc_key, iv)
            .map(|d| d.decrypt_padded_vec_mut::<Pkcs7>(ciphertext)),
        24 => cbc::Decryptor::<Aes192>::new_from_slices(enc_key, iv)
            .map(|d| d.decrypt_padded_vec_mut::<Pkcs7>(ciphertext)),
        _ => cbc::Decryptor::<Aes256>::new_from_slices(enc_key, iv)
            .map(|d| d.decrypt_padded_vec_mut::<Pkcs7>(ciphertext)),
    };
    // A bad padding under a matching tag means the sender encrypted garbage: reported as a tag failure.
    match opened {
        Ok(Ok(plain)) => Ok(plain),
        Ok(Err(_)) => Err(ContentError::Tag),
        Err(_) => Err(ContentError::Length),
    }
}

/// AES-CBC-HMAC-SHA2 encryption: `(ciphertext, tag)`.
pub(crate) fn cbc_seal(
    key: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), ContentError> {
    let half = key.len() / 2;
    if !matches!(key.len(), 32 | 48 | 64) || iv.len() != 16 {
        return Err(ContentError::Length);
    }
    let (mac_key, enc_key) = key.split_at(half);
    let sealed =
        match half {
            16 => cbc::Encryptor::<Aes128>::new_from_slices(enc_key, iv)
                .map(|e| e.encrypt_padded_vec_mut::<Pkcs7>(plaintext)),
            24 => cbc::Encryptor::<Aes192>::new_from_slices(enc_key, iv)
                .map(|e| e.encrypt_padded_vec_mut::<Pkcs7>(plaintext)),
            _ => cbc::Encryptor::<Aes256>::new_from_slices(enc_key, iv)
                .map(|e| e.encrypt_padded_vec_mut::<Pkcs7>(plaintext)),
        };
    let ciphertext = sealed.map_err(|_| ContentError::Length)?;
    let tag = cbc_tag(mac_key, aad, iv, &ciphertext).ok_or(ContentError::Length)?;
    Ok((ciphertext, tag))
}

/// Decrypts the content with `enc` and the CEK.
pub(crate) fn open(
    enc: ContentAlg,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    ciphertext: &[u8],
    tag: &[u8],
) -> Result<Vec<u8>, ContentError> {
    if cek.len() != enc.key_len() {
        return Err(ContentError::Length);
    }
    match enc {
        ContentAlg::Gcm(_) => {
            let mut buf = ciphertext.to_vec();
            gcm_open(cek, iv, aad, &mut buf, tag)?;
            Ok(buf)
        }
        ContentAlg::CbcHs(_) => cbc_open(cek, iv, aad, ciphertext, tag),
    }
}

/// Encrypts the content with `enc`: `(ciphertext, tag)`.
pub(crate) fn seal(
    enc: ContentAlg,
    cek: &[u8],
    iv: &[u8],
    aad: &[u8],
    plaintext: &[u8],
) -> Result<(Vec<u8>, Vec<u8>), ContentError> {
    match enc {
        ContentAlg::Gcm(_) => {
            let mut buf = plaintext.to_vec();
            let tag = gcm_seal(cek, iv, aad, &mut buf)?;
            Ok((buf, tag))
        }
        ContentAlg::CbcHs(_) => cbc_seal(cek, iv, aad, plaintext),
    }
}

/// Why inflating failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum InflateError {
    /// The output would exceed the limit; inflating stopped there.
    TooLarge,
    /// Not raw DEFLATE.
    Invalid,
}

/// Raw DEFLATE (RFC 1951), `zip: DEF`, inflating at most `limit` bytes: miniz_oxide stops as soon as the output
/// would grow past it, so a bomb costs at most `limit` bytes of memory and the time to produce them.
pub(crate) fn inflate(data: &[u8], limit: usize) -> Result<Vec<u8>, InflateError> {
    miniz_oxide::inflate::decompress_to_vec_with_limit(data, limit).map_err(|e| match e.status {
        miniz_oxide::inflate::TINFLStatus::HasMoreOutput => InflateError::TooLarge,
        _ => InflateError::Invalid,
    })
}

/// Raw DEFLATE compression, for encryption with `zip: DEF`.
pub(crate) fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec(data, 6)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hex(s: &str) -> Vec<u8> {
        let s: String = s.split_whitespace().collect();
        (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect()
    }

    /// RFC 7518 Appendix B.1–B.3: the AES_CBC_HMAC_SHA2 test cases, ciphertext and tag byte for byte.
    #[test]
    fn rfc7518_appendix_b() {
        let p = hex(
            "41 20 63 69 70 68 65 72 20 73 79 73 74 65 6d 20 6d 75 73 74 20 6e 6f 74 20 62 65 20 72 65 71 75 69 72 65 64 20 74 6f 20 62 65 20 73 65 63 72 65 74 2c 20 61 6e 64 20 69 74 20 6d 75 73 74 20 62 65 20 61 62 6c 65 20 74 6f 20 66 61 6c 6c 20 69 6e 74 6f 20 74 68 65 20 68 61 6e 64 73 20 6f 66 20 74 68 65 20 65 6e 65 6d 79 20 77 69 74 68 6f 75 74 20 69 6e 63 6f 6e 76 65 6e 69 65 6e 63 65",
        );
        let iv = hex("1a f3 8c 2d c2 b9 6f fd d8 66 94 09 23 41 bc 04");
        let a = hex(
            "54 68 65 20 73 65 63 6f 6e 64 20 70 72 69 6e 63 69 70 6c 65 20 6f 66 20 41 75 67 75 73 74 65 20 4b 65 72 63 6b 68 6f 66 66 73",
        );
        let cases = [
            (
                32,
                "65 2c 3f a3 6b 0a 7c 5b 32 19 fa b3 a3 0b c1 c4",
                "c8 0e df a3 2d df 39 d5 ef 00 c0 b4 68 83 42 79 a2 e4 6a 1b 80 49 f7 92 f7 6b fe 54 b9 03 a9 c9 a9 4a c9 b4 7a d2 65 5c 5f 10 f9 ae f7 14 27 e2 fc 6f 9b 3f 39 9a 22 14 89 f1 63 62 c7 03 23 36 09 d4 5a c6 98 64 e3 32 1c f8 29 35 ac 40 96 c8 6e 13 33 14 c5 40 19 e8 ca 79 80 df a4 b9 cf 1b 38 4c 48 6f 3a 54 c5 10 78 15 8e e5 d7 9d e5 9f bd 34 d8 48 b3 d6 95 50 a6 76 46 34 44 27 ad e5 4b 88 51 ff b5 98 f7 f8 00 74 b9 47 3c 82 e2 db",
            ),
            (
                48,
                "84 90 ac 0e 58 94 9b fe 51 87 5d 73 3f 93 ac 20 75 16 80 39 cc c7 33 d7",
                "ea 65 da 6b 59 e6 1e db 41 9b e6 2d 19 71 2a e5 d3 03 ee b5 00 52 d0 df d6 69 7f 77 22 4c 8e db 00 0d 27 9b dc 14 c1 07 26 54 bd 30 94 42 30 c6 57 be d4 ca 0c 9f 4a 84 66 f2 2b 22 6d 17 46 21 4b f8 cf c2 40 0a dd 9f 51 26 e4 79 66 3f c9 0b 3b ed 78 7a 2f 0f fc bf 39 04 be 2a 64 1d 5c 21 05 bf e5 91 ba e2 3b 1d 74 49 e5 32 ee f6 0a 9a c8 bb 6c 6b 01 d3 5d 49 78 7b cd 57 ef 48 49 27 f2 80 ad c9 1a c0 c4 e7 9c 7b 11 ef c6 00 54 e3",
            ),
            (
                64,
                "4d d3 b4 c0 88 a7 f4 5c 21 68 39 64 5b 20 12 bf 2e 62 69 a8 c5 6a 81 6d bc 1b 26 77 61 95 5b c5",
                "4a ff aa ad b7 8c 31 c5 da 4b 1b 59 0d 10 ff bd 3d d8 d5 d3 02 42 35 26 91 2d a0 37 ec bc c7 bd 82 2c 30 1d d6 7c 37 3b cc b5 84 ad 3e 92 79 c2 e6 d1 2a 13 74 b7 7f 07 75 53 df 82 94 10 44 6b 36 eb d9 70 66 29 6a e6 42 7e a7 5c 2e 08 46 a1 1a 09 cc f5 37 0d c8 0b fe cb ad 28 c7 3f 09 b3 a3 b7 5e 66 2a 25 94 41 0a e4 96 b2 e2 e6 60 9e 31 e6 e0 2c c8 37 f0 53 d2 1f 37 ff 4f 51 95 0b be 26 38 d0 9d d7 a4 93 09 30 80 6d 07 03 b1 f6",
            ),
        ];
        let mut ran = 0;
        for (len, tag, ct) in cases {
            let key: Vec<u8> = (0..len as u8).collect();
            let (c, t) = cbc_seal(&key, &iv, &a, &p).unwrap();
            assert_eq!((c.clone(), t.clone()), (hex(ct), hex(tag)), "key length {len}");
            assert_eq!(cbc_open(&key, &iv, &a, &c, &t).unwrap(), p);
            let mut bad = t.clone();
            bad[0] ^= 1;
            assert_eq!(cbc_open(&key, &iv, &a, &c, &bad), Err(ContentError::Tag));
            ran += 1;
        }
        assert_eq!(ran, 3);
    }

    #[test]
    fn inflate_stops_at_the_limit() {
        let bomb = deflate(&vec![0u8; 5_000_000]);
        assert!(bomb.len() < 10_000);
        assert_eq!(inflate(&bomb, 250_000), Err(InflateError::TooLarge));
        assert_eq!(inflate(&bomb, 5_000_000).map(|v| v.len()), Ok(5_000_000));
        assert_eq!(inflate(b"\xff\xff\xff", 100), Err(InflateError::Invalid));
    }
}
