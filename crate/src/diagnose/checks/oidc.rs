//! OpenID Connect Core (ID token validation, §3.1.3.7), RFC 8725 (explicit typing, cross-JWT confusion) and
//! RFC 9068 (JWT access tokens).
//!
//! `typ: at+jwt` is only asked of issuers that are meant to follow RFC 9068: Cognito, Okta and Entra access tokens
//! do not carry it by default, and that is not an error.

use crate::codes::OidcCode;
use crate::diagnose::model::ProviderId;
use crate::diagnose::model::TokenUse;
use crate::diagnose::options::{ExpectedUse, Target};
use crate::diagnose::providers::is_at_jwt;
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::{Finding, quoted};

pub(crate) fn id_as_access(s: &Subject<'_>, what: &str) -> Finding {
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

pub(crate) fn access_as_id(s: &Subject<'_>, what: &str) -> Finding {
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
    check_expected_type(ctx, s, out);
    check_at_jwt(ctx, s, out);
    if s.token_use == TokenUse::Id {
        check_id_token(s, out);
    }
    check_client(ctx, s, out);
}

/// The token type the caller expects.
fn check_expected_type(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    match (ctx.expect.token_use, s.token_use) {
        (Some(ExpectedUse::Access), TokenUse::Id) => out.push(id_as_access(s, "the verifier")),
        (Some(ExpectedUse::Id), TokenUse::Access) => out.push(access_as_id(s, "the verifier")),
        (Some(_), TokenUse::Unknown) => out.push(s.at_token(OidcCode::TokenTypeUnknown, "Nothing in the token says whether it is an ID or an access token (no token_use, typ, nonce or scope), so the expected type was not checked.")),
        _ => {}
    }
}

/// RFC 9068 typing, asked only of issuers meant to follow it.
fn check_at_jwt(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    let rfc9068_issuer = !(s.is_cognito() || s.provider.is_okta() || s.provider.is_entra());
    if ctx.expect.token_use == Some(ExpectedUse::Access)
        && s.token_use != TokenUse::Id
        && rfc9068_issuer
        && !is_at_jwt(s.header)
    {
        out.push(
            s.at_header(OidcCode::TypNotAtJwt, "typ", format!(
                "An access token is expected, and this one's typ is {}, not \"at+jwt\". Resource servers that enforce RFC 9068 (and RFC 8725's explicit typing) reject it.",
                s.header_str("typ").map_or_else(|| "absent".to_owned(), |t| format!("\"{t}\""))
            ))
            .fix("If your API enforces RFC 9068, have the issuer use its JWT access-token profile (e.g. Auth0: RFC 9068 token dialect); otherwise tell ID from access tokens by another claim."),
        );
    }
}

/// What OIDC Core requires of an ID token.
fn check_id_token(s: &Subject<'_>, out: &mut Vec<Finding>) {
    let missing: Vec<&str> = ["iss", "sub", "aud", "exp", "iat"].into_iter().filter(|c| s.claim(c).is_none()).collect();
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

/// `azp` and extra audiences, against the client expected (or the relying party's).
fn check_client(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    let client = ctx.expect.client_id.as_deref().or(match ctx.target {
        Some(Target::Oidc(t)) => Some(t.client_id.as_str()),
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

#[cfg(test)]
mod tests {
    use crate::diagnose::testutil::*;

    #[test]
    fn id_token_used_as_access_token() {
        let o = opts(&format!(r#"{{"now":{NOW},"expect":{{"tokenUse":"access"}}}}"#));
        let i = run(&cognito_id(), &o);
        assert!(find(&i, "OIDC_ID_TOKEN_AS_ACCESS_TOKEN").fix.as_deref().unwrap().contains("access_token"));
        assert_has(&run(&oidc_id_token(""), &o), "OIDC_ID_TOKEN_AS_ACCESS_TOKEN");
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
        let i = run(&oidc_id_token(""), &with_now(NOW));
        assert_lacks(&i, "OIDC_REQUIRED_CLAIM_MISSING");
        assert_lacks(&i, "OIDC_ISS_NOT_HTTPS");
        assert_lacks(&i, "OIDC_SUB_INVALID");
    }
}
