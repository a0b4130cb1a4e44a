//! What every bearer-token verifier checks, as rules over one resolved [`Profile`]: the generic resource server and
//! each provider preset (`entra_api`, `auth0_api`, …) turn their settings into a profile and list these rules, in
//! their middleware's order, beside rules of their own. So "aud contains one of …" is written once, and a preset
//! differs from another only where its middleware does.

use serde_json::Value;

use super::rule::{self, Checked, Judge, RuleSpec, TimePolicy};
use crate::codes::{ClaimCode, OidcCode, ProviderCode};
use crate::decode::token::TokenKind;
use crate::diagnose::checks::claims::{audience_finding, issuer_finding, scope_finding};
use crate::diagnose::checks::oidc::{access_as_id, id_as_access};
use crate::diagnose::checks::time;
use crate::diagnose::model::{Outcome, RuleId, TokenUse};
use crate::diagnose::providers::is_at_jwt;
use crate::diagnose::subject::Subject;
use crate::finding::{Finding, quoted};

/// A verifier's settings, resolved from a target's options.
#[derive(Debug, Clone, Default)]
pub(crate) struct Profile {
    /// The service, in words ("The API (Microsoft.Identity.Web)").
    pub service: String,
    /// The token type it takes.
    pub takes: Option<TokenUse>,
    /// Accepted issuers: `iss` must be one.
    pub issuers: Vec<String>,
    /// Accepted audiences: `aud` must contain one.
    pub audiences: Vec<String>,
    /// Required scopes, from `scope` or `scp`.
    pub scopes: Vec<String>,
    /// One scope is enough (Microsoft.Identity.Web's `[RequiredScope]`), rather than every one.
    pub any_scope: bool,
    /// Required roles or permissions, every one.
    pub roles: Vec<String>,
    /// Allowed clients, compared with the provider's client claim.
    pub clients: Vec<String>,
    /// Whether `typ` must be `at+jwt`.
    pub require_at_jwt: bool,
    /// The algorithms it accepts; empty: any but `none`.
    pub algs: Vec<String>,
    /// A value the preset's own rules compare (Google's Workspace domain, the ALB's ARN, Firebase's project id).
    pub domain: Option<String>,
    /// Claim conditions, each `name=value…` (the ALB's additional claims).
    pub conditions: Vec<String>,
    /// Settings left empty, by their names in the options.
    pub missing: Vec<&'static str>,
    /// What the provider calls things, for the fixes of the shared rules.
    pub console: Console,
}

/// Where in a provider's console (or configuration) each shared setting lives, for fixes in its own terms.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Console {
    /// How to get a token for the API's audience.
    pub audience: &'static str,
    /// How to grant a missing scope.
    pub scope: &'static str,
    /// How to grant a missing role or permission.
    pub role: &'static str,
}

pub(crate) type J<'a> = Judge<'a, Profile>;

/// The non-empty, trimmed entries of an optional list.
pub(crate) fn list(values: Option<&Vec<String>>) -> Vec<String> {
    values.into_iter().flatten().map(|v| v.trim().to_owned()).filter(|v| !v.is_empty()).collect()
}

/// `Some(text)` trimmed, when not blank.
pub(crate) fn text(value: Option<&String>) -> Option<String> {
    value.map(|v| v.trim().to_owned()).filter(|v| !v.is_empty())
}

pub(super) const FORMAT: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Format,
    describe: |_| "The token is a signed JWT".into(),
    check: |j| Some(rule::format(j.s)),
};

pub(super) const ALG: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Alg,
    describe: |p| {
        if p.algs.is_empty() { "alg is not none".into() } else { format!("alg is {}", p.algs.join(" or ")) }
    },
    check: alg,
};

pub(super) const KID: RuleSpec<Profile> =
    RuleSpec { id: RuleId::Kid, describe: |_| "The header names its key (kid)".into(), check: kid };

pub(super) const TYP: RuleSpec<Profile> =
    RuleSpec { id: RuleId::Typ, describe: |_| "typ is at+jwt (RFC 9068 explicit typing)".into(), check: typ };

pub(super) const TOKEN_TYPE: RuleSpec<Profile> = RuleSpec {
    id: RuleId::TokenType,
    describe: |p| match p.takes {
        Some(TokenUse::Id) => "The token is an ID token".into(),
        _ => "The token is an access token".into(),
    },
    check: token_type,
};

pub(super) const ISS: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Iss,
    describe: |p| match p.issuers.as_slice() {
        [one] => format!("iss is exactly \"{one}\""),
        many => format!("iss is one of {}", quoted(many)),
    },
    check: iss,
};

