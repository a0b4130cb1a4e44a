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

pub use model::{
    CatalogueEntry, Decision, Diagnosis, Outcome, ProviderDetection, ProviderId, Rule, RuleId, SignatureStatus,
    TargetKind, TimeInfo, TokenDiagnosis, TokenUse, Verdict,
};
pub use options::{
    ApiGatewayHttpTarget, ApiGatewayRestTarget, CognitoApiTarget, Context, Expectations, ExpectedUse, OidcTarget,
    OneOrMany, Target,
};

use self::subject::{Ctx, Subject, innermost};
use crate::codes::{Code, OptionCode, TimeCode};
use crate::decode::token::Token;
use crate::finding::Finding;

/// Diagnoses `tokens` (as decoded by [`crate::decode::decode_input`]) in `context`.
///
/// `signatures[i]` is what a verification said about token `i`; missing entries mean unchecked.
#[must_use]
pub fn diagnose(tokens: &[Token], context: &Context<'_>, signatures: &[SignatureStatus]) -> Diagnosis {
    let mut out = Diagnosis::default();
    let mut ctx = Ctx::new(context);
    context_findings(&mut ctx, context, tokens, &mut out.findings);
    for (index, outer) in tokens.iter().enumerate() {
        let signature = signatures.get(index).copied().unwrap_or_default();
        let (diagnosis, findings) = diagnose_token(&ctx, index, outer, signature);
        out.findings.extend(findings);
        out.tokens.push(diagnosis);
    }
    // With `expect.accessToken`, the claims check already compared at_hash with that token.
    checks::pair::check(tokens, &out.tokens, ctx.expect.access_token.is_none(), &mut out.findings);
    dedupe(&mut out.findings);
    out.verdict = out.tokens.iter().filter_map(|t| t.verdict.as_ref()).min_by_key(|v| v.decision).cloned();
    out
}

/// Findings about the context itself: an unusable skew or pool, no evaluation time for tokens that have times.
fn context_findings(ctx: &mut Ctx<'_>, context: &Context<'_>, tokens: &[Token], out: &mut Vec<Finding>) {
    if context.clock_skew.is_some_and(|s| !s.is_finite() || s < 0.0) {
        out.push(Finding::new(
            OptionCode::Invalid,
            "The clock skew must be a number of seconds, 0 or more; 0 was used.",
        ));
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

/// One token: its provider and use, every check, the target's verdict, and its catalogue.
fn diagnose_token(
    ctx: &Ctx<'_>,
    index: usize,
    outer: &Token,
    signature: SignatureStatus,
) -> (TokenDiagnosis, Vec<Finding>) {
    let provider = providers::detect(outer, innermost(outer));
    let (token_use, token_use_reason) = providers::token_use(outer, innermost(outer), &provider);
    let subject = Subject::new(index, outer, provider, token_use, signature);
    let mut findings = Vec::new();
    if subject.claims.is_some() {
        for check in checks::CHECKS {
            check(ctx, &subject, &mut findings);
        }
    }
    let verdict = ctx.target.map(|target| {
        let (verdict, rule_findings) = targets::verdict(target, ctx, &subject);
        findings.extend(rule_findings);
        if token_use == TokenUse::Refresh {
            providers::cognito::refresh_sent(&subject, &target.name(), &mut findings);
        }
        verdict
    });
    let catalogue = catalogue::catalogue(ctx, outer, &subject);
    let diagnosis =
        TokenDiagnosis { token: index, provider: subject.provider, token_use, token_use_reason, catalogue, verdict };
    (diagnosis, findings)
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
