//! What the service said, checked against the token: each recognised message ([`crate::service_error`]) becomes a
//! [`ServiceError`] whose agreement compares the fact it states (expired, wrong audience, unknown `kid`…) and the
//! values it carries with the pasted token at the evaluation time, and with what the diagnosis and verification
//! found.

use serde::Serialize;
use serde_json::{Map, Value};
use ts_rs::TS;

use crate::codes::{Code, Severity};
use crate::datetime::{duration, iso8601, parse};
use crate::decode::token::Token;
use crate::diagnose::SignatureStatus;
use crate::finding::Finding;
use crate::service_error::{Fact, Match};

/// Whether the pasted token bears out what the service said.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Agreement {
    /// The token shows the same fact: the message is explained.
    Confirmed,
    /// The token shows the opposite: the service received another token, has another clock, or is configured
    /// differently than assumed.
    Contradicted,
    /// Nothing to compare: no token, or the message's fact is not visible in a token.
    Unknown,
}

/// Which text a [`ServiceError`]'s offsets point into.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorInput {
    /// The pasted input.
    Paste,
    /// The `serviceError` option.
    ServiceError,
}

/// A value the message carries (an expected audience, a `kid`, a time), as written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ErrorValue {
    /// What it is: `expected`, `aud`, `iss`, `kid`, `exp`, `now`, `scope`, `claim`, `actual`, `detail`…
    pub name: String,
    /// The value as the message writes it.
    pub value: String,
    /// True when the service hid it (.NET's `[PII of type … is hidden]`): the token has to supply it.
    pub hidden: bool,
}

/// One message of the service recognised in the paste (or in the `serviceError` option).
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ServiceError {
    /// The catalogue entry (`MS-IDX10223`); docs/errors.md lists them.
    pub id: String,
    /// Who emits it ("Microsoft IdentityModel", "Amazon Cognito", "Envoy jwt_authn (also Istio)").
    pub source: String,
    /// Other emitters of the same wording, when the envelope does not tell which one answered.
    pub also_from: Vec<String>,
    /// Where the emitter's messages are written.
    pub link: String,
    /// The emitter's own code (`IDX10223`, `AADSTS50013`, `NotAuthorizedException`, `invalid_token`), if any.
    pub code: Option<String>,
    /// The message as pasted.
    pub text: String,
    /// Offset of the message in the text `input` names (UTF-16 code units in JavaScript, like other offsets).
    pub start: usize,
    /// End offset (exclusive).
    pub end: usize,
    /// Which text the offsets point into.
    pub input: ErrorInput,
    /// What the message states about the token.
    pub fact: Fact,
    /// What it means, in plain words.
    pub meaning: String,
    /// What to do, in plain words.
    pub fix: String,
    /// The jwtlens finding codes that decide the same fact.
    #[ts(type = "FindingCode[]")]
    pub findings: Vec<Code>,
    /// The values the message carries.
    pub values: Vec<ErrorValue>,
    /// Whether the pasted token bears the message out, at the evaluation time.
    pub agreement: Agreement,
    /// The comparison in one sentence ("the server says expired, but this token expires in 40 min: …").
    pub agreement_detail: String,
    /// The token compared with (index into `tokens`), if any.
    pub token: Option<usize>,
}

/// What the comparison reads about the pasted token.
pub(crate) struct Evidence<'a> {
    /// The token compared with, and its index.
    pub token: Option<(usize, &'a Token)>,
    /// The evaluation time and the clock skew allowed.
    pub now: Option<f64>,
    pub skew: f64,
    /// The findings raised about that token (and about the input as a whole).
    pub findings: Vec<&'a Finding>,
    /// The signature's status, and whether the keys given hold its `kid`.
    pub signature: SignatureStatus,
    pub kid_in_keys: Option<bool>,
}