pub(super) const AUD: RuleSpec<Profile> = RuleSpec { id: RuleId::Aud, describe: describe_aud, check: aud };

pub(super) const SIGNATURE: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Signature,
    describe: |_| "Signed with the issuer's key (alg not none)".into(),
    check: |j| {
        Some(if j.s.token.kind == TokenKind::Unsecured {
            Checked::fail("alg none: unsecured.")
        } else {
            rule::signature(j.s)
        })
    },
};

pub(super) const EXP: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Exp,
    describe: |_| "The current time is before exp".into(),
    check: |j| {
        let policy = TimePolicy { absent: (Outcome::Fail, "No exp: the verifier requires it."), skew_known: true };
        Some(rule::time(RuleId::Exp, time::evaluate(j.ctx, j.s).exp, &policy))
    },
};

pub(super) const NBF: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Nbf,
    describe: |_| "nbf, if present, is not in the future".into(),
    check: |j| {
        let policy = TimePolicy { absent: (Outcome::Pass, "No nbf."), skew_known: true };
        Some(rule::time(RuleId::Nbf, time::evaluate(j.ctx, j.s).nbf, &policy))
    },
};

/// `iat` is required and not in the future (ID-token verifiers).
pub(super) const IAT: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Iat,
    describe: |_| "iat is present and not in the future".into(),
    check: |j| {
        let policy = TimePolicy { absent: (Outcome::Fail, "No iat: the verifier requires it."), skew_known: true };
        Some(rule::time(RuleId::Iat, time::evaluate(j.ctx, j.s).iat, &policy))
    },
};

pub(super) const SCOPE: RuleSpec<Profile> = RuleSpec { id: RuleId::Scope, describe: describe_scope, check: scope };

pub(super) const ROLES: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Roles,
    describe: |p| format!("The token holds the roles {}", quoted(&p.roles)),
    check: roles,
};

pub(super) const CLIENT: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Client,
    describe: |p| format!("The token's client is one of {}", quoted(&p.clients)),
    check: client,
};

/// RFC 9068 §2.2's required claims: reported as a warning, never a failure (few verifiers check them all).
pub(super) const RFC9068_CLAIMS: RuleSpec<Profile> = RuleSpec {
    id: RuleId::Claims,
    describe: |_| "The claims RFC 9068 §2.2 requires are present (warned, not enforced)".into(),
    check: rfc9068_claims,
};

fn alg(j: &J<'_>) -> Option<Checked> {
    let alg = j.s.alg().unwrap_or("");
    if j.t.algs.is_empty() || j.t.algs.iter().any(|a| a == alg) {
        return Some(Checked::pass(format!("alg is {alg}.")));
    }
    Some(Checked::fail_with(alg_not_allowed(j.s, alg, &j.t.algs)))
}

fn kid(j: &J<'_>) -> Option<Checked> {
    Some(match j.s.header_str("kid") {
        Some(kid) if !kid.is_empty() => Checked::pass(format!("kid is \"{kid}\".")),
        _ => Checked::fail_with(kid_missing(j.s, &j.t.service)),
    })
}

fn typ(j: &J<'_>) -> Option<Checked> {
    if !j.t.require_at_jwt {
        return None;
    }
    Some(if is_at_jwt(j.s.header) { Checked::pass("typ is at+jwt.") } else { Checked::fail_with(not_at_jwt(j.s)) })
}

fn token_type(j: &J<'_>) -> Option<Checked> {
    let wanted = j.t.takes?;
    if let Some(f) = refresh_token(j.s, &j.t.service) {
        return Some(Checked::fail_with(f));
    }
    Some(match (wanted, j.s.token_use) {
        (a, b) if a == b => Checked::pass("Told from the token."),
        (TokenUse::Access, TokenUse::Id) => Checked::fail_with(id_as_access(j.s, &j.t.service.to_lowercase())),
        (TokenUse::Id, TokenUse::Access) => Checked::fail_with(access_as_id(j.s, &j.t.service.to_lowercase())),
        _ => Checked::unknown("Cannot be told from the token."),
    })
}

