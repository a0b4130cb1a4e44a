//! Diagnosis: why would a server reject this token?
//!
//! Given the decoded tokens and a [`Context`] (evaluation time, clock skew, expectations, target service), the
//! diagnosis
//! - detects the issuing provider and whether the token is an ID, access or refresh token ([`providers`], a table
//!   of providers);
//! - runs every check at once ([`checks`]: time, the caller's expectations, OIDC and RFC 8725/9068, the provider's
//!   own, and whether an ID and an access token pasted together belong to one sign-in), each problem a finding
//!   naming the claim it concerns;
//! - with a target, simulates the service's decision as a [`Verdict`] from the target's table of rules
//!   ([`targets`]), in the order the service applies them;
//! - catalogues every header parameter and claim ([`catalogue`]).
//!
//! Inside, [`model`] holds the result types, [`options`] the caller's context, [`subject`] the view every check
//! reads. What jwtlens cannot see is never guessed: the signature (unless a verification result is passed in),
//! revocation, and whether the service runs the configuration given make a rule `unknown`, never `pass`. Nothing
//! here reads a clock.

pub mod answers;
pub mod catalogue;
pub(crate) mod checks;
pub mod model;
pub mod options;
pub mod providers;
pub(crate) mod subject;
pub(crate) mod targets;
#[cfg(test)]
mod testutil;

use std::collections::HashSet;

use serde::Serialize;

pub use answers::{Answer, FailingRule};
pub use model::{
    CatalogueEntry, ClaimMeaning, Decision, Outcome, ProviderDetection, ProviderId, Rule, RuleId, SettingKind,
    SettingSpec, SignatureEvidence, SignatureStatus, TargetForm, TargetKind, TimeInfo, TokenDiagnosis, TokenUse,
    Verdict,
};
pub use options::{
    AlbJwtTarget, AlbOidcTarget, ApiGatewayHttpTarget, ApiGatewayRestTarget, Auth0ApiTarget, CognitoApiTarget, Context,
    EntraApiTarget, Expectations, ExpectedUse, FirebaseIdTokenTarget, GoogleIdTokenTarget, KeycloakApiTarget,
    OidcTarget, OktaApiTarget, OneOrMany, ResourceServerTarget, Target,
};

use self::subject::{Ctx, Subject, innermost};
use crate::codes::{Code, CognitoCode, OptionCode, TimeCode};
use crate::decode::token::{Token, TokenKind};
use crate::evaluation::{Evaluation, InvalidTime};
use crate::finding::Finding;
use crate::limits::{Limit, count};

/// Everything the diagnosis adds to an inspection.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Diagnosis {
    /// Findings, each located in its token.
    pub findings: Vec<Finding>,
    /// One diagnosis per token, in token order.
    pub tokens: Vec<TokenDiagnosis>,
    /// With a target: its verdict for the token it takes (or the best verdict among the tokens).
    pub verdict: Option<Verdict>,
    /// Without a target: what every service the tokens make plausible would decide.
    pub answers: Vec<Answer>,
}

/// Diagnoses `tokens` (as decoded by [`crate::decode::decode_input`]) in `context`.
///
/// `signatures[i]` is what a verification found for token `i`; missing entries mean unchecked.
#[must_use]
pub fn diagnose(tokens: &[Token], context: &Context<'_>, signatures: &[SignatureEvidence]) -> Diagnosis {
    let mut out = Diagnosis::default();
    let mut ctx = Ctx::new(context);
    context_findings(&mut ctx, context, tokens, &mut out.findings);
    let subjects: Vec<Subject<'_>> = tokens
        .iter()
        .enumerate()
        .map(|(index, outer)| subject(index, outer, signatures.get(index).copied().unwrap_or_default()))
        .collect();
    let mut rule_findings = Vec::with_capacity(subjects.len());
    for s in &subjects {
        let (diagnosis, findings, from_rules) = diagnose_token(&ctx, s);
        out.findings.extend(findings);
        rule_findings.push(from_rules);
        out.tokens.push(diagnosis);
    }
    match ctx.target {
        Some(target) => {
            let judged = judged_token(target, &out.tokens);
            out.verdict = judged.and_then(|(i, _)| out.tokens.get(i)).and_then(|t| t.verdict.clone());
            if let (Some(verdict), Some((_, true))) = (&mut out.verdict, judged)
                && tokens.len() > 1
            {
                verdict.summary = format!(
                    "Judged {}, the one {} takes. {}",
                    judged_name(&out.tokens, verdict.token),
                    target.name(),
                    verdict.summary
                );
            }
            // When the target takes one type of token and it was pasted, only that token's rules speak.
            for (index, findings) in rule_findings.into_iter().enumerate() {
                if judged.is_none_or(|(i, by_use)| !by_use || i == index) {
                    out.findings.extend(findings);
                }
            }
        }
        None => {
            out.answers = subjects.iter().flat_map(|s| answers::answers(&ctx, s, &out.findings)).collect();
            refresh_alone(&subjects, &mut out.findings);
        }
    }
    // With `expect.accessToken`, the claims check already compared at_hash with that token.
    checks::pair::check(tokens, &out.tokens, ctx.expect.access_token.is_none(), &mut out.findings);
    dedupe(&mut out.findings);
    out
}

