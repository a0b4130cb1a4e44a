//! An API Gateway REST API method protected by a `COGNITO_USER_POOLS` authorizer. AWS documents no order of its
//! checks; the rules follow AWS's own 401 troubleshooting checklist.
//!
//! Facts (public sources): API Gateway Developer Guide, "Control access to REST APIs using Amazon Cognito user pools
//! as an authorizer" (a method without OAuth scopes takes ID tokens, a method with scopes takes access tokens
//! holding one of them; `providerARNs`; `identityValidationExpression`, matched against `aud`) and the knowledge
//! center article on 401 errors from Cognito authorizers ("make sure that the tokens don't have any additional
//! spaces"). Whether the authorizer accepts a `Bearer ` prefix is not documented: it is reported as open.

use regex_lite::{Regex, RegexBuilder};

use super::rule::{self, Checked, Judge, RuleSpec, TargetSpec, TimePolicy};
use crate::codes::{ApiGatewayCode, Code, OptionCode, PasteCode};
use crate::decode::paste::{self, Candidate};
use crate::decode::token::TokenKind;
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::ApiGatewayRestTarget;
use crate::diagnose::providers::cognito::ADMIN_SCOPE;
use crate::diagnose::subject::{HeaderRead, RegexProblem, Subject};
use crate::finding::{Finding, Severity, quoted};
use crate::issuer::CognitoPool;
use crate::limits::{Limit, Limits, count};

type J<'a> = Judge<'a, ApiGatewayRestTarget>;

