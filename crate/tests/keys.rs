//! `parse_keys`: format detection, what a row says, and a clear finding (never a panic) for everything it cannot use.

mod common;

use common::{codes, public_jwk, str_of, vectors};
use jwtlens::keys::{KeyFormat, KeyOptions, SecretEncoding, parse_keys};
use proptest::prelude::*;
use serde_json::json;

fn parse(text: &str) -> jwtlens::KeySet {
    parse_keys(text, &KeyOptions::default())
}

fn only_code(text: &str, code: &str) {
    let set = parse(text);
    assert!(codes(&set.findings).contains(&code), "{text:.60}: {:?}", codes(&set.findings));
    assert!(set.keys.iter().all(|k| !k.usable), "{text:.60}");
}

#[test]
fn rows_describe_each_key() {
    let keys = vectors("peer-fixtures/panva-jose/keys.json");
    let mut jwk = keys["RSA"]["jwk"].clone();
    jwk["kid"] = json!("rsa-1");
    jwk["alg"] = json!("PS256");
    jwk["use"] = json!("sig");
    let set = parse(&json!({ "keys": [jwk, keys["P521"]["jwk"]] }).to_string());
    assert_eq!(set.keys.len(), 2);
    let rsa = &set.keys[0];
    assert_eq!((rsa.index, rsa.source, rsa.format), (0, 0, KeyFormat::Jwks));
    assert_eq!(
        (rsa.kty.as_deref(), rsa.bits, rsa.kid.as_deref(), rsa.alg.as_deref(), rsa.key_use.as_deref()),
        (Some("RSA"), Some(2048), Some("rsa-1"), Some("PS256"), Some("sig"))
    );
    assert_eq!(rsa.algorithms, [jwtlens::Algorithm::Ps256], "the JWK alg restricts the key");
    assert!(rsa.private && rsa.usable);
    let ec = &set.keys[1];
    assert_eq!((ec.source, ec.crv.as_deref(), ec.bits), (1, Some("P-521"), Some(521)));
    assert_eq!(ec.algorithms, [jwtlens::Algorithm::Es512]);
    assert_eq!(set.findings.iter().filter(|f| f.code() == "KEY_PRIVATE").count(), 2);
    assert!(set.findings.iter().all(|f| f.location.as_ref().and_then(|l| l.key).is_some()));
}

#[test]
fn secrets() {
    let set = parse("my-secret\n");
    assert_eq!(set.keys[0].format, KeyFormat::Secret);
    assert_eq!(set.keys[0].bits, Some(72));
    assert!(set.keys[0].thumbprint.is_none());
    assert_eq!(codes(&set.findings), ["KEY_SECRET", "KEY_SECRET_WHITESPACE"]);
    let hex = parse_keys("00ff", &KeyOptions { secret_encoding: SecretEncoding::Hex, ..KeyOptions::default() });
    assert_eq!(hex.keys[0].bits, Some(16));
    let bad = parse_keys("zz", &KeyOptions { secret_encoding: SecretEncoding::Hex, ..KeyOptions::default() });
    assert!(bad.keys.is_empty() && codes(&bad.findings) == ["KEY_SECRET_ENCODING"]);
    assert_eq!(codes(&parse("  ").findings), ["KEY_NONE"]);
}

/// A JWKS or discovery URL pasted as the key is named for what it is, never fetched, never an HMAC secret.
#[test]
fn a_url_is_not_a_key() {
    for (url, what) in [
        ("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC/.well-known/jwks.json", "key set"),
        ("https://dev-x.us.auth0.com/.well-known/openid-configuration", "discovery document"),
    ] {
        let set = parse(url);
        assert!(set.keys.is_empty(), "{url}: {:?}", set.keys);
        assert_eq!(codes(&set.findings), ["KEY_IS_URL"]);
        assert!(set.findings[0].message.contains(what), "{}", set.findings[0].message);
        assert!(set.findings[0].fix.as_deref().unwrap().contains("Fetch keys from the issuer"));
    }
    // A secret that happens to contain "https" is still a secret.
    assert_eq!(parse("my https secret").keys[0].format, jwtlens::keys::KeyFormat::Secret);
}

