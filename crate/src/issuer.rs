//! Issuers: URLs as issuers write them, Amazon Cognito user pools (id, region, ARN, issuer, key set), how an actual
//! issuer differs from an expected one, and where an issuer publishes its keys.
//!
//! A leaf: it knows URL and naming rules, nothing about tokens. The diagnosis reads issuers with it, verification is
//! handed a [`KeysLocation`] from it to word its fixes, and the binding exposes it so the page never re-implements it.
//!
//! Facts (public sources):
//! - A Cognito issuer is `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`, and its key set is at
//!   `<issuer>/.well-known/jwks.json` (Amazon Cognito Developer Guide, "Verifying a JSON Web Token").
//! - A user pool id is `<region>_<id>`; its ARN is `arn:<partition>:cognito-idp:<region>:<account>:userpool/<id>`
//!   (Amazon Cognito API Reference, `UserPoolType`).
//! - Other OpenID providers list their key set at the `jwks_uri` of `<issuer>/.well-known/openid-configuration`
//!   (OpenID Connect Discovery 1.0, §4).

/// A URL split into the parts issuer comparisons need. Not a general URL parser: enough for issuers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'a> {
    /// The scheme, as written (`https`).
    pub scheme: &'a str,
    /// Host, with the port if any, as written.
    pub host: &'a str,
    /// Path including its leading `/`, possibly empty.
    pub path: &'a str,
    /// True when a query or fragment follows.
    pub query_or_fragment: bool,
}

/// Splits `s` into scheme, host and path; `None` when it has no `scheme://`.
#[must_use]
pub fn parse_url(s: &str) -> Option<Url<'_>> {
    let (scheme, rest) = s.split_once("://")?;
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (host, after) = rest.split_at(end);
    let qf = after.find(['?', '#']);
    let path = qf.map_or(after, |i| after.get(..i).unwrap_or(after));
    Some(Url { scheme, host, path, query_or_fragment: qf.is_some() })
}

impl Url<'_> {
    /// The host without a port, lowercase.
    #[must_use]
    pub fn hostname(&self) -> String {
        let h = self
            .host
            .rsplit_once(':')
            .filter(|(_, p)| p.chars().all(|c| c.is_ascii_digit()))
            .map_or(self.host, |(h, _)| h);
        h.to_ascii_lowercase()
    }

    /// Non-empty path segments.
    #[must_use]
    pub fn segments(&self) -> Vec<&str> {
        self.path.split('/').filter(|s| !s.is_empty()).collect()
    }

    /// True for hosts of local emulators and development machines (localhost, LocalStack, Docker's host).
    #[must_use]
    pub fn is_local(&self) -> bool {
        let h = self.hostname();
        matches!(h.as_str(), "localhost" | "127.0.0.1" | "0.0.0.0" | "[::1]" | "host.docker.internal" | "localstack")
            || h.ends_with(".localhost")
            || h.ends_with("localhost.localstack.cloud")
            || h.ends_with(".localstack.cloud")
    }
}

/// Whether `s` is an AWS region name as Cognito pool ids use them (`us-east-1`, `us-gov-west-1`).
#[must_use]
pub fn is_region(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let alpha = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase());
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    match parts.as_slice() {
        [cc, w, n] => cc.len() == 2 && alpha(cc) && alpha(w) && digits(n),
        [cc, "gov", w, n] => cc.len() == 2 && alpha(cc) && alpha(w) && digits(n),
        _ => false,
    }
}

/// [`looks_like_pool_id`] as a JavaScript regular expression, for the surfaces (a unit test holds the two equal).
pub const POOL_ID_PATTERN: &str = "^[A-Za-z0-9-]+_[A-Za-z0-9]+$";

