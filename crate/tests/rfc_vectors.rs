//! RFC examples through the public API: RFC 7515 Appendix A, RFC 7520 §4 (the JOSE cookbook: compact, flattened and
//! general JSON forms, detached content), RFC 8037 (Ed25519), RFC 7638 thumbprints, RFC 7517 key examples and
//! RFC 7797 (unencoded payload).

mod common;

use common::{codes, str_of, vectors};
use jwtlens::keys::{KeyFormat, KeyOptions, parse_keys};
use jwtlens::{VerifyOptions, verify};
use serde_json::Value;

fn json(v: &Value) -> String {
    serde_json::to_string(v).unwrap()
}

#[test]
fn rfc7515_appendix_a() {
    let data = vectors("rfc/rfc7515_appendix_a.json");
    let mut ran = 0;
    for case in data["cases"].as_array().unwrap() {
        ran += 1;
        let id = str_of(case, "id");
        let token = str_of(case, "compact");
        if case["alg"] == "none" {
            // A.5: whatever key is offered, an unsecured JWS never verifies.
            for other in data["cases"].as_array().unwrap().iter().filter_map(|c| c.get("verification_jwk")) {
                let result = verify(token, json(other), &VerifyOptions::default());
                assert!(!result.valid, "{id}");
                assert!(codes(&result.findings).contains(&"SIG_ALG_NONE"), "{id}: {:?}", codes(&result.findings));
            }
            continue;
        }
        let result = verify(token, json(&case["verification_jwk"]), &VerifyOptions::default());
        assert!(result.valid, "{id}: {:?}", result.findings);
        assert_eq!(result.algorithm.as_deref(), case["alg"].as_str());
        assert_eq!(result.matched_key.as_ref().map(|m| m.index), Some(0));
        // The private JWK verifies too (its public half), with a warning that a private key was pasted.
        let private = verify(token, json(&case["private_jwk"]), &VerifyOptions::default());
        assert!(private.valid, "{id}");
        if case["alg"] != "HS256" {
            assert!(codes(&private.findings).contains(&"KEY_PRIVATE"), "{id}");
        }
        // One flipped signature bit is detected.
        let mut tampered = token.to_owned();
        let last = tampered.pop().unwrap();
        tampered.push(if last == 'A' { 'B' } else { 'A' });
        assert!(!verify(&tampered, json(&case["verification_jwk"]), &VerifyOptions::default()).valid, "{id} tampered");
    }
    assert_eq!(ran, 5);
}

