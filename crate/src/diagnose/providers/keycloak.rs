//! Keycloak: issuers with a `/realms/{realm}` path (before Keycloak 17, `/auth/realms/{realm}`), the requesting
//! client in `azp` rather than `aud`. Its confusions are issuer and audience comparisons, reported by the
//! expectation checks (`KEYCLOAK_AUTH_PREFIX`, `KEYCLOAK_CLIENT_IN_AZP`).
//!
//! Facts (public sources): Keycloak documentation, "Server Administration Guide" (OIDC endpoints, audience
//! mappers) and the Keycloak 17 migration notes (the `/auth` context path removed).

use super::spec::{ProviderSpec, Seen};
use crate::diagnose::model::{ProviderDetection, ProviderId};

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "Keycloak",
    ids: &[ProviderId::Keycloak],
    by_issuer,
    claims: &[
        ("azp", "The client that requested the token (Keycloak's aud often names other services, such as account)."),
        ("realm_access", "The user's realm roles."),
        ("resource_access", "The user's client roles, per client."),
        ("allowed-origins", "Web origins allowed for CORS."),
        ("session_state", "The Keycloak session id."),
        ("typ", "Keycloak's token type: Bearer (access), ID or Refresh."),
    ],
    ..ProviderSpec::BASE
};

fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let segs = seen.segments();
    let pos = segs.iter().position(|s| *s == "realms")?;
    let realm = segs.get(pos + 1)?;
    let mut p = ProviderDetection::new(
        ProviderId::Keycloak,
        format!("iss has a /realms/{realm} path, as Keycloak issuers do."),
    );
    p.realm = Some((*realm).to_owned());
    Some(p)
}
