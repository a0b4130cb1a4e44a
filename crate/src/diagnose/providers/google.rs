//! Google (Sign in with Google): ID tokens whose issuer is `https://accounts.google.com` or, in some tokens,
//! `accounts.google.com` without the scheme.
//!
//! Facts (public sources): Google Identity documentation, "Authenticate with a backend server" (both issuer forms,
//! RS256, one-hour lifetime, `hd`).

use serde_json::{Map, Value};

use super::spec::{ProviderSpec, Seen};
use crate::diagnose::model::TokenUse;
use crate::diagnose::model::{ProviderDetection, ProviderId};

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "Google",
    ids: &[ProviderId::Google],
    by_issuer,
    alg: Some("RS256"),
    lifetime: |_| Some((3600.0, "Google ID tokens last 1 hour")),
    claims: &[("hd", "The Google Workspace domain of the user.")],
    token_use,
    ..ProviderSpec::BASE
};

fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    (seen.iss == "accounts.google.com" || seen.hostname() == "accounts.google.com")
        .then(|| ProviderDetection::new(ProviderId::Google, "iss is accounts.google.com."))
}

fn token_use(p: &ProviderDetection, _: &Map<String, Value>) -> Option<(TokenUse, String)> {
    Some((TokenUse::Id, format!("{} issues ID tokens as JWTs (its access tokens are opaque).", p.name)))
}