/// How the page and the command line offer this target.
pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::ApiGatewayRest,
    label: "API Gateway REST API, Cognito authorizer",
    aliases: &["rest"],
    summary: "An API Gateway REST API method with a COGNITO_USER_POOLS authorizer.",
    settings: &[
        SettingSpec {
            name: "providerArns",
            label: "User pool ARN(s) of the authorizer",
            hint: "The authorizer's providerARNs, one per line.",
            kind: SettingKind::List,
            flag: "--pool-arn",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "OAuth scopes of the method",
            hint: "The method's authorizationScopes. Empty: the method expects an ID token.",
            kind: SettingKind::List,
            required: false,
            flag: "--method-scope",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "identityValidationExpression",
            label: "Token validation regex",
            hint: "The authorizer's identityValidationExpression, matched against aud.",
            required: false,
            advanced: true,
            flag: "--validation-regex",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "headerValue",
            label: "Authorization header exactly as sent",
            hint: "Checked as the authorizer reads it; the CLI's input when no other is given.",
            required: false,
            advanced: true,
            flag: "--header",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<ApiGatewayRestTarget> = TargetSpec {
    kind: FORM.kind,
    service: |_| "API Gateway (REST API, Cognito authorizer)".into(),
    rejection: "401 Unauthorized",
    takes: |t| Some(if method_scopes(t).is_empty() { TokenUse::Id } else { TokenUse::Access }),
    assumptions: &[
        "the configuration given is the one deployed (authorizer and method changes take effect only after a redeploy of the stage; a recreated user pool has a new ARN)",
    ],
    missing: |t| rule::unset(&[("providerARNs", rule::all_blank(&t.provider_arns))]),
    rules: &[
        RuleSpec {
            id: RuleId::Header,
            describe: |_| "The Authorization header holds the token and nothing else".into(),
            check: header,
        },
        RuleSpec {
            id: RuleId::Format,
            describe: |_| "The token is a signed JWT".into(),
            check: |j| Some(rule::format(j.s)),
        },
        RuleSpec {
            id: RuleId::Issuer,
            describe: |_| "The token's issuer is one of the authorizer's user pools".into(),
            check: issuer,
        },
        RuleSpec {
            id: RuleId::Signature,
            describe: |_| "Signed by the user pool's key".into(),
            check: |j| Some(rule::signature(j.s)),
        },
        RuleSpec { id: RuleId::Exp, describe: |_| "Not expired".into(), check: exp },
        RuleSpec { id: RuleId::TokenType, describe: describe_token_type, check: token_type },
        RuleSpec { id: RuleId::Scope, describe: describe_token_type, check: scope },
        RuleSpec {
            id: RuleId::ValidationExpression,
            describe: |t| {
                format!(
                    "aud matches the token-validation regex {}",
                    t.identity_validation_expression.as_deref().unwrap_or("")
                )
            },
            check: validation_expression,
        },
    ],
};

/// The method's OAuth scopes (`authorizationScopes`), empty ones ignored.
fn method_scopes(t: &ApiGatewayRestTarget) -> Vec<&String> {
    t.scopes.iter().flatten().filter(|x| !x.is_empty()).collect()
}

/// The `Authorization` value as sent, read with paste hygiene's eyes: each cleanup paste hygiene would make is
/// something the authorizer will not do.
fn header(j: &J<'_>) -> Option<Checked> {
    // The value given in the settings, else the paste itself when it was a header value.
    let (value, pasted) = match (j.t.header_value.as_deref(), j.ctx.pasted_header) {
        (Some(v), _) => (v, false),
        (None, Some(v)) => (v, true),
        (None, None) => return None,
    };
    let limits = &j.ctx.limits;
    if limits.exceeded(Limit::InputBytes, value.len()) {
        let what = format!("The header value is {} bytes", count(value.len()));
        let finding = limits.finding(Limit::InputBytes, &what, "it was not read");
        return Some(Checked::unknown("The header value is too large to read here.").note(finding.in_token(j.s.index)));
    }
    let read = match j.ctx.header_read.get() {
        Some((text, read)) if text == value => read,
        _ => {
            let read = read_header(value, limits);
            &j.ctx.header_read.get_or_init(|| (value.to_owned(), read)).1
        }
    };
    let mut fails: Vec<ApiGatewayCode> = Vec::new();
    let mut open = Vec::new();
    let mut notes = Vec::new();
    for &code in &read.codes {
        let code = header_code(code);
        if code == ApiGatewayCode::HeaderBearerPrefix {
            open.push("a `Bearer ` prefix (undocumented)");
        } else if !fails.contains(&code) {
            fails.push(code);
        }
        notes.push(header_problem(j.s, code));
    }
    match &read.single {
        Some((text, _)) if *text == j.s.outer.compact => {}
        Some((_, true)) => {
            notes.push(other_token(j.s));
            open.push("another token in the header");
        }
        _ if !fails.contains(&ApiGatewayCode::HeaderNotAToken) => {
            notes.push(not_a_token(j.s, read.single.is_some()));
            fails.push(ApiGatewayCode::HeaderNotAToken);
        }
        _ => {}
    }
    let sent = if pasted { "If your client sends exactly what was pasted, the authorizer answers 401: " } else { "" };
    let checked = if let Some(first) = fails.first() {
        let found: Vec<&str> = fails.iter().map(|c| c.as_str()).collect();
        Checked::fail(format!("{sent}found {}.", found.join(", "))).code(*first)
    } else if open.is_empty() {
        Checked::pass("The value is the bare token.")
    } else {
        Checked::unknown(format!("Open: {}.", open.join("; ")))
    };
    Some(notes.into_iter().fold(checked, Checked::note))
}

/// What paste hygiene's cleanup means for the authorizer.
fn header_code(paste: Code) -> ApiGatewayCode {
    match paste {
        Code::Paste(PasteCode::SurroundingWhitespace | PasteCode::InnerWhitespace) => ApiGatewayCode::HeaderWhitespace,
        Code::Paste(PasteCode::Quotes) => ApiGatewayCode::HeaderQuotes,
        Code::Paste(PasteCode::BearerDoubled) => ApiGatewayCode::HeaderBearerDoubled,
        Code::Paste(PasteCode::BearerPrefix) => ApiGatewayCode::HeaderBearerPrefix,
        Code::Paste(PasteCode::HeaderLine) => ApiGatewayCode::HeaderNameIncluded,
        _ => ApiGatewayCode::HeaderNotAToken,
    }
}

/// The header value read by paste hygiene, once per call (every token is compared with the same value).
fn read_header(value: &str, limits: &Limits) -> HeaderRead {
    let extraction = paste::extract(value, limits);
    let single = match extraction.candidates.as_slice() {
        [one] => Some((one.text.text(), decodes_as_jws(one, limits))),
        _ => None,
    };
    HeaderRead { codes: extraction.findings.iter().map(|f| f.code).collect(), single }
}

/// Whether a candidate from the header value decodes as a signed token without errors.
fn decodes_as_jws(candidate: &Candidate, limits: &Limits) -> bool {
    let mut findings = Vec::new();
    let decoded = crate::decode::decode_candidate(candidate, limits, &mut findings);
    decoded.kind == TokenKind::Jws && findings.iter().all(|f| f.severity != Severity::Error)
}

fn issuer(j: &J<'_>) -> Option<Checked> {
    let s = j.s;
    let (pools, unresolved): (Vec<_>, Vec<_>) =
        j.t.provider_arns.iter().map(|arn| (arn, CognitoPool::from_arn(arn))).partition(|(_, p)| p.is_some());
    let pools: Vec<CognitoPool> = pools.into_iter().filter_map(|(_, p)| p).collect();
    let unresolved: Vec<&String> = unresolved.into_iter().map(|(arn, _)| arn).collect();
    let notes = unresolved.iter().map(|arn| arn_invalid(s, arn));
    let iss = s.str_claim("iss");
    let checked = if pools.is_empty() && unresolved.is_empty() {
        rule::needs("authorizer's user pool ARNs (providerARNs)")
    } else if let Some(iss) = iss.filter(|i| pools.iter().any(|p| p.issuer() == *i)) {
        Checked::pass(format!("iss {iss} is in providerARNs."))
    } else if !unresolved.is_empty() {
        Checked::unknown(format!(
            "iss {} is not among the pools jwtlens could read; {} could not be resolved.",
            iss.unwrap_or("absent"),
            quoted(&unresolved)
        ))
        .settle("the user pool ARNs as deployed")
    } else if s.claims.is_some() {
        Checked::fail_with(issuer_not_in_pools(s, &pools))
    } else {
        return None;
    };
    Some(notes.fold(checked, Checked::note))
}

fn exp(j: &J<'_>) -> Option<Checked> {
    let policy = TimePolicy {
        absent: (Outcome::Unknown, "The token has no exp; what the authorizer does then is not documented."),
        skew_known: false,
    };
    Some(rule::time(RuleId::Exp, time::evaluate(j.ctx, j.s).exp, &policy))
}

fn describe_token_type(t: &ApiGatewayRestTarget) -> String {
    let scopes = method_scopes(t);
    if scopes.is_empty() {
        "No OAuth scopes on the method: the token must be an ID token".to_owned()
    } else {
        format!(
            "The method has OAuth scopes {}: the token must be an access token holding one of them",
            quoted(&scopes)
        )
    }
}

/// The token type the method takes; for a method with scopes, an access token is judged by [`scope`] instead.
fn token_type(j: &J<'_>) -> Option<Checked> {
    let scopes = method_scopes(j.t);
    Some(match (scopes.is_empty(), j.s.token_use) {
        (true, TokenUse::Id) => Checked::pass("token_use is \"id\"."),
        (true, TokenUse::Access) => Checked::fail_with(access_without_scopes(j.s)),
        (true, _) => Checked::fail("Not a Cognito ID token."),
        (false, TokenUse::Id) => Checked::fail_with(id_with_scopes(j.s, &scopes)),
        (false, TokenUse::Access) => return None,
        (false, _) => Checked::fail("Not a Cognito access token."),
    })
}

/// An access token on a method with scopes must hold one of them.
fn scope(j: &J<'_>) -> Option<Checked> {
    let scopes = method_scopes(j.t);
    if scopes.is_empty() || j.s.token_use != TokenUse::Access {
        return None;
    }
    let have = j.s.scopes();
    Some(if scopes.iter().any(|x| have.contains(x)) {
        Checked::pass("At least one method scope is in the token's scope.")
    } else {
        Checked::fail_with(no_matching_scope(j.s, &scopes, &have))
    })
}

/// The token-validation regex, matched against `aud`. It is compiled once per call, within `limits.regexBytes`, and
/// matched against at most `limits.regexText` characters of `aud` in the call: regex-lite matches in time linear in
/// the text, but times the size of the compiled regex, which counted repetitions make large.
fn validation_expression(j: &J<'_>) -> Option<Checked> {
    let expression = j.t.identity_validation_expression.as_deref().filter(|e| !e.is_empty())?;
    let s = j.s;
    let Some(aud) = s.audiences() else { return Some(Checked::fail_with(validation_no_aud(s))) };
    let limits = &j.ctx.limits;
    let (full, partial) = match j.ctx.validation_regex.get_or_init(|| compile(expression, limits)) {
        Ok(regexes) => regexes,
        Err(RegexProblem::Unreadable) => {
            return Some(Checked::unknown("The regex could not be evaluated here.").note(regex_unreadable(expression)));
        }
        Err(RegexProblem::TooLarge) => {
            let finding = limits.finding(
                Limit::RegexBytes,
                &format!("The token-validation regex ({} characters) compiles to more bytes", count(expression.len())),
                "it was not evaluated",
            );
            return Some(Checked::unknown("The regex is too large to evaluate here.").note(finding.in_token(s.index)));
        }
    };
    let text: usize = aud.iter().map(|a| a.len() + 1).sum();
    if !j.ctx.regex_text.take(u64::try_from(text).unwrap_or(u64::MAX)) {
        let finding = limits.finding(
            Limit::RegexText,
            &format!("Matching the token-validation regex against this token's aud ({} characters) would pass the characters this call may match", count(text)),
            "the regex was not evaluated for this token",
        );
        return Some(Checked::unknown("aud is too long to match here.").note(finding.in_token(s.index)));
    }
    Some(if aud.iter().any(|a| full.is_match(a)) {
        Checked::pass(format!("aud {} matches.", quoted(&aud)))
    } else if aud.iter().any(|a| partial.is_match(a)) {
        Checked::unknown(format!(
            "aud {} matches part of the regex but not all of it; whether API Gateway requires a whole match is not documented.",
            quoted(&aud)
        ))
    } else {
        Checked::fail_with(validation_mismatch(s, &aud, expression))
    })
}

/// The regex for a whole match and for a partial one, each within `limits.regexBytes` of compiled size.
fn compile(expression: &str, limits: &Limits) -> Result<(Regex, Regex), RegexProblem> {
    let build = |pattern: &str| {
        RegexBuilder::new(pattern).size_limit(limits.count(Limit::RegexBytes)).build().map_err(|e| {
            if e.to_string().contains("size limit") { RegexProblem::TooLarge } else { RegexProblem::Unreadable }
        })
    };
    Ok((build(&format!("^(?:{expression})$"))?, build(expression)?))
}

// Wording: every message and fix of this target, filled from the evidence its rules found.

fn header_problem(s: &Subject<'_>, code: ApiGatewayCode) -> Finding {
    let (text, fix) = match code {
        ApiGatewayCode::HeaderWhitespace => (
            "The header value has spaces or line breaks besides the token (AWS's 401 checklist: \"make sure that the tokens don't have any additional spaces\").",
            "Send exactly `Bearer <token>` or `<token>`: trim the token where your code reads it (a trailing newline from a file or an environment variable is a classic).",
        ),
        ApiGatewayCode::HeaderQuotes => (
            "The header value has quotes around the token.",
            "Quotes are not part of the token: they usually come from a JSON-encoded string or a shell; send the bare value.",
        ),
        ApiGatewayCode::HeaderBearerDoubled => (
            "The header value says `Bearer` more than once.",
            "Your client adds `Bearer ` to a value that already has it (an HTTP library's bearer-auth option plus a manual prefix). Send the prefix once.",
        ),
        ApiGatewayCode::HeaderBearerPrefix => (
            "The header value starts with `Bearer `. API Gateway's documentation never mentions a prefix for COGNITO_USER_POOLS authorizers (open); Cognito's own guide says to send tokens as bearer tokens, and both forms are commonly reported to work.",
            "If the method returns 401 and nothing else explains it, try sending the bare token.",
        ),
        ApiGatewayCode::HeaderNameIncluded => (
            "The header value includes the header name `Authorization:`.",
            "Set the header's value to the token only; the name is set separately.",
        ),
        _ => (
            "The header value is not a single token (it is empty, JSON, a URL, percent-encoded, or holds several tokens).",
            "Put exactly one ID or access token in the header, as its compact text eyJ….",
        ),
    };
    s.at_token(code, text).fix(fix)
}

fn other_token(s: &Subject<'_>) -> Finding {
    s.at_token(
        ApiGatewayCode::HeaderOtherToken,
        "The header value carries a different token than the one inspected; the verdict is for the inspected token.",
    )
    .fix("Inspect the token from the header itself (paste the header value as the token).")
}

fn not_a_token(s: &Subject<'_>, one_candidate: bool) -> Finding {
    let text = if one_candidate {
        "The header value does not decode as a signed token (JWS); the authorizer cannot read it."
    } else {
        "The header value holds no single token."
    };
    s.at_token(ApiGatewayCode::HeaderNotAToken, text)
        .fix("Put exactly one ID or access token in the header, as its compact text eyJ…; paste the header value as the token to see what is wrong with it.")
}

fn arn_invalid(s: &Subject<'_>, arn: &str) -> Finding {
    let text = if arn.contains("${stageVariables.") {
        format!("The provider ARN \"{arn}\" uses a stage variable, which jwtlens cannot resolve.")
    } else {
        format!("\"{arn}\" is not a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>).")
    };
    s.at_token(ApiGatewayCode::RestProviderArnInvalid, text)
        .fix("Give the ARN as deployed: Cognito console → user pool → overview, \"ARN\".")
}

fn issuer_not_in_pools(s: &Subject<'_>, pools: &[CognitoPool]) -> Finding {
    let ids: Vec<&str> = pools.iter().map(|p| p.id.as_str()).collect();
    let iss = s.str_claim("iss").map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\""));
    s.at_claim(ApiGatewayCode::RestIssuerNotInPools, "iss", format!("The authorizer accepts tokens of the user pools {}, and this token's iss is {iss}: API Gateway answers 401.", quoted(&ids)))
        .fix("Sign in with a pool the authorizer lists, or add this pool's ARN to the authorizer's providerARNs and redeploy the API. A user pool that was deleted and recreated has a new id: update the ARN.")
}

