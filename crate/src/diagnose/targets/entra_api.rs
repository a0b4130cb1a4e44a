//! An ASP.NET Core web API protected by Microsoft.Identity.Web (`AddMicrosoftIdentityWebApi`, the `AzureAd`
//! section of `appsettings.json`), validating Microsoft Entra ID access tokens.
//!
//! What its middleware checks (AzureAD/microsoft-identity-web, `src/Microsoft.Identity.Web.TokenAcquisition/…`
//! `Resource/RegisterValidAudience.cs` and `AadIssuerValidator` of AzureAD/azure-activedirectory-identitymodel-
//! extensions-for-dotnet; Microsoft identity platform, "Access tokens" and "Protected web API: verify scopes and app
//! roles"):
//! - the issuer of the tenant, v1.0 (`https://sts.windows.net/<tenant>/`) or v2.0
//!   (`https://login.microsoftonline.com/<tenant>/v2.0`): the API's `accessTokenAcceptedVersion` chooses which;
//! - with no `Audience` configured, `aud` must be the client id in a v2.0 token and `api://<client id>` in a v1.0
//!   token (RegisterValidAudience); a configured `Audience` (a custom App ID URI) is accepted too;
//! - RS256 signatures from the tenant's keys; tokens for Microsoft Graph cannot be validated by design;
//! - `[RequiredScope]` / `RequiredScopeOrAppPermission`: delegated tokens carry `scp` (one accepted scope is
//!   enough), app-only tokens (client credentials) carry `roles` instead.

use serde_json::Value;

use super::bearer::{self, Console, J, Profile};
use super::rule::{self, Checked, RuleSpec, TargetSpec};
use crate::codes::ProviderCode;
use crate::diagnose::model::{RuleId, SettingKind, SettingSpec, TargetForm, TargetKind, TokenUse};
use crate::diagnose::options::EntraApiTarget;
use crate::diagnose::subject::Subject;
use crate::finding::{Finding, quoted};

pub(super) const FORM: TargetForm = TargetForm {
    kind: TargetKind::EntraApi,
    label: "Microsoft Entra ID: API with Microsoft.Identity.Web",
    aliases: &["entra", "azure"],
    summary: "An ASP.NET Core API protected by Microsoft.Identity.Web, as its AzureAd settings configure it.",
    settings: &[
        SettingSpec {
            name: "tenantId",
            label: "Directory (tenant) ID",
            hint: "App registrations > your API > Overview > Directory (tenant) ID (TenantId).",
            flag: "--tenant-id",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clientId",
            label: "Application (client) ID of the API",
            hint: "App registrations > your API > Overview > Application (client) ID (ClientId).",
            flag: "--client-id",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "audience",
            label: "Audience (App ID URI)",
            hint: "Only when AzureAd:Audience is set (a custom App ID URI); default api://<client id>.",
            required: false,
            advanced: true,
            flag: "--audience",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "scopes",
            label: "Accepted scopes",
            hint: "[RequiredScope]: scp must hold one of them (Expose an API > Scopes).",
            kind: SettingKind::List,
            required: false,
            flag: "--required-scope",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "appRoles",
            label: "Accepted app roles",
            hint: "App permissions for app-only tokens: roles must hold one of them (App roles).",
            kind: SettingKind::List,
            required: false,
            flag: "--app-role",
            ..SettingSpec::BASE
        },
        SettingSpec {
            name: "clients",
            label: "Allowed client applications",
            hint: "Client ids allowed to call the API (appid in v1.0 tokens, azp in v2.0).",
            kind: SettingKind::List,
            required: false,
            advanced: true,
            flag: "--allowed-client",
            ..SettingSpec::BASE
        },
    ],
};

pub(super) const SPEC: TargetSpec<Profile> = TargetSpec {
    kind: FORM.kind,
    service: |p| p.service.clone(),
    rejection: "401 Unauthorized (IDX10214 audience, IDX10205 issuer, IDX10223 lifetime) or 403 for scopes",
    takes: |p| p.takes,
    assumptions: &[
        "the token was not revoked and the user still has access (Microsoft.Identity.Web does not ask Entra)",
    ],
    missing: |p| p.missing.clone(),
    rules: &[
        bearer::FORMAT,
        bearer::TOKEN_TYPE,
        bearer::ALG,
        bearer::ISS,
        RuleSpec { id: RuleId::Aud, describe: describe_aud, check: aud },
        bearer::SIGNATURE,
        bearer::EXP,
        bearer::NBF,
        RuleSpec { id: RuleId::Scope, describe: describe_permission, check: permission },
        bearer::CLIENT,
    ],
};