/// The token a message is compared with: the one whose `kid` the message names, else the first with claims.
pub(crate) fn pick_token(tokens: &[Token], m: &Match) -> Option<usize> {
    let kid = crate::service_error::value(&m.values, "kid");
    let by_kid = kid.and_then(|kid| tokens.iter().position(|t| header_str(t, "kid") == Some(kid)));
    by_kid.or_else(|| tokens.iter().position(|t| t.claims().is_some()))
}

/// The result entry for one match.
pub(crate) fn service_error(text: &str, input: ErrorInput, m: &Match, evidence: &Evidence<'_>) -> ServiceError {
    let values: Vec<ErrorValue> = m
        .values
        .iter()
        .map(|(name, value)| ErrorValue { name: name.clone(), value: value.clone(), hidden: hidden(value) })
        .collect();
    let (agreement, agreement_detail) = agree(m, &values, evidence);
    ServiceError {
        id: m.entry.id.to_owned(),
        source: m.entry.source.name.to_owned(),
        also_from: m.also_from.iter().map(|s| (*s).to_owned()).collect(),
        link: m.entry.source.link.to_owned(),
        code: m.code.clone(),
        text: text.get(m.start..m.end).unwrap_or_default().to_owned(),
        start: m.start,
        end: m.end,
        input,
        fact: m.entry.fact,
        meaning: m.entry.meaning(),
        fix: m.entry.fix_text().to_owned(),
        findings: m.entry.finding_codes().to_vec(),
        values,
        agreement,
        agreement_detail,
        token: evidence.token.map(|(i, _)| i),
    }
}

fn hidden(value: &str) -> bool {
    value.contains("is hidden") || value.contains("[PII of type")
}

/// The value captured as `name`, unless hidden or empty.
fn shown<'v>(values: &'v [ErrorValue], name: &str) -> Option<&'v str> {
    values.iter().find(|v| v.name == name && !v.hidden && !v.value.trim().is_empty()).map(|v| v.value.trim())
}

fn header_str<'t>(token: &'t Token, name: &str) -> Option<&'t str> {
    token.header_object().and_then(|h| h.get(name)).and_then(Value::as_str)
}

/// A claim as a list of strings (`aud` as a string or an array; `scope` split on spaces).
fn strings(claims: &Map<String, Value>, name: &str) -> Vec<String> {
    match claims.get(name) {
        Some(Value::String(s)) if name == "scope" || name == "scp" => s.split_whitespace().map(str::to_owned).collect(),
        Some(Value::String(s)) => vec![s.clone()],
        Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    }
}

/// A list as messages write it: `a or b`, `[a, b]`, `a, b`, `"a"`, space-separated scopes.
fn list(text: &str, spaces: bool) -> Vec<String> {
    let text = text.trim().trim_start_matches('[').trim_end_matches(']');
    let text = text.replace(" or ", ",");
    text.split(|c: char| c == ',' || (spaces && c.is_whitespace()))
        .map(|p| p.trim().trim_matches(|c| c == '"' || c == '\'' || c == '`').to_owned())
        .filter(|p| !p.is_empty())
        .collect()
}

fn quoted(items: &[String]) -> String {
    if items.is_empty() {
        "none".to_owned()
    } else {
        items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
    }
}

type Answer = (Agreement, String);

fn unknown(detail: impl Into<String>) -> Answer {
    (Agreement::Unknown, detail.into())
}

/// What a generic challenge's `error_description` says was wrong (RFC 6750 §3: the description is the
/// server's human-readable reason), when it says it in the usual words: `invalid_token` with "The token expired"
/// is about expiry, and is compared with the token's `exp` as such.
fn described(m: &Match, values: &[ErrorValue]) -> Option<Fact> {
    if !m.entry.generic || m.entry.fact != Fact::Rejected {
        return None;
    }
    let text = shown(values, "error_description")?.to_ascii_lowercase();
    let says = |words: &[&str]| words.iter().any(|w| text.contains(w));
    if says(&["expired", "expiry"]) {
        Some(Fact::Expired)
    } else if says(&["not yet valid", "not valid yet", "before its nbf", "not before"]) {
        Some(Fact::NotYetValid)
    } else if says(&["audience"]) {
        Some(Fact::Audience)
    } else if says(&["issuer"]) {
        Some(Fact::Issuer)
    } else if says(&["signature"]) {
        Some(Fact::Signature)
    } else {
        None
    }
}

