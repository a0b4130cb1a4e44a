//! The two ways across the boundary side by side, for `scripts/bench-boundary.mjs` only: built with the
//! `boundary-bench` feature, never in the package. Each pair does the same work but for the crossing.

use serde::Serialize;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::values::options;
use crate::{InspectOptions, inspect};

/// Options read from a JS object (the package's way). Returns a byte of the result so nothing is optimised away.
#[wasm_bindgen(js_name = benchOptionsFromValue)]
#[must_use]
pub fn options_from_value(opts: JsValue) -> u32 {
    options::<InspectOptions>(&opts, "options", true).map_or(0, |o| u32::from(o.expect.is_some()))
}

/// Options read from JSON text (the way before): the caller pays `JSON.stringify`.
#[wasm_bindgen(js_name = benchOptionsFromJson)]
#[must_use]
pub fn options_from_json(text: &str) -> u32 {
    serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|value| crate::typed::read::<InspectOptions>(&value).ok())
        .map_or(0, |o| u32::from(o.expect.is_some()))
}

fn inspected(input: &str, opts: &JsValue) -> Option<crate::Inspection> {
    let opts = options::<InspectOptions>(opts, "options", true).ok()?;
    let mut result = inspect(input, &opts);
    result.offsets_to_utf16(input);
    Some(result)
}

/// The result as JSON text (the package's way): the caller pays `JSON.parse`.
#[wasm_bindgen(js_name = benchResultAsJson)]
#[must_use]
pub fn result_as_json(input: &str, opts: JsValue) -> String {
    inspected(input, &opts).and_then(|r| serde_json::to_string(&r).ok()).unwrap_or_default()
}

/// The result built as JS objects by serde-wasm-bindgen (maps as plain objects, numbers as JSON would have them).
#[wasm_bindgen(js_name = benchResultAsValue)]
#[must_use]
pub fn result_as_value(input: &str, opts: JsValue) -> JsValue {
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    inspected(input, &opts).and_then(|r| r.serialize(&serializer).ok()).unwrap_or(JsValue::NULL)
}

/// `inspect` alone, the result dropped: what both ways above share.
#[wasm_bindgen(js_name = benchInspectOnly)]
#[must_use]
pub fn inspect_only(input: &str, opts: JsValue) -> u32 {
    inspected(input, &opts).map_or(0, |r| u32::try_from(r.tokens.len()).unwrap_or(0))
}

/// The result serialised to JSON text inside wasm and dropped: the serialisation without the crossing.
#[wasm_bindgen(js_name = benchResultJsonInside)]
#[must_use]
pub fn result_json_inside(input: &str, opts: JsValue) -> u32 {
    inspected(input, &opts)
        .and_then(|r| serde_json::to_string(&r).ok())
        .map_or(0, |s| u32::try_from(s.len()).unwrap_or(0))
}