#[test]
fn unusable_inputs_get_clear_findings() {
    only_code(
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl user@host",
        "KEY_UNSUPPORTED",
    );
    only_code(
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBvTBXBgkqhkiG9w0BBQ0wSjApBgkqhkiG9w0BBQwwHAQI\n-----END ENCRYPTED PRIVATE KEY-----",
        "KEY_UNSUPPORTED",
    );
    only_code(
        "-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,00\n\nAAAA\n-----END RSA PRIVATE KEY-----",
        "KEY_UNSUPPORTED",
    );
    only_code("-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4CsF\n", "KEY_PEM_INVALID");
    only_code("-----BEGIN PUBLIC KEY-----\nnot base64!\n-----END PUBLIC KEY-----", "KEY_PEM_INVALID");
    only_code("-----BEGIN PUBLIC KEY-----\nMAA=\n-----END PUBLIC KEY-----", "KEY_INVALID");
    only_code(r#"{"kty":"OKP","crv":"Ed448","x":"AAAA"}"#, "KEY_UNSUPPORTED");
    // An X25519 key is read for JWE (ECDH-ES) but verifies nothing; without the `jwe` feature it is not read at all.
    let x25519 = r#"{"kty":"OKP","crv":"X25519","x":"hSDwCYkwp1R0i33ctD73Wg2_Og0mOBr066SpjqqbTmo"}"#;
    only_code(x25519, if cfg!(feature = "jwe") { "KEY_NOT_FOR_SIGNING" } else { "KEY_UNSUPPORTED" });
    only_code(r#"{"kty":"EC","crv":"P-256","x":"AAAA","y":"AAAA"}"#, "KEY_INVALID_POINT");
    only_code(r#"{"kty":"RSA","n":"!!","e":"AQAB"}"#, "KEY_INVALID");
    only_code(r#"{"kty":"AKP","alg":"ML-DSA-44","pub":"AAAA"}"#, "KEY_UNSUPPORTED");
    only_code(r#"{"keys": "none"}"#, "KEY_NOT_JWK");
    only_code(r#"{"kty": "RSA", "n": "#, "KEY_JSON_INVALID");
    let discovery = parse(r#"{"issuer":"https://id.example","jwks_uri":"https://id.example/jwks"}"#);
    assert!(discovery.findings[0].fix.as_deref().unwrap().contains("jwks_uri"));
    for file in ["dsa-public.pem", "dsa-private.pem"] {
        only_code(&common::vector_text(&format!("peer-fixtures/node-jsonwebtoken/{file}")), "KEY_UNSUPPORTED");
    }
}

/// The key findings the other tests do not reach, each with a close variant that does not raise it.
#[test]
fn less_common_key_findings() {
    let keys = vectors("peer-fixtures/panva-jose/keys.json");
    let has = |set: &jwtlens::KeySet, code: &str| codes(&set.findings).contains(&code);
    // An empty HMAC secret (a JWK "oct" key with an empty "k") authenticates nothing.
    assert!(has(&parse(r#"{"kty":"oct","k":""}"#), "KEY_SECRET_EMPTY"));
    assert!(!has(&parse(r#"{"kty":"oct","k":"c2VjcmV0"}"#), "KEY_SECRET_EMPTY"));
    // A JWK member of the wrong JSON type is ignored with a note; the key stays usable.
    let mut jwk = public_jwk(&keys["P256"]["jwk"]);
    jwk["kid"] = json!(5);
    let set = parse(&jwk.to_string());
    assert!(has(&set, "KEY_JWK_MEMBER") && set.keys[0].usable && set.keys[0].kid.is_none());
    jwk["kid"] = json!("5");
    assert!(!has(&parse(&jwk.to_string()), "KEY_JWK_MEMBER"));
    // Text around PEM blocks (a shell prompt, a file name) is ignored with a note.
    let spki = str_of(&keys["P256"], "spki");
    let set = parse(&format!("$ cat key.pem\n{spki}\n"));
    assert!(has(&set, "KEY_TEXT_IGNORED") && set.keys[0].usable);
    assert!(!has(&parse(spki), "KEY_TEXT_IGNORED"));
    // The base64 body of a PEM without its BEGIN/END lines is read as the key, not as a secret.
    let body: String = spki.lines().filter(|l| !l.starts_with("-----")).collect();
    let set = parse(&body);
    assert!(has(&set, "KEY_BARE_DER") && set.keys[0].format == KeyFormat::Spki);
    assert!(!has(&parse(spki), "KEY_BARE_DER"));
    // A certificate judged before its notBefore (2022-10-11): flagged, and after it not.
    let x509 = str_of(&keys["RSA"], "x509");
    let at = |now: f64| parse_keys(x509, &KeyOptions { now: Some(now), ..KeyOptions::default() });
    assert!(has(&at(1_600_000_000.0), "KEY_CERT_NOT_YET_VALID"));
    assert!(!has(&at(1_670_000_000.0), "KEY_CERT_NOT_YET_VALID"));
    // A JWK whose "alg" its key type cannot do verifies nothing.
    let mut rsa = public_jwk(&keys["RSA"]["jwk"]);
    rsa["alg"] = json!("ES256");
    let set = parse(&rsa.to_string());
    assert!(has(&set, "KEY_ALG_MISMATCH") && !set.keys[0].usable);
    rsa["alg"] = json!("PS384");
    assert!(!has(&parse(&rsa.to_string()), "KEY_ALG_MISMATCH"));
    // Two keys of a set with one kid.
    let mut ec = public_jwk(&keys["P256"]["jwk"]);
    ec["kid"] = json!("same");
    rsa["kid"] = json!("same");
    assert!(has(&parse(&json!({ "keys": [rsa, ec] }).to_string()), "KEY_DUPLICATE_KID"));
    ec["kid"] = json!("other");
    assert!(!has(&parse(&json!({ "keys": [rsa, ec] }).to_string()), "KEY_DUPLICATE_KID"));
}

/// A P-256 JWK whose "x" dropped its leading zero byte (31 bytes) is read, left-padded, with a note.
#[test]
fn short_ec_coordinate_is_padded_with_a_note() {
    use base64::Engine as _;
    use p256::elliptic_curve::sec1::ToEncodedPoint as _;
    let b64 = |b: &[u8]| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(b);
    // The first scalar whose public point has an x coordinate starting with a zero byte (about 1 in 256).
    let point = (1u32..5000)
        .filter_map(|k| {
            let mut scalar = [0u8; 32];
            scalar[28..].copy_from_slice(&k.to_be_bytes());
            p256::SecretKey::from_slice(&scalar).ok()
        })
        .map(|key| key.public_key().to_encoded_point(false))
        .find(|p| p.x().is_some_and(|x| x[0] == 0))
        .expect("a point with a leading zero in x");
    let (x, y) = (point.x().expect("x"), point.y().expect("y"));
    let jwk = |x: &[u8]| json!({ "kty": "EC", "crv": "P-256", "x": b64(x), "y": b64(y) }).to_string();
    let short = parse(&jwk(&x[1..]));
    assert!(codes(&short.findings).contains(&"KEY_EC_COORDINATE_LENGTH"), "{:?}", codes(&short.findings));
    let full = parse(&jwk(x));
    assert!(full.findings.is_empty(), "{:?}", codes(&full.findings));
    assert!(short.keys[0].usable);
    assert_eq!(short.keys[0].thumbprint, full.keys[0].thumbprint, "the padded key is the same key");
}

#[test]
fn private_parts_must_match() {
    let keys = vectors("peer-fixtures/panva-jose/keys.json");
    let mut ec = keys["P256"]["jwk"].clone();
    ec["d"] = json!(str_of(&keys["P256"]["jwk"], "d").replace('W', "X"));
    only_code(&ec.to_string(), "KEY_PRIVATE_MISMATCH");
    let mut ed = keys["Ed25519"]["jwk"].clone();
    ed["d"] = keys["P256"]["jwk"]["d"].clone();
    only_code(&ed.to_string(), "KEY_PRIVATE_MISMATCH");
}

#[test]
fn rsa_pss_spki_from_the_private_key() {
    // openssl pkey -pubout of node-jsonwebtoken's rsa-pss-private.pem: an id-RSASSA-PSS SubjectPublicKeyInfo.
    let spki = "-----BEGIN PUBLIC KEY-----
MIIBVjBBBgkqhkiG9w0BAQowNKAPMA0GCWCGSAFlAwQCAQUAoRwwGgYJKoZIhvcN
AQEIMA0GCWCGSAFlAwQCAQUAogMCASADggEPADCCAQoCggEBANNLRKqshVZ8r3FQ
NnsFaEonAjHUF5lsmDPNrAVl9MHJ59FlLmadc47seMU70O9S4cfeTiQkGe6+29tf
diJuXGt+8DUWyOg4clzXTVRVyxWJTQL4D/ldICMJa+jYKKXSahwo2Fb/4BjqHrEW
Wg3bVdQNzvQl3Sd+Mdh2Ye54cGCuYamQ4VFuK3fuRsyCM8AiX8IE0KZCHNfFHjDB
KCiegNIsXaX+Nx6ieXwAeZ7G2BYch6X4l9VDthBSbUnWyhCG0ZqnGzYxtbbtbY7e
rvCyNnKHrS4fyGDGzH5MkM/ngFBy0AlG9kfAaizi94UahLFUwaPd1CZTrFVgtXym
qvhzhFkCAwEAAQ==
-----END PUBLIC KEY-----";
    let set = parse(spki);
    assert_eq!(set.keys[0].algorithms, [jwtlens::Algorithm::Ps256], "{:?}", set.findings);
    let private = parse(&common::vector_text("peer-fixtures/node-jsonwebtoken/rsa-pss-private.pem"));
    assert_eq!(set.keys[0].thumbprint, private.keys[0].thumbprint);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Arbitrary text, and arbitrary damage to real keys and tokens: always a well-formed result, never a panic.
    #[test]
    fn never_panics(text in ".{0,300}", cut in 0usize..2000, byte in any::<u8>(), pick in 0usize..6) {
        let keys = vectors("peer-fixtures/panva-jose/keys.json");
        let sources = [
            text.clone(),
            str_of(&keys["RSA"], "x509").to_owned(),
            str_of(&keys["P521"], "pkcs8").to_owned(),
            keys["Ed25519"]["jwk"].to_string(),
            common::vector_text("peer-fixtures/node-jsonwebtoken/ecdsa-private.pem"),
            str_of(&keys["P384"], "spki").to_owned(),
        ];
        let mut damaged = sources[pick % sources.len()].clone().into_bytes();
        if !damaged.is_empty() {
            let at = cut % damaged.len();
            damaged[at] = byte;
            if byte % 3 == 0 {
                damaged.truncate(at);
            }
        }
        let damaged = String::from_utf8_lossy(&damaged).into_owned();
        for input in [&text, &damaged] {
            let set = parse(input);
            for key in &set.keys {
                prop_assert_eq!(key.usable, !key.algorithms.is_empty());
            }
            let token = "eyJhbGciOiJFUzI1NiJ9.e30.AAAA";
            let result = jwtlens::verify(token, input, &Default::default());
            prop_assert!(!result.valid);
            let _ = jwtlens::verify(input, input, &Default::default());
        }
    }
}
