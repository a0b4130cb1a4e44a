//! What a diagnosis says, as types: the token's use, a rule of a target service and its outcome, the service's
//! decision, and everything the diagnosis adds to an inspection.

use serde::Serialize;
use ts_rs::TS;

use crate::codes::Code;
use crate::finding::Part;

/// What a token is for, as far as it can be told from the token alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TokenUse {
    /// An OpenID Connect ID token: who signed in.
    Id,
    /// An OAuth access token: what the bearer may call.
    Access,
    /// A refresh token (Cognito's are encrypted JWEs).
    Refresh,
    /// Cannot be told.
    Unknown,
}

impl TokenUse {
    /// "an ID token", "an access token", … for messages.
    #[must_use]
    pub const fn noun(self) -> &'static str {
        match self {
            Self::Id => "an ID token",
            Self::Access => "an access token",
            Self::Refresh => "a refresh token",
            Self::Unknown => "a token of unknown type",
        }
    }
}

/// What a verification found out about a token's signature. The diagnosis never checks signatures itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SignatureStatus {
    /// Not verified (no key given, or no verification run): signature rules are `unknown`.
    #[default]
    Unchecked,
    /// Verified with a key the caller supplied.
    Valid,
    /// A key matched the signature, but the token as received is not the text that was signed (whitespace inside
    /// it, padding, the standard alphabet): strict verifiers reject it.
    Altered,
    /// Verification failed.
    Invalid,
}

/// What verification found for one token, as the diagnosis reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct SignatureEvidence {
    /// The signature's status.
    pub status: SignatureStatus,
    /// With keys: whether they hold the token's `kid` (`None` without keys, or when the token has no `kid`).
    pub kid_in_keys: Option<bool>,
}

/// The outcome of one rule of a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Outcome {
    /// The token satisfies the rule.
    Pass,
    /// The token breaks the rule: the service rejects it.
    Fail,
    /// jwtlens cannot tell: it needs an input the caller can give (the issuer's keys, an evaluation time, a setting of
    /// the service; the rule's `settle` says which) or the service's behaviour is not documented.
    Unknown,
}

/// The decision a target service would make.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Decision {
    /// Every rule passes.
    Allow,
    /// No rule fails, but at least one depends on what jwtlens cannot see.
    Unknown,
    /// At least one rule fails.
    Deny,
}

/// The service a verdict simulates; the `kind` of its target in the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TargetKind {
    /// A Cognito user-pool API operation (GetUser, …).
    CognitoApi,
    /// An API Gateway REST API method with a `COGNITO_USER_POOLS` authorizer.
    ApiGatewayRest,
    /// An API Gateway HTTP API route with a JWT authorizer.
    ApiGatewayHttp,
    /// An OpenID Connect relying party validating an ID token.
    Oidc,
    /// A resource server (an API) validating a JWT access token (RFC 9068, RFC 7519).
    ResourceServer,
    /// An ASP.NET Core API protected by Microsoft.Identity.Web (Microsoft Entra ID access tokens).
    EntraApi,
    /// A Node API protected by Auth0's express-oauth2-jwt-bearer.
    Auth0Api,
    /// An API validating Okta access tokens with okta-jwt-verifier.
    OktaApi,
    /// An API validating Keycloak access tokens (a realm's issuer, its client, roles and scopes).
    KeycloakApi,
    /// A backend verifying Google ID tokens with google-auth-library's verifyIdToken.
    GoogleIdToken,
    /// A backend verifying Firebase ID tokens with firebase-admin's verifyIdToken.
    FirebaseIdToken,
    /// A backend behind an Application Load Balancer with OIDC authentication, reading `x-amzn-oidc-data`.
    AlbOidc,
    /// An Application Load Balancer listener rule with a JWT-verification action.
    AlbJwt,
}

