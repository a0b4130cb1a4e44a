//! Diagnosis: why would a server reject this token?
//!
//! Given the decoded tokens and the context in [`InspectOptions`] (evaluation time, clock skew, expectations,
//! target service), this module
//! - detects the issuing provider and whether the token is an ID, access or refresh token ([`providers`]);
//! - runs every check at once — time ([`time`]), the caller's expectations ([`claims`]), Amazon Cognito
//!   ([`cognito`]), OIDC and RFC 8725/9068 ([`oidc`]), other providers' classic confusions ([`providers`]), and
//!   whether an ID token and an access token pasted together belong to one sign-in ([`pair`]) — and reports each
//!   problem as a [`Finding`] naming the claim it concerns;
//! - with a target, simulates the service's decision as a [`Verdict`]: the rules in the order the service applies
//!   them ([`cognito`], [`api_gateway`], [`oidc`]);
//! - catalogues every header parameter and claim: where it is defined, what it means, and for times the UTC date
//!   and the distance from the evaluation time ([`catalogue`]).
//!
//! What jwtlens cannot see is never guessed: the signature (unless a verification result is passed in), revocation,
//! and whether the service runs the configuration given (a missing redeploy) make a rule `unknown`, never `pass`.
//! Where the services' documentation is silent (API Gateway's clock skew, the REST authorizer and `Bearer `), the
//! rule or finding says the matter is open.
//!
//! Nothing here reads a clock.

pub mod api_gateway;
pub mod catalogue;
pub mod claims;
pub mod cognito;
pub mod context;
pub mod oidc;
pub mod pair;
pub mod providers;
#[cfg(test)]
mod testutil;
pub mod time;

use serde::Serialize;
use serde_json::{Map, Value};

pub use catalogue::{CatalogueEntry, TimeInfo};
pub use context::{
    ApiGatewayHttpTarget, ApiGatewayRestTarget, CognitoApiTarget, Expectations, ExpectedUse, OidcTarget, OneOrMany,
    Target,
};
pub use providers::{ProviderDetection, ProviderId};

use crate::api::InspectOptions;
use crate::codes::OptionCode;
use crate::decode::token::{Token, TokenKind};
use crate::finding::{Finding, Location, Part};

/// What a token is for, as far as it can be told from the token alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum TokenUse {
    /// An OpenID Connect ID token: who signed in.
    Id,
    /// An OAuth access token: what the bearer may call.
    Access,
    /// A refresh token (Cognito's are encrypted JWEs).
    Refresh,
    /// Cannot be told.
    Unknown,
}

impl TokenUse {
    fn noun(self) -> &'static str {
        match self {
            Self::Id => "an ID token",
            Self::Access => "an access token",
            Self::Refresh => "a refresh token",
            Self::Unknown => "a token of unknown type",
        }
    }
}

/// What a verification module found out about a token's signature. The diagnosis never checks signatures itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignatureStatus {
    /// Not verified (no key given, or no verification run): signature rules are `unknown`.
    #[default]
    Unchecked,
    /// Verified with a key the caller supplied.
    Valid,
    /// Verification failed.
    Invalid,
}

/// The outcome of one rule of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// The token satisfies the rule.
    Pass,
    /// The token breaks the rule: the service rejects it.
    Fail,
    /// jwtlens cannot tell (signature, revocation, deployment, undocumented behaviour, missing time).
    Unknown,
}

/// The decision a target service would make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// Every rule passes.
    Allow,
    /// At least one rule fails.
    Deny,
    /// No rule fails, but at least one depends on what jwtlens cannot see.
    Unknown,
}

/// One rule a target applies, with its outcome for this token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Stable rule id, e.g. `scope.admin`.
    pub id: &'static str,
    /// What the service checks, in one line.
    pub description: String,
    /// Pass, fail or unknown for this token.
    pub outcome: Outcome,
    /// Why: the values compared, or what is unknown.
    pub detail: String,
    /// The finding code that explains a failure, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<&'static str>,
}

impl Rule {
    pub(crate) fn new(
        id: &'static str,
        description: impl Into<String>,
        outcome: Outcome,
        detail: impl Into<String>,
    ) -> Self {
        Self { id, description: description.into(), outcome, detail: detail.into(), code: None }
    }

