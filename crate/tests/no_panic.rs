//! Property test: every entry point never panics and always returns a well-formed result (a panic in wasm traps and
//! kills the module for the rest of the page's life), in bounded time and memory.
//!
//! - `inspect` gets arbitrary text and thousands of mutations of real tokens and of an API Gateway header value;
//! - `sign` gets arbitrary and mutated payload, header and key text;
//! - every entry point (`inspect` with keys and targets, `verify`, `parse_keys`) gets token-shaped input up to tens
//!   of KB built by generators: pastes of many tokens, payloads of many members, deep JSON, JWS JSON
//!   serializations of many signatures, key sets of many keys, valid signatures among them — under the default
//!   limits and under small random ones, so that every limit is reached. Each of these calls is measured: its
//!   time, and the bytes it allocates (a counting allocator in this test binary), must stay within a bound linear
//!   in the input: the quadratic and out-of-memory cases of issue 16 fail it.
//!
//! Runs on stable Rust in `cargo test`; `PROPTEST_CASES` raises the count for longer runs (the token-shaped
//! strategies run a tenth of it: their inputs are large).

mod common;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use base64::Engine;
use jwtlens::{Finding, Inspection, KeyOptions, Limits, Severity, VerifyOptions};
use proptest::prelude::*;
use serde_json::{Value, json};

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
        // SD-JWT (RFC 9901 §5.2, with key binding) and DPoP (RFC 9449 §4.1, as a request; a nonce challenge).
        proof_vector("rfc9901.json", "/presentations/1/presentation"),
        format!("POST /token HTTP/1.1\r\nHost: server.example.com\r\nAuthorization: DPoP a.b.c\r\nDPoP: {}\r\n", proof_vector("rfc9449.json", "/proofs/0/proof")),
        "HTTP/1.1 401\nWWW-Authenticate: DPoP error=\"use_dpop_nonce\"\nDPoP-Nonce: n\n".into(),
    ]
}

fn proof_vector(file: &str, pointer: &str) -> String {
    let path = format!("{}/../tests/vectors/{file}", env!("CARGO_MANIFEST_DIR"));
    let value: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    value.pointer(pointer).and_then(Value::as_str).unwrap().to_owned()
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
        r#"{"now": 1748537244, "expect": {"nonce": "1234567890", "audience": "https://verifier.example.org"}, "sdJwt": {"keyBinding": true, "maxAge": 1}, "dpop": {"proof": "eyJhbGciOiJFUzI1NiJ9.e30.c2ln~x", "method": "GET", "url": "https://[::1]:443", "nonce": "n", "maxAge": -1}}"#,
        r#"{"now": 1700000000, "target": {"kind": "resourceServer", "issuers": ["https://x", ""], "audiences": ["a"], "scopes": ["r"], "roles": ["admin", "c:r"], "clients": ["c"], "requireAtJwt": true}}"#,
        r#"{"now": 1700000000, "target": {"kind": "entraApi", "tenantId": "t", "clientId": "c", "audience": "api://x", "scopes": ["s"], "appRoles": ["r"], "clients": ["w"]}}"#,
        r#"{"now": 1700000000, "target": {"kind": "auth0Api", "domain": "https://d.auth0.com/", "audience": "a", "scopes": ["s"], "permissions": ["p"], "signingAlg": "HS256"}}"#,
        r#"{"now": 1700000000, "target": {"kind": "oktaApi", "issuer": "https://o.okta.com", "audience": "api://default", "clients": ["c"], "scopes": ["s"]}}"#,
        r#"{"now": 1700000000, "target": {"kind": "keycloakApi", "realmUrl": "https://k/realms/r", "audience": "a", "clients": ["c"], "roles": ["r"], "scopes": ["s"]}}"#,
        r#"{"now": 1700000000, "target": {"kind": "googleIdToken", "audiences": ["a"], "hostedDomain": "example.com"}}"#,
        r#"{"now": 1700000000, "target": {"kind": "firebaseIdToken", "projectId": "p"}}"#,
        r#"{"now": 1700000000, "target": {"kind": "albOidc", "albArn": "arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app/x/y", "clientId": "c", "issuer": "https://i"}}"#,
        r#"{"now": null, "target": {"kind": "albJwt", "issuer": "https://i", "jwksEndpoint": "https://i/k", "claims": ["scope=a b", "=", "x"]}}"#,
    ];
    presets.iter().map(|p| serde_json::from_str(p).unwrap()).collect()
}