/// A rule a target applies; its stable id in results ([`RuleId::as_str`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RuleId {
    /// The API operation is authorized by an access token at all.
    Operation,
    /// The token is something the service can read (a signed JWT with JSON claims).
    Format,
    /// The `Authorization` header holds the token and nothing else.
    Header,
    /// The token's issuer is one the service accepts (a Cognito pool, one of the authorizer's pools).
    Issuer,
    /// The signature verifies with the issuer's key.
    Signature,
    /// The token is signed with an algorithm the service supports.
    Alg,
    /// The header's `kid` names a key of the issuer.
    Kid,
    /// `token_use` is the one the service takes.
    TokenUse,
    /// The token type (ID or access) is the one the service takes.
    TokenType,
    /// `iss` is exactly the configured issuer.
    Iss,
    /// `aud` (or `client_id`) is a configured audience.
    Aud,
    /// `azp`, if present, is the client.
    Azp,
    /// Not expired.
    Exp,
    /// Not before `nbf`.
    Nbf,
    /// Issued in the past.
    Iat,
    /// The scopes the service requires.
    Scope,
    /// `aud` matches the authorizer's token-validation regex.
    ValidationExpression,
    /// `nonce` is the one sent.
    Nonce,
    /// `at_hash` matches the access token.
    AtHash,
    /// `typ` is `at+jwt` (RFC 9068).
    Typ,
    /// The roles or permissions the call requires.
    Roles,
    /// The token's client is an allowed one.
    Client,
    /// The claims the token profile requires are present.
    Claims,
    /// The ALB token's `signer` is the load balancer.
    Signer,
    /// `sub` is what the verifier requires.
    Sub,
    /// `auth_time` is in the past.
    AuthTime,
    /// The configured claim conditions hold.
    Conditions,
}

impl RuleId {
    /// Every rule id.
    pub const ALL: &'static [Self] = &[
        Self::Operation,
        Self::Format,
        Self::Header,
        Self::Issuer,
        Self::Signature,
        Self::Alg,
        Self::Kid,
        Self::TokenUse,
        Self::TokenType,
        Self::Iss,
        Self::Aud,
        Self::Azp,
        Self::Exp,
        Self::Nbf,
        Self::Iat,
        Self::Scope,
        Self::ValidationExpression,
        Self::Nonce,
        Self::AtHash,
        Self::Typ,
        Self::Roles,
        Self::Client,
        Self::Claims,
        Self::Signer,
        Self::Sub,
        Self::AuthTime,
        Self::Conditions,
    ];

    /// The stable id, e.g. `"tokenType"`.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Operation => "operation",
            Self::Format => "format",
            Self::Header => "header",
            Self::Issuer => "issuer",
            Self::Signature => "signature",
            Self::Alg => "alg",
            Self::Kid => "kid",
            Self::TokenUse => "tokenUse",
            Self::TokenType => "tokenType",
            Self::Iss => "iss",
            Self::Aud => "aud",
            Self::Azp => "azp",
            Self::Exp => "exp",
            Self::Nbf => "nbf",
            Self::Iat => "iat",
            Self::Scope => "scope",
            Self::ValidationExpression => "validationExpression",
            Self::Nonce => "nonce",
            Self::AtHash => "atHash",
            Self::Typ => "typ",
            Self::Roles => "roles",
            Self::Client => "client",
            Self::Claims => "claims",
            Self::Signer => "signer",
            Self::Sub => "sub",
            Self::AuthTime => "authTime",
            Self::Conditions => "conditions",
        }
    }
}

/// One rule a target applies, with its outcome for this token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Rule {
    /// Stable rule id.
    pub id: RuleId,
    /// What the service checks, in one line.
    pub description: String,
    /// Pass, fail or unknown for this token.
    pub outcome: Outcome,
    /// Why: the values compared, or what is unknown. For a failure, the message of the finding that explains it.
    pub detail: String,
    /// The finding code that explains the outcome, when there is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "FindingCode")]
    pub code: Option<Code>,
    /// For an `unknown` rule that an input of the caller's would decide: which one (the issuer's keys, an evaluation
    /// time, a setting of the service).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub settle: Option<String>,
}

/// What a target service would decide for one token, and the rules that decided it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// Index of the token in `Inspection.tokens`: the one the service takes, when several were pasted.
    pub token: usize,
    /// The target's kind, as in the options.
    pub target: TargetKind,
    /// Allow, deny, or unknown.
    pub decision: Decision,
    /// One line saying what the service would answer and why.
    pub summary: String,
    /// Every rule, in the order the service applies them: the documented order for the HTTP API JWT authorizer and
    /// OIDC Core §3.1.3.7; where AWS documents no order (Cognito's API, the REST authorizer), the order of AWS's own
    /// troubleshooting checklist. All rules are evaluated, not only up to the first failure.
    pub rules: Vec<Rule>,
    /// What no client-side tool can see and the decision assumes: that the token is not revoked, that the service
    /// runs the configuration given, that it is up.
    pub assumptions: Vec<String>,
}