fn access_without_scopes(s: &Subject<'_>) -> Finding {
    s.at_claim(ApiGatewayCode::RestAccessTokenWithoutScopes, "token_use", "The method has no OAuth scopes, so its Cognito authorizer treats the token as an ID token — and this is an access token: API Gateway answers 401 Unauthorized.")
        .fix("Send the ID token (id_token) instead; or, to authorize with access tokens, add OAuth scopes to the method (Method request → Authorization scopes) that the access token carries, and redeploy the API.")
}

fn id_with_scopes(s: &Subject<'_>, scopes: &[&String]) -> Finding {
    s.at_claim(ApiGatewayCode::RestIdTokenWithScopes, "token_use", format!("The method has OAuth scopes ({}), so its Cognito authorizer wants an access token — and this is an ID token: API Gateway answers 401 Unauthorized.", quoted(scopes)))
        .fix("Send the access token (access_token) of the same sign-in, obtained with one of the method's scopes; or remove the method's OAuth scopes (and redeploy) if it should take ID tokens.")
}

fn no_matching_scope(s: &Subject<'_>, scopes: &[&String], have: &[String]) -> Finding {
    let sdk = have.iter().all(|h| h == ADMIN_SCOPE) && scopes.iter().any(|x| x.contains('/'));
    let have_text = if have.is_empty() { "none".to_owned() } else { quoted(have) };
    s.at_claim(ApiGatewayCode::RestNoMatchingScope, "scope", format!("The method requires one of the scopes {}, and the token has {have_text}: API Gateway answers 401 Unauthorized.", quoted(scopes)))
        .fix(if sdk {
            "This token comes from SDK sign-in (InitiateAuth), which never adds custom scopes. Sign in through the OAuth endpoints (hosted UI) requesting the scope, with the scope allowed on the app client — or add it with a pre-token-generation trigger (V2, scopesToAdd)."
        } else {
            "Request one of the method's scopes in the authorize call, allow it on the app client, and sign in again; or change the method's scopes and redeploy."
        })
}