/// Every finding has a known code with its severity and a message; offsets are ordered character boundaries of the
/// input; token indexes are below `tokens`.
fn check_findings(input: &str, findings: &[Finding], tokens: usize) {
    static KNOWN: OnceLock<HashMap<&'static str, Severity>> = OnceLock::new();
    let known = KNOWN
        .get_or_init(|| jwtlens::all_codes().into_iter().flat_map(|(_, e)| e).map(|e| (e.code, e.severity)).collect());
    for f in findings {
        assert_eq!(known.get(f.code()), Some(&f.severity), "unknown code or wrong severity: {f:?}");
        assert!(!f.message.is_empty());
        if let Some(loc) = &f.location {
            if let Some(t) = loc.token {
                assert!(t < tokens.max(1), "{f:?}");
            }
            for o in [loc.start, loc.end].into_iter().flatten() {
                assert!(o <= input.len() && input.is_char_boundary(o), "offset {o}: {f:?}");
            }
            if let (Some(s), Some(e)) = (loc.start, loc.end) {
                assert!(s <= e, "{f:?}");
            }
        }
    }
}

fn check(input: &str, result: &Inspection) {
    check_findings(input, &result.findings, result.tokens.len());
    for v in &result.verifications {
        check_findings(input, &v.findings, result.tokens.len());
    }
    for t in &result.tokens {
        for s in &t.segments {
            assert!(s.start <= s.end && s.end <= input.len() && input.is_char_boundary(s.start), "{s:?}");
        }
    }
    check_service_errors(input, None, result);
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

/// Every recognised service message is the text at its offsets, in the paste or in the `serviceError` option, and
/// names a catalogue entry, an existing token and known finding codes.
fn check_service_errors(input: &str, option: Option<&str>, result: &Inspection) {
    for e in &result.service_errors {
        let text = match serde_json::to_value(e.input).unwrap().as_str().unwrap() {
            "paste" => input,
            _ => match option {
                Some(option) => option,
                None => continue,
            },
        };
        assert!(e.start <= e.end && text.get(e.start..e.end) == Some(e.text.as_str()), "{e:?}");
        assert!(jwtlens::service_error::catalogue::ENTRIES.iter().any(|c| c.id == e.id), "{e:?}");
        assert!(e.token.is_none_or(|t| t < result.tokens.len()), "{e:?}");
        assert!(!e.agreement_detail.is_empty() && !e.meaning.is_empty(), "{e:?}");
    }
}

/// The real service messages of the catalogue's samples, to damage and mix with tokens.
fn error_samples() -> Vec<String> {
    let path = format!("{}/../tests/cases/service-errors.json", env!("CARGO_MANIFEST_DIR"));
    let file: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    let samples: Vec<String> =
        file["samples"].as_array().unwrap().iter().map(|s| s["sample"].as_str().unwrap().to_owned()).collect();
    assert!(samples.len() >= 200, "{} samples", samples.len());
    samples
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// A service message (damaged) before or after a token seed, or apart in the `serviceError` option.
    #[test]
    fn mutated_service_errors(sample in prop::sample::select(error_samples()), seed in prop::sample::select(seeds()), edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 0..6), mix in 0u8..3, preset in prop::sample::select(presets())) {
        let message = mutate(&sample, &edits);
        let (input, option) = match mix {
            0 => (format!("{seed}\n{message}"), None),
            1 => (format!("{message}\r\n\r\n{seed}"), None),
            _ => (seed.clone(), Some(message.clone())),
        };
        let options = jwtlens::InspectOptions { service_error: option.clone(), ..preset };
        let result = jwtlens::inspect(&input, &options);
        check(&input, &result);
        check_service_errors(&input, option.as_deref(), &result);
        let mut utf16 = result.clone();
        utf16.offsets_to_utf16(&input);
    }

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

    /// The SD-JWT and DPoP encoders with damaged payloads, claim names, methods and URLs.
    #[test]
    fn proof_encoders(payload in prop::sample::select(sign_payloads()), edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 0..4), names in prop::collection::vec(prop::sample::select(vec!["sub", "iss", "_sd", "...", "cnf", "x", ""]), 0..4), decoys in 0usize..5, method in any::<String>(), url in prop_oneof!["https://[ -~]{0,20}", any::<String>()], key in prop::sample::select(sign_keys())) {
        let payload = mutate(&payload, &edits);
        let options: jwtlens::SdJwtSignOptions = serde_json::from_value(json!({ "disclose": names, "decoys": decoys, "now": 1_700_000_000 })).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let made = jwtlens::sign_sd_jwt(&payload, &key, Some(&key), &options);
        check_signing(&made.issuer);
        if let Some(token) = &made.token {
            check(token, &jwtlens::inspect(token.as_str(), &presets()[1]));
        }
        let proof = jwtlens::dpop_proof(&key, &jwtlens::DpopProofOptions { method: Some(method), url: Some(url), access_token: Some(payload), now: Some(1e9), ..Default::default() });
        check_signing(&proof);
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
    assert_eq!(seeds.len(), 13);
    assert_eq!(presets().len(), 17);
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

// Measuring each call: its time, and the most bytes it holds allocated at once. Counted per thread, since proptest
// runs the tests of this binary on several threads at once.

struct Counting;

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
    static PEAK: Cell<isize> = const { Cell::new(0) };
}

