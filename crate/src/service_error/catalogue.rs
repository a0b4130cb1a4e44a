//! The catalogue of service error messages, as data: who emits each message, its patterns, what it means for the
//! token and the finding codes that decide the same fact. `docs/errors.md` is generated from [`ENTRIES`]
//! (`crate/tests/service_errors.rs` checks it), and every entry has a real sample in a realistic envelope in
//! `tests/cases/service-errors.json`, run through `inspect`.
//!
//! Meanings and fixes are written once per [`Fact`]; an entry adds a `note` only for what its emitter's message
//! tells beyond the fact (the module stays small: the page's decoder module carries this table).

use super::{Entry, Fact, Source};
use crate::codes::{ClaimCode, Code, CognitoCode, OidcCode, PasteCode, TimeCode, TokenCode, VerifyCode};

const T_EXPIRED: Code = Code::Time(TimeCode::Expired);
const T_NBF: Code = Code::Time(TimeCode::NotYetValid);
const T_IAT: Code = Code::Time(TimeCode::IssuedInFuture);
const T_NO_EXP: Code = Code::Time(TimeCode::NoExp);
const AUD: Code = Code::Claim(ClaimCode::AudMismatch);
const AUD_MISSING: Code = Code::Claim(ClaimCode::AudMissing);
const ISS: Code = Code::Claim(ClaimCode::IssMismatch);
const ISS_MISSING: Code = Code::Claim(ClaimCode::IssMissing);
const SCOPE: Code = Code::Claim(ClaimCode::ScopeMissing);
const SIG: Code = Code::Verify(VerifyCode::Mismatch);
const KID: Code = Code::Verify(VerifyCode::KidNotFound);
const NO_KEY: Code = Code::Verify(VerifyCode::NoKey);
const ALG: Code = Code::Verify(VerifyCode::AlgNotAllowed);
const NOT_JWT: Code = Code::Token(TokenCode::NotJwt);
const SEGMENTS: Code = Code::Token(TokenCode::SegmentCount);
const UNSECURED: Code = Code::Token(TokenCode::Unsecured);
const SEVERAL: Code = Code::Paste(PasteCode::SeveralTokens);
const ID_AS_ACCESS: Code = Code::Oidc(OidcCode::IdTokenAsAccess);
const COGNITO_ID: Code = Code::Cognito(CognitoCode::IdTokenForApi);
const COGNITO_CLIENT: Code = Code::Cognito(CognitoCode::ClientIdMismatch);
const COGNITO_SCOPE: Code = Code::Cognito(CognitoCode::AdminScopeMissing);
const COGNITO_NO_AUD: Code = Code::Cognito(CognitoCode::AccessTokenNoAud);
const AZP: Code = Code::Oidc(OidcCode::AzpMismatch);

/// The finding codes that usually decide a fact.
#[must_use]
pub const fn fact_findings(fact: Fact) -> &'static [Code] {
    match fact {
        Fact::Expired | Fact::TooOld => &[T_EXPIRED],
        Fact::NotYetValid => &[T_NBF],
        Fact::IssuedInFuture => &[T_IAT],
        Fact::NotActive => &[T_EXPIRED, T_NBF],
        Fact::NoExpiry => &[T_NO_EXP],
        Fact::Audience => &[AUD],
        Fact::AudienceMissing => &[AUD_MISSING],
        Fact::Issuer => &[ISS],
        Fact::IssuerMissing => &[ISS_MISSING],
        Fact::Signature => &[SIG],
        Fact::KeyNotFound | Fact::NoKid => &[KID],
        Fact::NoKeys => &[NO_KEY],
        Fact::Algorithm => &[ALG],
        Fact::Malformed => &[NOT_JWT, SEGMENTS],
        Fact::Unsecured => &[UNSECURED],
        Fact::Scope => &[SCOPE],
        Fact::TokenType => &[ID_AS_ACCESS, COGNITO_ID],
        Fact::Client => &[COGNITO_CLIENT, AZP],
        Fact::Request => &[SEVERAL],
        Fact::Claim
        | Fact::Revoked
        | Fact::NoToken
        | Fact::Rejected
        | Fact::DpopProof
        | Fact::DpopNonce
        | Fact::Config
        | Fact::Grant => &[],
    }
}

/// What a fact means, in plain words.
#[must_use]
pub const fn fact_meaning(fact: Fact) -> &'static str {
    match fact {
        Fact::Expired => "The service says the token has expired: its `exp` is in the past at the service's clock.",
        Fact::NotYetValid => {
            "The service says the token is not valid yet: its `nbf` is in the future at the service's clock."
        }
        Fact::IssuedInFuture => {
            "The service says the token was issued in the future: its `iat` is ahead of the service's clock."
        }
        Fact::NotActive => "The service says the token is not active: expired (`exp`) or not yet valid (`nbf`).",
        Fact::TooOld => "The service says the token is older than it accepts (`iat` too far in the past).",
        Fact::NoExpiry => "The service requires an `exp` claim and the token has none.",
        Fact::Audience => "The service says the token's audience (`aud`) is not one it is configured to accept.",
        Fact::AudienceMissing => "The service expects an audience and the token has no `aud` claim.",
        Fact::Issuer => "The service says the token's issuer (`iss`) is not the one it trusts.",
        Fact::IssuerMissing => "The service expects an issuer and the token has no `iss` claim.",
        Fact::Signature => "The service found a key but the signature does not verify with it.",
        Fact::KeyNotFound => "The service has no key with the token's key id (`kid`).",
        Fact::NoKid => "The service needs a key id and the token's header has no `kid`.",
        Fact::NoKeys => "The service has no keys to verify with: its issuer metadata or secret is not loaded.",
        Fact::Algorithm => "The service does not accept the token's signing algorithm (`alg`).",
        Fact::Malformed => "The service could not read the token: wrong number of segments, bad base64url or JSON.",
        Fact::Unsecured => "The service refuses an unsecured token (`alg: none`).",
        Fact::Scope => "The token is valid but lacks a scope the service requires.",
        Fact::TokenType => {
            "The service got the wrong kind of token: an ID token where an access token is expected, or the reverse."
        }
        Fact::Client => "The token was issued to another app client than the one the service expects.",
        Fact::Claim => "A claim the service checks is missing or has the wrong value.",
        Fact::Revoked => {
            "The service says the token was revoked (sign-out, revocation, password change): nothing in the token shows it."
        }
        Fact::NoToken => "The service received no usable token in the request.",
        Fact::Rejected => "The service rejected the token without saying why.",
        Fact::DpopProof => {
            "The DPoP proof sent with the token is missing or wrong (RFC 9449); the access token itself may be fine."
        }
        Fact::DpopNonce => "The service asks for a DPoP nonce (RFC 9449): not a defect, retry with the nonce it sent.",
        Fact::Request => "The request was malformed: the token sent more than one way, or more than one token.",
        Fact::Config => "Not a token problem: the service's configuration, route or network decides this.",
        Fact::Grant => "Obtaining a token failed at the identity provider.",
    }
}

