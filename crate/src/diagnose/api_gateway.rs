//! Amazon API Gateway authorizers: the REST API `COGNITO_USER_POOLS` authorizer and the HTTP API JWT authorizer.
//!
//! Facts and sources: `shared/knowledge/identity-providers.md` §4.1 (REST) and §4.2 (HTTP). What AWS does not
//! document — whether the REST authorizer accepts `Bearer `, and either authorizer's clock skew — is reported as
//! open (`unknown`), never asserted.

use regex_lite::Regex;
use serde_json::Value;

use super::time;
use super::{
    ApiGatewayHttpTarget, ApiGatewayRestTarget, Ctx, OptionCode, Outcome, Rule, Subject, TokenUse, Verdict,
    format_rule, quoted,
};
use crate::codes::ApiGatewayCode;
use crate::codes::PasteCode;
use crate::decode::paste;
use crate::finding::Finding;
use crate::issuer::{CognitoPool, IssuerDiff, issuer_diff};

/// Whether a candidate from the header value decodes as a signed token without errors.
fn decodes_as_jws(candidate: &paste::Candidate) -> bool {
    let mut findings = Vec::new();
    let token = crate::decode::token::decode(candidate, &mut findings);
    token.kind == crate::decode::token::TokenKind::Jws && findings.iter().all(|f| f.severity != crate::Severity::Error)
}

/// Checks the `Authorization` value as sent, with paste hygiene's eyes: each cleanup paste hygiene would make is
/// something the authorizer will not do.
fn header_rule(s: &Subject<'_>, value: &str, out: &mut Vec<Finding>) -> Rule {
    let description = "The Authorization header holds the token and nothing else";
    let extraction = paste::extract(value);
    let mut fails = Vec::new();
    let mut open = Vec::new();
    for f in &extraction.findings {
        let code = f.code();
        let (ours, text, fix): (ApiGatewayCode, &str, &str) = if code == PasteCode::SurroundingWhitespace.as_str()
            || code == PasteCode::InnerWhitespace.as_str()
        {
            (
                ApiGatewayCode::HeaderWhitespace,
                "The header value has spaces or line breaks besides the token (AWS's 401 checklist: \"make sure that the tokens don't have any additional spaces\").",
                "Send exactly `Bearer <token>` or `<token>`: trim the token where your code reads it (a trailing newline from a file or an environment variable is a classic).",
            )
        } else if code == PasteCode::Quotes.as_str() {
            (
                ApiGatewayCode::HeaderQuotes,
                "The header value has quotes around the token.",
                "Quotes are not part of the token: they usually come from a JSON-encoded string or a shell; send the bare value.",
            )
        } else if code == PasteCode::BearerDoubled.as_str() {
            (
                ApiGatewayCode::HeaderBearerDoubled,
                "The header value says `Bearer` more than once.",
                "Your client adds `Bearer ` to a value that already has it (an HTTP library's bearer-auth option plus a manual prefix). Send the prefix once.",
            )
        } else if code == PasteCode::BearerPrefix.as_str() {
            (
                ApiGatewayCode::HeaderBearerPrefix,
                "The header value starts with `Bearer `. API Gateway's documentation never mentions a prefix for COGNITO_USER_POOLS authorizers (open); Cognito's own guide says to send tokens as bearer tokens, and both forms are commonly reported to work.",
                "If the method returns 401 and nothing else explains it, try sending the bare token.",
            )
        } else if code == PasteCode::HeaderLine.as_str() {
            (
                ApiGatewayCode::HeaderNameIncluded,
                "The header value includes the header name `Authorization:`.",
                "Set the header's value to the token only; the name is set separately.",
            )
        } else {
            (
                ApiGatewayCode::HeaderNotAToken,
                "The header value is not a single token (it is empty, JSON, a URL, percent-encoded, or holds several tokens).",
                "Put exactly one ID or access token in the header, as its compact text eyJ….",
            )
        };
        let finding = s.at_token(ours, text).fix(fix);
        if ours == ApiGatewayCode::HeaderBearerPrefix {
            open.push("a `Bearer ` prefix (undocumented)");
        } else {
            fails.push(ours.as_str());
        }
        if !out.iter().any(|o| o.code() == ours.as_str() && o.location == finding.location) {
            out.push(finding);
        }
    }
    // Why the value is no single token, if it is not: several (or no) candidates, or one that does not decode (text
    // the paste step keeps together, such as `a,b` or a truncated copy).
    let unreadable = match extraction.candidates.as_slice() {
        [one] if one.text.text() == s.outer.compact => None,
        [one] if decodes_as_jws(one) => {
            out.push(
                s.at_token(ApiGatewayCode::HeaderOtherToken, "The header value carries a different token than the one inspected; the verdict is for the inspected token.")
                    .fix("Inspect the token from the header itself (paste the header value as the token)."),
            );
            open.push("another token in the header");
            None
        }
        [_] => Some("The header value does not decode as a signed token (JWS); the authorizer cannot read it."),
        _ => Some("The header value holds no single token."),
    };
    if let Some(text) = unreadable
        && !fails.contains(&ApiGatewayCode::HeaderNotAToken.as_str())
    {
        out.push(
            s.at_token(ApiGatewayCode::HeaderNotAToken, text)
                .fix("Put exactly one ID or access token in the header, as its compact text eyJ…; paste the header value as the token to see what is wrong with it."),
        );
        fails.push(ApiGatewayCode::HeaderNotAToken.as_str());
    }
    if let Some(first) = fails.first() {
        let r = Rule::new("header", description, Outcome::Fail, format!("Found: {}.", fails.join(", ")));
        return Rule { code: Some(first), ..r };
    }
    if !open.is_empty() {
        return Rule::new("header", description, Outcome::Unknown, format!("Open: {}.", open.join("; ")));
    }
    Rule::new("header", description, Outcome::Pass, "The value is the bare token.")
}

