//! Base64url as RFC 7515 §2 defines it (no padding, URL-safe alphabet), decoded leniently so that a debugger can
//! show what a sloppy encoder produced: `=` padding and the standard alphabet (`+`, `/`) are accepted and reported;
//! anything else is an error that names the character and its offset in the original input.

use crate::codes::EncodingCode;
use crate::finding::{Finding, Location, Part};
use crate::spanned::Spanned;

/// Bytes decoded from one segment, and what was irregular about the encoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The decoded bytes.
    pub bytes: Vec<u8>,
    /// Findings about the encoding (warnings only; errors make decoding fail).
    pub findings: Vec<Finding>,
}

fn value(c: char) -> Option<(u8, bool)> {
    let v = match c {
        'A'..='Z' => c as u32 - 'A' as u32,
        'a'..='z' => c as u32 - 'a' as u32 + 26,
        '0'..='9' => c as u32 - '0' as u32 + 52,
        '-' => 62,
        '_' => 63,
        '+' => return Some((62, true)),
        '/' => return Some((63, true)),
        _ => return None,
    };
    u8::try_from(v).ok().map(|v| (v, false))
}

fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\n' | '\r' => "a line break".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_control() => format!("control character U+{:04X}", c as u32),
        c if !c.is_ascii() => format!("'{c}' (U+{:04X})", c as u32),
        c => format!("'{c}'"),
    }
}

/// Decodes one segment of a token. `name` names the segment in messages ("header", "payload", …).
///
/// # Errors
/// A finding (code `B64_INVALID_CHARACTER` or `B64_INVALID_LENGTH`) that says which character at which offset.
#[allow(
    clippy::result_large_err,
    reason = "the error is a finding that is always reported; decoding is not a hot path"
)]
pub fn decode(segment: &Spanned, part: Part, name: &str) -> Result<Decoded, Finding> {
    let mut findings = Vec::new();
    let chars = segment.chars();
    let padding = chars.iter().rev().take_while(|&&(c, _)| c == '=').count();
    let body = chars.get(..chars.len() - padding).unwrap_or_default();
    let mut standard = None;
    let mut sextets = Vec::with_capacity(body.len());
    for (index, &(c, offset)) in body.iter().enumerate() {
        let Some((v, std)) = value(c) else {
            let hint = if c == '=' { " Padding may only appear at the end." } else { "" };
            return Err(Finding::new(
                EncodingCode::InvalidCharacter,
                format!(
                    "The {name} has {} at character {} (offset {offset} of the input); base64url allows only A–Z, a–z, 0–9, '-' and '_'.{hint}",
                    describe(c),
                    index + 1
                ),
            )
            .fix("The token was damaged while copying. Copy it again from its source, whole and unchanged.")
            .at(Location::span(part, offset, offset + c.len_utf8())));
        };
        if std && standard.is_none() {
            standard = Some((c, offset));
        }
        sextets.push(v);
    }
    if sextets.len() % 4 == 1 {
        let loc = segment.range().map_or_else(|| Location::part(part), |(s, e)| Location::span(part, s, e));
        return Err(Finding::new(
            EncodingCode::InvalidLength,
            format!("The {name} is {} characters long, which no base64url encoding produces: a character is missing or extra.", sextets.len()),
        )
        .fix("The token was probably cut or edited while copying. Copy it again from its source.")
        .at(loc));
    }
    if padding > 0 {
        let (_, first_pad) = chars.get(chars.len() - padding).copied().unwrap_or(('=', 0));
        findings.push(
            Finding::new(EncodingCode::Padding, format!("The {name} ends with {padding} '=' padding character(s); RFC 7515 base64url has no padding."))
                .fix("Strict verifiers reject padded segments. Fix the issuer's encoder (ALB's x-amzn-oidc-data tokens are padded by design: verify them with a library that allows it).")
                .at(Location::span(part, first_pad, first_pad + padding)),
        );
    }
    if let Some((c, offset)) = standard {
        findings.push(
            Finding::new(
                EncodingCode::StandardAlphabet,
                format!(
                    "The {name} uses '{c}' from standard base64; base64url uses '-' and '_' instead of '+' and '/'."
                ),
            )
            .fix("The token was encoded with the wrong alphabet or re-encoded on the way; strict verifiers reject it.")
            .at(Location::span(part, offset, offset + 1)),
        );
    }
    let mut bytes = Vec::with_capacity(sextets.len() * 3 / 4);
    let mut acc: u32 = 0;
    let mut bits = 0;
    for v in &sextets {
        acc = (acc << 6) | u32::from(*v);
        bits += 6;
        if bits >= 8 {
            bits -= 8;
            bytes.push(((acc >> bits) & 0xff) as u8);
        }
    }
    if bits > 0 && acc & ((1 << bits) - 1) != 0 {
        let (_, offset) = body.last().copied().unwrap_or(('A', 0));
        findings.push(
            Finding::new(
                EncodingCode::NonCanonical,
                format!("The last character of the {name} has non-zero unused bits (a non-canonical encoding)."),
            )
            .fix("Some verifiers reject this. It often means the segment was edited by hand.")
            .at(Location::span(part, offset, offset + 1)),
        );
    }
    Ok(Decoded { bytes, findings })
}

