//! An OpenID Connect relying party validating an ID token, in the order of OIDC Core 1.0 §3.1.3.7 (ID Token
//! Validation): issuer, audience, `azp`, signature, `exp`, `iat`, `nonce`, and `at_hash` (§3.2.2.9).

use serde_json::Value;

use super::rule::{self, Checked, Judge, RuleSpec, TargetSpec, TimePolicy};
use crate::codes::{ClaimCode, OidcCode};
use crate::decode::token::TokenKind;
use crate::diagnose::checks::claims::{at_hash, audience_finding, issuer_finding};
use crate::diagnose::checks::oidc::access_as_id;
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::OidcTarget;
use crate::diagnose::subject::Subject;
use crate::finding::Finding;

type J<'a> = Judge<'a, OidcTarget>;

const SIGNED: &str = "Signed with the provider's key (alg not none)";

/// How the page and the command line offer this target.
pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::Oidc,
    label: "OpenID Connect relying party",
    aliases: &[],
    summary: "An OpenID Connect client validating an ID token (OIDC Core §3.1.3.7).",
    settings: &[
        SettingSpec {
            name: "issuer",
            label: "Issuer",
            hint: "From the provider's discovery document.",
            flag: "--issuer",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clientId",
            label: "Client id",
            hint: "Your application's client id: aud must contain it.",
            flag: "--client-id",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<OidcTarget> = TargetSpec {
    kind: FORM.kind,
    service: |_| "The OpenID Connect relying party".into(),
    rejection: "the ID token is invalid",
    takes: |_| Some(TokenUse::Id),
    assumptions: &[],
    missing: |t| rule::unset(&[("issuer", rule::blank(&t.issuer)), ("clientId", rule::blank(&t.client_id))]),
    rules: &[
        RuleSpec {
            id: RuleId::Format,
            describe: |_| "The token is a signed JWT".into(),
            check: |j| Some(rule::format(j.s)),
        },
        RuleSpec { id: RuleId::TokenType, describe: |_| "The token is an ID token".into(), check: token_type },
        RuleSpec { id: RuleId::Iss, describe: |t| format!("iss is exactly \"{}\"", t.issuer), check: iss },
        RuleSpec {
            id: RuleId::Aud,
            describe: |t| format!("aud contains the client id \"{}\"", t.client_id),
            check: aud,
        },
        RuleSpec { id: RuleId::Azp, describe: |_| "azp, if present, is the client id".into(), check: azp },
        RuleSpec { id: RuleId::Signature, describe: |_| SIGNED.into(), check: signature },
        RuleSpec {
            id: RuleId::Exp,
            describe: |_| "The current time is before exp (with the client's leeway)".into(),
            check: |j| {
                let policy = TimePolicy { absent: (Outcome::Fail, "No exp: OIDC Core requires it."), skew_known: true };
                Some(rule::time(RuleId::Exp, time::evaluate(j.ctx, j.s).exp, &policy))
            },
        },
        RuleSpec { id: RuleId::Iat, describe: |_| "iat is present".into(), check: iat },
        RuleSpec { id: RuleId::Nonce, describe: |_| "nonce equals the one sent".into(), check: nonce },
        RuleSpec { id: RuleId::AtHash, describe: |_| "at_hash matches the access token".into(), check: at_hash_rule },
    ],
};

fn token_type(j: &J<'_>) -> Option<Checked> {
    Some(match j.s.token_use {
        TokenUse::Id => Checked::pass("Told from the token."),
        TokenUse::Access => Checked::fail_with(access_as_id(j.s, "the relying party")),
        _ => Checked::unknown("Cannot be told from the token."),
    })
}

fn iss(j: &J<'_>) -> Option<Checked> {
    if rule::blank(&j.t.issuer) {
        return Some(rule::needs("relying party's issuer"));
    }
    Some(match j.s.str_claim("iss") {
        None => Checked::fail_with(iss_missing(j.s)),
        Some(iss) => match issuer_finding(j.s, iss, &j.t.issuer, "the relying party's issuer") {
            None => Checked::pass("Equal."),
            Some(f) => Checked::fail_with(f),
        },
    })
}

fn aud(j: &J<'_>) -> Option<Checked> {
    if rule::blank(&j.t.client_id) {
        return Some(rule::needs("relying party's client id"));
    }
    Some(match audience_finding(j.s, std::slice::from_ref(&j.t.client_id), "the client id") {
        Some(f) => Checked::fail_with(f),
        None if j.s.audiences().is_some_and(|a| a.len() > 1) => {
            Checked::unknown("Present, with other audiences the relying party must trust.")
                .code(OidcCode::UntrustedAudience)
        }
        None => Checked::pass("Present."),
    })
}

/// `azp` is judged only when present (its finding comes from the OIDC checks, which know the client).
fn azp(j: &J<'_>) -> Option<Checked> {
    let azp = j.s.str_claim("azp")?;
    let detail = format!("azp is \"{azp}\".");
    Some(if azp == j.t.client_id { Checked::pass(detail) } else { Checked::fail(detail).code(OidcCode::AzpMismatch) })
}

fn signature(j: &J<'_>) -> Option<Checked> {
    Some(if j.s.token.kind == TokenKind::Unsecured {
        Checked::fail("alg none: unsecured.")
    } else {
        rule::signature(j.s)
    })
}

/// `iat` must be present; the OIDC checks already report it missing from an ID token.
fn iat(j: &J<'_>) -> Option<Checked> {
    Some(if j.s.claim("iat").is_some() {
        Checked::pass("Present; its acceptable age is the client's policy.")
    } else if j.s.token_use == TokenUse::Id {
        Checked::fail("No iat.").code(OidcCode::RequiredClaimMissing)
    } else {
        Checked::fail_with(iat_missing(j.s))
    })
}

fn nonce(j: &J<'_>) -> Option<Checked> {
    let sent = j.ctx.expect.nonce.as_deref()?;
    let actual = j.s.claim("nonce");
    let detail = format!("nonce is {}.", actual.map_or_else(|| "absent".to_owned(), ToString::to_string));
    Some(if actual.and_then(Value::as_str) == Some(sent) {
        Checked::pass(detail)
    } else {
        Checked::fail(detail).code(if actual.is_some() { ClaimCode::NonceMismatch } else { ClaimCode::NonceMissing })
    })
}

/// `at_hash`, when the caller gave the access token and the ID token carries one.
fn at_hash_rule(j: &J<'_>) -> Option<Checked> {
    let (Some(access), Some(claimed), Some(alg)) = (&j.ctx.access_token, j.s.str_claim("at_hash"), j.s.alg()) else {
        return None;
    };
    let computed = at_hash(alg, access)?;
    let detail = format!("at_hash {claimed}, computed {computed}.");
    Some(if computed == claimed {
        Checked::pass(detail)
    } else {
        Checked::fail(detail).code(ClaimCode::AtHashMismatch)
    })
}

// Wording: every message and fix of this target, filled from the evidence its rules found.

fn iss_missing(s: &Subject<'_>) -> Finding {
    s.at_claim(ClaimCode::IssMissing, "iss", "The ID token has no iss.")
        .fix("OIDC relying parties reject ID tokens without iss.")
}

fn iat_missing(s: &Subject<'_>) -> Finding {
    s.at_claim(OidcCode::RequiredClaimMissing, "iat", "The token has no iat, which OIDC Core requires in ID tokens.")
}
#[cfg(test)]
mod tests {
    use crate::diagnose::model::{Decision, Outcome};
    use crate::diagnose::testutil::*;

    fn rp(extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW}{extra},"target":{{"kind":"oidc","issuer":"https://op.example","clientId":"web"}}}}"#
        ))
    }

    #[test]
    fn relying_party_accepts_a_good_id_token_up_to_the_signature() {
        let i = run(&oidc_id_token(""), &rp(r#","expect":{"nonce":"n1"}"#));
        let v = i.verdict.unwrap();
        assert_eq!(v.decision, Decision::Unknown);
        assert_eq!(
            v.rules.iter().filter(|r| r.outcome != Outcome::Pass).map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["signature"]
        );
        assert!(i.findings.iter().all(|f| f.severity == crate::codes::Severity::Info), "{:#?}", i.findings);
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
        let failing: Vec<_> = v.rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id.as_str()).collect();
        assert_eq!(failing, ["tokenType", "iss", "azp", "nonce"]);
        assert_lacks(&run(&oidc_id_token(""), &rp("")), "OIDC_ACCESS_TOKEN_AS_ID_TOKEN");
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
        let i = run(&oidc_id_token(r#","azp":"web""#), &rp(""));
        assert_lacks(&i, "OIDC_AZP_MISMATCH");
        assert_lacks(&i, "OIDC_UNTRUSTED_AUDIENCE");
    }
}