/// The view of one token every check reads: its provider and type, told from the token alone.
fn subject(index: usize, outer: &Token, signature: SignatureEvidence) -> Subject<'_> {
    let provider = providers::detect(outer, innermost(outer));
    let (token_use, _) = providers::token_use(outer, innermost(outer), &provider);
    Subject::new(index, outer, provider, token_use, signature)
}

/// Findings about the context itself: an unusable skew or pool, no evaluation time for tokens that have times.
fn context_findings(ctx: &mut Ctx<'_>, context: &Context<'_>, tokens: &[Token], out: &mut Vec<Finding>) {
    if let (_, Some(invalid)) = Evaluation::resolve(context.now, context.clock_skew) {
        let instead = match invalid {
            InvalidTime::Now(_) => "no evaluation time was used",
            InvalidTime::Skew(_) => "0 was used",
        };
        out.push(Finding::new(OptionCode::Invalid, format!("The option {invalid}; {instead}.")));
    }
    if let Some(given) = context.expect.and_then(|e| e.access_token.as_deref())
        && ctx.limits.exceeded(Limit::InputBytes, given.len())
    {
        let what = format!("The access token given in the expectations is {} bytes", count(given.len()));
        out.push(ctx.limits.finding(Limit::InputBytes, &what, "it was not read"));
    }
    checks::claims::resolve_expected_issuer(ctx, out);
    if ctx.now.is_none() && tokens.iter().any(|t| innermost(t).claims().is_some_and(checks::time::has_time_claim)) {
        out.push(
            Finding::new(
                TimeCode::NoNow,
                "No evaluation time was given, so expiry (exp), not-before (nbf) and issued-at (iat) were not checked.",
            )
            .fix("Pass `now` (seconds since the epoch); the JavaScript API passes the current time unless told otherwise."),
        );
    }
}

/// One token: every check, the target's verdict (and the findings of its rules, apart), and its catalogue.
fn diagnose_token(ctx: &Ctx<'_>, s: &Subject<'_>) -> (TokenDiagnosis, Vec<Finding>, Vec<Finding>) {
    let mut findings = Vec::new();
    if s.claims.is_some() {
        for check in checks::CHECKS {
            check(ctx, s, &mut findings);
        }
    }
    let mut from_rules = Vec::new();
    let verdict = ctx.target.map(|target| {
        let (verdict, rule_findings) = targets::verdict(target, ctx, s);
        from_rules = rule_findings;
        if s.token_use == TokenUse::Refresh && s.outer.kind == TokenKind::Jwe {
            providers::cognito::refresh_sent(s, &target.name(), &mut from_rules);
        }
        verdict
    });
    let (_, token_use_reason) = providers::token_use(s.outer, s.token, &s.provider);
    let diagnosis = TokenDiagnosis {
        token: s.index,
        provider: s.provider.clone(),
        token_use: s.token_use,
        token_use_reason,
        catalogue: catalogue::catalogue(ctx, s.outer, s),
        verdict,
    };
    (diagnosis, findings, from_rules)
}

/// The token a target judges: the one of the type it takes, when one was pasted (`true`); else the one with the
/// best verdict (`false`).
fn judged_token(target: &Target, diagnoses: &[TokenDiagnosis]) -> Option<(usize, bool)> {
    if let Some(wanted) = targets::takes(target)
        && let Some(d) = diagnoses.iter().find(|d| d.token_use == wanted)
    {
        return Some((d.token, true));
    }
    diagnoses.iter().filter_map(|d| d.verdict.as_ref()).min_by_key(|v| v.decision).map(|v| (v.token, false))
}

/// "token 2 (the access token)".
fn judged_name(diagnoses: &[TokenDiagnosis], index: usize) -> String {
    let what = diagnoses.get(index).map_or("the token", |d| match d.token_use {
        TokenUse::Id => "the ID token",
        TokenUse::Access => "the access token",
        _ => "the token",
    });
    format!("token {} ({what})", index + 1)
}