fn note(delta: isize) {
    let _ = LIVE.try_with(|live| {
        let now = live.get() + delta;
        live.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn signed(size: usize) -> isize {
    isize::try_from(size).unwrap_or(isize::MAX)
}

// SAFETY: every method forwards to the system allocator with the arguments it received, and only counts sizes.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let ptr = unsafe { System.alloc(layout) };
        if !ptr.is_null() {
            note(signed(layout.size()));
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let ptr = unsafe { System.alloc_zeroed(layout) };
        if !ptr.is_null() {
            note(signed(layout.size()));
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: forwarded unchanged.
        unsafe { System.dealloc(ptr, layout) };
        note(-signed(layout.size()));
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        // SAFETY: forwarded unchanged.
        let new = unsafe { System.realloc(ptr, layout, new_size) };
        if !new.is_null() {
            note(signed(new_size) - signed(layout.size()));
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Runs `f`; returns its result, its time, and the most bytes it held allocated at once (its result included).
fn measured<T>(f: impl FnOnce() -> T) -> (T, Duration, usize) {
    let base = LIVE.with(Cell::get);
    PEAK.with(|peak| peak.set(base));
    let start = Instant::now();
    let out = f();
    let elapsed = start.elapsed();
    let peak = usize::try_from(PEAK.with(Cell::get) - base).unwrap_or(0);
    (out, elapsed, peak)
}

/// The bound every call must stay within, linear in the bytes it was given. Calibrated on this unoptimised test
/// build (`JWTLENS_COSTS=1` prints the figures): the most any of 6,000 generated cases held was 245 bytes per input
/// byte — 600 tiny tokens of 80 bytes, each fully diagnosed and verified (about 20 KB of result per token) — while
/// memory per token times the findings of the whole paste (issue 16) held 4,000 per byte for 44 KB. The time bound
/// is loose, for shared machines: it catches runaway work, not a slow step.
fn within_bounds(what: &str, bytes: usize, elapsed: Duration, peak: usize) {
    const BYTES_PER_INPUT_BYTE: usize = 400;
    const BYTES_BASE: usize = 2 << 20;
    let time = Duration::from_secs(3) + Duration::from_micros(100) * u32::try_from(bytes).unwrap_or(u32::MAX);
    if std::env::var_os("JWTLENS_COSTS").is_some() {
        println!(
            "{what}: {bytes} bytes in, {peak} bytes peak ({:.0}/byte), {elapsed:?}",
            peak as f64 / bytes.max(1) as f64
        );
    }
    assert!(peak <= BYTES_BASE + BYTES_PER_INPUT_BYTE * bytes, "{what}: {peak} bytes held for {bytes} bytes of input");
    assert!(elapsed <= time, "{what}: {elapsed:?} for {bytes} bytes of input");
}

// Token-shaped generators: headers, payloads and signatures as issuers and attackers write them, pastes of several
// tokens, JWS JSON serializations, key sets, and limits small enough to be reached.

const SECRET: &str = "a-string-secret-at-least-256-bits-long";
const PANVA: [(&str, &str); 5] =
    [("RSA", "RS256"), ("P256", "ES256"), ("P384", "ES384"), ("P521", "ES512"), ("Ed25519", "EdDSA")];

/// Keys of the panva/jose fixtures, each with a token it really signed (header `kid` = the key's name).
struct Fixtures {
    jwks: Vec<Value>,
    spkis: Vec<String>,
    tokens: Vec<String>,
}

fn fixtures() -> &'static Fixtures {
    static FIXTURES: OnceLock<Fixtures> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let all = common::vectors("peer-fixtures/panva-jose/keys.json");
        let mut fixtures = Fixtures { jwks: Vec::new(), spkis: Vec::new(), tokens: Vec::new() };
        for (name, alg) in PANVA {
            let entry = &all[name];
            let mut public = common::public_jwk(&entry["jwk"]);
            public["kid"] = json!(name);
            fixtures.jwks.push(public);
            fixtures.spkis.push(common::str_of(entry, "spki").to_owned());
            let header = json!({ "alg": alg, "kid": name }).to_string();
            let payload = r#"{"iss":"https://issuer.example","sub":"1","exp":1800000000}"#;
            fixtures
                .tokens
                .push(common::compact(&header, payload, |input| common::sign_with_jwk(alg, &entry["jwk"], input)));
        }
        fixtures
    })
}

fn header() -> impl Strategy<Value = String> {
    let algs = vec!["HS256", "HS512", "RS256", "PS256", "ES256", "ES384", "ES512", "EdDSA", "none", "HS999"];
    let kids = vec![
        None,
        Some("RSA"),
        Some("P256"),
        Some("P384"),
        Some("P521"),
        Some("Ed25519"),
        Some("k0"),
        Some("elsewhere"),
    ];
    let extras = vec![
        "",
        r#","typ":"JWT""#,
        r#","typ":"at+jwt""#,
        r#","cty":"JWT""#,
        r#","crit":["b64"],"b64":false"#,
        r#","crit":["exp"]"#,
        r#","alg":"none""#,
        r#","jku":"https://attacker.example/jwks""#,
    ];
    (prop::sample::select(algs), prop::sample::select(kids), prop::sample::select(extras)).prop_map(
        |(alg, kid, extra)| {
            let kid = kid.map(|k| format!(r#","kid":"{k}""#)).unwrap_or_default();
            format!(r#"{{"alg":"{alg}"{kid}{extra}}}"#)
        },
    )
}

fn member_name() -> impl Strategy<Value = String> {
    let known = vec![
        "iss",
        "aud",
        "exp",
        "nbf",
        "iat",
        "sub",
        "scope",
        "scp",
        "token_use",
        "client_id",
        "azp",
        "nonce",
        "at_hash",
        "cognito:groups",
        "roles",
        "tid",
        "ver",
    ];
    prop_oneof![prop::sample::select(known).prop_map(str::to_owned), "[a-z_:]{1,12}"]
}

/// A JSON object of up to `members` members, with a value nested `depth` levels deep and maybe a member twice.
fn payload(members: usize) -> impl Strategy<Value = String> {
    (prop::collection::vec((member_name(), claim_value()), 0..=members), 0usize..40, any::<bool>()).prop_map(
        |(claims, depth, twice)| {
            let mut parts: Vec<String> =
                claims.iter().map(|(k, v)| format!("{}:{v}", Value::from(k.as_str()))).collect();
            if depth > 0 {
                parts.push(format!(r#""deep":{}1{}"#, "[".repeat(depth), "]".repeat(depth)));
            }
            if twice && let Some(first) = parts.first().cloned() {
                parts.push(first);
            }
            format!("{{{}}}", parts.join(","))
        },
    )
}

/// A compact token: generated header and payload with a valid HS256 signature (keyed by `SECRET`), random bytes or
/// none — or a fixture token really signed by one of the fixture keys.
fn token(members: usize) -> impl Strategy<Value = String> {
    (header(), payload(members), 0u8..4, prop::collection::vec(any::<u8>(), 0..80), 0usize..PANVA.len()).prop_map(
        |(header, payload, kind, random, fixture)| match kind {
            0 => common::compact(&header, &payload, |input| {
                common::hmac_sign("HS256", SECRET.as_bytes(), input.as_bytes())
            }),
            1 => common::compact(&header, &payload, |_| random),
            2 => common::compact(&header, &payload, |_| Vec::new()),
            _ => fixtures().tokens[fixture].clone(),
        },
    )
}

/// What people paste: tokens on lines, a token response, a redirect URL, a log line, an Authorization header.
fn paste(tokens: usize, members: usize) -> impl Strategy<Value = String> {
    (prop::collection::vec(token(members), 1..tokens), 0u8..6).prop_map(|(tokens, how)| match how {
        0 => tokens.join("\n"),
        1 => tokens.join(" "),
        2 => {
            let names = ["id_token", "access_token", "refresh_token"];
            let fields: Vec<String> = tokens
                .iter()
                .enumerate()
                .map(|(i, t)| format!(r#""{}":"{t}""#, names.get(i).map_or(format!("t{i}"), |n| (*n).to_owned())))
                .collect();
            format!("{{{}}}", fields.join(","))
        }
        3 => format!(
            "https://app.example/cb#{}",
            tokens.iter().map(|t| format!("id_token={t}")).collect::<Vec<_>>().join("&")
        ),
        4 => tokens
            .iter()
            .map(|t| format!("level=info msg=\"request\" token={t} status=401"))
            .collect::<Vec<_>>()
            .join("\n"),
        _ => format!("Authorization: Bearer {}", tokens.join("\nBearer ")),
    })
}

/// Up to `tokens` tiny tokens (30–60 bytes) on lines, each with a decoding finding of its own: the paste of issue 16
/// whose verification per token copied the findings of the whole paste.
fn tiny_tokens(tokens: usize) -> impl Strategy<Value = String> {
    let headers =
        vec![r#"{"alg":"HS256","jku":"x"}"#, r#"{"alg":"none"}"#, r#"{"alg":"HS256","b64":false}"#, r#"{"typ":"JWT"}"#];
    prop::collection::vec((prop::sample::select(headers), 0u8..3), 1..tokens).prop_map(|tokens| {
        let lines: Vec<String> = tokens
            .into_iter()
            .map(|(header, sig)| {
                let input = format!("{}.e30", B64.encode(header));
                match sig {
                    0 => format!(
                        "{input}.{}",
                        B64.encode(common::hmac_sign("HS256", SECRET.as_bytes(), input.as_bytes()))
                    ),
                    1 => format!("{input}.c2ln"),
                    _ => format!("{input}."),
                }
            })
            .collect();
        lines.join("\n")
    })
}

/// A JWS JSON serialization (general syntax) of up to `signatures` signatures.
fn jws_json(signatures: usize) -> impl Strategy<Value = String> {
    (
        payload(40),
        prop::collection::vec((header(), any::<bool>(), prop::collection::vec(any::<u8>(), 0..80)), 1..signatures),
    )
        .prop_map(|(payload, entries)| {
            let payload = B64.encode(&payload);
            let entries: Vec<Value> = entries
                .into_iter()
                .map(|(header, valid, random)| {
                    let protected = B64.encode(&header);
                    let signature = if valid {
                        common::hmac_sign("HS256", SECRET.as_bytes(), format!("{protected}.{payload}").as_bytes())
                    } else {
                        random
                    };
                    json!({ "protected": protected, "signature": B64.encode(signature) })
                })
                .collect();
            json!({ "payload": payload, "signatures": entries }).to_string()
        })
}

/// Key text: the secret, a JWKS of up to `keys` keys (fixture keys with generated kid, alg and use; secrets), PEM
/// blocks, or anything.
fn keys(keys: usize) -> impl Strategy<Value = String> {
    let entry = (
        0usize..PANVA.len() + 1,
        prop::sample::select(vec![None, Some("RSA"), Some("P256"), Some("k0"), Some("dup")]),
        prop::sample::select(vec![None, Some("RS256"), Some("ES256"), Some("HS256"), Some("ES521")]),
        prop::sample::select(vec![None, Some("sig"), Some("enc")]),
    );
    prop_oneof![
        Just(SECRET.to_owned()),
        prop::collection::vec(entry, 0..keys).prop_map(|entries| {
            let keys: Vec<Value> = entries
                .into_iter()
                .map(|(which, kid, alg, key_use)| {
                    let mut key = fixtures()
                        .jwks
                        .get(which)
                        .cloned()
                        .unwrap_or_else(|| json!({ "kty": "oct", "k": B64.encode(SECRET) }));
                    let object = key.as_object_mut().unwrap();
                    for (name, value) in [("kid", kid), ("alg", alg), ("use", key_use)] {
                        if let Some(value) = value {
                            object.insert(name.to_owned(), json!(value));
                        }
                    }
                    key
                })
                .collect();
            json!({ "keys": keys }).to_string()
        }),
        prop::collection::vec(0usize..PANVA.len(), 0..keys).prop_map(|which| which
            .into_iter()
            .map(|i| fixtures().spkis[i].clone())
            .collect::<Vec<_>>()
            .join("\n")),
        "[ -~]{0,200}",
    ]
}

/// The default limits mostly; else small ones, so that every limit is reached, or large ones, so that work beyond
/// linear shows in the bounds (the input sizes here stay far below the default limits).
fn limits() -> impl Strategy<Value = Limits> {
    let large = Limits {
        input_bytes: 16 << 20,
        tokens: 100_000,
        keys: 100_000,
        signatures: 100_000,
        members: 1_000_000,
        depth: 127,
        regex_text: 1 << 20,
        ..Limits::default()
    };
    let small = (0u64..20_000, 0u64..8, 0u64..8, 0u64..8, 0u64..64, 0u64..16, 0u64..16, 0u64..4_096, 0u64..256)
        .prop_map(|(input_bytes, tokens, keys, signatures, members, depth, checks, regex_bytes, regex_text)| Limits {
            input_bytes,
            tokens,
            keys,
            signatures,
            members,
            depth,
            checks,
            regex_bytes,
            regex_text,
        });
    prop_oneof![2 => Just(Limits::default()), 1 => small, 1 => Just(large)]
}

/// Cases per token-shaped strategy: a fortieth of the others' (their inputs are up to tens of KB).
fn large_cases() -> u32 {
    (cases() / 40).max(1)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: large_cases(), failure_persistence: None, ..ProptestConfig::default() })]

    /// `inspect` with keys and targets, on pastes of many tokens or of tokens with many members.
    #[test]
    fn inspect_token_pastes(input in prop_oneof![paste(60, 8), paste(3, 1_200), tiny_tokens(1_000)], keys in prop::option::of(keys(60)), preset in prop::sample::select(presets()), limits in limits()) {
        let mut options = preset;
        options.keys = keys.map(jwtlens::TextOrBytes::Text);
        options.limits = limits;
        let bytes = input.len() + options.keys.as_ref().map_or(0, jwtlens::TextOrBytes::len);
        let (mut result, elapsed, peak) = measured(|| jwtlens::inspect(&input, &options));
        within_bounds("inspect", bytes, elapsed, peak);
        check(&input, &result);
        if let Some(set) = &result.keys {
            check_findings(&input, &set.findings, 0);
        }
        result.offsets_to_utf16(&input);
    }

    /// `verify` on pastes and JWS JSON serializations, against key sets of many keys.
    #[test]
    fn verify_token_pastes(input in prop_oneof![paste(20, 30), tiny_tokens(1_000), jws_json(200)], keys in keys(120), token in 0usize..4, signature in prop::option::of(0usize..4), limits in limits()) {
        let options = VerifyOptions { token: Some(token), signature, now: Some(1_700_000_000.0), limits, ..VerifyOptions::default() };
        let bytes = input.len() + keys.len();
        let (mut result, elapsed, peak) = measured(|| jwtlens::verify(&input, &keys, &options));
        within_bounds("verify", bytes, elapsed, peak);
        check_findings(&input, &result.findings, usize::MAX);
        prop_assert!(!result.valid || result.matched_key.is_some());
        prop_assert!(serde_json::to_string(&result).is_ok());
        result.offsets_to_utf16(&input);
    }

    /// `parse_keys` on key sets of many keys, PEM pastes and anything else.
    #[test]
    fn parse_key_texts(text in keys(200), limits in limits()) {
        let (set, elapsed, peak) = measured(|| jwtlens::parse_keys(&text, &KeyOptions { limits, ..KeyOptions::default() }));
        within_bounds("parse_keys", text.len(), elapsed, peak);
        check_findings(&text, &set.findings, 0);
        prop_assert!(set.keys.iter().enumerate().all(|(i, k)| k.index == i && k.usable != k.algorithms.is_empty()));
        prop_assert!(serde_json::to_string(&set).is_ok());
    }

    // `sign` (when the crate has it): a strategy here that signs generated headers and payloads with the generated
    // keys and checks the result with `check_findings` and `within_bounds`, as `verify_token_pastes` does.
}

/// JWEs of every family made once by `encrypt` (compact, and one as flattened and general JSON), with the keys that
/// decrypt them and some that do not: (tokens, keys).
#[cfg(feature = "jwe")]
fn jwe_fixtures() -> &'static (Vec<String>, Vec<String>) {
    static FIXTURES: OnceLock<(Vec<String>, Vec<String>)> = OnceLock::new();
    FIXTURES.get_or_init(|| {
        let rsa = jwtlens::generate_key(jwtlens::Algorithm::Rs256).unwrap();
        let ec = jwtlens::generate_key(jwtlens::Algorithm::Es384).unwrap();
        let secret = "k".repeat(32);
        let options = |alg: &str, enc: &str, zip: bool| jwtlens::jwe::EncryptOptions {
            alg: Some(alg.to_owned()),
            enc: Some(enc.to_owned()),
            zip: Some(zip),
            p2c: Some(1000),
            ..Default::default()
        };
        let inner = seeds().into_iter().next().unwrap_or_default();
        let made = [
            (rsa.public_pem.clone().unwrap(), options("RSA-OAEP-256", "A128CBC-HS256", false), inner.as_str()),
            (ec.public_pem.clone().unwrap(), options("ECDH-ES+A192KW", "A256GCM", true), r#"{"sub":"1"}"#),
            (ec.public_pem.clone().unwrap(), options("ECDH-ES", "A192CBC-HS384", false), inner.as_str()),
            (secret.clone(), options("A256GCMKW", "A128GCM", true), "hello"),
            (secret.clone(), options("dir", "A256GCM", false), "\u{1F600} bytes"),
            (secret.clone(), options("PBES2-HS256+A128KW", "A256CBC-HS512", true), inner.as_str()),
        ];
        let mut tokens: Vec<String> =
            made.iter().map(|(key, o, text)| jwtlens::encrypt(text, key, o).token.unwrap()).collect();
        let p: Vec<String> = tokens[3].split('.').map(str::to_owned).collect();
        tokens.push(format!(r#"{{"protected":"{}","encrypted_key":"{}","iv":"{}","ciphertext":"{}","tag":"{}","aad":"eHl6"}}"#, p[0], p[1], p[2], p[3], p[4]));
        tokens.push(format!(r#"{{"protected":"{}","unprotected":{{"jku":"https://x"}},"recipients":[{{"header":{{"kid":"1"}},"encrypted_key":"{}"}},{{"encrypted_key":""}}],"iv":"{}","ciphertext":"{}","tag":"{}"}}"#, p[0], p[1], p[2], p[3], p[4]));
        let keys = vec![
            rsa.private_pem.unwrap(),
            ec.private_pem.unwrap(),
            serde_json::to_string(&ec.private_jwk).unwrap(),
            secret,
            format!(r#"{{"keys":[{},{{"kty":"oct","k":"{}"}}]}}"#, serde_json::to_string(&rsa.private_jwk).unwrap(), B64.encode("k".repeat(32))),
            r#"{"kty":"OKP","crv":"X25519","x":"3p7bfXt9wbTTW2HC7OQ1Nz-DQ8hbeGdNrfx-FG-IK08","d":"XasIfmJKikt54X-Lg4AO5m87sSkmGLb9HC-LJ_-I4Os"}"#.to_owned(),
            "short".to_owned(),
        ];
        (tokens, keys)
    })
}

#[cfg(feature = "jwe")]
proptest! {
    #![proptest_config(ProptestConfig { cases: cases() / 10, failure_persistence: None, ..ProptestConfig::default() })]

    /// Damaged JWEs (header, parts, JSON members) with keys, damaged too: decryption never panics, every finding is
    /// known, and only an intact token decrypts.
    #[test]
    fn decrypting(token in 0usize..8, edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 0..4), key in 0usize..7, key_edits in prop::collection::vec((any::<usize>(), any::<u8>(), interesting()), 0..3)) {
        let (tokens, keys) = jwe_fixtures();
        let input = mutate(&tokens[token], &edits);
        let keys = if key_edits.len() == 2 { mutate(&keys[key], &key_edits) } else { keys[key].clone() };
        let options = jwtlens::InspectOptions { keys: Some(keys.as_str().into()), ..Default::default() };
        let (result, elapsed, peak) = measured(|| jwtlens::inspect(&input, &options));
        check(&input, &result);
        within_bounds("decrypting", input.len() + keys.len(), elapsed, peak);
    }

    /// Arbitrary plaintext, key text and options for `encrypt`: a token or findings, never a panic; what it makes
    /// decrypts back with the key.
    #[test]
    fn encrypting(plaintext in any::<String>(), key in 0usize..7, alg in prop::sample::select(vec!["RSA-OAEP", "RSA1_5", "ECDH-ES+A128KW", "A256KW", "A128KW", "dir", "PBES2-HS384+A192KW", "nope"]), enc in prop::sample::select(vec!["A128GCM", "A256CBC-HS512", "A192GCM", "x"]), zip in any::<bool>()) {
        let (_, keys) = jwe_fixtures();
        let options = jwtlens::jwe::EncryptOptions { alg: Some(alg.to_owned()), enc: Some(enc.to_owned()), zip: Some(zip), p2c: Some(1000), ..Default::default() };
        let made = jwtlens::encrypt(&plaintext, &keys[key], &options);
        let known: HashMap<&str, Severity> = jwtlens::all_codes().into_iter().flat_map(|(_, e)| e).map(|e| (e.code, e.severity)).collect();
        for f in &made.findings {
            prop_assert_eq!(known.get(f.code()), Some(&f.severity));
        }
        prop_assert_eq!(made.token.is_some(), !made.findings.iter().any(|f| f.severity == Severity::Error && f.code().starts_with("JWE_")));
        if let Some(token) = made.token {
            let options = jwtlens::InspectOptions { keys: Some(keys[key].as_str().into()), ..Default::default() };
            let result = jwtlens::inspect(&token, &options);
            let back = result.tokens[0].decryption.as_ref().and_then(|d| d.plaintext.as_ref()).and_then(|p| p.text.clone());
            prop_assert_eq!(back.as_deref(), Some(plaintext.as_str()));
        }
    }
}
