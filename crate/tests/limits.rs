//! Hostile input (issue 16): every case found, as a regression test that asserts the outcome — a result, or a
//! finding naming the limit reached — and that a normal inspection still works right after. Beyond a limit the work
//! is not done, so each case here costs what its limit allows, not what its input asks for. Timings are printed by
//! `scripts/hostile.mjs`, never asserted.

mod common;

use base64::Engine as _;
use common::{compact, hmac_sign, public_jwk, vectors};
use jwtlens::verify::Outcome;
use jwtlens::{InspectOptions, Inspection, KeyOptions, Limits, VerifyOptions, inspect, parse_keys, verify};
use serde_json::{Value, json};

const SECRET: &str = "a-string-secret-at-least-256-bits-long";
const NOW: f64 = 1_700_000_000.0;

fn b64(bytes: &[u8]) -> String {
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn hs256(header: &str, payload: &str) -> String {
    compact(header, payload, |input| hmac_sign("HS256", SECRET.as_bytes(), input.as_bytes()))
}

fn codes(findings: &[jwtlens::Finding]) -> Vec<&'static str> {
    findings.iter().map(jwtlens::Finding::code).collect()
}

/// The one finding with `code`, which must be there.
fn finding<'a>(findings: &'a [jwtlens::Finding], code: &str) -> &'a jwtlens::Finding {
    let found: Vec<_> = findings.iter().filter(|f| f.code() == code).collect();
    assert!(!found.is_empty(), "no {code} in {:?}", codes(findings));
    found[0]
}

fn options(json: Value) -> InspectOptions {
    serde_json::from_value(json).unwrap()
}

fn verify_options(json: Value) -> VerifyOptions {
    serde_json::from_value(json).unwrap()
}

/// After each hostile call, an ordinary one still gives its ordinary answer.
fn still_works() {
    let token = hs256(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"sub":"1","exp":1800000000}"#);
    let result = inspect(&token, &options(json!({ "now": NOW, "keys": SECRET })));
    assert_eq!(result.tokens.len(), 1);
    assert!(result.verifications[0].valid);
    assert!(!codes(&result.findings).iter().any(|c| c.starts_with("LIMIT_")));
}

/// The serialized result, as the binding hands it to JavaScript.
fn json_size(result: &impl serde::Serialize) -> usize {
    serde_json::to_string(result).unwrap().len()
}

fn rsa_jwk() -> Value {
    public_jwk(&vectors("peer-fixtures/panva-jose/keys.json")["RSA"]["jwk"])
}

fn p256_jwk() -> Value {
    public_jwk(&vectors("peer-fixtures/panva-jose/keys.json")["P256"]["jwk"])
}

/// `n` copies of `jwk`, each with its own kid.
fn key_set(jwk: &Value, n: usize) -> String {
    let keys: Vec<Value> = (0..n)
        .map(|i| {
            let mut key = jwk.clone();
            key["kid"] = json!(format!("key-{i}"));
            key
        })
        .collect();
    json!({ "keys": keys }).to_string()
}