    pub(crate) fn code(mut self, code: impl Into<crate::finding::Code>) -> Self {
        self.code = Some(code.into().as_str());
        self
    }
}

/// What a target service would decide for one token, and the rules that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Index of the token in `Inspection.tokens`.
    pub token: usize,
    /// The target's kind, as in the options (`cognitoApi`, `apiGatewayRest`, `apiGatewayHttp`, `oidc`).
    pub target: &'static str,
    /// Allow, deny, or unknown.
    pub decision: Decision,
    /// One line saying what the service would answer and why.
    pub summary: String,
    /// Every rule, in the order the service applies them: the documented order for the HTTP API JWT authorizer and
    /// OIDC Core §3.1.3.7; where AWS documents no order (Cognito's API, the REST authorizer), the order of AWS's own
    /// troubleshooting checklist. All rules are evaluated, not only up to the first failure.
    pub rules: Vec<Rule>,
}

impl Verdict {
    pub(crate) fn from_rules(
        token: usize,
        target: &'static str,
        service: &str,
        rejection: &str,
        rules: Vec<Rule>,
    ) -> Self {
        let failing: Vec<&str> =
            rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.description.as_str()).collect();
        let open: Vec<&str> = rules.iter().filter(|r| r.outcome == Outcome::Unknown).map(|r| r.id).collect();
        let (decision, summary) = if !failing.is_empty() {
            (
                Decision::Deny,
                format!("{service} would reject this token ({rejection}). Failing rules: {}.", failing.join("; ")),
            )
        } else if !open.is_empty() {
            (
                Decision::Unknown,
                format!(
                    "No rule jwtlens can check rejects this token; {service}'s answer still depends on: {}.",
                    open.join(", ")
                ),
            )
        } else {
            (Decision::Allow, format!("{service} would accept this token."))
        };
        Self { token, target, decision, summary, rules }
    }

    fn rank(&self) -> u8 {
        match self.decision {
            Decision::Allow => 0,
            Decision::Unknown => 1,
            Decision::Deny => 2,
        }
    }
}

/// The diagnosis of one token.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct TokenDiagnosis {
    /// Index of the token in `Inspection.tokens`.
    pub token: usize,
    /// The issuer detected from `iss` and the token's shape.
    pub provider: ProviderDetection,
    /// ID, access, refresh or unknown.
    pub token_use: TokenUse,
    /// What `tokenUse` was told from.
    pub token_use_reason: String,
    /// Every header parameter and claim present, in token order, explained.
    pub catalogue: Vec<CatalogueEntry>,
    /// With a target: its verdict for this token.
    pub verdict: Option<Verdict>,
}

/// Everything the diagnosis adds to an inspection.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Diagnosis {
    /// Findings, each located in its token.
    pub findings: Vec<Finding>,
    /// One diagnosis per token, in token order.
    pub tokens: Vec<TokenDiagnosis>,
    /// The best verdict among the tokens (allow before unknown before deny; the first on ties).
    pub verdict: Option<Verdict>,
}

/// The evaluation context, resolved from [`InspectOptions`].
pub(crate) struct Ctx<'a> {
    pub now: Option<f64>,
    pub skew: f64,
    pub expect: Expectations,
    pub target: Option<&'a Target>,
    /// The expected issuer: `expect.issuer`, or derived from the user pool id or ARN.
    pub issuer: Option<String>,
    /// Where `issuer` came from, for messages.
    pub issuer_source: &'static str,
    /// The expected Cognito region (from the pool id, ARN, or `expect.region`).
    pub region: Option<String>,
}

/// One token as the checks see it: for a nested JWT, the innermost token carrying claims.
pub(crate) struct Subject<'a> {
    pub index: usize,
    /// The token as pasted (for a nested JWT, the outer one).
    pub outer: &'a Token,
    pub token: &'a Token,
    pub header: Option<&'a Map<String, Value>>,
    pub claims: Option<&'a Map<String, Value>>,
    pub provider: ProviderDetection,
    pub token_use: TokenUse,
    pub signature: SignatureStatus,
}

impl<'a> Subject<'a> {
    /// The subject for token `index` as pasted (`outer`); checks see the innermost token of a nested JWT.
    pub fn new(
        index: usize,
        outer: &'a Token,
        provider: ProviderDetection,
        token_use: TokenUse,
        signature: SignatureStatus,
    ) -> Self {
        let token = innermost(outer);
        Self {
            index,
            outer,
            token,
            header: token.header_object(),
            claims: token.claims(),
            provider,
            token_use,
            signature,
        }
    }