/// RFC 7520 §4: every output form of every example verifies with the example's key; detached content (4.5) verifies
/// in compact form when the content is supplied; protected-only-alg (4.6), unprotected alg (4.7) and several
/// signatures (4.8) behave as the RFC describes.
#[test]
fn rfc7520_section_4() {
    let mut ran = 0;
    for file in
        ["4_1.rsa_v15_signature", "4_2.rsa-pss_signature", "4_3.ecdsa_signature", "4_4.hmac-sha2_integrity_protection"]
    {
        let case = vectors(&format!("jose-cookbook/jws/{file}.json"));
        let key = json(&case["input"]["key"]);
        for form in ["compact", "json", "json_flat"] {
            ran += 1;
            let input = match &case["output"][form] {
                Value::String(s) => s.clone(),
                other => json(other),
            };
            let result = verify(&input, &key, &VerifyOptions::default());
            assert!(result.valid, "{file} {form}: {:?}", result.findings);
            assert_eq!(result.algorithm.as_deref(), case["input"]["alg"].as_str(), "{file} {form}");
        }
    }

    // 4.5 detached content: the compact form has an empty payload; the content comes separately.
    let case = vectors("jose-cookbook/jws/4_5.signature_with_detached_content.json");
    let key = json(&case["input"]["key"]);
    let token = str_of(&case["output"], "compact");
    let payload = str_of(&case["input"], "payload").to_owned();
    let with = verify(
        token,
        &key,
        &VerifyOptions { detached_payload: Some(payload.clone().into()), ..VerifyOptions::default() },
    );
    assert!(with.valid, "4.5 with content: {:?}", with.findings);
    assert!(codes(&with.findings).contains(&"SIG_DETACHED_PAYLOAD"));
    let without = verify(token, &key, &VerifyOptions::default());
    assert!(!without.valid);
    assert!(
        without.findings.iter().any(|f| f.code() == "SIG_MISMATCH" && f.message.contains("detached")),
        "{:?}",
        without.findings
    );
    let wrong = verify(
        token,
        &key,
        &VerifyOptions { detached_payload: Some(format!("{payload}!").into()), ..VerifyOptions::default() },
    );
    assert!(!wrong.valid);
    // The JSON forms of 4.5 have no "payload" member at all, which the decoder does not accept: never valid.
    for form in ["json", "json_flat"] {
        let r = verify(
            &json(&case["output"][form]),
            &key,
            &VerifyOptions { detached_payload: Some(payload.clone().into()), ..VerifyOptions::default() },
        );
        assert!(!r.valid && codes(&r.findings).contains(&"TOKEN_JSON_SERIALIZATION_INVALID"), "4.5 {form}");
    }
    ran += 5;

    // 4.6: alg protected, kid unprotected. 4.7: everything unprotected, which is flagged.
    for (file, unprotected_alg) in
        [("4_6.protecting_specific_header_fields", false), ("4_7.protecting_content_only", true)]
    {
        let case = vectors(&format!("jose-cookbook/jws/{file}.json"));
        for form in ["json", "json_flat"] {
            ran += 1;
            let result = verify(&json(&case["output"][form]), json(&case["input"]["key"]), &VerifyOptions::default());
            assert!(result.valid, "{file} {form}: {:?}", result.findings);
            assert_eq!(codes(&result.findings).contains(&"SIG_ALG_UNPROTECTED"), unprotected_alg, "{file} {form}");
        }
    }

    // 4.8: three signatures (RS256, ES512 with its alg unprotected, HS256). With the two public keys, the set is
    // valid through signature 1; each signature verifies alone with its own key.
    let case = vectors("jose-cookbook/jws/4_8.multiple_signatures.json");
    let keys: Vec<Value> = case["input"]["key"].as_array().unwrap().clone();
    let input = json(&case["output"]["json"]);
    let public_set = json(&serde_json::json!({ "keys": [common::public_jwk(&keys[0]), common::public_jwk(&keys[1])] }));
    let all = verify(&input, &public_set, &VerifyOptions::default());
    assert!(all.valid, "{:?}", all.findings);
    assert_eq!(all.matched_key.as_ref().map(|m| (m.index, m.signature)), Some((0, 0)));
    assert_eq!(all.attempts.len(), 6, "two keys for each of three signatures");
    for (signature, key) in [(0usize, &keys[0]), (1, &keys[1]), (2, &keys[2])] {
        ran += 1;
        let one = verify(&input, json(key), &VerifyOptions { signature: Some(signature), ..VerifyOptions::default() });
        assert!(one.valid, "4.8 signature {signature}: {:?}", one.findings);
        assert_eq!(one.matched_key.as_ref().map(|m| m.signature), Some(signature));
    }
    // The HMAC secret alone cannot verify signature 1 (RS256), and it is never tried as an RSA key.
    let hmac_only = verify(&input, json(&keys[2]), &VerifyOptions { signature: Some(0), ..VerifyOptions::default() });
    assert!(!hmac_only.valid);
    assert_eq!(hmac_only.attempts[0].outcome, jwtlens::verify::Outcome::WrongKeyType);
    // All three keys in one set: the secret next to public keys is refused, the public ones still verify.
    let mixed = verify(&input, json(&serde_json::json!({ "keys": keys })), &VerifyOptions::default());
    assert!(mixed.valid);
    assert!(codes(&mixed.findings).contains(&"KEY_SECRET_IN_KEY_SET"));
    ran += 1;
    assert_eq!(ran, 12 + 5 + 4 + 4);
}

#[test]
fn rfc8037_ed25519() {
    let data = vectors("rfc/rfc8037_ed25519.json");
    let token = str_of(&data, "A.4_compact");
    let public = verify(token, json(&data["A.2_public_jwk"]), &VerifyOptions::default());
    assert!(public.valid, "{:?}", public.findings);
    assert_eq!(public.matched_key.as_ref().unwrap().thumbprint.as_deref(), data["A.3_thumbprint_b64u"].as_str());
    let private = verify(token, json(&data["A.1_private_jwk"]), &VerifyOptions::default());
    assert!(private.valid && codes(&private.findings).contains(&"KEY_PRIVATE"));
    // The cookbook carries the same JWS in three forms.
    let cookbook = vectors("jose-cookbook/curve25519/jws.json");
    for form in ["compact", "json", "json_flat"] {
        let input = match &cookbook["output"][form] {
            Value::String(s) => s.clone(),
            other => json(other),
        };
        assert!(verify(&input, json(&cookbook["input"]["key"]), &VerifyOptions::default()).valid, "{form}");
    }
    // The same signature under the RFC 9864 name verifies only if the header says so: rewriting alg changes the
    // signing input, so it must fail.
    let renamed = token.replacen("eyJhbGciOiJFZERTQSJ9", "eyJhbGciOiJFZDI1NTE5In0", 1);
    assert!(!verify(&renamed, json(&data["A.2_public_jwk"]), &VerifyOptions::default()).valid);
}

