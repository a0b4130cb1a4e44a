//! Property test: `inspect` never panics and always returns a well-formed result, for arbitrary text and for
//! thousands of mutations of real tokens (a panic in wasm traps and kills the module for the rest of the page's
//! life). Runs on stable Rust in `cargo test`; `PROPTEST_CASES` raises the count for longer runs.

use std::collections::HashMap;

use base64::Engine;
use jwtlens::{Inspection, Severity};
use proptest::prelude::*;

const B64: base64::engine::GeneralPurpose = base64::engine::general_purpose::URL_SAFE_NO_PAD;

fn seeds() -> Vec<String> {
    let enc = |s: &str| B64.encode(s);
    vec![
        // RFC 7515 A.1
        "eyJ0eXAiOiJKV1QiLA0KICJhbGciOiJIUzI1NiJ9.eyJpc3MiOiJqb2UiLA0KICJleHAiOjEzMDA4MTkzODAsDQogImh0dHA6Ly9leGFtcGxlLmNvbS9pc19yb290Ijp0cnVlfQ.dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk".into(),
        format!("{}.{}.", enc(r#"{"alg":"none"}"#), enc(r#"{"sub":"x","exp":1}"#)),
        format!("{}.{}.{}.{}.{}", enc(r#"{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}"#), "abc", "def", "ghi", "jkl"),
        format!("{}.{}.sig", enc(r#"{"alg":"HS256","cty":"JWT"}"#), enc(&format!("{}.{}.x", enc(r#"{"alg":"RS256"}"#), enc("{}")))),
        format!(r#"{{"payload":"{}","signatures":[{{"protected":"{}","signature":"c2ln"}}]}}"#, enc("{}"), enc(r#"{"alg":"ES256"}"#)),
        format!("Authorization: Bearer Bearer \"{}.{}.c2ln\"", enc(r#"{"alg":"RS256","alg":"none"}"#), enc("[1,2]")),
        format!("https://app/cb#id_token={}.{}.x&access_token=a%2Eb%2Ec&state=1", enc(r#"{"alg":"RS256"}"#), enc("{}")),
        format!(r#"{{"id_token":"{0}.{0}.x","access_token":"a.b.c","refresh_token":"r"}}"#, enc(r#"{"a":1}"#)),
        "https://app/cb?code=abc&state=x".into(),
        "ya29.a0AfH6SM".into(),
    ]
}

fn check(input: &str, result: &Inspection) {
    let known: HashMap<&str, Severity> =
        jwtlens::all_codes().into_iter().flat_map(|(_, e)| e).map(|e| (e.code, e.severity)).collect();
    for f in &result.findings {
        assert_eq!(known.get(f.code()), Some(&f.severity), "unknown code or wrong severity: {f:?}");
        assert!(!f.message.is_empty());
        if let Some(loc) = &f.location {
            if let Some(t) = loc.token {
                assert!(t < result.tokens.len(), "{f:?}");
            }
            for o in [loc.start, loc.end].into_iter().flatten() {
                assert!(o <= input.len() && input.is_char_boundary(o), "offset {o} in {input:?}: {f:?}");
            }
            if let (Some(s), Some(e)) = (loc.start, loc.end) {
                assert!(s <= e, "{f:?}");
            }
        }
    }
    for t in &result.tokens {
        for s in &t.segments {
            assert!(s.start <= s.end && s.end <= input.len() && input.is_char_boundary(s.start), "{s:?}");
        }
    }
    let json = serde_json::to_string(result).unwrap();
    assert!(json.starts_with('{'));
    let mut utf16 = result.clone();
    utf16.offsets_to_utf16(input);
}

fn mutate(seed: &str, edits: &[(usize, u8, char)]) -> String {
    let mut chars: Vec<char> = seed.chars().collect();
    for &(pos, op, c) in edits {
        let at = if chars.is_empty() { 0 } else { pos % (chars.len() + 1) };
        match op % 4 {
            0 => chars.insert(at, c),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 if at < chars.len() => chars[at] = c,
            _ => chars.truncate(at),
        }
    }
    chars.into_iter().collect()
}

fn interesting() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec!['.', '=', '+', '/', '%', '"', '\'', ' ', '\n', '{', '}', '[', ':', ',', '\\', '&', '#', '?', 'A', '-', '_', '“', 'é', '\u{0}']),
        any::<char>(),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 10_000, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(input in any::<String>()) {
        let result = jwtlens::inspect(&input, &Default::default());
        check(&input, &result);
    }

    #[test]
    fn mutated_tokens(seed in prop::sample::select(seeds()), edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 1..6)) {
        let input = mutate(&seed, &edits);
        let result = jwtlens::inspect(&input, &Default::default());
        check(&input, &result);
    }

    #[test]
    fn arbitrary_segments(header in prop::collection::vec(any::<u8>(), 0..64), payload in prop::collection::vec(any::<u8>(), 0..64), parts in 1usize..7, json_header in "[ -~]{0,40}") {
        let h = if json_header.len() % 2 == 0 { B64.encode(&header) } else { B64.encode(format!("{{\"alg\":\"RS256\",{json_header}}}")) };
        let segments: Vec<String> = (0..parts).map(|i| if i == 0 { h.clone() } else { B64.encode(&payload) }).collect();
        let input = segments.join(".");
        let result = jwtlens::inspect(&input, &Default::default());
        check(&input, &result);
    }
}

#[test]
fn seeds_are_checked_too() {
    let seeds = seeds();
    for seed in &seeds {
        check(seed, &jwtlens::inspect(seed, &Default::default()));
    }
    assert_eq!(seeds.len(), 10);
}
