//! The WebAssembly binding: the only module that imports `wasm_bindgen`.
//!
//! It converts and nothing else. Results cross the boundary as JSON text, which the JS loader (`js/core.js`) parses
//! once: measured faster than building JS objects from Rust (see `docs/DESIGN.md`), and it keeps the decoded
//! header and payload text exact. Options arrive as JSON text too. A result is either `{"ok": …}` or
//! `{"error": {"code", "message"}}`; the loader turns the latter into a thrown `JwtlensError`.

use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

use crate::api::GenerateError;
use crate::keys::{KeyOptions, parse_keys};
use crate::sign::SignOptions;
use crate::verify::VerifyOptions;
use crate::{Algorithm, DescribeOptions, InspectOptions, describe_claim, generate_key, inspect, sign, verify};

#[derive(Serialize)]
struct Failure<'a> {
    code: &'a str,
    message: String,
}

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Envelope<'a, T: Serialize> {
    Ok(T),
    Error(Failure<'a>),
}

fn respond<T: Serialize>(result: Result<T, Failure<'_>>) -> String {
    let envelope = match result {
        Ok(value) => Envelope::Ok(value),
        Err(failure) => Envelope::Error(failure),
    };
    serde_json::to_string(&envelope).unwrap_or_else(|e| {
        format!(r#"{{"error":{{"code":"ERR_INTERNAL","message":{}}}}}"#, serde_json::Value::from(e.to_string()))
    })
}

fn options<T: serde::de::DeserializeOwned + Default>(json: &str) -> Result<T, Failure<'static>> {
    if json.is_empty() {
        return Ok(T::default());
    }
    serde_json::from_str(json)
        .map_err(|e| Failure { code: "ERR_INVALID_OPTIONS", message: format!("invalid options: {e}") })
}

/// `inspect(input, optionsJson)` → envelope JSON holding an `Inspection` whose offsets count UTF-16 code units.
#[wasm_bindgen(js_name = inspectJson)]
#[must_use]
pub fn inspect_json(input: &str, options_json: &str) -> String {
    respond(options::<InspectOptions>(options_json).map(|opts| {
        let mut result = inspect(input, &opts);
        result.offsets_to_utf16(input);
        result
    }))
}

/// `verify(input, keys, optionsJson)` → envelope JSON holding a `VerifyResult` whose input offsets count UTF-16
/// code units.
#[wasm_bindgen(js_name = verifyJson)]
#[must_use]
pub fn verify_json(input: &str, keys: &str, options_json: &str) -> String {
    respond(options::<VerifyOptions>(options_json).map(|opts| {
        let mut result = verify(input, keys, &opts);
        result.offsets_to_utf16(input);
        result
    }))
}

/// `parseKeys(text, optionsJson)` → envelope JSON holding a `KeySet`.
#[wasm_bindgen(js_name = parseKeysJson)]
#[must_use]
pub fn parse_keys_json(text: &str, options_json: &str) -> String {
    respond(options::<KeyOptions>(options_json).map(|opts| parse_keys(text, &opts)))
}

/// `sign(payload, key, optionsJson)` → envelope JSON holding a `Signing` (its findings carry JSON lines and columns,
/// no input offsets).
#[wasm_bindgen(js_name = signJson)]
#[must_use]
pub fn sign_json(payload: &str, key: &str, options_json: &str) -> String {
    respond(options::<SignOptions>(options_json).map(|opts| sign(payload, key, &opts)))
}

/// `generateKey(alg)` → envelope JSON holding a `GeneratedKey`.
#[wasm_bindgen(js_name = generateKeyJson)]
#[must_use]
pub fn generate_key_json(alg: &str) -> String {
    let Some(alg) = Algorithm::from_name(alg) else {
        let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
        return respond::<()>(Err(Failure {
            code: "ERR_INVALID_ARGUMENT",
            message: format!("alg must be one of {}, got {alg:?}", names.join(", ")),
        }));
    };
    respond(generate_key(alg).map_err(|e| Failure {
        code: if e == GenerateError::NoRandomness { "ERR_NO_RANDOMNESS" } else { "ERR_INTERNAL" },
        message: e.to_string(),
    }))
}

/// `describeClaim(name, optionsJson)` → envelope JSON holding a `ClaimMeaning`.
#[wasm_bindgen(js_name = describeClaimJson)]
#[must_use]
pub fn describe_claim_json(name: &str, options_json: &str) -> String {
    respond(options::<DescribeOptions>(options_json).map(|opts| describe_claim(name, &opts)))
}

/// Every finding code with its severity and description, as JSON.
#[wasm_bindgen(js_name = codesJson)]
#[must_use]
pub fn codes_json() -> String {
    respond::<_>(Ok(crate::all_codes()))
}
