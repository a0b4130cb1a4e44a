//! An API validating Keycloak access tokens of one realm (Spring Security's resource server, keycloak-connect,
//! Quarkus OIDC and the like, configured with the realm's issuer).
//!
//! What such APIs check (Keycloak Server Administration Guide, "OpenID Connect", "Audience support" and "Client
//! scopes"; Keycloak 17 migration notes): `iss` is the realm URL exactly (`https://<host>/realms/<realm>`; before
//! Keycloak 17 `/auth/realms/<realm>`), RS256 by default (the realm's keys); `aud` holds the API only when an
//! audience mapper puts it there (otherwise Keycloak's `aud` names `account` or nothing, and the requesting client
//! is in `azp`); realm roles in `realm_access.roles`, client roles in `resource_access.<client>.roles`; scopes in
//! `scope`. Refresh tokens (`typ: Refresh`) and ID tokens (`typ: ID`) are JWTs too, and no API takes them.

use super::bearer::{self, Console, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::model::{RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::KeycloakApiTarget;
use crate::finding::quoted;

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::KeycloakApi,
    label: "Keycloak: API validating realm access tokens",
    aliases: &["keycloak"],
    summary: "An API validating Keycloak access tokens: realm issuer, audience mapper, azp, realm and client roles, client scopes.",
    settings: &[
        SettingSpec {
            name: "realmUrl",
            label: "Realm URL (issuer)",
            hint: "https://<host>/realms/<realm>, as Realm settings > OpenID Endpoint Configuration shows issuer.",
            flag: "--realm-url",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "audience",
            label: "Audience the API requires",
            hint: "Only if the API checks aud (usually its client id); Keycloak adds it with an audience mapper.",
            required: false,
            flag: "--audience",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clients",
            label: "Allowed clients (azp)",
            hint: "Client ids of the applications allowed to call the API.",
            kind: SettingKind::List,
            required: false,
            advanced: true,
            flag: "--allowed-client",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "roles",
            label: "Required roles",
            hint: "Realm roles, or <client>:<role> for client roles; every one.",
            kind: SettingKind::List,
            required: false,
            flag: "--required-role",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "Required scopes",
            hint: "Client scopes the call needs: scope must hold every one.",
            kind: SettingKind::List,
            required: false,
            flag: "--required-scope",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "401 Unauthorized (invalid_token) or 403 Forbidden",
    takes: |p| p.takes,
    assumptions: &[
        "the session was not ended and the token not revoked (only Keycloak's introspection endpoint knows)",
    ],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::TOKEN_TYPE,
        bearer::ISS,
        RuleSpec { id: RuleId::Aud, describe: |p| format!("aud contains {}", quoted(&p.audiences)), check: aud },
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::NBF,
        bearer::CLIENT,
        bearer::ROLES,
        bearer::SCOPE,
    ],
};

pub(super) fn profile(t: &KeycloakApiTarget) -> Profile {
    let realm = t.realm_url.trim();
    Profile {
        service: "The API (Keycloak access tokens)".into(),
        takes: Some(TokenUse::Access),
        missing: rule::unset(&[("realmUrl", realm.is_empty())]),
        issuers: bearer::text(Some(&t.realm_url)).into_iter().collect(),
        audiences: bearer::text(t.audience.as_ref()).into_iter().collect(),
        clients: bearer::list(t.clients.as_ref()),
        roles: bearer::list(t.roles.as_ref()),
        scopes: bearer::list(t.scopes.as_ref()),
        console: Console {
            audience: "",
            scope: "Clients > the calling client > Client scopes > Add client scope (Default, or Optional and requested in scope=…); then get a new token.",
            role: "Realm roles (or Clients > your API client > Roles): create the role; Users > the user > Role mapping > Assign role (or the client's service account roles); check the client's dedicated scope maps roles into the token; then get a new token.",
        },
        ..Profile::default()
    }
}

/// `aud`, judged only when the API requires one; a missing API audience is Keycloak's audience mapper.
fn aud(j: &J<'_>) -> Option<Checked> {
    let wanted = j.t.audiences.first()?;
    let aud = j.s.audiences().unwrap_or_default();
    if aud.contains(&wanted.as_str()) {
        return Some(Checked::pass("Present."));
    }
    let azp = j.s.str_claim("azp").unwrap_or("the calling client");
    Some(Checked::fail_with(
        j.s.at_claim(ProviderCode::KeycloakAudienceMapper, "aud", format!("The API requires aud \"{wanted}\", and the token's aud is {}: Keycloak puts an API in aud only through an audience mapper, and names the requesting client ({azp}) in azp.", if aud.is_empty() { "absent".to_owned() } else { quoted(&aud) }))
            .fix(format!("Clients > {azp} > Client scopes > {azp}-dedicated > Add mapper > By configuration > Audience: Included Client Audience \"{wanted}\", Add to access token on; then get a new token.")),
    ))
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    fn target(extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"keycloakApi","realmUrl":"https://sso.example.com/realms/acme"{extra}}}}}"#
        ))
    }

    fn token(typ: &str, extra: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://sso.example.com/realms/acme","aud":"account","azp":"web-app","typ":"{typ}","scope":"openid email","realm_access":{{"roles":["user"]}},"exp":{}{extra}}}"#,
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
    fn realm_tokens_mapper_roles_and_refresh_tokens() {
        let o = target(r#","clients":["web-app"],"roles":["user","orders:reader"]"#);
        let good = token("Bearer", r#","resource_access":{"orders":{"roles":["reader"]}}"#);
        assert!(failing(&run(&good, &o)).is_empty(), "{:?}", failing(&run(&good, &o)));
        assert_eq!(
            failing(&run(&token("Bearer", ""), &target(r#","audience":"orders-api""#))),
            [("aud", Some("KEYCLOAK_AUDIENCE_MAPPER"))]
        );
        assert_eq!(failing(&run(&token("Bearer", ""), &o)), [("roles", Some("TARGET_ROLE_MISSING"))]);
        let refresh = failing(&run(&token("Refresh", ""), &target("")));
        assert_eq!(refresh, [("tokenType", Some("KEYCLOAK_REFRESH_TOKEN"))]);
    }
}
