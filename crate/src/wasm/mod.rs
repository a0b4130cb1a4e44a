//! The WebAssembly binding: the only module that imports `wasm_bindgen` (with its `values` and `fetch` parts).
//!
//! It converts and nothing else. Arguments arrive as JavaScript values: options as objects read with
//! `serde-wasm-bindgen` (an error names the path of the bad field), the evaluation time defaulted from the JavaScript
//! clock (`js-sys`), keys as text or as the bytes of a file. Results leave as JS objects built by serde-wasm-bindgen
//! (measured a third faster than JSON text parsed in JS: `npm run bench:boundary`, figures in `docs/DESIGN.md`).
//! A result is `{ok: …}` or `{error: {code, message}}`; the loader (`js/core.js`) throws the latter as a
//! `JwtlensError`.

#[cfg(feature = "boundary-bench")]
mod bench;
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

/// The envelope as a JS object. A number JS numbers cannot hold exactly (a claim of 2^64 - 1) makes the JSON-like
/// serializer refuse; that envelope is then built with such numbers as `BigInt`s and marked `bigints: true`, and the
/// loader turns them into numbers the way `JSON.parse` reads them (the same serializer with one flag, so no second
/// serialisation of every result type in the module).
fn respond<T: Serialize>(result: Result<T, Failure>) -> JsValue {
    let envelope = match result {
        Ok(value) => Envelope::Ok(value),
        Err(failure) => Envelope::Error(failure),
    };
    let exact = serde_wasm_bindgen::Serializer::json_compatible();
    envelope.serialize(&exact).unwrap_or_else(|_| {
        let big = serde_wasm_bindgen::Serializer::json_compatible().serialize_large_number_types_as_bigints(true);
        match envelope.serialize(&big) {
            Ok(value) => {
                let _ = js_sys::Reflect::set(&value, &"bigints".into(), &JsValue::TRUE);
                value
            }
            Err(e) => {
                let failure = Failure { code: "ERR_INTERNAL", message: format!("the result could not be built: {e}") };
                Envelope::<()>::Error(failure).serialize(&exact).unwrap_or(JsValue::NULL)
            }
        }
    })
}

/// `inspect(input, options)` → the envelope of an `Inspection` whose offsets count UTF-16 code units.
#[wasm_bindgen(js_name = inspect)]
#[must_use]
pub fn js_inspect(input: JsValue, opts: JsValue) -> JsValue {
    respond(string(&input, "input").and_then(|input| {
        let opts = options::<InspectOptions>(&opts, "options", true)?;
        let mut result = inspect(&input, &opts);
        result.offsets_to_utf16(&input);
        Ok(result)
    }))
}

/// `verify(input, keys, options)` → the envelope of a `VerifyResult` whose input offsets count UTF-16 code
/// units. `keys` is text or the bytes of a key file.
#[wasm_bindgen(js_name = verify)]
#[must_use]
pub fn js_verify(input: JsValue, keys: JsValue, opts: JsValue) -> JsValue {
    respond(string(&input, "input").and_then(|input| {
        let keys = text_or_bytes(&keys, "keys")?;
        let opts = options::<VerifyOptions>(&opts, "options", true)?;
        let mut result = verify(&input, keys, &opts);
        result.offsets_to_utf16(&input);
        Ok(result)
    }))
}

/// `parseKeys(keys, options)` → the envelope of a `KeySet`. `keys` is text or the bytes of a key file.
#[wasm_bindgen(js_name = parseKeys)]
#[must_use]
pub fn js_parse_keys(keys: JsValue, opts: JsValue) -> JsValue {
    respond(text_or_bytes(&keys, "keys").and_then(|keys| {
        let opts = options::<KeyOptions>(&opts, "options", true)?;
        Ok(read_keys(&keys, &opts))
    }))
}

/// `describeClaim(name, options)` → the envelope of a `ClaimMeaning`.
#[wasm_bindgen(js_name = describeClaim)]
#[must_use]
pub fn js_describe_claim(name: JsValue, opts: JsValue) -> JsValue {
    respond(string(&name, "name").and_then(|name| {
        let opts = options::<DescribeOptions>(&opts, "options", false)?;
        Ok(describe_claim(&name, &opts))
    }))
}

/// `fetchIssuerKeys(source, options)` → a promise of the envelope of a `KeysFetched`.
#[wasm_bindgen(js_name = fetchIssuerKeys)]
pub async fn js_fetch_issuer_keys(source: JsValue, opts: JsValue) -> JsValue {
    let parsed = string(&source, "source").and_then(|s| Ok((s, options(&opts, "options", true)?)));
    match parsed {
        Ok((source, opts)) => respond::<_>(Ok(fetch::fetch_issuer_keys(&source, &opts).await)),
        Err(failure) => respond::<()>(Err(failure)),
    }
}

/// Every finding code with its severity and description.
#[wasm_bindgen(js_name = codes)]
#[must_use]
pub fn js_codes() -> JsValue {
    respond::<_>(Ok(crate::all_codes()))
}

/// Traps on purpose (a WebAssembly `unreachable`), for the loader's test that a trap is caught, the module
/// re-instantiated, and the API works normally afterwards. Not part of the API.
#[wasm_bindgen(js_name = __jwtlensTestTrap)]
pub fn test_trap() {
    core::arch::wasm32::unreachable()
}
