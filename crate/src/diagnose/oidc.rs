//! OpenID Connect Core (ID token validation, §3.1.3.7), RFC 8725 (explicit typing, cross-JWT confusion) and
//! RFC 9068 (JWT access tokens).
//!
//! `typ: at+jwt` is only asked of issuers that are meant to follow RFC 9068: Cognito, Okta and Entra access tokens
//! do not carry it by default, and that is not an error.

use serde_json::Value;

use super::claims::{self, audience_finding, issuer_finding};
use super::time;
use super::{Ctx, ExpectedUse, OidcTarget, Outcome, ProviderId, Rule, Subject, TokenUse, Verdict, format_rule, quoted};
use crate::codes::ClaimCode;
use crate::codes::OidcCode;
use crate::decode::token::TokenKind;
use crate::finding::Finding;

const AT_JWT: &[&str] = &["at+jwt", "application/at+jwt"];

fn is_at_jwt(s: &Subject<'_>) -> bool {
    s.header_str("typ").is_some_and(|t| AT_JWT.contains(&t.to_ascii_lowercase().as_str()))
}

fn id_as_access(s: &Subject<'_>, what: &str) -> Finding {
    let fix = if s.is_cognito() {
        "Send the access_token of the same sign-in (Amplify: (await fetchAuthSession()).tokens.accessToken). Cognito access tokens carry token_use \"access\", scope and client_id."
    } else {
        "Send the access token issued for your API (request it with your API's audience or scope). ID tokens tell the client who signed in; APIs must not accept them (RFC 8725 §3.11: explicit typing)."
    };
    s.at_claim(
        OidcCode::IdTokenAsAccess,
        if s.claim("token_use").is_some() { "token_use" } else { "typ" },
        format!("This is an ID token, and {what} expects an access token."),
    )
    .fix(fix)
}

fn access_as_id(s: &Subject<'_>, what: &str) -> Finding {
    let fix = if s.is_cognito() {
        "Send the id_token of the same sign-in (Amplify: (await fetchAuthSession()).tokens.idToken); it is returned only when the openid scope was requested."
    } else {
        "Send the ID token (id_token of the token response); request the openid scope to get one."
    };
    s.at_claim(
        OidcCode::AccessTokenAsId,
        if s.claim("token_use").is_some() { "token_use" } else { "typ" },
        format!("This is an access token, and {what} expects an ID token."),
    )
    .fix(fix)
}

/// Checks that need no target: the expected token type, RFC 9068 typing, OIDC's ID-token requirements, `azp`.
pub(crate) fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    match (ctx.expect.token_use, s.token_use) {
        (Some(ExpectedUse::Access), TokenUse::Id) => out.push(id_as_access(s, "the verifier")),
        (Some(ExpectedUse::Id), TokenUse::Access) => out.push(access_as_id(s, "the verifier")),
        (Some(_), TokenUse::Unknown) => out.push(s.at_token(OidcCode::TokenTypeUnknown, "Nothing in the token says whether it is an ID or an access token (no token_use, typ, nonce or scope), so the expected type was not checked.")),
        _ => {}
    }
    let rfc9068_issuer = !(s.is_cognito() || s.provider.is_okta() || s.provider.is_entra());
    if ctx.expect.token_use == Some(ExpectedUse::Access)
        && s.token_use != TokenUse::Id
        && rfc9068_issuer
        && !is_at_jwt(s)
    {
        out.push(
            s.at_header(OidcCode::TypNotAtJwt, "typ", format!(
                "An access token is expected, and this one's typ is {}, not \"at+jwt\". Resource servers that enforce RFC 9068 (and RFC 8725's explicit typing) reject it.",
                s.header_str("typ").map_or_else(|| "absent".to_owned(), |t| format!("\"{t}\""))
            ))
            .fix("If your API enforces RFC 9068, have the issuer use its JWT access-token profile (e.g. Auth0: RFC 9068 token dialect); otherwise tell ID from access tokens by another claim."),
        );
    }
    if s.token_use == TokenUse::Id {
        let missing: Vec<&str> =
            ["iss", "sub", "aud", "exp", "iat"].into_iter().filter(|c| s.claim(c).is_none()).collect();
        if let Some(first) = missing.first() {
            out.push(
                s.at_claim(
                    OidcCode::RequiredClaimMissing,
                    first,
                    format!("This ID token lacks {}, which OpenID Connect Core requires.", quoted(&missing)),
                )
                .fix("OIDC libraries reject such ID tokens. Fix the issuer."),
            );
        }
        if let Some(iss) = s.str_claim("iss")
            && !s.provider.emulator
            && s.provider.id != ProviderId::Google
        {
            let ok = crate::issuer::parse_url(iss).is_some_and(|u| u.scheme == "https" && !u.query_or_fragment);
            if !ok {
                out.push(
                    s.at_claim(OidcCode::IssNotHttps, "iss", format!("The ID token's iss \"{iss}\" is not an https URL without query or fragment, as OIDC Core requires."))
                        .fix("Configure the issuer's public URL with https (behind a proxy: forwarded headers)."),
                );
            }
        }
        if let Some(sub) = s.str_claim("sub")
            && (sub.len() > 255 || !sub.is_ascii())
        {
            out.push(s.at_claim(
                OidcCode::SubInvalid,
                "sub",
                "sub is longer than 255 characters or not ASCII; OIDC Core limits it to 255 ASCII characters.",
            ));
        }
    }
    let client = ctx.expect.client_id.as_deref().or(match ctx.target {
        Some(super::Target::Oidc(t)) => Some(t.client_id.as_str()),
        _ => None,
    });
    if let Some(client) = client
        && s.token_use != TokenUse::Access
        && !s.is_cognito()
    {
        if let Some(azp) = s.str_claim("azp")
            && azp != client
            && s.audiences().is_some_and(|a| a.contains(&client))
        {
            out.push(
                s.at_claim(OidcCode::AzpMismatch, "azp", format!("azp (the party the token was issued to) is \"{azp}\", not your client \"{client}\"."))
                    .fix("The token was issued to another client that shares your audience; accept it only if you trust that client."),
            );
        }
        if let Some(aud) = s.audiences()
            && aud.len() > 1
            && aud.contains(&client)
        {
            let others: Vec<&&str> = aud.iter().filter(|a| **a != client).collect();
            out.push(
                s.at_claim(OidcCode::UntrustedAudience, "aud", format!("aud also lists {}; OIDC Core says to reject an ID token whose other audiences the client does not trust.", quoted(&others)))
                    .fix("Accept it only if you trust those audiences (an Auth0 /userinfo audience is harmless)."),
            );
        }
    }
}