/// Whether `s` looks like a Cognito user pool id: `<region>_<id>` (or an emulator's `local_<id>`).
#[must_use]
pub fn looks_like_pool_id(s: &str) -> bool {
    s.split_once('_').is_some_and(|(prefix, id)| {
        !prefix.is_empty()
            && !id.is_empty()
            && prefix.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
            && id.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

/// A Cognito user pool: its region and id.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CognitoPool {
    /// The AWS region, e.g. `us-east-1`.
    pub region: String,
    /// The pool id, e.g. `us-east-1_AbC123xyz`.
    pub id: String,
}

impl CognitoPool {
    /// A pool from its id; the region is the id's prefix. `None` unless the prefix is a region.
    #[must_use]
    pub fn from_id(id: &str) -> Option<Self> {
        let (region, rest) = id.split_once('_')?;
        (is_region(region) && !rest.is_empty() && rest.chars().all(|c| c.is_ascii_alphanumeric()))
            .then(|| Self { region: region.to_owned(), id: id.to_owned() })
    }

    /// A pool from its ARN (`arn:aws:cognito-idp:<region>:<account>:userpool/<id>`).
    #[must_use]
    pub fn from_arn(arn: &str) -> Option<Self> {
        let parts: Vec<&str> = arn.splitn(6, ':').collect();
        match parts.as_slice() {
            ["arn", partition, "cognito-idp", region, _account, resource] if partition.starts_with("aws") => {
                let pool = resource.strip_prefix("userpool/")?;
                looks_like_pool_id(pool).then(|| Self { region: (*region).to_owned(), id: pool.to_owned() })
            }
            _ => None,
        }
    }

    /// A pool from a Cognito issuer URL; the region is the host's. `Err` says what is wrong with the issuer.
    ///
    /// # Errors
    /// A clause for messages ("the scheme is http, not https") when `iss` is not a Cognito issuer.
    pub fn from_issuer(iss: &str) -> Result<Self, String> {
        let url = parse_url(iss).ok_or_else(|| "it is not a URL".to_owned())?;
        if url.scheme != "https" {
            return Err(format!("the scheme is {}, not https", url.scheme));
        }
        let host = url.hostname();
        let region = host
            .strip_prefix("cognito-idp.")
            .and_then(|h| h.strip_suffix(".amazonaws.com").or_else(|| h.strip_suffix(".amazonaws.com.cn")))
            .ok_or_else(|| format!("the host {host} is not cognito-idp.<region>.amazonaws.com"))?;
        if !is_region(region) {
            return Err(format!("\"{region}\" in the host is not a region"));
        }
        if url.query_or_fragment {
            return Err("it has a query or fragment".to_owned());
        }
        match url.segments().as_slice() {
            [pool] if url.path == format!("/{pool}") && looks_like_pool_id(pool) => {
                Ok(Self { region: region.to_owned(), id: (*pool).to_owned() })
            }
            [pool] if url.path.ends_with('/') => Err(format!("it ends with a slash after the pool id {pool}")),
            [] => Err("the user pool id is missing from the path".to_owned()),
            _ => Err(format!("the path {} is not /<userPoolId>", url.path)),
        }
    }

    /// The region prefix of the pool id, when it is a region (it always is for real pools).
    #[must_use]
    pub fn id_region(&self) -> Option<&str> {
        self.id.split_once('_').map(|(r, _)| r).filter(|r| is_region(r))
    }

    /// The issuer Cognito puts in the pool's tokens. The host for the China partition is not documented;
    /// `amazonaws.com` is what aws-jwt-verify builds.
    #[must_use]
    pub fn issuer(&self) -> String {
        format!("https://cognito-idp.{}.amazonaws.com/{}", self.region, self.id)
    }

    /// Where the pool publishes its signing keys.
    #[must_use]
    pub fn jwks_url(&self) -> String {
        format!("{}/.well-known/jwks.json", self.issuer())
    }
}

/// How an actual issuer differs from an expected one, most specific first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IssuerDiff {
    /// The same text.
    Equal,
    /// Only a trailing slash differs.
    TrailingSlash,
    /// Google's two forms, `accounts.google.com` and `https://accounts.google.com`.
    GoogleForm,
    /// Entra's v1.0 (`sts.windows.net`) and v2.0 (`login.microsoftonline.com`) issuers.
    EntraVersion,
    /// Keycloak's `/auth` path prefix (dropped in Keycloak 17).
    KeycloakAuthPrefix,
    /// Two Cognito user pools.
    CognitoPool {
        /// The pools are in different regions.
        region_differs: bool,
    },
    /// Same path, different scheme or host.
    HostOrScheme,
    /// Anything else.
    Other,
}

/// How `actual` differs from `expected`.
#[must_use]
pub fn issuer_diff(actual: &str, expected: &str) -> IssuerDiff {
    if actual == expected {
        return IssuerDiff::Equal;
    }
    if actual.trim_end_matches('/') == expected.trim_end_matches('/') {
        return IssuerDiff::TrailingSlash;
    }
    let google = ["accounts.google.com", "https://accounts.google.com"];
    if google.contains(&actual) && google.contains(&expected) {
        return IssuerDiff::GoogleForm;
    }
    let (Some(a), Some(e)) = (parse_url(actual), parse_url(expected)) else { return IssuerDiff::Other };
    let entra = |h: &str| h == "sts.windows.net" || h == "login.microsoftonline.com";
    if entra(&a.hostname()) && entra(&e.hostname()) {
        return IssuerDiff::EntraVersion;
    }
    let strip = |p: &str| p.replacen("/auth/realms/", "/realms/", 1);
    if a.path.contains("/realms/") && strip(a.path) == strip(e.path) && a.hostname() == e.hostname() {
        return IssuerDiff::KeycloakAuthPrefix;
    }
    if let (Ok(pa), Ok(pe)) = (CognitoPool::from_issuer(actual), CognitoPool::from_issuer(expected)) {
        return IssuerDiff::CognitoPool { region_differs: pa.region != pe.region };
    }
    if a.path.trim_end_matches('/') == e.path.trim_end_matches('/') {
        return IssuerDiff::HostOrScheme;
    }
    IssuerDiff::Other
}

/// Where an issuer publishes its public keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeysLocation {
    /// A Cognito user pool: its `jwks.json` is at a fixed path.
    Cognito(CognitoPool),
    /// Another https issuer: the `jwks_uri` of its discovery document.
    Discovery {
        /// The issuer, without a trailing slash.
        issuer: String,
    },
}

