//! The checks every token gets, with or without a target: time, the caller's expectations, OpenID Connect and
//! RFC 8725/9068, and its provider's (from the provider table); and the comparison of an ID token with the access
//! token pasted with it. Each reports findings only; targets turn some of them into rules.

pub(crate) mod claims;
pub(crate) mod oidc;
pub(crate) mod pair;
pub(crate) mod time;

use super::providers;
use super::subject::{Ctx, Subject};
use crate::finding::Finding;

/// A check of one token.
pub(crate) type Check = fn(&Ctx<'_>, &Subject<'_>, &mut Vec<Finding>);

/// Every check of one token, in the order their findings are reported.
pub(crate) const CHECKS: &[Check] = &[time::check, claims::check, oidc::check, providers::check];