fn agree(m: &Match, values: &[ErrorValue], e: &Evidence<'_>) -> Answer {
    let fact = described(m, values).unwrap_or(m.entry.fact);
    let Some((_, token)) = e.token else {
        return unknown(match fact {
            Fact::Config | Fact::Grant | Fact::DpopNonce => "Nothing in a token decides this.".to_owned(),
            _ => "No token was pasted with the message: paste the token the service received to check it.".to_owned(),
        });
    };
    let Some(claims) = token.claims() else {
        return match fact {
            Fact::Malformed => (
                Agreement::Confirmed,
                "This token cannot be decoded either: see its findings for which part is broken.".to_owned(),
            ),
            _ => unknown("The pasted token has no readable claims to compare."),
        };
    };
    match fact {
        Fact::Expired | Fact::NotActive | Fact::NotYetValid | Fact::IssuedInFuture | Fact::TooOld | Fact::NoExpiry => {
            time(fact, claims, values, e)
        }
        Fact::Audience | Fact::AudienceMissing => audience(fact, claims, values, e),
        Fact::Issuer | Fact::IssuerMissing => issuer(fact, claims, values, e),
        Fact::Signature | Fact::Unsecured => signature(fact, token, e),
        Fact::KeyNotFound | Fact::NoKid | Fact::NoKeys => key(fact, token, claims, values, e),
        Fact::Algorithm => algorithm(token, values),
        Fact::Malformed => malformed(e),
        Fact::Scope => scope(claims, values, e, implied_scope(m)),
        Fact::TokenType | Fact::Client | Fact::Claim => claim(fact, token, claims, values, e),
        Fact::Revoked => unknown(format!(
            "Revocation is not visible in a token: this one is signed and {}; only the issuer knows it was revoked.",
            time_state(claims, e)
        )),
        Fact::NoToken => unknown(
            "The service saw no token, but this paste holds one: it did not reach the service (a proxy or CORS preflight dropped the header, or another header name or scheme was used).",
        ),
        Fact::Rejected | Fact::Grant => rejected(e, claims),
        Fact::DpopProof | Fact::DpopNonce | Fact::Request | Fact::Config => {
            unknown("This is about the request, not the token's claims.")
        }
    }
}

/// "expires in 40 min (…)" / "expired 2 h ago (…)" / "has no exp".
fn time_state(claims: &Map<String, Value>, e: &Evidence<'_>) -> String {
    match (claims.get("exp").and_then(Value::as_f64), e.now) {
        (None, _) => "has no `exp`".to_owned(),
        (Some(exp), Some(now)) if exp > now => format!("expires in {}", duration(exp - now)),
        (Some(exp), Some(now)) => format!("expired {} ago", duration(now - exp)),
        (Some(exp), None) => format!("expires at {}", iso8601(exp).unwrap_or_default()),
    }
}

