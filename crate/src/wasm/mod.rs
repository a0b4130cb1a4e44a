//! The WebAssembly binding: the only module that imports `wasm_bindgen` (with its `values` and `fetch` parts).
//!
//! It converts and nothing else. Arguments arrive as JavaScript values: options as objects read with
//! `serde-wasm-bindgen` (an error names the path of the bad field), the evaluation time defaulted from the JavaScript
//! clock (`js-sys`), keys as text or as the bytes of a file. Results leave as JSON text, parsed once by the loader
//! (`js/core.js`; why not objects: `docs/DESIGN.md`, "The platform boundary"). A result is `{"ok": …}` or
//! `{"error": {"code", "message"}}`; the loader throws the latter as a `JwtlensError`.

#[cfg(feature = "boundary-bench")]
mod bench;
mod fetch;
mod values;

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use self::values::{Failure, options, string, text_or_bytes};
use crate::api::GenerateError;
use crate::keys::{KeyOptions, read_keys};
use crate::sign::SignOptions;
use crate::verify::VerifyOptions;
use crate::{Algorithm, DescribeOptions, InspectOptions, describe_claim, generate_key, inspect, sign, verify};

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

/// `inspect(input, options)` → the envelope of an `Inspection` whose offsets count UTF-16 code units.
#[wasm_bindgen(js_name = inspect)]
#[must_use]
pub fn js_inspect(input: JsValue, opts: JsValue) -> String {
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
pub fn js_verify(input: JsValue, keys: JsValue, opts: JsValue) -> String {
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
pub fn js_parse_keys(keys: JsValue, opts: JsValue) -> String {
    respond(text_or_bytes(&keys, "keys").and_then(|keys| {
        let opts = options::<KeyOptions>(&opts, "options", true)?;
        Ok(read_keys(&keys, &opts))
    }))
}

/// `sign(payload, key, options)` → the envelope of a `Signing` (its findings carry JSON lines and columns, no input
/// offsets). The payload is JSON text, signed byte for byte, or an object, written with `JSON.stringify`; `now` for
/// `iat` and `expiresIn` is the JavaScript clock unless given.
#[wasm_bindgen(js_name = sign)]
#[must_use]
pub fn js_sign(payload: JsValue, key: JsValue, opts: JsValue) -> String {
    respond(values::json_text(&payload, "payload").and_then(|payload| {
        let key = string(&key, "key")?;
        let opts = options::<SignOptions>(&opts, "options", true)?;
        Ok(sign(&payload, &key, &opts))
    }))
}

/// `generateKey(alg)` → the envelope of a `GeneratedKey`.
#[wasm_bindgen(js_name = generateKey)]
#[must_use]
pub fn js_generate_key(alg: JsValue) -> String {
    let parsed = string(&alg, "alg").and_then(|name| {
        Algorithm::from_name(&name).ok_or_else(|| {
            let names: Vec<&str> = Algorithm::ALL.iter().map(|a| a.name()).collect();
            Failure::argument(format!("alg must be one of {}, got {name:?}", names.join(", ")))
        })
    });
    respond(parsed.and_then(|alg| {
        generate_key(alg).map_err(|e| Failure {
            code: if e == GenerateError::NoRandomness { "ERR_NO_RANDOMNESS" } else { "ERR_INTERNAL" },
            message: e.to_string(),
        })
    }))
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

/// `planIssuerKeys(source, options)` → the envelope of a `KeysPlan`: what `fetchIssuerKeys` would request.
#[wasm_bindgen(js_name = planIssuerKeys)]
#[must_use]
pub fn js_plan_issuer_keys(source: JsValue, opts: JsValue) -> String {
    respond(string(&source, "source").and_then(|source| {
        let opts = options(&opts, "options", true)?;
        Ok(crate::api::plan_issuer_keys(&source, &opts))
    }))
}

/// `fetchIssuerKeys(source, options)` → a promise of the envelope of a `KeysFetched`.
#[wasm_bindgen(js_name = fetchIssuerKeys)]
pub async fn js_fetch_issuer_keys(source: JsValue, opts: JsValue) -> String {
    let parsed = string(&source, "source").and_then(|s| Ok((s, options(&opts, "options", true)?)));
    match parsed {
        Ok((source, opts)) => respond::<_>(Ok(fetch::fetch_issuer_keys(&source, &opts).await)),
        Err(failure) => respond::<()>(Err(failure)),
    }
}

/// `createVerifier(options)`: keys read once and kept in the module's memory. A misuse throws the error envelope
/// (its JSON text).
#[wasm_bindgen(js_name = Verifier)]
pub struct JsVerifier {
    inner: crate::api::Verifier,
}

#[wasm_bindgen(js_class = Verifier)]
impl JsVerifier {
    /// Reads the keys of `options` (which must hold `keys`).
    ///
    /// # Errors
    /// The error envelope, for options that are not an object or a bad field.
    #[wasm_bindgen(constructor)]
    pub fn new(opts: JsValue) -> Result<JsVerifier, JsValue> {
        if opts.is_undefined() || opts.is_null() {
            return Err(JsValue::from(respond::<()>(Err(Failure::argument(
                "options must be an object with keys".to_owned(),
            )))));
        }
        match options::<crate::api::VerifierOptions>(&opts, "options", true) {
            Ok(opts) => Ok(JsVerifier { inner: crate::api::Verifier::new(opts) }),
            Err(failure) => Err(JsValue::from(respond::<()>(Err(failure)))),
        }
    }

    /// The envelope of the `KeySet` read at creation.
    #[must_use]
    pub fn keys(&self) -> String {
        respond::<_>(Ok(self.inner.keys()))
    }

    /// The envelope of a `Verification` of `input` (UTF-16 offsets).
    #[must_use]
    pub fn verify(&self, input: JsValue, opts: JsValue) -> String {
        respond(string(&input, "input").and_then(|input| {
            let call = options::<crate::api::VerifierCall>(&opts, "options", true)?;
            let mut result = self.inner.verify(&input, call);
            crate::finding::map_offsets(&mut result.findings, &crate::spanned::utf16_offsets(&input));
            Ok(result)
        }))
    }

    /// The envelope of an `Inspection` of `input` (UTF-16 offsets).
    #[must_use]
    pub fn inspect(&self, input: JsValue, opts: JsValue) -> String {
        respond(string(&input, "input").and_then(|input| {
            let call = options::<crate::api::VerifierCall>(&opts, "options", true)?;
            let mut result = self.inner.inspect(&input, &call);
            result.offsets_to_utf16(&input);
            Ok(result)
        }))
    }
}

/// Every finding code with its severity and description.
#[wasm_bindgen(js_name = codes)]
#[must_use]
pub fn js_codes() -> String {
    respond::<_>(Ok(crate::all_codes()))
}

/// Traps on purpose (a WebAssembly `unreachable`), for the loader's test that a trap is caught, the module
/// re-instantiated, and the API works normally afterwards. Not part of the API.
#[wasm_bindgen(js_name = __jwtlensTestTrap)]
pub fn test_trap() {
    core::arch::wasm32::unreachable()
}