#[test]
fn rfc7638_thumbprints() {
    let data = vectors("rfc/rfc7638_thumbprints.json");
    let mut ran = 0;
    for case in data["cases"].as_array().unwrap() {
        ran += 1;
        let set = parse_keys(&json(&case["jwk"]), &KeyOptions::default());
        assert_eq!(set.keys[0].thumbprint.as_deref(), case["expected_thumbprint_b64u"].as_str(), "{}", case["id"]);
    }
    assert_eq!(ran, 2);
}

#[test]
fn rfc7517_key_examples() {
    let data = vectors("rfc/rfc7517_jwk_examples.json");
    let public = parse_keys(&json(&data["A.1_public_keys"]), &KeyOptions::default());
    assert_eq!(public.keys.len(), 2);
    assert!(public.keys.iter().all(|k| k.format == KeyFormat::Jwks && !k.private));
    assert_eq!(
        (public.keys[0].kty.as_deref(), public.keys[0].crv.as_deref(), public.keys[0].usable),
        (Some("EC"), Some("P-256"), false),
        "use: enc"
    );
    assert_eq!(public.keys[1].algorithms, [jwtlens::Algorithm::Rs256]);
    assert_eq!(public.keys[1].thumbprint.as_deref(), Some("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs"));

    let private = parse_keys(&json(&data["A.2_private_keys"]), &KeyOptions::default());
    assert!(private.keys.iter().all(|k| k.private));
    assert_eq!(private.findings.iter().filter(|f| f.code() == "KEY_PRIVATE").count(), 2);
    // The private RSA key has the same public half, hence the same thumbprint.
    assert_eq!(private.keys[1].thumbprint, public.keys[1].thumbprint);

    // A.3: an AES key-wrapping key and the HMAC key of RFC 7515 A.1, which verifies that example.
    let symmetric = json(&data["A.3_symmetric_keys"]);
    let set = parse_keys(&symmetric, &KeyOptions::default());
    assert!(codes(&set.findings).contains(&"KEY_ALG_NOT_JWS"));
    assert!(set.keys.iter().all(|k| k.thumbprint.is_none()), "no thumbprints of secrets");
    let a1 = &vectors("rfc/rfc7515_appendix_a.json")["cases"][0];
    let result = verify(str_of(a1, "compact"), &symmetric, &VerifyOptions::default());
    assert!(result.valid);
    assert_eq!(result.matched_key.as_ref().unwrap().index, 1);

    // Appendix B: an RSA JWK with an x5c chain.
    let b = parse_keys(&json(&data["B_x5c_example"]), &KeyOptions::default());
    assert!(b.keys[0].usable && b.keys[0].kty.as_deref() == Some("RSA"));
}

/// RFC 7797 (`b64: false`), through the JSON forms (which carry the raw payload) and the detached compact form.
/// The cookbook's non-detached compact form has spaces in its payload, which paste hygiene removes, so it cannot
/// verify as pasted (SIG_NOT_STRICT or a mismatch): a token is never whitespace-sensitive text.
#[test]
fn rfc7797_unencoded_payload() {
    let case = vectors("jose-cookbook/rfc7797/hmac-sha2_b64_false.json");
    let key = json(&case["input"]["key"]);
    for form in ["json", "json_flat"] {
        let result = verify(&json(&case["output"][form]), &key, &VerifyOptions::default());
        assert!(result.valid, "{form}: {:?}", result.findings);
        assert!(codes(&result.findings).contains(&"SIG_UNENCODED_PAYLOAD"));
    }
    let compact = str_of(&case["output"], "compact");
    let parts: Vec<&str> = compact.split('.').collect();
    let detached = format!("{}..{}", parts[0], parts[2]);
    let payload = str_of(&case["input"], "payload").to_owned();
    let result =
        verify(&detached, &key, &VerifyOptions { detached_payload: Some(payload.into()), ..VerifyOptions::default() });
    assert!(result.valid, "detached: {:?}", result.findings);
    assert!(!verify(compact, &key, &VerifyOptions::default()).valid);

    // 4.2 of the cookbook: b64 false without crit, which RFC 7797 §6 forbids. Never valid.
    let negative = vectors("jose-cookbook/rfc7797/4.2.hmac-sha2_b64_false.json");
    for form in ["json", "json_flat"] {
        let result = verify(&json(&negative["output"][form]), &key, &VerifyOptions::default());
        assert!(!result.valid, "{form}");
        assert!(codes(&result.findings).contains(&"SIG_B64_NOT_CRITICAL"), "{form}: {:?}", codes(&result.findings));
    }
}
