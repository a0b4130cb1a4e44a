//! Decoding third-party vectors: RFC 7515 Appendix A (via erlang-jose, see shared/vectors/README.txt) and the
//! RFC 7520 §4 JWS examples (ietf-jose/cookbook) in compact, flattened and general JSON form. Decoding only: the
//! signatures are checked by the verification suites.

use jwtlens::decode::token::{Serialization, TokenKind};
use serde_json::Value;

fn vectors(path: &str) -> Value {
    let full = format!("{}/../../shared/vectors/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    serde_json::from_str(&text).unwrap()
}

fn b64u(s: &str) -> Vec<u8> {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(s).unwrap()
}

#[test]
fn rfc7515_appendix_a_decodes_exactly() {
    let doc = vectors("rfc/rfc7515_appendix_a.json");
    let mut ran = 0;
    for case in doc["cases"].as_array().unwrap() {
        let id = case["id"].as_str().unwrap();
        // Evaluated at a time the examples are valid (they expire at 1300819380, in 2011), so the diagnosis has
        // nothing to say and any finding is a decoding one.
        let options = jwtlens::InspectOptions { now: Some(1_300_819_000.0), ..Default::default() };
        let result = jwtlens::inspect(case["compact"].as_str().unwrap(), &options);
        assert_eq!(result.tokens.len(), 1, "{id}");
        let token = &result.tokens[0];
        // Exact text, including the \r\n the RFC examples carry.
        assert_eq!(token.header.as_ref().unwrap().text.as_deref(), case["protected_header_utf8"].as_str(), "{id}");
        assert_eq!(token.payload.as_ref().unwrap().text.as_deref(), case["payload_utf8"].as_str(), "{id}");
        assert_eq!(token.alg(), case["alg"].as_str(), "{id}");
        assert_eq!(token.signing_input.as_deref(), case["signing_input"].as_str(), "{id}");
        let signature = case["signature_b64u"].as_str().unwrap_or("");
        assert_eq!(token.signature.as_deref(), Some(b64u(signature).as_slice()), "{id}");
        let mut codes: Vec<&str> = result.findings.iter().map(|f| f.code()).collect();
        // A.4 signs the bare text "Payload", not claims.
        if id == "rfc7515-A.4" {
            assert_eq!(codes, ["TOKEN_PAYLOAD_NOT_JSON"], "{id}");
            codes.clear();
        } else {
            assert_eq!(token.claims().unwrap()["iss"], "joe", "{id}");
        }
        if case["alg"] == "none" {
            assert_eq!(token.kind, TokenKind::Unsecured, "{id}");
            assert_eq!(codes, ["TOKEN_UNSECURED"], "{id}");
        } else {
            assert_eq!(token.kind, TokenKind::Jws, "{id}");
            assert!(codes.is_empty(), "{id}: {codes:?}");
        }
        ran += 1;
    }
    assert_eq!(ran, 5);
}

#[test]
fn rfc7520_section4_decodes_in_every_serialization() {
    let files = [
        "4_1.rsa_v15_signature.json",
        "4_2.rsa-pss_signature.json",
        "4_3.ecdsa_signature.json",
        "4_4.hmac-sha2_integrity_protection.json",
        "4_5.signature_with_detached_content.json",
        "4_6.protecting_specific_header_fields.json",
        "4_7.protecting_content_only.json",
        "4_8.multiple_signatures.json",
    ];
    let mut ran = 0;
    for file in files {
        let doc = vectors(&format!("jose-cookbook/jws/{file}"));
        let payload = doc["input"]["payload"].as_str().unwrap();
        let detached = file.starts_with("4_5");
        for (form, expected) in [
            ("compact", Serialization::Compact),
            ("json_flat", Serialization::JsonFlattened),
            ("json", Serialization::JsonGeneral),
        ] {
            let Some(output) = doc["output"].get(form) else { continue };
            let text = match output {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let result = jwtlens::inspect(&text, &Default::default());
            assert_eq!(result.tokens.len(), 1, "{file} {form}");
            let token = &result.tokens[0];
            if detached {
                // Detached content: compact has an empty payload segment, JSON has no payload member.
                assert!(token.payload.is_none(), "{file} {form}");
                let code = if form == "compact" { "TOKEN_EMPTY_SEGMENT" } else { "TOKEN_JSON_SERIALIZATION_INVALID" };
                assert!(result.findings.iter().any(|f| f.code() == code), "{file} {form}: {:?}", result.findings);
            } else {
                assert_eq!(token.serialization, expected, "{file} {form}");
                assert_eq!(token.kind, TokenKind::Jws, "{file} {form}");
                let decoded = token.payload.as_ref().unwrap();
                assert_eq!(decoded.text.as_deref(), Some(payload), "{file} {form}");
                // The payload is prose, not claims: reported, not an error.
                assert!(result.findings.iter().any(|f| f.code() == "TOKEN_PAYLOAD_NOT_JSON"), "{file} {form}");
                assert!(token.signature.as_ref().is_some_and(|s| !s.is_empty()), "{file} {form}");
                if file.starts_with("4_8") {
                    assert_eq!(token.signatures.len(), 3);
                }
            }
            ran += 1;
        }
    }
    assert_eq!(ran, 20);
}