fn time(fact: Fact, claims: &Map<String, Value>, values: &[ErrorValue], e: &Evidence<'_>) -> Answer {
    let exp = claims.get("exp").and_then(Value::as_f64);
    let nbf = claims.get("nbf").and_then(Value::as_f64);
    let iat = claims.get("iat").and_then(Value::as_f64);
    if fact == Fact::NoExpiry {
        return match exp {
            Some(exp) => (
                Agreement::Contradicted,
                format!("This token has an `exp` ({}): the service received a different token.", iso(exp)),
            ),
            None => (Agreement::Confirmed, "This token has no `exp` claim.".to_owned()),
        };
    }
    let named = |name: &str| shown(values, name).and_then(parse);
    let (claim_name, claim) = match fact {
        Fact::NotYetValid => ("nbf", nbf),
        Fact::IssuedInFuture => ("iat", iat),
        _ => ("exp", exp),
    };
    if let (Some(said), Some(actual)) = (named(claim_name), claim)
        && (said - actual).abs() > 1.0
    {
        return (
            Agreement::Contradicted,
            format!(
                "The message names `{claim_name}` {}, but this token's is {}: the service received a different token.",
                iso(said),
                iso(actual)
            ),
        );
    }
    let service_now = named("now");
    let Some(now) = e.now.or(service_now) else {
        return unknown("No evaluation time was given, so the token's times cannot be compared.");
    };
    let clock = match (service_now, e.now) {
        (Some(s), Some(n)) if (s - n).abs() > 1.0 => format!(
            " The service's clock read {}, {} {} the evaluation time.",
            iso(s),
            duration(s - n),
            if s > n { "ahead of" } else { "behind" }
        ),
        _ => String::new(),
    };
    let skew = e.skew;
    let answer = match fact {
        Fact::NotYetValid | Fact::IssuedInFuture => early(claim_name, claim, now, skew),
        Fact::NotActive => not_active(claims, e, now),
        _ => expired(claims, exp, now, skew),
    };
    (answer.0, format!("{}{clock}", answer.1))
}

/// Keycloak's "not active": expired or not yet valid.
fn not_active(claims: &Map<String, Value>, e: &Evidence<'_>, now: f64) -> Answer {
    let exp = claims.get("exp").and_then(Value::as_f64);
    let nbf = claims.get("nbf").and_then(Value::as_f64);
    match (exp, nbf) {
        (Some(exp), _) if exp + e.skew <= now => {
            (Agreement::Confirmed, format!("This token expired {} ago ({}).", duration(now - exp), iso(exp)))
        }
        (_, Some(nbf)) if nbf - e.skew > now => {
            (Agreement::Confirmed, format!("This token is not valid for another {}.", duration(nbf - now)))
        }
        _ => (
            Agreement::Contradicted,
            format!(
                "The service says the token is not active, but this token {} and is already valid: the service received a different token, or its clock is off.",
                time_state(claims, e)
            ),
        ),
    }
}

fn iso(seconds: f64) -> String {
    iso8601(seconds).unwrap_or_else(|| format!("{seconds}"))
}

fn expired(claims: &Map<String, Value>, exp: Option<f64>, now: f64, skew: f64) -> Answer {
    match exp {
        None if claims.contains_key("exp") => {
            (Agreement::Confirmed, "This token's `exp` is not a number, which verifiers treat as invalid.".to_owned())
        }
        None => (
            Agreement::Contradicted,
            "The service says expired, but this token has no `exp` at all: the service received a different token."
                .to_owned(),
        ),
        Some(exp) if exp + skew <= now => {
            (Agreement::Confirmed, format!("This token expired {} ago ({}).", duration(now - exp), iso(exp)))
        }
        Some(exp) => (
            Agreement::Contradicted,
            format!(
                "The service says expired, but this token expires in {} ({}): the service received a different token, or its clock is at least {} ahead.",
                duration(exp - now),
                iso(exp),
                duration(exp - now)
            ),
        ),
    }
}

fn early(name: &str, claim: Option<f64>, now: f64, skew: f64) -> Answer {
    match claim {
        None => (
            Agreement::Contradicted,
            format!(
                "The service says the token is not valid yet, but this token has no `{name}`: the service received a different token."
            ),
        ),
        Some(t) if t - skew > now => (
            Agreement::Confirmed,
            format!("This token's `{name}` is {} in the future ({}).", duration(t - now), iso(t)),
        ),
        Some(t) => (
            Agreement::Contradicted,
            format!(
                "The service says not valid yet, but this token's `{name}` was {} ago ({}): the service's clock is at least {} behind, or it received a different token.",
                duration(now - t),
                iso(t),
                duration(now - t)
            ),
        ),
    }
}

/// Whether the findings about the token include any of `codes`.
fn raised(e: &Evidence<'_>, codes: &[Code]) -> bool {
    e.findings.iter().any(|f| codes.contains(&f.code))
}

