//! Auth0: tenants at `*.auth0.com` (issuers end with `/`), custom domains recognised by the claims' shape, and the
//! array audience Auth0 issues when `openid` is requested with an API audience.
//!
//! Facts (public sources): Auth0 documentation, "Access Tokens" / "Validate Access Tokens" (`aud` as an array with
//! the `/userinfo` audience, `gty`, `permissions` with RBAC) and "Custom Domains".

use serde_json::Value;

use super::spec::{ProviderSpec, Seen};
use crate::codes::ProviderCode;
use crate::diagnose::model::{ProviderDetection, ProviderId};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::{Finding, quoted};

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "Auth0",
    ids: &[ProviderId::Auth0],
    by_issuer: |seen| {
        seen.hostname()
            .ends_with(".auth0.com")
            .then(|| ProviderDetection::new(ProviderId::Auth0, "iss is an auth0.com tenant."))
    },
    by_shape,
    claims: &[
        ("permissions", "The API permissions granted (RBAC)."),
        ("org_id", "The organization the user signed in to."),
    ],
    claims_anywhere: &[("gty", "Grant type, e.g. client-credentials.")],
    check,
    ..ProviderSpec::BASE
};

/// A custom domain: `gty`, or an `aud` array with Auth0's `/userinfo` and an issuer ending in `/`.
fn by_shape(seen: &Seen<'_>) -> Option<ProviderDetection> {
    seen.url.as_ref()?;
    let userinfo = seen.claims.and_then(|c| c.get("aud")).is_some_and(|aud| match aud {
        Value::Array(a) => a.iter().filter_map(Value::as_str).any(|s| s.ends_with("/userinfo")),
        _ => false,
    });
    (seen.has("gty") || (userinfo && seen.iss.ends_with('/'))).then(|| {
        ProviderDetection::new(
            ProviderId::Auth0,
            "The claims have Auth0's shape (gty, or an aud array with /userinfo); a custom domain.",
        )
    })
}

fn check(_: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    if let Some(Value::Array(a)) = s.claim("aud")
        && a.len() > 1
    {
        out.push(
            s.at_claim(ProviderCode::Auth0AudArray, "aud", format!("\"aud\" is an array ({}): Auth0 adds its /userinfo endpoint when openid was requested with an API audience.", quoted(&a.iter().filter_map(Value::as_str).collect::<Vec<_>>())))
                .fix("Your verifier must accept an array aud that contains your API identifier (exactly, trailing slash included)."),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnose::testutil::*;

    #[test]
    fn auth0_array_audience() {
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-x.us.auth0.com/","aud":["https://api.example.com","https://dev-x.us.auth0.com/userinfo"],"scope":"openid"}"#,
        );
        assert_has(&run(&t, &with_now(NOW)), "AUTH0_AUD_ARRAY");
        let t = jwt(
            r#"{"alg":"RS256"}"#,
            r#"{"iss":"https://dev-x.us.auth0.com/","aud":"https://api.example.com","scope":"read"}"#,
        );
        assert_lacks(&run(&t, &with_now(NOW)), "AUTH0_AUD_ARRAY");
    }
}
