//! An API Gateway HTTP API route protected by a JWT authorizer, in the order AWS documents its validation.
//!
//! Facts (public sources): API Gateway Developer Guide, "Controlling access to HTTP APIs with JWT authorizers" —
//! the `kid` picks the key from the issuer's `jwks_uri`; `iss` must equal the configured issuer; `aud` or
//! `client_id` must be a configured audience; `exp` after, `nbf` and `iat` before the current time; the route's
//! scopes in `scope` or `scp`; and (2023) "only RSA-based algorithms are supported". Its clock skew is not
//! documented: checks that pass only within the caller's skew are open.

use serde_json::Value;

use super::rule::{self, Checked, Judge, RuleSpec, TargetSpec, TimePolicy};
use crate::codes::{ApiGatewayCode, VerifyCode};
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::ApiGatewayHttpTarget;
use crate::diagnose::subject::Subject;
use crate::finding::{Finding, quoted};
use crate::issuer::{IssuerDiff, issuer_diff};

type J<'a> = Judge<'a, ApiGatewayHttpTarget>;

const RSA_ONLY: &str = "RSA-signed (documented in 2023: \"only RSA-based algorithms are supported\")";

/// How the page and the command line offer this target.
pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::ApiGatewayHttp,
    label: "API Gateway HTTP API, JWT authorizer",
    aliases: &["http"],
    summary: "An API Gateway HTTP API route with a JWT authorizer.",
    settings: &[
        SettingSpec {
            name: "issuer",
            label: "Issuer",
            hint: "The authorizer's issuer URL, compared with iss exactly.",
            flag: "--issuer",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "audiences",
            label: "Audiences",
            hint: "The authorizer's audiences: aud or client_id must be one of them.",
            kind: SettingKind::List,
            flag: "--audience",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "Route scopes",
            hint: "The route's authorization scopes: the token must hold at least one.",
            kind: SettingKind::List,
            required: false,
            flag: "--route-scope",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<ApiGatewayHttpTarget> = TargetSpec {
    kind: FORM.kind,
    service: |_| "API Gateway (HTTP API, JWT authorizer)".into(),
    rejection: "401 Unauthorized",
    takes: |_| None,
    assumptions: &["the configuration given is the one deployed (a stage without auto-deploy needs a redeploy)"],
    missing: |t| rule::unset(&[("issuer", rule::blank(&t.issuer)), ("audiences", rule::all_blank(&t.audiences))]),
    rules: &[
        RuleSpec {
            id: RuleId::Format,
            describe: |_| "The token decodes as a JWT".into(),
            check: |j| Some(rule::format(j.s)),
        },
        RuleSpec { id: RuleId::Alg, describe: |_| RSA_ONLY.into(), check: alg },
        RuleSpec {
            id: RuleId::Kid,
            describe: |_| "The header's kid names a key in the issuer's jwks_uri".into(),
            check: kid,
        },
        RuleSpec {
            id: RuleId::Signature,
            describe: |_| "Signed by the key from the issuer's jwks_uri".into(),
            check: |j| Some(rule::signature(j.s)),
        },
        RuleSpec { id: RuleId::Iss, describe: |t| format!("iss is exactly \"{}\"", t.issuer), check: iss },
        RuleSpec {
            id: RuleId::Aud,
            describe: |t| format!("aud or client_id is one of {}", quoted(&t.audiences)),
            check: aud,
        },
        RuleSpec {
            id: RuleId::Exp,
            describe: |_| "exp is after the current time (UTC)".into(),
            check: |j| {
                let policy = TimePolicy {
                    absent: (Outcome::Unknown, "No exp; whether the authorizer accepts that is not documented."),
                    skew_known: false,
                };
                Some(rule::time(RuleId::Exp, time::evaluate(j.ctx, j.s).exp, &policy))
            },
        },
        RuleSpec {
            id: RuleId::Nbf,
            describe: |_| "nbf, if present, is before the current time".into(),
            check: |j| {
                let policy = TimePolicy { absent: (Outcome::Pass, "No nbf."), skew_known: false };
                Some(rule::time(RuleId::Nbf, time::evaluate(j.ctx, j.s).nbf, &policy))
            },
        },
        RuleSpec {
            id: RuleId::Iat,
            describe: |_| "iat is before the current time".into(),
            check: |j| {
                let policy = TimePolicy {
                    absent: (Outcome::Unknown, "No iat; whether the authorizer accepts that is not documented."),
                    skew_known: false,
                };
                Some(rule::time(RuleId::Iat, time::evaluate(j.ctx, j.s).iat, &policy))
            },
        },
        RuleSpec { id: RuleId::Scope, describe: describe_scope, check: scope },
    ],
};

/// The route's authorization scopes, empty ones ignored.
fn route_scopes(t: &ApiGatewayHttpTarget) -> Vec<&String> {
    t.scopes.iter().flatten().filter(|x| !x.is_empty()).collect()
}

fn alg(j: &J<'_>) -> Option<Checked> {
    Some(match j.s.alg() {
        Some(alg) if alg.starts_with("RS") || alg.starts_with("PS") => Checked::pass(format!("alg {alg}.")),
        Some(alg) => Checked::unknown(format!("alg {alg}; whether the restriction still holds is not confirmed."))
            .code(ApiGatewayCode::HttpAlgNotRsa)
            .note(alg_not_rsa(j.s, alg)),
        None => Checked::fail("No alg."),
    })
}

fn kid(j: &J<'_>) -> Option<Checked> {
    let Some(kid) = j.s.header_str("kid") else { return Some(Checked::fail_with(no_kid(j.s))) };
    Some(match j.s.signature.kid_in_keys {
        Some(true) => Checked::pass(format!("The keys supplied hold kid \"{kid}\".")),
        Some(false) => Checked::fail(format!("The keys supplied have no key with kid \"{kid}\"; if they are the issuer's jwks_uri, the authorizer finds none either.")).code(VerifyCode::KidNotFound),
        None => Checked::unknown(format!("kid \"{kid}\" is present; whether the issuer's JWKS holds it needs the keys.")).settle(rule::SETTLE_KEYS),
    })
}

fn iss(j: &J<'_>) -> Option<Checked> {
    Some(if rule::blank(&j.t.issuer) {
        rule::needs("authorizer's issuer")
    } else if j.s.str_claim("iss") == Some(j.t.issuer.as_str()) {
        Checked::pass("Equal.")
    } else {
        Checked::fail_with(issuer_mismatch(j.s, &j.t.issuer))
    })
}

fn aud(j: &J<'_>) -> Option<Checked> {
    let aud = j.s.audiences().unwrap_or_default();
    let client_id = j.s.str_claim("client_id");
    if rule::all_blank(&j.t.audiences) {
        return Some(rule::needs("authorizer's audiences"));
    }
    Some(if aud.iter().chain(client_id.iter()).any(|a| j.t.audiences.iter().any(|x| x == a)) {
        Checked::pass("Found.")
    } else {
        Checked::fail_with(audience_mismatch(j.s, &aud, client_id, &j.t.audiences))
    })
}

fn describe_scope(t: &ApiGatewayHttpTarget) -> String {
    let route = route_scopes(t);
    if route.is_empty() {
        "The route requires no authorization scope".to_owned()
    } else {
        format!("scope or scp holds one of {}", quoted(&route))
    }
}

fn scope(j: &J<'_>) -> Option<Checked> {
    let route = route_scopes(j.t);
    if route.is_empty() {
        return Some(Checked::pass("No scope is required.").note(no_route_scopes(j.s)));
    }
    let have = j.s.scopes();
    Some(if route.iter().any(|r| have.contains(r)) {
        Checked::pass("Found.")
    } else {
        Checked::fail_with(no_matching_scope(j.s, &route, &have))
    })
}

// Wording: every message and fix of this target, filled from the evidence its rules found.

fn alg_not_rsa(s: &Subject<'_>, alg: &str) -> Finding {
    s.at_header(ApiGatewayCode::HttpAlgNotRsa, "alg", format!("The token is signed with {alg}; AWS's HTTP API documentation (2023) says JWT authorizers support only RSA algorithms. Whether that still holds is not confirmed."))
        .fix("If the route answers 401, have the issuer sign with RS256, or use a Lambda authorizer.")
}

fn no_kid(s: &Subject<'_>) -> Finding {
    s.at_header(ApiGatewayCode::HttpNoKid, "kid", "The header has no kid; the HTTP API JWT authorizer picks the verification key by kid: API Gateway answers 401.")
        .fix("Have the issuer put the key id in the header (every mainstream provider does).")
}

fn issuer_mismatch(s: &Subject<'_>, configured: &str) -> Finding {
    let iss = s.str_claim("iss");
    let hint = match iss.map(|i| issuer_diff(i, configured)) {
        Some(IssuerDiff::TrailingSlash) => {
            " They differ only by the trailing slash: the comparison is exact (Auth0 issuers end with /)."
        }
        _ if configured.contains("/.well-known/") => {
            " Enter the issuer itself, without /.well-known/openid-configuration."
        }
        _ => "",
    };
    s.at_claim(ApiGatewayCode::HttpIssuerMismatch, "iss", format!("\"iss\" is {} but the authorizer's issuer is \"{configured}\": API Gateway answers 401.{hint}", iss.map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\""))))
        .fix(format!("Set the authorizer's issuer to exactly the token's iss{} and redeploy if the stage is not auto-deployed; or send a token from the configured issuer.", iss.map(|i| format!(" (\"{i}\")")).unwrap_or_default()))
}