fn iss(j: &J<'_>) -> Option<Checked> {
    let Some(first) = j.t.issuers.first() else { return Some(rule::needs("trusted issuer")) };
    Some(match j.s.str_claim("iss") {
        None => Checked::fail_with(
            j.s.at_claim(ClaimCode::IssMissing, "iss", "The token has no iss.")
                .fix("Verifiers reject tokens without iss: send a token from the issuer."),
        ),
        Some(iss) if j.t.issuers.iter().any(|i| i == iss) => Checked::pass("Accepted."),
        Some(iss) => {
            // Compared with the closest accepted issuer, so the message says how they differ.
            let closest = j.t.issuers.iter().find(|i| i.trim_end_matches('/') == iss.trim_end_matches('/'));
            let expected = closest.unwrap_or(first);
            match issuer_finding(j.s, iss, expected, "the issuer the verifier trusts") {
                Some(f) => Checked::fail_with(f),
                None => Checked::pass("Accepted."),
            }
        }
    })
}

fn describe_aud(p: &Profile) -> String {
    match p.audiences.as_slice() {
        [one] => format!("aud contains \"{one}\""),
        many => format!("aud contains one of {}", quoted(many)),
    }
}

/// The finding when `aud` holds none of the profile's audiences (`None`: it holds one).
pub(crate) fn aud_finding(j: &J<'_>) -> Option<Finding> {
    audience_finding(j.s, &j.t.audiences, "the audience").map(|f| match j.t.console.audience {
        "" => f,
        fix => f.fix(fix),
    })
}

fn aud(j: &J<'_>) -> Option<Checked> {
    if j.t.audiences.is_empty() {
        return Some(rule::needs("audience"));
    }
    Some(match aud_finding(j) {
        None => Checked::pass("Present."),
        Some(f) => Checked::fail_with(f),
    })
}

fn describe_scope(p: &Profile) -> String {
    if p.any_scope {
        format!("scp or scope holds one of {}", quoted(&p.scopes))
    } else {
        format!("scope (or scp) holds {}", quoted(&p.scopes))
    }
}

fn scope(j: &J<'_>) -> Option<Checked> {
    if j.t.scopes.is_empty() {
        return None;
    }
    let have = j.s.scopes();
    let missing: Vec<&String> = j.t.scopes.iter().filter(|r| !have.contains(r)).collect();
    let ok = if j.t.any_scope { missing.len() < j.t.scopes.len() } else { missing.is_empty() };
    Some(if ok {
        Checked::pass("Present.")
    } else {
        let f = scope_finding(j.s, &missing, &have);
        Checked::fail_with(match j.t.console.scope {
            "" => f,
            fix => f.fix(fix),
        })
    })
}

/// Every role the token carries: `roles`, Keycloak's realm and client roles (`<client>:<role>` too), Auth0's
/// `permissions`, Cognito's groups.
pub(crate) fn token_roles(s: &Subject<'_>) -> Vec<String> {
    let strings = |v: Option<&Value>| -> Vec<String> {
        match v {
            Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).map(str::to_owned).collect(),
            Some(Value::String(one)) => one.split(' ').filter(|r| !r.is_empty()).map(str::to_owned).collect(),
            _ => Vec::new(),
        }
    };
    let mut out = strings(s.claim("roles"));
    out.extend(strings(s.claim("permissions")));
    out.extend(strings(s.claim("cognito:groups")));
    out.extend(strings(s.claim("realm_access").and_then(|r| r.get("roles"))));
    if let Some(Value::Object(clients)) = s.claim("resource_access") {
        for (client, access) in clients {
            for role in strings(access.get("roles")) {
                out.push(format!("{client}:{role}"));
                out.push(role);
            }
        }
    }
    out
}

fn roles(j: &J<'_>) -> Option<Checked> {
    if j.t.roles.is_empty() {
        return None;
    }
    let have = token_roles(j.s);
    let missing: Vec<&String> = j.t.roles.iter().filter(|r| !have.contains(r)).collect();
    Some(if missing.is_empty() {
        Checked::pass("Present.")
    } else {
        Checked::fail_with(role_missing(j.s, &missing, &have, j.t.console.role))
    })
}

/// The claim the token's provider puts its client in, and its value: `client_id` (RFC 9068, Cognito), `azp`
/// (OIDC, Keycloak, Google, Entra v2.0, Auth0), `cid` (Okta), `appid` (Entra v1.0).
pub(crate) fn client_claim<'a>(s: &'a Subject<'_>) -> Option<(&'static str, &'a str)> {
    ["client_id", "azp", "cid", "appid"].into_iter().find_map(|name| s.str_claim(name).map(|v| (name, v)))
}

fn client(j: &J<'_>) -> Option<Checked> {
    if j.t.clients.is_empty() {
        return None;
    }
    Some(match client_claim(j.s) {
        Some((_, value)) if j.t.clients.iter().any(|c| c == value) => Checked::pass("Allowed."),
        found => Checked::fail_with(client_not_allowed(j.s, found, &j.t.clients)),
    })
}

