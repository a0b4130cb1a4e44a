//! An Application Load Balancer listener rule whose pre-routing action verifies a JWT (`jwt-validation`: service-
//! to-service and machine-to-machine tokens).
//!
//! What it checks (Elastic Load Balancing, "Verify JWTs using an Application Load Balancer" and the API reference
//! `JwtValidationActionConfig`): the signature with the keys of the configured `JwksEndpoint` (RS256 only; a JWKS of
//! at most 10 keys and 150 KB); `iss` equal to the configured `Issuer` and `exp`, both required; `nbf` and `iat`
//! when present; up to 10 `AdditionalClaims`, each a single string, space-separated values or a string array.
//! A valid token is forwarded as is; any other request is rejected with 401.

use serde_json::Value;

use super::bearer::{self, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec, TimePolicy};
use crate::codes::OidcCode;
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, SettingKind, SettingSpec, TargetForm, TargetKind};
use crate::diagnose::options::AlbJwtTarget;
use crate::finding::quoted;

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::AlbJwt,
    label: "AWS ALB: listener rule with JWT verification",
    aliases: &["alb-jwt"],
    summary: "An Application Load Balancer's JWT-verification action: issuer, JWKS endpoint, exp, and additional claims.",
    settings: &[
        SettingSpec {
            name: "issuer",
            label: "Issuer",
            hint: "The action's Issuer: iss must equal it.",
            flag: "--issuer",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "jwksEndpoint",
            label: "JWKS endpoint",
            hint: "The action's JWKS endpoint: a public https URL (at most 10 keys, 150 KB).",
            flag: "--jwks-endpoint",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "claims",
            label: "Additional claims",
            hint: "Each name=value (several values separated by spaces): the claim must hold one of them.",
            kind: SettingKind::List,
            required: false,
            flag: "--claim",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "401 Unauthorized from the load balancer",
    takes: |_| None,
    assumptions: &["the JWKS endpoint is reachable from the load balancer and serves the issuer's current keys"],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::ALG,
        bearer::ISS,
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::NBF,
        RuleSpec {
            id: RuleId::Iat,
            describe: |_| "iat, if present, is not in the future".into(),
            check: |j| {
                let policy = TimePolicy { absent: (Outcome::Pass, "No iat."), skew_known: false };
                Some(rule::time(RuleId::Iat, time::evaluate(j.ctx, j.s).iat, &policy))
            },
        },
        RuleSpec {
            id: RuleId::Conditions,
            describe: |p| format!("The additional claims hold: {}", p.conditions.join("; ")),
            check: conditions,
        },
    ],
};

pub(super) fn profile(t: &AlbJwtTarget) -> Profile {
    Profile {
        service: "The load balancer's JWT verification".into(),
        missing: rule::unset(&[("issuer", rule::blank(&t.issuer)), ("jwksEndpoint", rule::blank(&t.jwks_endpoint))]),
        issuers: bearer::text(Some(&t.issuer)).into_iter().collect(),
        conditions: bearer::list(t.claims.as_ref()),
        algs: vec!["RS256".into()],
        ..Profile::default()
    }
}

/// The values of a claim as the load balancer reads them: a string's space-separated words, or an array's strings.
fn values(v: Option<&Value>) -> Vec<String> {
    match v {
        Some(Value::String(s)) => s.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect(),
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        Some(other) => vec![other.to_string()],
        None => Vec::new(),
    }
}

/// Each `name=value…` condition: the claim holds one of the values.
fn conditions(j: &J<'_>) -> Option<Checked> {
    if j.t.conditions.is_empty() {
        return None;
    }
    for condition in &j.t.conditions {
        let (name, wanted) = condition.split_once('=').unwrap_or((condition.as_str(), ""));
        let wanted: Vec<&str> = wanted.split(' ').filter(|w| !w.is_empty()).collect();
        let have = values(j.s.claim(name.trim()));
        if !wanted.iter().any(|w| have.iter().any(|h| h == w)) {
            let found = if have.is_empty() { "absent".to_owned() } else { quoted(&have) };
            return Some(Checked::fail_with(
                j.s.at_claim(OidcCode::ClaimConditionFailed, name.trim(), format!("The rule requires {} to hold {}, and the token's is {found}.", name.trim(), quoted(&wanted)))
                    .fix("EC2 console > Load Balancers > your ALB > Listeners > the rule's Validate token action > Additional claims: check the claim and its values, or request a token that carries them."),
            ));
        }
    }
    Some(Checked::pass("Every condition holds."))
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    fn target(claims: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"albJwt","issuer":"https://idp.example","jwksEndpoint":"https://idp.example/jwks","claims":{claims}}}}}"#
        ))
    }

    #[test]
    fn issuer_exp_and_additional_claims() {
        let t = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(r#"{{"iss":"https://idp.example","scope":"orders:read orders:write","exp":{}}}"#, NOW + 60.0),
        );
        let fails = |o: &Options| -> Vec<&'static str> {
            let v = run(&t, o).verdict.unwrap();
            v.rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id.as_str()).collect()
        };
        assert!(fails(&target(r#"["scope=orders:write"]"#)).is_empty());
        assert_eq!(fails(&target(r#"["scope=admin"]"#)), ["conditions"]);
        assert_has(&run(&t, &target(r#"["scope=admin"]"#)), "TARGET_CLAIM_CONDITION_FAILED");
        let es =
            jwt(r#"{"alg":"ES256","kid":"k"}"#, &format!(r#"{{"iss":"https://idp.example","exp":{}}}"#, NOW + 60.0));
        assert_has(&run(&es, &target("[]")), "TARGET_ALG_NOT_ALLOWED");
    }
}