/// What is wrong with `text` as a strict RFC 7515 base64url segment (padding, alphabet, length, unused bits), if
/// anything. Verification requires strict segments; [`decode`] stays lenient so a debugger can show sloppy tokens.
#[must_use]
pub fn strict_problem(text: &str) -> Option<&'static str> {
    // One pass over the bytes for the usual, valid text; which problem it is only when there is one.
    let bytes = text.as_bytes();
    if !bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Some(if bytes.contains(&b'=') {
            "'=' padding"
        } else if bytes.iter().any(|&b| b == b'+' || b == b'/') {
            "the standard base64 alphabet ('+' or '/')"
        } else {
            "characters outside base64url"
        });
    }
    if text.len() % 4 == 1 {
        return Some("an impossible length");
    }
    let last = text.bytes().last().map_or(0, |b| match b {
        b'A'..=b'Z' => b - b'A',
        b'a'..=b'z' => b - b'a' + 26,
        b'0'..=b'9' => b - b'0' + 52,
        b'-' => 62,
        _ => 63,
    });
    let unused = match text.len() % 4 {
        2 => last & 0x0f,
        3 => last & 0x03,
        _ => 0,
    };
    (unused != 0).then_some("non-zero unused bits at the end (a non-canonical encoding)")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[allow(clippy::result_large_err)]
    fn dec(s: &str) -> Result<Decoded, Finding> {
        decode(&Spanned::new(s), Part::Payload, "payload")
    }

    #[test]
    fn strict_roundtrip() {
        let d = dec("eyJhIjoxfQ").unwrap();
        assert_eq!(d.bytes, br#"{"a":1}"#);
        assert!(d.findings.is_empty());
    }

    #[test]
    fn padding_and_standard_alphabet_are_flagged() {
        let d = dec("-_+/").unwrap();
        assert_eq!(d.bytes, [0xfb, 0xff, 0xbf]);
        assert_eq!(d.findings.iter().map(Finding::code).collect::<Vec<_>>(), ["B64_STANDARD_ALPHABET"]);
        let d = dec("eyJhIjoxfQ==").unwrap();
        assert_eq!(d.bytes, br#"{"a":1}"#);
        assert_eq!(d.findings[0].code(), "B64_PADDING");
    }

    #[test]
    fn invalid_character_names_offset() {
        let e = dec("ab*d").unwrap_err();
        assert_eq!(e.code(), "B64_INVALID_CHARACTER");
        assert_eq!(e.location.as_ref().unwrap().start, Some(2));
        assert!(e.message.contains("'*'"), "{}", e.message);
    }

    #[test]
    fn impossible_length() {
        assert_eq!(dec("abcde").unwrap_err().code(), "B64_INVALID_LENGTH");
    }

    #[test]
    fn non_canonical_bits() {
        // "QQ" is canonical for "A"; "QR" has a stray low bit.
        assert!(dec("QQ").unwrap().findings.is_empty());
        assert_eq!(dec("QR").unwrap().findings[0].code(), "B64_NON_CANONICAL");
    }

    #[test]
    fn strict_segments() {
        assert_eq!(strict_problem("eyJhbGciOiJIUzI1NiJ9"), None);
        assert_eq!(strict_problem(""), None);
        assert!(strict_problem("AB").is_some());
        assert_eq!(strict_problem("AA"), None);
        assert!(strict_problem("AAB").is_some());
        assert_eq!(strict_problem("AAE"), None);
        assert!(strict_problem("AA==").is_some());
        assert!(strict_problem("a+b/").is_some());
        assert!(strict_problem("a?b").is_some());
        assert!(strict_problem("abcde").is_some());
    }
}