impl KeysLocation {
    /// The location for an issuer, when it is an https URL.
    #[must_use]
    pub fn of(iss: &str) -> Option<Self> {
        if let Ok(pool) = CognitoPool::from_issuer(iss) {
            return Some(Self::Cognito(pool));
        }
        parse_url(iss)
            .filter(|u| u.scheme == "https" && !u.query_or_fragment)
            .map(|_| Self::Discovery { issuer: iss.trim_end_matches('/').to_owned() })
    }

    /// The discovery document's URL (for Cognito too: pools publish one).
    #[must_use]
    pub fn discovery_url(&self) -> String {
        match self {
            Self::Cognito(pool) => format!("{}/.well-known/openid-configuration", pool.issuer()),
            Self::Discovery { issuer } => format!("{issuer}/.well-known/openid-configuration"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pool_id_pattern_says_what_looks_like_pool_id_says() {
        let re = regex_lite::Regex::new(POOL_ID_PATTERN).unwrap();
        let samples = [
            "us-east-1_AbC123",
            "local_x1",
            "eu-west-2_0",
            "_abc",
            "us-east-1_",
            "us_east_1",
            "us-east-1_ab-c",
            "us-east-1_ab c",
            "",
            "_",
            "a_b",
            "ü_x",
            "us-east-1_Ab\n",
            "x_y_z",
            "us-gov-west-1_Z9",
        ];
        for s in samples {
            assert_eq!(re.is_match(s), looks_like_pool_id(s), "{s:?}");
        }
    }

    #[test]
    fn cognito_pools_from_id_arn_and_issuer() {
        let pool = CognitoPool::from_id("us-east-1_AbC123").unwrap();
        assert_eq!(pool.issuer(), "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123");
        assert_eq!(
            pool.jwks_url(),
            "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json"
        );
        assert_eq!(
            CognitoPool::from_arn("arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123"),
            Some(pool.clone())
        );
        assert_eq!(CognitoPool::from_issuer(&pool.issuer()), Ok(pool));
        assert_eq!(CognitoPool::from_id("local_abc"), None);
        assert_eq!(CognitoPool::from_arn("arn:aws:s3:::bucket"), None);
        assert!(
            CognitoPool::from_issuer("https://cognito-idp.us-east-1.amazonaws.com/us-east-1_A/")
                .unwrap_err()
                .contains("slash")
        );
        let moved = CognitoPool::from_issuer("https://cognito-idp.us-west-2.amazonaws.com/us-east-1_A").unwrap();
        assert_eq!((moved.region.as_str(), moved.id_region()), ("us-west-2", Some("us-east-1")));
        assert!(is_region("us-gov-west-1") && !is_region("local"));
    }

    #[test]
    fn issuer_differences() {
        let cases = [
            ("https://a.example/", "https://a.example", IssuerDiff::TrailingSlash),
            ("accounts.google.com", "https://accounts.google.com", IssuerDiff::GoogleForm),
            ("https://sts.windows.net/t/", "https://login.microsoftonline.com/t/v2.0", IssuerDiff::EntraVersion),
            ("https://sso.example/realms/a", "https://sso.example/auth/realms/a", IssuerDiff::KeycloakAuthPrefix),
            ("http://kc:8080/realms/a", "https://sso.example/realms/a", IssuerDiff::HostOrScheme),
            ("https://a.example", "https://b.example/x", IssuerDiff::Other),
        ];
        for (a, e, want) in cases {
            assert_eq!(issuer_diff(a, e), want, "{a} vs {e}");
        }
        let east = "https://cognito-idp.us-east-1.amazonaws.com/us-east-1_A";
        let west = "https://cognito-idp.us-west-2.amazonaws.com/us-west-2_B";
        assert_eq!(issuer_diff(east, west), IssuerDiff::CognitoPool { region_differs: true });
    }

    #[test]
    fn keys_locations() {
        let cognito = KeysLocation::of("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X").unwrap();
        assert!(matches!(cognito, KeysLocation::Cognito(ref p) if p.id == "eu-west-1_X"));
        let op = KeysLocation::of("https://dev-x.us.auth0.com/").unwrap();
        assert_eq!(op.discovery_url(), "https://dev-x.us.auth0.com/.well-known/openid-configuration");
        assert_eq!(KeysLocation::of("http://localhost:8080/realms/x"), None);
        assert_eq!(KeysLocation::of("not a url"), None);
    }
}