impl Verdict {
    /// The decision of a list of rules: deny when one fails, unknown when one is open, allow otherwise; with a
    /// summary naming the failing rules, or the open ones and what would settle them, or the assumptions.
    #[must_use]
    pub fn decide(
        token: usize,
        target: TargetKind,
        service: &str,
        rejection: &str,
        rules: Vec<Rule>,
        assumptions: Vec<String>,
    ) -> Self {
        let failing: Vec<&str> =
            rules.iter().filter(|r| r.outcome == Outcome::Fail).map(|r| r.description.as_str()).collect();
        let open: Vec<&Rule> = rules.iter().filter(|r| r.outcome == Outcome::Unknown).collect();
        let (decision, summary) = if !failing.is_empty() {
            (
                Decision::Deny,
                format!("{service} would reject this token ({rejection}). Failing rules: {}.", failing.join("; ")),
            )
        } else if !open.is_empty() {
            let ids: Vec<&str> = open.iter().map(|r| r.id.as_str()).collect();
            let mut settle: Vec<&str> = open.iter().filter_map(|r| r.settle.as_deref()).collect();
            settle.dedup();
            let give =
                if settle.is_empty() { String::new() } else { format!(" Give {} to settle it.", settle.join(" and ")) };
            (
                Decision::Unknown,
                format!(
                    "No rule jwtlens can check rejects this token; {service}'s answer still depends on: {}.{give}",
                    ids.join(", ")
                ),
            )
        } else if assumptions.is_empty() {
            (Decision::Allow, format!("{service} would accept this token."))
        } else {
            (Decision::Allow, format!("{service} would accept this token, assuming {}.", assumptions.join(", ")))
        };
        Self { token, target, decision, summary, rules, assumptions }
    }
}

/// The providers jwtlens recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProviderId {
    /// Amazon Cognito user pools.
    Cognito,
    /// Microsoft Entra ID, v1.0 tokens (`https://sts.windows.net/{tenant}/`).
    EntraV1,
    /// Microsoft Entra ID, v2.0 tokens (`https://login.microsoftonline.com/{tenant}/v2.0`).
    EntraV2,
    /// Auth0.
    Auth0,
    /// Okta's org authorization server.
    OktaOrg,
    /// An Okta custom authorization server (`/oauth2/{id}`).
    OktaCustom,
    /// Keycloak (`/realms/{realm}`).
    Keycloak,
    /// Firebase Authentication (`securetoken.google.com`).
    Firebase,
    /// Google accounts (Sign in with Google).
    Google,
    /// AWS Application Load Balancer authentication.
    Alb,
    /// Not recognised.
    Unknown,
}

/// Who issued the token, and what could be read from the issuer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderDetection {
    /// The provider.
    pub id: ProviderId,
    /// Its name for people.
    pub name: &'static str,
    /// What the detection rests on.
    pub evidence: String,
    /// True for a local emulator (localhost issuers, Cognito `local_` pools, Firebase's emulator).
    pub emulator: bool,
    /// AWS region (Cognito, ALB).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub region: Option<String>,
    /// Cognito user pool id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub user_pool_id: Option<String>,
    /// Entra tenant id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub tenant_id: Option<String>,
    /// Keycloak realm.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub realm: Option<String>,
    /// Firebase / Google Cloud project id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub project_id: Option<String>,
    /// Okta custom authorization server id.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub authorization_server: Option<String>,
}

impl ProviderDetection {
    /// A detection of `id` resting on `evidence`, with no details yet.
    pub(crate) fn new(id: ProviderId, evidence: impl Into<String>) -> Self {
        Self {
            id,
            name: id.name(),
            evidence: evidence.into(),
            emulator: false,
            region: None,
            user_pool_id: None,
            tenant_id: None,
            realm: None,
            project_id: None,
            authorization_server: None,
        }
    }

    /// True for Entra v1 or v2.
    #[must_use]
    pub fn is_entra(&self) -> bool {
        matches!(self.id, ProviderId::EntraV1 | ProviderId::EntraV2)
    }

    /// True for both Okta servers.
    #[must_use]
    pub fn is_okta(&self) -> bool {
        matches!(self.id, ProviderId::OktaOrg | ProviderId::OktaCustom)
    }
}

impl ProviderId {
    /// The provider's name for people.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Cognito => "Amazon Cognito",
            Self::EntraV1 => "Microsoft Entra ID (v1.0 token)",
            Self::EntraV2 => "Microsoft Entra ID (v2.0 token)",
            Self::Auth0 => "Auth0",
            Self::OktaOrg => "Okta (org authorization server)",
            Self::OktaCustom => "Okta (custom authorization server)",
            Self::Keycloak => "Keycloak",
            Self::Firebase => "Firebase Authentication",
            Self::Google => "Google",
            Self::Alb => "AWS Application Load Balancer",
            Self::Unknown => "an unrecognised issuer",
        }
    }
}

