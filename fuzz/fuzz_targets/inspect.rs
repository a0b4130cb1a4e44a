//! Fuzz `inspect`: any text must give a result, never a panic (a panic traps the wasm module for good).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|input: &str| {
    let mut result = jwtlens::inspect(input, &jwtlens::InspectOptions::default());
    result.offsets_to_utf16(input);
    let _ = serde_json_len(&result);
});

fn serde_json_len(result: &jwtlens::Inspection) -> usize {
    format!("{result:?}").len()
}
