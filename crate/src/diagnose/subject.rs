//! What every check and rule reads: the resolved context ([`Ctx`]) and one token as the checks see it
//! ([`Subject`]).

use std::cell::OnceCell;

use regex_lite::Regex;
use serde_json::{Map, Value};

use super::model::{ProviderDetection, ProviderId, SignatureEvidence, TokenUse};
use super::options::{Context, Expectations, Target};
use crate::codes::Code;
use crate::decode::paste;
use crate::decode::token::Token;
use crate::evaluation::Evaluation;
use crate::finding::{Finding, Location, Part};
use crate::limits::{Budget, Limit, Limits};

/// The evaluation context, resolved from the caller's [`Context`].
pub(crate) struct Ctx<'a> {
    /// The evaluation time, when finite.
    pub now: Option<f64>,
    /// The clock skew allowed, 0 unless a finite non-negative number was given.
    pub skew: f64,
    pub expect: Expectations,
    pub target: Option<&'a Target>,
    /// The expected issuer: `expect.issuer`, or derived from the user pool id or ARN.
    pub issuer: Option<String>,
    /// What `issuer` is, as a noun phrase for messages: "the expected issuer", "the issuer derived from the user pool
    /// id".
    pub issuer_source: &'static str,
    /// The expected Cognito region (from the pool id, ARN, or `expect.region`).
    pub region: Option<String>,
    /// The `Authorization` header value as pasted, when the paste was one (a REST authorizer reads it as sent).
    pub pasted_header: Option<&'a str>,
    /// How much one call reads and does.
    pub limits: Limits,
    /// The access token of `expect.accessToken`, as paste hygiene reads it (once per call, not per token); `None`
    /// when none was given or it is over `limits.inputBytes`.
    pub access_token: Option<String>,
    /// The API Gateway REST authorizer's token-validation regex, compiled once per call: (whole match, partial
    /// match), or why it cannot be evaluated.
    pub validation_regex: OnceCell<Result<(Regex, Regex), RegexProblem>>,
    /// Characters of `aud` the token-validation regex may still be matched against in this call.
    pub regex_text: Budget,
    /// The REST authorizer's `Authorization` value as paste hygiene reads it, once per call (the value, what was
    /// read): a header value of up to `limits.inputBytes` is not read again for every token.
    pub header_read: OnceCell<(String, HeaderRead)>,
}

/// What paste hygiene makes of an `Authorization` value: the codes of its cleanups, and when it holds exactly one
/// token, that token's text and whether it decodes as a signed token without errors.
#[derive(Debug, Clone)]
pub(crate) struct HeaderRead {
    pub codes: Vec<Code>,
    pub single: Option<(String, bool)>,
}

/// Why the token-validation regex is not evaluated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum RegexProblem {
    /// Its syntax is beyond regex-lite (or invalid).
    Unreadable,
    /// It compiles to more than `limits.regexBytes`.
    TooLarge,
}

impl<'a> Ctx<'a> {
    /// The context before the expected issuer is resolved (see `checks::claims::resolve_expected_issuer`).
    pub fn new(context: &Context<'a>) -> Self {
        let limits = context.limits;
        // An unusable now or skew is reported once, by the diagnosis's context findings.
        let (evaluation, _) = Evaluation::resolve(context.now, context.clock_skew);
        let access_token = context
            .expect
            .and_then(|e| e.access_token.as_deref())
            .filter(|given| !limits.exceeded(Limit::InputBytes, given.len()))
            .map(|given| {
                // Accept what people paste: `Bearer …`, quotes, a whole token response.
                let extraction = paste::extract(given, &limits);
                extraction
                    .candidates
                    .iter()
                    .find(|c| c.label.as_deref() == Some("access_token"))
                    .or_else(|| extraction.candidates.first())
                    .map_or_else(|| given.trim().to_owned(), |c| c.text.text())
            });
        Self {
            now: evaluation.now,
            skew: evaluation.skew,
            expect: context.expect.cloned().unwrap_or_default(),
            target: context.target,
            issuer: None,
            issuer_source: "",
            region: None,
            pasted_header: context.pasted_header,
            limits,
            access_token,
            validation_regex: OnceCell::new(),
            regex_text: Budget::new(limits.get(Limit::RegexText)),
            header_read: OnceCell::new(),
        }
    }
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
    pub signature: SignatureEvidence,
}

/// How deep nested tokens are followed (decoding stops earlier; this only bounds the walk).
const MAX_DEPTH: usize = 8;

/// The innermost token of a nested JWT (or the token itself).
pub(crate) fn innermost(token: &Token) -> &Token {
    let mut t = token;
    for _ in 0..MAX_DEPTH {
        match t.inner.as_deref() {
            Some(inner) => t = inner,
            None => break,
        }
    }
    t
}

impl<'a> Subject<'a> {
    /// The subject for token `index` as pasted (`outer`); checks see the innermost token of a nested JWT.
    pub fn new(
        index: usize,
        outer: &'a Token,
        provider: ProviderDetection,
        token_use: TokenUse,
        signature: SignatureEvidence,
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
    pub fn at_claim(&self, code: impl Into<Code>, member: &str, message: impl Into<String>) -> Finding {
        Finding::new(code, message).at(Location { token: Some(self.index), ..Location::member(Part::Payload, member) })
    }

    /// A finding about a header parameter of this token.
    pub fn at_header(&self, code: impl Into<Code>, member: &str, message: impl Into<String>) -> Finding {
        Finding::new(code, message).at(Location { token: Some(self.index), ..Location::member(Part::Header, member) })
    }

    /// A finding about the token as a whole.
    pub fn at_token(&self, code: impl Into<Code>, message: impl Into<String>) -> Finding {
        Finding::new(code, message).at(Location { token: Some(self.index), ..Location::default() })
    }

    pub fn is_cognito(&self) -> bool {
        self.provider.id == ProviderId::Cognito
    }
}
