//! The answer from the paste alone: with no target given, every service the token itself makes plausible — from
//! its issuer (a Cognito pool and region), its app client (`client_id`, `aud`), its type and its scopes — is
//! simulated with the target table, and each gives one row: the service, its decision, the rule that decides it,
//! and the fix. So "GetUser would reject this token: the scope … is missing" appears on paste, before anyone knows
//! which service to choose. Each row lists every failing rule with its code and fix (`failing`), not only the first;
//! tokens of a recognised provider are judged by that provider's preset (its middleware's checks).

use serde::Serialize;
use ts_rs::TS;

use super::model::{Decision, Outcome, ProviderId, RuleId, TokenUse};
use super::options::{
    AlbOidcTarget, ApiGatewayHttpTarget, ApiGatewayRestTarget, Auth0ApiTarget, CognitoApiTarget, EntraApiTarget,
    FirebaseIdTokenTarget, GoogleIdTokenTarget, KeycloakApiTarget, OidcTarget, OktaApiTarget, ResourceServerTarget,
    Target,
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
    /// The provider detected from the token.
    pub provider: ProviderId,
    /// Every failing rule, in the service's order, each with its code and fix (empty unless the decision is deny).
    pub failing: Vec<FailingRule>,
}

/// One failing rule of a plausible service's verdict.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FailingRule {
    /// The rule.
    pub rule: RuleId,
    /// The finding code that explains it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "FindingCode")]
    pub code: Option<Code>,
    /// Why it fails.
    pub detail: String,
    /// What to do about it.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fix: Option<String>,
}

/// The scope the user-pool API operations need.
const ADMIN_SCOPE: &str = super::providers::cognito::ADMIN_SCOPE;

/// The services a token makes plausible, as (service in words, target).
fn plausible(s: &Subject<'_>) -> Vec<(String, Target)> {
    if s.claims.is_none() {
        return Vec::new();
    }
    if s.is_cognito() {
        return if matches!(s.token_use, TokenUse::Access | TokenUse::Id) { cognito(s) } else { Vec::new() };
    }
    if let Some(preset) = preset(s) {
        return vec![preset];
    }
    match s.token_use {
        TokenUse::Id => oidc(s).into_iter().collect(),
        TokenUse::Access => resource_server(s).into_iter().collect(),
        _ => Vec::new(),
    }
}

/// The service of a recognised provider's token, judged as that provider's middleware does.
fn preset(s: &Subject<'_>) -> Option<(String, Target)> {
    let iss = s.str_claim("iss").unwrap_or("");
    let aud = s.audiences().unwrap_or_default();
    let first = |skip: &dyn Fn(&str) -> bool| aud.iter().find(|a| !skip(a)).map(|a| (*a).to_owned());
    if aud.contains(&super::targets::firebase_id_token::CUSTOM_TOKEN_AUDIENCE) {
        let project = iss.split_once('@').and_then(|(_, d)| d.strip_suffix(".iam.gserviceaccount.com")).unwrap_or("");
        let target = Target::FirebaseIdToken(FirebaseIdTokenTarget { project_id: project.to_owned() });
        return Some(("A backend verifying Firebase ID tokens (firebase-admin)".to_owned(), target));
    }
    let p = &s.provider;
    let access = s.token_use == TokenUse::Access;
    let (service, target) = match p.id {
        ProviderId::EntraV1 | ProviderId::EntraV2 if access => {
            let aud = first(&|_| false)?;
            // api://<GUID> is the default App ID URI; any other URI is a custom one, configured as Audience.
            let guid = |v: &str| v.len() == 36 && v.matches('-').count() == 4;
            let client = aud.strip_prefix("api://").filter(|c| guid(c)).unwrap_or(&aud).to_owned();
            let custom = (aud.contains("://") && !guid(&client)).then(|| aud.clone());
            let tenant = p.tenant_id.clone().unwrap_or_default();
            let target =
                EntraApiTarget { tenant_id: tenant, client_id: client, audience: custom, ..EntraApiTarget::default() };
            (format!("An ASP.NET Core API ({aud}) protected by Microsoft.Identity.Web"), Target::EntraApi(target))
        }
        ProviderId::Auth0 if access || aud.iter().any(|a| a.ends_with("/userinfo")) => {
            let audience = first(&|a| a.ends_with("/userinfo")).unwrap_or_else(|| "<your API identifier>".to_owned());
            let domain = crate::issuer::parse_url(iss).map(|u| u.hostname()).unwrap_or_default();
            let target = Auth0ApiTarget { domain, audience: audience.clone(), ..Auth0ApiTarget::default() };
            (format!("A Node API ({audience}) protected by express-oauth2-jwt-bearer"), Target::Auth0Api(target))
        }
        ProviderId::OktaOrg | ProviderId::OktaCustom if access => {
            let audience = first(&|_| false)?;
            let target =
                OktaApiTarget { issuer: iss.to_owned(), audience: audience.clone(), ..OktaApiTarget::default() };
            (format!("An API ({audience}) validating Okta access tokens (okta-jwt-verifier)"), Target::OktaApi(target))
        }
        ProviderId::Keycloak if access || s.token_use == TokenUse::Refresh || s.str_claim("typ") == Some("Refresh") => {
            let target = KeycloakApiTarget { realm_url: iss.to_owned(), ..KeycloakApiTarget::default() };
            (format!("An API accepting access tokens of the Keycloak realm {iss}"), Target::KeycloakApi(target))
        }
        ProviderId::Google if s.token_use == TokenUse::Id => {
            let target =
                GoogleIdTokenTarget { audiences: aud.iter().map(|a| (*a).to_owned()).collect(), hosted_domain: None };
            ("A backend verifying Google ID tokens (google-auth-library)".to_owned(), Target::GoogleIdToken(target))
        }
        ProviderId::Firebase if s.token_use == TokenUse::Id => {
            let target = FirebaseIdTokenTarget { project_id: p.project_id.clone().unwrap_or_default() };
            ("A backend verifying Firebase ID tokens (firebase-admin)".to_owned(), Target::FirebaseIdToken(target))
        }
        ProviderId::Alb => {
            let arn = s.header_str("signer").unwrap_or("").to_owned();
            let target = AlbOidcTarget { alb_arn: arn, ..AlbOidcTarget::default() };
            ("A backend behind the load balancer reading x-amzn-oidc-data".to_owned(), Target::AlbOidc(target))
        }
        _ => return None,
    };
    Some((service, target))
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
            ..ResourceServerTarget::default()
        }),
    ))
}

