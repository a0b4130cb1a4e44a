//! JWE: decryption inside `inspect` and `encrypt`, on vectors (RFC 7516/7520, Wycheproof), round trips for every
//! algorithm, and every failure as a `JWE_*` finding. Every suite counts its cases.
#![cfg(feature = "jwe")]

use std::time::Instant;

use base64::Engine as _;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use jwtlens::decode::jwe::DecryptionStatus;
use jwtlens::jwe::EncryptOptions;
use jwtlens::{Algorithm, InspectOptions, Inspection, encrypt, generate_key, inspect};
use serde_json::Value;

fn open(token: &str, keys: &str) -> Inspection {
    inspect(token, &InspectOptions { keys: Some(keys.into()), ..InspectOptions::default() })
}

fn codes(result: &Inspection) -> Vec<&'static str> {
    result.findings.iter().map(jwtlens::Finding::code).collect()
}

fn status(result: &Inspection) -> DecryptionStatus {
    result.tokens[0].decryption.as_ref().expect("a decryption").status
}

fn plaintext(result: &Inspection) -> Option<String> {
    result.tokens[0].decryption.as_ref()?.plaintext.as_ref()?.text.clone()
}

fn opts(alg: &str, enc: &str) -> EncryptOptions {
    EncryptOptions { alg: Some(alg.to_owned()), enc: Some(enc.to_owned()), ..EncryptOptions::default() }
}

