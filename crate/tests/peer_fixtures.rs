//! Keys from peer libraries' test suites (panva/jose, node-jsonwebtoken, jwt-compact): one key in every format it
//! comes in gives the same thumbprint and the same verdict; certificates report subject and expiry; restricted,
//! unrelated and unsupported keys are refused with the right finding; jwt-compact's reference tokens verify.

mod common;

use base64::Engine as _;
use common::{codes, compact, public_jwk, sign_with_jwk, str_of, vector_text, vectors};
use jwtlens::keys::{KeyFormat, KeyOptions, parse_keys};
use jwtlens::{Algorithm, VerifyOptions, verify};
use serde_json::{Value, json};

/// 2024-01-01T00:00:00Z: after the panva certificates expired (2023-10-06), before node's ECDSA one (2027).
const JAN_2024: i64 = 1_704_067_200;

fn at(time: i64) -> VerifyOptions {
    VerifyOptions { now: Some(time as f64), ..VerifyOptions::default() }
}

fn der_of(pem: &str, label: &str) -> Vec<u8> {
    let begin = format!("-----BEGIN {label}-----");
    let start = pem.find(&begin).unwrap() + begin.len();
    let end = pem[start..].find("-----END").unwrap() + start;
    let body: String = pem[start..end].chars().filter(|c| !c.is_whitespace()).collect();
    base64::engine::general_purpose::STANDARD.decode(body).unwrap()
}

