//! The WebAssembly binding: the only module that imports `wasm_bindgen` (with its `values` and `fetch` parts).
//!
//! It converts and nothing else. Arguments arrive as JavaScript values: options as objects read with
//! `serde-wasm-bindgen` (an error names the path of the bad field), the evaluation time defaulted from the JavaScript
//! clock (`js-sys`), keys as text or as the bytes of a file. Results leave as JSON text, which the JS loader
//! (`js/core.js`) parses once: measured faster than building JS objects from Rust (`docs/DESIGN.md`), and it keeps
//! the decoded header and payload text exact. A result is `{"ok": …}` or `{"error": {"code", "message"}}`; the
//! loader throws the latter as a `JwtlensError`.

mod fetch;
mod values;

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use self::values::{Failure, options, string, text_or_bytes};
use crate::keys::{KeyOptions, read_keys};
use crate::verify::VerifyOptions;
use crate::{DescribeOptions, InspectOptions, describe_claim, inspect, verify};

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Envelope<T: Serialize> {
    Ok(T),
    Error(Failure),
}

fn respond<T: Serialize>(result: Result<T, Failure>) -> String {
    let envelope = match result {
        Ok(value) => Envelope::Ok(value),
        Err(failure) => Envelope::Error(failure),
    };
    serde_json::to_string(&envelope).unwrap_or_else(|e| {
        format!(r#"{{"error":{{"code":"ERR_INTERNAL","message":{}}}}}"#, serde_json::Value::from(e.to_string()))
    })
}

/// `inspect(input, options)` → envelope JSON holding an `Inspection` whose offsets count UTF-16 code units.
#[wasm_bindgen(js_name = inspectJson)]
#[must_use]
pub fn inspect_json(input: JsValue, opts: JsValue) -> String {
    respond(string(&input, "input").and_then(|input| {
        let opts = options::<InspectOptions>(&opts, "options", true)?;
        let mut result = inspect(&input, &opts);
        result.offsets_to_utf16(&input);
        Ok(result)
    }))
}

/// `verify(input, keys, options)` → envelope JSON holding a `VerifyResult` whose input offsets count UTF-16 code
/// units. `keys` is text or the bytes of a key file.
#[wasm_bindgen(js_name = verifyJson)]
#[must_use]
pub fn verify_json(input: JsValue, keys: JsValue, opts: JsValue) -> String {
    respond(string(&input, "input").and_then(|input| {
        let keys = text_or_bytes(&keys, "keys")?;
        let opts = options::<VerifyOptions>(&opts, "options", true)?;
        let mut result = verify(&input, keys, &opts);
        result.offsets_to_utf16(&input);
        Ok(result)
    }))
}

/// `parseKeys(keys, options)` → envelope JSON holding a `KeySet`. `keys` is text or the bytes of a key file.
#[wasm_bindgen(js_name = parseKeysJson)]
#[must_use]
pub fn parse_keys_json(keys: JsValue, opts: JsValue) -> String {
    respond(text_or_bytes(&keys, "keys").and_then(|keys| {
        let opts = options::<KeyOptions>(&opts, "options", true)?;
        Ok(read_keys(&keys, &opts))
    }))
}

/// `describeClaim(name, options)` → envelope JSON holding a `ClaimMeaning`.
#[wasm_bindgen(js_name = describeClaimJson)]
#[must_use]
pub fn describe_claim_json(name: JsValue, opts: JsValue) -> String {
    respond(string(&name, "name").and_then(|name| {
        let opts = options::<DescribeOptions>(&opts, "options", false)?;
        Ok(describe_claim(&name, &opts))
    }))
}

/// `fetchIssuerKeys(source, options)` → a promise of envelope JSON holding a `KeysFetched`.
#[wasm_bindgen(js_name = fetchIssuerKeysJson)]
pub async fn fetch_issuer_keys_json(source: JsValue, opts: JsValue) -> String {
    let parsed = string(&source, "source").and_then(|s| Ok((s, options(&opts, "options", true)?)));
    match parsed {
        Ok((source, opts)) => respond::<_>(Ok(fetch::fetch_issuer_keys(&source, &opts).await)),
        Err(failure) => respond::<()>(Err(failure)),
    }
}

/// Every finding code with its severity and description, as JSON.
#[wasm_bindgen(js_name = codesJson)]
#[must_use]
pub fn codes_json() -> String {
    respond::<_>(Ok(crate::all_codes()))
}

/// Traps on purpose (a WebAssembly `unreachable`), for the loader's test that a trap is caught, the module
/// re-instantiated, and the API works normally afterwards. Not part of the API.
#[wasm_bindgen(js_name = __jwtlensTestTrap)]
pub fn test_trap() {
    core::arch::wasm32::unreachable()
}
