//! PEM (RFC 7468) scanning: finds every `-----BEGIN X-----` … `-----END X-----` block in a paste, in order, and
//! decodes its base64 body. Lenient about what people paste (CRLF, indentation, missing final newline, text around
//! the blocks); strict about what changes meaning (a block without its END line, mismatched labels, encrypted keys).
//! [`read`] turns each block into a key row by its label.

use base64::Engine as _;
use base64::engine::general_purpose::GeneralPurpose;
use base64::engine::{DecodePaddingMode, GeneralPurposeConfig};

use super::{KeyCode, KeyFormat, KeySet, der, jwk};
use crate::finding::Finding;

/// Standard-alphabet base64 that accepts missing padding, as people trim it.
pub(crate) const STANDARD_LENIENT: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// One PEM block.
#[derive(Debug, Clone)]
pub(crate) struct Block {
    /// The label between `BEGIN ` and `-----`, e.g. `PUBLIC KEY`.
    pub label: String,
    /// The decoded body, or why it could not be decoded.
    pub der: Result<Vec<u8>, String>,
    /// RFC 1421 headers such as `Proc-Type: 4,ENCRYPTED` were present (a legacy encrypted key).
    pub encrypted: bool,
}

/// What scanning found: blocks in order, whether non-whitespace text lay outside them.
#[derive(Debug, Clone, Default)]
pub(crate) struct Scan {
    pub blocks: Vec<Block>,
    pub stray_text: bool,
}

const BEGIN: &str = "-----BEGIN ";
const DASHES: &str = "-----";

/// Scans `text` for PEM blocks.
pub(crate) fn scan(text: &str) -> Scan {
    let mut scan = Scan::default();
    let mut rest = text;
    while let Some(begin) = rest.find(BEGIN) {
        scan.stray_text |= !rest.get(..begin).unwrap_or_default().trim().is_empty();
        let after_begin = rest.get(begin + BEGIN.len()..).unwrap_or_default();
        let Some(label_end) = after_begin.find(DASHES) else {
            scan.blocks.push(Block {
                label: after_begin.lines().next().unwrap_or_default().trim().to_owned(),
                der: Err("the BEGIN line is not closed with -----".to_owned()),
                encrypted: false,
            });
            return scan;
        };
        let label = after_begin.get(..label_end).unwrap_or_default().trim().to_owned();
        let body_and_rest = after_begin.get(label_end + DASHES.len()..).unwrap_or_default();
        let end_marker = format!("-----END {label}-----");
        let Some(end) = body_and_rest.find(&end_marker) else {
            scan.blocks.push(Block {
                label,
                der: Err(format!("the END line \"{end_marker}\" is missing: the block was cut short")),
                encrypted: false,
            });
            return scan;
        };
        let body = body_and_rest.get(..end).unwrap_or_default();
        if body.contains(BEGIN) {
            scan.blocks.push(Block {
                label,
                der: Err("another BEGIN line appears before this block's END line".to_owned()),
                encrypted: false,
            });
        } else {
            let encrypted = body.lines().any(|l| l.contains(':') && l.to_ascii_uppercase().contains("ENCRYPTED"));
            let base64: String =
                body.lines().filter(|l| !l.contains(':')).flat_map(str::chars).filter(|c| !c.is_whitespace()).collect();
            let der = if base64.is_empty() {
                Err("the block is empty".to_owned())
            } else {
                STANDARD_LENIENT.decode(base64.as_bytes()).map_err(|e| format!("its body is not base64 ({e})"))
            };
            scan.blocks.push(Block { label, der, encrypted });
        }
        rest = body_and_rest.get(end + end_marker.len()..).unwrap_or_default();
    }
    scan.stray_text |= !rest.trim().is_empty();
    scan
}