/// Case 1: 2,300 tiny HS256 tokens on separate lines plus a secret trapped the module (each token's verification
/// copied every finding of the paste). Now the first 1,000 tokens are decoded, and the first 64 verified.
#[test]
fn case_1_thousands_of_tokens_with_a_secret() {
    let token = hs256(r#"{"alg":"HS256"}"#, r#"{"sub":"1"}"#);
    let input = vec![token; 2_300].join("\n");
    assert!(input.len() > 150_000);
    let result = inspect(&input, &options(json!({ "now": NOW, "keys": SECRET })));
    let limit = finding(&result.findings, "LIMIT_TOKENS");
    assert!(limit.message.contains("2,300 tokens") && limit.message.contains("`limits.tokens`"), "{}", limit.message);
    assert!(limit.fix.as_deref().unwrap().contains("raise `limits.tokens`"));
    assert_eq!(result.tokens.len(), 1_000);
    assert_eq!(result.verifications.len(), 1_000);
    let valid = result.verifications.iter().filter(|v| v.valid).count();
    assert_eq!(valid, 64, "limits.checks: 64 signature checks per call");
    for v in result.verifications.iter().filter(|v| !v.valid) {
        assert_eq!(codes(&v.findings), ["LIMIT_CHECKS"]);
        assert_eq!(v.attempts[0].outcome, Outcome::NotTried);
    }
    // Each verification holds only its own findings: the result grows with the tokens, not their square.
    assert!(json_size(&result) < 3_000_000, "{}", json_size(&result));
    // Raised, every token is decoded and verified.
    let raised = options(json!({ "now": NOW, "keys": SECRET, "limits": { "tokens": 2_300, "checks": 2_300 } }));
    let result = inspect(&input, &raised);
    assert_eq!(result.verifications.iter().filter(|v| v.valid).count(), 2_300);
    assert!(!codes(&result.findings).contains(&"LIMIT_TOKENS"));
    still_works();
}

/// Case 1 (related): N tokens with a K-key JWKS repeated the key list per token (0.8 MB → a 445 MB result). The
/// key set is listed once; each verification holds one row per key.
#[test]
fn case_1_tokens_times_a_key_set() {
    let private = vectors("peer-fixtures/panva-jose/keys.json")["RSA"]["jwk"].clone();
    let token = compact(r#"{"alg":"RS256","kid":"key-7"}"#, r#"{"sub":"1"}"#, |input| {
        common::sign_with_jwk("RS256", &private, input)
    });
    let input = vec![token; 1_500].join("\n");
    let keys = key_set(&rsa_jwk(), 100);
    let result = inspect(&input, &options(json!({ "now": NOW, "keys": keys })));
    finding(&result.findings, "LIMIT_TOKENS");
    assert_eq!(result.keys.as_ref().unwrap().keys.len(), 100);
    assert_eq!(result.verifications.len(), 1_000);
    assert!(result.verifications.iter().all(|v| v.attempts.len() == 100));
    // One check per token (the kid picks the key): 64 tokens verified, the rest say the limit stopped them.
    assert_eq!(result.verifications.iter().filter(|v| v.valid).count(), 64);
    let limited = result.verifications.iter().filter(|v| codes(&v.findings).contains(&"LIMIT_CHECKS")).count();
    assert_eq!(limited, 936);
    // One row per key and token: the product of two limits (1,000 × 100), each row a few hundred bytes.
    assert!(json_size(&result) < 25_000_000, "{}", json_size(&result));
    let over = key_set(&rsa_jwk(), 101);
    let result = inspect(&input, &options(json!({ "now": NOW, "keys": over })));
    let limit = finding(&result.keys.as_ref().unwrap().findings, "LIMIT_KEYS");
    assert!(limit.message.contains("101 keys"), "{}", limit.message);
    assert!(result.keys.as_ref().unwrap().keys.is_empty());
    still_works();
}