    pub fn claim(&self, name: &str) -> Option<&Value> {
        self.claims.and_then(|c| c.get(name))
    }

    pub fn str_claim(&self, name: &str) -> Option<&str> {
        self.claim(name).and_then(Value::as_str)
    }

    pub fn header_str(&self, name: &str) -> Option<&str> {
        self.header.and_then(|h| h.get(name)).and_then(Value::as_str)
    }

    pub fn alg(&self) -> Option<&str> {
        self.header_str("alg")
    }

    /// `aud` as a list (a string is a list of one); `None` when absent.
    pub fn audiences(&self) -> Option<Vec<&str>> {
        match self.claim("aud")? {
            Value::String(s) => Some(vec![s.as_str()]),
            Value::Array(a) => Some(a.iter().filter_map(Value::as_str).collect()),
            _ => Some(Vec::new()),
        }
    }

    /// The scopes in `scope` (space-separated) and `scp` (space-separated string, or an array as Okta uses).
    pub fn scopes(&self) -> Vec<String> {
        let mut out = Vec::new();
        for name in ["scope", "scp"] {
            match self.claim(name) {
                Some(Value::String(s)) => out.extend(s.split(' ').filter(|s| !s.is_empty()).map(str::to_owned)),
                Some(Value::Array(a)) => out.extend(a.iter().filter_map(Value::as_str).map(str::to_owned)),
                _ => {}
            }
        }
        out
    }

    /// A finding about a claim of this token.
    pub fn at_claim(&self, code: impl Into<crate::finding::Code>, member: &str, message: impl Into<String>) -> Finding {
        Finding::new(code, message).at(Location { token: Some(self.index), ..Location::member(Part::Payload, member) })
    }

    /// A finding about a header parameter of this token.
    pub fn at_header(
        &self,
        code: impl Into<crate::finding::Code>,
        member: &str,
        message: impl Into<String>,
    ) -> Finding {
        Finding::new(code, message).at(Location { token: Some(self.index), ..Location::member(Part::Header, member) })
    }

    /// A finding about the token as a whole.
    pub fn at_token(&self, code: impl Into<crate::finding::Code>, message: impl Into<String>) -> Finding {
        Finding::new(code, message).at(Location { token: Some(self.index), ..Location::default() })
    }

    pub fn is_cognito(&self) -> bool {
        self.provider.id == ProviderId::Cognito
    }

    /// The signature rule every target starts with.
    pub fn signature_rule(&self, description: &str) -> Rule {
        match self.signature {
            SignatureStatus::Valid => {
                Rule::new("signature", description, Outcome::Pass, "Verified with the key supplied.")
            }
            SignatureStatus::Invalid => {
                Rule::new("signature", description, Outcome::Fail, "Verification with the key supplied failed.")
            }
            SignatureStatus::Unchecked => Rule::new(
                "signature",
                description,
                Outcome::Unknown,
                "Not verified here: jwtlens decodes without a key. Supply the issuer's key to check it.",
            ),
        }
    }
}

/// The innermost token of a nested JWT (or the token itself).
fn innermost(token: &Token) -> &Token {
    let mut t = token;
    let mut depth = 0;
    while let Some(inner) = t.inner.as_deref() {
        t = inner;
        depth += 1;
        if depth > 8 {
            break;
        }
    }
    t
}

