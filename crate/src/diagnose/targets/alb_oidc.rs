//! A backend behind an Application Load Balancer whose listener authenticates users (`authenticate-oidc` or
//! `authenticate-cognito`): the load balancer forwards the user's claims in `x-amzn-oidc-data`, a JWT it signs itself.
//!
//! What a backend checks (Elastic Load Balancing, "Authenticate users using an Application Load Balancer", section
//! "User claims encoding and signature verification"; awslabs/aws-jwt-verify `src/alb-verifier.ts`): ES256 only; the
//! header's `kid` names the public key at `https://public-keys.auth.elb.<region>.amazonaws.com/<kid>` (a PEM, no
//! JWKS); the header's `signer` is the load balancer's ARN (anyone can sign a token naming another key, so this
//! is the check that matters); `client` is the listener's OAuth client id; `iss` the identity provider; `exp`. The
//! token's segments carry base64 `=` padding, which strict JWT libraries refuse: decode it with padding allowed.

use super::bearer::{self, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::model::{RuleId, SettingSpec, SignatureStatus, TargetForm, TargetKind};
use crate::diagnose::options::AlbOidcTarget;
use crate::diagnose::subject::Subject;
use crate::finding::Finding;

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::AlbOidc,
    label: "AWS ALB: backend reading x-amzn-oidc-data",
    aliases: &["alb"],
    summary: "A backend behind an Application Load Balancer with OIDC or Cognito authentication, verifying the user-claims token the load balancer signs.",
    settings: &[
        SettingSpec {
            name: "albArn",
            label: "Load balancer ARN",
            hint: "EC2 console > Load Balancers > your ALB > ARN: the token's signer must be it.",
            flag: "--alb-arn",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clientId",
            label: "OAuth client id of the listener",
            hint: "The authenticate action's client id: the header's client must be it.",
            required: false,
            flag: "--client-id",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "issuer",
            label: "Identity provider's issuer",
            hint: "The authenticate action's issuer: the header's iss must be it.",
            required: false,
            advanced: true,
            flag: "--issuer",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "the backend's own 401",
    takes: |_| None,
    assumptions: &[
        "requests reach the backend only through the load balancer (otherwise anyone can send x-amzn-oidc-data)",
    ],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::ALG,
        bearer::KID,
        RuleSpec {
            id: RuleId::Signer,
            describe: |p| format!("The header's signer is \"{}\"", p.domain.as_deref().unwrap_or("")),
            check: signer,
        },
        RuleSpec {
            id: RuleId::Client,
            describe: |p| format!("The header's client is \"{}\"", p.clients.first().map_or("", String::as_str)),
            check: client,
        },
        RuleSpec {
            id: RuleId::Iss,
            describe: |p| format!("The header's iss is \"{}\"", p.issuers.first().map_or("", String::as_str)),
            check: iss,
        },
        RuleSpec {
            id: RuleId::Signature,
            describe: |_| "Signed with the key of the region's public-key endpoint for kid".into(),
            check: signature,
        },
        bearer::EXP,
    ],
};

pub(super) fn profile(t: &AlbOidcTarget) -> Profile {
    let arn = t.alb_arn.trim();
    Profile {
        service: "The backend behind the load balancer".into(),
        missing: rule::unset(&[("albArn", arn.is_empty())]),
        domain: bearer::text(Some(&t.alb_arn)),
        clients: bearer::text(t.client_id.as_ref()).into_iter().collect(),
        issuers: bearer::text(t.issuer.as_ref()).into_iter().collect(),
        algs: vec!["ES256".into()],
        ..Profile::default()
    }
}

fn signer(j: &J<'_>) -> Option<Checked> {
    let Some(arn) = &j.t.domain else { return Some(rule::needs("load balancer ARN")) };
    Some(match j.s.header_str("signer") {
        Some(signer) if signer == arn => Checked::pass("The load balancer."),
        found => Checked::fail_with(signer_mismatch(j.s, found, arn)),
    })
}

fn client(j: &J<'_>) -> Option<Checked> {
    let wanted = j.t.clients.first()?;
    Some(match j.s.header_str("client") {
        Some(client) if client == wanted => Checked::pass("The listener's client."),
        found => Checked::fail_with(
            j.s.at_header(ProviderCode::AlbClientMismatch, "client", format!("The header's client is {}, and the listener's OAuth client id is \"{wanted}\".", found.map_or_else(|| "absent".to_owned(), |c| format!("\"{c}\""))))
                .fix("EC2 console > Load Balancers > your ALB > Listeners > the rule's authenticate action: check the client id, or configure the backend with the one the token carries."),
        ),
    })
}

fn iss(j: &J<'_>) -> Option<Checked> {
    let wanted = j.t.issuers.first()?;
    let found = j.s.header_str("iss").or_else(|| j.s.str_claim("iss"));
    Some(if found == Some(wanted.as_str()) {
        Checked::pass("The identity provider.")
    } else {
        Checked::fail(format!("iss is {}.", found.map_or_else(|| "absent".to_owned(), |i| format!("\"{i}\""))))
            .code(crate::codes::ClaimCode::IssMismatch)
    })
}

/// The signature; the load balancer's padding is its own, so a match on the padded text is a pass here.
fn signature(j: &J<'_>) -> Option<Checked> {
    let padded = j.s.outer.compact.contains('=');
    let checked = match j.s.signature.status {
        SignatureStatus::Altered if padded => {
            Checked::pass("Verified; the token carries the load balancer's base64 padding.")
        }
        _ => rule::signature(j.s),
    };
    Some(if padded { checked.note(padding(j.s)) } else { checked })
}

// Wording.

fn signer_mismatch(s: &Subject<'_>, found: Option<&str>, arn: &str) -> Finding {
    s.at_header(ProviderCode::AlbSignerMismatch, "signer", format!("The header's signer is {}, and the backend trusts only the load balancer \"{arn}\": anyone can sign a token naming their own key, so a backend that skips this check accepts forged claims.", found.map_or_else(|| "absent".to_owned(), |f| format!("\"{f}\""))))
        .fix("Accept x-amzn-oidc-data only from your load balancer: compare signer with its ARN (EC2 console > Load Balancers > your ALB > ARN), and make the backend reachable only through it.")
}

fn padding(s: &Subject<'_>) -> Finding {
    s.at_token(ProviderCode::AlbPadding, "The load balancer's token carries base64 = padding, which RFC 7515 forbids and strict JWT libraries refuse.")
        .fix("Decode it with a base64 decoder that accepts padding (aws-jwt-verify's AlbJwtVerifier does), or strip the = before handing it to a JWT library.")
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    const ARN: &str = "arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/web/50dc6c495c0c9188";

    fn target() -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"albOidc","albArn":"{ARN}","clientId":"c1","issuer":"https://idp.example"}}}}"#
        ))
    }

    fn token(signer: &str) -> String {
        jwt(
            &format!(
                r#"{{"alg":"ES256","kid":"5a4e1c2d","signer":"{signer}","iss":"https://idp.example","client":"c1","exp":{}}}"#,
                NOW + 60.0
            ),
            &format!(r#"{{"sub":"u","email":"a@example.com","exp":{},"iss":"https://idp.example"}}"#, NOW + 60.0),
        )
    }

    #[test]
    fn signer_client_and_padding() {
        let i = run(&token(ARN), &target());
        let v = i.verdict.clone().unwrap();
        assert!(v.rules.iter().all(|r| r.outcome != Outcome::Fail), "{v:#?}");
        let other = token("arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/other/1");
        let i = run(&other, &target());
        assert_has(&i, "ALB_SIGNER_MISMATCH");
        let padded = format!("{}==", token(ARN));
        assert_has(&run(&padded, &target()), "ALB_PADDING");
        let o = opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"albOidc","albArn":"{ARN}","clientId":"c2"}}}}"#));
        assert_has(&run(&token(ARN), &o), "ALB_CLIENT_MISMATCH");
    }
}
