//! Test helpers: build tokens from header and payload JSON, decode and diagnose them (without the entry points, which
//! sit above the diagnosis), and look at findings.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::Deserialize;

use super::model::{TokenDiagnosis, Verdict};
use super::options::{Context, Expectations, Target};
use crate::decode::decode_input;
use crate::finding::Finding;

/// The diagnosis options, as JavaScript sends them (the part of `InspectOptions` the diagnosis reads).
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Options {
    pub now: Option<f64>,
    pub clock_skew: Option<f64>,
    pub expect: Option<Expectations>,
    pub target: Option<Target>,
}

/// What a test looks at: the decoding and diagnosis findings, one diagnosis per token, and the verdict.
pub struct Inspection {
    pub findings: Vec<Finding>,
    pub diagnoses: Vec<TokenDiagnosis>,
    pub verdict: Option<Verdict>,
    pub answers: Vec<super::Answer>,
}

/// `header.payload.signature` with both JSON texts base64url-encoded and an arbitrary signature.
pub fn jwt(header: &str, payload: &str) -> String {
    format!("{}.{}.c2lnbmF0dXJl", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(payload))
}

/// Options from JSON, as JavaScript sends them.
pub fn opts(json: &str) -> Options {
    serde_json::from_str(json).unwrap_or_else(|e| panic!("bad options {json}: {e}"))
}

pub fn with_now(now: f64) -> Options {
    Options { now: Some(now), ..Options::default() }
}

/// Decodes `input` and diagnoses its tokens in `options`, signatures unchecked.
pub fn run(input: &str, options: &Options) -> Inspection {
    let decoded = decode_input(input, &crate::limits::Limits::default());
    let context = Context {
        limits: crate::limits::Limits::default(),
        now: options.now,
        clock_skew: options.clock_skew,
        expect: options.expect.as_ref(),
        target: options.target.as_ref(),
        pasted_header: decoded.header_value.as_deref(),
    };
    let diagnosis = super::diagnose(&decoded.tokens, &context, &[]);
    let mut findings = decoded.findings;
    findings.extend(diagnosis.findings);
    Inspection { findings, diagnoses: diagnosis.tokens, verdict: diagnosis.verdict, answers: diagnosis.answers }
}

pub fn codes(i: &Inspection) -> Vec<&'static str> {
    i.findings.iter().map(Finding::code).collect()
}

#[track_caller]
pub fn assert_has(i: &Inspection, code: &str) {
    assert!(codes(i).contains(&code), "expected {code} in {:#?}", i.findings);
}

#[track_caller]
pub fn assert_lacks(i: &Inspection, code: &str) {
    assert!(!codes(i).contains(&code), "did not expect {code} in {:#?}", i.findings);
}

#[track_caller]
pub fn find<'a>(i: &'a Inspection, code: &str) -> &'a Finding {
    i.findings.iter().find(|f| f.code() == code).unwrap_or_else(|| panic!("no {code} in {:#?}", i.findings))
}

pub const NOW: f64 = 1_700_000_000.0;
pub const POOL: &str = "us-east-1_AbC123xyz";
pub const ISS: &str = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz";
pub const CLIENT: &str = "57cbishk4j24pabc1234567890";
pub const ARN: &str = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123xyz";

/// A Cognito access token valid at [`NOW`] with the given scope.
pub fn cognito_access(scope: &str) -> String {
    jwt(
        r#"{"kid":"abc=","alg":"RS256"}"#,
        &format!(
            r#"{{"sub":"aaaa-bbbb","token_use":"access","scope":"{scope}","auth_time":{a},"iss":"{ISS}","exp":{e},"iat":{a},"jti":"j","client_id":"{CLIENT}","username":"alice"}}"#,
            a = NOW - 60.0,
            e = NOW + 3540.0
        ),
    )
}

/// A Cognito ID token valid at [`NOW`].
pub fn cognito_id() -> String {
    jwt(
        r#"{"kid":"def=","alg":"RS256"}"#,
        &format!(
            r#"{{"sub":"aaaa-bbbb","aud":"{CLIENT}","token_use":"id","auth_time":{a},"iss":"{ISS}","cognito:username":"alice","exp":{e},"iat":{a},"email":"a@example.com"}}"#,
            a = NOW - 60.0,
            e = NOW + 3540.0
        ),
    )
}

/// An ID token of a generic OIDC provider (`https://op.example`, client `web`, nonce `n1`) valid at [`NOW`], with
/// `extra` members (`,"k":v` …) appended to its payload.
pub fn oidc_id_token(extra: &str) -> String {
    jwt(
        r#"{"alg":"RS256","kid":"k","typ":"JWT"}"#,
        &format!(
            r#"{{"iss":"https://op.example","sub":"u1","aud":"web","exp":{},"iat":{NOW},"nonce":"n1"{extra}}}"#,
            NOW + 300.0
        ),
    )
}
