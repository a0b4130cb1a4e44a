//! The rule-table machinery every target uses: what a rule concluded ([`Checked`]), what it sees ([`Judge`]), a rule
//! and a target as data ([`RuleSpec`], [`TargetSpec`]), the one reporting function ([`judge`]), and the rules
//! several targets share (format, signature, time).

use crate::codes::{Code, OptionCode, TimeCode, VerifyCode};
use crate::datetime::duration;
use crate::decode::token::TokenKind;
use crate::diagnose::checks::time::TimeCheck;
use crate::diagnose::model::{Outcome, Rule, RuleId, SignatureStatus, TargetKind, TokenUse, Verdict};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::{Finding, quoted};

/// What gives jwtlens the signature: the issuer's keys.
pub(crate) const SETTLE_KEYS: &str = "the issuer's keys (its JWKS)";
/// What gives jwtlens the time checks.
pub(crate) const SETTLE_NOW: &str = "an evaluation time";

/// What one rule concluded for one token.
#[derive(Debug, Clone)]
pub(crate) struct Checked {
    outcome: Outcome,
    detail: String,
    code: Option<Code>,
    /// For an open outcome: the input of the caller's that would decide it.
    settle: Option<String>,
    /// Findings reported with the rule: the one explaining a failure, or a note.
    findings: Vec<Finding>,
}

impl Checked {
    /// The token satisfies the rule.
    pub(crate) fn pass(detail: impl Into<String>) -> Self {
        Self { outcome: Outcome::Pass, detail: detail.into(), code: None, settle: None, findings: Vec::new() }
    }

    /// The answer depends on what jwtlens cannot see (or what the caller did not give).
    pub(crate) fn unknown(detail: impl Into<String>) -> Self {
        Self { outcome: Outcome::Unknown, detail: detail.into(), code: None, settle: None, findings: Vec::new() }
    }

    /// The service rejects the token; the finding explaining why is reported elsewhere (or nowhere).
    pub(crate) fn fail(detail: impl Into<String>) -> Self {
        Self { outcome: Outcome::Fail, detail: detail.into(), code: None, settle: None, findings: Vec::new() }
    }

    /// The service rejects the token for the reason `finding` gives: its message is the rule's detail, its code the
    /// rule's code, and it is reported with the rule.
    pub(crate) fn fail_with(finding: Finding) -> Self {
        Self {
            outcome: Outcome::Fail,
            detail: finding.message.clone(),
            code: Some(finding.code),
            settle: None,
            findings: vec![finding],
        }
    }

    /// Names the finding code that explains this outcome.
    #[must_use]
    pub(crate) fn code(mut self, code: impl Into<Code>) -> Self {
        self.code = Some(code.into());
        self
    }

    /// Names the input of the caller's that would decide this open outcome.
    #[must_use]
    pub(crate) fn settle(mut self, input: impl Into<String>) -> Self {
        self.settle = Some(input.into());
        self
    }

    /// Reports `finding` with the rule (a note, or the explanation of an open outcome).
    #[must_use]
    pub(crate) fn note(mut self, finding: Finding) -> Self {
        self.findings.push(finding);
        self
    }
}

/// What a rule sees: the context, the token, the target's settings.
pub(crate) struct Judge<'a, T> {
    pub ctx: &'a Ctx<'a>,
    pub s: &'a Subject<'a>,
    pub t: &'a T,
}

/// One rule of a target.
pub(crate) struct RuleSpec<T: 'static> {
    /// Its stable id.
    pub id: RuleId,
    /// What the service checks, in one line (it may name the target's settings).
    pub describe: fn(&T) -> String,
    /// Its outcome for a token; `None` when the rule does not apply (no header value given, no `azp`).
    pub check: fn(&Judge<'_, T>) -> Option<Checked>,
}

/// A target service: its name, how it rejects, the token it takes, what it is assumed to do, the settings it needs,
/// and its rules in the order it applies them.
pub(crate) struct TargetSpec<T: 'static> {
    /// The `kind` of the target object (its `FORM` has the rest of how the surfaces offer it).
    pub kind: TargetKind,
    /// The service's name, e.g. "API Gateway (REST API, Cognito authorizer)"; may name the operation.
    pub service: fn(&T) -> String,
    /// How it answers a rejected token, e.g. "401 Unauthorized".
    pub rejection: &'static str,
    /// The type of token it takes, when it takes one type only (several tokens pasted: it judges that one).
    pub takes: fn(&T) -> Option<TokenUse>,
    /// What no client-side tool can see, which an `allow` assumes.
    pub assumptions: &'static [&'static str],
    /// The settings the caller left empty, by name; the rules that need them are open, not failed.
    pub missing: fn(&T) -> Vec<&'static str>,
    pub rules: &'static [RuleSpec<T>],
}

