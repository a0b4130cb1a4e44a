//! Amazon Cognito user pools: token type, issuer and pool, app client, scopes and groups, and the user-pool API
//! operations that an access token authorizes.
//!
//! Facts and sources: `shared/knowledge/identity-providers.md` §1 (token formats), §2 (operations), §3 (which
//! flows produce which scopes).

use serde_json::Value;

use super::time;
use super::{CognitoApiTarget, Ctx, Outcome, Rule, Subject, TokenUse, Verdict, format_rule, quoted};
use crate::codes::CognitoCode;
use crate::finding::Finding;
use crate::issuer::{CognitoPool, IssuerDiff, issuer_diff};

/// The scope that authorizes the user-pool API operations.
pub const ADMIN_SCOPE: &str = "aws.cognito.signin.user.admin";

/// Operations whose `AccessToken` is required (botocore cognito-idp model).
pub const ACCESS_TOKEN_REQUIRED: &[&str] = &[
    "GetUser",
    "UpdateUserAttributes",
    "DeleteUserAttributes",
    "DeleteUser",
    "ChangePassword",
    "GetUserAttributeVerificationCode",
    "VerifyUserAttribute",
    "SetUserMFAPreference",
    "SetUserSettings",
    "GetUserAuthFactors",
    "GlobalSignOut",
    "ConfirmDevice",
    "ListDevices",
    "UpdateDeviceStatus",
    "StartWebAuthnRegistration",
    "CompleteWebAuthnRegistration",
    "ListWebAuthnCredentials",
    "DeleteWebAuthnCredential",
];

/// Operations that take an access token or an alternative, with the alternative.
pub const ACCESS_TOKEN_OPTIONAL: &[(&str, &str)] = &[
    ("GetDevice", "a device key with IAM-free calls for remembered devices"),
    ("ForgetDevice", "a device key"),
    ("AssociateSoftwareToken", "a Session from an MFA_SETUP challenge instead"),
    ("VerifySoftwareToken", "a Session instead (not both)"),
];

/// Operations that are not authorized by an access token, with what they take instead.
const NOT_TOKEN: &[(&str, &str)] = &[
    ("InitiateAuth", "no token: it is the sign-in call that produces tokens"),
    ("RespondToAuthChallenge", "a challenge Session, not a token"),
    ("SignUp", "no token"),
    ("ConfirmSignUp", "no token"),
    ("ForgotPassword", "no token"),
    ("ConfirmForgotPassword", "no token"),
    ("ResendConfirmationCode", "no token"),
    ("RevokeToken", "the refresh token, not an access token"),
    ("GetTokensFromRefreshToken", "the refresh token"),
    ("UpdateAuthEventFeedback", "a feedback token from the event"),
];

/// The info finding for an expected audience on a Cognito access token, with the `client_id` check it implies.
pub(crate) fn access_token_no_aud(s: &Subject<'_>, expected: &[String]) -> Finding {
    let client = s.str_claim("client_id");
    match client {
        Some(c) if !expected.iter().any(|e| e == c) => s
            .at_claim(CognitoCode::ClientIdMismatch, "client_id", format!(
                "A Cognito access token has no aud; its app client is client_id \"{c}\", which is not the expected {}.", quoted(expected)
            ))
            .fix("Use a token issued to the expected app client, or configure the verifier with this client id."),
        _ => s
            .at_claim(CognitoCode::AccessTokenNoAud, "aud", "A Cognito access token has no aud (by design); its app client is in client_id. Generic verifiers that require aud reject it — this is not an error in the token.")
            .fix("Verify Cognito access tokens with client_id (aws-jwt-verify: CognitoJwtVerifier with tokenUse \"access\" and clientId), or send the ID token where aud is required."),
    }
}

