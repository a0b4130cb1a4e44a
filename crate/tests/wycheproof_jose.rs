//! Wycheproof's JOSE files through the public `verify` API, exactly as a user would call it: the `jws` string (or
//! JSON serialization) as the input, the group's JWK or JWKS as the key text, default options. Expected verdicts
//! are the labels, except where `common::CORRECTIONS` says otherwise (and why).

mod common;

use common::{Expect, Tally, expected, vectors};
use jwtlens::{VerifyOptions, verify};
use serde_json::Value;

fn run(file: &str, tally: &mut Tally, only_jws: bool) {
    let data = vectors(&format!("wycheproof/{file}"));
    for group in data["testGroups"].as_array().unwrap() {
        let key = group.get("public").unwrap_or(&group["private"]);
        let key_text = serde_json::to_string(key).unwrap();
        for case in group["tests"].as_array().unwrap() {
            let Some(jws) = case.get("jws") else {
                assert!(only_jws && case.get("jwe").is_some(), "{file}: case without jws: {case}");
                continue;
            };
            let input = match jws {
                Value::String(s) => s.clone(),
                other => serde_json::to_string(other).unwrap(),
            };
            let id = case["tcId"].as_u64().unwrap();
            let (expect, code) = expected(file, id, case["result"].as_str().unwrap());
            let result = verify(&input, &key_text, &VerifyOptions::default());
            let codes: Vec<&str> = result.findings.iter().map(|f| f.code()).collect();
            let verdict_ok = match expect {
                Some(Expect::Valid) => result.valid,
                Some(Expect::Invalid) => !result.valid,
                None => true,
            };
            let code_ok = code.is_none_or(|c| codes.contains(&c));
            tally.check(
                format!(
                    "{file} tcId {id} ({}): expected {expect:?} with {code:?}, got valid={} codes={codes:?}",
                    case["comment"], result.valid
                ),
                verdict_ok && code_ok,
            );
        }
    }
}

#[test]
fn json_web_signature() {
    let mut tally = Tally::default();
    run("json_web_signature_test.json", &mut tally, false);
    tally.finish("json_web_signature_test.json", 401);
}

#[test]
fn json_web_key() {
    let mut tally = Tally::default();
    run("json_web_key_test.json", &mut tally, false);
    tally.finish("json_web_key_test.json", 26);
}

#[test]
fn json_web_crypto_jws_cases() {
    let mut tally = Tally::default();
    run("json_web_crypto_test.json", &mut tally, true);
    // 49 JWS cases; the 34 JWE cases are out of scope (jwtlens does not decrypt).
    tally.finish("json_web_crypto_test.json (JWS cases)", 49);
}