/// Case 1 (related): a JWS JSON serialization with 3,000 signatures against 3,000 secrets trapped the module.
#[test]
fn case_1_signatures_times_secrets() {
    let payload = b64(br#"{"sub":"1"}"#);
    let protected = b64(br#"{"alg":"HS256"}"#);
    let signatures: Vec<Value> =
        (0..3_000).map(|i| json!({ "protected": protected, "signature": b64(&[i as u8; 32]) })).collect();
    let input = json!({ "payload": payload, "signatures": signatures }).to_string();
    let secrets: Vec<Value> =
        (0..3_000).map(|i| json!({ "kty": "oct", "k": b64(format!("secret {i}").as_bytes()) })).collect();
    let keys = json!({ "keys": secrets }).to_string();
    let result = verify(&input, &keys, &VerifyOptions::default());
    assert!(!result.valid);
    let found = codes(&result.findings);
    assert!(found.contains(&"LIMIT_SIGNATURES") && found.contains(&"LIMIT_KEYS"), "{found:?}");
    assert!(finding(&result.findings, "LIMIT_SIGNATURES").message.contains("3,000 signatures"));
    // Raised past the signature count, the checks are still bounded: 64, then the limit speaks (one row per key
    // and signature remains: 3,000 × 100 here).
    let hundred = json!({ "keys": secrets[..100] }).to_string();
    let raised = verify_options(json!({ "limits": { "signatures": 3_000 } }));
    let result = verify(&input, &hundred, &raised);
    assert!(!result.valid);
    assert!(codes(&result.findings).contains(&"LIMIT_CHECKS"));
    assert_eq!(result.attempts.iter().filter(|a| a.tried).count(), 64);
    assert_eq!(result.attempts.len(), 3_000 * 100);
    still_works();
}

fn claims_token(members: usize, name_len: usize) -> String {
    let pad = "n".repeat(name_len.saturating_sub(8));
    let claims: Vec<String> = (0..members).map(|i| format!("\"{pad}{i:08}\":1")).collect();
    hs256(r#"{"alg":"HS256"}"#, &format!("{{{}}}", claims.join(",")))
}

/// Case 2: 100,000 distinct claims (2 MB) took 23.6 s to inspect (the duplicate scan compared each name with every
/// other). Now the size, then the member count, are limits; raised past both, the scan is linear.
#[test]
fn case_2_a_hundred_thousand_claims() {
    let token = claims_token(100_000, 12);
    assert!(token.len() > 2_000_000);
    let result = inspect(&token, &options(json!({ "now": NOW })));
    assert_eq!(codes(&result.findings), ["LIMIT_INPUT_BYTES"]);
    assert!(result.tokens.is_empty());
    let bigger = json!({ "now": NOW, "limits": { "inputBytes": 4_000_000 } });
    let result = inspect(&token, &options(bigger));
    let limit = finding(&result.findings, "LIMIT_MEMBERS");
    assert!(limit.message.contains("The payload has an object with 100,000 members"), "{}", limit.message);
    assert!(result.tokens[0].payload.as_ref().unwrap().value.is_none(), "not parsed");
    let raised = json!({ "now": NOW, "limits": { "inputBytes": 4_000_000, "members": 100_000 } });
    let result = inspect(&token, &options(raised.clone()));
    assert_eq!(result.tokens[0].claims().unwrap().len(), 100_000);
    assert!(!codes(&result.findings).iter().any(|c| c.starts_with("LIMIT_") || *c == "JSON_DUPLICATE_MEMBER"));
    let v = verify(&token, SECRET, &verify_options(raised));
    assert!(v.valid, "{:?}", codes(&v.findings));
    still_works();
}

/// Case 2: 20,000 members with 406-character names took 42 s. Names are compared by hashing.
#[test]
fn case_2_long_member_names() {
    let token = claims_token(20_000, 406);
    let raised = json!({ "now": NOW, "limits": { "inputBytes": 20_000_000, "members": 20_000 } });
    let result = inspect(&token, &options(raised));
    assert_eq!(result.tokens[0].claims().unwrap().len(), 20_000);
    assert!(!codes(&result.findings).contains(&"JSON_DUPLICATE_MEMBER"));
    // The same names twice: every duplicate found, each path reported once.
    let twice = format!(
        "{{{0},{0}}}",
        (0..2_000).map(|i| format!("\"{}{i:08}\":1", "n".repeat(398))).collect::<Vec<_>>().join(",")
    );
    let token = hs256(r#"{"alg":"HS256"}"#, &twice);
    let result =
        inspect(&token, &options(json!({ "now": NOW, "limits": { "inputBytes": 4_000_000, "members": 4_000 } })));
    assert_eq!(codes(&result.findings).iter().filter(|c| **c == "JSON_DUPLICATE_MEMBER").count(), 2_000);
    still_works();
}

/// Case 2: copies of one 330-byte token with wrong-typed claims took 8.5 s (3,000) and 91 s (10,000): finding
/// de-duplication searched a list per finding. The copies beyond `limits.tokens` are not decoded; raised, the
/// de-duplication is by hashing.
#[test]
fn case_2_copies_of_a_token_with_wrong_claims() {
    let payload = r#"{"iss":7,"sub":["x"],"aud":5,"exp":"tomorrow","nbf":"now","iat":{},"auth_time":"x","token_use":1,"scope":2,"client_id":3,"cognito:groups":"admin","email_verified":"yes","azp":[]}"#;
    let token = hs256(r#"{"alg":"HS256","kid":1,"typ":2}"#, payload);
    assert!((300..400).contains(&token.len()), "{}", token.len());
    let target = json!({ "kind": "cognitoApi", "operation": "GetUser" });
    for (copies, with_target) in [(3_000, false), (10_000, true)] {
        let input = vec![token.clone(); copies].join("\n");
        let mut opts = json!({ "now": NOW, "limits": { "inputBytes": 4_000_000 } });
        if with_target {
            opts["target"] = target.clone();
        }
        let result = inspect(&input, &options(opts.clone()));
        finding(&result.findings, "LIMIT_TOKENS");
        assert_eq!(result.diagnoses.len(), 1_000);
        assert_eq!(result.verdict.is_some(), with_target);
        opts["limits"]["tokens"] = json!(copies);
        let result = inspect(&input, &options(opts));
        assert_eq!(result.diagnoses.len(), copies);
        let per_token = result.findings.iter().filter(|f| f.location.as_ref().and_then(|l| l.token) == Some(1)).count();
        assert!(per_token > 5, "{per_token}");
    }
    still_works();
}

/// Case 3: ~140 MB of random text or ~200 MB of base64-like text trapped the module (memory 22–33× the input).
/// Now any text over `limits.inputBytes` is answered from its length alone.
#[test]
fn case_3_huge_pastes() {
    let random = || {
        let bytes: Vec<u8> = (0..150_000_000u32).map(|i| b' ' + (i.wrapping_mul(2_654_435_761) >> 26) as u8).collect();
        String::from_utf8(bytes).unwrap()
    };
    let base64_like = || "eyJhbGciOiJIUzI1NiJ9".repeat(10_000_000);
    for make in [&random as &dyn Fn() -> String, &base64_like] {
        let input = &make();
        let mut result = inspect(input, &options(json!({ "now": NOW, "keys": SECRET })));
        let limit = finding(&result.findings, "LIMIT_INPUT_BYTES");
        assert!(limit.message.contains(&format!("The input is {} bytes", thousands(input.len()))), "{}", limit.message);
        assert!(limit.message.contains("1,048,576"), "{}", limit.message);
        assert!(result.tokens.is_empty() && result.verifications.is_empty());
        result.offsets_to_utf16(input);
        let mut v = verify(input, SECRET, &VerifyOptions::default());
        assert!(!v.valid && codes(&v.findings).contains(&"LIMIT_INPUT_BYTES"));
        v.offsets_to_utf16(input);
        let keys = parse_keys(input, &KeyOptions::default());
        assert!(keys.keys.is_empty());
        assert_eq!(codes(&keys.findings), ["LIMIT_INPUT_BYTES"]);
    }
    still_works();
}

fn thousands(n: usize) -> String {
    jwtlens::limits::count(n)
}

/// Case 4: a 10,000-key JWKS and a token with an unknown kid took 9–14.5 s: every excluded key was verified for
/// diagnosis. Now the key count is a limit; raised, the diagnosis-only trials stop at `limits.checks`, and a
/// finding says so.
#[test]
fn case_4_ten_thousand_keys_and_an_unknown_kid() {
    let token = compact(r#"{"alg":"RS256","kid":"elsewhere"}"#, r#"{"sub":"1"}"#, |_| vec![1; 256]);
    for jwk in [rsa_jwk(), p256_jwk()] {
        let keys = key_set(&jwk, 10_000);
        let result = verify(&token, &keys, &verify_options(json!({ "limits": { "inputBytes": 10_000_000 } })));
        assert!(!result.valid && result.keys.is_empty());
        assert!(finding(&result.findings, "LIMIT_KEYS").message.contains("10,000 keys"));
        let set = parse_keys(
            &keys,
            &KeyOptions { limits: Limits { input_bytes: 10_000_000, ..Limits::default() }, ..KeyOptions::default() },
        );
        assert_eq!(codes(&set.findings), ["LIMIT_KEYS"]);
    }
    let keys = key_set(&rsa_jwk(), 10_000);
    let raised = verify_options(json!({ "limits": { "inputBytes": 10_000_000, "keys": 10_000 } }));
    let result = verify(&token, &keys, &raised);
    assert_eq!(result.keys.len(), 10_000);
    let found = codes(&result.findings);
    assert!(found.contains(&"SIG_KID_NOT_FOUND") && found.contains(&"LIMIT_CHECKS"), "{found:?}");
    assert!(finding(&result.findings, "LIMIT_CHECKS").message.contains("9,936 key(s) excluded by their kid"));
    assert_eq!(result.attempts.iter().filter(|a| a.signature_matches.is_some()).count(), 64);
    still_works();
}

/// Case 4: a 3.8 MB JWS JSON serialization with 10,000 signatures against a 2-key JWKS took 13.6 s.
#[test]
fn case_4_ten_thousand_signatures() {
    let payload = b64(br#"{"sub":"1"}"#);
    let protected = b64(br#"{"alg":"RS256"}"#);
    let signature = b64(&[3; 256]);
    let entries: Vec<Value> = (0..10_000).map(|_| json!({ "protected": protected, "signature": signature })).collect();
    let input = json!({ "payload": payload, "signatures": entries }).to_string();
    assert!(input.len() > 3_700_000);
    let keys = key_set(&rsa_jwk(), 2);
    let result = verify(&input, &keys, &VerifyOptions::default());
    assert_eq!(codes(&result.findings)[0], "LIMIT_INPUT_BYTES");
    let bigger = verify_options(json!({ "limits": { "inputBytes": 4_000_000 } }));
    let result = verify(&input, &keys, &bigger);
    assert!(finding(&result.findings, "LIMIT_SIGNATURES").message.contains("10,000 signatures"));
    assert!(result.attempts.is_empty());
    let raised = verify_options(json!({ "limits": { "inputBytes": 4_000_000, "signatures": 10_000 } }));
    let result = verify(&input, &keys, &raised);
    assert!(!result.valid);
    assert_eq!(result.attempts.iter().filter(|a| a.tried).count(), 64);
    assert!(codes(&result.findings).contains(&"LIMIT_CHECKS"));
    still_works();
}

fn aud_token(aud: &Value) -> String {
    let claims = json!({ "iss": "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123", "token_use": "id", "aud": aud, "exp": 1_800_000_000 });
    hs256(r#"{"alg":"RS256"}"#, &claims.to_string())
}

fn rest_target(expression: &str) -> Value {
    json!({ "kind": "apiGatewayRest", "providerArns": ["arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_AbC123"], "identityValidationExpression": expression })
}

fn validation_rule(result: &Inspection) -> &jwtlens::Rule {
    let verdict = result.verdict.as_ref().unwrap();
    verdict.rules.iter().find(|r| r.id == jwtlens::diagnose::RuleId::ValidationExpression).unwrap()
}

/// Case 7: `(?:a|b){1000}c` cost ~44 ms per 1,000-character aud entry and was compiled again for every token
/// (10,000 entries: over 120 s; 1,000 tokens: 44.5 s). Now it is compiled once per call within
/// `limits.regexBytes`, and matched against at most `limits.regexText` characters.
#[test]
fn case_7_the_validation_regex() {
    let long: Vec<String> = (0..2_000).map(|_| "ab".repeat(500)).collect();
    let token = aud_token(&json!(long));
    let heavy = rest_target("(?:a|b){1000}c");
    let result =
        inspect(&token, &options(json!({ "now": NOW, "target": heavy, "limits": { "inputBytes": 4_000_000 } })));
    let limit = finding(&result.findings, "LIMIT_REGEX_BYTES");
    assert!(limit.message.contains("(14 characters)") && limit.message.contains("65,536"), "{}", limit.message);
    assert_eq!(validation_rule(&result).outcome, jwtlens::diagnose::Outcome::Unknown);
    // A regex within the size limit, against more aud text than the call may match.
    let result = inspect(
        &token,
        &options(json!({ "now": NOW, "target": rest_target("(?:a|b){10}c"), "limits": { "inputBytes": 4_000_000 } })),
    );
    assert!(finding(&result.findings, "LIMIT_REGEX_TEXT").message.contains("2,002,000 characters"));
    // 1,500 tokens: the first 1,000 decoded, the regex compiled once, the text budget shared by all of them.
    let one = aud_token(&json!("ab".repeat(500)));
    let input = vec![one; 1_500].join("\n");
    let opts = json!({ "now": NOW, "target": rest_target("(?:a|b){10}c"), "limits": { "inputBytes": 4_000_000 } });
    assert!(input.len() < 4_000_000);
    let result = inspect(&input, &options(opts));
    finding(&result.findings, "LIMIT_TOKENS");
    // Only the judged token's rules report findings; every token's verdict shows its rule.
    let rule = |d: &jwtlens::TokenDiagnosis| {
        let rules = &d.verdict.as_ref().unwrap().rules;
        rules.iter().find(|r| r.id == jwtlens::diagnose::RuleId::ValidationExpression).map(|r| r.detail.clone())
    };
    let details: Vec<String> = result.diagnoses.iter().filter_map(rule).collect();
    assert_eq!(details.len(), 1_000);
    let limited = details.iter().position(|d| d == "aud is too long to match here.");
    assert_eq!(limited, Some(4), "4,096 characters: four 1,001-character aud values ({:?})", &details[..5]);
    // The real use: a Cognito app client id, matched.
    let token = aud_token(&json!("4c3s8a9d2k1l0mnb7v6c5x4z3a"));
    let result = inspect(&token, &options(json!({ "now": NOW, "target": rest_target("^[a-z0-9]{26}$") })));
    assert_eq!(validation_rule(&result).outcome, jwtlens::diagnose::Outcome::Pass);
    still_works();
}

fn nested(levels: usize) -> String {
    format!("{{\"a\":{}1{}}}", "[".repeat(levels - 1), "]".repeat(levels - 1))
}

/// Case 8: JSON nested 128 levels and more is valid JSON, but was reported as invalid ("probably edited or
/// truncated"). Deep nesting is a limit (`limits.depth`), never "invalid".
#[test]
fn case_8_deep_json_is_deep_not_invalid() {
    for levels in [33, 128, 200, 100_000] {
        let token = hs256(r#"{"alg":"HS256"}"#, &nested(levels));
        let result = inspect(&token, &options(json!({ "now": NOW, "limits": { "depth": 1_000_000 } })));
        let found = codes(&result.findings);
        assert!(!found.contains(&"JSON_INVALID"), "{levels}: {found:?}");
        if levels > 127 {
            let limit = finding(&result.findings, "LIMIT_DEPTH");
            assert!(limit.message.contains(&format!("{} levels deep", thousands(levels))), "{}", limit.message);
            assert!(limit.fix.as_deref().unwrap().contains("127 levels is the most"));
        } else {
            assert!(result.tokens[0].claims().is_some());
        }
        let result = inspect(&token, &options(json!({ "now": NOW })));
        assert!(codes(&result.findings).contains(&"LIMIT_DEPTH"));
    }
    // The key text and the whole paste are measured too.
    let deep_key = format!("{{\"keys\":{}{}}}", "[".repeat(40), "]".repeat(40));
    assert_eq!(codes(&parse_keys(&deep_key, &KeyOptions::default()).findings), ["LIMIT_DEPTH"]);
    let wide_response = format!("{{{}}}", (0..1_001).map(|i| format!("\"f{i}\":1")).collect::<Vec<_>>().join(","));
    assert!(codes(&inspect(&wide_response, &InspectOptions::default()).findings).contains(&"LIMIT_MEMBERS"));
    still_works();
}

/// Case 8: small-order Ed25519 public keys were reported usable with no finding. They are refused with a finding:
/// the neutral point verifies R = neutral, S = 0 for every message under the cofactorless equation.
#[test]
fn case_8_small_order_ed25519_keys() {
    let small_order = [
        "0100000000000000000000000000000000000000000000000000000000000000",
        "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        "0000000000000000000000000000000000000000000000000000000000000000",
        "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
        "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
    ];
    for hex in small_order {
        let x = b64(&common::hex(hex));
        let jwk = json!({ "kty": "OKP", "crv": "Ed25519", "x": x }).to_string();
        let set = parse_keys(&jwk, &KeyOptions::default());
        assert!(!set.keys[0].usable, "{hex}");
        assert_eq!(codes(&set.findings), ["KEY_ED25519_SMALL_ORDER"], "{hex}");
        // The forgery for the neutral point: R = neutral, S = 0.
        let mut forged = common::hex("0100000000000000000000000000000000000000000000000000000000000000");
        forged.extend([0; 32]);
        let token = compact(r#"{"alg":"EdDSA"}"#, r#"{"sub":"admin"}"#, |_| forged.clone());
        let result = verify(&token, &jwk, &VerifyOptions::default());
        assert!(!result.valid);
        assert_eq!(result.attempts[0].outcome, Outcome::KeyRefused);
    }
    // A real key is unaffected.
    let rfc = json!({ "kty": "OKP", "crv": "Ed25519", "x": "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo" }).to_string();
    assert!(parse_keys(&rfc, &KeyOptions::default()).keys[0].usable);
    still_works();
}

/// A PEM paste counts its blocks before decoding any.
#[test]
fn pem_blocks_are_counted_first() {
    let spki = vectors("peer-fixtures/panva-jose/keys.json")["P256"]["spki"].as_str().unwrap().to_owned();
    let many = vec![spki.clone(); 101].join("\n");
    let set = parse_keys(&many, &KeyOptions::default());
    assert!(set.keys.is_empty());
    assert!(finding(&set.findings, "LIMIT_KEYS").message.contains("101 PEM blocks"));
    assert_eq!(parse_keys(&vec![spki; 100].join("\n"), &KeyOptions::default()).keys.len(), 100);
}

/// An input known only by a lower bound of its size (what the WebAssembly binding passes for a JavaScript string
/// whose length is over `inputBytes`, so as not to copy it): the same answer as for the text, in the same place.
#[test]
fn an_input_too_large_to_hand_over() {
    let too_large = jwtlens::Pasted::TooLarge { at_least: 64_000_000 };
    let inspected = inspect(too_large, &options(json!({ "now": 1 })));
    assert_eq!(codes(&inspected.findings), ["LIMIT_INPUT_BYTES"]);
    let message = &finding(&inspected.findings, "LIMIT_INPUT_BYTES").message;
    assert!(message.starts_with("The input is at least 64,000,000 bytes, over the limit of 1,048,576"), "{message}");
    assert!(inspected.tokens.is_empty());
    let text = "x".repeat(2 << 20);
    let from_text = inspect(text.as_str(), &options(json!({ "now": 1 })));
    assert_eq!(codes(&from_text.findings), ["LIMIT_INPUT_BYTES"]);
    assert_eq!(from_text.findings[0].location, inspected.findings[0].location);
    let verified = verify(too_large, "secret", &verify_options(json!({ "now": 1 })));
    assert_eq!(codes(&verified.verification.findings).first(), Some(&"LIMIT_INPUT_BYTES"));
    assert!(!verified.valid);
}
