//! Tokens of one sign-in: when the input holds exactly one ID token and one access token (a token response, an
//! implicit-flow redirect fragment), whether they belong together.
//!
//! Three answers, graded by what the evidence can show:
//! - **another user, app client or sign-in** (`PAIR_DIFFERENT_SIGN_IN`, a warning): for two Cognito tokens, `iss`,
//!   `sub` or `origin_jti` (the original authentication, kept across refreshes) differ, or the access token's
//!   `client_id` is not the ID token's `aud`;
//! - **one sign-in, not one token response** (`PAIR_NOT_ISSUED_TOGETHER`, info): the ID token's `at_hash` (OIDC Core
//!   §3.2.2.9, §3.3.2.11) does not match the access token, or — for Cognito tokens without `origin_jti` — `auth_time`
//!   differs, while nothing above does: typically one token was refreshed and the other kept. `auth_time` never
//!   decides more than that, because Cognito has been reported to move it on refresh with refresh-token rotation;
//! - **issued together** (`PAIR_SAME_SIGN_IN`, info): everything compared agrees.
//!
//! Other providers are compared by `at_hash` alone: their access tokens may legitimately carry another `sub` (Entra's
//! is pairwise per resource, Okta's is the login name) or issuer.

use super::claims::at_hash;
use crate::codes::PairCode;
use crate::decode::token::Token;
use crate::diagnose::model::{SignatureEvidence, TokenDiagnosis, TokenUse};
use crate::diagnose::subject::Subject;
use crate::finding::{Finding, Location};

/// What the comparison found, by weight.
#[derive(Default)]
struct Comparison {
    agree: Vec<String>,
    /// Differences that show another user, app client or sign-in.
    different: Vec<String>,
    /// Differences that only show another token response.
    reissued: Vec<String>,
}

/// Compares the ID token with the access token when `tokens` holds exactly one of each. `compare_at_hash` is false
/// when the caller's expectations already compared `at_hash` with an access token.
pub(crate) fn check(tokens: &[Token], diagnoses: &[TokenDiagnosis], compare_at_hash: bool, out: &mut Vec<Finding>) {
    let subject = |wanted: TokenUse| {
        let mut of_use = diagnoses.iter().filter(|d| d.token_use == wanted);
        match (of_use.next(), of_use.next()) {
            (Some(d), None) => tokens.get(d.token).map(|outer| {
                Subject::new(d.token, outer, d.provider.clone(), d.token_use, SignatureEvidence::default())
            }),
            _ => None,
        }
    };
    let (Some(id), Some(access)) = (subject(TokenUse::Id), subject(TokenUse::Access)) else { return };
    if id.claims.is_none() || access.claims.is_none() {
        return;
    }
    let mut c = Comparison::default();
    if compare_at_hash
        && let Some(claimed) = id.str_claim("at_hash")
        && let Some(computed) = id.alg().and_then(|alg| at_hash(alg, &access.outer.compact))
    {
        if claimed == computed {
            c.agree.push("at_hash matches the access token".to_owned());
        } else {
            c.reissued
                .push(format!("the ID token's at_hash is \"{claimed}\", the access token hashes to \"{computed}\""));
        }
    }
    if id.is_cognito() && access.is_cognito() {
        compare_cognito(&id, &access, &mut c);
    }
    let named = format!("token {} (ID) and token {} (access)", id.index + 1, access.index + 1);
    let finding = if !c.different.is_empty() {
        Finding::new(PairCode::DifferentSignIn, format!("The ID and access token pasted together ({named}) belong to another user, app client or sign-in: {}.", c.different.join("; ")))
            .fix("Send the ID and access token of the same sign-in. A client that stores them in separate places (per user, per app client, per environment) can pair one user's ID token with another's access token; store and replace them together.")
    } else if !c.reissued.is_empty() {
        let agreed = if c.agree.is_empty() {
            " jwtlens compares no other claims for this provider, so whether they are of one user is not shown."
                .to_owned()
        } else {
            format!(" They agree otherwise: {}.", c.agree.join("; "))
        };
        Finding::new(PairCode::NotIssuedTogether, format!("The ID and access token pasted together ({named}) come from different token responses: {}.{agreed}", c.reissued.join("; ")))
            .fix("Usually one token was refreshed and the other kept. Harmless where only the access token is sent; where the ID token is sent (an API Gateway method without scopes), keep the ID token of the latest response too, or it expires first.")
    } else if !c.agree.is_empty() {
        Finding::new(
            PairCode::SameSignIn,
            format!("The ID and access token pasted together ({named}) were issued together: {}.", c.agree.join("; ")),
        )
    } else {
        return;
    };
    out.push(finding.at(Location { token: Some(id.index), ..Location::default() }));
}

