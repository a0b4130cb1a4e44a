//! Fuzz `inspect` with keys: the input is split at its first NUL byte into the paste and the key text, so every
//! token found is verified with whatever keys were read, and the diagnosis reads the verdicts. The first byte picks
//! the context and the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod options;

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (input, keys) = text.split_once('\0').unwrap_or((text, text));
    let mut options = options::options(first);
    options["keys"] = keys.into();
    let options: jwtlens::InspectOptions = serde_json::from_value(options).expect("options parse");
    let mut result = jwtlens::inspect(input, &options);
    result.offsets_to_utf16(input);
    serde_json::to_string(&result).expect("serializable");
});