/// RFC 7748 §6.1's X25519 key pair (Bob's) as JWKs.
fn x25519() -> (String, String) {
    let hex =
        |s: &str| (0..s.len()).step_by(2).map(|i| u8::from_str_radix(&s[i..i + 2], 16).unwrap()).collect::<Vec<u8>>();
    let d = URL_SAFE_NO_PAD.encode(hex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb"));
    let x = URL_SAFE_NO_PAD.encode(hex("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f"));
    (
        format!(r#"{{"kty":"OKP","crv":"X25519","x":"{x}","d":"{d}"}}"#),
        format!(r#"{{"kty":"OKP","crv":"X25519","x":"{x}"}}"#),
    )
}

/// (private, public) key text for every key-management algorithm and content algorithm.
fn keys_for(alg: &str, enc: &str, rsa: &(String, String), ec: &[(String, String); 3]) -> (String, String) {
    let secret = |n: usize| "k".repeat(n);
    let pair = |s: String| (s.clone(), s);
    let enc_len = match enc {
        "A128GCM" => 16,
        "A192GCM" => 24,
        "A256GCM" | "A128CBC-HS256" => 32,
        "A192CBC-HS384" => 48,
        _ => 64,
    };
    match alg {
        "RSA-OAEP" | "RSA-OAEP-256" => rsa.clone(),
        a if a.starts_with("ECDH-ES") => match enc_len % 3 {
            0 => x25519(),
            1 => ec[1].clone(),
            _ => ec[(enc_len / 16) % 3].clone(),
        },
        "A128KW" | "A128GCMKW" => pair(secret(16)),
        "A192KW" | "A192GCMKW" => pair(secret(24)),
        "A256KW" | "A256GCMKW" => pair(secret(32)),
        "dir" => pair(secret(enc_len)),
        _ => pair("correct horse battery staple".to_owned()),
    }
}

fn pem_pair(alg: Algorithm) -> (String, String) {
    let key = generate_key(alg).expect("randomness");
    (key.private_pem.expect("a private PEM"), key.public_pem.expect("a public PEM"))
}

const ALGS: &[&str] = &[
    "RSA-OAEP",
    "RSA-OAEP-256",
    "ECDH-ES",
    "ECDH-ES+A128KW",
    "ECDH-ES+A192KW",
    "ECDH-ES+A256KW",
    "A128KW",
    "A192KW",
    "A256KW",
    "A128GCMKW",
    "A192GCMKW",
    "A256GCMKW",
    "dir",
    "PBES2-HS256+A128KW",
    "PBES2-HS384+A192KW",
    "PBES2-HS512+A256KW",
];
const ENCS: &[&str] = &["A128GCM", "A192GCM", "A256GCM", "A128CBC-HS256", "A192CBC-HS384", "A256CBC-HS512"];

/// Every algorithm jwtlens encrypts with, with every content algorithm: encrypted for the public key, decrypted by
/// `inspect` with the private key, compressed every other time.
#[test]
fn round_trips_every_alg_and_enc() {
    let rsa = pem_pair(Algorithm::Rs256);
    let ec = [pem_pair(Algorithm::Es256), pem_pair(Algorithm::Es384), pem_pair(Algorithm::Es512)];
    let mut ran = 0;
    for (i, alg) in ALGS.iter().enumerate() {
        for (j, enc) in ENCS.iter().enumerate() {
            let (private, public) = keys_for(alg, enc, &rsa, &ec);
            let text = format!(r#"{{"sub":"{alg} {enc}","n":{ran}}}"#);
            let zip = (i + j) % 2 == 0;
            let made = encrypt(&text, &public, &EncryptOptions { zip: Some(zip), ..opts(alg, enc) });
            let token = made.token.unwrap_or_else(|| panic!("{alg} {enc}: {:?}", made.findings));
            let header: Value =
                serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token.split('.').next().unwrap()).unwrap()).unwrap();
            assert_eq!((header["alg"].as_str(), header["enc"].as_str()), (Some(*alg), Some(*enc)));
            assert_eq!(header.get("zip").is_some(), zip);
            let result = open(&token, &private);
            assert_eq!(plaintext(&result).as_deref(), Some(text.as_str()), "{alg} {enc}: {:?}", result.findings);
            assert!(codes(&result).contains(&"JWE_DECRYPTED"));
            ran += 1;
        }
    }
    assert_eq!(ran, ALGS.len() * ENCS.len());
    assert_eq!(ran, 96);
}

/// RFC 7516 Appendix A.1 (RSA-OAEP), A.2 (RSA1_5), A.3 (A128KW) and every JWE of RFC 7520 §5.1–§5.13 (each output the
/// cookbook gives: compact, general and flattened JSON; §5.13 once per recipient, with that recipient's key), from
/// tests/vectors/jwe/vectors.json. The `JWE_RSA1_5` warning appears exactly when the recipient decrypted is RSA1_5.
#[test]
fn rfc_vectors() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/jwe/vectors.json")).unwrap();
    let vectors: Vec<Value> = serde_json::from_str(&text).unwrap();
    let mut ran = 0;
    let mut rsa15 = 0;
    for v in &vectors {
        let jwe = v["jwe"].as_str().map_or_else(|| v["jwe"].to_string(), str::to_owned);
        let key = v["password"].as_str().map_or_else(|| v["key"].to_string(), str::to_owned);
        let result = open(&jwe, &key);
        assert_eq!(plaintext(&result).as_deref(), v["plaintext"].as_str(), "{}: {:?}", v["source"], result.findings);
        let decryption = result.tokens[0].decryption.as_ref().unwrap();
        let alg = decryption.alg.as_deref().unwrap();
        // The recipient decrypted is the one whose key was given (§5.13: one recipient per case).
        if let Some(recipients) = v["jwe"]["recipients"].as_array() {
            let kid = v["key"]["kid"].as_str();
            let index = recipients.iter().position(|r| r["header"]["kid"].as_str() == kid).unwrap_or(0);
            assert_eq!(decryption.recipient, Some(index), "{}", v["source"]);
        }
        if jwe.starts_with("eyJhbGciOiJSU0ExXzUi") {
            assert_eq!(alg, "RSA1_5");
        }
        // Every recipient of a JSON JWE names its `alg` (RFC 7516 §7.2.1: in the union of its headers).
        assert!(!codes(&result).contains(&"TOKEN_ALG_MISSING"), "{}: {:?}", v["source"], codes(&result));
        let warned = codes(&result).contains(&"JWE_RSA1_5");
        assert_eq!(warned, alg == "RSA1_5", "{}: {:?}", v["source"], codes(&result));
        rsa15 += usize::from(warned);
        ran += 1;
    }
    // A.2, §5.1 and §5.13's first recipient are RSA1_5.
    assert_eq!(rsa15, 3);
    assert_eq!(ran, 31);
}

/// Wycheproof's 34 JWE cases (json_web_crypto_test.json). tcId 66 is labelled invalid only because the compact-only
/// API under test rejects the JSON serialization, which jwtlens reads (RFC 7516 §7.2): it decrypts.
#[test]
fn wycheproof_jwe() {
    let path = "/work/shared/vectors/wycheproof/json_web_crypto_test.json";
    let path = std::env::var("WYCHEPROOF_JWC").unwrap_or_else(|_| path.to_owned());
    let Ok(text) = std::fs::read_to_string(&path) else {
        let local = concat!(env!("CARGO_MANIFEST_DIR"), "/../../shared/vectors/wycheproof/json_web_crypto_test.json");
        return wycheproof_from(&std::fs::read_to_string(local).expect("the Wycheproof file"));
    };
    wycheproof_from(&text);
}

fn wycheproof_from(text: &str) {
    let file: Value = serde_json::from_str(text).unwrap();
    let mut ran = 0;
    for group in file["testGroups"].as_array().unwrap() {
        for case in group["tests"].as_array().unwrap() {
            let Some(jwe) = case.get("jwe") else { continue };
            let token = match jwe {
                Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            let id = case["tcId"].as_u64().unwrap();
            let result = open(&token, &group["private"].to_string());
            let decrypted = result
                .tokens
                .first()
                .and_then(|t| t.decryption.as_ref())
                .is_some_and(|d| d.status == DecryptionStatus::Decrypted);
            let expected = case["result"] == "valid" || id == 66;
            assert_eq!(decrypted, expected, "tcId {id} {}: {:?}", case["comment"], codes(&result));
            if id == 83 {
                assert!(codes(&result).contains(&"JWE_EPK_INVALID"), "{:?}", codes(&result));
            }
            ran += 1;
        }
    }
    assert_eq!(ran, 34);
}

/// Each failure is one `JWE_*` error finding and a status, never a panic.
#[test]
fn failures_are_findings() {
    let secret = "k".repeat(32);
    let other = "j".repeat(32);
    let kw = encrypt("hello", &secret, &opts("A256KW", "A256GCM")).token.unwrap();
    let wrong = open(&kw, &other);
    assert_eq!(status(&wrong), DecryptionStatus::Failed);
    assert!(codes(&wrong).contains(&"JWE_WRONG_KEY"));

    let dir = encrypt("hello", &secret, &opts("dir", "A128CBC-HS256")).token.unwrap();
    let mut parts: Vec<String> = dir.split('.').map(str::to_owned).collect();
    parts[4] = URL_SAFE_NO_PAD.encode([0u8; 16]);
    let tampered = open(&parts.join("."), &secret);
    assert!(codes(&tampered).contains(&"JWE_TAG_MISMATCH"));
    assert!(plaintext(&tampered).is_none());
    parts[2] = URL_SAFE_NO_PAD.encode([0u8; 8]);
    assert!(codes(&open(&parts.join("."), &secret)).contains(&"JWE_MALFORMED"));

    // A key of the wrong type is never used: a secret for RSA-OAEP, an RSA key for dir.
    let rsa = pem_pair(Algorithm::Rs256);
    let oaep = encrypt("hello", &rsa.1, &opts("RSA-OAEP", "A256GCM")).token.unwrap();
    let typed = open(&oaep, &secret);
    assert_eq!(status(&typed), DecryptionStatus::NoKey);
    assert!(codes(&typed).contains(&"JWE_KEY_TYPE"));
    assert!(codes(&open(&dir, &rsa.0)).contains(&"JWE_KEY_TYPE"));
    assert!(codes(&open(&oaep, &pem_pair(Algorithm::Rs256).0)).contains(&"JWE_WRONG_KEY"));
    assert!(codes(&open(&oaep, "https://example.com/jwks")).contains(&"JWE_NO_KEY"));

    // An unwrapped key of the wrong length for enc (header edited: the check comes before the tag).
    let short = encrypt("hello", &"k".repeat(16), &opts("A128KW", "A128GCM")).token.unwrap();
    let edited = with_header(&short, |h| h["enc"] = "A256GCM".into());
    assert!(codes(&open(&edited, &"k".repeat(16))).contains(&"JWE_CEK_LENGTH"));
    let gcmkw = encrypt("hello", &secret, &opts("A256GCMKW", "A256GCM")).token.unwrap();
    let no_iv = with_header(&gcmkw, |h| drop(h.as_object_mut().unwrap().remove("iv")));
    assert!(codes(&open(&no_iv, &secret)).contains(&"JWE_HEADER_INVALID"));

    for (edit, code, expected) in [
        (r#"{"alg":"RSA-OAEP-384","enc":"A256GCM"}"#, "JWE_ALG_UNSUPPORTED", DecryptionStatus::Unsupported),
        (r#"{"alg":"dir","enc":"A128CBC"}"#, "JWE_ENC_UNSUPPORTED", DecryptionStatus::Unsupported),
        (r#"{"alg":"dir","enc":"A256GCM","zip":"GZIP"}"#, "JWE_ZIP_UNSUPPORTED", DecryptionStatus::Unsupported),
        (r#"{"alg":"dir","enc":"A256GCM","crit":["exp"],"exp":1}"#, "JWE_CRIT_UNKNOWN", DecryptionStatus::Unsupported),
    ] {
        let token = format!("{}..AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA", URL_SAFE_NO_PAD.encode(edit));
        let result = open(&token, &secret);
        assert!(codes(&result).contains(&code), "{edit}: {:?}", codes(&result));
        assert_eq!(status(&result), expected, "{edit}");
    }

    // An epk off the curve is refused before any arithmetic.
    let ec = pem_pair(Algorithm::Es256);
    let ecdh = encrypt("hello", &ec.1, &opts("ECDH-ES", "A256GCM")).token.unwrap();
    let off = with_header(&ecdh, |h| h["epk"]["y"] = h["epk"]["x"].clone());
    assert!(codes(&open(&off, &ec.0)).contains(&"JWE_EPK_INVALID"));
    // An epk on another curve than the key.
    let p384 = pem_pair(Algorithm::Es384);
    assert!(
        codes(&open(&ecdh, &p384.0)).contains(&"JWE_KEY_TYPE")
            || codes(&open(&ecdh, &p384.0)).contains(&"JWE_EPK_INVALID")
    );

    // Encryption refuses RSA1_5 and keys it cannot encrypt for.
    let refused = encrypt("hello", &rsa.1, &opts("RSA1_5", "A256GCM"));
    assert!(refused.token.is_none() && refused.findings.iter().any(|f| f.code() == "JWE_ENCRYPT_ALG"));
    let k256 = generate_key(Algorithm::Es256k).unwrap().public_pem.unwrap();
    let none = encrypt("hello", &k256, &EncryptOptions::default());
    assert!(none.token.is_none() && none.findings.iter().any(|f| f.code() == "JWE_ENCRYPT_KEY"));
}

fn with_header(token: &str, edit: impl Fn(&mut Value)) -> String {
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    let mut header: Value = serde_json::from_slice(&URL_SAFE_NO_PAD.decode(&parts[0]).unwrap()).unwrap();
    edit(&mut header);
    parts[0] = URL_SAFE_NO_PAD.encode(header.to_string());
    parts.join(".")
}

/// A huge `p2c` is refused at once and a decompression bomb stops at the limit: both well under a second.
#[test]
fn p2c_and_bomb_are_refused_fast() {
    let password = "correct horse battery staple";
    let token = encrypt("hello", password, &opts("PBES2-HS512+A256KW", "A256GCM")).token.unwrap();
    let huge = with_header(&token, |h| h["p2c"] = 2_000_000_000u64.into());
    let start = Instant::now();
    let result = open(&huge, password);
    let took = start.elapsed();
    println!("p2c 2e9 refused in {took:?}");
    assert!(codes(&result).contains(&"JWE_P2C_TOO_LARGE"));
    assert!(took.as_secs_f64() < 1.0);
    let small = encrypt("hello", password, &EncryptOptions { p2c: Some(100), ..opts("PBES2-HS256+A128KW", "A128GCM") });
    let result = open(&small.token.unwrap(), password);
    assert!(codes(&result).contains(&"JWE_P2C_SMALL") && plaintext(&result).as_deref() == Some("hello"));

    let zeros = "0".repeat(20_000_000);
    let secret = "k".repeat(32);
    let bomb = encrypt(&zeros, &secret, &EncryptOptions { zip: Some(true), ..opts("dir", "A256GCM") }).token.unwrap();
    println!("bomb: {} bytes of token inflate to 20 MB", bomb.len());
    let start = Instant::now();
    let result = open(&bomb, &secret);
    let took = start.elapsed();
    println!("decompression bomb refused in {took:?}");
    assert!(codes(&result).contains(&"JWE_ZIP_TOO_LARGE"), "{:?}", codes(&result));
    assert!(took.as_secs_f64() < 1.0);
}

/// A JWE around a signed token: the inner token is the next token, labelled, verified and diagnosed.
#[test]
fn nested_token_flows_through_verification() {
    let signing = "a-string-secret-at-least-256-bits-long";
    let jws = jwtlens::sign(r#"{"sub":"1","iss":"https://example.com"}"#, signing, &Default::default()).token.unwrap();
    let ec = pem_pair(Algorithm::Es256);
    let made = encrypt(&jws, &ec.1, &opts("ECDH-ES+A128KW", "A128GCM"));
    let token = made.token.unwrap();
    let header: Value =
        serde_json::from_slice(&URL_SAFE_NO_PAD.decode(token.split('.').next().unwrap()).unwrap()).unwrap();
    assert_eq!(header["cty"], "JWT");
    // The paste: the JWE, then another token; both keys in one key text.
    let paste = format!("{token}\n{jws}");
    let result = open(&paste, &format!("{}\n{signing}", ec.0));
    // Secrets next to PEM keys are read as PEM only, so give the signing secret on its own for the inner token too.
    assert_eq!(result.tokens.len(), 3, "{:?}", codes(&result));
    let inner = &result.tokens[1];
    let origin = inner.origin.expect("an origin");
    assert_eq!(origin.token, 0);
    assert!(inner.segments.is_empty());
    assert_eq!(result.tokens[0].decryption.as_ref().unwrap().inner, Some(1));
    assert_eq!(inner.claims().unwrap()["sub"], "1");
    assert!(codes(&result).contains(&"JWE_INNER_TOKEN"));
    assert_eq!(result.diagnoses.len(), 3);
    // Findings of the third token moved down with it.
    assert!(result.findings.iter().all(|f| f.location.as_ref().and_then(|l| l.token).is_none_or(|t| t < 3)));
    let only_secret = open(&token, &ec.0);
    assert_eq!(only_secret.tokens.len(), 2);
    let verified = open(&token, &ec.0);
    assert!(verified.verifications.iter().any(|v| v.token == Some(1)));
}

/// The JSON serializations: general (two recipients, the second ours) and flattened, with `aad` and an unprotected header.
#[test]
fn json_serializations() {
    let secret = "k".repeat(16);
    let compact = encrypt("hello", &secret, &opts("A128KW", "A128GCM")).token.unwrap();
    let p: Vec<&str> = compact.split('.').collect();
    let flattened = format!(
        r#"{{"protected":"{}","encrypted_key":"{}","iv":"{}","ciphertext":"{}","tag":"{}"}}"#,
        p[0], p[1], p[2], p[3], p[4]
    );
    assert_eq!(plaintext(&open(&flattened, &secret)).as_deref(), Some("hello"));
    let general = format!(
        r#"{{"protected":"{}","recipients":[{{"header":{{"kid":"x"}},"encrypted_key":"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"}},{{"encrypted_key":"{}"}}],"iv":"{}","ciphertext":"{}","tag":"{}"}}"#,
        p[0], p[1], p[2], p[3], p[4]
    );
    let result = open(&general, &secret);
    assert_eq!(plaintext(&result).as_deref(), Some("hello"), "{:?}", codes(&result));
    assert_eq!(result.tokens[0].decryption.as_ref().unwrap().recipient, Some(1));
    // A member in two headers is refused (for the one recipient of a flattened JWE).
    let twice = flattened.replace(r#""iv""#, r#""unprotected":{"enc":"A128GCM"},"iv""#);
    assert!(codes(&open(&twice, &secret)).contains(&"JWE_HEADER_INVALID"));
    // aad changes the AAD: the tag no longer matches.
    let with_aad = flattened.replace(r#""iv""#, r#""aad":"eHl6","iv""#);
    assert!(codes(&open(&with_aad, &secret)).contains(&"JWE_TAG_MISMATCH"));
}

/// The token's own `jwk` is shown, never used; without keys the JWE reads as before (header only).
#[test]
fn no_key_from_the_token() {
    let ec = pem_pair(Algorithm::Es256);
    let token = encrypt("hello", &ec.1, &opts("ECDH-ES", "A256GCM")).token.unwrap();
    let with_jwk = with_header(&token, |h| h["jwk"] = h["epk"].clone());
    let result = open(&with_jwk, "k");
    assert!(codes(&result).contains(&"TOKEN_EMBEDDED_KEY"));
    assert_ne!(status(&result), DecryptionStatus::Decrypted);
    let plain = inspect(token.as_str(), &InspectOptions::default());
    assert!(plain.tokens[0].decryption.is_none());
    assert!(plain.findings.iter().any(|f| f.code() == "TOKEN_ENCRYPTED"));
}

/// An empty plaintext is a plaintext (the ciphertext segment is empty).
#[test]
fn empty_plaintext() {
    let secret = "k".repeat(16);
    let token = encrypt("", &secret, &opts("A128KW", "A128GCM")).token.unwrap();
    let result = open(&token, &secret);
    assert_eq!(plaintext(&result).as_deref(), Some(""), "{:?}", result.findings);
}

/// A JSON JWE whose recipient names no `alg` in any of its headers is reported as such; one where every recipient
/// names it is not (RFC 7520 §5.13 keeps `alg` in each recipient's header).
#[test]
fn json_alg_is_per_recipient() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/vectors/jwe/vectors.json")).unwrap();
    let vectors: Vec<Value> = serde_json::from_str(&text).unwrap();
    let v = vectors.iter().find(|v| v["jwe"]["recipients"].as_array().is_some_and(|r| r.len() == 3)).unwrap();
    let whole = v["jwe"].clone();
    assert!(!codes(&open(&whole.to_string(), &v["key"].to_string())).contains(&"TOKEN_ALG_MISSING"));
    let mut one_missing = whole;
    one_missing["recipients"][1]["header"].as_object_mut().unwrap().remove("alg");
    let result = open(&one_missing.to_string(), &v["key"].to_string());
    assert!(codes(&result).contains(&"TOKEN_ALG_MISSING"), "{:?}", codes(&result));
}

/// `decryptionKeys` decrypt and never verify: a PEM decryption key beside a secret verification key (which one key
/// text cannot hold: a PEM text is read as PEM only) gives a verified inner token, and a decryption key alone leaves
/// the inner token's signature unchecked instead of failed.
#[test]
fn decryption_keys_only_decrypt() {
    let signing = "a-string-secret-at-least-256-bits-long";
    let jws = jwtlens::sign(r#"{"sub":"1"}"#, signing, &Default::default()).token.unwrap();
    let ec = pem_pair(Algorithm::Es256);
    let token = encrypt(&jws, &ec.1, &opts("ECDH-ES", "A256GCM")).token.unwrap();
    let both = inspect(
        &token,
        &InspectOptions {
            keys: Some(signing.into()),
            decryption_keys: Some(ec.0.as_str().into()),
            ..InspectOptions::default()
        },
    );
    assert_eq!(plaintext(&both).as_deref(), Some(jws.as_str()));
    let inner = both.verifications.iter().find(|v| v.token == Some(1)).expect("the inner token verified");
    assert!(inner.valid, "{:?}", inner.findings);
    assert_eq!(both.decryption_keys.as_ref().map(|k| k.keys.len()), Some(1));
    let alone =
        inspect(&token, &InspectOptions { decryption_keys: Some(ec.0.as_str().into()), ..InspectOptions::default() });
    assert_eq!(plaintext(&alone).as_deref(), Some(jws.as_str()));
    assert!(alone.verifications.is_empty());
    assert!(!codes(&alone).iter().any(|c| c.starts_with("SIG_")), "{:?}", codes(&alone));
    // The same key as `keys` decrypts too, and is then also tried (and fails) as a verification key.
    let as_keys = open(&token, &ec.0);
    assert_eq!(plaintext(&as_keys).as_deref(), Some(jws.as_str()));
    assert!(!as_keys.verifications.is_empty());
}
