//! A Node API protected by Auth0's express-oauth2-jwt-bearer (`auth({ issuerBaseURL, audience, tokenSigningAlg })`,
//! then `requiredScopes(…)` or `claimIncludes('permissions', …)` on a route).
//!
//! What its middleware checks (auth0/node-oauth2-jwt-bearer, `packages/access-token-jwt/src/validate.ts` default
//! validators and `jwt-verifier.ts`; Auth0 docs, "Validate Access Tokens", "Get Access Tokens" and "Enable
//! Role-Based Access Control for APIs"): `alg` is `tokenSigningAlg` (RS256 by default, HS256 with a secret) and
//! never none; `iss` is `https://<domain>/` exactly; `aud` contains the API Identifier; `exp`, `nbf` with the
//! clock tolerance; scopes from `scope`, every one required; permissions from `permissions`, added only when the
//! API has RBAC with "Add Permissions in the Access Token". A token requested without `audience` is opaque (a JWE),
//! or a JWT whose only audience is `/userinfo`.

use serde_json::Value;

use super::bearer::{self, Console, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::model::{RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::Auth0ApiTarget;
use crate::diagnose::subject::Subject;
use crate::finding::{Finding, quoted};

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::Auth0Api,
    label: "Auth0: API with express-oauth2-jwt-bearer",
    aliases: &["auth0"],
    summary: "A Node API protected by Auth0's express-oauth2-jwt-bearer (issuer, API identifier, scopes, RBAC permissions).",
    settings: &[
        SettingSpec {
            name: "domain",
            label: "Auth0 domain",
            hint: "Your tenant's domain or custom domain (dev-x.us.auth0.com); issuerBaseURL is https://<domain>/.",
            flag: "--auth0-domain",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "audience",
            label: "API Identifier",
            hint: "Applications > APIs > your API > Settings > Identifier (the audience option).",
            flag: "--audience",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "Required scopes",
            hint: "requiredScopes(…): scope must hold every one.",
            kind: SettingKind::List,
            required: false,
            flag: "--required-scope",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "permissions",
            label: "Required permissions (RBAC)",
            hint: "claimIncludes('permissions', …): permissions must hold every one.",
            kind: SettingKind::List,
            required: false,
            flag: "--required-permission",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "signingAlg",
            label: "Signing algorithm",
            hint: "tokenSigningAlg: the API's Signing Algorithm (RS256 unless set to HS256).",
            required: false,
            advanced: true,
            flag: "--signing-alg",
            suggestions: &["RS256", "HS256"],
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "401 Unauthorized (invalid_token) or 403 Forbidden (insufficient_scope)",
    takes: |p| p.takes,
    assumptions: &["the token was not revoked (express-oauth2-jwt-bearer does not ask Auth0)"],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::ALG,
        bearer::TOKEN_TYPE,
        bearer::ISS,
        RuleSpec {
            id: RuleId::Aud,
            describe: |p| format!("aud contains the API Identifier {}", quoted(&p.audiences)),
            check: aud,
        },
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::NBF,
        bearer::SCOPE,
        RuleSpec {
            id: RuleId::Roles,
            describe: |p| format!("permissions holds {}", quoted(&p.roles)),
            check: permissions,
        },
    ],
};

pub(super) fn profile(t: &Auth0ApiTarget) -> Profile {
    let domain = t.domain.trim().trim_start_matches("https://").trim_end_matches('/');
    let audience = t.audience.trim();
    Profile {
        service: "The API (express-oauth2-jwt-bearer)".into(),
        takes: Some(TokenUse::Access),
        missing: rule::unset(&[("domain", domain.is_empty()), ("audience", audience.is_empty())]),
        issuers: if domain.is_empty() { Vec::new() } else { vec![format!("https://{domain}/")] },
        audiences: if audience.is_empty() { Vec::new() } else { vec![audience.to_owned()] },
        scopes: bearer::list(t.scopes.as_ref()),
        roles: bearer::list(t.permissions.as_ref()),
        algs: vec![bearer::text(t.signing_alg.as_ref()).unwrap_or_else(|| "RS256".to_owned())],
        console: Console {
            audience: "Pass audience=<API Identifier> in the authorize call (auth0-spa-js / auth0-react: authorizationParams.audience; client credentials: the audience of the token request), exactly as Applications > APIs > your API > Settings > Identifier shows it.",
            scope: "Request the scope in the authorize call, define it under Applications > APIs > your API > Permissions, and (machine-to-machine) grant it under the API's Machine to Machine Applications tab.",
            role: "",
        },
        ..Profile::default()
    }
}

fn aud(j: &J<'_>) -> Option<Checked> {
    if j.t.audiences.is_empty() {
        return Some(rule::needs("API Identifier"));
    }
    let aud = j.s.audiences().unwrap_or_default();
    if !aud.is_empty() && aud.iter().all(|a| a.ends_with("/userinfo")) {
        return Some(Checked::fail_with(userinfo_only(j.s, &aud)));
    }
    Some(match bearer::aud_finding(j) {
        None => Checked::pass("Present."),
        Some(f) => Checked::fail_with(f),
    })
}

fn permissions(j: &J<'_>) -> Option<Checked> {
    if j.t.roles.is_empty() {
        return None;
    }
    let Some(Value::Array(have)) = j.s.claim("permissions") else {
        return Some(Checked::fail_with(rbac_off(j.s, &j.t.roles)));
    };
    let have: Vec<&str> = have.iter().filter_map(Value::as_str).collect();
    let missing: Vec<&String> = j.t.roles.iter().filter(|r| !have.contains(&r.as_str())).collect();
    Some(if missing.is_empty() {
        Checked::pass("Present.")
    } else {
        Checked::fail_with(
            j.s.at_claim(crate::codes::OidcCode::RoleMissing, "permissions", format!("The route requires the permissions {}, and the token holds {}.", quoted(&missing), if have.is_empty() { "none".to_owned() } else { quoted(&have) }))
                .fix("User Management > Roles > the user's role > Permissions: add them from your API (or Users > the user > Permissions); then sign in again for a new token."),
        )
    })
}

// Wording.

fn userinfo_only(s: &Subject<'_>, aud: &[&str]) -> Finding {
    s.at_claim(ProviderCode::Auth0NoApiAudience, "aud", format!("The token's only audience is {}: it was requested without your API's audience, so it is good for /userinfo only.", quoted(aud)))
        .fix("Pass audience=<API Identifier> in the authorize call (auth0-spa-js / auth0-react: authorizationParams.audience) and get a new token.")
}

fn rbac_off(s: &Subject<'_>, wanted: &[String]) -> Finding {
    s.at_token(ProviderCode::Auth0RbacOff, format!("The route requires the permissions {}, and the token has no permissions claim: Auth0 adds it only when the API has RBAC on.", quoted(wanted)))
        .fix("Applications > APIs > your API > Settings > RBAC Settings: Enable RBAC and Add Permissions in the Access Token; then get a new token.")
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    fn target(extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"auth0Api","domain":"dev-x.us.auth0.com","audience":"https://api.example.com"{extra}}}}}"#
        ))
    }

    fn token(aud: &str, extra: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://dev-x.us.auth0.com/","sub":"auth0|u","aud":{aud},"scope":"openid read:items","exp":{}{extra}}}"#,
                NOW + 60.0
            ),
        )
    }

    fn failing(i: &Inspection) -> Vec<(&'static str, Option<&'static str>)> {
        let v = i.verdict.as_ref().unwrap();
        v.rules
            .iter()
            .filter(|r| r.outcome == Outcome::Fail)
            .map(|r| (r.id.as_str(), r.code.map(|c| c.as_str())))
            .collect()
    }

    #[test]
    fn api_identifier_scopes_and_permissions() {
        let both = r#"["https://api.example.com","https://dev-x.us.auth0.com/userinfo"]"#;
        assert!(
            failing(&run(
                &token(both, r#","permissions":["read:items"]"#),
                &target(r#","scopes":["read:items"],"permissions":["read:items"]"#)
            ))
            .is_empty()
        );
        let userinfo = r#""https://dev-x.us.auth0.com/userinfo""#;
        assert_eq!(failing(&run(&token(userinfo, ""), &target(""))), [("aud", Some("AUTH0_NO_API_AUDIENCE"))]);
        assert_eq!(
            failing(&run(&token(both, ""), &target(r#","permissions":["read:items"]"#))),
            [("roles", Some("AUTH0_RBAC_OFF"))]
        );
        assert_eq!(
            failing(&run(&token(both, r#","permissions":[]"#), &target(r#","permissions":["read:items"]"#))),
            [("roles", Some("TARGET_ROLE_MISSING"))]
        );
        let hs = token(both, "").replacen("eyJhbGciOiJSUzI1NiIsImtpZCI6ImsifQ", "eyJhbGciOiJIUzI1NiJ9", 1);
        assert_eq!(failing(&run(&hs, &target(""))), [("alg", Some("TARGET_ALG_NOT_ALLOWED"))]);
        assert!(failing(&run(&hs, &target(r#","signingAlg":"HS256""#))).is_empty());
    }
}
