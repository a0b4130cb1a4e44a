//! Fuzz `verify`: any token text with any key text must give a result, never a panic. The input is split at its
//! first NUL byte into the token and the key text; the first byte picks the secret encoding, the token and
//! signature selected, and the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod options;

const ENCODINGS: &[&str] = &["utf8", "base64", "base64url", "hex"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let (input, keys) = text.split_once('\0').unwrap_or((text, text));
    let selector = usize::from(first);
    let limits = &options::LIMITS[selector % options::LIMITS.len()];
    let options = format!(
        r#"{{"secretEncoding":"{}","now":1700000000,"token":{},"signature":{},"limits":{limits}}}"#,
        ENCODINGS[(selector / 3) % ENCODINGS.len()],
        (selector / 12) % 2,
        if selector >= 128 { "1" } else { "null" },
    );
    let options: jwtlens::VerifyOptions = serde_json::from_str(&options).expect("options parse");
    let mut result = jwtlens::verify(input, keys, &options);
    result.offsets_to_utf16(input);
    serde_json::to_string(&result).expect("serializable");
});
