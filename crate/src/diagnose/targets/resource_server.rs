//! A resource server (an API) validating a JWT access token: RFC 9068 §4 (JWT Profile for OAuth 2.0 Access Tokens)
//! on top of RFC 7519 §7.2 — explicit typing (when the API requires it), issuer (one of a list), audience (one of a
//! list), signature, expiry, the scopes (`scope` or `scp`), roles (`roles`, Keycloak's realm and client roles,
//! Auth0's `permissions`) and clients (the provider's client claim) the call needs, and RFC 9068 §2.2's required
//! claims as a warning.

use super::bearer::{self, Profile};
use super::rule::{self, TargetSpec};
use crate::diagnose::model::{SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::ResourceServerTarget;

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
            name: "issuers",
            label: "More accepted issuers",
            hint: "Other issuers the API also accepts (iss must be one of them).",
            kind: SettingKind::List,
            required: false,
            advanced: true,
            flag: "--also-issuer",
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
            name: "audiences",
            label: "More accepted audiences",
            hint: "Other identifiers the API also accepts (aud must contain one of them).",
            kind: SettingKind::List,
            required: false,
            advanced: true,
            flag: "--also-audience",
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
            name: "roles",
            label: "Required roles",
            hint: "Roles the call needs, every one: from roles, Keycloak's realm_access / resource_access (client:role), or Auth0's permissions.",
            kind: SettingKind::List,
            required: false,
            flag: "--required-role",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clients",
            label: "Allowed clients",
            hint: "Client ids the API accepts, compared with client_id, azp, cid or appid (whichever the provider issues).",
            kind: SettingKind::List,
            required: false,
            advanced: true,
            flag: "--allowed-client",
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

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "401 Unauthorized, invalid_token",
    takes: |p| p.takes,
    assumptions: &[
        "the token was not revoked (a JWT access token stays valid until it expires unless the API asks the issuer, e.g. by token introspection)",
    ],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::TYP,
        bearer::TOKEN_TYPE,
        bearer::ISS,
        bearer::AUD,
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::NBF,
        bearer::SCOPE,
        bearer::ROLES,
        bearer::CLIENT,
        bearer::RFC9068_CLAIMS,
    ],
};

/// The profile of a resource server's settings.
pub(super) fn profile(t: &ResourceServerTarget) -> Profile {
    let mut issuers: Vec<String> = bearer::text(Some(&t.issuer)).into_iter().collect();
    issuers.extend(bearer::list(t.issuers.as_ref()));
    let mut audiences: Vec<String> = bearer::text(Some(&t.audience)).into_iter().collect();
    audiences.extend(bearer::list(t.audiences.as_ref()));
    Profile {
        service: "The resource server".into(),
        takes: Some(TokenUse::Access),
        missing: rule::unset(&[("issuer", issuers.is_empty()), ("audience", audiences.is_empty())]),
        issuers,
        audiences,
        scopes: bearer::list(t.scopes.as_ref()),
        roles: bearer::list(t.roles.as_ref()),
        clients: bearer::list(t.clients.as_ref()),
        require_at_jwt: t.require_at_jwt.unwrap_or(false),
        ..Profile::default()
    }
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::{Decision, Outcome};
    use crate::diagnose::testutil::*;

    fn api(settings: &str) -> Options {
        opts(&format!(r#"{{"now":{NOW},"target":{{"kind":"resourceServer"{settings}}}}}"#))
    }

    fn token(extra: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k","typ":"at+jwt"}"#,
            &format!(
                r#"{{"iss":"https://op.example","sub":"u","aud":"https://api","client_id":"c1","jti":"j","iat":{NOW},"exp":{}{extra}}}"#,
                NOW + 60.0
            ),
        )
    }

    fn failing(i: &Inspection) -> Vec<&'static str> {
        let v = i.verdict.as_ref().unwrap();
        v.rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.id.as_str()).collect()
    }

    #[test]
    fn lists_of_issuers_and_audiences() {
        let o = api(r#","issuers":["https://a","https://op.example"],"audiences":["x","https://api"]"#);
        let i = run(&token(r#","scope":"read""#), &o);
        assert!(failing(&i).is_empty(), "{:#?}", i.verdict);
        assert_eq!(i.verdict.unwrap().decision, Decision::Unknown);
        let i = run(&token(""), &api(r#","issuers":["https://a"],"audience":"https://api""#));
        assert_eq!(failing(&i), ["iss"]);
    }

    #[test]
    fn scopes_from_scp_arrays_roles_and_clients() {
        let o = api(
            r#","issuer":"https://op.example","audience":"https://api","scopes":["read"],"roles":["admin","orders:writer"],"clients":["c1"]"#,
        );
        let good = token(
            r#","scp":["read"],"realm_access":{"roles":["admin"]},"resource_access":{"orders":{"roles":["writer"]}}"#,
        );
        assert!(failing(&run(&good, &o)).is_empty());
        let i = run(&token(r#","scope":"write","permissions":["admin"],"client_id":"c2""#), &o);
        assert_eq!(failing(&i), ["scope", "roles", "client"]);
        assert_has(&i, "TARGET_ROLE_MISSING");
        assert_has(&i, "TARGET_CLIENT_NOT_ALLOWED");
        // Okta's cid and Entra's appid are the client when client_id is absent.
        let okta = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(
                r#"{{"iss":"https://op.example","aud":"https://api","cid":"c1","scp":["read"],"exp":{}}}"#,
                NOW + 60.0
            ),
        );
        let i = run(&okta, &api(r#","issuer":"https://op.example","audience":"https://api","clients":["c1"]"#));
        assert!(failing(&i).is_empty());
    }

    #[test]
    fn rfc9068_claims_are_a_warning_and_typ_is_enforced_when_asked() {
        let o = api(r#","issuer":"https://op.example","audience":"https://api","requireAtJwt":true"#);
        let bare = jwt(
            r#"{"alg":"RS256"}"#,
            &format!(r#"{{"iss":"https://op.example","aud":"https://api","scope":"x","exp":{}}}"#, NOW + 60.0),
        );
        let i = run(&bare, &o);
        assert_has(&i, "RFC9068_CLAIMS_MISSING");
        assert_eq!(failing(&i), ["typ"]);
        assert_lacks(&run(&token(r#","scope":"x""#), &o), "RFC9068_CLAIMS_MISSING");
    }
}
