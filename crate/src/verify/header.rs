//! Header rules that decide whether a signature may be checked at all: `crit` (RFC 7515 §4.1.11), `b64`
//! (RFC 7797).

use serde_json::{Map, Value};

use super::VerifyCode;
use crate::finding::{Finding, Location, Part};

/// Header parameter names defined by JWS and JWA (RFC 7515 §4.1, RFC 7518 §4.1 and §4.6–4.8): RFC 7515 forbids
/// listing them in `crit`.
const REGISTERED: &[&str] = &[
    "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit", "enc", "zip", "epk", "apu",
    "apv", "iv", "tag", "p2s", "p2c",
];

/// Extensions jwtlens implements, which may therefore be critical.
const UNDERSTOOD: &[&str] = &["b64"];

fn at(member: &str) -> Location {
    Location::member(Part::Header, member)
}

/// Checks `crit`. Returns false when verification must stop (malformed `crit`, or a critical extension jwtlens does
/// not implement). An empty list or one naming registered parameters is reported but does not stop verification.
pub(crate) fn crit(
    protected: &Map<String, Value>,
    unprotected: Option<&Map<String, Value>>,
    findings: &mut Vec<Finding>,
) -> bool {
    if unprotected.is_some_and(|h| h.contains_key("crit")) {
        findings.push(
            Finding::new(
                VerifyCode::CritInvalid,
                "\"crit\" is in the unprotected header; RFC 7515 §4.1.11 requires it to be integrity protected.",
            )
            .fix("Move \"crit\" into the protected header.")
            .at(at("crit")),
        );
        return false;
    }
    let Some(crit) = protected.get("crit") else { return true };
    let Some(names) = crit.as_array().and_then(|a| a.iter().map(Value::as_str).collect::<Option<Vec<_>>>()) else {
        findings.push(
            Finding::new(
                VerifyCode::CritInvalid,
                format!("\"crit\" must be an array of header parameter names; it is {crit}."),
            )
            .at(at("crit")),
        );
        return false;
    };
    if names.is_empty() {
        findings.push(
            Finding::new(VerifyCode::CritEmpty, "\"crit\" is an empty list, which RFC 7515 §4.1.11 forbids producers to send; some verifiers reject the token.")
                .fix("Omit \"crit\" when no extension is critical.")
                .at(at("crit")),
        );
    }
    let mut ok = true;
    for name in names {
        if REGISTERED.contains(&name) {
            findings.push(
                Finding::new(VerifyCode::CritRegistered, format!("\"crit\" lists \"{name}\", a parameter JWS itself defines; RFC 7515 §4.1.11 forbids that, and some verifiers reject the token."))
                    .fix("List only extension parameters in \"crit\".")
                    .at(at("crit")),
            );
        } else if !UNDERSTOOD.contains(&name) {
            findings.push(
                Finding::new(VerifyCode::CritUnknown, format!("\"crit\" marks \"{name}\" as critical, and jwtlens does not implement that extension: a verifier must then reject the token (RFC 7515 §4.1.11)."))
                    .fix("Verify with software that implements the extension, or have the issuer stop marking it critical.")
                    .at(at("crit")),
            );
            ok = false;
        } else if !protected.contains_key(name) {
            findings.push(
                Finding::new(
                    VerifyCode::CritAbsent,
                    format!("\"crit\" lists \"{name}\", but the header has no \"{name}\" parameter."),
                )
                .at(at("crit")),
            );
        }
    }
    ok
}

/// Reads `b64` (RFC 7797). Returns `Some(true)` for a base64url payload (the default), `Some(false)` for an
/// unencoded one, `None` when verification must stop.
pub(crate) fn b64(
    protected: &Map<String, Value>,
    unprotected: Option<&Map<String, Value>>,
    findings: &mut Vec<Finding>,
) -> Option<bool> {
    if unprotected.is_some_and(|h| h.contains_key("b64")) {
        findings.push(
            Finding::new(
                VerifyCode::B64Invalid,
                "\"b64\" is in the unprotected header; RFC 7797 §3 requires it to be integrity protected.",
            )
            .at(at("b64")),
        );
        return None;
    }
    match protected.get("b64") {
        None | Some(Value::Bool(true)) => Some(true),
        Some(Value::Bool(false)) => {
            let critical =
                protected.get("crit").and_then(Value::as_array).is_some_and(|c| c.iter().any(|n| n == "b64"));
            if critical {
                findings.push(Finding::new(VerifyCode::Unencoded, "\"b64\": false: the payload is signed as is, without base64url (RFC 7797); jwtlens verifies it that way.").at(at("b64")));
                Some(false)
            } else {
                findings.push(
                    Finding::new(VerifyCode::B64NotCritical, "\"b64\": false without \"crit\": [\"b64\"]: RFC 7797 §6 requires the extension to be critical, because a verifier that ignores it checks a different signing input.")
                        .fix("The issuer must add \"crit\": [\"b64\"] to the protected header.")
                        .at(at("b64")),
                );
                None
            }
        }
        Some(other) => {
            findings.push(
                Finding::new(VerifyCode::B64Invalid, format!("\"b64\" must be true or false; it is {other}."))
                    .at(at("b64")),
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(json: &str) -> Map<String, Value> {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn crit_rules() {
        let mut f = Vec::new();
        assert!(crit(&object(r#"{"alg":"HS256"}"#), None, &mut f) && f.is_empty());
        assert!(!crit(&object(r#"{"alg":"HS256","crit":["exp"],"exp":1}"#), None, &mut f));
        assert_eq!(f.pop().unwrap().code(), "SIG_CRIT_UNKNOWN");
        assert!(crit(&object(r#"{"alg":"HS256","crit":[]}"#), None, &mut f));
        assert_eq!(f.pop().unwrap().code(), "SIG_CRIT_EMPTY");
        assert!(crit(&object(r#"{"alg":"HS256","crit":["alg"]}"#), None, &mut f));
        assert_eq!(f.pop().unwrap().code(), "SIG_CRIT_REGISTERED");
        assert!(!crit(&object(r#"{"alg":"HS256","crit":"b64"}"#), None, &mut f));
        assert_eq!(f.pop().unwrap().code(), "SIG_CRIT_INVALID");
        assert!(!crit(&object(r#"{"alg":"HS256"}"#), Some(&object(r#"{"crit":["b64"]}"#)), &mut f));
        assert_eq!(f.pop().unwrap().code(), "SIG_CRIT_INVALID");
        assert!(crit(&object(r#"{"alg":"HS256","crit":["b64"],"b64":false}"#), None, &mut f) && f.is_empty());
    }

    #[test]
    fn b64_rules() {
        let mut f = Vec::new();
        assert_eq!(b64(&object(r#"{"b64":false,"crit":["b64"]}"#), None, &mut f), Some(false));
        assert_eq!(b64(&object(r#"{"b64":false}"#), None, &mut f), None);
        assert_eq!(f.pop().unwrap().code(), "SIG_B64_NOT_CRITICAL");
        assert_eq!(b64(&object(r#"{"b64":"no"}"#), None, &mut f), None);
        assert_eq!(b64(&object(r#"{}"#), None, &mut f), Some(true));
    }
}