/// Reads every PEM block of `text` into `set`: one row per block that should hold a key.
pub(super) fn read(set: &mut KeySet, text: &str, now: Option<i64>) {
    let scan = scan(text);
    if scan.stray_text {
        set.note(Finding::new(KeyCode::TextIgnored, "Text outside the PEM BEGIN/END lines was ignored."));
    }
    for (source, block) in scan.blocks.into_iter().enumerate() {
        let format = match block.label.as_str() {
            "PUBLIC KEY" => KeyFormat::Spki,
            "RSA PUBLIC KEY" => KeyFormat::Pkcs1,
            "CERTIFICATE" | "X509 CERTIFICATE" | "TRUSTED CERTIFICATE" => KeyFormat::X509,
            "PRIVATE KEY" => KeyFormat::Pkcs8,
            "RSA PRIVATE KEY" => KeyFormat::Pkcs1Private,
            "EC PRIVATE KEY" => KeyFormat::Sec1,
            "EC PARAMETERS" => {
                set.note(Finding::new(
                    KeyCode::TextIgnored,
                    "The EC PARAMETERS block (which OpenSSL prints before a key) holds no key and was ignored.",
                ));
                continue;
            }
            _ => KeyFormat::Unknown,
        };
        let built = match (&block.der, format) {
            (Err(why), _) => {
                Err(Finding::new(KeyCode::PemInvalid, format!("The PEM block \"{}\" is broken: {why}.", block.label))
                    .fix("Copy the whole block again, from its BEGIN line to its END line."))
            }
            (Ok(_), _) if block.encrypted => Err(Finding::new(
                KeyCode::Unsupported,
                format!(
                    "The PEM block \"{}\" is encrypted with a password; jwtlens does not decrypt keys.",
                    block.label
                ),
            )
            .fix("Paste the public key instead (openssl pkey -pubout).")),
            (Ok(der), KeyFormat::Spki) => der::spki(der),
            (Ok(der), KeyFormat::Pkcs1) => der::pkcs1_public(der),
            (Ok(der), KeyFormat::X509) => der::certificate(der, now),
            (Ok(der), KeyFormat::Pkcs8) => der::pkcs8(der),
            (Ok(der), KeyFormat::Pkcs1Private) => der::pkcs1_private(der),
            (Ok(der), KeyFormat::Sec1) => der::sec1(der),
            (Ok(_), _) => {
                let hint = match block.label.as_str() {
                    "ENCRYPTED PRIVATE KEY" => {
                        " It is encrypted with a password; jwtlens does not decrypt keys. Paste the public key instead (openssl pkey -pubout)."
                    }
                    "OPENSSH PRIVATE KEY" => " OpenSSH keys are not used by JWT issuers.",
                    "DSA PRIVATE KEY" | "DSA PUBLIC KEY" => " JWS has no DSA algorithm.",
                    "CERTIFICATE REQUEST" | "NEW CERTIFICATE REQUEST" => {
                        " A certificate request is not a key; paste the issued certificate or the public key."
                    }
                    _ => "",
                };
                Err(Finding::new(
                    KeyCode::Unsupported,
                    format!("The PEM block \"{}\" is not a key format jwtlens reads.{hint}", block.label),
                ))
            }
        };
        set.push(source, format, jwk::Meta::default(), built, Vec::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn several_blocks_with_text_around() {
        let s = scan(
            "subject=CN=x\r\n-----BEGIN A-----\r\nAAEC\r\n-----END A-----\n  -----BEGIN B-----\nAw==\n-----END B-----",
        );
        assert_eq!(s.blocks.len(), 2);
        assert_eq!(s.blocks[0].label, "A");
        assert_eq!(s.blocks[0].der, Ok(vec![0, 1, 2]));
        assert_eq!(s.blocks[1].der, Ok(vec![3]));
        assert!(s.stray_text);
    }

    #[test]
    fn broken_blocks_are_reported() {
        assert!(scan("-----BEGIN A-----\nAAEC\n").blocks[0].der.as_ref().unwrap_err().contains("missing"));
        assert!(scan("-----BEGIN A-----\n!!\n-----END A-----").blocks[0].der.is_err());
        let enc = scan(
            "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES\n\nAAEC\n-----END RSA PRIVATE KEY-----",
        );
        assert!(enc.blocks[0].encrypted);
    }
}
