//! Amazon Cognito user pools: how their tokens are recognised, the claims Cognito defines, its checks (issuer and
//! pool, token type, app client, groups, custom scopes), and what the user-pool API operations take.
//!
//! Facts (public sources): tokens and claims — Amazon Cognito Developer Guide, "Understanding user pool JSON web
//! tokens" (ID, access and refresh tokens; `token_use`; access tokens carry `client_id` and no `aud`; lifetimes of
//! 5 minutes to 1 day); which operations take an access token — the Amazon Cognito API Reference (`AccessToken`
//! members of each request) and botocore's `cognito-idp` model; the `aws.cognito.signin.user.admin` scope — the
//! Developer Guide's "Scopes, M2M, and APIs with resource servers".

use serde_json::{Map, Value};

use super::spec::{ProviderSpec, Seen};
use crate::codes::CognitoCode;
use crate::decode::token::Token;
use crate::diagnose::model::TokenUse;
use crate::diagnose::model::{ProviderDetection, ProviderId};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::{Finding, quoted};
use crate::issuer::{CognitoPool, IssuerDiff, issuer_diff, looks_like_pool_id};

pub(crate) const SPEC: ProviderSpec = ProviderSpec {
    name: "Amazon Cognito",
    ids: &[ProviderId::Cognito],
    by_issuer,
    by_shape,
    alg: Some("RS256"),
    lifetime,
    header: &[],
    claims: &[
        (
            "scope",
            "The granted OAuth scopes, space-separated; aws.cognito.signin.user.admin authorizes the user-pool API, custom scopes read resourceServer/scope.",
        ),
        ("client_id", "The app client the access token was issued to (access tokens have no aud)."),
        ("username", "The user name in the user pool."),
        ("version", "Token format version, seen as 2 in tokens from the OAuth endpoints (meaning not documented)."),
        ("identities", "The federated identities (Google, SAML, …) linked to the user."),
    ],
    claims_anywhere: &[
        ("token_use", "Which token this is: id or access."),
        ("cognito:username", "The user name in the user pool (for federated users like google_1052…)."),
        ("cognito:groups", "The user pool groups the user is in."),
        ("cognito:preferred_role", "The IAM role of the user's highest-precedence group."),
        ("cognito:roles", "The IAM roles of the user's groups."),
        (
            "origin_jti",
            "Identifier of the original authentication, shared by the tokens of one sign-in; used for revocation.",
        ),
        ("event_id", "An identifier of the authentication event (meaning not documented by AWS)."),
        ("device_key", "The remembered device's key (device tracking)."),
    ],
    check,
    ..ProviderSpec::BASE
};

fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let url = seen.url.as_ref()?;
    let host = url.hostname();
    let segs = url.segments();
    if host.starts_with("cognito-idp.") && (host.ends_with(".amazonaws.com") || host.ends_with(".amazonaws.com.cn")) {
        let mut p = ProviderDetection::new(ProviderId::Cognito, "iss is a cognito-idp host.");
        p.region = host.split('.').nth(1).map(str::to_owned);
        p.user_pool_id = segs.first().map(|s| (*s).to_owned());
        p.emulator = p.user_pool_id.as_deref().is_some_and(|id| id.starts_with("local_"));
        return Some(p);
    }
    let pool = segs.first().filter(|s| url.is_local() && looks_like_pool_id(s))?;
    let mut p = ProviderDetection::new(
        ProviderId::Cognito,
        format!("iss {} is a local host with a user-pool-id path, as Cognito emulators issue.", seen.iss),
    );
    p.user_pool_id = Some((*pool).to_owned());
    p.region = pool.split_once('_').map(|(r, _)| r.to_owned()).filter(|r| r != "local");
    p.emulator = true;
    Some(p)
}

fn by_shape(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let looks =
        seen.has("token_use") && (seen.has("cognito:username") || seen.has("client_id") || seen.has("origin_jti"));
    looks.then(|| {
        ProviderDetection::new(
            ProviderId::Cognito,
            "The claims have Cognito's shape (token_use with cognito:username, client_id or origin_jti).",
        )
    })
}