/// Simulates an OpenID Connect relying party validating an ID token (OIDC Core §3.1.3.7).
pub(crate) fn verdict(ctx: &Ctx<'_>, s: &Subject<'_>, t: &OidcTarget, out: &mut Vec<Finding>) -> Verdict {
    let mut rules = vec![format_rule(s, "The token is a signed JWT")];
    let type_description = "The token is an ID token";
    match s.token_use {
        TokenUse::Id => rules.push(Rule::new("tokenType", type_description, Outcome::Pass, "Told from the token.")),
        TokenUse::Access => {
            out.push(access_as_id(s, "the relying party"));
            rules.push(
                Rule::new("tokenType", type_description, Outcome::Fail, "This is an access token.")
                    .code(OidcCode::AccessTokenAsId),
            );
        }
        _ => rules.push(Rule::new("tokenType", type_description, Outcome::Unknown, "Cannot be told from the token.")),
    }
    let iss = s.str_claim("iss");
    let iss_description = format!("iss is exactly \"{}\"", t.issuer);
    match iss.and_then(|i| issuer_finding(s, i, &t.issuer, "relying party's")) {
        None if iss.is_some() => rules.push(Rule::new("iss", iss_description, Outcome::Pass, "Equal.")),
        None => {
            out.push(
                s.at_claim(ClaimCode::IssMissing, "iss", "The ID token has no iss.")
                    .fix("OIDC relying parties reject ID tokens without iss."),
            );
            rules.push(Rule::new("iss", iss_description, Outcome::Fail, "No iss.").code(ClaimCode::IssMissing));
        }
        Some(f) => {
            let code = f.code();
            rules
                .push(Rule { code: Some(code), ..Rule::new("iss", iss_description, Outcome::Fail, f.message.clone()) });
            out.push(f);
        }
    }
    let aud_description = format!("aud contains the client id \"{}\"", t.client_id);
    match audience_finding(s, std::slice::from_ref(&t.client_id), "the client id") {
        None => {
            let extra = s.audiences().is_some_and(|a| a.len() > 1);
            if extra {
                rules.push(
                    Rule::new(
                        "aud",
                        aud_description,
                        Outcome::Unknown,
                        "Present, with other audiences the relying party must trust.",
                    )
                    .code(OidcCode::UntrustedAudience),
                );
            } else {
                rules.push(Rule::new("aud", aud_description, Outcome::Pass, "Present."));
            }
        }
        Some(f) => {
            rules.push(Rule {
                code: Some(f.code()),
                ..Rule::new("aud", aud_description, Outcome::Fail, f.message.clone())
            });
            out.push(f);
        }
    }
    if let Some(azp) = s.str_claim("azp") {
        let outcome = if azp == t.client_id { Outcome::Pass } else { Outcome::Fail };
        let r = Rule::new("azp", "azp, if present, is the client id", outcome, format!("azp is \"{azp}\"."));
        rules.push(if outcome == Outcome::Fail { r.code(OidcCode::AzpMismatch) } else { r });
    }
    if s.token.kind == TokenKind::Unsecured {
        rules.push(Rule::new(
            "signature",
            "Signed with the provider's key (alg not none)",
            Outcome::Fail,
            "alg none: unsecured.",
        ));
    } else {
        rules.push(s.signature_rule("Signed with the provider's key (alg not none)"));
    }
    let times = time::evaluate(ctx, s);
    rules.push(time::rule(
        "exp",
        "The current time is before exp (with the client's leeway)",
        times.exp,
        Outcome::Fail,
        "No exp: OIDC Core requires it.",
        true,
    ));
    let iat = if s.claim("iat").is_some() {
        Rule::new("iat", "iat is present", Outcome::Pass, "Present; its acceptable age is the client's policy.")
    } else {
        if s.token_use != TokenUse::Id {
            out.push(s.at_claim(
                OidcCode::RequiredClaimMissing,
                "iat",
                "The token has no iat, which OIDC Core requires in ID tokens.",
            ));
        }
        Rule::new("iat", "iat is present", Outcome::Fail, "No iat.").code(OidcCode::RequiredClaimMissing)
    };
    rules.push(iat);
    if let Some(nonce) = &ctx.expect.nonce {
        let actual = s.claim("nonce");
        let r = Rule::new(
            "nonce",
            "nonce equals the one sent",
            if actual.and_then(Value::as_str) == Some(nonce.as_str()) { Outcome::Pass } else { Outcome::Fail },
            format!("nonce is {}.", actual.map_or_else(|| "absent".to_owned(), ToString::to_string)),
        );
        rules.push(if r.outcome == Outcome::Fail {
            r.code(if actual.is_some() { ClaimCode::NonceMismatch } else { ClaimCode::NonceMissing })
        } else {
            r
        });
    }
    if let (Some(access), Some(claimed), Some(alg)) = (&ctx.expect.access_token, s.str_claim("at_hash"), s.alg()) {
        let access = crate::decode::paste::extract(access)
            .candidates
            .first()
            .map_or_else(|| access.trim().to_owned(), |c| c.text.text());
        if let Some(computed) = claims::at_hash(alg, &access) {
            let ok = computed == claimed;
            let r = Rule::new(
                "atHash",
                "at_hash matches the access token",
                if ok { Outcome::Pass } else { Outcome::Fail },
                format!("at_hash {claimed}, computed {computed}."),
            );
            rules.push(if ok { r } else { r.code(ClaimCode::AtHashMismatch) });
        }
    }
    Verdict::from_rules(s.index, "oidc", "The OpenID Connect relying party", "the ID token is invalid", rules)
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::super::{Decision, Outcome};

    fn rp(extra: &str) -> crate::InspectOptions {
        opts(&format!(
            r#"{{"now":{NOW}{extra},"target":{{"kind":"oidc","issuer":"https://op.example","clientId":"web"}}}}"#
        ))
    }

    fn id_token(extra: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k","typ":"JWT"}"#,
            &format!(
                r#"{{"iss":"https://op.example","sub":"u1","aud":"web","exp":{},"iat":{NOW},"nonce":"n1"{extra}}}"#,
                NOW + 300.0
            ),
        )
    }

    #[test]
    fn relying_party_accepts_a_good_id_token_up_to_the_signature() {
        let i = run(&id_token(""), &rp(r#","expect":{"nonce":"n1"}"#));
        let v = i.verdict.unwrap();
        assert_eq!(v.decision, Decision::Unknown);
        assert_eq!(
            v.rules.iter().filter(|r| r.outcome != Outcome::Pass).map(|r| r.id).collect::<Vec<_>>(),
            ["signature"]
        );
        assert!(i.findings.iter().all(|f| f.severity == crate::Severity::Info), "{:#?}", i.findings);
    }

    #[test]
    fn relying_party_rejects_access_tokens_and_wrong_azp_nonce_iss() {
        let access = jwt(
            r#"{"alg":"RS256","typ":"at+jwt"}"#,
            &format!(
                r#"{{"iss":"https://op.example/","aud":"web","azp":"other","scope":"read","exp":{},"iat":{NOW},"client_id":"other"}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&access, &rp(r#","expect":{"nonce":"n1"}"#));
        assert_has(&i, "OIDC_ACCESS_TOKEN_AS_ID_TOKEN");
        assert_has(&i, "CLAIM_ISS_TRAILING_SLASH");
        let v = i.verdict.unwrap();
        assert_eq!(v.decision, Decision::Deny);
        let failing: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id).collect();
        assert_eq!(failing, ["tokenType", "iss", "azp", "nonce"]);
        assert_lacks(&run(&id_token(""), &rp("")), "OIDC_ACCESS_TOKEN_AS_ID_TOKEN");
    }

    #[test]
    fn azp_and_extra_audiences() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"https://op.example","sub":"u","aud":["web","other"],"azp":"other","nonce":"x","exp":{},"iat":{NOW}}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&t, &rp(""));
        assert_has(&i, "OIDC_AZP_MISMATCH");
        assert_has(&i, "OIDC_UNTRUSTED_AUDIENCE");
        let i = run(&id_token(r#","azp":"web""#), &rp(""));
        assert_lacks(&i, "OIDC_AZP_MISMATCH");
        assert_lacks(&i, "OIDC_UNTRUSTED_AUDIENCE");
    }

    #[test]
    fn id_token_used_as_access_token() {
        let o = opts(&format!(r#"{{"now":{NOW},"expect":{{"tokenUse":"access"}}}}"#));
        let i = run(&cognito_id(), &o);
        assert!(find(&i, "OIDC_ID_TOKEN_AS_ACCESS_TOKEN").fix.as_deref().unwrap().contains("access_token"));
        assert_has(&run(&id_token(""), &o), "OIDC_ID_TOKEN_AS_ACCESS_TOKEN");
        assert_lacks(&run(&cognito_access("x"), &o), "OIDC_ID_TOKEN_AS_ACCESS_TOKEN");
        let o = opts(&format!(r#"{{"now":{NOW},"expect":{{"tokenUse":"id"}}}}"#));
        assert_has(&run(&cognito_access("x"), &o), "OIDC_ACCESS_TOKEN_AS_ID_TOKEN");
        assert_has(&run(&jwt(r#"{"alg":"RS256"}"#, r#"{"sub":"1"}"#), &o), "OIDC_TOKEN_TYPE_UNKNOWN");
    }

    #[test]
    fn at_jwt_only_where_rfc_9068_is_expected() {
        let o = opts(&format!(r#"{{"now":{NOW},"expect":{{"tokenUse":"access"}}}}"#));
        let plain = jwt(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            &format!(r#"{{"iss":"https://dev-x.us.auth0.com/","aud":"api","scope":"read","exp":{}}}"#, NOW + 60.0),
        );
        assert_has(&run(&plain, &o), "OIDC_TYP_NOT_AT_JWT");
        let typed = jwt(
            r#"{"alg":"RS256","typ":"at+jwt"}"#,
            &format!(r#"{{"iss":"https://dev-x.us.auth0.com/","aud":"api","scope":"read","exp":{}}}"#, NOW + 60.0),
        );
        assert_lacks(&run(&typed, &o), "OIDC_TYP_NOT_AT_JWT");
        // Not for Cognito, Okta or Entra defaults.
        assert_lacks(&run(&cognito_access("x"), &o), "OIDC_TYP_NOT_AT_JWT");
        let okta = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com/oauth2/default","cid":"c","uid":"u","scp":["read"]}"#,
        );
        assert_lacks(&run(&okta, &o), "OIDC_TYP_NOT_AT_JWT");
        let entra = jwt(
            r#"{"alg":"RS256","typ":"JWT"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","scp":"read","ver":"2.0"}"#,
        );
        assert_lacks(&run(&entra, &o), "OIDC_TYP_NOT_AT_JWT");
    }

    #[test]
    fn id_token_requirements() {
        let t = jwt(r#"{"alg":"RS256"}"#, r#"{"nonce":"n","iss":"http://op.example?x=1"}"#);
        let i = run(&t, &with_now(NOW));
        assert_has(&i, "OIDC_REQUIRED_CLAIM_MISSING");
        assert_has(&i, "OIDC_ISS_NOT_HTTPS");
        let long = jwt(r#"{"alg":"RS256"}"#, &format!(r#"{{"nonce":"n","sub":"{}"}}"#, "x".repeat(300)));
        assert_has(&run(&long, &with_now(NOW)), "OIDC_SUB_INVALID");
        let i = run(&id_token(""), &with_now(NOW));
        assert_lacks(&i, "OIDC_REQUIRED_CLAIM_MISSING");
        assert_lacks(&i, "OIDC_ISS_NOT_HTTPS");
        assert_lacks(&i, "OIDC_SUB_INVALID");
    }
}
