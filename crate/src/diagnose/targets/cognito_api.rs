//! A Cognito user-pool API operation authorized by an access token (GetUser, UpdateUserAttributes, …): the rules in
//! the order of AWS's troubleshooting of `NotAuthorizedException` (AWS documents no order).
//!
//! Facts (public sources): the Amazon Cognito API Reference — each operation's `AccessToken` member and its errors
//! ("Access Token does not have required scopes", "Access Token has expired", "Access Token has been revoked");
//! the `aws.cognito.signin.user.admin` scope in the Developer Guide's "Scopes, M2M, and APIs with resource servers".

use super::rule::{self, Checked, Judge, RuleSpec, TargetSpec, TimePolicy};
use crate::codes::CognitoCode;
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::CognitoApiTarget;
use crate::diagnose::providers::cognito::{
    ACCESS_TOKEN_OPTIONAL, ACCESS_TOKEN_REQUIRED, ADMIN_SCOPE, ADMIN_SCOPE_FIX, NOT_TOKEN, OPERATIONS,
};
use crate::diagnose::subject::Subject;
use crate::finding::{Finding, quoted};

type J<'a> = Judge<'a, CognitoApiTarget>;

/// How the page and the command line offer this target.
pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::CognitoApi,
    label: "Cognito user-pool API",
    aliases: &["cognito"],
    summary: "A Cognito user-pool API operation called with the user's access token (GetUser, ChangePassword, …).",
    settings: &[SettingSpec {
        name: "operation",
        label: "Operation",
        hint: "The user-pool API operation called with the access token.",
        flag: "--operation",
        suggestions: OPERATIONS,
        initial: "GetUser",
        ..SettingSpec::BASE
    }],
};

pub(super) const SPEC: TargetSpec<CognitoApiTarget> = TargetSpec {
    kind: FORM.kind,
    service: |t| format!("Cognito ({})", t.operation.trim()),
    rejection: "NotAuthorizedException",
    takes: |_| Some(TokenUse::Access),
    assumptions: &[
        "the token was not revoked (GlobalSignOut, AdminUserGlobalSignOut and RevokeToken revoke tokens that still verify locally; only Cognito knows)",
    ],
    missing: |t| rule::unset(&[("operation", rule::blank(&t.operation))]),
    rules: &[
        RuleSpec {
            id: RuleId::Operation,
            describe: |t| format!("{} is authorized by an access token", t.operation.trim()),
            check: operation,
        },
        RuleSpec {
            id: RuleId::Format,
            describe: |_| "The token is a signed JWT".into(),
            check: |j| Some(rule::format(j.s)),
        },
        RuleSpec {
            id: RuleId::Issuer,
            describe: |_| "The token was issued by a Cognito user pool".into(),
            check: issuer,
        },
        RuleSpec {
            id: RuleId::Signature,
            describe: |_| "Signed by one of the user pool's keys".into(),
            check: |j| Some(rule::signature(j.s)),
        },
        RuleSpec {
            id: RuleId::TokenUse,
            describe: |_| "The token is an access token (token_use \"access\")".into(),
            check: token_use,
        },
        RuleSpec { id: RuleId::Exp, describe: |_| "Not expired (\"Access Token has expired\")".into(), check: exp },
        RuleSpec { id: RuleId::Scope, describe: |_| format!("scope contains {ADMIN_SCOPE}"), check: scope },
    ],
};

/// Whether the operation takes a user's access token at all.
fn operation(j: &J<'_>) -> Option<Checked> {
    let op = j.t.operation.trim();
    Some(if op.is_empty() {
        rule::needs("operation")
    } else if ACCESS_TOKEN_REQUIRED.contains(&op) {
        Checked::pass(format!(
            "{op} requires a signed-in user's access token with {ADMIN_SCOPE}; IAM is not evaluated."
        ))
    } else if let Some((_, alt)) = ACCESS_TOKEN_OPTIONAL.iter().find(|(o, _)| *o == op) {
        Checked::pass(format!("{op} takes an access token, or {alt}.")).note(optional_note(j.s, op, alt))
    } else if let Some((_, instead)) = NOT_TOKEN.iter().find(|(o, _)| *o == op) {
        Checked::fail_with(not_token(j.s, op, instead))
    } else if is_iam_operation(op) {
        Checked::fail_with(iam_operation(j.s, op))
    } else {
        Checked::unknown(format!("{op} is not a user-pool operation jwtlens knows."))
            .code(CognitoCode::OperationUnknown)
            .note(unknown_operation(j.s, op))
    })
}