fn audience(fact: Fact, claims: &Map<String, Value>, values: &[ErrorValue], e: &Evidence<'_>) -> Answer {
    let aud = strings(claims, "aud");
    if fact == Fact::AudienceMissing || aud.is_empty() {
        return if aud.is_empty() {
            (Agreement::Confirmed, "This token has no `aud` claim.".to_owned())
        } else {
            (
                Agreement::Contradicted,
                format!("This token has an `aud` ({}): the service received a different token.", quoted(&aud)),
            )
        };
    }
    compare("aud", "audience", &aud, values, e, fact)
}

fn issuer(fact: Fact, claims: &Map<String, Value>, values: &[ErrorValue], e: &Evidence<'_>) -> Answer {
    let iss = strings(claims, "iss");
    if fact == Fact::IssuerMissing || iss.is_empty() {
        return if iss.is_empty() {
            (Agreement::Confirmed, "This token has no `iss` claim.".to_owned())
        } else {
            (
                Agreement::Contradicted,
                format!("This token has an `iss` ({}): the service received a different token.", quoted(&iss)),
            )
        };
    }
    compare("iss", "issuer", &iss, values, e, fact)
}

/// The token's values of `claim` against what the message says the service saw and expects.
fn compare(claim: &str, what: &str, actual: &[String], values: &[ErrorValue], e: &Evidence<'_>, fact: Fact) -> Answer {
    if let Some(seen) = shown(values, claim) {
        let seen = list(seen, false);
        if !seen.is_empty() && !seen.iter().all(|s| actual.contains(s)) {
            return (
                Agreement::Contradicted,
                format!(
                    "The service saw `{claim}` {}, but this token's is {}: the service received a different token.",
                    quoted(&seen),
                    quoted(actual)
                ),
            );
        }
    }
    if let Some(expected) = shown(values, "expected") {
        let expected = list(expected, false);
        let near: Vec<&String> = expected
            .iter()
            .filter(|x| actual.iter().any(|a| a.trim_end_matches('/') == x.trim_end_matches('/')))
            .collect();
        if expected.iter().any(|x| actual.contains(x)) {
            return (
                Agreement::Contradicted,
                format!(
                    "The service expects {what} {} and this token's `{claim}` is {}: the service is configured with a different value than you think, or it received another token.",
                    quoted(&expected),
                    quoted(actual)
                ),
            );
        }
        let slash =
            if near.is_empty() { "" } else { " They differ only by a trailing slash, which verifiers compare too." };
        return (
            Agreement::Confirmed,
            format!("This token's `{claim}` is {}; the service expects {}.{slash}", quoted(actual), quoted(&expected)),
        );
    }
    if raised(e, catalogue_codes(fact)) {
        return (
            Agreement::Confirmed,
            format!("This token's `{claim}` is {}, which the expectations given do not accept either.", quoted(actual)),
        );
    }
    unknown(format!(
        "The message does not say which {what} the service expects; this token's `{claim}` is {}: configure the service with it, or get a token for the service's {what}.",
        quoted(actual)
    ))
}

fn catalogue_codes(fact: Fact) -> &'static [Code] {
    crate::service_error::catalogue::fact_findings(fact)
}

fn signature(fact: Fact, token: &Token, e: &Evidence<'_>) -> Answer {
    let alg = token.alg().unwrap_or_default();
    if fact == Fact::Unsecured || alg.eq_ignore_ascii_case("none") {
        return if alg.eq_ignore_ascii_case("none") {
            (Agreement::Confirmed, "This token is unsecured (`alg: none`).".to_owned())
        } else {
            (Agreement::Contradicted, format!("This token is signed ({alg}): the service received a different token."))
        };
    }
    match e.signature {
        SignatureStatus::Valid => (
            Agreement::Contradicted,
            "This token's signature verifies with the key you gave: the service verifies with another key (another issuer, tenant, environment or secret), or it received an altered copy.".to_owned(),
        ),
        SignatureStatus::Altered => (
            Agreement::Confirmed,
            "The key matches, but the token as pasted is not the text that was signed (whitespace, padding or the standard alphabet).".to_owned(),
        ),
        SignatureStatus::Invalid => {
            (Agreement::Confirmed, "This token's signature does not verify with the key you gave either.".to_owned())
        }
        SignatureStatus::Unchecked => {
            unknown(format!("Give the issuer's keys to check this {alg} signature here; jwtlens has no key for it."))
        }
    }
}

