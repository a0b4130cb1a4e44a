//! What one provider entry holds ([`ProviderSpec`]), and what its detectors see of a token ([`Seen`]).

use serde_json::{Map, Value};

use crate::decode::token::Token;
use crate::diagnose::model::{ProviderDetection, ProviderId, TokenUse};
use crate::diagnose::subject::{Ctx, Subject};
use crate::finding::Finding;
use crate::issuer::Url;

/// A claim or header parameter and what it means, for the catalogue.
pub(crate) type Meaning = (&'static str, &'static str);

/// A token's use, and what it was told from.
pub(crate) type Told = (TokenUse, String);

/// What a detector sees of a token.
pub(crate) struct Seen<'a> {
    /// `iss`, or empty.
    pub iss: &'a str,
    /// `iss` as a URL, when it is one.
    pub url: Option<Url<'a>>,
    /// The token as pasted (its header carries ALB's `signer`).
    pub outer: &'a Token,
    /// The innermost token, whose claims are read.
    pub token: &'a Token,
    pub claims: Option<&'a Map<String, Value>>,
}

impl Seen<'_> {
    pub fn has(&self, claim: &str) -> bool {
        self.claims.is_some_and(|c| c.contains_key(claim))
    }

    pub fn hostname(&self) -> String {
        self.url.as_ref().map(Url::hostname).unwrap_or_default()
    }

    pub fn segments(&self) -> Vec<&str> {
        self.url.as_ref().map(Url::segments).unwrap_or_default()
    }
}

/// One provider: everything jwtlens knows about it, in one place.
pub(crate) struct ProviderSpec {
    /// Who defines the claims below, as the catalogue cites it ("Amazon Cognito").
    pub name: &'static str,
    /// The provider ids this entry detects (Entra and Okta issue two kinds of token).
    pub ids: &'static [ProviderId],
    /// Recognises the provider from its issuer (or, for ALB, the header).
    pub by_issuer: fn(&Seen<'_>) -> Option<ProviderDetection>,
    /// Recognises the provider from the claims' shape, when no issuer matched (custom domains, missing `iss`).
    pub by_shape: fn(&Seen<'_>) -> Option<ProviderDetection>,
    /// The algorithm it always signs with; a token saying another was not issued by it as is.
    pub alg: Option<&'static str>,
    /// The longest lifetime (`exp` − `iat`) it issues for a token type, and where that is documented.
    pub lifetime: fn(TokenUse) -> Option<(f64, &'static str)>,
    /// Header parameters it defines, explained on its tokens.
    pub header: &'static [Meaning],
    /// Claims it defines, explained on its tokens.
    pub claims: &'static [Meaning],
    /// Claims it invented, explained on any token that carries them (`cognito:groups`, `gty`).
    pub claims_anywhere: &'static [Meaning],
    /// Tells ID from access tokens from its own claims, after the registered signals (`token_use`, `typ`, `nonce`,
    /// `scope`) said nothing.
    pub token_use: fn(&ProviderDetection, &Map<String, Value>) -> Option<Told>,
    /// Its classic confusions, checked on its tokens.
    pub check: fn(&Ctx<'_>, &Subject<'_>, &mut Vec<Finding>),
}

impl ProviderSpec {
    /// A provider with no detection by shape, no lifetime, no claims of its own and no checks; entries override.
    pub(crate) const BASE: Self = Self {
        name: "",
        ids: &[],
        by_issuer: |_| None,
        by_shape: |_| None,
        alg: None,
        lifetime: |_| None,
        header: &[],
        claims: &[],
        claims_anywhere: &[],
        token_use: |_, _| None,
        check: |_, _, _| {},
    };
}
