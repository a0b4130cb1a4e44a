//! `tables()`: every list the surfaces show, declared once in the core — the targets with their settings, the
//! Cognito operations, the algorithms, the providers, the secret encodings and the pattern of a Cognito pool id (the
//! finding codes have their own generated list: `docs/codes.md`, `js/codes.d.ts`). `crate/tests/generated.rs` writes them into `js/generated/tables.js`, which the page's form, the
//! command line's flags and `--help`, and both text views import; the test fails when that file is stale or edited
//! by hand. Nothing here reaches the `.wasm`'s hot paths: it is data for the generator.

use serde::Serialize;
use ts_rs::TS;

use crate::alg::{Algorithm, Family};
use crate::diagnose::TargetForm;
use crate::diagnose::model::ProviderId;
use crate::diagnose::providers::cognito::OPERATIONS;
use crate::diagnose::providers::provider_names;
use crate::diagnose::targets::FORMS;
use crate::issuer::POOL_ID_PATTERN;
use crate::keys::SecretEncoding;

/// Every table the surfaces show.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Tables {
    /// The targets, in the order of the page's picker.
    pub targets: &'static [TargetForm],
    /// The Cognito user-pool operations a user's access token authorizes (suggested for `cognitoApi`).
    pub operations: &'static [&'static str],
    /// The signature algorithms jwtlens verifies and signs, in the order of RFC 7518 (then RFC 8812, RFC 8037).
    pub algorithms: Vec<AlgorithmEntry>,
    /// The providers jwtlens recognises, with their names for people.
    pub providers: Vec<ProviderEntry>,
    /// How an HMAC secret typed as text is read.
    pub secret_encodings: Vec<SecretEncoding>,
    /// A regular expression (JavaScript syntax) for a Cognito user pool id (`us-east-1_AbC123`).
    pub pool_id_pattern: &'static str,
}

/// One algorithm.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AlgorithmEntry {
    /// The registered name (`ES256`).
    pub name: &'static str,
    /// `hmac`, `rsa`, `rsaPss`, `ecdsa` or `eddsa`.
    pub family: &'static str,
    /// True for the HMAC algorithms: a shared secret instead of a key pair.
    pub symmetric: bool,
}

/// One provider.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderEntry {
    /// Its id in results (`TokenDiagnosis.provider.id`).
    pub id: ProviderId,
    /// Its name for people.
    pub name: &'static str,
}

/// The tables.
///
/// ```
/// let t = jwtlens::api::tables();
/// assert!(t.targets.iter().any(|f| f.label.starts_with("API Gateway REST")));
/// assert!(t.algorithms.iter().any(|a| a.name == "ES256K"));
/// ```
#[must_use]
pub fn tables() -> Tables {
    Tables {
        targets: FORMS,
        operations: OPERATIONS,
        algorithms: Algorithm::ALL
            .iter()
            .map(|&a| AlgorithmEntry { name: a.name(), family: family(a), symmetric: a.is_symmetric() })
            .collect(),
        providers: provider_names().into_iter().map(|id| ProviderEntry { id, name: id.name() }).collect(),
        secret_encodings: vec![
            SecretEncoding::Utf8,
            SecretEncoding::Base64,
            SecretEncoding::Base64url,
            SecretEncoding::Hex,
        ],
        pool_id_pattern: POOL_ID_PATTERN,
    }
}

const fn family(a: Algorithm) -> &'static str {
    match a.family() {
        Family::Hmac(_) => "hmac",
        Family::RsaPkcs1(_) => "rsa",
        Family::RsaPss(_) => "rsaPss",
        Family::Ecdsa(..) => "ecdsa",
        Family::Ed25519 => "eddsa",
    }
}