fn key(fact: Fact, token: &Token, claims: &Map<String, Value>, values: &[ErrorValue], e: &Evidence<'_>) -> Answer {
    let kid = header_str(token, "kid");
    let iss = claims.get("iss").and_then(Value::as_str).unwrap_or("its issuer");
    match (fact, kid) {
        (Fact::NoKeys, _) => unknown(format!(
            "The service has no keys at all; this token is from {iss}: point the service at that issuer's metadata."
        )),
        (_, None) => (Agreement::Confirmed, "This token's header has no `kid`.".to_owned()),
        (Fact::NoKid, Some(kid)) => (
            Agreement::Contradicted,
            format!("This token has a `kid` (`{kid}`): the service received a different token."),
        ),
        (_, Some(kid)) => {
            if let Some(said) = shown(values, "kid")
                && said != kid
            {
                return (
                    Agreement::Contradicted,
                    format!(
                        "The service looked for `kid` `{said}`, but this token's is `{kid}`: the service received a different token."
                    ),
                );
            }
            match e.kid_in_keys {
                Some(true) => (
                    Agreement::Contradicted,
                    format!(
                        "The keys you gave hold `kid` `{kid}`: the service uses another key set (another tenant, issuer or environment, or a stale cache)."
                    ),
                ),
                Some(false) => (Agreement::Confirmed, format!("The keys you gave have no key `{kid}` either.")),
                None => unknown(format!(
                    "This token's `kid` is `{kid}`, from {iss}: fetch that issuer's keys to see whether it publishes it."
                )),
            }
        }
    }
}

fn algorithm(token: &Token, values: &[ErrorValue]) -> Answer {
    let alg = token.alg().unwrap_or("none");
    match shown(values, "alg") {
        Some(said) if said != alg => (
            Agreement::Contradicted,
            format!(
                "The message names `{said}`, but this token is signed with `{alg}`: the service received a different token."
            ),
        ),
        _ if alg.eq_ignore_ascii_case("none") => {
            (Agreement::Confirmed, "This token is unsecured (`alg: none`), which services refuse.".to_owned())
        }
        _ => unknown(format!(
            "This token is signed with `{alg}`: allow it in the service, or sign with what it accepts."
        )),
    }
}

fn malformed(e: &Evidence<'_>) -> Answer {
    let broken = e.findings.iter().find(|f| {
        f.code.severity() == Severity::Error
            && matches!(f.code, Code::Token(_) | Code::Encoding(_) | Code::Json(_) | Code::Paste(_))
    });
    match broken {
        Some(f) => (Agreement::Confirmed, format!("This token has a structural error too: {}", f.message)),
        None => (
            Agreement::Contradicted,
            "This token is well formed (three parts, JSON header and payload): the service received something else; check how the Authorization header is built (prefix, quotes, truncation, a different variable).".to_owned(),
        ),
    }
}

/// The scope a message requires without naming it: Cognito's "Access Token does not have required scopes" is what
/// the user-pool API operations that take an access token (GetUser, UpdateUserAttributes, ChangePassword, …) answer,
/// and all of them require `aws.cognito.signin.user.admin`.
fn implied_scope(m: &Match) -> Option<&'static str> {
    (m.entry.id == "COG-SCOPES").then_some(crate::diagnose::providers::cognito::ADMIN_SCOPE)
}

