//! The decoder-only module's `inspect`: decoding and diagnosis without keys, which the page loads first (a third of
//! the full module's size). Keys, verification, signing and fetching are in the full module only.

use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

use super::respond;
use super::values::{Failure, Paste, options};
use crate::InspectOptions;
use crate::api::inspect_unverified;

/// `inspect(input, options)` without keys → the envelope of an `Inspection` (UTF-16 offsets). Keys in the options
/// are refused: the full module verifies.
#[wasm_bindgen(js_name = inspect)]
#[must_use]
pub fn js_inspect(input: JsValue, opts: JsValue) -> String {
    respond(Paste::check(&input, "input").and_then(|()| {
        let opts = options::<InspectOptions>(&opts, "options", true)?;
        if opts.keys.is_some() {
            return Err(Failure::options(
                "options.keys: this decoder-only module does not verify; the full module does".to_owned(),
            ));
        }
        let input = Paste::take(&input, "input", &opts.limits)?;
        let mut result = inspect_unverified(input.pasted(), &opts);
        result.offsets_to_utf16(input.text());
        Ok(result)
    }))
}