fn audience_mismatch(s: &Subject<'_>, aud: &[&str], client_id: Option<&str>, audiences: &[String]) -> Finding {
    let have = match (aud.is_empty(), client_id) {
        (true, None) => "neither aud nor client_id".to_owned(),
        (false, None) => format!("aud {}", quoted(aud)),
        (true, Some(c)) => format!("client_id \"{c}\""),
        (false, Some(c)) => format!("aud {} and client_id \"{c}\"", quoted(aud)),
    };
    s.at_claim(ApiGatewayCode::HttpAudienceMismatch, if aud.is_empty() { "client_id" } else { "aud" }, format!("The token has {have}, none of the authorizer's audiences {}: API Gateway answers 401 with \"the token does not have a valid audience\".", quoted(audiences)))
        .fix("Add the token's app client id (Cognito) or API identifier (others) to the authorizer's audiences, or request the token for the configured audience.")
}

fn no_route_scopes(s: &Subject<'_>) -> Finding {
    s.at_token(ApiGatewayCode::HttpNoRouteScopes, "The route has no authorization scopes, so any unexpired token of this issuer and audience passes — Cognito ID tokens included (their aud is the app client id).")
        .fix("AWS recommends requiring authorization scopes on routes unless they are meant to take ID tokens.")
}

fn no_matching_scope(s: &Subject<'_>, route: &[&String], have: &[String]) -> Finding {
    let id = if s.token_use == TokenUse::Id {
        " This is an ID token, which carries no scopes: send the access token."
    } else {
        ""
    };
    let roles = if s.claim("roles").is_some_and(Value::is_array) && s.claim("scp").is_none() {
        " The token has app roles (roles) instead, which the authorizer does not read."
    } else {
        ""
    };
    let have_text = if have.is_empty() { "none".to_owned() } else { quoted(have) };
    s.at_claim(ApiGatewayCode::HttpNoMatchingScope, "scope", format!("The route requires one of the scopes {}, and the token has {have_text}.{id}{roles}", quoted(route)))
        .fix("Request one of the route's scopes when getting the token (and allow it for the client), or change the route's authorization scopes.")
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::{Decision, Outcome};
    use crate::diagnose::testutil::*;

    fn http(issuer: &str, audiences: &str, extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"apiGatewayHttp","issuer":"{issuer}","audiences":{audiences}{extra}}}}}"#
        ))
    }

    #[test]
    fn http_issuer_is_exact_including_trailing_slash() {
        let auth0 = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://dev-x.us.auth0.com/","aud":"https://api","scope":"read","iat":{NOW},"exp":{}}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&auth0, &http("https://dev-x.us.auth0.com", r#"["https://api"]"#, ""));
        assert!(find(&i, "APIGW_HTTP_ISSUER_MISMATCH").message.contains("trailing slash"));
        assert_eq!(i.verdict.unwrap().decision, Decision::Deny);
        assert_lacks(
            &run(&auth0, &http("https://dev-x.us.auth0.com/", r#"["https://api"]"#, "")),
            "APIGW_HTTP_ISSUER_MISMATCH",
        );
    }

    #[test]
    fn http_audience_from_aud_or_client_id() {
        let o = http(ISS, &format!(r#"["{CLIENT}"]"#), "");
        assert_lacks(&run(&cognito_id(), &o), "APIGW_HTTP_AUDIENCE_MISMATCH");
        assert_lacks(&run(&cognito_access("x"), &o), "APIGW_HTTP_AUDIENCE_MISMATCH");
        let i = run(&cognito_access("x"), &http(ISS, r#"["other"]"#, ""));
        assert!(find(&i, "APIGW_HTTP_AUDIENCE_MISMATCH").message.contains("the token does not have a valid audience"));
        // Without route scopes, ID tokens pass too: said as info.
        assert_has(&run(&cognito_id(), &o), "APIGW_HTTP_NO_ROUTE_SCOPES");
        assert_ne!(run(&cognito_id(), &o).verdict.unwrap().decision, Decision::Deny);
    }

    #[test]
    fn http_scopes_from_scope_or_scp() {
        let o = http("https://op", r#"["api"]"#, r#","scopes":["read"]"#);
        let scp = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://op","aud":"api","scp":"read write","iat":{NOW},"exp":{}}}"#, NOW + 60.0),
        );
        let i = run(&scp, &o);
        assert_lacks(&i, "APIGW_HTTP_NO_MATCHING_SCOPE");
        assert_lacks(&i, "APIGW_HTTP_NO_ROUTE_SCOPES");
        let none = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://op","aud":"api","scope":"write","iat":{NOW},"exp":{}}}"#, NOW + 60.0),
        );
        assert_has(&run(&none, &o), "APIGW_HTTP_NO_MATCHING_SCOPE");
    }

    #[test]
    fn http_time_kid_and_alg() {
        let o = http("https://op", r#"["api"]"#, "");
        let t = jwt(
            r#"{"alg":"ES256"}"#,
            &format!(
                r#"{{"iss":"https://op","aud":"api","nbf":{},"iat":{},"exp":{}}}"#,
                NOW + 600.0,
                NOW + 600.0,
                NOW - 1.0
            ),
        );
        let i = run(&t, &o);
        assert_has(&i, "APIGW_HTTP_NO_KID");
        assert_has(&i, "APIGW_HTTP_ALG_NOT_RSA");
        let failing: Vec<_> =
            i.verdict.unwrap().rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id.as_str()).collect();
        assert_eq!(failing, ["kid", "exp", "nbf", "iat"]);
        let good = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://op","aud":"api","iat":{NOW},"exp":{}}}"#, NOW + 60.0),
        );
        let i = run(&good, &o);
        assert_lacks(&i, "APIGW_HTTP_NO_KID");
        assert_lacks(&i, "APIGW_HTTP_ALG_NOT_RSA");
        assert_eq!(i.verdict.unwrap().decision, Decision::Unknown);
    }
}