/// A Cognito refresh token pasted without an ID or access token: it is no bearer token.
fn refresh_alone(subjects: &[Subject<'_>], out: &mut Vec<Finding>) {
    let cognito_refresh = |s: &&Subject<'_>| s.token_use == TokenUse::Refresh && s.outer.kind == TokenKind::Jwe;
    let refresh = subjects.iter().find(cognito_refresh);
    if let Some(s) = refresh
        && subjects.iter().all(|s| cognito_refresh(&s))
    {
        out.push(
            s.at_token(CognitoCode::RefreshTokenAlone, "This is a Cognito refresh token (encrypted, readable only by Cognito): it cannot be used as a bearer token — APIs, authorizers and the user-pool API all reject it.")
                .fix("Use it only to get new tokens (InitiateAuth with REFRESH_TOKEN_AUTH, or /oauth2/token with grant_type=refresh_token), then send the resulting access or ID token. Keep it secret: it lasts up to 10 years."),
        );
    }
}

/// Drops repeated findings (same code, token and member): several checks may notice the same problem. Linear in
/// the number of findings.
fn dedupe(findings: &mut Vec<Finding>) {
    let mut seen: HashSet<(Code, Option<usize>, Option<String>)> = HashSet::with_capacity(findings.len());
    findings.retain(|f| {
        let location = f.location.as_ref();
        seen.insert((f.code, location.and_then(|l| l.token), location.and_then(|l| l.member.clone())))
    });
}

#[cfg(test)]
mod tests {
    use super::testutil::*;
    use super::*;

    fn target(json: &str) -> Options {
        opts(&format!(r#"{{"now":{NOW},"target":{json}}}"#))
    }

    /// A token response under a target: the target judges the token it takes and says which.
    #[test]
    fn several_tokens_judge_the_one_the_target_takes() {
        let response = format!(r#"{{"id_token":"{}","access_token":"{}"}}"#, cognito_id(), cognito_access("openid"));
        let i = run(&response, &target(r#"{"kind":"cognitoApi","operation":"GetUser"}"#));
        let v = i.verdict.clone().unwrap();
        assert_eq!(v.token, 1);
        assert!(v.summary.starts_with("Judged token 2 (the access token)"), "{}", v.summary);
        assert_lacks(&i, "COGNITO_ID_TOKEN_FOR_API");
        assert_has(&i, "COGNITO_ADMIN_SCOPE_MISSING");
        let rest = format!(r#"{{"kind":"apiGatewayRest","providerArns":["{ARN}"]}}"#);
        let i = run(&response, &target(&rest));
        let v = i.verdict.clone().unwrap();
        assert_eq!((v.token, v.decision), (0, Decision::Unknown));
        assert_lacks(&i, "APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES");
    }

    /// The paste as the header value the REST authorizer reads, unless one is given.
    #[test]
    fn the_pasted_header_is_read_as_sent() {
        let rest = format!(r#"{{"kind":"apiGatewayRest","providerArns":["{ARN}"]}}"#);
        let i = run(&format!("Bearer Bearer {}", cognito_id()), &target(&rest));
        let v = i.verdict.clone().unwrap();
        assert_eq!(v.decision, Decision::Deny);
        let header = v.rules.iter().find(|r| r.id == RuleId::Header).unwrap();
        assert!(header.detail.starts_with("If your client sends exactly what was pasted"), "{}", header.detail);
        assert_has(&i, "APIGW_HEADER_BEARER_DOUBLED");
        // A bare token has no header rule; a header value given in the settings wins over the paste.
        assert!(run(&cognito_id(), &target(&rest)).verdict.unwrap().rules.iter().all(|r| r.id != RuleId::Header));
        let given = format!(r#"{{"kind":"apiGatewayRest","providerArns":["{ARN}"],"headerValue":"{}"}}"#, cognito_id());
        let i = run(&format!("Bearer Bearer {}", cognito_id()), &target(&given));
        assert_lacks(&i, "APIGW_HEADER_BEARER_DOUBLED");
    }

    /// Empty settings are prompted, not judged.
    #[test]
    fn incomplete_settings_are_open_not_denied() {
        let i = run(&cognito_id(), &target(r#"{"kind":"apiGatewayRest","providerArns":[]}"#));
        let v = i.verdict.clone().unwrap();
        assert_eq!(v.decision, Decision::Unknown);
        let issuer = v.rules.iter().find(|r| r.id == RuleId::Issuer).unwrap();
        assert_eq!(issuer.outcome, Outcome::Unknown);
        assert!(issuer.settle.as_deref().unwrap().contains("providerARNs"));
        assert_has(&i, "TARGET_INCOMPLETE");
        let i = run(&cognito_id(), &target(r#"{"kind":"oidc","issuer":"","clientId":""}"#));
        assert_ne!(i.verdict.unwrap().decision, Decision::Deny);
    }

    #[test]
    fn issuer_messages_read_as_sentences() {
        let i = run(&cognito_id(), &opts(&format!(r#"{{"now":{NOW},"expect":{{"userPoolId":"us-east-1_Other1"}}}}"#)));
        let message = &i.findings.iter().find(|f| f.code() == "COGNITO_POOL_MISMATCH").unwrap().message;
        assert!(message.contains("but the issuer derived from the user pool id is \"https://"), "{message}");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://cognito-idp.us-west-2.amazonaws.com/us-east-1_A1","token_use":"id","cognito:username":"u"}"#,
        );
        let f = run(&t, &with_now(NOW)).findings.into_iter().find(|f| f.code() == "COGNITO_REGION_MISMATCH").unwrap();
        assert!(
            f.message.contains("The issuer's region is us-west-2") && f.message.contains("the region us-east-1"),
            "{}",
            f.message
        );
        assert!(f.fix.unwrap().contains("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_A1"));
    }
}