/// Administrative operations, signed with IAM credentials (`Admin*`, `Create*`, `Describe*`, `List*` but the
/// user's own `ListDevices`).
fn is_iam_operation(op: &str) -> bool {
    op.starts_with("Admin")
        || op.starts_with("Create")
        || op.starts_with("Describe")
        || op.starts_with("List") && op != "ListDevices"
}

fn issuer(j: &J<'_>) -> Option<Checked> {
    let s = j.s;
    if s.is_cognito() && !s.provider.emulator {
        return Some(Checked::pass(match (&s.provider.region, &s.provider.user_pool_id) {
            (Some(r), Some(p)) => {
                format!("User pool {p}; call the API in {r} (the SDK client's region must be the pool's).")
            }
            _ => "A Cognito user pool token.".to_owned(),
        }));
    }
    s.claims.is_some().then(|| Checked::fail_with(foreign_token(s, j.t.operation.trim())))
}

fn token_use(j: &J<'_>) -> Option<Checked> {
    Some(match j.s.token_use {
        TokenUse::Access => Checked::pass("token_use is \"access\"."),
        TokenUse::Id => Checked::fail_with(id_token(j.s, j.t.operation.trim())),
        TokenUse::Refresh => Checked::fail("A refresh token.").code(CognitoCode::RefreshTokenSent),
        TokenUse::Unknown => Checked::fail("No token_use: not a Cognito ID or access token."),
    })
}

fn exp(j: &J<'_>) -> Option<Checked> {
    let policy = TimePolicy { absent: (Outcome::Fail, "Cognito access tokens always carry exp."), skew_known: false };
    Some(rule::time(RuleId::Exp, time::evaluate(j.ctx, j.s).exp, &policy))
}

/// The admin scope, judged on access tokens only (an ID token already failed `tokenUse`).
fn scope(j: &J<'_>) -> Option<Checked> {
    if j.s.token_use != TokenUse::Access {
        return None;
    }
    let scopes = j.s.scopes();
    Some(if scopes.iter().any(|sc| sc == ADMIN_SCOPE) {
        Checked::pass("Present.")
    } else {
        Checked::fail_with(admin_scope_missing(j.s, j.t.operation.trim(), &scopes))
    })
}

// Wording: every message and fix of this target, filled from the evidence its rules found.

fn optional_note(s: &Subject<'_>, op: &str, alt: &str) -> Finding {
    s.at_token(
        CognitoCode::OperationTokenOptional,
        format!("{op} takes an access token or {alt}; the rules below are for the access token."),
    )
}

fn not_token(s: &Subject<'_>, op: &str, instead: &str) -> Finding {
    s.at_token(
        CognitoCode::OperationNotToken,
        format!("{op} is not authorized by an access token: it takes {instead}."),
    )
}

fn iam_operation(s: &Subject<'_>, op: &str) -> Finding {
    s.at_token(CognitoCode::OperationNotToken, format!("{op} is authorized with IAM credentials (an AWS SigV4 signature), not with a user's token."))
        .fix("Call it from a backend with IAM permissions for cognito-idp; from the browser, use the user's own operations (GetUser, UpdateUserAttributes, …) with the access token.")
}

fn unknown_operation(s: &Subject<'_>, op: &str) -> Finding {
    s.at_token(CognitoCode::OperationUnknown, format!("\"{op}\" is not a known Cognito user-pool API operation.")).fix(
        format!(
            "Operation names are as in the API reference, e.g. {}.",
            ACCESS_TOKEN_REQUIRED.iter().take(4).copied().collect::<Vec<_>>().join(", ")
        ),
    )
}