#[test]
fn panva_keys_in_every_format_agree() {
    let keys = vectors("peer-fixtures/panva-jose/keys.json");
    let mut ran = 0;
    let mut public_set = Vec::new();
    for (name, alg, crv, bits) in [
        ("Ed25519", "EdDSA", Some("Ed25519"), 256),
        ("P256", "ES256", Some("P-256"), 256),
        ("P384", "ES384", Some("P-384"), 384),
        ("P521", "ES512", Some("P-521"), 521),
        ("RSA", "RS256", None, 2048),
    ] {
        let entry = &keys[name];
        let jwk = &entry["jwk"];
        let token =
            compact(&format!(r#"{{"alg":"{alg}"}}"#), r#"{"sub":"peer"}"#, |input| sign_with_jwk(alg, jwk, input));
        let public = public_jwk(jwk);
        public_set.push(public.clone());
        let forms = [
            (KeyFormat::Jwk, serde_json::to_string(jwk).unwrap(), true),
            (KeyFormat::Jwk, serde_json::to_string(&public).unwrap(), false),
            (KeyFormat::Pkcs8, str_of(entry, "pkcs8").to_owned(), true),
            (KeyFormat::Spki, str_of(entry, "spki").to_owned(), false),
            (KeyFormat::X509, str_of(entry, "x509").to_owned(), false),
        ];
        let mut thumbprints = Vec::new();
        for (format, text, private) in forms {
            ran += 1;
            let result = verify(&token, &text, &at(JAN_2024));
            assert!(result.valid, "{name} as {format:?}: {:?}", result.findings);
            let key = &result.keys[0];
            assert_eq!(
                (key.format, key.private, key.crv.as_deref(), key.bits),
                (format, private, crv, Some(bits)),
                "{name} {format:?}"
            );
            assert_eq!(codes(&result.findings).contains(&"KEY_PRIVATE"), private, "{name} {format:?}");
            if format == KeyFormat::X509 {
                let cert = key.certificate.as_ref().unwrap();
                assert!(cert.subject.contains("C=CZ"), "{}", cert.subject);
                let expired = name != "Ed25519";
                assert_eq!(cert.expired, Some(expired), "{name}: {cert:?}");
                assert_eq!(codes(&result.findings).contains(&"KEY_CERT_EXPIRED"), expired);
                // Without an evaluation time, expiry is not judged at all.
                let undated = parse_keys(&text, &KeyOptions::default());
                assert_eq!(undated.keys[0].certificate.as_ref().unwrap().expired, None);
            }
            thumbprints.push(key.thumbprint.clone().unwrap());
        }
        assert!(thumbprints.windows(2).all(|w| w[0] == w[1]), "{name}: {thumbprints:?}");
        // Several PEM blocks in one paste: both are read, in order, and the token verifies.
        let both = format!("{}\n{}", str_of(entry, "spki"), str_of(entry, "x509"));
        let result = verify(&token, &both, &at(JAN_2024));
        assert!(result.valid);
        assert_eq!(
            result.keys.iter().map(|k| (k.format, k.source)).collect::<Vec<_>>(),
            [(KeyFormat::Spki, 0), (KeyFormat::X509, 1)]
        );
        // A different payload under the same signature fails with every key.
        let forged =
            format!("{}.eyJzdWIiOiJhZG1pbiJ9.{}", token.split('.').next().unwrap(), token.split('.').nth(2).unwrap());
        assert!(!verify(&forged, &both, &at(JAN_2024)).valid);
    }
    assert_eq!(ran, 25);
    // All public keys in one JWKS: each algorithm picks the only key that fits it.
    let jwks = serde_json::to_string(&json!({ "keys": public_set })).unwrap();
    for (index, (name, alg)) in
        [("Ed25519", "EdDSA"), ("P256", "ES256"), ("P384", "ES384"), ("P521", "ES512"), ("RSA", "RS256")]
            .into_iter()
            .enumerate()
    {
        let token =
            compact(&format!(r#"{{"alg":"{alg}"}}"#), "{}", |input| sign_with_jwk(alg, &keys[name]["jwk"], input));
        let result = verify(&token, &jwks, &VerifyOptions::default());
        assert!(result.valid, "{name}");
        assert_eq!(result.matched_key.as_ref().unwrap().index, index);
        assert_eq!(result.attempts.iter().filter(|a| a.tried).count(), 1, "{name}: only the fitting key is tried");
    }
}

fn rsa_private(path: &str) -> rsa::RsaPrivateKey {
    use rsa::pkcs1::DecodeRsaPrivateKey as _;
    rsa::RsaPrivateKey::from_pkcs1_der(&der_of(&vector_text(path), "RSA PRIVATE KEY")).unwrap()
}

fn rs256(key: &rsa::RsaPrivateKey) -> String {
    use sha2::Digest as _;
    compact(r#"{"alg":"RS256","typ":"JWT"}"#, r#"{"foo":"bar"}"#, |input| {
        key.sign(rsa::Pkcs1v15Sign::new::<sha2::Sha256>(), &sha2::Sha256::digest(input)).unwrap()
    })
}

fn ec_private_jwk(path: &str) -> Value {
    // ECPrivateKey ::= SEQUENCE { INTEGER 1, OCTET STRING privateKey, ... }, short or 0x81/0x82 length forms.
    let der = der_of(&vector_text(path), "EC PRIVATE KEY");
    let header = match der[1] {
        0x81 => 3,
        0x82 => 4,
        _ => 2,
    };
    assert_eq!(&der[header..header + 3], [2, 1, 1]);
    let (tag, len) = (der[header + 3], usize::from(der[header + 4]));
    assert_eq!(tag, 4);
    let d = &der[header + 5..header + 5 + len];
    json!({ "d": base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(d) })
}

const NODE: &str = "peer-fixtures/node-jsonwebtoken";

#[test]
fn node_jsonwebtoken_rsa_formats() {
    let token = rs256(&rsa_private(&format!("{NODE}/rsa-private.pem")));
    let mut thumbprints = Vec::new();
    for (file, format, private) in [
        ("rsa-public.pem", KeyFormat::Spki, false),
        ("rsa-public-key.pem", KeyFormat::Pkcs1, false),
        ("rsa-private.pem", KeyFormat::Pkcs1Private, true),
    ] {
        let result = verify(&token, vector_text(&format!("{NODE}/{file}")), &VerifyOptions::default());
        assert!(result.valid, "{file}: {:?}", result.findings);
        assert_eq!((result.keys[0].format, result.keys[0].private), (format, private), "{file}");
        thumbprints.push(result.keys[0].thumbprint.clone());
    }
    assert!(thumbprints.windows(2).all(|w| w[0] == w[1]));
    // A certificate of an unrelated key: read fine, signature mismatch.
    let unrelated = verify(&token, vector_text(&format!("{NODE}/invalid_pub.pem")), &at(JAN_2024));
    assert!(!unrelated.valid);
    assert!(codes(&unrelated.findings).contains(&"SIG_MISMATCH"));
    assert_eq!(unrelated.keys[0].certificate.as_ref().unwrap().subject, "CN=*.auth0.com");
    // priv.pem signs, pub.pem is its certificate, expired in 2016: still verifies, with the expiry flagged.
    let token = rs256(&rsa_private(&format!("{NODE}/priv.pem")));
    let result = verify(&token, vector_text(&format!("{NODE}/pub.pem")), &at(JAN_2024));
    assert!(result.valid);
    let cert = result.keys[0].certificate.as_ref().unwrap();
    assert_eq!((cert.not_after.as_str(), cert.expired, cert.self_issued), ("2016-12-21T23:43:41Z", Some(true), true));
    assert!(codes(&result.findings).contains(&"KEY_CERT_EXPIRED"));
}

#[test]
fn node_jsonwebtoken_ec_formats() {
    let jwk = ec_private_jwk(&format!("{NODE}/ecdsa-private.pem"));
    let token = compact(r#"{"alg":"ES256"}"#, r#"{"foo":"bar"}"#, |input| sign_with_jwk("ES256", &jwk, input));
    let mut thumbprints = Vec::new();
    for (file, format) in [
        ("ecdsa-public.pem", KeyFormat::Spki),
        ("ecdsa-public-x509.pem", KeyFormat::X509),
        ("ecdsa-private.pem", KeyFormat::Sec1),
    ] {
        let result = verify(&token, vector_text(&format!("{NODE}/{file}")), &at(JAN_2024));
        assert!(result.valid, "{file}: {:?}", result.findings);
        assert_eq!(result.keys.len(), 1, "{file}: the EC PARAMETERS block is not a key");
        assert_eq!(result.keys[0].format, format);
        // These keys spell out P-256's parameters instead of naming the curve (OpenSSL -param_enc explicit).
        assert!(
            codes(&result.findings).contains(&"KEY_EC_EXPLICIT_PARAMETERS"),
            "{file}: {:?}",
            codes(&result.findings)
        );
        thumbprints.push(result.keys[0].thumbprint.clone());
    }
    assert!(thumbprints.windows(2).all(|w| w[0] == w[1]));
    let other = verify(&token, vector_text(&format!("{NODE}/ecdsa-public-invalid.pem")), &VerifyOptions::default());
    assert!(!other.valid && codes(&other.findings).contains(&"SIG_MISMATCH"));
    // SEC1 keys on the three NIST curves: the public key is derived from the private scalar.
    for (file, alg, crv) in [
        ("prime256v1-private.pem", "ES256", "P-256"),
        ("secp384r1-private.pem", "ES384", "P-384"),
        ("secp521r1-private.pem", "ES512", "P-521"),
    ] {
        let text = vector_text(&format!("{NODE}/{file}"));
        let token = compact(&format!(r#"{{"alg":"{alg}"}}"#), "{}", |input| {
            sign_with_jwk(alg, &ec_private_jwk(&format!("{NODE}/{file}")), input)
        });
        let result = verify(&token, &text, &VerifyOptions::default());
        assert!(result.valid, "{file}: {:?}", result.findings);
        assert_eq!(result.keys[0].crv.as_deref(), Some(crv));
        assert!(result.keys[0].private);
    }
}

#[test]
fn node_jsonwebtoken_restricted_and_unsupported_keys() {
    use sha2::Digest as _;
    // id-RSASSA-PSS with SHA-256 / MGF1-SHA-256 / salt 32: PS256 only.
    let text = vector_text(&format!("{NODE}/rsa-pss-private.pem"));
    let set = parse_keys(&text, &KeyOptions::default());
    assert_eq!(set.keys[0].algorithms, [Algorithm::Ps256]);
    assert!(codes(&set.findings).contains(&"KEY_RSA_PSS"));
    let der = der_of(&text, "PRIVATE KEY");
    let info = pkcs8::PrivateKeyInfo::try_from(der.as_slice()).unwrap();
    let key = {
        use rsa::pkcs1::DecodeRsaPrivateKey as _;
        rsa::RsaPrivateKey::from_pkcs1_der(info.private_key).unwrap()
    };
    let ps256 = compact(r#"{"alg":"PS256"}"#, "{}", |input| {
        key.sign_with_rng(&mut common::TestRng(7), rsa::Pss::new::<sha2::Sha256>(), &sha2::Sha256::digest(input))
            .unwrap()
    });
    assert!(verify(&ps256, &text, &VerifyOptions::default()).valid);
    let rs256 = rs256(&key);
    let refused = verify(&rs256, &text, &VerifyOptions::default());
    assert!(!refused.valid);
    assert_eq!(refused.attempts[0].outcome, jwtlens::verify::Outcome::AlgMismatch);
    assert_eq!(refused.attempts[0].signature_matches, Some(true));

    // Salt length 1024: no JWS algorithm fits, the key verifies nothing.
    let set =
        parse_keys(&vector_text(&format!("{NODE}/rsa-pss-invalid-salt-length-private.pem")), &KeyOptions::default());
    assert!(!set.keys[0].usable);
    assert!(codes(&set.findings).contains(&"KEY_RSA_PSS_UNUSABLE"));

    // DSA, public and private: unsupported, with a row and a clear finding.
    for file in ["dsa-public.pem", "dsa-private.pem"] {
        let set = parse_keys(&vector_text(&format!("{NODE}/{file}")), &KeyOptions::default());
        assert_eq!(set.keys.len(), 1);
        assert!(!set.keys[0].usable);
        let finding = set
            .findings
            .iter()
            .find(|f| f.code() == "KEY_UNSUPPORTED")
            .unwrap_or_else(|| panic!("{file}: {:?}", set.findings));
        assert!(finding.message.contains("DSA"), "{}", finding.message);
    }
}

/// jwt-compact's reference tokens (jwt.io samples, did-jwt ES256K, high-S ES256K, the RFC 9864 "Ed25519" name).
#[test]
fn jwt_compact_reference_tokens() {
    let data = vectors("peer-fixtures/jwt-compact/reference_tokens.json");
    let mut ran = 0;
    for case in data["cases"].as_array().unwrap() {
        ran += 1;
        let id = str_of(case, "id");
        let key = &case["key"];
        let value = &key["value"];
        let text = match str_of(key, "format") {
            "spki-pem" | "secret-utf8" => value.as_str().unwrap().to_owned(),
            "jwk" => serde_json::to_string(value).unwrap(),
            "sec1-uncompressed-hex" => {
                let point = common::hex(value.as_str().unwrap());
                let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
                json!({ "kty": "EC", "crv": "secp256k1", "x": b64(&point[1..33]), "y": b64(&point[33..]) }).to_string()
            }
            "raw-hex" => {
                let x = base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(common::hex(value.as_str().unwrap()));
                json!({ "kty": "OKP", "crv": "Ed25519", "x": x }).to_string()
            }
            other => panic!("{id}: unknown key format {other}"),
        };
        let result = verify(str_of(case, "token"), &text, &VerifyOptions::default());
        assert!(result.valid, "{id}: {:?}", result.findings);
        assert_eq!(result.algorithm.as_deref(), case["alg"].as_str(), "{id}");
        // jwt.io's HMAC samples use secrets shorter than the hash: they verify, with the warning.
        assert_eq!(codes(&result.findings).contains(&"SIG_HMAC_SECRET_SHORT"), id.contains("hs"), "{id}");
    }
    assert_eq!(ran, 10);
    // The PKCS#1 private key of the jwt.io RSA sample has the same public key as the SPKI the tokens use.
    let private = parse_keys(str_of(&data, "rsa_private_key_pkcs1_pem"), &KeyOptions::default());
    let public = parse_keys(str_of(&data["cases"][0]["key"], "value"), &KeyOptions::default());
    assert_eq!(private.keys[0].thumbprint, public.keys[0].thumbprint);
}