fn validation_no_aud(s: &Subject<'_>) -> Finding {
    s.at_claim(ApiGatewayCode::RestValidationNoAud, "aud", "The authorizer has a token-validation regex, which API Gateway matches against aud — and this token has no aud (Cognito access tokens never do): API Gateway answers 401.")
        .fix("Remove the token-validation regex from the authorizer when the method takes access tokens (and redeploy); or send an ID token.")
}

fn regex_unreadable(expression: &str) -> Finding {
    Finding::new(
        OptionCode::Invalid,
        format!(
            "The token-validation regex {expression} could not be read here (jwtlens supports the common regex syntax, not every Java construct); it was not evaluated."
        ),
    )
}

fn validation_mismatch(s: &Subject<'_>, aud: &[&str], expression: &str) -> Finding {
    s.at_claim(ApiGatewayCode::RestValidationMismatch, "aud", format!("aud {} does not match the authorizer's token-validation regex {expression}: API Gateway answers 401.", quoted(aud)))
        .fix("Fix the regex (it is matched against the app client id in aud) and redeploy, or sign in with the app client it expects.")
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::{Decision, Outcome};
    use crate::diagnose::testutil::*;

    fn rest(extra: &str) -> Options {
        opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"apiGatewayRest","providerArns":["{ARN}"]{extra}}}}}"#))
    }

    fn rule_outcome(i: &Inspection, id: &str) -> Outcome {
        i.verdict
            .as_ref()
            .unwrap()
            .rules
            .iter()
            .find(|r| r.id.as_str() == id)
            .unwrap_or_else(|| panic!("no rule {id}"))
            .outcome
    }

    /// Motivating case 2a: an access token on a method without scopes gets 401; the ID token does not.
    #[test]
    fn rest_without_method_scopes_wants_the_id_token() {
        let i = run(&cognito_access("aws.cognito.signin.user.admin"), &rest(""));
        let v = i.verdict.as_ref().unwrap();
        assert_eq!(v.decision, Decision::Deny);
        assert!(v.summary.contains("401 Unauthorized"), "{}", v.summary);
        assert_eq!(rule_outcome(&i, "tokenType"), Outcome::Fail);
        let f = find(&i, "APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES");
        assert!(f.message.contains("401"));
        let fix = f.fix.as_deref().unwrap();
        assert!(
            fix.contains("Send the ID token")
                && fix.contains("add OAuth scopes to the method")
                && fix.contains("redeploy"),
            "{fix}"
        );
        let i = run(&cognito_id(), &rest(""));
        assert_lacks(&i, "APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES");
        let v = i.verdict.unwrap();
        assert_eq!(v.decision, Decision::Unknown);
        let open: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Unknown).map(|r| r.id.as_str()).collect();
        assert_eq!(open, ["signature"]);
        // What nobody outside AWS can see is an assumption, not an open rule; the open rule names what settles it.
        assert!(v.assumptions[0].contains("redeploy"), "{:?}", v.assumptions);
        assert_eq!(
            v.rules.iter().find(|r| r.id.as_str() == "signature").unwrap().settle.as_deref(),
            Some("the issuer's keys (its JWKS)")
        );
        assert!(v.summary.contains("Give the issuer's keys (its JWKS) to settle it."), "{}", v.summary);
    }

    /// Motivating case 2b: with method scopes, an ID token gets 401, and an access token needs a matching scope.
    #[test]
    fn rest_with_method_scopes_wants_a_matching_access_token() {
        let o = rest(r#","scopes":["https://api.example.com/read"]"#);
        let i = run(&cognito_id(), &o);
        assert_eq!(i.verdict.as_ref().unwrap().decision, Decision::Deny);
        let f = find(&i, "APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES");
        assert!(f.fix.as_deref().unwrap().contains("Send the access token"));
        let i = run(&cognito_access("aws.cognito.signin.user.admin"), &o);
        assert_eq!(i.verdict.as_ref().unwrap().decision, Decision::Deny);
        assert!(find(&i, "APIGW_REST_NO_MATCHING_SCOPE").fix.as_deref().unwrap().contains("never adds custom scopes"));
        let i = run(&cognito_access("openid https://api.example.com/read"), &o);
        assert_lacks(&i, "APIGW_REST_NO_MATCHING_SCOPE");
        assert_lacks(&i, "APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES");
        assert_eq!(i.verdict.unwrap().decision, Decision::Unknown);
    }

    #[test]
    fn rest_issuer_not_in_pools_and_expired_all_at_once() {
        let other = "arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other99";
        let o = opts(&format!(
            r#"{{"now":{},"target":{{"kind":"apiGatewayRest","providerArns":["{other}"]}}}}"#,
            NOW + 7200.0
        ));
        let i = run(&cognito_access("x"), &o);
        assert_has(&i, "APIGW_REST_ISSUER_NOT_IN_POOLS");
        assert_has(&i, "APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES");
        assert_has(&i, "TIME_EXPIRED");
        let failing: Vec<_> =
            i.verdict.unwrap().rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id.as_str()).collect();
        assert_eq!(failing, ["issuer", "exp", "tokenType"]);
        assert_lacks(&run(&cognito_id(), &rest("")), "APIGW_REST_ISSUER_NOT_IN_POOLS");
        assert_has(
            &run(
                &cognito_id(),
                &opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"apiGatewayRest","providerArns":["nope"]}}}}"#)),
            ),
            "APIGW_REST_PROVIDER_ARN_INVALID",
        );
    }

    #[test]
    fn rest_expiry_within_skew_is_open() {
        let o = opts(&format!(
            r#"{{"now":{},"clockSkew":120,"target":{{"kind":"apiGatewayRest","providerArns":["{ARN}"]}}}}"#,
            NOW + 3600.0
        ));
        let i = run(&cognito_id(), &o);
        assert_eq!(rule_outcome(&i, "exp"), Outcome::Unknown);
        assert_has(&i, "TIME_WITHIN_SKEW");
    }

    #[test]
    fn rest_validation_regex_is_applied_to_aud() {
        let o = rest(&format!(r#","identityValidationExpression":"{CLIENT}""#));
        let i = run(
            &cognito_access("aws.cognito.signin.user.admin"),
            &rest(&format!(r#","scopes":["aws.cognito.signin.user.admin"],"identityValidationExpression":"{CLIENT}""#)),
        );
        assert_has(&i, "APIGW_REST_VALIDATION_NO_AUD");
        assert_eq!(i.verdict.unwrap().decision, Decision::Deny);
        assert_lacks(&run(&cognito_id(), &o), "APIGW_REST_VALIDATION_NO_AUD");
        assert_lacks(&run(&cognito_id(), &o), "APIGW_REST_VALIDATION_MISMATCH");
        assert_has(
            &run(&cognito_id(), &rest(r#","identityValidationExpression":"^abc.*$""#)),
            "APIGW_REST_VALIDATION_MISMATCH",
        );
        let partial = run(&cognito_id(), &rest(r#","identityValidationExpression":"57cb""#));
        assert_eq!(rule_outcome(&partial, "validationExpression"), Outcome::Unknown);
    }

    #[test]
    fn rest_header_value_hygiene() {
        let id = cognito_id();
        let header = |v: &str| rest(&format!(r#","headerValue":{}"#, serde_json::to_string(v).unwrap()));
        assert_has(&run(&id, &header(&format!("Bearer Bearer {id}"))), "APIGW_HEADER_BEARER_DOUBLED");
        assert_has(&run(&id, &header(&format!("\"{id}\""))), "APIGW_HEADER_QUOTES");
        assert_has(&run(&id, &header(&format!("{id}\n"))), "APIGW_HEADER_WHITESPACE");
        let (a, b) = id.split_at(40);
        assert_has(&run(&id, &header(&format!("{a}\n{b}"))), "APIGW_HEADER_WHITESPACE");
        assert_has(&run(&id, &header(&format!("Authorization: {id}"))), "APIGW_HEADER_NAME_INCLUDED");
        assert_has(&run(&id, &header("")), "APIGW_HEADER_NOT_A_TOKEN");
        assert_has(&run(&id, &header(&cognito_access("x"))), "APIGW_HEADER_OTHER_TOKEN");
        // Text kept together as one candidate that is no token: the authorizer cannot read it (not "another token").
        for unreadable in [format!("{id},{id}"), id[..id.len() - 20].to_owned(), format!("{id}.{id}")] {
            let i = run(&id, &header(&unreadable));
            assert_has(&i, "APIGW_HEADER_NOT_A_TOKEN");
            assert_lacks(&i, "APIGW_HEADER_OTHER_TOKEN");
            assert_eq!(rule_outcome(&i, "header"), Outcome::Fail, "{unreadable}");
        }
        let i = run(&id, &header(&format!("Bearer Bearer {id}")));
        assert_eq!(rule_outcome(&i, "header"), Outcome::Fail);
        // The Bearer prefix is open, not an error.
        let i = run(&id, &header(&format!("Bearer {id}")));
        assert_has(&i, "APIGW_HEADER_BEARER_PREFIX");
        assert_eq!(rule_outcome(&i, "header"), Outcome::Unknown);
        let i = run(&id, &header(&id));
        assert_eq!(rule_outcome(&i, "header"), Outcome::Pass);
        assert!(i.findings.iter().all(|f| !f.code().starts_with("APIGW_HEADER")), "{:#?}", i.findings);
    }
}
