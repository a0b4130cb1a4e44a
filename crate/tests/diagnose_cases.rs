//! Every diagnosis check, as data: `tests/cases/diagnose.json` holds for each code of the diagnosis phases an input
//! that triggers it and one that does not (the file's `about` says how a case is written). The Node suite
//! `tests/js/diagnose-cases.test.mjs` runs the same file through the package, so both sides answer alike.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Map, Value, json};

/// How many cases the file holds; a case removed or added without updating this fails the suite.
const CASES: usize = 105;

/// The phases of `docs/codes.md` that diagnose a decoded token (the others are decode, keys and verification).
const DIAGNOSIS_PHASES: &[&str] = &[
    "Options",
    "Time",
    "Claims against expectations",
    "Amazon Cognito",
    "API Gateway authorizers",
    "OpenID Connect, RFC 8725 and RFC 9068",
    "Other providers",
    "Tokens of one sign-in",
];

fn load() -> Value {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/cases/diagnose.json");
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// `base` with `overrides` applied: a member set to null is removed.
fn merge(base: &Value, overrides: Option<&Value>) -> Value {
    let mut out = base.as_object().cloned().unwrap_or_default();
    for (k, v) in overrides.and_then(Value::as_object).into_iter().flatten() {
        if v.is_null() {
            out.remove(k);
        } else {
            out.insert(k.clone(), v.clone());
        }
    }
    Value::Object(out)
}

/// Replaces `{token}` in every string of `v`.
fn substitute(v: &Value, token: &str) -> Value {
    match v {
        Value::String(s) => Value::String(s.replace("{token}", token)),
        Value::Array(a) => Value::Array(a.iter().map(|x| substitute(x, token)).collect()),
        Value::Object(o) => Value::Object(o.iter().map(|(k, x)| (k.clone(), substitute(x, token))).collect()),
        other => other.clone(),
    }
}

/// The compact token a variant (or its `second`) describes: a base token with header and payload overrides.
fn build(file: &Value, variant: &Value) -> String {
    let base = &file["tokens"][variant["token"].as_str().expect("variant.token")];
    assert!(base.is_object(), "unknown base token in {variant}");
    let encode = |v: &Value| URL_SAFE_NO_PAD.encode(v.to_string());
    format!(
        "{}.{}.c2lnbmF0dXJl",
        encode(&merge(&base["header"], variant.get("header"))),
        encode(&merge(&base["payload"], variant.get("payload")))
    )
}

/// Runs one variant and returns the codes found and the verdict's decision.
fn run(file: &Value, variant: &Value) -> (Vec<&'static str>, Option<String>) {
    let token = build(file, variant);
    let second = variant.get("second").map(|v| build(file, v)).unwrap_or_default();
    let input = variant
        .get("input")
        .and_then(Value::as_str)
        .map_or(token.clone(), |s| s.replace("{token}", &token).replace("{second}", &second));
    // Options keep a null: it means "no value" there (`now: null`: no evaluation time).
    let mut options = Map::new();
    options.insert("now".into(), file["now"].clone());
    options.extend(variant.get("options").and_then(Value::as_object).cloned().unwrap_or_default());
    let options = substitute(&Value::Object(options), &token);
    let options: jwtlens::InspectOptions =
        serde_json::from_value(options.clone()).unwrap_or_else(|e| panic!("options {options}: {e}"));
    let result = jwtlens::inspect(&input, &options);
    let decision = result.verdict.map(|v| json!(v.decision).as_str().unwrap_or_default().to_owned());
    (result.findings.iter().map(jwtlens::Finding::code).collect(), decision)
}

#[test]
fn every_diagnosis_code_has_a_triggering_and_a_passing_case() {
    let file = load();
    let cases = file["cases"].as_array().expect("cases");
    let diagnosis_codes: Vec<&str> = jwtlens::all_codes()
        .into_iter()
        .filter(|(phase, _)| DIAGNOSIS_PHASES.contains(phase))
        .flat_map(|(_, entries)| entries.into_iter().map(|e| e.code))
        .collect();
    let mut ran = 0;
    for case in cases {
        let code = case["code"].as_str().expect("case.code");
        assert!(diagnosis_codes.contains(&code), "{code} is not a diagnosis code");
        for (variant, want) in [("trigger", true), ("pass", false)] {
            let v = &case[variant];
            assert!(v.is_object(), "{code}: no {variant} variant");
            let (found, decision) = run(&file, v);
            assert_eq!(found.contains(&code), want, "{code} ({variant}): {}\nfound {found:?}", case["check"]);
            if let Some(expected) = v.get("decision") {
                assert_eq!(decision.as_deref(), expected.as_str(), "{code} ({variant}): verdict");
            }
        }
        ran += 1;
    }
    assert_eq!(ran, CASES, "cases run");
    let missing: Vec<&&str> = diagnosis_codes.iter().filter(|c| !cases.iter().any(|k| k["code"] == ***c)).collect();
    assert!(missing.is_empty(), "diagnosis codes without a case: {missing:?}");
}
