//! Fuzz `inspect`: any text, under several contexts, must give a result, never a panic (a panic traps the wasm
//! module for good). The first byte picks the context, so the diagnosis of every target is fuzzed too.
#![no_main]

use libfuzzer_sys::fuzz_target;

const PRESETS: &[&str] = &[
    r#"{}"#,
    r#"{"now": 1700000000, "clockSkew": 30, "expect": {"userPoolId": "us-east-1_AbC123", "clientId": "abc", "tokenUse": "id", "nonce": "n", "accessToken": "a.b.c"}, "target": {"kind": "cognitoApi", "operation": "GetUser"}}"#,
    r#"{"now": 1700000000, "target": {"kind": "apiGatewayRest", "providerArns": ["arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_AbC123"], "scopes": ["s/a"], "identityValidationExpression": "^abc$", "headerValue": "Bearer x.y.z"}}"#,
    r#"{"now": 1700000000, "target": {"kind": "apiGatewayHttp", "issuer": "https://x/", "audiences": ["abc"], "scopes": ["read"]}}"#,
    r#"{"now": 1700000000, "target": {"kind": "oidc", "issuer": "https://accounts.google.com", "clientId": "abc"}}"#,
];

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else { return };
    let Ok(input) = std::str::from_utf8(rest) else { return };
    let preset = PRESETS[usize::from(first) % PRESETS.len()];
    let options: jwtlens::InspectOptions = serde_json::from_str(preset).expect("preset parses");
    let mut result = jwtlens::inspect(input, &options);
    result.offsets_to_utf16(input);
    serde_json::to_string(&result).expect("serializable");
});