/// The profile of Microsoft.Identity.Web's settings; `audiences` holds the configured Audience, the client id and
/// `api://<client id>`, and `scopes` / `roles` the accepted delegated scopes and app roles.
pub(super) fn profile(t: &EntraApiTarget) -> Profile {
    let tenant = t.tenant_id.trim();
    let client = t.client_id.trim();
    let issuers = if tenant.is_empty() {
        Vec::new()
    } else {
        vec![format!("https://login.microsoftonline.com/{tenant}/v2.0"), format!("https://sts.windows.net/{tenant}/")]
    };
    let mut audiences: Vec<String> = bearer::text(t.audience.as_ref()).into_iter().collect();
    if !client.is_empty() {
        audiences.extend([client.to_owned(), format!("api://{client}")]);
    }
    Profile {
        service: "The API (Microsoft.Identity.Web)".into(),
        takes: Some(TokenUse::Access),
        missing: rule::unset(&[("tenantId", tenant.is_empty()), ("clientId", client.is_empty())]),
        issuers,
        audiences,
        scopes: bearer::list(t.scopes.as_ref()),
        any_scope: true,
        roles: bearer::list(t.app_roles.as_ref()),
        clients: bearer::list(t.clients.as_ref()),
        algs: vec!["RS256".into()],
        console: Console {
            audience: "",
            scope: "App registrations > your API > Expose an API: add the scope; in the client's registration, API permissions > Add a permission > My APIs: grant it; request it as api://<API client id>/<scope> and sign in again.",
            role: "",
        },
        ..Profile::default()
    }
}

fn describe_aud(p: &Profile) -> String {
    format!("aud is the API ({}; v2.0 tokens carry the client id, v1.0 tokens api://<client id>)", quoted(&p.audiences))
}

const GRAPH: &[&str] =
    &["00000003-0000-0000-c000-000000000000", "https://graph.microsoft.com", "https://graph.microsoft.com/"];

fn aud(j: &J<'_>) -> Option<Checked> {
    if j.t.audiences.is_empty() {
        return Some(rule::needs("API's client id"));
    }
    let aud = j.s.audiences().unwrap_or_default();
    if aud.iter().any(|a| j.t.audiences.iter().any(|e| e == a)) {
        return Some(Checked::pass("The API's."));
    }
    Some(Checked::fail_with(if aud.iter().any(|a| GRAPH.contains(a)) {
        graph_token(j.s, &aud)
    } else if j.s.str_claim("ver") == Some("1.0") && aud.iter().any(|a| a.contains("://")) {
        app_id_uri(j.s, &aud)
    } else {
        bearer::aud_finding(j).unwrap_or_else(|| app_id_uri(j.s, &aud))
    }))
}

fn describe_permission(p: &Profile) -> String {
    match (p.scopes.is_empty(), p.roles.is_empty()) {
        (true, true) => "The call needs no particular scope or app role".into(),
        (false, true) => format!("scp holds one of {}", quoted(&p.scopes)),
        (true, false) => format!("roles holds one of {}", quoted(&p.roles)),
        (false, false) => format!("scp holds one of {} or roles one of {}", quoted(&p.scopes), quoted(&p.roles)),
    }
}

/// `RequiredScopeOrAppPermission`: a delegated scope or an app role, one of each list is enough.
fn permission(j: &J<'_>) -> Option<Checked> {
    if j.t.scopes.is_empty() && j.t.roles.is_empty() {
        return None;
    }
    let scp = j.s.scopes();
    let roles: Vec<String> = match j.s.claim("roles") {
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
        _ => Vec::new(),
    };
    if j.t.scopes.iter().any(|s| scp.contains(s)) || j.t.roles.iter().any(|r| roles.contains(r)) {
        return Some(Checked::pass("Granted."));
    }
    Some(Checked::fail_with(if scp.is_empty() && !roles.is_empty() {
        app_only(j.s, &roles, &j.t.roles)
    } else if !j.t.roles.is_empty() && j.t.scopes.is_empty() {
        role_missing(j.s, &roles, &j.t.roles)
    } else {
        let missing: Vec<&String> = j.t.scopes.iter().collect();
        crate::diagnose::checks::claims::scope_finding(j.s, &missing, &scp).fix(j.t.console.scope)
    }))
}

// Wording.

fn graph_token(s: &Subject<'_>, aud: &[&str]) -> Finding {
    s.at_claim(ProviderCode::EntraGraphToken, "aud", format!("This token is for Microsoft Graph (aud {}), not for your API; Microsoft says your app cannot validate tokens for its own APIs.", quoted(aud)))
        .fix("Request a token for your API instead: scope api://<your API's client id>/<scope> (App registrations > your API > Expose an API), not User.Read or https://graph.microsoft.com/.default.")
}

fn app_id_uri(s: &Subject<'_>, aud: &[&str]) -> Finding {
    s.at_claim(ProviderCode::EntraAudience, "aud", format!("The token's aud is {}, and Microsoft.Identity.Web accepts only the API's client id (v2.0 tokens) or api://<client id> (v1.0 tokens) unless AzureAd:Audience names another App ID URI.", quoted(aud)))
        .fix("App registrations > your API > Manifest: set accessTokenAcceptedVersion to 2, so tokens carry the client id as aud; or set AzureAd:Audience in appsettings.json to the App ID URI the token carries (Expose an API > Application ID URI).")
}