/// Generic Cognito checks (no target needed).
pub(crate) fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    if !s.is_cognito() {
        return;
    }
    let iss = s.str_claim("iss");
    if s.provider.emulator {
        out.push(
            s.at_claim(CognitoCode::Emulator, "iss", format!("\"iss\" {} is a local Cognito emulator (localhost or a local_ pool id). AWS services and verifiers configured for a real pool reject its tokens.", iss.map(|i| format!("\"{i}\"")).unwrap_or_default()))
                .fix("Configure your verifier for the emulator's issuer and JWKS when testing locally (aws-jwt-verify accepts a custom issuer via JwtVerifier); use real pool tokens elsewhere."),
        );
    } else {
        match iss.map(CognitoPool::from_issuer) {
            None => out.push(
                s.at_claim(CognitoCode::IssuerFormat, "iss", "The token has Cognito's claims but no \"iss\".")
                    .fix("Real Cognito tokens always carry iss = https://cognito-idp.<region>.amazonaws.com/<userPoolId>; this token was made or altered elsewhere."),
            ),
            Some(Err(why)) => out.push(
                s.at_claim(CognitoCode::IssuerFormat, "iss", format!("\"iss\" \"{}\" is not a Cognito issuer: {why}.", iss.unwrap_or_default()))
                    .fix("Cognito issuers read exactly https://cognito-idp.<region>.amazonaws.com/<userPoolId>, without a trailing slash or /.well-known/… suffix."),
            ),
            Some(Ok(parsed)) => {
                let (region, pool) = (&parsed.region, &parsed.id);
                if iss.is_some_and(|i| i.contains(".amazonaws.com.cn")) {
                    out.push(s.at_claim(CognitoCode::IssuerUnconfirmed, "iss", "The issuer is in the China partition (amazonaws.com.cn), whose Cognito issuer format is not documented; jwtlens does not judge it."));
                }
                if let Some(prefix) = parsed.id_region()
                    && prefix != region
                {
                    out.push(
                        s.at_claim(CognitoCode::RegionMismatch, "iss", format!("The issuer's host is in {region} but the user pool id {pool} belongs to {prefix}: real Cognito issuers always match."))
                            .fix("The token was not issued by Cognito as is (or the issuer was rewritten). Verifiers derive the JWKS URL from the issuer, so key lookups fail too."),
                    );
                }
                if let Some(expected) = &ctx.region
                    && expected != region
                    && ctx.issuer.as_deref().is_none_or(|i| issuer_diff(iss.unwrap_or_default(), i) == IssuerDiff::Equal)
                {
                    out.push(
                        s.at_claim(CognitoCode::PoolMismatch, "iss", format!("The token's user pool {pool} is in {region}, but {expected} is expected."))
                            .fix("Configure the client (Amplify, SDK) with the user pool of the expected region, or expect the region the pool is in."),
                    );
                }
            }
        }
    }
    match s.str_claim("token_use") {
        Some("id" | "access") => {}
        other => out.push(
            s.at_claim(CognitoCode::TokenUseMissing, "token_use", match other {
                Some(v) => format!("\"token_use\" is \"{v}\"; Cognito tokens say \"id\" or \"access\"."),
                None => "The token has Cognito's issuer but no \"token_use\"; Cognito puts it in every ID and access token.".to_owned(),
            })
            .fix("aws-jwt-verify rejects tokens without token_use (\"Missing Token use. Expected one of: id, access\"). The token was not issued by Cognito as is."),
        ),
    }
    if let Some(expected) = &ctx.expect.client_id {
        let (member, actual) = match s.token_use {
            TokenUse::Access => ("client_id", s.str_claim("client_id")),
            _ => ("aud", s.str_claim("aud")),
        };
        if actual != Some(expected.as_str()) {
            out.push(
                s.at_claim(CognitoCode::ClientIdMismatch, member, format!(
                    "The token was issued to app client {}, but \"{expected}\" is expected ({member} of {}).",
                    actual.map_or_else(|| "(none)".to_owned(), |a| format!("\"{a}\"")), s.token_use.noun()
                ))
                .fix("Sign in with the expected app client (check the client id your app is configured with), or configure the verifier with this one."),
            );
        }
    }
    if let Some(groups) = ctx.expect.groups.as_ref().filter(|g| !g.is_empty()) {
        let have: Vec<&str> = match s.claim("cognito:groups") {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        };
        if !groups.iter().any(|g| have.contains(&g.as_str())) {
            out.push(
                s.at_claim(CognitoCode::GroupMissing, "cognito:groups", format!(
                    "The user is in {} but one of {} is expected.",
                    if have.is_empty() { "no group (no cognito:groups claim)".to_owned() } else { format!("the groups {}", quoted(&have)) }, quoted(groups)
                ))
                .fix("Add the user to the group (AdminAddUserToGroup) and sign in again or refresh: group membership is copied into tokens when they are issued."),
            );
        }
    }
    let custom: Vec<String> = s
        .scopes()
        .into_iter()
        .filter_map(|sc| {
            sc.rsplit_once('/').map(|(server, name)| format!("\"{name}\" of resource server \"{server}\""))
        })
        .collect();
    if !custom.is_empty() && s.token_use == TokenUse::Access {
        out.push(s.at_claim(
            CognitoCode::CustomScopes,
            "scope",
            format!(
                "Custom scopes (resourceServerIdentifier/scopeName, split at the last slash): {}.",
                custom.join(", ")
            ),
        ));
    }
}

