//! `describeClaim(name)`: what a header parameter or claim means and who defines it. Inspection results name the
//! members of each token (`TokenDiagnosis.catalogue`); their meanings are static text, looked up here on demand
//! instead of being copied into every result.

use serde::Deserialize;
use ts_rs::TS;

use crate::diagnose::catalogue;
use crate::diagnose::model::{ClaimMeaning, ProviderId};
use crate::finding::Part;

/// Options for [`describe_claim`]. Every field is optional.
#[derive(Debug, Clone, Default, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
#[ts(optional_fields)]
pub struct DescribeOptions {
    /// `header` for a header parameter; default `payload` (a claim).
    pub part: Option<Part>,
    /// The token's provider (`TokenDiagnosis.provider.id`), for its own meaning of a claim. Default: none.
    pub provider: Option<ProviderId>,
}

/// What `name` means.
///
/// ```
/// let meaning = jwtlens::describe_claim("exp", &Default::default());
/// assert_eq!(meaning.defined_by, Some("RFC 7519 (JWT)"));
/// ```
#[must_use]
pub fn describe_claim(name: &str, options: &DescribeOptions) -> ClaimMeaning {
    let part = match options.part {
        Some(Part::Header) => Part::Header,
        _ => Part::Payload,
    };
    catalogue::describe(part, name, options.provider.unwrap_or(ProviderId::Unknown))
}

/// One member of a token to describe with [`describe_claims`].
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct ClaimName {
    /// The member's name.
    pub name: String,
    /// `header` for a header parameter; default `payload` (a claim).
    #[ts(optional)]
    pub part: Option<Part>,
}

/// What each of `names` means, in order: the meanings of a whole token's members in one call (the page shows a
/// token's header parameters and claims with their meanings; one call per member cost one boundary crossing each).
/// `options.part` is the default part of names that give none.
///
/// ```
/// use jwtlens::api::{ClaimName, describe_claims};
/// let names = [ClaimName { name: "exp".into(), part: None }, ClaimName { name: "kid".into(), part: Some(jwtlens::Part::Header) }];
/// let meanings = describe_claims(&names, &Default::default());
/// assert_eq!(meanings[1].defined_by, Some("RFC 7515 (JWS)"));
/// ```
#[must_use]
pub fn describe_claims(names: &[ClaimName], options: &DescribeOptions) -> Vec<ClaimMeaning> {
    names
        .iter()
        .map(|n| {
            describe_claim(&n.name, &DescribeOptions { part: n.part.or(options.part), provider: options.provider })
        })
        .collect()
}