/// What to do about a fact, in plain words.
#[must_use]
pub const fn fact_fix(fact: Fact) -> &'static str {
    match fact {
        Fact::Expired | Fact::NotActive | Fact::TooOld => {
            "Get a fresh token (refresh it); if a fresh token fails too, compare the service's clock with the token's times."
        }
        Fact::NotYetValid | Fact::IssuedInFuture => {
            "Synchronise the clocks of the issuer and the service (NTP), or allow a small clock skew."
        }
        Fact::NoExpiry => "Issue tokens with an `exp` claim.",
        Fact::Audience | Fact::AudienceMissing => {
            "Request the token for the service's audience (resource, API identifier), or configure the service to accept the token's `aud`."
        }
        Fact::Issuer | Fact::IssuerMissing => {
            "Configure the service with the token's issuer exactly as the `iss` claim spells it (scheme, host, path, trailing slash), or get the token from the issuer it trusts."
        }
        Fact::Signature => {
            "Verify with the issuer's current key; the token may be altered or signed by another issuer or secret."
        }
        Fact::KeyNotFound | Fact::NoKid | Fact::NoKeys => {
            "Point the service at the key set of the token's issuer (its `jwks_uri`) and let it refresh; a token from another tenant, environment or issuer has a `kid` it does not know."
        }
        Fact::Algorithm => {
            "Sign with an algorithm the service accepts, or add the token's `alg` to the service's allowed algorithms."
        }
        Fact::Malformed => {
            "Send the token exactly as issued: one line, no quotes, the `Bearer ` prefix once, three dot-separated parts."
        }
        Fact::Unsecured => "Never accept or send unsecured tokens: sign the token.",
        Fact::Scope => "Request the token with the scope the service requires (and allow that scope for the client).",
        Fact::TokenType => "Send the access token to APIs and the ID token to your own app only.",
        Fact::Client => {
            "Use a token issued to the client the service expects, or add this client to the service's allowed clients."
        }
        Fact::Claim => "Issue the claim the service checks with the value it expects, or change the service's rule.",
        Fact::Revoked => "Sign in again to get new tokens.",
        Fact::NoToken => {
            "Send `Authorization: Bearer <token>`; check that no proxy, CORS preflight or header name drops it."
        }
        Fact::Rejected => {
            "Read the service's logs for the reason; the token's own findings below say what a strict verifier rejects."
        }
        Fact::DpopProof => {
            "Send a fresh DPoP proof signed with the key bound to the token (`cnf.jkt`), with `htm`, `htu`, `iat` and `ath` of this request."
        }
        Fact::DpopNonce => "Retry with the `DPoP-Nonce` response header's value as the proof's `nonce` claim.",
        Fact::Request => "Send the token once, in the Authorization header only.",
        Fact::Config => "Check the service's configuration and the request's URL, method and API key.",
        Fact::Grant => "Fix the app registration, consent or grant the message names, then request the token again.",
    }
}

macro_rules! sources {
    ($($name:ident = ($label:literal, $link:literal),)+) => {
        $(
            #[doc = concat!("Messages of ", $label, ".")]
            pub const $name: Source = Source { name: $label, link: $link };
        )+
    };
}

sources! {
    RFC6750 = ("OAuth 2.0 Bearer (RFC 6750)", "https://www.rfc-editor.org/rfc/rfc6750#section-3.1"),
    RFC6749 = ("OAuth 2.0 (RFC 6749)", "https://www.rfc-editor.org/rfc/rfc6749#section-5.2"),
    RFC9449 = ("OAuth 2.0 DPoP (RFC 9449)", "https://www.rfc-editor.org/rfc/rfc9449#section-7.1"),
    IDENTITY_MODEL = ("Microsoft IdentityModel", "https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/blob/dev/src/Microsoft.IdentityModel.Tokens/LogMessages.cs"),
    JWT_BEARER = ("ASP.NET Core JwtBearer", "https://github.com/dotnet/aspnetcore/blob/main/src/Security/Authentication/JwtBearer/src/JwtBearerHandler.cs"),
    ENTRA = ("Microsoft Entra ID", "https://learn.microsoft.com/entra/identity-platform/reference-error-codes"),
    COGNITO = ("Amazon Cognito", "https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/CommonErrors.html"),
    API_GATEWAY = ("Amazon API Gateway", "https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-troubleshooting-jwt.html"),
    ALB = ("AWS Application Load Balancer", "https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html"),
    AWS_JWT_VERIFY = ("aws-jwt-verify", "https://github.com/awslabs/aws-jwt-verify/blob/main/src/error.ts"),
    SPRING = ("Spring Security", "https://github.com/spring-projects/spring-security/blob/main/oauth2/oauth2-jose/src/main/java/org/springframework/security/oauth2/jwt/JwtTimestampValidator.java"),
    NIMBUS = ("Nimbus JOSE+JWT", "https://bitbucket.org/connect2id/nimbus-jose-jwt/src/master/src/main/java/com/nimbusds/jwt/proc/DefaultJWTProcessor.java"),
    JSONWEBTOKEN = ("jsonwebtoken", "https://github.com/auth0/node-jsonwebtoken/blob/master/verify.js"),
    JOSE = ("jose", "https://github.com/panva/jose/blob/main/src/util/errors.ts"),
    PYJWT = ("PyJWT", "https://github.com/jpadilla/pyjwt/blob/master/jwt/api_jwt.py"),
    EXPRESS_JWT = ("express-jwt", "https://github.com/auth0/express-jwt/blob/master/src/index.ts"),
    JWKS_RSA = ("jwks-rsa", "https://github.com/auth0/node-jwks-rsa/blob/master/src/errors/SigningKeyNotFoundError.js"),
    AUTH0_BEARER = ("express-oauth2-jwt-bearer", "https://github.com/auth0/node-oauth2-jwt-bearer/blob/main/packages/oauth2-bearer/src/errors.ts"),
    OKTA = ("Okta JWT verifier", "https://github.com/okta/okta-jwt-verifier-js/blob/master/lib.js"),
    OKTA_API = ("Okta API", "https://developer.okta.com/docs/reference/error-codes/"),
    GOOGLE = ("Google auth library", "https://github.com/googleapis/google-auth-library-nodejs/blob/main/src/auth/oauth2client.ts"),
    FIREBASE = ("Firebase Admin SDK", "https://github.com/firebase/firebase-admin-node/blob/master/src/auth/token-verifier.ts"),
    KEYCLOAK = ("Keycloak", "https://github.com/keycloak/keycloak/blob/main/core/src/main/java/org/keycloak/TokenVerifier.java"),
    ENVOY = ("Envoy jwt_authn (also Istio)", "https://github.com/google/jwt_verify_lib/blob/master/src/status.cc"),
    ENVOY_RBAC = ("Envoy RBAC (also Istio)", "https://www.envoyproxy.io/docs/envoy/latest/configuration/http/http_filters/rbac_filter"),
    KONG = ("Kong jwt plugin", "https://github.com/Kong/kong/blob/master/kong/plugins/jwt/handler.lua"),
    GOLANG_JWT = ("golang-jwt", "https://github.com/golang-jwt/jwt/blob/main/errors.go"),
    GO_OIDC = ("go-oidc", "https://github.com/coreos/go-oidc/blob/v3/oidc/verify.go"),
    JJWT = ("JJWT", "https://github.com/jwtk/jjwt/blob/master/impl/src/main/java/io/jsonwebtoken/impl/DefaultJwtParser.java"),
    JAVA_JWT = ("Auth0 java-jwt", "https://github.com/auth0/java-jwt/blob/master/lib/src/main/java/com/auth0/jwt/JWTVerifier.java"),
    RUBY_JWT = ("ruby-jwt", "https://github.com/jwt/ruby-jwt/blob/main/lib/jwt/claims"),
    PHP_JWT = ("firebase/php-jwt", "https://github.com/firebase/php-jwt/blob/main/src/JWT.php"),
    RUST_JWT = ("jsonwebtoken (Rust)", "https://github.com/Keats/jsonwebtoken/blob/master/src/errors.rs"),
    HASURA = ("Hasura", "https://hasura.io/docs/latest/auth/authentication/jwt/"),
    POSTGREST = ("PostgREST (also Supabase)", "https://postgrest.org/en/stable/references/errors.html"),
    FLASK_JWT = ("Flask-JWT-Extended", "https://github.com/vimalloc/flask-jwt-extended/blob/master/flask_jwt_extended/default_callbacks.py"),
    SIMPLEJWT = ("djangorestframework-simplejwt", "https://github.com/jazzband/djangorestframework-simplejwt/blob/master/rest_framework_simplejwt/exceptions.py"),
    APIM = ("Azure API Management validate-jwt", "https://learn.microsoft.com/azure/api-management/validate-jwt-policy"),
}

/// A catalogue entry from its id, source, fact and patterns; the rest from [`Entry::BASE`].
macro_rules! entry {
    ($id:literal, $source:ident, $code:expr, $fact:ident, [$($p:literal),+ $(,)?] $(, $field:ident: $value:expr)* $(,)?) => {
        Entry { id: $id, source: &$source, code: $code, fact: Fact::$fact, patterns: &[$($p),+] $(, $field: $value)*, ..Entry::BASE }
    };
}

