//! The answer from the paste alone: with no target given, every service the token itself makes plausible — from
//! its issuer (a Cognito pool and region), its app client (`client_id`, `aud`), its type and its scopes — is
//! simulated with the target table, and each gives one row: the service, its decision, the rule that decides it,
//! and the fix. So "GetUser would reject this token: the scope … is missing" appears on paste, before anyone knows
//! which service to choose.

use serde::Serialize;
use ts_rs::TS;

use super::model::{Decision, Outcome, RuleId, TokenUse};
use super::options::{
    ApiGatewayHttpTarget, ApiGatewayRestTarget, CognitoApiTarget, OidcTarget, ResourceServerTarget, Target,
};
use super::subject::{Ctx, Subject};
use super::targets;
use crate::codes::Code;
use crate::finding::Finding;

/// What one service the token makes plausible would decide.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Answer {
    /// Index of the token in `Inspection.tokens`.
    pub token: usize,
    /// The service, in words.
    pub service: String,
    /// The target simulated: pass it as `options.target` for its rule-by-rule verdict.
    pub target: Target,
    /// Allow, deny or unknown.
    pub decision: Decision,
    /// The rule that decides it: the first failing rule, else the first open one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub rule: Option<RuleId>,
    /// The finding code that explains the decision.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "FindingCode")]
    pub code: Option<Code>,
    /// Why, in one line.
    pub reason: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fix: Option<String>,
    /// For an open decision: the input of the caller's that would settle it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub settle: Option<String>,
}

/// The scope the user-pool API operations need.
const ADMIN_SCOPE: &str = super::providers::cognito::ADMIN_SCOPE;