fn scope(claims: &Map<String, Value>, values: &[ErrorValue], e: &Evidence<'_>, implied: Option<&str>) -> Answer {
    let mut have = strings(claims, "scope");
    have.extend(strings(claims, "scp"));
    let mut required = shown(values, "scope").map(|s| list(s, true)).unwrap_or_default();
    if let (true, Some(implied)) = (required.is_empty(), implied) {
        required.push(implied.to_owned());
    }
    if !required.is_empty() {
        let missing: Vec<String> = required.iter().filter(|r| !have.contains(r)).cloned().collect();
        return if missing.is_empty() {
            (
                Agreement::Contradicted,
                format!(
                    "This token has {}, which includes the required {}: the service received a different token, or reads another claim.",
                    quoted(&have),
                    quoted(&required)
                ),
            )
        } else {
            (Agreement::Confirmed, format!("This token lacks {} (it has {}).", quoted(&missing), quoted(&have)))
        };
    }
    if have.is_empty() {
        return (Agreement::Confirmed, "This token has no `scope` or `scp` claim at all (an ID token?).".to_owned());
    }
    if raised(e, catalogue_codes(Fact::Scope)) {
        return (
            Agreement::Confirmed,
            format!("This token's scopes ({}) miss what the expectations require.", quoted(&have)),
        );
    }
    unknown(format!("The message does not name the scope required; this token has {}.", quoted(&have)))
}

fn claim(fact: Fact, token: &Token, claims: &Map<String, Value>, values: &[ErrorValue], e: &Evidence<'_>) -> Answer {
    let codes = catalogue_codes(fact);
    if fact == Fact::TokenType {
        let kind = claims
            .get("token_use")
            .and_then(Value::as_str)
            .or_else(|| claims.get("typ").and_then(Value::as_str))
            .or_else(|| header_str(token, "typ"));
        if let (Some(kind), Some(expected)) = (kind, shown(values, "expected")) {
            return if kind.eq_ignore_ascii_case(expected) {
                (
                    Agreement::Contradicted,
                    format!(
                        "This token is already `{kind}`, what the service expects: the service received a different token."
                    ),
                )
            } else {
                (Agreement::Confirmed, format!("This token is `{kind}`; the service expects `{expected}`."))
            };
        }
    }
    if fact == Fact::Client
        && let Some(expected) = shown(values, "expected")
    {
        let client: Vec<String> =
            ["client_id", "azp", "aud", "appid"].iter().flat_map(|c| strings(claims, c)).collect();
        let expected = list(expected, false);
        return if expected.iter().any(|x| client.contains(x)) {
            (
                Agreement::Contradicted,
                format!(
                    "This token was issued to {}, which the service expects: it received a different token.",
                    quoted(&client)
                ),
            )
        } else {
            (
                Agreement::Confirmed,
                format!("This token was issued to {}; the service expects {}.", quoted(&client), quoted(&expected)),
            )
        };
    }
    if let Some(name) = shown(values, "claim") {
        return match claims.get(name) {
            None => (Agreement::Confirmed, format!("This token has no `{name}` claim.")),
            Some(v) => {
                unknown(format!("This token's `{name}` is {v}; the message does not say what the service expects."))
            }
        };
    }
    if raised(e, codes) {
        return (Agreement::Confirmed, "The token's findings show the same problem.".to_owned());
    }
    unknown("The message does not say which value the service expected.")
}

fn rejected(e: &Evidence<'_>, claims: &Map<String, Value>) -> Answer {
    let errors: Vec<&str> =
        e.findings.iter().filter(|f| f.code.severity() == Severity::Error).map(|f| f.code.as_str()).take(4).collect();
    if errors.is_empty() {
        return unknown(format!(
            "The message gives no reason, and this token shows none a strict verifier would reject (it {}): compare the service's issuer, audience and keys with the token.",
            time_state(claims, e)
        ));
    }
    unknown(format!(
        "The message gives no reason; this token has problems a verifier rejects: {}.",
        errors.iter().map(|c| format!("`{c}`")).collect::<Vec<_>>().join(", ")
    ))
}