/// Simulates a REST API method protected by a `COGNITO_USER_POOLS` authorizer.
pub(crate) fn rest_verdict(
    ctx: &Ctx<'_>,
    s: &Subject<'_>,
    t: &ApiGatewayRestTarget,
    out: &mut Vec<Finding>,
) -> Verdict {
    let mut rules = Vec::new();
    if let Some(value) = &t.header_value {
        rules.push(header_rule(s, value, out));
    }
    rules.push(format_rule(s, "The token is a signed JWT"));

    // Issuer among the pools.
    let mut issuers = Vec::new();
    let mut unresolved = Vec::new();
    for arn in &t.provider_arns {
        match CognitoPool::from_arn(arn) {
            Some(pool) => issuers.push(pool.issuer()),
            None => {
                unresolved.push(arn.clone());
                let stage = arn.contains("${stageVariables.");
                out.push(
                    s.at_token(ApiGatewayCode::RestProviderArnInvalid, if stage {
                        format!("The provider ARN \"{arn}\" uses a stage variable, which jwtlens cannot resolve.")
                    } else {
                        format!("\"{arn}\" is not a Cognito user pool ARN (arn:aws:cognito-idp:<region>:<account>:userpool/<poolId>).")
                    })
                    .fix("Give the ARN as deployed: Cognito console → user pool → overview, \"ARN\"."),
                );
            }
        }
    }
    let iss = s.str_claim("iss");
    let issuer_description = "The token's issuer is one of the authorizer's user pools";
    if iss.is_some_and(|i| issuers.iter().any(|x| x == i)) {
        rules.push(Rule::new(
            "issuer",
            issuer_description,
            Outcome::Pass,
            format!("iss {} is in providerARNs.", iss.unwrap_or_default()),
        ));
    } else if !unresolved.is_empty() {
        rules.push(Rule::new(
            "issuer",
            issuer_description,
            Outcome::Unknown,
            format!(
                "iss {} is not among the pools jwtlens could read; {} could not be resolved.",
                iss.unwrap_or("absent"),
                quoted(&unresolved)
            ),
        ));
    } else if s.claims.is_some() {
        let pools: Vec<String> =
            t.provider_arns.iter().filter_map(|a| CognitoPool::from_arn(a).map(|p| p.id)).collect();
        let detail = format!(
            "iss {} is not one of the pools {}.",
            iss.map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\"")),
            quoted(&pools)
        );
        out.push(
            s.at_claim(ApiGatewayCode::RestIssuerNotInPools, "iss", format!("The authorizer accepts tokens of the user pools {}, and this token's iss is {}: API Gateway answers 401.", quoted(&pools), iss.map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\""))))
                .fix("Sign in with a pool the authorizer lists, or add this pool's ARN to the authorizer's providerARNs and redeploy the API. A user pool that was deleted and recreated has a new id: update the ARN."),
        );
        rules.push(
            Rule::new("issuer", issuer_description, Outcome::Fail, detail).code(ApiGatewayCode::RestIssuerNotInPools),
        );
    }
    rules.push(s.signature_rule("Signed by the user pool's key"));
    let times = time::evaluate(ctx, s);
    rules.push(time::rule(
        "exp",
        "Not expired",
        times.exp,
        Outcome::Unknown,
        "The token has no exp; what the authorizer does then is not documented.",
        false,
    ));

    let scopes: Vec<&String> = t.scopes.iter().flatten().filter(|x| !x.is_empty()).collect();
    if scopes.is_empty() {
        let description = "No OAuth scopes on the method: the token must be an ID token";
        match s.token_use {
            TokenUse::Id => rules.push(Rule::new("tokenType", description, Outcome::Pass, "token_use is \"id\".")),
            TokenUse::Access => {
                rules.push(
                    Rule::new(
                        "tokenType",
                        description,
                        Outcome::Fail,
                        "This is an access token (token_use \"access\", no aud).",
                    )
                    .code(ApiGatewayCode::RestAccessTokenWithoutScopes),
                );
                out.push(
                    s.at_claim(ApiGatewayCode::RestAccessTokenWithoutScopes, "token_use", "The method has no OAuth scopes, so its Cognito authorizer treats the token as an ID token — and this is an access token: API Gateway answers 401 Unauthorized.")
                        .fix("Send the ID token (id_token) instead; or, to authorize with access tokens, add OAuth scopes to the method (Method request → Authorization scopes) that the access token carries, and redeploy the API."),
                );
            }
            _ => rules.push(Rule::new("tokenType", description, Outcome::Fail, "Not a Cognito ID token.")),
        }
    } else {
        let description = format!(
            "The method has OAuth scopes {}: the token must be an access token holding one of them",
            quoted(&scopes)
        );
        match s.token_use {
            TokenUse::Id => {
                rules.push(
                    Rule::new(
                        "tokenType",
                        description,
                        Outcome::Fail,
                        "This is an ID token, which has no scope claim.",
                    )
                    .code(ApiGatewayCode::RestIdTokenWithScopes),
                );
                out.push(
                    s.at_claim(ApiGatewayCode::RestIdTokenWithScopes, "token_use", format!("The method has OAuth scopes ({}), so its Cognito authorizer wants an access token — and this is an ID token: API Gateway answers 401 Unauthorized.", quoted(&scopes)))
                        .fix("Send the access token (access_token) of the same sign-in, obtained with one of the method's scopes; or remove the method's OAuth scopes (and redeploy) if it should take ID tokens."),
                );
            }
            TokenUse::Access => {
                let have = s.scopes();
                if scopes.iter().any(|x| have.contains(x)) {
                    rules.push(Rule::new(
                        "scope",
                        description,
                        Outcome::Pass,
                        "At least one method scope is in the token's scope.",
                    ));
                } else {
                    rules.push(
                        Rule::new(
                            "scope",
                            description,
                            Outcome::Fail,
                            format!(
                                "The token has {}.",
                                if have.is_empty() { "no scopes".to_owned() } else { quoted(&have) }
                            ),
                        )
                        .code(ApiGatewayCode::RestNoMatchingScope),
                    );
                    let sdk =
                        have.iter().all(|h| h == super::cognito::ADMIN_SCOPE) && scopes.iter().any(|x| x.contains('/'));
                    out.push(
                        s.at_claim(ApiGatewayCode::RestNoMatchingScope, "scope", format!("The method requires one of the scopes {}, and the token has {}: API Gateway answers 401 Unauthorized.", quoted(&scopes), if have.is_empty() { "none".to_owned() } else { quoted(&have) }))
                            .fix(if sdk {
                                "This token comes from SDK sign-in (InitiateAuth), which never adds custom scopes. Sign in through the OAuth endpoints (hosted UI) requesting the scope, with the scope allowed on the app client — or add it with a pre-token-generation trigger (V2, scopesToAdd)."
                            } else {
                                "Request one of the method's scopes in the authorize call, allow it on the app client, and sign in again; or change the method's scopes and redeploy."
                            }),
                    );
                }
            }
            _ => rules.push(Rule::new("tokenType", description, Outcome::Fail, "Not a Cognito access token.")),
        }
    }
    if let Some(expression) = t.identity_validation_expression.as_deref().filter(|e| !e.is_empty()) {
        rules.push(validation_rule(s, expression, out));
    }
    rules.push(Rule::new(
        "deployment",
        "The configuration given is the one deployed",
        Outcome::Unknown,
        "Authorizer and method changes take effect only after a redeploy of the stage; a recreated user pool needs its new ARN and a redeploy. jwtlens cannot see the deployed configuration.",
    ));
    Verdict::from_rules(
        s.index,
        "apiGatewayRest",
        "API Gateway (REST API, Cognito authorizer)",
        "401 Unauthorized",
        rules,
    )
}