/// The claims two Cognito tokens of one sign-in share.
fn compare_cognito(id: &Subject<'_>, access: &Subject<'_>, c: &mut Comparison) {
    let mut compare = |name: &str, differ_means_different: bool| {
        if let (Some(a), Some(b)) = (id.claim(name), access.claim(name)) {
            if a == b {
                c.agree.push(format!("same {name}"));
            } else {
                let text = format!("{name} differs ({a} in the ID token, {b} in the access token)");
                if differ_means_different { c.different.push(text) } else { c.reissued.push(text) }
            }
        }
    };
    compare("iss", true);
    compare("sub", true);
    compare("origin_jti", true);
    // auth_time only where origin_jti cannot tell the sign-in, and then it only shows another token response.
    if id.claim("origin_jti").is_none() || access.claim("origin_jti").is_none() {
        compare("auth_time", false);
    }
    if let (Some(client), Some(audiences)) = (access.str_claim("client_id"), id.audiences()) {
        if audiences.contains(&client) {
            c.agree.push("the access token's client_id is the ID token's aud".to_owned());
        } else {
            c.different.push(format!("the access token's client_id \"{client}\" is not the ID token's aud"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnose::testutil::*;

    /// A token response with the two tokens as JSON.
    fn response(id: &str, access: &str) -> String {
        format!(r#"{{"id_token":"{id}","access_token":"{access}","token_type":"Bearer"}}"#)
    }

    fn pair_codes(i: &Inspection) -> Vec<&'static str> {
        codes(i).into_iter().filter(|c| c.starts_with("PAIR_")).collect()
    }

    /// A Cognito token of the test pool: `extra` claims (JSON members, with a leading comma) added.
    fn cognito(token_use: &str, extra: &str) -> String {
        let client =
            if token_use == "id" { format!(r#""aud":"{CLIENT}""#) } else { format!(r#""client_id":"{CLIENT}""#) };
        jwt(
            r#"{"kid":"k","alg":"RS256"}"#,
            &format!(r#"{{"sub":"aaaa-bbbb","iss":"{ISS}","token_use":"{token_use}",{client}{extra}}}"#),
        )
    }

    #[test]
    fn tokens_of_one_sign_in_agree() {
        let i = run(&response(&cognito_id(), &cognito_access("openid")), &with_now(NOW));
        assert_eq!(pair_codes(&i), ["PAIR_SAME_SIGN_IN"]);
        let f = find(&i, "PAIR_SAME_SIGN_IN");
        assert!(f.message.contains("same iss; same sub; same auth_time"), "{}", f.message);
        assert!(f.message.contains("client_id is the ID token's aud"), "{}", f.message);
        assert_eq!(f.location.as_ref().and_then(|l| l.token), Some(0));
    }

    #[test]
    fn another_user_or_client_is_a_warning() {
        let access = jwt(
            r#"{"kid":"k","alg":"RS256"}"#,
            &format!(r#"{{"sub":"cccc-dddd","iss":"{ISS}","token_use":"access","client_id":"another-client"}}"#),
        );
        let i = run(&response(&cognito("id", ""), &access), &with_now(NOW));
        assert_eq!(pair_codes(&i), ["PAIR_DIFFERENT_SIGN_IN"]);
        let f = find(&i, "PAIR_DIFFERENT_SIGN_IN");
        assert!(f.message.contains(r#"sub differs ("aaaa-bbbb" in the ID token, "cccc-dddd" in the access token)"#));
        assert!(f.message.contains(r#"client_id "another-client" is not the ID token's aud"#), "{}", f.message);
        // Another sign-in of the same user: origin_jti differs.
        let i = run(
            &response(&cognito("id", r#","origin_jti":"o-1""#), &cognito("access", r#","origin_jti":"o-2""#)),
            &with_now(NOW),
        );
        assert!(find(&i, "PAIR_DIFFERENT_SIGN_IN").message.contains("origin_jti differs"));
    }

    /// An ID token whose at_hash is that of `access_token`.
    fn id_hashing(access_token: &str, extra: &str) -> String {
        let hash = at_hash("RS256", access_token).unwrap_or_default();
        cognito("id", &format!(r#","at_hash":"{hash}"{extra}"#))
    }

    #[test]
    fn at_hash_binds_the_id_token_to_its_access_token() {
        let access = cognito("access", "");
        let same = run(&response(&id_hashing(&access, ""), &access), &with_now(NOW));
        assert!(find(&same, "PAIR_SAME_SIGN_IN").message.contains("at_hash matches the access token"));
        let other = run(&response(&id_hashing("another.access.token", ""), &access), &with_now(NOW));
        assert_eq!(pair_codes(&other), ["PAIR_NOT_ISSUED_TOGETHER"]);
        let f = find(&other, "PAIR_NOT_ISSUED_TOGETHER");
        assert!(f.message.contains("the ID token's at_hash is"), "{}", f.message);
        assert!(f.message.contains("They agree otherwise: same iss; same sub"), "{}", f.message);
    }

    /// A hosted-UI ID token kept next to the access token of a later refresh: one sign-in (origin_jti), another token
    /// response (at_hash). auth_time, which Cognito may move on refresh, does not decide.
    #[test]
    fn a_refreshed_access_token_is_not_another_sign_in() {
        let refreshed = cognito("access", r#","origin_jti":"o-1","auth_time":200"#);
        let kept = id_hashing("the.earlier.access-token", r#","origin_jti":"o-1","auth_time":100"#);
        let i = run(&response(&kept, &refreshed), &with_now(NOW));
        assert_eq!(pair_codes(&i), ["PAIR_NOT_ISSUED_TOGETHER"]);
        let f = find(&i, "PAIR_NOT_ISSUED_TOGETHER");
        assert!(f.message.contains("same origin_jti") && !f.message.contains("auth_time"), "{}", f.message);
        // Without origin_jti, a different auth_time alone says no more than "another token response".
        let i = run(
            &response(&cognito("id", r#","auth_time":100"#), &cognito("access", r#","auth_time":200"#)),
            &with_now(NOW),
        );
        assert_eq!(pair_codes(&i), ["PAIR_NOT_ISSUED_TOGETHER"]);
        assert!(find(&i, "PAIR_NOT_ISSUED_TOGETHER").message.contains("auth_time differs"));
    }

    #[test]
    fn other_providers_are_held_to_at_hash_alone() {
        // An Okta-like pair: the access token's sub is the login name, the ID token's the user id. Not a mismatch.
        let iss = "https://example.okta.com/oauth2/default";
        let access = jwt(
            r#"{"kid":"k","alg":"RS256","typ":"application/okta-internal-at+jwt"}"#,
            &format!(
                r#"{{"sub":"jane@example.com","iss":"{iss}","aud":"api://default","scp":["openid"],"cid":"client-1","uid":"00u1"}}"#
            ),
        );
        let id = |at: &str| {
            jwt(
                r#"{"kid":"k","alg":"RS256"}"#,
                &format!(r#"{{"sub":"00u1","iss":"{iss}","aud":"client-1","nonce":"n","at_hash":"{at}"}}"#),
            )
        };
        let hash = at_hash("RS256", &access).unwrap_or_default();
        let same = run(&response(&id(&hash), &access), &with_now(NOW));
        let f = find(&same, "PAIR_SAME_SIGN_IN");
        assert!(f.message.contains("at_hash matches") && !f.message.contains("sub"), "{}", f.message);
        let other = run(&response(&id("AAAAAAAAAAAAAAAAAAAAAA"), &access), &with_now(NOW));
        assert_eq!(pair_codes(&other), ["PAIR_NOT_ISSUED_TOGETHER"]);
        assert!(find(&other, "PAIR_NOT_ISSUED_TOGETHER").message.contains("compares no other claims"));
        // With expect.accessToken, the expectation compares at_hash; the pair does not say it again.
        let given = opts(&format!(r#"{{"now":{NOW},"expect":{{"accessToken":"{access}"}}}}"#));
        let once = run(&response(&id("AAAAAAAAAAAAAAAAAAAAAA"), &access), &given);
        assert_has(&once, "CLAIM_AT_HASH_MISMATCH");
        assert!(pair_codes(&once).is_empty(), "{:?}", codes(&once));
    }

    #[test]
    fn no_pair_no_finding() {
        for input in [
            cognito_id(),
            response(&cognito_id(), &cognito_id()),
            format!("{} {}", cognito_access("a"), cognito_access("b")),
        ] {
            let i = run(&input, &with_now(NOW));
            assert!(pair_codes(&i).is_empty(), "{:#?}", i.findings);
        }
    }
}