const ENVOY_MARKS: &[&str] = &["envoy", "istio", "jwt_authn", "realm=\"http"];
const AWS_MARKS: &[&str] = &["x-amzn-", "apigw-requestid", "x-amz-apigw-id", "execute-api", "x-amz-cf-id"];
const KONG_MARKS: &[&str] = &["kong", "x-kong-"];
const OKTA_MARKS: &[&str] = &["okta", "njwt", "jwtparseerror"];
const PY_MARKS: &[&str] = &["jwt.exceptions", "pyjwt", "site-packages/jwt", "traceback"];
const AJV_MARKS: &[&str] = &["aws-jwt-verify", "jwtinvalidsignatureerror", "cognitojwtverifier"];

/// Every message, in the order the docs list them. Same wordings are adjacent; the first of them is the default
/// when no marker of the envelope decides.
pub const ENTRIES: &[Entry] = &[
    // RFC 6750 / RFC 9449 challenges.
    entry!("RFC-INVALID-TOKEN", RFC6750, Some("invalid_token"), Rejected, ["error=\"invalid_token\"", "error=invalid_token"], generic: true, params: true, note: "It is the generic code for an expired, revoked, malformed or otherwise invalid token; the `error_description`, when present, says which."),
    entry!("RFC-INVALID-TOKEN-JSON", RFC6750, Some("invalid_token"), Rejected, ["invalid_token"], whole: true, key: Some("error"), generic: true),
    entry!("RFC-INSUFFICIENT-SCOPE", RFC6750, Some("insufficient_scope"), Scope, ["error=\"insufficient_scope\""], generic: true, params: true),
    entry!("RFC-INVALID-REQUEST", RFC6750, Some("invalid_request"), Request, ["error=\"invalid_request\""], generic: true, params: true),
    entry!("DPOP-INVALID-PROOF", RFC9449, Some("invalid_dpop_proof"), DpopProof, ["error=\"invalid_dpop_proof\""], generic: true, params: true),
    entry!("DPOP-USE-NONCE", RFC9449, Some("use_dpop_nonce"), DpopNonce, ["error=\"use_dpop_nonce\"", "\"error\":\"use_dpop_nonce\""], params: true),
    // Microsoft IdentityModel.
    entry!("MS-IDX10223", IDENTITY_MODEL, Some("IDX10223"), Expired, ["IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): '{exp}', Current time (UTC): '{now}'", "IDX10223: Lifetime validation failed. The token is expired. ValidTo: '{exp}', Current time: '{now}'", "IDX10223: {detail}"], note: "IdentityModel allows 5 minutes of clock skew by default."),
    entry!(
        "MS-IDX10222",
        IDENTITY_MODEL,
        Some("IDX10222"),
        NotYetValid,
        [
            "IDX10222: Lifetime validation failed. The token is not yet valid. ValidFrom (UTC): '{nbf}', Current time (UTC): '{now}'",
            "IDX10222: {detail}"
        ]
    ),
    entry!("MS-IDX10225", IDENTITY_MODEL, Some("IDX10225"), NoExpiry, ["IDX10225: {detail}"]),
    entry!("MS-IDX10214", IDENTITY_MODEL, Some("IDX10214"), Audience, ["IDX10214: Audience validation failed. Audiences: '{aud}'. Did not match: validationParameters.ValidAudience: '{expected}' or", "IDX10214: {detail}"], note: "With Entra ID, often a v1 token (App ID URI `api://…`) where the v2 client id is configured, an ID token sent to the API, or a Microsoft Graph token."),
    entry!(
        "MS-IDX10215",
        IDENTITY_MODEL,
        Some("IDX10215"),
        Audience,
        [
            "IDX10215: Audience validation failed. Audiences: '{aud}'. Did not match: validationParameters.ValidAudiences: '{expected}'",
            "IDX10215: {detail}"
        ]
    ),
    entry!("MS-IDX10206", IDENTITY_MODEL, Some("IDX10206"), AudienceMissing, ["IDX10206: {detail}"]),
    entry!("MS-IDX10208", IDENTITY_MODEL, Some("IDX10208"), Config, ["IDX10208: {detail}"], note: "No audience is configured: set `ValidAudience` to the token's `aud`."),
    entry!("MS-IDX10205", IDENTITY_MODEL, Some("IDX10205"), Issuer, ["IDX10205: Issuer validation failed. Issuer: '{iss}'. Did not match: validationParameters.ValidIssuer: '{expected}' or", "IDX10205: {detail}"], note: "With Entra ID, v1 tokens have `https://sts.windows.net/{tenant}/` and v2 tokens `https://login.microsoftonline.com/{tenant}/v2.0`."),
    entry!("MS-IDX10211", IDENTITY_MODEL, Some("IDX10211"), IssuerMissing, ["IDX10211: {detail}"]),
    entry!("MS-IDX10204", IDENTITY_MODEL, Some("IDX10204"), Config, ["IDX10204: {detail}"], note: "No issuer is configured: set `ValidIssuer` (or `Authority`) to the token's `iss`."),
    entry!("MS-IDX10500", IDENTITY_MODEL, Some("IDX10500"), NoKeys, ["IDX10500: {detail}"]),
    entry!(
        "MS-IDX10501",
        IDENTITY_MODEL,
        Some("IDX10501"),
        KeyNotFound,
        [
            "IDX10501: Signature validation failed. Unable to match key: \nkid: '{kid}'",
            "IDX10501: Signature validation failed. Unable to match key: kid: '{kid}'",
            "IDX10501: {detail}"
        ]
    ),
    entry!("MS-IDX10503", IDENTITY_MODEL, Some("IDX10503"), KeyNotFound, ["IDX10503: Signature validation failed. The token's kid is: '{kid}', but did not match any keys", "IDX10503: {detail}"], note: "Before IdentityModel 7, IDX10503 meant the token has no `kid` and no key verified it."),
    entry!("MS-IDX10517", IDENTITY_MODEL, Some("IDX10517"), NoKid, ["IDX10517: {detail}"]),
    entry!("MS-IDX10511", IDENTITY_MODEL, Some("IDX10511"), Signature, ["IDX10511: {detail}"], note: "A Microsoft Graph access token (with a `nonce` header) never verifies outside Graph."),
    entry!("MS-IDX10504", IDENTITY_MODEL, Some("IDX10504"), Unsecured, ["IDX10504: {detail}"]),
    entry!("MS-IDX10508", IDENTITY_MODEL, Some("IDX10508"), Malformed, ["IDX10508: {detail}"]),
    entry!("MS-IDX10518", IDENTITY_MODEL, Some("IDX10518"), Algorithm, ["IDX10518: {detail}"]),
    entry!("MS-IDX10230", IDENTITY_MODEL, Some("IDX10230"), Rejected, ["IDX10230: {detail}"], note: "A custom lifetime validator returned false."),
    entry!("MS-IDX10256", IDENTITY_MODEL, Some("IDX10256"), TokenType, ["IDX10256: {detail}"]),
    entry!("MS-IDX10257", IDENTITY_MODEL, Some("IDX10257"), TokenType, ["IDX10257: {detail}"]),
    entry!("MS-IDX14100", IDENTITY_MODEL, Some("IDX14100"), Malformed, ["IDX14100: {detail}"], note: "No dots at all: an opaque token, an authorization code or an empty value."),
    entry!("MS-IDX14120", IDENTITY_MODEL, Some("IDX14120"), Malformed, ["IDX14120: {detail}"]),
    entry!("MS-IDX12741", IDENTITY_MODEL, Some("IDX12741"), Malformed, ["IDX12741: {detail}"]),
    entry!("MS-IDX12709", IDENTITY_MODEL, Some("IDX12709"), Malformed, ["IDX12709: {detail}"]),
    entry!("MS-IDX", IDENTITY_MODEL, Some("IDX{code}"), Rejected, ["IDX{code}: {detail}"], generic: true),
    // ASP.NET Core JwtBearer error_description texts.
    entry!("ASP-EXPIRED", JWT_BEARER, None, Expired, ["The token expired at '{exp}'", "The token is expired"]),
    entry!(
        "ASP-NOT-BEFORE",
        JWT_BEARER,
        None,
        NotYetValid,
        ["The token is not valid before '{nbf}'", "The token is not valid yet"]
    ),
    entry!("ASP-AUDIENCE", JWT_BEARER, None, Audience, ["The audience '{aud}' is invalid", "The audience is invalid"]),
    entry!("ASP-ISSUER", JWT_BEARER, None, Issuer, ["The issuer '{iss}' is invalid", "The issuer is invalid"]),
    entry!("ASP-NO-EXP", JWT_BEARER, None, NoExpiry, ["The token has no expiration"]),
    entry!("ASP-SIGKEY", JWT_BEARER, None, KeyNotFound, ["The signature key was not found"], note: "Often the `Authority` or metadata address is wrong or unreachable, so the keys were never loaded."),
    entry!("ASP-SIG", JWT_BEARER, None, Signature, ["The signature is invalid"]),
    // Entra ID token endpoint.
    entry!("AAD-50013", ENTRA, Some("AADSTS50013"), Grant, ["AADSTS50013: {detail}"], note: "The assertion (on-behalf-of or jwt-bearer) is invalid: its issuer does not match the API version, it expired, or it is malformed.", findings: &[T_EXPIRED, ISS, AUD]),
    entry!("AAD-500133", ENTRA, Some("AADSTS500133"), Expired, ["AADSTS500133: {detail}"], note: "The assertion sent to the token endpoint (on-behalf-of) has expired."),
    entry!("AAD-50027", ENTRA, Some("AADSTS50027"), Claim, ["AADSTS50027: {detail}"], note: "The JWT presented is invalid: a missing or unexpected claim, outside its time range, or a bad signature."),
    entry!("AAD-700016", ENTRA, Some("AADSTS700016"), Grant, ["AADSTS700016: {detail}"], note: "No app with that client id in the tenant: a wrong client id or tenant in the authority URL."),
    entry!("AAD-65001", ENTRA, Some("AADSTS65001"), Grant, ["AADSTS65001: {detail}"], note: "The user or an admin has not consented to the app's permissions."),
    entry!("AAD-500011", ENTRA, Some("AADSTS500011"), Grant, ["AADSTS500011: {detail}"], note: "The resource (scope or App ID URI) the token was requested for does not exist in the tenant; it would be the token's `aud`."),
    entry!("AAD-50173", ENTRA, Some("AADSTS50173"), Revoked, ["AADSTS50173: {detail}"], note: "The grant was revoked (a password change or an admin revoked sessions)."),
    entry!("AAD-700082", ENTRA, Some("AADSTS700082"), Expired, ["AADSTS700082: {detail}"], note: "The refresh token expired from inactivity (an opaque token: nothing to compare).", findings: &[]),
    entry!("AAD-90002", ENTRA, Some("AADSTS90002"), Grant, ["AADSTS90002: {detail}"], note: "The tenant in the authority URL was not found: a typo in the tenant id or domain."),
    entry!("AAD-7000215", ENTRA, Some("AADSTS7000215"), Grant, ["AADSTS7000215: {detail}"], note: "The client secret is wrong (often the secret's id pasted instead of its value)."),
    entry!("AAD-70011", ENTRA, Some("AADSTS70011"), Scope, ["AADSTS70011: {detail}"], note: "The requested scope is invalid (two resources in one request, or a missing `/.default`)."),
    entry!("AAD", ENTRA, Some("AADSTS{code}"), Grant, ["AADSTS{code}: {detail}"], generic: true),
    // Amazon Cognito, API Gateway, ALB.
    entry!("COG-EXPIRED", COGNITO, Some("NotAuthorizedException"), Expired, ["Access Token has expired"]),
    entry!("COG-REVOKED", COGNITO, Some("NotAuthorizedException"), Revoked, ["Access Token has been revoked"], note: "After GlobalSignOut, AdminUserGlobalSignOut or RevokeToken every token of the session stays signed and unexpired but is refused."),
    entry!("COG-SCOPES", COGNITO, Some("NotAuthorizedException"), Scope, ["Access Token does not have required scopes"], note: "User-pool operations such as GetUser need `aws.cognito.signin.user.admin`.", findings: &[COGNITO_SCOPE, SCOPE]),
    entry!("COG-INVALID-ACCESS", COGNITO, Some("NotAuthorizedException"), TokenType, ["Invalid Access Token"], note: "Not an access token of this user pool: an ID token, or a token of another pool or region.", findings: &[COGNITO_ID, Code::Cognito(CognitoCode::PoolMismatch)]),
    entry!(
        "COG-INVALID-ID",
        COGNITO,
        Some("NotAuthorizedException"),
        Rejected,
        ["Invalid ID token", "Invalid id token"]
    ),
    entry!("COG-IDP-AUD", COGNITO, Some("NotAuthorizedException"), AudienceMissing, ["Invalid login token. Missing a required claim: aud"], note: "An identity pool needs the ID token; access tokens have no `aud`.", findings: &[COGNITO_NO_AUD]),
    entry!(
        "COG-IDP-EXPIRED",
        COGNITO,
        Some("NotAuthorizedException"),
        Expired,
        ["Invalid login token. Token expired: {exp} >= {now}"]
    ),
    entry!(
        "COG-IDP-NOT-COGNITO",
        COGNITO,
        Some("NotAuthorizedException"),
        Issuer,
        ["Invalid login token. Not a Cognito token"]
    ),
    entry!("APIGW-REST-EXPIRED", API_GATEWAY, None, Expired, ["The incoming token has expired"]),
    entry!("APIGW-UNAUTHORIZED", API_GATEWAY, None, Rejected, ["Unauthorized"], whole: true, key: Some("message"), markers: AWS_MARKS, note: "A REST Cognito authorizer wants an ID token when the method has no scopes and an access token with one of them when it has; an HTTP API JWT authorizer checks `iss`, `aud` or `client_id`, `exp` and scopes."),
    entry!("KONG-UNAUTHORIZED", KONG, None, NoToken, ["Unauthorized"], whole: true, key: Some("message"), markers: KONG_MARKS, note: "Kong's jwt plugin found no token in the query, cookies or Authorization header."),
    entry!("APIGW-FORBIDDEN", API_GATEWAY, None, Config, ["Forbidden"], whole: true, key: Some("message"), note: "A 403 from API Gateway: an API key, a resource policy or WAF; the token may be fine."),
    entry!("APIGW-MISSING-AUTH", API_GATEWAY, None, Config, ["Missing Authentication Token"], note: "No such resource or method (or the route uses IAM): check the URL and stage, not the token."),
    entry!("APIGW-HTTP-AUD", API_GATEWAY, None, Audience, ["the token does not have a valid audience"], note: "An HTTP API JWT authorizer compares `aud`, or `client_id` when there is no `aud`.", findings: &[AUD, Code::ApiGateway(crate::codes::ApiGatewayCode::HttpAudienceMismatch)]),
    entry!("APIGW-HTTP-EXPIRED", API_GATEWAY, None, Expired, ["the token has expired"], whole: true),
    entry!("APIGW-HTTP-ISSUER", API_GATEWAY, None, Issuer, ["the token does not have a valid issuer"]),
    entry!(
        "APIGW-HTTP-SCOPE",
        API_GATEWAY,
        None,
        Scope,
        ["the token does not have the required scopes", "the token does not have a valid scope"]
    ),
    entry!("APIGW-HTTP-BEARER", API_GATEWAY, None, Malformed, ["tokenstring should not contain 'bearer '"]),
    entry!("ALB-401", ALB, None, Config, ["HTTP 401: Unauthorized"], whole: true, note: "The load balancer's OIDC action failed: issuer, endpoints or client id and secret differ between the ALB and the identity provider."),
    // aws-jwt-verify.
    entry!("AJV-EXPIRED", AWS_JWT_VERIFY, Some("JwtExpiredError"), Expired, ["Token expired at {exp}"]),
    entry!("AJV-NBF", AWS_JWT_VERIFY, Some("JwtNotBeforeError"), NotYetValid, ["Token can't be used before {nbf}"]),
    entry!(
        "AJV-TOKEN-USE",
        AWS_JWT_VERIFY,
        Some("JwtInvalidClaimError"),
        TokenType,
        ["Token use not allowed: {actual}. Expected: {expected}"]
    ),
    entry!(
        "AJV-CLIENT-ID",
        AWS_JWT_VERIFY,
        Some("JwtInvalidClaimError"),
        Client,
        [
            "Client ID (\"audience\") not allowed: {actual}. Expected: {expected}",
            "Client ID not allowed: {actual}. Expected: {expected}",
            "Client ID (\"audience\") not allowed: {actual}. Expected one of: {expected}",
            "Client ID not allowed: {actual}. Expected one of: {expected}"
        ]
    ),
    entry!(
        "AJV-ISSUER",
        AWS_JWT_VERIFY,
        Some("JwtInvalidIssuerError"),
        Issuer,
        ["Issuer not allowed: {iss}. Expected: {expected}", "Issuer not allowed: {iss}. Expected one of: {expected}"]
    ),
    entry!(
        "AJV-AUDIENCE",
        AWS_JWT_VERIFY,
        Some("JwtInvalidAudienceError"),
        Audience,
        [
            "Audience not allowed: {aud}. Expected: {expected}",
            "Audience not allowed: {aud}. Expected one of: {expected}"
        ]
    ),
    entry!(
        "AJV-SCOPE",
        AWS_JWT_VERIFY,
        Some("JwtInvalidScopeError"),
        Scope,
        ["Scope not allowed: {actual}. Expected: {scope}", "Scope not allowed: {actual}. Expected one of: {scope}"]
    ),
    entry!("AJV-MISSING-SCOPE", AWS_JWT_VERIFY, Some("JwtInvalidScopeError"), Scope, ["Missing Scope. Expected: {scope}", "Missing Scope. Expected one of: {scope}"], note: "An ID token has no scope: an access token was expected."),
    entry!(
        "AJV-KID",
        AWS_JWT_VERIFY,
        Some("KidNotFoundInJwksError"),
        KeyNotFound,
        ["JWK for kid \"{kid}\" not found in the JWKS", "JWK for kid {kid} not found in the JWKS"]
    ),
    entry!("AJV-SIG", AWS_JWT_VERIFY, Some("JwtInvalidSignatureError"), Signature, ["Invalid signature"], whole: true, markers: AJV_MARKS),
    entry!("KONG-SIG", KONG, None, Signature, ["Invalid signature"], whole: true, key: Some("message"), markers: KONG_MARKS),
    entry!(
        "AJV-PARTS",
        AWS_JWT_VERIFY,
        Some("JwtParseError"),
        Malformed,
        ["JWT string does not consist of exactly 3 parts (header, payload, signature)"]
    ),
    // Spring Security and Nimbus.
    entry!("SPR-EXPIRED", SPRING, Some("invalid_token"), Expired, ["Jwt expired at {exp}"], note: "Spring allows 60 seconds of clock skew by default."),
    entry!("SPR-NBF", SPRING, Some("invalid_token"), NotYetValid, ["Jwt used before {nbf}"]),
    entry!("SPR-ISS", SPRING, Some("invalid_token"), Issuer, ["The iss claim is not valid"], note: "Spring compares `iss` with `issuer-uri` exactly: localhost vs a container's host name, http vs https, a trailing slash."),
    entry!("SPR-AUD", SPRING, Some("invalid_token"), Audience, ["The aud claim is not valid"]),
    entry!("SPR-CLAIM", SPRING, Some("invalid_token"), Claim, ["The {claim} claim is not valid"]),
    entry!("NIM-NO-KEY", NIMBUS, Some("invalid_token"), KeyNotFound, ["Signed JWT rejected: Another algorithm expected, or no matching key(s) found"], note: "Either the header's `alg` is not accepted (Spring Boot accepts RS256 only unless `jws-algorithms` is set) or no key has the token's `kid`.", findings: &[ALG, KID]),
    entry!("NIM-BAD-SIG", NIMBUS, Some("invalid_token"), Signature, ["Signed JWT rejected: Invalid signature"]),
    entry!(
        "NIM-NO-DOT",
        NIMBUS,
        Some("invalid_token"),
        Malformed,
        ["Invalid JWT serialization: Missing dot delimiter(s)"]
    ),
    entry!("SPR-NONE", SPRING, Some("invalid_token"), Unsecured, ["Unsupported algorithm of none"]),
    entry!(
        "SPR-INSUFFICIENT",
        SPRING,
        Some("insufficient_scope"),
        Scope,
        ["The request requires higher privileges than provided by the access token"]
    ),
    entry!("NIM-EXPIRED", NIMBUS, None, Expired, ["Expired JWT"], whole: true),
    entry!("NIM-AUD", NIMBUS, None, Audience, ["JWT audience rejected: [{aud}]"]),
    entry!("NIM-ISS", NIMBUS, None, Issuer, ["JWT iss claim has value {iss}, must be {expected}"]),
    // jsonwebtoken (Node) and express-jwt.
    entry!("JSW-EXPIRED", JSONWEBTOKEN, Some("TokenExpiredError"), Expired, ["TokenExpiredError: jwt expired", "jwt expired"], whole: true),
    entry!(
        "JSW-EXPIRED-NAMED",
        JSONWEBTOKEN,
        Some("TokenExpiredError"),
        Expired,
        ["\"name\":\"TokenExpiredError\",\"message\":\"jwt expired\",\"expiredAt\":\"{exp}\""]
    ),
    entry!("JSW-NOT-ACTIVE", JSONWEBTOKEN, Some("NotBeforeError"), NotYetValid, ["NotBeforeError: jwt not active", "jwt not active"], whole: true),
    entry!("JSW-BAD-SIG", JSONWEBTOKEN, Some("JsonWebTokenError"), Signature, ["JsonWebTokenError: invalid signature", "invalid signature"], whole: true, note: "With HS256, often a secret read as text where the issuer used its base64 bytes, or the reverse."),
    entry!("JSW-MALFORMED", JSONWEBTOKEN, Some("JsonWebTokenError"), Malformed, ["JsonWebTokenError: jwt malformed", "jwt malformed"], whole: true),
    entry!("JSW-INVALID-TOKEN", JSONWEBTOKEN, Some("JsonWebTokenError"), Malformed, ["JsonWebTokenError: invalid token"], whole: true),
    entry!("JSW-BAD-ALG", JSONWEBTOKEN, Some("JsonWebTokenError"), Algorithm, ["JsonWebTokenError: invalid algorithm", "invalid algorithm"], whole: true),
    entry!(
        "JSW-AUD",
        JSONWEBTOKEN,
        Some("JsonWebTokenError"),
        Audience,
        ["jwt audience invalid. expected: {expected}"]
    ),
    entry!("JSW-ISS", JSONWEBTOKEN, Some("JsonWebTokenError"), Issuer, ["jwt issuer invalid. expected: {expected}"]),
    entry!("JSW-SUB", JSONWEBTOKEN, Some("JsonWebTokenError"), Claim, ["jwt subject invalid. expected: {expected}"]),
    entry!("JSW-MUST-PROVIDE", JSONWEBTOKEN, Some("JsonWebTokenError"), NoToken, ["jwt must be provided"]),
    entry!("JSW-NEED-ASYM", JSONWEBTOKEN, Some("JsonWebTokenError"), Algorithm, ["secretOrPublicKey must be an asymmetric key when using {alg}"], findings: &[Code::Verify(VerifyCode::AlgConfusion)]),
    entry!("EXJ-NO-TOKEN", EXPRESS_JWT, Some("credentials_required"), NoToken, ["No authorization token was found"]),
    entry!("EXJ-FORMAT", EXPRESS_JWT, Some("credentials_bad_format"), Malformed, ["Format is Authorization: Bearer [token]"], findings: &[Code::Paste(PasteCode::BearerDoubled)]),
    entry!(
        "JWKSRSA-KID",
        JWKS_RSA,
        Some("SigningKeyNotFoundError"),
        KeyNotFound,
        ["Unable to find a signing key that matches '{kid}'"]
    ),
    // jose.
    entry!(
        "JOSE-EXPIRED",
        JOSE,
        Some("ERR_JWT_EXPIRED"),
        Expired,
        ["\"exp\" claim timestamp check failed", "\\\"exp\\\" claim timestamp check failed"]
    ),
    entry!(
        "JOSE-NBF",
        JOSE,
        Some("ERR_JWT_CLAIM_VALIDATION_FAILED"),
        NotYetValid,
        ["\"nbf\" claim timestamp check failed", "\\\"nbf\\\" claim timestamp check failed"]
    ),
    entry!(
        "JOSE-IAT",
        JOSE,
        Some("ERR_JWT_CLAIM_VALIDATION_FAILED"),
        IssuedInFuture,
        ["\"iat\" claim timestamp check failed (it should be in the past)"]
    ),
    entry!(
        "JOSE-AUD",
        JOSE,
        Some("ERR_JWT_CLAIM_VALIDATION_FAILED"),
        Audience,
        ["unexpected \"aud\" claim value", "unexpected \\\"aud\\\" claim value"]
    ),
    entry!(
        "JOSE-ISS",
        JOSE,
        Some("ERR_JWT_CLAIM_VALIDATION_FAILED"),
        Issuer,
        ["unexpected \"iss\" claim value", "unexpected \\\"iss\\\" claim value"]
    ),
    entry!(
        "JOSE-MISSING",
        JOSE,
        Some("ERR_JWT_CLAIM_VALIDATION_FAILED"),
        Claim,
        ["missing required \"{claim}\" claim"]
    ),
    entry!(
        "JOSE-SIG",
        JOSE,
        Some("ERR_JWS_SIGNATURE_VERIFICATION_FAILED"),
        Signature,
        ["ERR_JWS_SIGNATURE_VERIFICATION_FAILED", "JWSSignatureVerificationFailed: signature verification failed"]
    ),
    entry!(
        "JOSE-NO-KEY",
        JOSE,
        Some("ERR_JWKS_NO_MATCHING_KEY"),
        KeyNotFound,
        ["no applicable key found in the JSON Web Key Set", "ERR_JWKS_NO_MATCHING_KEY"]
    ),
    entry!(
        "JOSE-ALG",
        JOSE,
        Some("ERR_JOSE_ALG_NOT_ALLOWED"),
        Algorithm,
        ["\"alg\" (Algorithm) Header Parameter value not allowed", "ERR_JOSE_ALG_NOT_ALLOWED"]
    ),
    entry!("JOSE-COMPACT", JOSE, Some("ERR_JWS_INVALID"), Malformed, ["Invalid Compact JWS"]),
    // PyJWT.
    entry!("PY-EXPIRED", PYJWT, Some("ExpiredSignatureError"), Expired, ["ExpiredSignatureError: Signature has expired", "Signature has expired"], whole: true, markers: PY_MARKS, note: "Despite the name it is `exp`, not the signature."),
    entry!("RUBY-EXPIRED", RUBY_JWT, Some("JWT::ExpiredSignature"), Expired, ["Signature has expired"], whole: true, markers: &["jwt::", ".rb:"]),
    entry!("PY-NBF", PYJWT, Some("ImmatureSignatureError"), NotYetValid, ["The token is not yet valid (nbf)"]),
    entry!("PY-IAT", PYJWT, Some("ImmatureSignatureError"), IssuedInFuture, ["The token is not yet valid (iat)"]),
    entry!("PY-AUD", PYJWT, Some("InvalidAudienceError"), Audience, ["InvalidAudienceError: Audience doesn't match", "Audience doesn't match"], whole: true),
    entry!("PY-AUD-INVALID", PYJWT, Some("InvalidAudienceError"), Audience, ["InvalidAudienceError: Invalid audience", "Invalid audience"], whole: true),
    entry!("PY-ISS", PYJWT, Some("InvalidIssuerError"), Issuer, ["InvalidIssuerError: Invalid issuer", "Invalid issuer"], whole: true),
    entry!("PY-SIG", PYJWT, Some("InvalidSignatureError"), Signature, ["InvalidSignatureError: Signature verification failed", "Signature verification failed"], whole: true, markers: PY_MARKS),
    entry!("OKTA-SIG", OKTA, None, Signature, ["Signature verification failed"], whole: true, markers: OKTA_MARKS),
    entry!("PY-SEGMENTS", PYJWT, Some("DecodeError"), Malformed, ["Not enough segments"], whole: true),
    entry!("PY-MISSING", PYJWT, Some("MissingRequiredClaimError"), Claim, ["Token is missing the \"{claim}\" claim"]),
    entry!(
        "PY-JWKS-KID",
        PYJWT,
        Some("PyJWKClientError"),
        KeyNotFound,
        ["Unable to find a signing key that matches: \"{kid}\""]
    ),
    entry!("PY-ALG", PYJWT, Some("InvalidAlgorithmError"), Algorithm, ["The specified alg value is not allowed"]),
    // Auth0 express-oauth2-jwt-bearer (jose's messages with quotes replaced, and its DPoP checks).
    entry!("AOB-EXPIRED", AUTH0_BEARER, Some("invalid_token"), Expired, ["'exp' claim timestamp check failed"]),
    entry!("AOB-NBF", AUTH0_BEARER, Some("invalid_token"), NotYetValid, ["'nbf' claim timestamp check failed"]),
    entry!("AOB-UNEXPECTED-AUD", AUTH0_BEARER, Some("invalid_token"), Audience, ["Unexpected 'aud' value"]),
    entry!("AOB-UNEXPECTED-ISS", AUTH0_BEARER, Some("invalid_token"), Issuer, ["Unexpected 'iss' value"]),
    entry!("AOB-UNEXPECTED", AUTH0_BEARER, Some("invalid_token"), Claim, ["Unexpected '{claim}' value"]),
    entry!(
        "AOB-INSUFFICIENT",
        AUTH0_BEARER,
        Some("insufficient_scope"),
        Scope,
        [
            "error=\"insufficient_scope\", error_description=\"Insufficient Scope\", scope=\"{scope}\"",
            "Insufficient Scope"
        ]
    ),
    entry!("AOB-NO-KEY", AUTH0_BEARER, Some("invalid_token"), KeyNotFound, ["no applicable key found in the JSON Web Key Set"], whole: true, markers: &["realm=\"api\""]),
    entry!(
        "AOB-DPOP-SCHEME",
        AUTH0_BEARER,
        Some("invalid_request"),
        DpopProof,
        ["DPoP proof requires the DPoP authentication scheme, not Bearer"]
    ),
    entry!(
        "AOB-DPOP-NO-JKT",
        AUTH0_BEARER,
        Some("invalid_token"),
        DpopProof,
        ["JWT Access Token has no jkt confirmation claim"]
    ),
    entry!(
        "AOB-DPOP-CNF",
        AUTH0_BEARER,
        Some("invalid_dpop_proof"),
        DpopProof,
        ["JWT Access Token confirmation mismatch"]
    ),
    entry!(
        "AOB-DPOP-HTU",
        AUTH0_BEARER,
        Some("invalid_dpop_proof"),
        DpopProof,
        ["DPoP Proof htu mismatch", "DPoP Proof htm mismatch"]
    ),
    entry!(
        "AOB-DPOP-ATH",
        AUTH0_BEARER,
        Some("invalid_dpop_proof"),
        DpopProof,
        ["DPoP Proof \"ath\" mismatch", "DPoP Proof 'ath' mismatch"]
    ),
    entry!(
        "AOB-DPOP-IAT",
        AUTH0_BEARER,
        Some("invalid_dpop_proof"),
        DpopProof,
        ["DPoP proof \"iat\" is outside the acceptable range", "DPoP proof 'iat' is outside the acceptable range"]
    ),
    entry!(
        "AOB-MULTIPLE",
        AUTH0_BEARER,
        Some("invalid_request"),
        Request,
        ["More than one method used for authentication"]
    ),
    // Okta.
    entry!("ENVOY-EXPIRED", ENVOY, None, Expired, ["Jwt is expired"], whole: true, markers: ENVOY_MARKS),
    entry!("OKTA-EXPIRED", OKTA, Some("JwtParseError"), Expired, ["Jwt is expired"], whole: true, markers: OKTA_MARKS),
    entry!(
        "OKTA-AUD",
        OKTA,
        None,
        Audience,
        [
            "audience claim {aud} does not match one of the expected audiences: {expected}",
            "audience claim {aud} does not match expected audience: {expected}"
        ]
    ),
    entry!("OKTA-CLIENT", OKTA, None, Client, ["audience claim {aud} does not match expected client id: {expected}"]),
    entry!("OKTA-ISS", OKTA, None, Issuer, ["issuer {iss} does not match expected issuer: {expected}"]),
    entry!("OKTA-PARSE", OKTA, Some("JwtParseError"), Malformed, ["Jwt cannot be parsed"], note: "Tokens of Okta's org authorization server are meant to be opaque."),
    entry!("OKTA-E0000011", OKTA_API, Some("E0000011"), Rejected, ["E0000011"], note: "Okta's API refused the token: expired, revoked, or issued by another authorization server."),
    // Google and Firebase.
    entry!("GGL-TOO-LATE", GOOGLE, None, Expired, ["Token used too late, {now} > {exp}: {payload}", "Token used too late, {now} > {exp}"], note: "Google allows 300 seconds of clock skew."),
    entry!("GGL-TOO-EARLY", GOOGLE, None, IssuedInFuture, ["Token used too early, {now} < {iat}"]),
    entry!("GGL-WRONG-RECIPIENT", GOOGLE, None, Audience, ["Wrong recipient, payload audience != requiredAudience"], note: "The ID token's `aud` is not your OAuth client id."),
    entry!("GGL-ISSUER", GOOGLE, None, Issuer, ["Invalid issuer, expected one of [{expected}], but got {iss}"]),
    entry!("GGL-SIG", GOOGLE, None, Signature, ["Invalid token signature: {token}"]),
    entry!("GGL-NO-PEM", GOOGLE, None, KeyNotFound, ["No pem found for envelope: {header}"], note: "The `kid` is not among Google's current certificates: an old token, or not a Google token."),
    entry!("GGL-PY-AUD", GOOGLE, None, Audience, ["Token has wrong audience {aud}, expected one of {expected}"]),
    entry!("FB-EXPIRED", FIREBASE, Some("auth/id-token-expired"), Expired, ["Firebase ID token has expired", "Firebase session cookie has expired"], note: "Firebase ID tokens last one hour."),
    entry!("FB-AUD", FIREBASE, Some("auth/argument-error"), Audience, ["Firebase ID token has incorrect \"aud\" (audience) claim. Expected \"{expected}\" but got \"{aud}\"", "Firebase ID token has incorrect \"aud\" (audience) claim"], note: "The token belongs to another Firebase project.", findings: &[AUD, Code::Provider(crate::codes::ProviderCode::FirebaseAudience)]),
    entry!(
        "FB-ISS",
        FIREBASE,
        Some("auth/argument-error"),
        Issuer,
        ["Firebase ID token has incorrect \"iss\" (issuer) claim. Expected \"{expected}\" but got \"{iss}\""]
    ),
    entry!("FB-NO-KID", FIREBASE, Some("auth/argument-error"), NoKid, ["Firebase ID token has no \"kid\" claim"], note: "Not an ID token issued by Firebase Authentication (a custom token, or another issuer's)."),
    entry!(
        "FB-KID",
        FIREBASE,
        Some("auth/argument-error"),
        KeyNotFound,
        ["Firebase ID token has \"kid\" claim which does not correspond to a known public key"]
    ),
    entry!("FB-SIG", FIREBASE, Some("auth/argument-error"), Signature, ["Firebase ID token has invalid signature"]),
    entry!(
        "FB-REVOKED",
        FIREBASE,
        Some("auth/id-token-revoked"),
        Revoked,
        ["The Firebase ID token has been revoked", "Firebase ID token has been revoked"]
    ),
    // Keycloak.
    entry!("KC-NOT-ACTIVE", KEYCLOAK, None, NotActive, ["Token is not active"]),
    entry!("KC-ISSUER", KEYCLOAK, None, Issuer, ["Invalid token issuer. Expected '{expected}', but was '{iss}'", "Invalid token issuer. Expected '{expected}'"], note: "Keycloak's issuer is the realm URL as the browser saw it: host name, port, proxy, http vs https, the `/auth` prefix before version 17."),
    entry!("KC-AUD", KEYCLOAK, None, Audience, ["Expected audience not available in the token"], note: "Add an audience mapper for the client; Keycloak puts the client in `azp`, not `aud`."),
    entry!("KC-TYPE", KEYCLOAK, None, TokenType, ["Token type is incorrect. Expected '{expected}' but was '{actual}'"]),
    entry!("KC-VERIFY", KEYCLOAK, None, Rejected, ["Token verification failed"]),
    entry!("OAUTH-INVALID-GRANT", RFC6749, Some("invalid_grant"), Grant, ["invalid_grant"], whole: true, key: Some("error"), generic: true, note: "The token endpoint refused the grant (refresh token, code, assertion, password): an expired or revoked session, a reused code, wrong credentials (Keycloak answers `Session not active` or `Token is not active`)."),
    // Envoy jwt_authn (also Istio), Envoy RBAC.
    entry!("ENVOY-NOT-YET", ENVOY, None, NotYetValid, ["Jwt not yet valid"], whole: true),
    entry!("ENVOY-VERIFY", ENVOY, None, Signature, ["Jwt verification fails"], whole: true),
    entry!("ENVOY-KID", ENVOY, None, KeyNotFound, ["Jwks doesn't have key to match kid or alg from Jwt"], note: "The `kid` or `alg` is not in the provider's `remote_jwks`/`local_jwks`: another issuer, or a stale key set."),
    entry!("ENVOY-AUD", ENVOY, None, Audience, ["Audiences in Jwt are not allowed"], note: "Envoy answers 403 for this one."),
    entry!("ENVOY-ISSUER", ENVOY, None, Issuer, ["Jwt issuer is not configured"], note: "No provider has the token's `iss` as its `issuer`."),
    entry!("ENVOY-MISSING", ENVOY, None, NoToken, ["Jwt is missing"], whole: true),
    entry!(
        "ENVOY-FORMAT",
        ENVOY,
        None,
        Malformed,
        [
            "Jwt is not in the form of Header.Payload.Signature",
            "Jwt header is an invalid",
            "Jwt payload is an invalid",
            "Jwt signature is an invalid"
        ]
    ),
    entry!("ENVOY-JWKS-FETCH", ENVOY, None, NoKeys, ["Jwks remote fetch is failed"]),
    entry!("ENVOY-RC-EXPIRED", ENVOY, None, Expired, ["jwt_authn_access_denied{{Jwt_is_expired}"]),
    entry!("ENVOY-RC-VERIFY", ENVOY, None, Signature, ["jwt_authn_access_denied{{Jwt_verification_fails}"]),
    entry!(
        "ENVOY-RC-KID",
        ENVOY,
        None,
        KeyNotFound,
        ["jwt_authn_access_denied{{Jwks_doesn't_have_key_to_match_kid_or_alg_from_Jwt}"]
    ),
    entry!("ENVOY-RC-AUD", ENVOY, None, Audience, ["jwt_authn_access_denied{{Audiences_in_Jwt_are_not_allowed}"]),
    entry!("ENVOY-RC-ISSUER", ENVOY, None, Issuer, ["jwt_authn_access_denied{{Jwt_issuer_is_not_configured}"]),
    entry!("ENVOY-RC-MISSING", ENVOY, None, NoToken, ["jwt_authn_access_denied{{Jwt_is_missing}"]),
    entry!("ENVOY-RC", ENVOY, None, Rejected, ["jwt_authn_access_denied{{{reason}}"], generic: true, note: "An access-log detail: the reason is the filter's message with spaces as underscores."),
    entry!("ENVOY-RBAC", ENVOY_RBAC, None, Claim, ["RBAC: access denied"], note: "An authorization policy refused the request after authentication: a required claim, principal or `requestPrincipals` did not match, or no token was required and none was sent."),
    // Kong jwt plugin.
    entry!("KONG-BAD-TOKEN", KONG, None, Malformed, ["Bad token; {detail}"]),
    entry!("KONG-NO-CREDENTIALS", KONG, None, Issuer, ["No credentials found for given '{claim}'"], note: "No Kong consumer has a JWT credential whose key equals the token's `iss` (or the configured `key_claim_name`)."),
    entry!("KONG-NO-KEY-CLAIM", KONG, None, Claim, ["No mandatory '{claim}' in claims"]),
    entry!("KONG-ALG", KONG, None, Algorithm, ["Invalid algorithm"], whole: true, key: Some("message")),
    entry!("KONG-MULTIPLE", KONG, None, Request, ["Multiple tokens provided"]),
    entry!("KONG-EXP", KONG, None, Expired, ["token expired"], whole: true, key: Some("exp")),
    entry!("KONG-EXP-INVALID", KONG, None, Malformed, ["must be a number"], whole: true, key: Some("exp")),
    // Beyond the shared catalogue: other widely used verifiers.
    entry!(
        "GOJWT-EXPIRED",
        GOLANG_JWT,
        None,
        Expired,
        ["token has invalid claims: token is expired", "Token is expired"]
    ),
    entry!(
        "GOJWT-NBF",
        GOLANG_JWT,
        None,
        NotYetValid,
        ["token has invalid claims: token is not valid yet", "Token is not valid yet"]
    ),
    entry!("GOJWT-SIG", GOLANG_JWT, None, Signature, ["token signature is invalid"]),
    entry!(
        "GOJWT-AUD",
        GOLANG_JWT,
        None,
        Audience,
        ["token has invalid claims: token has invalid audience", "token has invalid audience"]
    ),
    entry!(
        "GOJWT-ISS",
        GOLANG_JWT,
        None,
        Issuer,
        ["token has invalid claims: token has invalid issuer", "token has invalid issuer"]
    ),
    entry!("GOJWT-MALFORMED", GOLANG_JWT, None, Malformed, ["token is malformed"]),
    entry!("GOJWT-UNVERIFIABLE", GOLANG_JWT, None, KeyNotFound, ["token is unverifiable"], note: "The key function returned no key: often no key with the token's `kid`, or the `alg` was refused."),
    entry!("GOOIDC-EXPIRED", GO_OIDC, None, Expired, ["oidc: token is expired (Token Expiry: {exp})"]),
    entry!("GOOIDC-AUD", GO_OIDC, None, Audience, ["oidc: expected audience \"{expected}\" got [{aud}]"]),
    entry!(
        "GOOIDC-ISS",
        GO_OIDC,
        None,
        Issuer,
        ["oidc: id token issued by a different provider, expected \"{expected}\" got \"{iss}\""]
    ),
    entry!("GOOIDC-SIG", GO_OIDC, None, Signature, ["failed to verify id token signature"]),
    entry!(
        "JJWT-EXPIRED",
        JJWT,
        Some("ExpiredJwtException"),
        Expired,
        [
            "JWT expired at {exp}. Current time: {now}, a difference of",
            "JWT expired {detail} ago at {exp}. Current time: {now}"
        ]
    ),
    entry!(
        "JJWT-PREMATURE",
        JJWT,
        Some("PrematureJwtException"),
        NotYetValid,
        ["JWT must not be accepted before {nbf}. Current time: {now}"]
    ),
    entry!(
        "JJWT-SIG",
        JJWT,
        Some("SignatureException"),
        Signature,
        ["JWT signature does not match locally computed signature"]
    ),
    entry!(
        "JJWT-MALFORMED",
        JJWT,
        Some("MalformedJwtException"),
        Malformed,
        [
            "JWT strings must contain exactly 2 period characters",
            "Invalid compact JWT string: Compact JWSs must contain exactly 2 period characters"
        ]
    ),
    entry!("JAVAJWT-EXPIRED", JAVA_JWT, Some("TokenExpiredException"), Expired, ["The Token has expired on {exp}"]),
    entry!(
        "JAVAJWT-SIG",
        JAVA_JWT,
        Some("SignatureVerificationException"),
        Signature,
        ["The Token's Signature resulted invalid when verified using the Algorithm: {alg}"]
    ),
    entry!(
        "JAVAJWT-AUD",
        JAVA_JWT,
        Some("InvalidClaimException"),
        Audience,
        ["The Claim 'aud' value doesn't contain the required audience"]
    ),
    entry!(
        "JAVAJWT-ISS",
        JAVA_JWT,
        Some("InvalidClaimException"),
        Issuer,
        ["The Claim 'iss' value doesn't match the required issuer"]
    ),
    entry!(
        "JAVAJWT-ALG",
        JAVA_JWT,
        Some("AlgorithmMismatchException"),
        Algorithm,
        ["The provided Algorithm doesn't match the one defined in the JWT's Header"]
    ),
    entry!(
        "RUBY-AUD",
        RUBY_JWT,
        Some("JWT::InvalidAudError"),
        Audience,
        ["Invalid audience. Expected {expected}, received {aud}"]
    ),
    entry!(
        "RUBY-ISS",
        RUBY_JWT,
        Some("JWT::InvalidIssuerError"),
        Issuer,
        ["Invalid issuer. Expected {expected}, received {iss}"]
    ),
    entry!("RUBY-NBF", RUBY_JWT, Some("JWT::ImmatureSignature"), NotYetValid, ["Signature nbf has not been reached"]),
    entry!(
        "PHP-EXPIRED",
        PHP_JWT,
        Some("ExpiredException"),
        Expired,
        ["ExpiredException: Expired token", "\"message\":\"Expired token\""]
    ),
    entry!(
        "PHP-NBF",
        PHP_JWT,
        Some("BeforeValidException"),
        NotYetValid,
        ["Cannot handle token with nbf prior to {nbf}", "Cannot handle token prior to {nbf}"]
    ),
    entry!(
        "PHP-KID",
        PHP_JWT,
        Some("UnexpectedValueException"),
        KeyNotFound,
        ["\"kid\" invalid, unable to lookup correct key"]
    ),
    entry!("RUST-EXPIRED", RUST_JWT, None, Expired, ["ExpiredSignature"], whole: true),
    entry!("RUST-AUD", RUST_JWT, None, Audience, ["InvalidAudience"], whole: true),
    entry!("RUST-ISS", RUST_JWT, None, Issuer, ["InvalidIssuer"], whole: true),
    entry!("RUST-SIG", RUST_JWT, None, Signature, ["InvalidSignature"], whole: true),
    entry!("HASURA-EXPIRED", HASURA, Some("invalid-jwt"), Expired, ["Could not verify JWT: JWTExpired"]),
    entry!(
        "HASURA-SIG",
        HASURA,
        Some("invalid-jwt"),
        Signature,
        ["Could not verify JWT: JWSError JWSInvalidSignature"]
    ),
    entry!("HASURA-AUD", HASURA, Some("invalid-jwt"), Audience, ["Could not verify JWT: JWTNotInAudience"]),
    entry!("HASURA-ISS", HASURA, Some("invalid-jwt"), Issuer, ["Could not verify JWT: JWTNotInIssuer"]),
    entry!("PGRST-EXPIRED", POSTGREST, Some("PGRST303"), Expired, ["JWT expired"], whole: true, key: Some("message")),
    entry!(
        "PGRST-INVALID",
        POSTGREST,
        Some("PGRST301"),
        Malformed,
        ["JWSError (CompactDecodeError", "Expected 3 parts in JWT; got {detail}"]
    ),
    entry!("FLASK-EXPIRED", FLASK_JWT, None, Expired, ["Token has expired"], whole: true, key: Some("msg")),
    entry!(
        "SIMPLEJWT-INVALID",
        SIMPLEJWT,
        Some("token_not_valid"),
        Rejected,
        ["Given token not valid for any token type", "Token is invalid or expired"]
    ),
    entry!("APIM-INVALID", APIM, None, Rejected, ["Unauthorized. Access token is missing or invalid"], note: "The policy's default `failed-validation-error-message`; APIM's trace shows the IDX reason."),
];