fn lifetime(token_use: TokenUse) -> Option<(f64, &'static str)> {
    matches!(token_use, TokenUse::Id | TokenUse::Access)
        .then_some((86_400.0, "Cognito ID and access tokens last 5 minutes to 1 day (default 1 hour)"))
}

/// Whether an encrypted token has the header of a Cognito refresh token (`cty: JWT`, RSA-OAEP, A256GCM).
pub(crate) fn is_refresh_token(token: &Token) -> bool {
    let h = token.header_object();
    let get = |k: &str| h.and_then(|h: &Map<String, Value>| h.get(k)).and_then(Value::as_str);
    get("cty").is_some_and(|c| c.eq_ignore_ascii_case("JWT"))
        && get("alg") == Some("RSA-OAEP")
        && get("enc") == Some("A256GCM")
}

/// The scope that authorizes the user-pool API operations.
pub const ADMIN_SCOPE: &str = "aws.cognito.signin.user.admin";

/// Every operation a user's access token authorizes, as the surfaces suggest them: first the ones whose
/// `AccessToken` is required (botocore cognito-idp model), then those of [`ACCESS_TOKEN_OPTIONAL`] (a unit test keeps
/// the two lists in step).
pub const OPERATIONS: &[&str] = &[
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
    "GetDevice",
    "ForgetDevice",
    "AssociateSoftwareToken",
    "VerifySoftwareToken",
];

/// Operations whose `AccessToken` is required: the first of [`OPERATIONS`].
pub const ACCESS_TOKEN_REQUIRED: &[&str] = OPERATIONS.split_at(18).0;

/// Operations that take an access token or an alternative, with the alternative.
pub const ACCESS_TOKEN_OPTIONAL: &[(&str, &str)] = &[
    ("GetDevice", "a device key with IAM-free calls for remembered devices"),
    ("ForgetDevice", "a device key"),
    ("AssociateSoftwareToken", "a Session from an MFA_SETUP challenge instead"),
    ("VerifySoftwareToken", "a Session instead (not both)"),
];

/// Operations that are not authorized by an access token, with what they take instead.
pub(crate) const NOT_TOKEN: &[(&str, &str)] = &[
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

/// Cognito's checks, on Cognito tokens (no target needed).
fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    check_issuer(ctx, s, out);
    check_token_use(s, out);
    check_client(ctx, s, out);
    check_groups(ctx, s, out);
    check_custom_scopes(s, out);
}

/// The issuer: an emulator, a malformed issuer, a region that contradicts the pool id, another region than expected.
fn check_issuer(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
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
                        s.at_claim(CognitoCode::RegionMismatch, "iss", format!("The issuer's region is {region} (its host is cognito-idp.{region}.amazonaws.com), but the user pool id {pool} belongs to the region {prefix}: in real Cognito issuers the two regions are always the same."))
                            .fix(format!("The token was not issued by Cognito as is, or its issuer was rewritten. A pool of {prefix} issues https://cognito-idp.{prefix}.amazonaws.com/{pool}; verifiers derive the JWKS URL from the issuer, so the key lookup in {region} fails too.")),
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
}

/// `token_use` is `id` or `access`.
fn check_token_use(s: &Subject<'_>, out: &mut Vec<Finding>) {
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
}

/// The app client: `aud` of an ID token, `client_id` of an access token.
fn check_client(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
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
}

/// The expected groups.
fn check_groups(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
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
}

/// Custom scopes, explained.
fn check_custom_scopes(s: &Subject<'_>, out: &mut Vec<Finding>) {
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

#[cfg(test)]
mod tests {
    #[test]
    fn the_suggested_operations_are_those_an_access_token_authorizes() {
        let mut expected: Vec<&str> = ACCESS_TOKEN_REQUIRED.to_vec();
        expected.extend(ACCESS_TOKEN_OPTIONAL.iter().map(|(op, _)| *op));
        assert_eq!(OPERATIONS, expected.as_slice());
    }

    use super::{ACCESS_TOKEN_OPTIONAL, ACCESS_TOKEN_REQUIRED, ADMIN_SCOPE, OPERATIONS};
    use crate::diagnose::testutil::*;

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
        assert!(i.findings.iter().all(|f| f.severity != crate::codes::Severity::Error), "{:#?}", i.findings);
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
