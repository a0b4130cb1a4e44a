//! Fuzz `verify` and `parse_keys`: any token text with any key text must give a result, never a panic. The input
//! is split at its first NUL byte into the token and the key text; the first byte picks the secret encoding.
#![no_main]

use libfuzzer_sys::fuzz_target;

const ENCODINGS: &[&str] = &["utf8", "base64", "base64url", "hex"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (input, keys) = text.split_once('\0').unwrap_or((text, text));
    let encoding = ENCODINGS[usize::from(first) % ENCODINGS.len()];
    let options: jwtlens::VerifyOptions =
        serde_json::from_str(&format!(r#"{{"secretEncoding":"{encoding}","now":1700000000}}"#)).expect("options parse");
    let mut result = jwtlens::verify(input, keys, &options);
    result.offsets_to_utf16(input);
    serde_json::to_string(&result).expect("serializable");
    let set = jwtlens::parse_keys(keys, &jwtlens::KeyOptions::default());
    serde_json::to_string(&set).expect("serializable");
});