fn app_only(s: &Subject<'_>, roles: &[String], accepted: &[String]) -> Finding {
    let why = if accepted.is_empty() {
        "the API accepts no app roles".to_owned()
    } else {
        format!("none is among the accepted app roles {}", quoted(accepted))
    };
    s.at_claim(ProviderCode::EntraRolesNotScp, "roles", format!("This is an app-only token (client credentials): it carries app roles {} and no scp, and {why}.", quoted(roles)))
        .fix("For a user's call, sign in with a delegated flow (authorization code) requesting the API's scope. For a daemon, define an app role (App registrations > your API > App roles), grant it to the client (API permissions > Application permissions, then Grant admin consent), and accept it with RequiredScopeOrAppPermission.")
}

fn role_missing(s: &Subject<'_>, roles: &[String], accepted: &[String]) -> Finding {
    s.at_claim(crate::codes::OidcCode::RoleMissing, "roles", format!("The call accepts the app roles {}, and the token holds {}.", quoted(accepted), if roles.is_empty() { "none".to_owned() } else { quoted(roles) }))
        .fix("App registrations > your API > App roles: define the role; Enterprise applications > the client > Users and groups (for users) or the client's API permissions > Application permissions with admin consent (for apps); then get a new token.")
}

#[cfg(test)]
mod tests {
    use crate::diagnose::model::Outcome;
    use crate::diagnose::testutil::*;

    const TENANT: &str = "72f988bf-86f1-41af-91ab-2d7cd011db47";
    const API: &str = "6e74172b-be56-4843-9ff4-e66a39bb12e3";

    fn target(extra: &str) -> Options {
        opts(&format!(
            r#"{{"now":{NOW},"target":{{"kind":"entraApi","tenantId":"{TENANT}","clientId":"{API}"{extra}}}}}"#
        ))
    }

    fn v2(extra: &str) -> String {
        token(TENANT, API, extra)
    }

    fn token(tenant: &str, aud: &str, extra: &str) -> String {
        jwt(
            r#"{"alg":"RS256","kid":"k","typ":"JWT"}"#,
            &format!(
                r#"{{"iss":"https://login.microsoftonline.com/{tenant}/v2.0","aud":"{aud}","tid":"{tenant}","azp":"web","ver":"2.0","iat":{NOW},"exp":{}{extra}}}"#,
                NOW + 600.0
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
    fn v1_and_v2_tokens_of_the_tenant() {
        assert!(
            failing(&run(&v2(r#","scp":"Orders.Read""#), &target(r#","scopes":["Orders.Read","Orders.Write"]"#)))
                .is_empty()
        );
        let v1 = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://sts.windows.net/{TENANT}/","aud":"api://{API}","appid":"web","ver":"1.0","scp":"Orders.Read","exp":{}}}"#,
                NOW + 600.0
            ),
        );
        assert!(failing(&run(&v1, &target(r#","clients":["web"]"#))).is_empty());
        let custom_uri = jwt(
            r#"{"alg":"RS256","kid":"k"}"#,
            &format!(
                r#"{{"iss":"https://sts.windows.net/{TENANT}/","aud":"api://orders","ver":"1.0","scp":"Orders.Read","exp":{}}}"#,
                NOW + 600.0
            ),
        );
        assert_eq!(failing(&run(&custom_uri, &target(""))), [("aud", Some("ENTRA_AUDIENCE"))]);
        assert!(failing(&run(&custom_uri, &target(r#","audience":"api://orders""#))).is_empty());
    }

    #[test]
    fn app_only_tokens_graph_tokens_and_algorithms() {
        let app = v2(r#","roles":["Orders.Read.All"]"#);
        assert_eq!(
            failing(&run(&app, &target(r#","scopes":["Orders.Read"]"#))),
            [("scope", Some("ENTRA_ROLES_NOT_SCP"))]
        );
        assert!(failing(&run(&app, &target(r#","scopes":["Orders.Read"],"appRoles":["Orders.Read.All"]"#))).is_empty());
        let graph = token(TENANT, "00000003-0000-0000-c000-000000000000", r#","scp":"User.Read""#);
        assert_eq!(failing(&run(&graph, &target(""))), [("aud", Some("ENTRA_GRAPH_TOKEN"))]);
        let hs = jwt(
            r#"{"alg":"HS256"}"#,
            &format!(
                r#"{{"iss":"https://login.microsoftonline.com/{TENANT}/v2.0","aud":"{API}","scp":"x","exp":{}}}"#,
                NOW + 60.0
            ),
        );
        assert_eq!(failing(&run(&hs, &target(""))), [("alg", Some("TARGET_ALG_NOT_ALLOWED"))]);
        let other_tenant = token("00000000-0000-0000-0000-000000000001", API, r#","scp":"x""#);
        assert_eq!(failing(&run(&other_tenant, &target(""))).first().map(|f| f.0), Some("iss"));
    }
}