/// Runs a target's rules on one token: the verdict, and the findings its rules reported.
pub(crate) fn judge<T>(spec: &TargetSpec<T>, ctx: &Ctx<'_>, s: &Subject<'_>, t: &T) -> (Verdict, Vec<Finding>) {
    let judge = Judge { ctx, s, t };
    let mut rules = Vec::with_capacity(spec.rules.len());
    let mut findings = Vec::new();
    let missing = (spec.missing)(t);
    if !missing.is_empty() {
        findings.push(incomplete(spec, t, &missing));
    }
    for rule in spec.rules {
        let Some(checked) = (rule.check)(&judge) else { continue };
        findings.extend(checked.findings);
        rules.push(Rule {
            id: rule.id,
            description: (rule.describe)(t),
            outcome: checked.outcome,
            detail: checked.detail,
            code: checked.code,
            settle: checked.settle,
        });
    }
    let assumptions = spec.assumptions.iter().map(|a| (*a).to_owned()).collect();
    (Verdict::decide(s.index, spec.kind, &(spec.service)(t), spec.rejection, rules, assumptions), findings)
}

/// The finding for a target whose settings are incomplete.
fn incomplete<T>(spec: &TargetSpec<T>, t: &T, missing: &[&str]) -> Finding {
    Finding::new(
        OptionCode::TargetIncomplete,
        format!(
            "The settings of {} lack {}: the rules that need them are open, not judged.",
            (spec.service)(t),
            quoted(missing)
        ),
    )
    .fix("Fill in the settings as the service is configured (the console or infrastructure code shows them).")
}

/// For [`TargetSpec::missing`]: the names of the settings that are empty, in order; each pair is a setting's name and
/// whether it is empty ([`blank`], [`all_blank`]).
pub(crate) fn unset(settings: &[(&'static str, bool)]) -> Vec<&'static str> {
    settings.iter().filter(|(_, empty)| *empty).map(|(name, _)| *name).collect()
}

/// Whether a text setting is empty or only spaces.
pub(crate) fn blank(text: &str) -> bool {
    text.trim().is_empty()
}

/// Whether a list setting holds nothing but empty texts.
pub(crate) fn all_blank(list: &[String]) -> bool {
    list.iter().all(|item| blank(item))
}

/// A rule whose setting is empty: open, settled by giving that setting.
pub(crate) fn needs(setting: &str) -> Checked {
    Checked::unknown(format!("No {setting} was given.")).settle(format!("the {setting}"))
}

// Rules several targets share.

/// Whether the token is something a service could accept at all.
pub(crate) fn format(s: &Subject<'_>) -> Checked {
    match s.token.kind {
        TokenKind::Jws | TokenKind::SdJwt if s.claims.is_some() => Checked::pass("A signed JWT with JSON claims."),
        TokenKind::Jws | TokenKind::SdJwt => Checked::fail("A JWS whose payload is not a JSON object of claims."),
        TokenKind::Unsecured => Checked::fail("An unsecured token (alg none): every service rejects it."),
        TokenKind::Jwe => {
            Checked::fail("An encrypted token (JWE): services that take ID or access tokens cannot read it.")
        }
        TokenKind::Opaque => Checked::fail("Not a JWT."),
        TokenKind::Malformed => Checked::fail("A damaged token."),
    }
}

/// The signature rule, from what verification found.
pub(crate) fn signature(s: &Subject<'_>) -> Checked {
    match s.signature.status {
        SignatureStatus::Valid => Checked::pass("Verified with the key supplied."),
        SignatureStatus::Altered => Checked::fail(
            "The signature matches a key supplied, but the token as sent is not the text that was signed (whitespace inside it, padding or the standard base64 alphabet): the service rejects it.",
        )
        .code(VerifyCode::NotStrict),
        SignatureStatus::Invalid => Checked::fail("The signature does not verify with the keys supplied."),
        SignatureStatus::Unchecked => {
            Checked::unknown("Not verified here: jwtlens decodes without a key.").settle(SETTLE_KEYS)
        }
    }
}

/// How a service treats a missing time claim, and whether its leeway is documented.
pub(crate) struct TimePolicy {
    /// The outcome when the claim is absent, and why.
    pub absent: (Outcome, &'static str),
    /// Whether the service's clock skew is documented (API Gateway's is not: a check that passes only within the
    /// caller's skew is then unknown).
    pub skew_known: bool,
}

/// A time rule from the evaluation of one claim.
pub(crate) fn time(claim: RuleId, check: TimeCheck, policy: &TimePolicy) -> Checked {
    let failed = match claim {
        RuleId::Nbf => TimeCode::NotYetValid,
        RuleId::Iat => TimeCode::IssuedInFuture,
        _ => TimeCode::Expired,
    };
    match check {
        TimeCheck::Absent => {
            let (outcome, detail) = policy.absent;
            Checked { outcome, detail: detail.to_owned(), code: None, settle: None, findings: Vec::new() }
        }
        TimeCheck::Invalid => Checked::fail("The claim is not a number.").code(TimeCode::NotNumber),
        TimeCheck::NoNow => Checked::unknown("No evaluation time was given.").settle(SETTLE_NOW),
        TimeCheck::Ok => Checked::pass("Holds at the evaluation time."),
        TimeCheck::WithinSkew(by) if policy.skew_known => {
            Checked::pass(format!("Off by {}, within the clock skew.", duration(by)))
        }
        TimeCheck::WithinSkew(by) => Checked::unknown(format!(
            "Off by {}, within the clock skew you allowed; the service's own leeway is not documented (open).",
            duration(by)
        ))
        .code(TimeCode::WithinSkew),
        TimeCheck::Failed(by) => Checked::fail(format!("Off by {}.", duration(by))).code(failed),
    }
}
