//! Fuzz `sign`: any payload, header and key text must give a result, never a panic. The input is split at NUL
//! bytes into the payload, the header and the key text; the first byte picks the algorithm option.
#![no_main]

use libfuzzer_sys::fuzz_target;

const ALGS: &[Option<&str>] =
    &[None, Some("none"), Some("HS256"), Some("RS256"), Some("PS512"), Some("ES256"), Some("ES512"), Some("EdDSA")];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(text) = std::str::from_utf8(rest) else { return };
    let mut parts = text.splitn(3, '\0');
    let (payload, header, key) = (parts.next().unwrap_or(""), parts.next(), parts.next().unwrap_or(""));
    let options = jwtlens::SignOptions {
        header: header.map(|h| jwtlens::sign::JsonText::Text(h.to_owned())),
        alg: ALGS[usize::from(first) % ALGS.len()].map(str::to_owned),
        iat: (first & 0x80 != 0).then_some(jwtlens::sign::Iat::Now),
        expires_in: (first & 0x40 != 0).then_some(60.0),
        now: Some(1_700_000_000.0),
        ..jwtlens::SignOptions::default()
    };
    let result = jwtlens::sign(payload, key, &options);
    serde_json::to_string(&result).expect("serializable");
});
