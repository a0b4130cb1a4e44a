//! Fuzz `parse_keys`: any key text (JWK, JWKS, PEM, DER, secrets in every encoding) must give a key set, never a
//! panic. The first byte picks the secret encoding and the limits.
#![no_main]

use libfuzzer_sys::fuzz_target;

mod options;

const ENCODINGS: &[&str] = &["utf8", "base64", "base64url", "hex"];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let selector = usize::from(first);
    let options = format!(
        r#"{{"secretEncoding":"{}","now":1700000000,"limits":{}}}"#,
        ENCODINGS[selector % ENCODINGS.len()],
        options::LIMITS[(selector / ENCODINGS.len()) % options::LIMITS.len()]
    );
    let options: jwtlens::KeyOptions = serde_json::from_str(&options).expect("options parse");
    let set = jwtlens::parse_keys(text, &options);
    serde_json::to_string(&set).expect("serializable");
});