/// The services a token makes plausible, as (service in words, target).
fn plausible(s: &Subject<'_>) -> Vec<(String, Target)> {
    if s.claims.is_none() {
        return Vec::new();
    }
    match (s.is_cognito(), s.token_use) {
        (true, TokenUse::Access | TokenUse::Id) => cognito(s),
        (false, TokenUse::Id) => oidc(s).into_iter().collect(),
        (false, TokenUse::Access) => resource_server(s).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// A Cognito ID or access token: the user-pool API, the REST authorizer with and without method scopes, the HTTP
/// API authorizer for the pool and app client — in the order most likely to matter for the token's type.
fn cognito(s: &Subject<'_>) -> Vec<(String, Target)> {
    let get_user = (
        format!("Cognito GetUser and the other user-pool API operations that need {ADMIN_SCOPE}"),
        Target::CognitoApi(CognitoApiTarget { operation: "GetUser".to_owned() }),
    );
    let arn = match (&s.provider.region, &s.provider.user_pool_id) {
        (Some(region), Some(pool)) => format!("arn:aws:cognito-idp:{region}:<account>:userpool/{pool}"),
        _ => return vec![get_user],
    };
    let rest = |scopes: Option<Vec<String>>| {
        Target::ApiGatewayRest(ApiGatewayRestTarget {
            provider_arns: vec![arn.clone()],
            scopes,
            identity_validation_expression: None,
            header_value: None,
        })
    };
    let no_scopes =
        ("API Gateway REST API, Cognito authorizer, on a method without OAuth scopes".to_owned(), rest(None));
    let client = match s.token_use {
        TokenUse::Access => s.str_claim("client_id"),
        _ => s.audiences().and_then(|a| a.first().copied()),
    };
    let http = client.zip(s.str_claim("iss")).map(|(client, iss)| {
        (
            "API Gateway HTTP API, JWT authorizer for this user pool and app client".to_owned(),
            Target::ApiGatewayHttp(ApiGatewayHttpTarget {
                issuer: iss.to_owned(),
                audiences: vec![client.to_owned()],
                scopes: None,
            }),
        )
    });
    if s.token_use == TokenUse::Access {
        let scopes = s.scopes();
        let with_scopes = (!scopes.is_empty()).then(|| {
            let named = scopes.join(" ");
            (
                format!("API Gateway REST API, Cognito authorizer, on a method with OAuth scopes among: {named}"),
                rest(Some(scopes)),
            )
        });
        [Some(get_user), with_scopes, Some(no_scopes), http].into_iter().flatten().collect()
    } else {
        let with_scopes = (
            "API Gateway REST API, Cognito authorizer, on a method with OAuth scopes".to_owned(),
            rest(Some(vec!["<method scope>".to_owned()])),
        );
        [Some(no_scopes), http, Some(with_scopes), Some(get_user)].into_iter().flatten().collect()
    }
}

/// Another provider's ID token: an OpenID Connect relying party of its own issuer and audience.
fn oidc(s: &Subject<'_>) -> Option<(String, Target)> {
    let issuer = s.str_claim("iss")?;
    let client = s.str_claim("azp").or_else(|| s.audiences().and_then(|a| a.first().copied()))?;
    Some((
        format!("An OpenID Connect client ({client}) signing users in with {}", s.provider.name),
        Target::Oidc(OidcTarget { issuer: issuer.to_owned(), client_id: client.to_owned() }),
    ))
}

/// Another provider's access token: a resource server (API) of its own issuer and audience.
fn resource_server(s: &Subject<'_>) -> Option<(String, Target)> {
    let issuer = s.str_claim("iss")?;
    let audience = s.audiences().and_then(|a| a.first().copied())?;
    Some((
        format!("An API ({audience}) accepting access tokens from {}", s.provider.name),
        Target::ResourceServer(ResourceServerTarget {
            issuer: issuer.to_owned(),
            audience: audience.to_owned(),
            scopes: None,
            require_at_jwt: None,
        }),
    ))
}

/// Every plausible service's answer for one token.
pub(crate) fn answers(ctx: &Ctx<'_>, s: &Subject<'_>) -> Vec<Answer> {
    plausible(s).into_iter().map(|(service, target)| answer(ctx, s, service, target)).collect()
}

fn answer(ctx: &Ctx<'_>, s: &Subject<'_>, service: String, target: Target) -> Answer {
    let (verdict, findings) = targets::verdict(&target, ctx, s);
    let deciding = verdict
        .rules
        .iter()
        .find(|r| r.outcome == Outcome::Fail)
        .or_else(|| verdict.rules.iter().find(|r| r.outcome == Outcome::Unknown));
    let explaining = |code: Code| findings.iter().find(|f: &&Finding| f.code == code);
    let fix = deciding.and_then(|r| r.code).and_then(explaining).and_then(|f| f.fix.clone());
    Answer {
        token: s.index,
        service,
        decision: verdict.decision,
        rule: deciding.map(|r| r.id),
        code: deciding.and_then(|r| r.code),
        reason: deciding.map_or_else(|| verdict.summary.clone(), |r| r.detail.clone()),
        fix,
        settle: deciding.and_then(|r| r.settle.clone()),
        target,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::testutil::*;

    fn rows(i: &Inspection) -> Vec<(String, Decision, Option<&'static str>, Option<&'static str>)> {
        i.answers
            .iter()
            .map(|a| (a.service.clone(), a.decision, a.rule.map(RuleId::as_str), a.code.map(Code::as_str)))
            .collect()
    }

    /// Motivating case 1 from the paste alone: a hosted-UI access token without the admin scope.
    #[test]
    fn cognito_access_token_without_admin_scope() {
        let i = run(&cognito_access("openid email"), &with_now(NOW));
        assert!(i.verdict.is_none());
        let rows = rows(&i);
        assert_eq!(rows.len(), 4, "{rows:#?}");
        let (service, decision, rule, code) = &rows[0];
        assert!(service.starts_with("Cognito GetUser"), "{service}");
        assert_eq!((*decision, *rule, *code), (Decision::Deny, Some("scope"), Some("COGNITO_ADMIN_SCOPE_MISSING")));
        let get_user = &i.answers[0];
        let fix = get_user.fix.as_deref().unwrap();
        assert!(
            fix.contains("in the authorize call")
                && fix.contains("allow it on the app client")
                && fix.contains("sign in again")
        );
        assert!(get_user.reason.contains("aws.cognito.signin.user.admin"), "{}", get_user.reason);
        // A method with the token's scopes accepts it up to the signature; one without scopes wants the ID token.
        assert!(rows[1].0.contains("openid email"), "{}", rows[1].0);
        assert_eq!((rows[1].1, rows[1].2), (Decision::Unknown, Some("signature")));
        assert_eq!(i.answers[1].settle.as_deref(), Some("the issuer's keys (its JWKS)"));
        assert_eq!((rows[2].1, rows[2].3), (Decision::Deny, Some("APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES")));
        assert_eq!((rows[3].1, rows[3].2), (Decision::Unknown, Some("kid")));
        // The answers' findings stay in the answers.
        assert_lacks(&i, "COGNITO_ADMIN_SCOPE_MISSING");
        // With the admin scope, GetUser is open only on the signature.
        let i = run(&cognito_access("openid aws.cognito.signin.user.admin"), &with_now(NOW));
        assert_eq!((i.answers[0].decision, i.answers[0].rule), (Decision::Unknown, Some(RuleId::Signature)));
    }

    #[test]
    fn cognito_id_token() {
        let i = run(&cognito_id(), &with_now(NOW));
        let rows = rows(&i);
        assert_eq!(rows.len(), 4, "{rows:#?}");
        assert!(rows[0].0.contains("without OAuth scopes"));
        assert_eq!(rows[0].1, Decision::Unknown);
        assert_eq!((rows[2].1, rows[2].3), (Decision::Deny, Some("APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES")));
        assert_eq!((rows[3].1, rows[3].3), (Decision::Deny, Some("COGNITO_ID_TOKEN_FOR_API")));
        assert!(matches!(&i.answers[1].target, Target::ApiGatewayHttp(t) if t.audiences == [CLIENT]));
    }

    #[test]
    fn another_providers_tokens() {
        let id = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://dev-x.us.auth0.com/","sub":"u","aud":"web","exp":{},"iat":{NOW},"nonce":"n"}}"#,
                NOW - 10.0
            ),
        );
        let i = run(&id, &with_now(NOW));
        assert_eq!(i.answers.len(), 1);
        assert!(matches!(&i.answers[0].target, Target::Oidc(t) if t.client_id == "web"));
        assert_eq!((i.answers[0].decision, i.answers[0].rule), (Decision::Deny, Some(RuleId::Exp)));
        let access = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://dev-x.us.auth0.com/","sub":"u","aud":"https://api","scope":"read","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&access, &with_now(NOW));
        assert!(matches!(&i.answers[0].target, Target::ResourceServer(t) if t.audience == "https://api"));
        assert_eq!(i.answers[0].decision, Decision::Unknown);
        // A token that says nothing about its use gets no answers.
        assert!(run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1"}"#), &with_now(NOW)).answers.is_empty());
    }

    /// With a target, the target's verdict replaces the answers.
    #[test]
    fn a_target_replaces_the_answers() {
        let i = run(
            &cognito_access("x"),
            &opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"cognitoApi","operation":"GetUser"}}}}"#)),
        );
        assert!(i.answers.is_empty());
        assert!(i.verdict.is_some());
    }
}
