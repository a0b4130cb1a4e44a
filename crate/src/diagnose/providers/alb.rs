//! AWS Application Load Balancer authentication: the user-claims token the load balancer forwards in
//! `x-amzn-oidc-data`, signed by the load balancer (ES256) and named by the `signer` header parameter.
//!
//! Facts (public sources): Elastic Load Balancing documentation, "Authenticate users using an Application Load
//! Balancer" (header parameters `signer`, `client`, `iss`, `exp`; the public key at
//! `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>`; base64 padding in the token).

use serde_json::Value;

use super::spec::{ProviderSpec, Seen};
use crate::codes::ProviderCode;
use crate::diagnose::model::{ProviderDetection, ProviderId};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::Finding;

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "AWS Application Load Balancer",
    ids: &[ProviderId::Alb],
    by_issuer,
    alg: Some("ES256"),
    header: &[
        ("signer", "The ARN of the load balancer that signed the token; check it is yours."),
        ("client", "The OAuth client id the load balancer authenticated with."),
        ("iss", "The identity provider the load balancer authenticated the user with."),
        ("exp", "When the load balancer's token expires (seconds since the epoch)."),
    ],
    check,
    ..ProviderSpec::BASE
};

/// Recognised by the header's `signer`, not by an issuer.
fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let signer = seen.outer.header_object()?.get("signer").and_then(Value::as_str)?;
    if !signer.starts_with("arn:aws:elasticloadbalancing:") {
        return None;
    }
    let mut p =
        ProviderDetection::new(ProviderId::Alb, format!("The header's \"signer\" is a load balancer ARN ({signer})."));
    p.region = signer.split(':').nth(3).map(str::to_owned);
    Some(p)
}

fn check(_: &Ctx<'_>, s: &Subject<'_>, out: &mut Vec<Finding>) {
    out.push(
        s.at_header(ProviderCode::AlbToken, "signer", "This is the user-claims token an Application Load Balancer forwards in x-amzn-oidc-data: signed by the load balancer (ES256), not by the identity provider, often with base64 padding.")
            .fix("Verify it with the public key https://public-keys.auth.elb.<region>.amazonaws.com/<kid> (no JWKS) and check \"signer\" is your load balancer's ARN; the IdP's access token is in x-amzn-oidc-accesstoken."),
    );
}

#[cfg(test)]
mod tests {
    use crate::diagnose::testutil::*;

    #[test]
    fn alb_tokens() {
        let t = jwt(
            r#"{"alg":"ES256","kid":"k","signer":"arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app/x/y","iss":"https://idp","client":"c","exp":1}"#,
            r#"{"sub":"1","exp":1}"#,
        );
        let i = run(&t, &with_now(NOW));
        assert_has(&i, "ALB_TOKEN");
        assert_lacks(&i, "PROVIDER_UNEXPECTED_ALG");
        assert_lacks(&run(&cognito_id(), &with_now(NOW)), "ALB_TOKEN");
    }
}
