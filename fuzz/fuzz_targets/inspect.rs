//! Fuzz `inspect`: any text, under several contexts and limits, must give a result, never a panic (a panic traps
//! the wasm module for good). The first byte picks the context and the limits, so the diagnosis of every target is
//! fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod options;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let options: jwtlens::InspectOptions = serde_json::from_value(options::options(first)).expect("options parse");
    let mut result = jwtlens::inspect(input, &options);
    result.offsets_to_utf16(input);
    serde_json::to_string(&result).expect("serializable");
});
