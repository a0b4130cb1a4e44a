//! Property test: `inspect` never panics and always returns a well-formed result, for arbitrary text and for
//! thousands of mutations of real tokens and of an API Gateway header value (a panic in wasm traps and kills the
//! module for the rest of the page's life); nor does `sign`, for arbitrary and mutated payload, header and key text. Runs on stable Rust in `cargo test`; `PROPTEST_CASES` raises the count
//! for longer runs.

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

/// Option presets, so the diagnosis runs every target and expectation on the same inputs.
fn presets() -> Vec<jwtlens::InspectOptions> {
    let presets = [
        r#"{}"#,
        r#"{"now": 1700000000, "clockSkew": 30}"#,
        r#"{"now": 1700000000, "expect": {"userPoolId": "us-east-1_AbC123", "clientId": "abc", "tokenUse": "id", "scopes": ["a"], "groups": ["g"], "nonce": "n", "accessToken": "a.b.c", "audience": ["x", "y"]}, "target": {"kind": "cognitoApi", "operation": "GetUser"}}"#,
        r#"{"now": 1e12, "expect": {"userPoolArn": "arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_X", "region": "eu-west-1"}, "target": {"kind": "apiGatewayRest", "providerArns": ["arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_AbC123", "bogus"], "scopes": ["s/a"], "identityValidationExpression": "^(abc|[", "headerValue": "Bearer Bearer \"x.y.z\" "}}"#,
        r#"{"now": -5, "target": {"kind": "apiGatewayRest", "providerArns": [], "identityValidationExpression": "^a.*$", "headerValue": ""}}"#,
        r#"{"now": 1700000000, "expect": {"issuer": "https://login.microsoftonline.com/t/v2.0"}, "target": {"kind": "apiGatewayHttp", "issuer": "https://x/", "audiences": ["abc"], "scopes": ["read"]}}"#,
        r#"{"now": 1700000000, "target": {"kind": "oidc", "issuer": "https://accounts.google.com", "clientId": "abc"}}"#,
    ];
    presets.iter().map(|p| serde_json::from_str(p).unwrap()).collect()
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

fn claim_value() -> impl Strategy<Value = serde_json::Value> {
    use serde_json::{Value, json};
    prop_oneof![
        prop::sample::select(vec![
            json!("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123"),
            json!("https://cognito-idp.eu-west-1.amazonaws.com/us-east-1_AbC123/"),
            json!("http://localhost:9229/local_abc"),
            json!("https://sts.windows.net/t/"),
            json!("https://login.microsoftonline.com/t/v2.0"),
            json!("https://x.auth0.com/"),
            json!("https://securetoken.google.com/p"),
            json!("accounts.google.com"),
            json!("https://kc/auth/realms/r"),
            json!("id"),
            json!("access"),
            json!("aws.cognito.signin.user.admin openid"),
            json!(["a", 1, null]),
            json!(1.7e9),
            json!(1.7e12),
            json!(-1),
            json!(1e308),
            json!(f64::MAX),
            json!(u64::MAX),
            json!(i64::MIN),
            json!(""),
            json!({}),
        ]),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        "[ -~]{0,20}".prop_map(Value::from),
    ]
}

fn interesting() -> impl Strategy<Value = char> {
    prop_oneof![
        prop::sample::select(vec![
            '.', '=', '+', '/', '%', '"', '\'', ' ', '\n', '{', '}', '[', ':', ',', '\\', '&', '#', '?', 'A', '-', '_',
            '“', 'é', '\u{0}'
        ]),
        any::<char>(),
    ]
}

/// Keys to sign with, generated once: a secret, private keys of every family, and a public key.
fn sign_keys() -> &'static [String] {
    static KEYS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    KEYS.get_or_init(|| {
        let generated = |alg| jwtlens::generate_key(alg).unwrap();
        let (rsa, ec, ed, p521) = (
            generated(jwtlens::Algorithm::Ps256),
            generated(jwtlens::Algorithm::Es256),
            generated(jwtlens::Algorithm::EdDsa),
            generated(jwtlens::Algorithm::Es512),
        );
        vec![
            "a-string-secret-at-least-256-bits-long".to_owned(),
            "short".to_owned(),
            rsa.private_pem.unwrap(),
            serde_json::to_string(&ec.private_jwk).unwrap(),
            ec.private_pem.unwrap(),
            serde_json::to_string(&ed.private_jwk).unwrap(),
            p521.private_pem.unwrap(),
            format!(
                r#"{{"keys":[{},{}]}}"#,
                serde_json::to_string(&ed.public_jwk).unwrap(),
                serde_json::to_string(&ec.private_jwk).unwrap()
            ),
            ed.public_pem.unwrap(),
            String::new(),
        ]
    })
}

fn sign_presets() -> Vec<jwtlens::SignOptions> {
    let presets = [
        r#"{}"#,
        r#"{"alg": "none"}"#,
        r#"{"alg": "HS512", "typ": "JWT", "kid": true}"#,
        r#"{"alg": "PS512", "kid": "k", "iat": "now", "expiresIn": 3600, "now": 1700000000.5}"#,
        r#"{"alg": "ES256", "header": {"typ": "JWT", "kid": "x"}, "expiresIn": -1e300, "now": 1e300}"#,
        r#"{"alg": "EdDSA", "iat": "now"}"#,
        r#"{"alg": "Ed25519", "header": "{\n  \"b64\": true\n}", "secretEncoding": "hex"}"#,
    ];
    presets.iter().map(|p| serde_json::from_str(p).unwrap()).collect()
}