/// The token-validation regex, matched against `aud`.
fn validation_rule(s: &Subject<'_>, expression: &str, out: &mut Vec<Finding>) -> Rule {
    let description = format!("aud matches the token-validation regex {expression}");
    let Some(aud) = s.audiences() else {
        out.push(
            s.at_claim(ApiGatewayCode::RestValidationNoAud, "aud", "The authorizer has a token-validation regex, which API Gateway matches against aud — and this token has no aud (Cognito access tokens never do): API Gateway answers 401.")
                .fix("Remove the token-validation regex from the authorizer when the method takes access tokens (and redeploy); or send an ID token."),
        );
        return Rule::new("validationExpression", description, Outcome::Fail, "The token has no aud.")
            .code(ApiGatewayCode::RestValidationNoAud);
    };
    let (Ok(full), Ok(partial)) = (Regex::new(&format!("^(?:{expression})$")), Regex::new(expression)) else {
        out.push(Finding::new(OptionCode::Invalid, format!("The token-validation regex {expression} could not be read here (jwtlens supports the common regex syntax, not every Java construct); it was not evaluated.")));
        return Rule::new(
            "validationExpression",
            description,
            Outcome::Unknown,
            "The regex could not be evaluated here.",
        );
    };
    if aud.iter().any(|a| full.is_match(a)) {
        Rule::new("validationExpression", description, Outcome::Pass, format!("aud {} matches.", quoted(&aud)))
    } else if aud.iter().any(|a| partial.is_match(a)) {
        Rule::new(
            "validationExpression",
            description,
            Outcome::Unknown,
            format!(
                "aud {} matches part of the regex but not all of it; whether API Gateway requires a whole match is not documented.",
                quoted(&aud)
            ),
        )
    } else {
        out.push(
            s.at_claim(ApiGatewayCode::RestValidationMismatch, "aud", format!("aud {} does not match the authorizer's token-validation regex {expression}: API Gateway answers 401.", quoted(&aud)))
                .fix("Fix the regex (it is matched against the app client id in aud) and redeploy, or sign in with the app client it expects."),
        );
        Rule::new("validationExpression", description, Outcome::Fail, format!("aud {} does not match.", quoted(&aud)))
            .code(ApiGatewayCode::RestValidationMismatch)
    }
}

