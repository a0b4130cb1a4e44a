//! An API validating Okta access tokens with okta-jwt-verifier (`new OktaJwtVerifier({ issuer, assertClaims })`,
//! `verifyAccessToken(token, expectedAudience)`).
//!
//! What it checks (okta/okta-jwt-verifier-js `lib.js`; Okta developer docs, "Validate access tokens" and
//! "Authorization servers"): RS256 signatures from the authorization server's keys; `iss` is the configured issuer
//! exactly; `aud` is the expected audience (a string or a list); `exp` with a leeway (two minutes by default);
//! `assertClaims` such as `cid` (the client id). Access tokens of the org authorization server (an issuer without
//! `/oauth2/<id>`) are for Okta's own APIs: Okta says to treat them as opaque.

use super::bearer::{self, Console, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::model::{ProviderId, RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::OktaApiTarget;

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::OktaApi,
    label: "Okta: API with okta-jwt-verifier",
    aliases: &["okta"],
    summary: "An API validating Okta access tokens of a custom authorization server with okta-jwt-verifier.",
    settings: &[
        SettingSpec {
            name: "issuer",
            label: "Issuer (authorization server)",
            hint: "Security > API > Authorization Servers > your server > Issuer (https://<okta domain>/oauth2/default).",
            flag: "--issuer",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "audience",
            label: "Audience",
            hint: "The authorization server's Audience (api://default unless changed): expectedAudience.",
            flag: "--audience",
            suggestions: &["api://default"],
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clients",
            label: "Allowed client ids (cid)",
            hint: "assertClaims: { cid }: the application's Client ID.",
            kind: SettingKind::List,
            required: false,
            flag: "--allowed-client",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "Required scopes",
            hint: "Scopes the call needs: scp must hold every one.",
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
    rejection: "401 Unauthorized (JwtParseError / claim assertion failed)",
    takes: |p| p.takes,
    assumptions: &["the token was not revoked (okta-jwt-verifier does not introspect)"],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::ALG,
        bearer::TOKEN_TYPE,
        RuleSpec {
            id: RuleId::Issuer,
            describe: |_| "The token comes from a custom authorization server".into(),
            check: org_server,
        },
        bearer::ISS,
        bearer::AUD,
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::CLIENT,
        bearer::SCOPE,
    ],
};

pub(super) fn profile(t: &OktaApiTarget) -> Profile {
    let issuer = t.issuer.trim();
    let audience = t.audience.trim();
    Profile {
        service: "The API (okta-jwt-verifier)".into(),
        takes: Some(TokenUse::Access),
        missing: rule::unset(&[("issuer", issuer.is_empty()), ("audience", audience.is_empty())]),
        issuers: bearer::text(Some(&t.issuer)).into_iter().collect(),
        audiences: bearer::text(Some(&t.audience)).into_iter().collect(),
        clients: bearer::list(t.clients.as_ref()),
        scopes: bearer::list(t.scopes.as_ref()),
        algs: vec!["RS256".into()],
        console: Console {
            audience: "Request the token from the authorization server whose Audience the API expects (Security > API > Authorization Servers > Settings > Audience), or pass that audience to verifyAccessToken.",
            scope: "Security > API > Authorization Servers > your server > Scopes: add the scope; Access Policies: allow it for the client; request it in the authorize call.",
            role: "",
        },
        ..Profile::default()
    }
}

fn org_server(j: &J<'_>) -> Option<Checked> {
    if j.s.provider.id != ProviderId::OktaOrg {
        return None;
    }
    Some(Checked::fail_with(
        j.s.at_claim(ProviderCode::OktaOrgServer, "iss", "This access token comes from Okta's org authorization server (no /oauth2/<id> in iss): it is for Okta's own APIs, and Okta says to treat it as opaque.")
            .fix("Security > API > Authorization Servers: use a custom authorization server (e.g. default) and have the app request tokens from https://<okta domain>/oauth2/default/v1/authorize."),
    ))
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    fn target(extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"oktaApi","issuer":"https://dev-1.okta.com/oauth2/default","audience":"api://default"{extra}}}}}"#
        ))
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
    fn custom_server_tokens_with_cid_and_the_org_server() {
        let t = |iss: &str, cid: &str| {
            jwt(
                r#"{"alg":"RS256","kid":"k"}"#,
                &format!(
                    r#"{{"iss":"{iss}","aud":"api://default","cid":"{cid}","uid":"00u","scp":["openid","orders"],"exp":{}}}"#,
                    NOW + 60.0
                ),
            )
        };
        let o = target(r#","clients":["0oa1"],"scopes":["orders"]"#);
        assert!(failing(&run(&t("https://dev-1.okta.com/oauth2/default", "0oa1"), &o)).is_empty());
        assert_eq!(
            failing(&run(&t("https://dev-1.okta.com/oauth2/default", "0oa2"), &o)),
            [("client", Some("TARGET_CLIENT_NOT_ALLOWED"))]
        );
        let org = failing(&run(&t("https://dev-1.okta.com", "0oa1"), &o));
        assert_eq!(org.first(), Some(&("issuer", Some("OKTA_ORG_SERVER_TOKEN"))));
    }
}