fn foreign_token(s: &Subject<'_>, op: &str) -> Finding {
    s.at_claim(
        CognitoCode::ForeignToken,
        "iss",
        format!(
            "{op} accepts only access tokens of a Cognito user pool, and this token's issuer is {}.",
            s.str_claim("iss").map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\""))
        ),
    )
    .fix("Sign in with the Cognito user pool (hosted UI or InitiateAuth) and send its access token.")
}

fn id_token(s: &Subject<'_>, op: &str) -> Finding {
    s.at_claim(CognitoCode::IdTokenForApi, "token_use", format!("{op} needs the access token, and this is the ID token (token_use \"id\"). Cognito rejects it with NotAuthorizedException (the exact message for ID tokens is not documented)."))
        .fix("Send the access_token of the same sign-in (Amplify: (await fetchAuthSession()).tokens.accessToken; token response: access_token, not id_token).")
}

fn admin_scope_missing(s: &Subject<'_>, op: &str, scopes: &[String]) -> Finding {
    let have = if scopes.is_empty() { "no scopes".to_owned() } else { format!("only {}", quoted(scopes)) };
    let machine = s.claim("username").is_none() && !scopes.is_empty() && scopes.iter().all(|sc| sc.contains('/'));
    let (cause, fix) = if machine {
        (
            " It carries only custom scopes and no username: it looks like a client-credentials (machine) token, which represents no user (the exact claims of such tokens are not documented).",
            format!(
                "User-pool operations act on a signed-in user: sign a user in (hosted UI with the scope, or InitiateAuth) and send that user's access token. {ADMIN_SCOPE_FIX}"
            ),
        )
    } else {
        (
            " Tokens from the hosted UI / OAuth endpoints carry only the scopes that were both requested and allowed on the app client.",
            ADMIN_SCOPE_FIX.to_owned(),
        )
    };
    s.at_claim(CognitoCode::AdminScopeMissing, "scope", format!(
        "{op} requires the scope {ADMIN_SCOPE}, and this access token has {have}, so Cognito answers \"Access Token does not have required scopes\".{cause}"
    ))
    .fix(fix)
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::{Decision, Outcome, TokenUse};
    use crate::diagnose::providers::cognito::{ACCESS_TOKEN_REQUIRED, ADMIN_SCOPE};
    use crate::diagnose::testutil::*;

    fn get_user() -> Options {
        opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"cognitoApi","operation":"GetUser"}}}}"#))
    }

    /// Motivating case 1: a hosted-UI access token without aws.cognito.signin.user.admin, sent to GetUser.
    #[test]
    fn get_user_without_admin_scope_is_denied_with_the_fix() {
        let i = run(&cognito_access("openid email profile"), &get_user());
        let v = i.verdict.as_ref().unwrap();
        assert_eq!(v.decision, Decision::Deny);
        let rule = v.rules.iter().find(|r| r.id.as_str() == "scope").unwrap();
        assert_eq!(
            (rule.outcome, rule.code.map(crate::codes::Code::as_str)),
            (Outcome::Fail, Some("COGNITO_ADMIN_SCOPE_MISSING"))
        );
        assert!(v.summary.contains("NotAuthorizedException"), "{}", v.summary);
        let f = find(&i, "COGNITO_ADMIN_SCOPE_MISSING");
        assert!(f.message.contains("Access Token does not have required scopes"));
        let fix = f.fix.as_deref().unwrap();
        for needle in
            ["in the authorize call", "allow it on the app client", "sign in again", "pre-token-generation trigger"]
        {
            assert!(fix.contains(needle), "fix lacks {needle:?}: {fix}");
        }
        assert_eq!(f.location.as_ref().unwrap().member.as_deref(), Some("scope"));
    }

    #[test]
    fn get_user_with_admin_scope_depends_only_on_what_cannot_be_seen() {
        let i = run(&cognito_access("aws.cognito.signin.user.admin"), &get_user());
        assert_lacks(&i, "COGNITO_ADMIN_SCOPE_MISSING");
        let v = i.verdict.unwrap();
        assert_eq!(v.decision, Decision::Unknown);
        let unknown: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Unknown).map(|r| r.id.as_str()).collect();
        assert_eq!(unknown, ["signature"]);
        assert!(v.assumptions[0].contains("revoked"), "{:?}", v.assumptions);
        assert!(v.rules.iter().all(|r| r.outcome != Outcome::Fail));
    }

    #[test]
    fn id_token_to_get_user() {
        let i = run(&cognito_id(), &get_user());
        assert_has(&i, "COGNITO_ID_TOKEN_FOR_API");
        assert_lacks(&i, "COGNITO_ADMIN_SCOPE_MISSING");
        assert_eq!(i.verdict.unwrap().decision, Decision::Deny);
        assert_lacks(&run(&cognito_access(ADMIN_SCOPE), &get_user()), "COGNITO_ID_TOKEN_FOR_API");
    }

    #[test]
    fn expired_access_token_and_every_failure_at_once() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"{ISS}","token_use":"access","scope":"openid","client_id":"{CLIENT}","username":"u","iat":{},"exp":{}}}"#,
                NOW - 7200.0,
                NOW - 3600.0
            ),
        );
        let i = run(&t, &get_user());
        let v = i.verdict.as_ref().unwrap();
        let failing: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id.as_str()).collect();
        assert_eq!(failing, ["exp", "scope"]);
        assert_has(&i, "TIME_EXPIRED");
        assert_has(&i, "COGNITO_ADMIN_SCOPE_MISSING");
    }

    #[test]
    fn operations() {
        let op =
            |name: &str| opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"cognitoApi","operation":"{name}"}}}}"#));
        let t = cognito_access(ADMIN_SCOPE);
        assert_has(&run(&t, &op("AdminGetUser")), "COGNITO_OPERATION_NOT_TOKEN");
        assert_has(&run(&t, &op("InitiateAuth")), "COGNITO_OPERATION_NOT_TOKEN");
        assert_has(&run(&t, &op("GetUsr")), "COGNITO_OPERATION_UNKNOWN");
        assert_has(&run(&t, &op("AssociateSoftwareToken")), "COGNITO_OPERATION_TOKEN_OPTIONAL");
        for name in ACCESS_TOKEN_REQUIRED {
            let i = run(&t, &op(name));
            assert_lacks(&i, "COGNITO_OPERATION_NOT_TOKEN");
            assert_lacks(&i, "COGNITO_OPERATION_UNKNOWN");
            assert_ne!(i.verdict.unwrap().decision, Decision::Deny, "{name}");
        }
    }

    #[test]
    fn machine_token_gets_the_machine_explanation() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"sub":"{CLIENT}","token_use":"access","scope":"https://api.example.com/read","iss":"{ISS}","exp":{},"iat":{NOW},"client_id":"{CLIENT}"}}"#,
                NOW + 3600.0
            ),
        );
        let i = run(&t, &get_user());
        assert!(find(&i, "COGNITO_ADMIN_SCOPE_MISSING").message.contains("client-credentials"));
        assert_has(&i, "COGNITO_CUSTOM_SCOPES");
        assert_lacks(&run(&cognito_access(ADMIN_SCOPE), &with_now(NOW)), "COGNITO_CUSTOM_SCOPES");
    }

    #[test]
    fn foreign_and_refresh_tokens() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"iss":"https://dev-x.us.auth0.com/","scope":"openid","exp":{}}}"#, NOW + 60.0),
        );
        assert_has(&run(&t, &get_user()), "COGNITO_FOREIGN_TOKEN");
        assert_lacks(&run(&cognito_access(ADMIN_SCOPE), &get_user()), "COGNITO_FOREIGN_TOKEN");
        let refresh = format!(
            "{}.a2V5.aXY.Y2lwaGVy.dGFn",
            base64::Engine::encode(
                &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                r#"{"cty":"JWT","enc":"A256GCM","alg":"RSA-OAEP"}"#
            )
        );
        let i = run(&refresh, &get_user());
        assert_has(&i, "COGNITO_REFRESH_TOKEN_SENT");
        assert_eq!(i.verdict.unwrap().decision, Decision::Deny);
        assert_eq!(i.diagnoses[0].token_use, TokenUse::Refresh);
        assert_lacks(&run(&refresh, &with_now(NOW)), "COGNITO_REFRESH_TOKEN_SENT");
    }
}
