//! HMAC secrets pasted as text, read in the encoding the caller names. This never guesses an encoding: a base64
//! string read as UTF-8 is a different (and valid) secret, so the caller must say which one is meant.

use base64::Engine as _;
use base64::engine::general_purpose::GeneralPurpose;
use base64::engine::{DecodePaddingMode, GeneralPurposeConfig};

use super::pem::STANDARD_LENIENT;
use super::{KeyCode, SecretEncoding};
use crate::finding::Finding;

const URL_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decodes a secret; `text` is the whole key field. Returns the bytes and notes (whitespace removed).
///
/// # Errors
/// A `KEY_SECRET_ENCODING` finding when the text is not valid in the chosen encoding.
pub(crate) fn decode(text: &str, encoding: SecretEncoding) -> Result<(Vec<u8>, Vec<Finding>), Finding> {
    let mut notes = Vec::new();
    let trimmed = text.trim();
    let compact: String = trimmed.chars().filter(|c| !c.is_whitespace()).collect();
    let wrong = |name: &str, detail: String| {
        Finding::new(KeyCode::SecretEncoding, format!("The secret is not valid {name}: {detail}."))
            .fix("Choose the encoding the issuer uses for its secret (utf8, base64, base64url or hex); most frameworks use the plain text (utf8).")
    };
    let bytes = match encoding {
        SecretEncoding::Utf8 => {
            if trimmed.len() != text.len() {
                notes.push(
                    Finding::new(KeyCode::SecretWhitespace, format!("Removed {} whitespace character(s) around the secret.", text.chars().count() - trimmed.chars().count()))
                        .fix("Secrets copied with a trailing line break are the usual cause; servers compare the exact bytes of the secret they were configured with."),
                );
            }
            trimmed.as_bytes().to_vec()
        }
        SecretEncoding::Base64 => {
            if compact.contains(['-', '_']) {
                return Err(wrong("base64", "it contains '-' or '_', which only base64url uses".to_owned()));
            }
            STANDARD_LENIENT.decode(compact.as_bytes()).map_err(|e| wrong("base64", e.to_string()))?
        }
        SecretEncoding::Base64url => {
            if compact.contains(['+', '/']) {
                return Err(wrong("base64url", "it contains '+' or '/', which only standard base64 uses".to_owned()));
            }
            URL_LENIENT.decode(compact.as_bytes()).map_err(|e| wrong("base64url", e.to_string()))?
        }
        SecretEncoding::Hex => {
            let digits = compact.strip_prefix("0x").unwrap_or(&compact);
            if digits.len() % 2 == 1 {
                return Err(wrong("hex", format!("it has an odd number of digits ({})", digits.len())));
            }
            let mut out = Vec::with_capacity(digits.len() / 2);
            for (i, pair) in digits.as_bytes().chunks(2).enumerate() {
                let pair = std::str::from_utf8(pair).ok().and_then(|p| u8::from_str_radix(p, 16).ok());
                match pair {
                    Some(b) => out.push(b),
                    None => {
                        return Err(wrong(
                            "hex",
                            format!("the digit pair at position {} is not hexadecimal", i * 2 + 1),
                        ));
                    }
                }
            }
            out
        }
    };
    Ok((bytes, notes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        assert_eq!(decode("secret\n", SecretEncoding::Utf8).unwrap().0, b"secret");
        assert_eq!(decode("secret\n", SecretEncoding::Utf8).unwrap().1[0].code(), "KEY_SECRET_WHITESPACE");
        assert_eq!(decode("c2VjcmV0", SecretEncoding::Base64).unwrap().0, b"secret");
        assert_eq!(decode("-_8", SecretEncoding::Base64url).unwrap().0, [0xfb, 0xff]);
        assert!(decode("-_8", SecretEncoding::Base64).is_err());
        assert_eq!(decode("0A ff", SecretEncoding::Hex).unwrap().0, [0x0a, 0xff]);
        assert!(decode("0g", SecretEncoding::Hex).is_err());
        assert!(decode("abc", SecretEncoding::Hex).is_err());
    }
}