/// One header parameter or claim present in a token, with its time for people when it is a NumericDate.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CatalogueEntry {
    /// `header` or `payload`.
    pub part: Part,
    /// True for the inner token of a nested JWT.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    #[ts(optional, as = "Option<bool>")]
    pub inner: bool,
    /// The member name; what it means is [`crate::describe_claim`]'s answer (static text stays out of results).
    pub name: String,
    /// For NumericDate claims: the date and its distance from the evaluation time.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub time: Option<TimeInfo>,
}

/// What a header parameter or claim means, and who defines it: [`crate::describe_claim`]'s answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ClaimMeaning {
    /// The specification or provider that defines it; `null` when unknown.
    pub defined_by: Option<&'static str>,
    /// What it means, in one line.
    pub meaning: String,
}

/// A NumericDate, for people.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TimeInfo {
    /// The NumericDate itself, in seconds since the Unix epoch (what surfaces compute with; `iso` is for reading).
    pub seconds: f64,
    /// ISO-8601 UTC, e.g. `2023-11-14T22:13:20Z`.
    pub iso: String,
    /// The distance from the evaluation time in words, e.g. `expired 3 h 12 min ago`; absent without `now`.
    pub relative: Option<String>,
    /// Seconds from the evaluation time to this date (negative: in the past); absent without `now`.
    pub seconds_from_now: Option<f64>,
}

/// The diagnosis of one token.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TokenDiagnosis {
    /// Index of the token in `Inspection.tokens`.
    pub token: usize,
    /// The issuer detected from `iss` and the token's shape.
    pub provider: ProviderDetection,
    /// ID, access, refresh or unknown.
    pub token_use: TokenUse,
    /// What `tokenUse` was told from.
    pub token_use_reason: String,
    /// Every header parameter and claim present, in token order, explained.
    pub catalogue: Vec<CatalogueEntry>,
    /// With a target: its verdict for this token.
    pub verdict: Option<Verdict>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rule_ids_serialize_as_their_stable_strings() {
        for id in RuleId::ALL {
            assert_eq!(serde_json::to_value(id).unwrap(), id.as_str(), "{id:?}");
        }
    }
}

/// How the page and the command line ask for one setting of a target: declared once, beside the target's rules,
/// and written into `js/generated/tables.js` for the surfaces (`crate/tests/generated.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingSpec {
    /// The field of the target object in the options (`providerArns`).
    pub name: &'static str,
    /// The label of the page's field (`User pool ARN(s) of the authorizer`).
    pub label: &'static str,
    /// One line of help, shown under the field and by `--help`.
    pub hint: &'static str,
    /// What the field holds.
    pub kind: SettingKind,
    /// Whether the target cannot judge without it (the page prompts for it, the CLI refuses to go on).
    pub required: bool,
    /// Shown under "Optional settings" on the page.
    pub advanced: bool,
    /// The command line's flag (`--pool-arn`); a list setting's flag is repeatable.
    pub flag: &'static str,
    /// Values to suggest (the Cognito operations); any other value is still accepted.
    pub suggestions: &'static [&'static str],
    /// What the page's field holds before anything is typed (empty: nothing).
    pub initial: &'static str,
}

/// What a setting holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SettingKind {
    /// One string.
    Text,
    /// Several strings (the page splits its field on spaces, commas and line breaks; the flag repeats).
    List,
    /// On or off.
    Switch,
}

/// A target as the surfaces offer it: its kind, its name for people, the short names the command line also takes,
/// and its settings in the order the page shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetForm {
    /// The `kind` of the target object, and the option value of the page's picker.
    pub kind: TargetKind,
    /// The service's name for people (`API Gateway REST API, Cognito authorizer`).
    pub label: &'static str,
    /// Short names `--target` also takes (`rest`).
    pub aliases: &'static [&'static str],
    /// One line saying what is simulated.
    pub summary: &'static str,
    /// Its settings.
    pub settings: &'static [SettingSpec],
}

impl SettingSpec {
    /// A setting with no suggestions, required, not advanced: the common case, for `..SettingSpec::BASE`.
    pub const BASE: Self = Self {
        name: "",
        label: "",
        hint: "",
        kind: SettingKind::Text,
        required: true,
        advanced: false,
        flag: "",
        suggestions: &[],
        initial: "",
    };
}
