//! Okta: the org authorization server (tokens for Okta's own APIs) and custom authorization servers
//! (`/oauth2/{id}`), whose access tokens carry `cid`, `uid` and `scp` as an array.
//!
//! Facts (public sources): Okta developer documentation, "Authorization servers" (org vs custom: "you can't
//! validate access tokens from the org authorization server") and "Tokens" (`cid`, `uid`, `scp`).

use serde_json::{Map, Value};

use super::spec::{ProviderSpec, Seen};
use crate::codes::ProviderCode;
use crate::diagnose::model::TokenUse;
use crate::diagnose::model::{ProviderDetection, ProviderId};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::Finding;

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "Okta",
    ids: &[ProviderId::OktaOrg, ProviderId::OktaCustom],
    by_issuer,
    claims: &[
        ("ver", "Token version."),
        ("scp", "The granted scopes, as a JSON array."),
        ("cid", "The client the access token was issued to."),
        ("uid", "The user's Okta id."),
    ],
    token_use,
    check,
    ..ProviderSpec::BASE
};

const HOSTS: &[&str] = &[".okta.com", ".oktapreview.com", ".okta-emea.com", ".okta-gov.com"];

fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let host = seen.hostname();
    let segs = seen.segments();
    let custom_domain = segs.first() == Some(&"oauth2") && seen.has("cid") && seen.has("uid");
    if !HOSTS.iter().any(|h| host.ends_with(h)) && !custom_domain {
        return None;
    }
    Some(match segs.as_slice() {
        ["oauth2", server, ..] => {
            let mut p = ProviderDetection::new(
                ProviderId::OktaCustom,
                format!("iss is an Okta custom authorization server (/oauth2/{server})."),
            );
            p.authorization_server = Some((*server).to_owned());
            p
        }
        _ => ProviderDetection::new(
            ProviderId::OktaOrg,
            "iss is an Okta org with no /oauth2/ path: the org authorization server.",
        ),
    })
}

fn token_use(_: &ProviderDetection, claims: &Map<String, Value>) -> Option<(TokenUse, String)> {
    claims
        .contains_key("cid")
        .then(|| (TokenUse::Access, "It has Okta's cid (client id of an access token).".to_owned()))
}

fn check(_: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    if s.provider.id == ProviderId::OktaOrg && s.token_use != TokenUse::Id {
        out.push(
            s.at_claim(ProviderCode::OktaOrgServer, "iss", "This access token comes from Okta's org authorization server (no /oauth2/{id} in iss). Okta says to treat such tokens as opaque: they are for Okta's own APIs, and your app should not validate them.")
                .fix("Create or use a custom authorization server (e.g. /oauth2/default) and request tokens from it for your API."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnose::testutil::*;

    #[test]
    fn okta_org_server_tokens() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com","aud":"https://dev-1.okta.com","cid":"0oa","uid":"00u","scp":["openid"]}"#,
        );
        assert_has(&run(&t, &with_now(NOW)), "OKTA_ORG_SERVER_TOKEN");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-1.okta.com/oauth2/default","aud":"api://default","cid":"0oa","uid":"00u","scp":["openid"]}"#,
        );
        assert_lacks(&run(&t, &with_now(NOW)), "OKTA_ORG_SERVER_TOKEN");
    }
}
