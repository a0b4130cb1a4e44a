//! Tokens of one sign-in: when the input holds exactly one ID token and one access token (a token response, an
//! implicit-flow redirect fragment), whether they belong together.
//!
//! The ID token's `at_hash` binds it to its access token (OIDC Core §3.2.2.9, §3.3.2.11), for every provider. For
//! two Cognito tokens the claims both carry must also agree — `iss`, `sub`, `auth_time` and `origin_jti` (the
//! original authentication, kept across refreshes) — and the access token's `client_id` must be the ID token's
//! `aud`. Other providers are held to `at_hash` alone: their access tokens may legitimately carry another `sub`
//! (Entra's is pairwise per resource, Okta's is the login name) or issuer. A client that caches the two tokens
//! separately can send one user's ID token with another sign-in's access token; nothing in a single token shows it.

use serde_json::Value;

use super::claims::at_hash;
use super::{ProviderId, TokenDiagnosis, TokenUse, innermost};
use crate::finding::{Finding, Location, codes};
use crate::token::Token;

codes! {
    /// Codes of the comparison of an ID token with the access token pasted with it.
    pub enum PairCode {
        /// The ID token and the access token pasted with it agree: same issuer, subject and sign-in, and `at_hash`
        /// matches when present.
        SameSignIn = ("PAIR_SAME_SIGN_IN", Info),
        /// The ID token and the access token pasted with it are not from one sign-in: `at_hash` or a claim both
        /// carry differs.
        DifferentSignIn = ("PAIR_DIFFERENT_SIGN_IN", Warning),
    }
}

/// Claims that a Cognito ID token and access token of one sign-in carry with the same value.
const COGNITO_SHARED: &[&str] = &["iss", "sub", "auth_time", "origin_jti"];