/// Simulates an HTTP API route protected by a JWT authorizer, in the documented order.
pub(crate) fn http_verdict(
    ctx: &Ctx<'_>,
    s: &Subject<'_>,
    t: &ApiGatewayHttpTarget,
    out: &mut Vec<Finding>,
) -> Verdict {
    let mut rules = vec![format_rule(s, "The token decodes as a JWT")];
    match s.alg() {
        Some(alg) if alg.starts_with("RS") || alg.starts_with("PS") => {
            rules.push(Rule::new(
                "alg",
                "RSA-signed (documented in 2023: \"only RSA-based algorithms are supported\")",
                Outcome::Pass,
                format!("alg {alg}."),
            ));
        }
        Some(alg) => {
            rules.push(
                Rule::new(
                    "alg",
                    "RSA-signed (documented in 2023: \"only RSA-based algorithms are supported\")",
                    Outcome::Unknown,
                    format!("alg {alg}; whether the restriction still holds is not confirmed."),
                )
                .code(ApiGatewayCode::HttpAlgNotRsa),
            );
            out.push(
                s.at_header(ApiGatewayCode::HttpAlgNotRsa, "alg", format!("The token is signed with {alg}; AWS's HTTP API documentation (2023) says JWT authorizers support only RSA algorithms. Whether that still holds is not confirmed."))
                    .fix("If the route answers 401, have the issuer sign with RS256, or use a Lambda authorizer."),
            );
        }
        None => rules.push(Rule::new("alg", "RSA-signed", Outcome::Fail, "No alg.")),
    }
    if s.header_str("kid").is_some() {
        rules.push(Rule::new(
            "kid",
            "The header's kid names a key in the issuer's jwks_uri",
            Outcome::Unknown,
            "kid present; whether the issuer's JWKS has it is not visible here.",
        ));
    } else {
        rules.push(
            Rule::new(
                "kid",
                "The header's kid names a key in the issuer's jwks_uri",
                Outcome::Fail,
                "The header has no kid.",
            )
            .code(ApiGatewayCode::HttpNoKid),
        );
        out.push(
            s.at_header(ApiGatewayCode::HttpNoKid, "kid", "The header has no kid; the HTTP API JWT authorizer picks the verification key by kid: API Gateway answers 401.")
                .fix("Have the issuer put the key id in the header (every mainstream provider does)."),
        );
    }
    rules.push(s.signature_rule("Signed by the key from the issuer's jwks_uri"));
    let iss = s.str_claim("iss");
    let iss_description = format!("iss is exactly \"{}\"", t.issuer);
    if iss == Some(t.issuer.as_str()) {
        rules.push(Rule::new("iss", iss_description, Outcome::Pass, "Equal."));
    } else {
        let hint = match iss.map(|i| issuer_diff(i, &t.issuer)) {
            Some(IssuerDiff::TrailingSlash) => {
                " They differ only by the trailing slash: the comparison is exact (Auth0 issuers end with /)."
            }
            _ if t.issuer.contains("/.well-known/") => {
                " Enter the issuer itself, without /.well-known/openid-configuration."
            }
            _ => "",
        };
        out.push(
            s.at_claim(ApiGatewayCode::HttpIssuerMismatch, "iss", format!("\"iss\" is {} but the authorizer's issuer is \"{}\": API Gateway answers 401.{hint}", iss.map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\"")), t.issuer))
                .fix(format!("Set the authorizer's issuer to exactly the token's iss{} and redeploy if the stage is not auto-deployed; or send a token from the configured issuer.", iss.map(|i| format!(" (\"{i}\")")).unwrap_or_default())),
        );
        rules.push(
            Rule::new("iss", iss_description, Outcome::Fail, format!("iss is {}.", iss.unwrap_or("absent")))
                .code(ApiGatewayCode::HttpIssuerMismatch),
        );
    }
    let aud = s.audiences().unwrap_or_default();
    let client_id = s.str_claim("client_id");
    let aud_description = format!("aud or client_id is one of {}", quoted(&t.audiences));
    if aud.iter().chain(client_id.iter()).any(|a| t.audiences.iter().any(|x| x == a)) {
        rules.push(Rule::new("aud", aud_description, Outcome::Pass, "Found."));
    } else {
        let have = match (aud.is_empty(), client_id) {
            (true, None) => "neither aud nor client_id".to_owned(),
            (false, None) => format!("aud {}", quoted(&aud)),
            (true, Some(c)) => format!("client_id \"{c}\""),
            (false, Some(c)) => format!("aud {} and client_id \"{c}\"", quoted(&aud)),
        };
        out.push(
            s.at_claim(ApiGatewayCode::HttpAudienceMismatch, if aud.is_empty() { "client_id" } else { "aud" }, format!("The token has {have}, none of the authorizer's audiences {}: API Gateway answers 401 with \"the token does not have a valid audience\".", quoted(&t.audiences)))
                .fix("Add the token's app client id (Cognito) or API identifier (others) to the authorizer's audiences, or request the token for the configured audience."),
        );
        rules.push(
            Rule::new("aud", aud_description, Outcome::Fail, format!("The token has {have}."))
                .code(ApiGatewayCode::HttpAudienceMismatch),
        );
    }
    let times = time::evaluate(ctx, s);
    rules.push(time::rule(
        "exp",
        "exp is after the current time (UTC)",
        times.exp,
        Outcome::Unknown,
        "No exp; whether the authorizer accepts that is not documented.",
        false,
    ));
    rules.push(time::rule(
        "nbf",
        "nbf, if present, is before the current time",
        times.nbf,
        Outcome::Pass,
        "No nbf.",
        false,
    ));
    rules.push(time::rule(
        "iat",
        "iat is before the current time",
        times.iat,
        Outcome::Unknown,
        "No iat; whether the authorizer accepts that is not documented.",
        false,
    ));
    let route: Vec<&String> = t.scopes.iter().flatten().filter(|x| !x.is_empty()).collect();
    if route.is_empty() {
        out.push(
            s.at_token(ApiGatewayCode::HttpNoRouteScopes, "The route has no authorization scopes, so any unexpired token of this issuer and audience passes — Cognito ID tokens included (their aud is the app client id).")
                .fix("AWS recommends requiring authorization scopes on routes unless they are meant to take ID tokens."),
        );
    } else {
        let have = s.scopes();
        let description = format!("scope or scp holds one of {}", quoted(&route));
        if route.iter().any(|r| have.contains(r)) {
            rules.push(Rule::new("scope", description, Outcome::Pass, "Found."));
        } else {
            let id = if s.token_use == TokenUse::Id {
                " This is an ID token, which carries no scopes: send the access token."
            } else {
                ""
            };
            let roles = if s.claim("roles").is_some_and(Value::is_array) && s.claim("scp").is_none() {
                " The token has app roles (roles) instead, which the authorizer does not read."
            } else {
                ""
            };
            out.push(
                s.at_claim(ApiGatewayCode::HttpNoMatchingScope, "scope", format!("The route requires one of the scopes {}, and the token has {}.{id}{roles}", quoted(&route), if have.is_empty() { "none".to_owned() } else { quoted(&have) }))
                    .fix("Request one of the route's scopes when getting the token (and allow it for the client), or change the route's authorization scopes."),
            );
            rules.push(
                Rule::new(
                    "scope",
                    description,
                    Outcome::Fail,
                    format!("The token has {}.", if have.is_empty() { "no scopes".to_owned() } else { quoted(&have) }),
                )
                .code(ApiGatewayCode::HttpNoMatchingScope),
            );
        }
    }
    Verdict::from_rules(s.index, "apiGatewayHttp", "API Gateway (HTTP API, JWT authorizer)", "401 Unauthorized", rules)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{Decision, Outcome};

    fn rest(extra: &str) -> crate::InspectOptions {
        opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"apiGatewayRest","providerArns":["{ARN}"]{extra}}}}}"#))
    }

    fn rule_outcome(i: &crate::Inspection, id: &str) -> Outcome {
        i.verdict.as_ref().unwrap().rules.iter().find(|r| r.id == id).unwrap_or_else(|| panic!("no rule {id}")).outcome
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
        let open: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Unknown).map(|r| r.id).collect();
        assert_eq!(open, ["signature", "deployment"]);
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
            i.verdict.unwrap().rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id).collect();
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

    fn http(issuer: &str, audiences: &str, extra: &str) -> crate::InspectOptions {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"apiGatewayHttp","issuer":"{issuer}","audiences":{audiences}{extra}}}}}"#
        ))
    }

    #[test]
    fn http_issuer_is_exact_including_trailing_slash() {
        let auth0 = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://dev-x.us.auth0.com/","aud":"https://api","scope":"read","iat":{NOW},"exp":{}}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&auth0, &http("https://dev-x.us.auth0.com", r#"["https://api"]"#, ""));
        assert!(find(&i, "APIGW_HTTP_ISSUER_MISMATCH").message.contains("trailing slash"));
        assert_eq!(i.verdict.unwrap().decision, Decision::Deny);
        assert_lacks(
            &run(&auth0, &http("https://dev-x.us.auth0.com/", r#"["https://api"]"#, "")),
            "APIGW_HTTP_ISSUER_MISMATCH",
        );
    }

    #[test]
    fn http_audience_from_aud_or_client_id() {
        let o = http(ISS, &format!(r#"["{CLIENT}"]"#), "");
        assert_lacks(&run(&cognito_id(), &o), "APIGW_HTTP_AUDIENCE_MISMATCH");
        assert_lacks(&run(&cognito_access("x"), &o), "APIGW_HTTP_AUDIENCE_MISMATCH");
        let i = run(&cognito_access("x"), &http(ISS, r#"["other"]"#, ""));
        assert!(find(&i, "APIGW_HTTP_AUDIENCE_MISMATCH").message.contains("the token does not have a valid audience"));
        // Without route scopes, ID tokens pass too: said as info.
        assert_has(&run(&cognito_id(), &o), "APIGW_HTTP_NO_ROUTE_SCOPES");
        assert_ne!(run(&cognito_id(), &o).verdict.unwrap().decision, Decision::Deny);
    }

    #[test]
    fn http_scopes_from_scope_or_scp() {
        let o = http("https://op", r#"["api"]"#, r#","scopes":["read"]"#);
        let scp = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://op","aud":"api","scp":"read write","iat":{NOW},"exp":{}}}"#, NOW + 60.0),
        );
        let i = run(&scp, &o);
        assert_lacks(&i, "APIGW_HTTP_NO_MATCHING_SCOPE");
        assert_lacks(&i, "APIGW_HTTP_NO_ROUTE_SCOPES");
        let none = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://op","aud":"api","scope":"write","iat":{NOW},"exp":{}}}"#, NOW + 60.0),
        );
        assert_has(&run(&none, &o), "APIGW_HTTP_NO_MATCHING_SCOPE");
    }

    #[test]
    fn http_time_kid_and_alg() {
        let o = http("https://op", r#"["api"]"#, "");
        let t = jwt(
            r#"{"alg":"ES256"}"#,
            &format!(
                r#"{{"iss":"https://op","aud":"api","nbf":{},"iat":{},"exp":{}}}"#,
                NOW + 600.0,
                NOW + 600.0,
                NOW - 1.0
            ),
        );
        let i = run(&t, &o);
        assert_has(&i, "APIGW_HTTP_NO_KID");
        assert_has(&i, "APIGW_HTTP_ALG_NOT_RSA");
        let failing: Vec<_> =
            i.verdict.unwrap().rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id).collect();
        assert_eq!(failing, ["kid", "exp", "nbf", "iat"]);
        let good = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://op","aud":"api","iat":{NOW},"exp":{}}}"#, NOW + 60.0),
        );
        let i = run(&good, &o);
        assert_lacks(&i, "APIGW_HTTP_NO_KID");
        assert_lacks(&i, "APIGW_HTTP_ALG_NOT_RSA");
        assert_eq!(i.verdict.unwrap().decision, Decision::Unknown);
    }
}
