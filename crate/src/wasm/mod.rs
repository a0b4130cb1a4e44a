//! The WebAssembly binding: the only module that imports `wasm_bindgen` (with its `values` and `fetch` parts).
//!
//! It converts and nothing else. Arguments arrive as JavaScript values: options as objects read with
//! `serde-wasm-bindgen` (an error names the path of the bad field), the evaluation time defaulted from the JavaScript
//! clock (`js-sys`), keys as text or as the bytes of a file. Results leave as JSON text, parsed once by the loader
//! (`js/core.js`; why not objects: `docs/DESIGN.md`, "The platform boundary"). A result is `{"ok": …}` or
//! `{"error": {"code", "message"}}`; the loader throws the latter as a `JwtlensError`.
//!
//! Two modules are built from it: the full one (`full.rs`: verification, keys, signing, the issuer's keys) and, with
//! the `decoder` feature, the decoder-only one (`decoder.rs`), which the page loads first so that a paste is decoded
//! and diagnosed before the signature arithmetic has arrived. The exports here are in both.

#[cfg(feature = "boundary-bench")]
mod bench;
#[cfg(feature = "decoder")]
mod decoder;
#[cfg(not(feature = "decoder"))]
mod fetch;
#[cfg(not(feature = "decoder"))]
mod full;
mod values;

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use self::values::{Failure, list, options, string};
use crate::api::{ClaimName, describe_claims};
use crate::{DescribeOptions, describe_claim};

#[derive(Serialize)]
#[serde(rename_all = "lowercase")]
enum Envelope<T: Serialize> {
    Ok(T),
    Error(Failure),
}

/// The envelope as JSON text, which the loader parses once. Building JS objects instead (serde-wasm-bindgen) was
/// measured a third faster per call, but crashed V8 in Node 20.20 after thousands of calls (`docs/DESIGN.md`).
fn respond<T: Serialize>(result: Result<T, Failure>) -> String {
    let envelope = match result {
        Ok(value) => Envelope::Ok(value),
        Err(failure) => Envelope::Error(failure),
    };
    serde_json::to_string(&envelope).unwrap_or_else(|e| {
        format!(r#"{{"error":{{"code":"ERR_INTERNAL","message":{}}}}}"#, serde_json::Value::from(e.to_string()))
    })
}

/// `describeClaim(name, options)` → the envelope of a `ClaimMeaning`.
#[wasm_bindgen(js_name = describeClaim)]
#[must_use]
pub fn js_describe_claim(name: JsValue, opts: JsValue) -> String {
    respond(string(&name, "name").and_then(|name| {
        let opts = options::<DescribeOptions>(&opts, "options", false)?;
        Ok(describe_claim(&name, &opts))
    }))
}

/// `describeClaims(names, options)` → the envelope of one `ClaimMeaning` per `{ name, part? }`, in order.
#[wasm_bindgen(js_name = describeClaims)]
#[must_use]
pub fn js_describe_claims(names: JsValue, opts: JsValue) -> String {
    respond(list::<ClaimName>(&names, "names").and_then(|names| {
        let opts = options::<DescribeOptions>(&opts, "options", false)?;
        Ok(describe_claims(&names, &opts))
    }))
}

/// `planIssuerKeys(source, options)` → the envelope of a `KeysPlan`: what `fetchIssuerKeys` would request.
#[wasm_bindgen(js_name = planIssuerKeys)]
#[must_use]
pub fn js_plan_issuer_keys(source: JsValue, opts: JsValue) -> String {
    respond(string(&source, "source").and_then(|source| {
        let opts = options(&opts, "options", true)?;
        Ok(crate::api::plan_issuer_keys(&source, &opts))
    }))
}

/// Traps on purpose (a WebAssembly `unreachable`), for the loader's test that a trap is caught, the module
/// re-instantiated, and the API works normally afterwards. Not part of the API.
#[wasm_bindgen(js_name = __jwtlensTestTrap)]
pub fn test_trap() {
    core::arch::wasm32::unreachable()
}