/// Compares the ID token with the access token when `tokens` holds exactly one of each.
pub(crate) fn check(tokens: &[Token], diagnoses: &[TokenDiagnosis], out: &mut Vec<Finding>) {
    let only = |wanted: TokenUse| {
        let mut of_use = diagnoses.iter().filter(|d| d.token_use == wanted);
        match (of_use.next(), of_use.next()) {
            (Some(d), None) => Some(d),
            _ => None,
        }
    };
    let (Some(id_diagnosis), Some(access_diagnosis)) = (only(TokenUse::Id), only(TokenUse::Access)) else { return };
    let (id_index, access_index) = (id_diagnosis.token, access_diagnosis.token);
    let cognito = [id_diagnosis, access_diagnosis].iter().all(|d| d.provider.id == ProviderId::Cognito);
    let (Some(id_outer), Some(access_outer)) = (tokens.get(id_index), tokens.get(access_index)) else { return };
    let (id, access) = (innermost(id_outer), innermost(access_outer));
    let (Some(id_claims), Some(access_claims)) = (id.claims(), access.claims()) else { return };

    let mut agree = Vec::new();
    let mut differ = Vec::new();
    if let Some(Value::String(claimed)) = id_claims.get("at_hash")
        && let Some(computed) = id.alg().and_then(|alg| at_hash(alg, &access_outer.compact))
    {
        if *claimed == computed {
            agree.push("at_hash matches the access token".to_owned());
        } else {
            differ.push(format!(
                "the ID token's at_hash is \"{claimed}\", but the access token hashes to \"{computed}\""
            ));
        }
    }
    for name in COGNITO_SHARED.iter().filter(|_| cognito) {
        if let (Some(a), Some(b)) = (id_claims.get(*name), access_claims.get(*name)) {
            if a == b {
                agree.push(format!("same {name}"));
            } else {
                differ.push(format!("{name} differs ({a} in the ID token, {b} in the access token)"));
            }
        }
    }
    if let Some(Value::String(client)) = access_claims.get("client_id").filter(|_| cognito) {
        let in_aud = match id_claims.get("aud") {
            Some(Value::String(aud)) => Some(aud == client),
            Some(Value::Array(auds)) => Some(auds.iter().any(|a| a.as_str() == Some(client))),
            _ => None,
        };
        match in_aud {
            Some(true) => agree.push("the access token's client_id is the ID token's aud".to_owned()),
            Some(false) => differ.push(format!("the access token's client_id \"{client}\" is not the ID token's aud")),
            None => {}
        }
    }
    let at = Location { token: Some(id_index), ..Location::default() };
    let tokens_named = format!("token {} (ID) and token {} (access)", id_index + 1, access_index + 1);
    if !differ.is_empty() {
        out.push(
            Finding::new(
                PairCode::DifferentSignIn,
                format!("The ID and access token pasted together are not from one sign-in ({tokens_named}): {}.", differ.join("; ")),
            )
            .fix("Send the ID and access token of the same token response. A client that stores them separately (or refreshes one but not the other) can mix sign-ins or even users; replace both after every sign-in and refresh.")
            .at(at),
        );
    } else if !agree.is_empty() {
        out.push(
            Finding::new(
                PairCode::SameSignIn,
                format!(
                    "The ID and access token pasted together belong to one sign-in ({tokens_named}): {}.",
                    agree.join("; ")
                ),
            )
            .at(at),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::super::testutil::*;
    use super::*;

    /// A token response with the two tokens as JSON.
    fn response(id: &str, access: &str) -> String {
        format!(r#"{{"id_token":"{id}","access_token":"{access}","token_type":"Bearer"}}"#)
    }

    #[test]
    fn tokens_of_one_sign_in_agree() {
        let i = run(&response(&cognito_id(), &cognito_access("openid")), &with_now(NOW));
        let f = find(&i, "PAIR_SAME_SIGN_IN");
        assert!(f.message.contains("same iss; same sub; same auth_time"), "{}", f.message);
        assert!(f.message.contains("client_id is the ID token's aud"), "{}", f.message);
        assert_eq!(f.location.as_ref().and_then(|l| l.token), Some(0));
        assert_lacks(&i, "PAIR_DIFFERENT_SIGN_IN");
    }

    #[test]
    fn another_users_access_token_is_noticed() {
        let access = jwt(
            r#"{"kid":"abc=","alg":"RS256"}"#,
            &format!(
                r#"{{"sub":"cccc-dddd","token_use":"access","scope":"openid","auth_time":{a},"iss":"{ISS}","exp":{e},"iat":{a},"client_id":"another-client"}}"#,
                a = NOW - 30.0,
                e = NOW + 3540.0
            ),
        );
        let i = run(&response(&cognito_id(), &access), &with_now(NOW));
        let f = find(&i, "PAIR_DIFFERENT_SIGN_IN");
        assert!(f.message.contains(r#"sub differs ("aaaa-bbbb" in the ID token, "cccc-dddd" in the access token)"#));
        assert!(f.message.contains("auth_time differs"), "{}", f.message);
        assert!(f.message.contains(r#"client_id "another-client" is not the ID token's aud"#), "{}", f.message);
        assert_lacks(&i, "PAIR_SAME_SIGN_IN");
    }

    #[test]
    fn at_hash_binds_the_id_token_to_its_access_token() {
        let access = cognito_access("openid");
        let id_for = |token: &str| {
            let hash = at_hash("RS256", token).unwrap_or_default();
            jwt(
                r#"{"kid":"def=","alg":"RS256"}"#,
                &format!(r#"{{"sub":"aaaa-bbbb","aud":"{CLIENT}","token_use":"id","iss":"{ISS}","at_hash":"{hash}"}}"#),
            )
        };
        let same = run(&response(&id_for(&access), &access), &with_now(NOW));
        assert!(find(&same, "PAIR_SAME_SIGN_IN").message.contains("at_hash matches the access token"));
        let other = run(&response(&id_for("another.access.token"), &access), &with_now(NOW));
        assert!(find(&other, "PAIR_DIFFERENT_SIGN_IN").message.contains("the ID token's at_hash is"));
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
        let hash = at_hash("RS256", &access).unwrap_or_default();
        let id = |at: &str| {
            jwt(
                r#"{"kid":"k","alg":"RS256"}"#,
                &format!(r#"{{"sub":"00u1","iss":"{iss}","aud":"client-1","nonce":"n","at_hash":"{at}"}}"#),
            )
        };
        let same = run(&response(&id(&hash), &access), &with_now(NOW));
        let f = find(&same, "PAIR_SAME_SIGN_IN");
        assert!(f.message.contains("at_hash matches") && !f.message.contains("sub"), "{}", f.message);
        let other = run(&response(&id("AAAAAAAAAAAAAAAAAAAAAA"), &access), &with_now(NOW));
        assert!(!find(&other, "PAIR_DIFFERENT_SIGN_IN").message.contains("sub"));
    }

    #[test]
    fn no_pair_no_finding() {
        for input in [
            cognito_id(),
            response(&cognito_id(), &cognito_id()),
            format!("{} {}", cognito_access("a"), cognito_access("b")),
        ] {
            let i = run(&input, &with_now(NOW));
            assert!(i.findings.iter().all(|f| !f.code().starts_with("PAIR_")), "{:#?}", i.findings);
        }
    }
}