fn rfc9068_claims(j: &J<'_>) -> Option<Checked> {
    j.s.claims.as_ref()?;
    let missing: Vec<&str> = ["iss", "exp", "aud", "sub", "client_id", "iat", "jti"]
        .into_iter()
        .filter(|c| j.s.claim(c).is_none())
        .collect();
    Some(if missing.is_empty() {
        Checked::pass("All present.")
    } else {
        Checked::pass(format!("Missing {}; verifiers that enforce RFC 9068 reject the token.", quoted(&missing)))
            .note(rfc9068_missing(j.s, &missing))
    })
}

// Wording: the findings of the shared rules.

fn alg_not_allowed(s: &Subject<'_>, alg: &str, allowed: &[String]) -> Finding {
    s.at_header(
        OidcCode::AlgNotAllowed,
        "alg",
        format!("The token is signed with \"{alg}\", and the verifier accepts only {}.", quoted(allowed)),
    )
    .fix("Configure the verifier with the algorithm the issuer signs with (its discovery document lists them), or have the issuer sign with the one the verifier accepts. Never let the token choose.")
}

fn kid_missing(s: &Subject<'_>, service: &str) -> Finding {
    s.at_header(
        OidcCode::KidMissing,
        "kid",
        format!("The header has no kid, which {} needs to pick the issuer's key.", service.to_lowercase()),
    )
    .fix("Tokens from the provider always carry kid: this one was made by hand or altered.")
}

fn not_at_jwt(s: &Subject<'_>) -> Finding {
    s.at_header(OidcCode::TypNotAtJwt, "typ", format!(
        "The verifier requires typ \"at+jwt\" (RFC 9068 explicit typing), and this token's typ is {}.",
        s.header_str("typ").map_or_else(|| "absent".to_owned(), |t| format!("\"{t}\""))
    ))
    .fix("Have the issuer use its RFC 9068 access-token profile (Auth0: APIs > your API > Settings > Token Profile: RFC 9068; Keycloak and others: an option of the client), or stop requiring typ on the API.")
}

/// A refresh token sent as a bearer token (Keycloak's `typ: Refresh`).
pub(crate) fn refresh_token(s: &Subject<'_>, service: &str) -> Option<Finding> {
    (s.str_claim("typ") == Some("Refresh")).then(|| {
        s.at_claim(ProviderCode::KeycloakRefreshToken, "typ", format!("This is a Keycloak refresh token (typ \"Refresh\"), and {} takes an access or ID token.", service.to_lowercase()))
            .fix("Send the access_token of the token response; use the refresh token only at the realm's token endpoint (grant_type=refresh_token) to get new tokens.")
    })
}

fn role_missing(s: &Subject<'_>, missing: &[&String], have: &[String], console: &str) -> Finding {
    let member = ["roles", "permissions", "realm_access", "resource_access"]
        .into_iter()
        .find(|m| s.claim(m).is_some())
        .unwrap_or("roles");
    let held = if have.is_empty() { "no roles".to_owned() } else { format!("only {}", quoted(have)) };
    let fix = if console.is_empty() {
        "Assign the role to the user or client at the issuer, have it put into the access token, and get a new token."
    } else {
        console
    };
    s.at_claim(
        OidcCode::RoleMissing,
        member,
        format!("The call requires the roles {}, and the token holds {held}.", quoted(missing)),
    )
    .fix(fix)
}

fn client_not_allowed(s: &Subject<'_>, found: Option<(&str, &str)>, allowed: &[String]) -> Finding {
    match found {
        Some((name, value)) => s
            .at_claim(OidcCode::ClientNotAllowed, name, format!("The token was issued to the client \"{value}\" ({name}), which is not among the allowed clients {}.", quoted(allowed)))
            .fix("Send a token issued to an allowed client (sign in with that app), or add this client to the API's allowed clients."),
        None => s
            .at_token(OidcCode::ClientNotAllowed, format!("The token names no client (no client_id, azp, cid or appid), and the API allows only {}.", quoted(allowed)))
            .fix("Send an access token of an allowed client; the provider puts the client in client_id, azp, cid or appid."),
    }
}

fn rfc9068_missing(s: &Subject<'_>, missing: &[&str]) -> Finding {
    s.at_claim(OidcCode::Rfc9068ClaimsMissing, missing.first().copied().unwrap_or("jti"), format!(
        "The access token lacks {}, which RFC 9068 §2.2 requires of JWT access tokens; resource servers that enforce the profile reject it.",
        quoted(missing)
    ))
    .fix("Have the issuer use its RFC 9068 token profile, or do not require RFC 9068 on the API.")
}