/// Diagnoses `tokens` (as decoded by [`crate::decode::token::decode`]) in the context of `options`.
///
/// `signatures[i]` is what a verification said about token `i`; missing entries mean unchecked.
#[must_use]
pub fn diagnose(tokens: &[Token], options: &InspectOptions, signatures: &[SignatureStatus]) -> Diagnosis {
    let mut out = Diagnosis::default();
    let mut ctx = Ctx {
        now: options.now.filter(|n| n.is_finite()),
        skew: options.clock_skew.filter(|s| s.is_finite() && *s >= 0.0).unwrap_or(0.0),
        expect: options.expect.clone().unwrap_or_default(),
        target: options.target.as_ref(),
        issuer: None,
        issuer_source: "",
        region: None,
    };
    if options.clock_skew.is_some_and(|s| !s.is_finite() || s < 0.0) {
        out.findings.push(Finding::new(
            OptionCode::Invalid,
            "The clock skew must be a number of seconds, 0 or more; 0 was used.",
        ));
    }
    claims::resolve_expected_issuer(&mut ctx, &mut out.findings);
    if ctx.now.is_none() && tokens.iter().any(|t| innermost(t).claims().is_some_and(time::has_time_claim)) {
        out.findings.push(Finding::new(
            crate::codes::TimeCode::NoNow,
            "No evaluation time was given, so expiry (exp), not-before (nbf) and issued-at (iat) were not checked.",
        )
        .fix("Pass `now` (seconds since the epoch); the JavaScript API passes the current time unless told otherwise."));
    }
    for (index, outer) in tokens.iter().enumerate() {
        let token = innermost(outer);
        let (provider, (token_use, reason)) = {
            let p = providers::detect(outer, token);
            let u = providers::token_use(outer, token, &p);
            (p, u)
        };
        let subject =
            Subject::new(index, outer, provider, token_use, signatures.get(index).copied().unwrap_or_default());
        let mut findings = Vec::new();
        if subject.claims.is_some() {
            time::check(&ctx, &subject, &mut findings);
            claims::check(&ctx, &subject, &mut findings);
            cognito::check(&ctx, &subject, &mut findings);
            oidc::check(&ctx, &subject, &mut findings);
            providers::check(&ctx, &subject, &mut findings);
        }
        let verdict = ctx.target.map(|target| match target {
            Target::CognitoApi(t) => cognito::verdict(&ctx, &subject, t, &mut findings),
            Target::ApiGatewayRest(t) => api_gateway::rest_verdict(&ctx, &subject, t, &mut findings),
            Target::ApiGatewayHttp(t) => api_gateway::http_verdict(&ctx, &subject, t, &mut findings),
            Target::Oidc(t) => oidc::verdict(&ctx, &subject, t, &mut findings),
        });
        if let Some(target) = ctx.target
            && token_use == TokenUse::Refresh
        {
            cognito::refresh_sent(&subject, &target.name(), &mut findings);
        }
        let catalogue = catalogue::catalogue(&ctx, outer, &subject);
        out.findings.extend(findings);
        out.tokens.push(TokenDiagnosis {
            token: index,
            provider: subject.provider,
            token_use,
            token_use_reason: reason,
            catalogue,
            verdict,
        });
    }
    // With `expect.accessToken`, claims::check already compared at_hash with that token.
    pair::check(tokens, &out.tokens, ctx.expect.access_token.is_none(), &mut out.findings);
    dedupe(&mut out.findings);
    out.verdict = out.tokens.iter().filter_map(|t| t.verdict.as_ref()).min_by_key(|v| v.rank()).cloned();
    out
}

/// Drops repeated findings (same code, token and member): several checks may notice the same problem.
fn dedupe(findings: &mut Vec<Finding>) {
    let mut seen: Vec<(&'static str, Option<usize>, Option<String>)> = Vec::new();
    findings.retain(|f| {
        let key =
            (f.code(), f.location.as_ref().and_then(|l| l.token), f.location.as_ref().and_then(|l| l.member.clone()));
        if seen.contains(&key) {
            false
        } else {
            seen.push(key);
            true
        }
    });
}

/// Whether a token is something a service could accept at all, as the first rule of every target.
pub(crate) fn format_rule(s: &Subject<'_>, description: &str) -> Rule {
    let detail = match s.token.kind {
        TokenKind::Jws if s.claims.is_some() => {
            return Rule::new("format", description, Outcome::Pass, "A signed JWT with JSON claims.");
        }
        TokenKind::Jws => "A JWS whose payload is not a JSON object of claims.",
        TokenKind::Unsecured => "An unsecured token (alg none): every service rejects it.",
        TokenKind::Jwe => "An encrypted token (JWE): services that take ID or access tokens cannot read it.",
        TokenKind::Opaque => "Not a JWT.",
        TokenKind::Malformed => "A damaged token.",
    };
    Rule::new("format", description, Outcome::Fail, detail)
}

/// Joins quoted values for messages: `"a", "b"`.
pub(crate) fn quoted<S: AsRef<str>>(items: &[S]) -> String {
    items.iter().map(|s| format!("\"{}\"", s.as_ref())).collect::<Vec<_>>().join(", ")
}