/// Reports a refresh token sent to a target.
pub(crate) fn refresh_sent(s: &Subject<'_>, target: &str, out: &mut Vec<Finding>) {
    out.push(
        s.at_token(CognitoCode::RefreshTokenSent, format!("This is a Cognito refresh token (encrypted, readable only by Cognito), and {target} needs an ID or access token."))
            .fix("Use the refresh token only to get new tokens (InitiateAuth with REFRESH_TOKEN_AUTH, or /oauth2/token with grant_type=refresh_token), and send the resulting access or ID token."),
    );
}

/// The fix for a missing `aws.cognito.signin.user.admin` scope.
pub const ADMIN_SCOPE_FIX: &str = "Request the scope aws.cognito.signin.user.admin in the authorize call (scope=openid aws.cognito.signin.user.admin …), allow it on the app client (Allowed OAuth scopes), and sign in again: tokens keep the scopes they were issued with. If it is requested and allowed, a pre-token-generation trigger may be suppressing it (scopesToSuppress). Tokens from SDK sign-in (InitiateAuth) carry it by default.";

/// Simulates a user-pool API call authorized by this token.
pub(crate) fn verdict(ctx: &Ctx<'_>, s: &Subject<'_>, target: &CognitoApiTarget, out: &mut Vec<Finding>) -> Verdict {
    let op = target.operation.trim();
    let mut rules = Vec::new();
    let op_rule = |outcome, detail: String| {
        Rule::new("operation", format!("{op} is authorized by an access token"), outcome, detail)
    };
    if ACCESS_TOKEN_REQUIRED.contains(&op) {
        rules.push(op_rule(
            Outcome::Pass,
            format!("{op} requires a signed-in user's access token with {ADMIN_SCOPE}; IAM is not evaluated."),
        ));
    } else if let Some((_, alt)) = ACCESS_TOKEN_OPTIONAL.iter().find(|(o, _)| *o == op) {
        rules.push(op_rule(Outcome::Pass, format!("{op} takes an access token, or {alt}.")));
        out.push(s.at_token(
            CognitoCode::OperationTokenOptional,
            format!("{op} takes an access token or {alt}; the rules below are for the access token."),
        ));
    } else if let Some((_, instead)) = NOT_TOKEN.iter().find(|(o, _)| *o == op) {
        rules.push(op_rule(Outcome::Fail, format!("{op} takes {instead}.")).code(CognitoCode::OperationNotToken));
        out.push(s.at_token(
            CognitoCode::OperationNotToken,
            format!("{op} is not authorized by an access token: it takes {instead}."),
        ));
    } else if op.starts_with("Admin")
        || op.starts_with("Create")
        || op.starts_with("Describe")
        || op.starts_with("List") && op != "ListDevices"
    {
        rules.push(
            op_rule(
                Outcome::Fail,
                format!("{op} is an administrative call signed with IAM credentials (SigV4), not a user's token."),
            )
            .code(CognitoCode::OperationNotToken),
        );
        out.push(
            s.at_token(CognitoCode::OperationNotToken, format!("{op} is authorized with IAM credentials (an AWS SigV4 signature), not with a user's token."))
                .fix("Call it from a backend with IAM permissions for cognito-idp; from the browser, use the user's own operations (GetUser, UpdateUserAttributes, …) with the access token."),
        );
    } else {
        rules.push(
            op_rule(Outcome::Unknown, format!("{op} is not a user-pool operation jwtlens knows."))
                .code(CognitoCode::OperationUnknown),
        );
        out.push(
            s.at_token(
                CognitoCode::OperationUnknown,
                format!("\"{op}\" is not a known Cognito user-pool API operation."),
            )
            .fix(format!(
                "Operation names are as in the API reference, e.g. {}.",
                ACCESS_TOKEN_REQUIRED.iter().take(4).copied().collect::<Vec<_>>().join(", ")
            )),
        );
    }
    rules.push(format_rule(s, "The token is a signed JWT"));
    if s.is_cognito() && !s.provider.emulator {
        let detail = match (&s.provider.region, &s.provider.user_pool_id) {
            (Some(r), Some(p)) => {
                format!("User pool {p}; call the API in {r} (the SDK client's region must be the pool's).")
            }
            _ => "A Cognito user pool token.".to_owned(),
        };
        rules.push(Rule::new("issuer", "The token was issued by a Cognito user pool", Outcome::Pass, detail));
    } else if s.claims.is_some() {
        let why = if s.provider.emulator { "an emulator's token" } else { "not a Cognito user pool token" };
        rules.push(
            Rule::new(
                "issuer",
                "The token was issued by a Cognito user pool",
                Outcome::Fail,
                format!("iss {}: {why}.", s.str_claim("iss").unwrap_or("absent")),
            )
            .code(CognitoCode::ForeignToken),
        );
        out.push(
            s.at_claim(
                CognitoCode::ForeignToken,
                "iss",
                format!(
                    "{op} accepts only access tokens of a Cognito user pool, and this token's issuer is {}.",
                    s.str_claim("iss").map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\""))
                ),
            )
            .fix("Sign in with the Cognito user pool (hosted UI or InitiateAuth) and send its access token."),
        );
    }
    rules.push(s.signature_rule("Signed by one of the user pool's keys"));
    let use_rule = |outcome, detail: &str| {
        Rule::new("tokenUse", "The token is an access token (token_use \"access\")", outcome, detail)
    };
    match s.token_use {
        TokenUse::Access => rules.push(use_rule(Outcome::Pass, "token_use is \"access\".")),
        TokenUse::Id => {
            rules.push(
                use_rule(Outcome::Fail, "token_use is \"id\": this is the ID token.").code(CognitoCode::IdTokenForApi),
            );
            out.push(
                s.at_claim(CognitoCode::IdTokenForApi, "token_use", format!("{op} needs the access token, and this is the ID token (token_use \"id\"). Cognito rejects it with NotAuthorizedException (the exact message for ID tokens is not documented)."))
                    .fix("Send the access_token of the same sign-in (Amplify: (await fetchAuthSession()).tokens.accessToken; token response: access_token, not id_token)."),
            );
        }
        TokenUse::Refresh => {
            rules.push(use_rule(Outcome::Fail, "A refresh token.").code(CognitoCode::RefreshTokenSent))
        }
        TokenUse::Unknown => rules.push(use_rule(Outcome::Fail, "No token_use: not a Cognito ID or access token.")),
    }
    let times = time::evaluate(ctx, s);
    rules.push(time::rule(
        "exp",
        "Not expired (\"Access Token has expired\")",
        times.exp,
        Outcome::Fail,
        "Cognito access tokens always carry exp.",
        false,
    ));
    let scopes = s.scopes();
    if s.token_use == TokenUse::Access {
        if scopes.iter().any(|sc| sc == ADMIN_SCOPE) {
            rules.push(Rule::new("scope", format!("scope contains {ADMIN_SCOPE}"), Outcome::Pass, "Present."));
        } else {
            let have = if scopes.is_empty() { "no scopes".to_owned() } else { format!("only {}", quoted(&scopes)) };
            rules.push(
                Rule::new("scope", format!("scope contains {ADMIN_SCOPE}"), Outcome::Fail, format!("The token has {have}: Cognito answers \"NotAuthorizedException: Access Token does not have required scopes\"."))
                    .code(CognitoCode::AdminScopeMissing),
            );
            let machine =
                s.claim("username").is_none() && !scopes.is_empty() && scopes.iter().all(|sc| sc.contains('/'));
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
            out.push(
                s.at_claim(CognitoCode::AdminScopeMissing, "scope", format!(
                    "{op} requires the scope {ADMIN_SCOPE}, and this access token has {have}, so Cognito answers \"Access Token does not have required scopes\".{cause}"
                ))
                .fix(fix),
            );
        }
    }
    rules.push(Rule::new(
        "revocation",
        "Not revoked (\"Access Token has been revoked\")",
        Outcome::Unknown,
        "Only Cognito knows: GlobalSignOut, AdminUserGlobalSignOut and RevokeToken revoke tokens that still verify locally.",
    ));
    Verdict::from_rules(s.index, "cognitoApi", &format!("Cognito ({op})"), "NotAuthorizedException", rules)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{Decision, Outcome};
    use super::*;

    fn get_user() -> crate::InspectOptions {
        opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"cognitoApi","operation":"GetUser"}}}}"#))
    }

    /// Motivating case 1: a hosted-UI access token without aws.cognito.signin.user.admin, sent to GetUser.
    #[test]
    fn get_user_without_admin_scope_is_denied_with_the_fix() {
        let i = run(&cognito_access("openid email profile"), &get_user());
        let v = i.verdict.as_ref().unwrap();
        assert_eq!(v.decision, Decision::Deny);
        let rule = v.rules.iter().find(|r| r.id == "scope").unwrap();
        assert_eq!((rule.outcome, rule.code), (Outcome::Fail, Some("COGNITO_ADMIN_SCOPE_MISSING")));
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
        let unknown: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Unknown).map(|r| r.id).collect();
        assert_eq!(unknown, ["signature", "revocation"]);
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
        let failing: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id).collect();
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

    #[test]
    fn issuer_format_and_region() {
        let tok = |iss: &str| {
            jwt(
                r#"{"alg":"RS256"}"#,
                &format!(r#"{{"iss":"{iss}","token_use":"id","cognito:username":"u","exp":{}}}"#, NOW + 60.0),
            )
        };
        assert_has(&run(&tok(&format!("{ISS}/")), &with_now(NOW)), "COGNITO_ISSUER_FORMAT");
        assert_has(
            &run(&tok("http://cognito-idp.us-east-1.amazonaws.com/us-east-1_A1"), &with_now(NOW)),
            "COGNITO_ISSUER_FORMAT",
        );
        assert_has(
            &run(&tok(&format!("{ISS}/.well-known/openid-configuration")), &with_now(NOW)),
            "COGNITO_ISSUER_FORMAT",
        );
        assert_has(
            &run(&tok("https://cognito-idp.eu-west-1.amazonaws.com/us-east-1_A1"), &with_now(NOW)),
            "COGNITO_REGION_MISMATCH",
        );
        let ok = run(&tok(ISS), &with_now(NOW));
        assert_lacks(&ok, "COGNITO_ISSUER_FORMAT");
        assert_lacks(&ok, "COGNITO_REGION_MISMATCH");
        assert_has(
            &run(&tok("https://cognito-idp.cn-north-1.amazonaws.com.cn/cn-north-1_A1"), &with_now(NOW)),
            "COGNITO_ISSUER_UNCONFIRMED",
        );
    }

    #[test]
    fn pool_and_region_expectations() {
        let o = |e: &str| opts(&format!(r#"{{"now":{NOW},"expect":{e}}}"#));
        assert_has(&run(&cognito_id(), &o(r#"{"userPoolId":"us-east-1_Other1"}"#)), "COGNITO_POOL_MISMATCH");
        assert_has(&run(&cognito_id(), &o(r#"{"region":"eu-west-1"}"#)), "COGNITO_POOL_MISMATCH");
        assert_has(
            &run(
                &cognito_id(),
                &o(r#"{"userPoolArn":"arn:aws:cognito-idp:eu-west-1:1:userpool/eu-west-1_AbC123xyz"}"#),
            ),
            "COGNITO_POOL_MISMATCH",
        );
        let good = run(&cognito_id(), &o(&format!(r#"{{"userPoolId":"{POOL}","region":"us-east-1"}}"#)));
        assert_lacks(&good, "COGNITO_POOL_MISMATCH");
        assert_lacks(&good, "CLAIM_ISS_MISMATCH");
    }

    #[test]
    fn client_id_from_aud_or_client_id() {
        let o = |c: &str| opts(&format!(r#"{{"now":{NOW},"expect":{{"clientId":"{c}"}}}}"#));
        assert_lacks(&run(&cognito_id(), &o(CLIENT)), "COGNITO_CLIENT_ID_MISMATCH");
        assert_lacks(&run(&cognito_access(ADMIN_SCOPE), &o(CLIENT)), "COGNITO_CLIENT_ID_MISMATCH");
        assert_has(&run(&cognito_id(), &o("other")), "COGNITO_CLIENT_ID_MISMATCH");
        let i = run(&cognito_access(ADMIN_SCOPE), &o("other"));
        assert_eq!(
            find(&i, "COGNITO_CLIENT_ID_MISMATCH").location.as_ref().unwrap().member.as_deref(),
            Some("client_id")
        );
        // Access tokens have no aud: never an error, even for a verifier that asks for an audience.
        let i =
            run(&cognito_access(ADMIN_SCOPE), &opts(&format!(r#"{{"now":{NOW},"expect":{{"audience":"{CLIENT}"}}}}"#)));
        assert_has(&i, "COGNITO_ACCESS_TOKEN_NO_AUD");
        assert_lacks(&i, "CLAIM_AUD_MISSING");
        assert!(i.findings.iter().all(|f| f.severity != crate::Severity::Error), "{:#?}", i.findings);
    }

    #[test]
    fn token_use_missing_and_groups_and_emulator() {
        let t = jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iss":"{ISS}","cognito:username":"u","exp":{}}}"#, NOW + 60.0));
        assert_has(&run(&t, &with_now(NOW)), "COGNITO_TOKEN_USE_MISSING");
        assert_lacks(&run(&cognito_id(), &with_now(NOW)), "COGNITO_TOKEN_USE_MISSING");
        let g = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"iss":"{ISS}","token_use":"access","cognito:groups":["admins"],"exp":{}}}"#, NOW + 60.0),
        );
        let o = |g: &str| opts(&format!(r#"{{"now":{NOW},"expect":{{"groups":["{g}"]}}}}"#));
        assert_has(&run(&g, &o("editors")), "COGNITO_GROUP_MISSING");
        assert_lacks(&run(&g, &o("admins")), "COGNITO_GROUP_MISSING");
        for iss in ["http://localhost:9229/local_5a6b7c8d", "http://127.0.0.1:4566/us-east-1_abc"] {
            let e =
                jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"iss":"{iss}","token_use":"access","exp":{}}}"#, NOW + 60.0));
            let i = run(&e, &with_now(NOW));
            assert_has(&i, "COGNITO_EMULATOR");
            assert_lacks(&i, "COGNITO_ISSUER_FORMAT");
        }
        assert_lacks(&run(&cognito_id(), &with_now(NOW)), "COGNITO_EMULATOR");
    }
}
