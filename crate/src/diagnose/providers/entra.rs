//! Microsoft Entra ID (Azure AD): v1.0 tokens from `https://sts.windows.net/{tenant}/`, v2.0 tokens from
//! `https://login.microsoftonline.com/{tenant}/v2.0`; tokens for Microsoft Graph; app roles instead of scopes.
//!
//! Facts (public sources): Microsoft identity platform documentation, "Access tokens" and "ID token claims
//! reference" (issuers per version, `scp`, `roles`, `tid`, `oid`, `ver`, groups overage), and "Validate tokens"
//! ("tokens for Microsoft Graph … your app cannot validate").

use serde_json::{Map, Value};

use super::spec::{ProviderSpec, Seen};
use crate::codes::ProviderCode;
use crate::diagnose::model::TokenUse;
use crate::diagnose::model::{ProviderDetection, ProviderId};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::{Finding, quoted};

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "Microsoft Entra ID",
    ids: &[ProviderId::EntraV1, ProviderId::EntraV2],
    by_issuer,
    alg: Some("RS256"),
    header: &[("nonce", "A nonce in the header, seen in tokens for Microsoft Graph, which your app cannot validate.")],
    claims: &[
        ("tid", "The tenant the user signed in to."),
        ("oid", "The user's object id: stable across applications in the tenant."),
        ("ver", "Token version: 1.0 or 2.0 (chosen by the API's accessTokenAcceptedVersion)."),
        ("appid", "The client application (v1.0 tokens; azp in v2.0)."),
        ("appidacr", "How the client authenticated (v1.0): 0 public, 1 secret, 2 certificate."),
        ("azpacr", "How the client authenticated (v2.0): 0 public, 1 secret, 2 certificate."),
        ("scp", "Delegated permissions granted to the client, space-separated (user tokens only)."),
        ("roles", "App roles: application permissions (client credentials) or roles assigned to the user."),
        ("groups", "Group object ids; replaced by _claim_names when there are too many (overage)."),
        ("wids", "Directory roles of the user (role template ids)."),
        ("uti", "Token identifier, used internally by Microsoft (like jti)."),
        ("rh", "Opaque, used internally by Microsoft."),
        ("aio", "Opaque, used internally by Microsoft."),
        ("idp", "The identity provider that authenticated the user."),
        ("upn", "The user principal name (v1.0)."),
        ("unique_name", "A display name for the user (v1.0)."),
        ("ipaddr", "The IP address the user authenticated from."),
        ("_claim_names", "Groups overage: the groups did not fit in the token; fetch them from Graph."),
        ("_claim_sources", "Where to fetch the overflowing claims from."),
    ],
    token_use,
    check,
    ..ProviderSpec::BASE
};

fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let host = seen.hostname();
    let segs = seen.segments();
    let mut p = match host.as_str() {
        "sts.windows.net" => {
            ProviderDetection::new(ProviderId::EntraV1, "iss is https://sts.windows.net/{tenant}/ (v1.0 token).")
        }
        "login.microsoftonline.com" if segs.get(1) == Some(&"v2.0") => ProviderDetection::new(
            ProviderId::EntraV2,
            "iss is https://login.microsoftonline.com/{tenant}/v2.0 (v2.0 token).",
        ),
        "login.microsoftonline.com" => {
            ProviderDetection::new(ProviderId::EntraV1, "iss is login.microsoftonline.com without /v2.0.")
        }
        _ => return None,
    };
    p.tenant_id = segs.first().map(|s| (*s).to_owned());
    Some(p)
}

fn token_use(_: &ProviderDetection, claims: &Map<String, Value>) -> Option<(TokenUse, String)> {
    let has = |k: &str| claims.contains_key(k);
    if has("roles") {
        return Some((TokenUse::Access, "It has roles (granted permissions), which access tokens carry.".to_owned()));
    }
    let profile = has("ver") && has("aud") && has("tid") && (has("preferred_username") || has("email"));
    profile.then(|| (TokenUse::Id, "An Entra token with user profile claims and no scp or roles.".to_owned()))
}

const GRAPH_AUDIENCES: &[&str] =
    &["00000003-0000-0000-c000-000000000000", "https://graph.microsoft.com", "https://graph.microsoft.com/"];

fn check(ctx: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    if let Some(aud) = s.audiences()
        && aud.iter().any(|a| GRAPH_AUDIENCES.contains(a))
    {
        let header_nonce = if s.header.is_some_and(|h| h.contains_key("nonce")) {
            " Its header carries a nonce, which is often named as the reason standard verification fails (not confirmed by Microsoft's documentation)."
        } else {
            ""
        };
        out.push(
            s.at_claim(ProviderCode::EntraGraphToken, "aud", format!("This token is for Microsoft Graph (aud {}). Microsoft says tokens for its own APIs use a format that cannot be validated by your app: signature checks fail by design.{header_nonce}", quoted(&aud)))
                .fix("Don't validate Graph tokens; just call Graph with them. For your own API, expose a scope on your app registration and request a token for it (scope api://<your-app-id>/<scope>)."),
        );
    }
    if ctx.expect.scopes.as_ref().is_some_and(|v| !v.is_empty())
        && s.claim("scp").is_none()
        && s.claim("roles").is_some()
    {
        out.push(
            s.at_claim(ProviderCode::EntraRolesNotScp, "roles", "Scopes were expected in scp, but this Entra token has app roles (roles) and no scp: it was issued to an application (client credentials), not on behalf of a user.")
                .fix("Check roles for app-only tokens, or use a delegated flow (authorization code) to get scp. App permissions are granted as app roles on the API's registration."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnose::testutil::*;

    #[test]
    fn graph_tokens() {
        let t = jwt(
            r#"{"alg":"RS256","nonce":"abc"}"#,
            r#"{"iss":"https://sts.windows.net/t/","aud":"00000003-0000-0000-c000-000000000000","scp":"User.Read"}"#,
        );
        assert_has(&run(&t, &with_now(NOW)), "ENTRA_GRAPH_TOKEN");
        let t = jwt(r#"{"alg":"RS256"}"#, r#"{"iss":"https://sts.windows.net/t/","aud":"api://my-api","scp":"read"}"#);
        assert_lacks(&run(&t, &with_now(NOW)), "ENTRA_GRAPH_TOKEN");
    }

    #[test]
    fn entra_roles_instead_of_scp() {
        let o = opts(r#"{"expect":{"scopes":["Files.Read"]}}"#);
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","aud":"c","roles":["Files.Read.All"],"ver":"2.0"}"#,
        );
        assert_has(&run(&t, &o), "ENTRA_ROLES_NOT_SCP");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://login.microsoftonline.com/t/v2.0","aud":"c","scp":"Files.Read","ver":"2.0"}"#,
        );
        assert_lacks(&run(&t, &o), "ENTRA_ROLES_NOT_SCP");
    }
}