/// Every plausible service's answer for one token; `reported` are the diagnosis's findings (a rule's fix is looked
/// up there when the rule's own findings have none: the time checks report expiry once, for every service).
pub(crate) fn answers(ctx: &Ctx<'_>, s: &Subject<'_>, reported: &[Finding]) -> Vec<Answer> {
    plausible(s).into_iter().map(|(service, target)| answer(ctx, s, reported, service, target)).collect()
}

fn answer(ctx: &Ctx<'_>, s: &Subject<'_>, reported: &[Finding], service: String, target: Target) -> Answer {
    let (verdict, findings) = targets::verdict(&target, ctx, s);
    let deciding = verdict
        .rules
        .iter()
        .find(|r| r.outcome == Outcome::Fail)
        .or_else(|| verdict.rules.iter().find(|r| r.outcome == Outcome::Unknown));
    let explaining = |code: Code| {
        findings
            .iter()
            .chain(reported.iter().filter(|f| f.location.as_ref().and_then(|l| l.token).is_none_or(|t| t == s.index)))
            .find(|f: &&Finding| f.code == code && f.fix.is_some())
    };
    let fix = deciding.and_then(|r| r.code).and_then(explaining).and_then(|f| f.fix.clone());
    let failing: Vec<FailingRule> = verdict
        .rules
        .iter()
        .filter(|r| r.outcome == Outcome::Fail)
        .map(|r| FailingRule {
            rule: r.id,
            code: r.code,
            detail: r.detail.clone(),
            fix: r.code.and_then(explaining).and_then(|f| f.fix.clone()),
        })
        .collect();
    Answer {
        provider: s.provider.id,
        failing,
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
        assert!(
            matches!(&i.answers[0].target, Target::Auth0Api(t) if t.audience == "https://api" && t.domain == "dev-x.us.auth0.com")
        );
        assert_eq!(i.answers[0].provider, ProviderId::Auth0);
        assert_eq!(i.answers[0].decision, Decision::Unknown);
        // A token that says nothing about its use gets no answers.
        assert!(run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1"}"#), &with_now(NOW)).answers.is_empty());
    }

    /// An expired hosted-UI token without the admin scope: GetUser lists both failing rules, each with its fix.
    #[test]
    fn every_failing_rule_is_listed_with_its_fix() {
        let expired = with_now(NOW + 365.0 * 86400.0);
        let i = run(&cognito_access("openid email"), &expired);
        let get_user = &i.answers[0];
        let rules: Vec<&str> = get_user.failing.iter().map(|f| f.rule.as_str()).collect();
        assert_eq!(rules, ["exp", "scope"], "{:#?}", get_user.failing);
        assert!(get_user.failing.iter().all(|f| f.fix.is_some()), "{:#?}", get_user.failing);
        assert_eq!(get_user.provider, ProviderId::Cognito);
        // Open answers list nothing.
        let i = run(&cognito_access("openid aws.cognito.signin.user.admin"), &with_now(NOW));
        assert!(i.answers[0].failing.is_empty());
    }

    /// Tokens of recognised providers are judged by their provider's preset.
    #[test]
    fn providers_get_their_presets() {
        let kinds = |t: &str| -> Vec<(&'static str, Decision)> {
            run(t, &with_now(NOW)).answers.iter().map(|a| (a.target.kind_name(), a.decision)).collect()
        };
        let refresh = jwt(
            r#"{"alg":"HS512","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://sso.example.com/realms/acme","typ":"Refresh","azp":"web","scope":"openid","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_eq!(kinds(&refresh), [("keycloakApi", Decision::Deny)]);
        let custom = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"sa@my-project.iam.gserviceaccount.com","aud":"{}","uid":"u","exp":{}}}"#,
                crate::diagnose::targets::firebase_id_token::CUSTOM_TOKEN_AUDIENCE,
                NOW + 60.0
            ),
        );
        assert_eq!(kinds(&custom), [("firebaseIdToken", Decision::Deny)]);
        let google = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"accounts.google.com","aud":"web","azp":"android","sub":"1","iat":{NOW},"exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_eq!(kinds(&google), [("googleIdToken", Decision::Unknown)]);
        let entra = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://sts.windows.net/t1/","aud":"api://orders","ver":"1.0","scp":"read","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&entra, &with_now(NOW));
        assert!(
            matches!(&i.answers[0].target, Target::EntraApi(t) if t.tenant_id == "t1" && t.audience.as_deref() == Some("api://orders"))
        );
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