fn sign_payloads() -> Vec<String> {
    vec![
        r#"{"sub":"1","iat":1,"n":12345678901234567890,"f":1.50}"#.to_owned(),
        "{\n  \"sub\": \"1\",\n  \"nested\": {\"a\": [1, \"}\", {\"b\": null}]}\n}".to_owned(),
        r#"{"a":1,"a":2,"\u0069at":"x"}"#.to_owned(),
        "Example of Ed25519 signing".to_owned(),
        "[]".to_owned(),
        String::new(),
    ]
}

fn check_signing(result: &jwtlens::Signing) {
    let known: HashMap<&str, Severity> =
        jwtlens::all_codes().into_iter().flat_map(|(_, e)| e).map(|e| (e.code, e.severity)).collect();
    for f in &result.findings {
        assert_eq!(known.get(f.code()), Some(&f.severity), "unknown code or wrong severity: {f:?}");
    }
    if let Some(token) = &result.token {
        assert!(
            !result.findings.iter().any(|f| f.severity == Severity::Error && f.code().starts_with("SIGN_")),
            "{result:?}"
        );
        let segments: Vec<&str> = token.split('.').collect();
        assert_eq!(segments.len(), 3, "{token}");
        assert_eq!(B64.decode(segments[0]).unwrap(), result.header.as_bytes());
        assert_eq!(B64.decode(segments[1]).unwrap(), result.payload.as_bytes());
    }
    assert!(serde_json::to_string(result).unwrap().starts_with('{'));
}

/// Cases per strategy: 10,000, or `PROPTEST_CASES` for longer runs.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(10_000)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text(input in any::<String>(), preset in prop::sample::select(presets())) {
        let result = jwtlens::inspect(&input, &preset);
        check(&input, &result);
    }

    #[test]
    fn mutated_tokens(seed in prop::sample::select(seeds()), edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 1..6), preset in prop::sample::select(presets())) {
        let input = mutate(&seed, &edits);
        let result = jwtlens::inspect(&input, &preset);
        check(&input, &result);
    }

    #[test]
    fn mutated_claims(claims in prop::collection::vec((prop::sample::select(vec!["iss", "aud", "exp", "nbf", "iat", "scope", "scp", "token_use", "client_id", "azp", "nonce", "at_hash", "cognito:groups", "typ", "sub", "auth_time", "roles", "ver", "tid", "cid", "firebase"]), claim_value()), 0..10), preset in prop::sample::select(presets())) {
        let payload: serde_json::Map<String, serde_json::Value> = claims.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        let input = format!("{}.{}.c2ln", B64.encode(r#"{"alg":"RS256","kid":"k"}"#), B64.encode(serde_json::Value::Object(payload).to_string()));
        let result = jwtlens::inspect(&input, &preset);
        check(&input, &result);
    }

    /// The REST authorizer reads the header value as given (paste, then decode): arbitrary damage to it too.
    #[test]
    fn mutated_header_values(seed in prop::sample::select(seeds()), edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 1..6)) {
        let header_value = mutate(&seed, &edits);
        let options = serde_json::json!({ "now": 1_700_000_000, "target": { "kind": "apiGatewayRest", "providerArns": [], "headerValue": header_value } });
        let options: jwtlens::InspectOptions = serde_json::from_value(options).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let result = jwtlens::inspect(&seed, &options);
        check(&seed, &result);
        prop_assert_eq!(result.verdict.is_some(), !result.tokens.is_empty());
    }

    /// Payload, header and key text, each a seed damaged or arbitrary, signed with every option preset.
    #[test]
    fn signing(payload in prop::sample::select(sign_payloads()), payload_edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 0..4), header in prop::option::of(prop_oneof!["[ -~]{0,30}".prop_map(|h| format!("{{\"typ\":\"JWT\",{h}}}")), any::<String>()]), key in prop::sample::select(sign_keys()), key_edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 0..3), preset in prop::sample::select(sign_presets())) {
        let payload = mutate(&payload, &payload_edits);
        let key = if key_edits.len() == 2 { mutate(&key, &key_edits) } else { key };
        let mut options = preset;
        if let Some(header) = header {
            options.header = Some(jwtlens::sign::JsonText::Text(header));
        }
        check_signing(&jwtlens::sign(&payload, &key, &options));
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
        for preset in presets() {
            check(seed, &jwtlens::inspect(seed, &preset));
        }
    }
    assert_eq!(seeds.len(), 10);
    assert_eq!(presets().len(), 7);
    // The signing strategy signs for real: undamaged, every private key and secret makes a token.
    let mut signed = 0;
    for key in sign_keys() {
        for preset in sign_presets() {
            let result = jwtlens::sign(&sign_payloads()[0], key, &preset);
            check_signing(&result);
            signed += usize::from(result.token.is_some());
        }
    }
    assert_eq!((sign_keys().len(), sign_presets().len(), sign_payloads().len()), (10, 7, 6));
    assert!(signed >= 14, "only {signed} tokens");
}
