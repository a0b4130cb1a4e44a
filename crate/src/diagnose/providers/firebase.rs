//! Firebase Authentication: ID tokens from `https://securetoken.google.com/{project}` whose `aud` is the project
//! id; the Auth emulator issues them unsigned.
//!
//! Facts (public sources): Firebase documentation, "Verify ID tokens using a third-party JWT library" (issuer,
//! audience = project id, RS256, one-hour lifetime) and "Connect your app to the Authentication Emulator".

use serde_json::{Map, Value};

use super::spec::{ProviderSpec, Seen};
use crate::decode::token::TokenKind;
use crate::diagnose::model::TokenUse;
use crate::diagnose::model::{ProviderDetection, ProviderId};

pub(super) const SPEC: ProviderSpec = ProviderSpec {
    name: "Firebase Authentication",
    ids: &[ProviderId::Firebase],
    by_issuer,
    alg: Some("RS256"),
    lifetime: |_| Some((3600.0, "Firebase ID tokens last 1 hour")),
    claims: &[("user_id", "The Firebase uid (same as sub).")],
    claims_anywhere: &[("firebase", "Sign-in details: sign_in_provider, identities, tenant.")],
    token_use,
    ..ProviderSpec::BASE
};

fn by_issuer(seen: &Seen<'_>) -> Option<ProviderDetection> {
    let host = seen.hostname();
    if host != "securetoken.google.com" && host != "session.firebase.google.com" {
        return None;
    }
    let mut p = ProviderDetection::new(ProviderId::Firebase, format!("iss is {host}/<project id>."));
    p.project_id = seen.segments().first().map(|s| (*s).to_owned());
    if seen.token.kind == TokenKind::Unsecured {
        p.emulator = true;
        p.evidence.push_str(" Unsigned, as the Firebase Auth emulator issues them.");
    }
    Some(p)
}

fn token_use(p: &ProviderDetection, _: &Map<String, Value>) -> Option<(TokenUse, String)> {
    Some((TokenUse::Id, format!("{} issues ID tokens as JWTs (its access tokens are opaque).", p.name)))
}
