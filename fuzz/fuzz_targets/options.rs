#![allow(dead_code, reason = "each target uses a part of these")]
//! Options shared by the fuzz targets: contexts for the diagnosis and limits to run under, picked by the first byte
//! of the input so that libFuzzer explores them as it explores the text.

/// Contexts: none, every target, expectations.
pub const PRESETS: &[&str] = &[
    r#"{}"#,
    r#"{"now": 1700000000, "clockSkew": 30, "expect": {"userPoolId": "us-east-1_AbC123", "clientId": "abc", "tokenUse": "id", "nonce": "n", "accessToken": "a.b.c"}, "target": {"kind": "cognitoApi", "operation": "GetUser"}}"#,
    r#"{"now": 1700000000, "target": {"kind": "apiGatewayRest", "providerArns": ["arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_AbC123"], "scopes": ["s/a"], "identityValidationExpression": "^(?:a|b){3}[a-z0-9]{26}$", "headerValue": "Bearer x.y.z"}}"#,
    r#"{"now": 1700000000, "target": {"kind": "apiGatewayHttp", "issuer": "https://x/", "audiences": ["abc"], "scopes": ["read"]}}"#,
    r#"{"now": 1700000000, "target": {"kind": "oidc", "issuer": "https://accounts.google.com", "clientId": "abc"}}"#,
];

/// Limits: the defaults; small ones, so that every limit is reached on small inputs; large ones, so that work
/// beyond linear shows (libFuzzer's `-timeout` and `-rss_limit_mb` catch it).
pub const LIMITS: &[&str] = &[
    r#"{}"#,
    r#"{"inputBytes": 4000, "tokens": 2, "keys": 2, "signatures": 2, "members": 8, "depth": 4, "checks": 3, "regexBytes": 2000, "regexText": 40}"#,
    r#"{"inputBytes": 16777216, "tokens": 100000, "keys": 100000, "signatures": 100000, "members": 1000000, "depth": 127, "regexText": 1048576}"#,
];

/// The preset and the limits picked by `selector`, as one options object (JSON).
pub fn options(selector: u8) -> serde_json::Value {
    let selector = usize::from(selector);
    let mut options: serde_json::Value = serde_json::from_str(PRESETS[selector % PRESETS.len()]).expect("preset parses");
    options["limits"] = serde_json::from_str(LIMITS[(selector / PRESETS.len()) % LIMITS.len()]).expect("limits parse");
    options
}
