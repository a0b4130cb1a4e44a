//! A resource server (an API) validating a JWT access token: RFC 9068 §4 (JWT Profile for OAuth 2.0 Access Tokens)
//! on top of RFC 7519 §7.2 — explicit typing (when the API requires it), issuer, audience, signature, expiry, and
//! the scopes the call needs.

use super::rule::{self, Checked, Judge, RuleSpec, TargetSpec, TimePolicy};
use crate::codes::OidcCode;
use crate::decode::token::TokenKind;
use crate::diagnose::checks::claims::{audience_finding, issuer_finding, scope_finding};
use crate::diagnose::checks::oidc::id_as_access;
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::ResourceServerTarget;
use crate::diagnose::providers::is_at_jwt;
use crate::diagnose::subject::Subject;
use crate::finding::Finding;

type J<'a> = Judge<'a, ResourceServerTarget>;

/// How the page and the command line offer this target.
pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::ResourceServer,
    label: "Resource server (an API validating JWT access tokens)",
    aliases: &["api"],
    summary: "An API validating JWT access tokens as RFC 9068 §4 and RFC 7519 §7.2 describe.",
    settings: &[
        SettingSpec {
            name: "issuer",
            label: "Issuer",
            hint: "The issuer the API trusts, compared with iss exactly.",
            flag: "--issuer",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "audience",
            label: "Audience",
            hint: "The API's own identifier: aud must contain it.",
            flag: "--audience",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "Required scopes",
            hint: "Scopes the call needs: scope (or scp) must hold every one.",
            kind: SettingKind::List,
            required: false,
            flag: "--required-scope",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "requireAtJwt",
            label: "Require typ at+jwt (RFC 9068)",
            hint: "Whether the API requires explicit typing; most do not.",
            kind: SettingKind::Switch,
            required: false,
            advanced: true,
            flag: "--require-at-jwt",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<ResourceServerTarget> = TargetSpec {
    form: FORM,
    service: |_| "The resource server".into(),
    rejection: "401 Unauthorized, invalid_token",
    takes: |_| Some(TokenUse::Access),
    assumptions: &[
        "the token was not revoked (a JWT access token stays valid until it expires unless the API asks the issuer, e.g. by token introspection)",
    ],
    missing: |t| rule::unset(&[("issuer", rule::blank(&t.issuer)), ("audience", rule::blank(&t.audience))]),
    rules: &[
        RuleSpec {
            id: RuleId::Format,
            describe: |_| "The token is a signed JWT".into(),
            check: |j| Some(rule::format(j.s)),
        },
        RuleSpec { id: RuleId::Typ, describe: |_| "typ is at+jwt (RFC 9068 explicit typing)".into(), check: typ },
        RuleSpec { id: RuleId::TokenType, describe: |_| "The token is an access token".into(), check: token_type },
        RuleSpec { id: RuleId::Iss, describe: |t| format!("iss is exactly \"{}\"", t.issuer), check: iss },
        RuleSpec { id: RuleId::Aud, describe: |t| format!("aud contains \"{}\"", t.audience), check: aud },
        RuleSpec {
            id: RuleId::Signature,
            describe: |_| "Signed with the issuer's key (alg not none)".into(),
            check: |j| {
                Some(if j.s.token.kind == TokenKind::Unsecured {
                    Checked::fail("alg none: unsecured.")
                } else {
                    rule::signature(j.s)
                })
            },
        },
        RuleSpec {
            id: RuleId::Exp,
            describe: |_| "The current time is before exp".into(),
            check: |j| {
                let policy = TimePolicy { absent: (Outcome::Fail, "No exp: RFC 9068 requires it."), skew_known: true };
                Some(rule::time(RuleId::Exp, time::evaluate(j.ctx, j.s).exp, &policy))
            },
        },
        RuleSpec {
            id: RuleId::Nbf,
            describe: |_| "nbf, if present, is not in the future".into(),
            check: |j| {
                let policy = TimePolicy { absent: (Outcome::Pass, "No nbf."), skew_known: true };
                Some(rule::time(RuleId::Nbf, time::evaluate(j.ctx, j.s).nbf, &policy))
            },
        },
        RuleSpec { id: RuleId::Scope, describe: describe_scope, check: scope },
    ],
};

/// Explicit typing, judged only when the API requires it.
fn typ(j: &J<'_>) -> Option<Checked> {
    if !j.t.require_at_jwt.unwrap_or(false) {
        return None;
    }
    Some(if is_at_jwt(j.s.header) { Checked::pass("typ is at+jwt.") } else { Checked::fail_with(not_at_jwt(j.s)) })
}

fn token_type(j: &J<'_>) -> Option<Checked> {
    Some(match j.s.token_use {
        TokenUse::Access => Checked::pass("Told from the token."),
        TokenUse::Id => Checked::fail_with(id_as_access(j.s, "the resource server")),
        _ => Checked::unknown("Cannot be told from the token."),
    })
}

fn iss(j: &J<'_>) -> Option<Checked> {
    if rule::blank(&j.t.issuer) {
        return Some(rule::needs("resource server's trusted issuer"));
    }
    Some(match j.s.str_claim("iss").map(|iss| issuer_finding(j.s, iss, &j.t.issuer, "the issuer the API trusts")) {
        None => Checked::fail("The token has no iss."),
        Some(None) => Checked::pass("Equal."),
        Some(Some(f)) => Checked::fail_with(f),
    })
}

fn aud(j: &J<'_>) -> Option<Checked> {
    if rule::blank(&j.t.audience) {
        return Some(rule::needs("resource server's identifier (audience)"));
    }
    Some(match audience_finding(j.s, std::slice::from_ref(&j.t.audience), "the API's identifier") {
        None => Checked::pass("Present."),
        Some(f) => Checked::fail_with(f),
    })
}

fn describe_scope(t: &ResourceServerTarget) -> String {
    match t.scopes.as_deref().filter(|s| !s.is_empty()) {
        Some(scopes) => format!("scope holds {}", crate::finding::quoted(scopes)),
        None => "The call needs no particular scope".to_owned(),
    }
}

fn scope(j: &J<'_>) -> Option<Checked> {
    let required: Vec<&String> = j.t.scopes.iter().flatten().filter(|s| !s.is_empty()).collect();
    if required.is_empty() {
        return None;
    }
    let have = j.s.scopes();
    let missing: Vec<&String> = required.into_iter().filter(|r| !have.contains(r)).collect();
    Some(if missing.is_empty() {
        Checked::pass("Present.")
    } else {
        Checked::fail_with(scope_finding(j.s, &missing, &have))
    })
}

// Wording: every message and fix of this target, filled from the evidence its rules found.

fn not_at_jwt(s: &Subject<'_>) -> Finding {
    s.at_header(OidcCode::TypNotAtJwt, "typ", format!(
        "The API requires typ \"at+jwt\" (RFC 9068 explicit typing), and this token's typ is {}.",
        s.header_str("typ").map_or_else(|| "absent".to_owned(), |t| format!("\"{t}\""))
    ))
    .fix("Have the issuer use its RFC 9068 access-token profile (Auth0: the RFC 9068 token dialect; Keycloak and others: an option of the client), or stop requiring typ on the API.")
}
