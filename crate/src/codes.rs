//! Every finding code, as data: one enum per phase, each variant with its stable string, its fixed severity and a
//! one-sentence description; and [`Code`], the typed union of them that every [`crate::Finding`] carries.
//!
//! This is the one documented list: `docs/codes.md` and the TypeScript `FindingCode` union are generated from it
//! ([`all_codes`]), and `crate/tests/codes.rs` fails when either file is stale or a code is named by no test. Logic
//! compares codes as values (`finding.code == PasteCode::InnerWhitespace`), never as strings.
//!
//! The enums live here, at the bottom of the crate, rather than in the modules that raise them, so that every floor
//! can name any code without importing a higher floor (the diagnosis names decoding codes, for instance).

use serde::Serialize;
use ts_rs::TS;

/// How bad a finding is. Fixed per code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Background that helps to read the token; nothing is wrong.
    Info,
    /// Something a strict server may reject, or a risk worth knowing.
    Warning,
    /// The token (or key, or request) will be rejected, or cannot be read.
    Error,
}

/// One documented code: what `docs/codes.md` lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct CodeEntry {
    /// The stable string code.
    #[ts(type = "FindingCode")]
    pub code: &'static str,
    /// Its fixed severity.
    pub severity: Severity,
    /// One sentence saying when it is reported.
    pub description: &'static str,
}

/// Declares one phase's code enum (variant, stable string, severity, and a one-sentence doc that `docs/codes.md`
/// repeats) and its place in [`Code`].
macro_rules! codes {
    ($group:ident => $(#[$meta:meta])* $vis:vis enum $name:ident { $( $(#[doc = $doc:literal])+ $variant:ident = ($code:literal, $sev:ident), )+ }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        $vis enum $name {
            $( $(#[doc = $doc])+ $variant, )+
        }

        impl $name {
            /// Every code of this phase, in declaration order.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];

            /// The stable string code.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$variant => $code,)+ }
            }

            /// The one-sentence description documented in `docs/codes.md`.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$variant => concat!($($doc),+),)+ }
            }

            /// The severity a finding with this code always has.
            #[must_use]
            pub const fn severity(self) -> Severity {
                match self { $(Self::$variant => Severity::$sev,)+ }
            }

            fn entries() -> Vec<CodeEntry> {
                Self::ALL
                    .iter()
                    .map(|c| CodeEntry { code: c.as_str(), severity: c.severity(), description: c.description().trim() })
                    .collect()
            }
        }

        impl From<$name> for Code {
            fn from(code: $name) -> Self {
                Code::$group(code)
            }
        }

        impl PartialEq<$name> for Code {
            fn eq(&self, other: &$name) -> bool {
                *self == Code::$group(*other)
            }
        }
    };
}

/// Declares [`Code`] over the phase enums, and [`all_codes`] in the same order.
macro_rules! groups {
    ($( $(#[doc = $doc:literal])+ $group:ident($name:ident, $title:literal), )+) => {
        /// A finding code: which phase raised it and which of that phase's codes it is. Serialized as its stable
        /// string (`"PASTE_BEARER_PREFIX"`).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Code {
            $( $(#[doc = $doc])+ $group($name), )+
        }

        impl Code {
            /// The stable string code, e.g. `"PASTE_BEARER_PREFIX"`.
            #[must_use]
            pub const fn as_str(self) -> &'static str {
                match self { $(Self::$group(c) => c.as_str(),)+ }
            }

            /// The severity findings with this code have.
            #[must_use]
            pub const fn severity(self) -> Severity {
                match self { $(Self::$group(c) => c.severity(),)+ }
            }

            /// The one-sentence description documented in `docs/codes.md`.
            #[must_use]
            pub const fn description(self) -> &'static str {
                match self { $(Self::$group(c) => c.description(),)+ }
            }
        }

        /// Every finding code with its severity and description, grouped by phase: `(phase title, codes)`.
        /// `docs/codes.md` is this list rendered; `tests/codes.rs` keeps the two equal.
        #[must_use]
        pub fn all_codes() -> Vec<(&'static str, Vec<CodeEntry>)> {
            vec![$(($title, $name::entries()),)+]
        }
    };
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

groups! {
    /// Input limits: what was too large to read.
    Limit(LimitCode, "Input limits"),
    /// Paste hygiene: what was cleaned out of the paste.
    Paste(PasteCode, "Paste hygiene"),
    /// Base64url decoding of a segment.
    Encoding(EncodingCode, "Base64url"),
    /// JSON of a header or payload.
    Json(JsonCode, "JSON"),
    /// The token's structure.
    Token(TokenCode, "Token structure"),
    /// Reading the keys.
    Key(KeyCode, "Keys"),
    /// Signature verification.
    Verify(VerifyCode, "Signature verification"),
    /// Signing test tokens.
    Signing(SigningCode, "Signing"),
    /// Decrypting and encrypting JWE.
    Jwe(JweCode, "Encrypted tokens (JWE)"),
    /// The options themselves.
    Options(OptionCode, "Options"),
    /// Time claims against the evaluation time.
    Time(TimeCode, "Time"),
    /// Claims against the caller's expectations.
    Claim(ClaimCode, "Claims against expectations"),
    /// Amazon Cognito.
    Cognito(CognitoCode, "Amazon Cognito"),
    /// API Gateway authorizers.
    ApiGateway(ApiGatewayCode, "API Gateway authorizers"),
    /// OpenID Connect, RFC 8725 and RFC 9068.
    Oidc(OidcCode, "OpenID Connect, RFC 8725 and RFC 9068"),
    /// Other providers.
    Provider(ProviderCode, "Other providers"),
    /// An ID token and an access token pasted together.
    Pair(PairCode, "Tokens of one sign-in"),
    /// Fetching an issuer's keys, on request.
    Fetch(FetchCode, "Fetching the issuer's keys"),
    /// Selective-disclosure JWTs (RFC 9901): disclosures and key binding.
    SdJwt(SdJwtCode, "SD-JWT (RFC 9901)"),
    /// DPoP proofs (RFC 9449) and the access tokens bound to them.
    Dpop(DpopCode, "DPoP (RFC 9449)"),
}

codes! {
    Limit =>
    /// Codes of the input limits (`crate::limits`): each says which limit was reached, the size measured and how to
    /// raise the limit; the work beyond it was not done.
    pub enum LimitCode {
        /// A text (the input, the key text, a detached payload, a header value) is larger than `limits.inputBytes`; it was not read.
        InputBytes = ("LIMIT_INPUT_BYTES", Error),
        /// The input holds more tokens than `limits.tokens`; those beyond it were not decoded.
        Tokens = ("LIMIT_TOKENS", Warning),
        /// The key text holds more keys than `limits.keys`; no key was read.
        Keys = ("LIMIT_KEYS", Error),
        /// A JWS JSON serialization has more signatures than `limits.signatures`; none was decoded or verified.
        Signatures = ("LIMIT_SIGNATURES", Error),
        /// A JSON object has more members than `limits.members`; the JSON was not parsed.
        Members = ("LIMIT_MEMBERS", Error),
        /// JSON nests deeper than `limits.depth`; it was not parsed (deep nesting is not invalid JSON).
        Depth = ("LIMIT_DEPTH", Error),
        /// The call made `limits.checks` signature checks; the remaining keys were not tried.
        Checks = ("LIMIT_CHECKS", Warning),
        /// The token-validation regex compiles to more than `limits.regexBytes`; it was not evaluated.
        RegexBytes = ("LIMIT_REGEX_BYTES", Warning),
        /// The `aud` values to match exceed `limits.regexText` characters in the call; the regex was not evaluated for them.
        RegexText = ("LIMIT_REGEX_TEXT", Warning),
    }
}

codes! {
    Paste =>
    /// Codes of the paste-hygiene phase.
    pub enum PasteCode {
        /// The input is empty or only whitespace.
        Empty = ("INPUT_EMPTY", Error),
        /// Whitespace before or after the token was removed.
        SurroundingWhitespace = ("PASTE_SURROUNDING_WHITESPACE", Warning),
        /// Spaces or line breaks inside the token were removed (a wrapped copy).
        InnerWhitespace = ("PASTE_INNER_WHITESPACE", Warning),
        /// Quotes around the token were removed.
        Quotes = ("PASTE_QUOTES", Warning),
        /// A `Bearer ` prefix was removed.
        BearerPrefix = ("PASTE_BEARER_PREFIX", Info),
        /// The `Bearer ` prefix appeared more than once.
        BearerDoubled = ("PASTE_BEARER_DOUBLED", Error),
        /// A whole `Authorization:` header line was pasted; the header name was removed.
        HeaderLine = ("PASTE_HEADER_LINE", Info),
        /// The input was a JSON token response; its tokens were taken from their fields.
        TokenResponse = ("PASTE_TOKEN_RESPONSE", Info),
        /// The input was a URL or URL fragment; tokens were taken from its parameters.
        Url = ("PASTE_URL", Info),
        /// The URL carries an authorization code, which is not a token.
        AuthorizationCode = ("PASTE_AUTHORIZATION_CODE", Error),
        /// The URL carries an OAuth error response instead of tokens.
        OAuthError = ("PASTE_OAUTH_ERROR", Error),
        /// Percent-escapes such as `%2E` were decoded.
        PercentEncoded = ("PASTE_PERCENT_ENCODED", Warning),
        /// The input holds several tokens; each is inspected.
        SeveralTokens = ("PASTE_SEVERAL_TOKENS", Info),
        /// The input is a key or key set, not a token.
        KeyNotToken = ("INPUT_IS_KEY", Error),
        /// The token was found inside other text (a curl command, a log line, a request dump); the rest was ignored.
        TokenInText = ("PASTE_TOKEN_IN_TEXT", Info),
    }
}

codes! {
    Encoding =>
    /// Codes of the base64url phase.
    pub enum EncodingCode {
        /// A character outside the base64url alphabet.
        InvalidCharacter = ("B64_INVALID_CHARACTER", Error),
        /// The segment length is impossible for base64 (one character too many or too few).
        InvalidLength = ("B64_INVALID_LENGTH", Error),
        /// The segment carries `=` padding, which RFC 7515 forbids.
        Padding = ("B64_PADDING", Warning),
        /// The segment uses the standard alphabet (`+` or `/`) instead of base64url.
        StandardAlphabet = ("B64_STANDARD_ALPHABET", Warning),
        /// Unused bits at the end of the segment are not zero (non-canonical encoding).
        NonCanonical = ("B64_NON_CANONICAL", Warning),
    }
}

codes! {
    Json =>
    /// Codes of the JSON phase.
    pub enum JsonCode {
        /// The decoded bytes are not UTF-8 text.
        NotUtf8 = ("JSON_NOT_UTF8", Error),
        /// The decoded text is not valid JSON.
        Invalid = ("JSON_INVALID", Error),
        /// An object has the same member name twice.
        DuplicateMember = ("JSON_DUPLICATE_MEMBER", Error),
        /// The JSON is valid but not an object.
        NotObject = ("JSON_NOT_OBJECT", Error),
    }
}

codes! {
    Token =>
    /// Codes of the structure phase.
    pub enum TokenCode {
        /// The input is not a JWT at all (no dots): often an opaque access token.
        NotJwt = ("TOKEN_NOT_JWT", Error),
        /// The number of dot-separated segments is neither 3 (JWS) nor 5 (JWE).
        SegmentCount = ("TOKEN_SEGMENT_COUNT", Error),
        /// A segment that must not be empty is empty.
        EmptySegment = ("TOKEN_EMPTY_SEGMENT", Error),
        /// The header has no `alg`.
        AlgMissing = ("TOKEN_ALG_MISSING", Error),
        /// The header's `alg` is not a string.
        AlgNotString = ("TOKEN_ALG_NOT_STRING", Error),
        /// `alg: none`: the token is unsecured and proves nothing.
        Unsecured = ("TOKEN_UNSECURED", Warning),
        /// `alg: none` but a signature is present.
        UnsecuredWithSignature = ("TOKEN_UNSECURED_WITH_SIGNATURE", Error),
        /// `alg` is set but the signature segment is empty (stripped).
        SignatureMissing = ("TOKEN_SIGNATURE_MISSING", Error),
        /// A JWE: only the protected header can be read.
        Encrypted = ("TOKEN_ENCRYPTED", Info),
        /// A JWE with the shape of an Amazon Cognito refresh token.
        CognitoRefreshToken = ("TOKEN_COGNITO_REFRESH", Info),
        /// A JWE header without `enc`.
        EncMissing = ("TOKEN_ENC_MISSING", Error),
        /// A nested JWT: the payload is itself a token, decoded too.
        Nested = ("TOKEN_NESTED", Info),
        /// The payload is not JSON; shown as text or hex.
        PayloadNotJson = ("TOKEN_PAYLOAD_NOT_JSON", Warning),
        /// JWS JSON serialization (flattened or general).
        JsonSerialization = ("TOKEN_JSON_SERIALIZATION", Info),
        /// The JWS JSON serialization lacks a required member or has one of the wrong type.
        JsonSerializationInvalid = ("TOKEN_JSON_SERIALIZATION_INVALID", Error),
        /// The header carries or points to a key (`jwk`, `jku`, `x5c`, `x5u`); such a key proves nothing.
        EmbeddedKey = ("TOKEN_EMBEDDED_KEY", Warning),
        /// The header's `b64` is false (RFC 7797 unencoded payload).
        UnencodedPayload = ("TOKEN_UNENCODED_PAYLOAD", Warning),
        /// An opaque access token of a known issuer (Google `ya29.`, GitHub `gho_`…): not a JWT, read only by its issuer.
        OpaqueAccessToken = ("TOKEN_OPAQUE_ACCESS_TOKEN", Warning),
        /// An opaque refresh token of a known issuer (Google `1//`, GitHub `ghr_`): it only gets new access tokens.
        OpaqueRefreshToken = ("TOKEN_OPAQUE_REFRESH_TOKEN", Warning),
        /// A JWE with `alg: dir` and the issuer in its header: Auth0's opaque access token, issued without an `audience`.
        Auth0OpaqueToken = ("TOKEN_AUTH0_OPAQUE", Warning),
    }
}

codes! {
    Key =>
    /// Codes of the key phase.
    pub enum KeyCode {
        /// No key was given.
        None = ("KEY_NONE", Error),
        /// The key text is used as an HMAC secret (it is not a JWK, PEM or DER key).
        Secret = ("KEY_SECRET", Info),
        /// Whitespace around a secret was removed.
        SecretWhitespace = ("KEY_SECRET_WHITESPACE", Warning),
        /// The secret is not valid in the chosen encoding (base64, base64url or hex).
        SecretEncoding = ("KEY_SECRET_ENCODING", Error),
        /// The HMAC secret is empty.
        SecretEmpty = ("KEY_SECRET_EMPTY", Error),
        /// A key set holds a symmetric secret next to public keys; the secret is not used.
        SecretInKeySet = ("KEY_SECRET_IN_KEY_SET", Error),
        /// The key text is a JWT, not a key.
        IsToken = ("KEY_IS_TOKEN", Error),
        /// The key text is a URL; jwtlens never fetches what the key box names.
        IsUrl = ("KEY_IS_URL", Error),
        /// The key text looks like JSON but is not valid JSON.
        JsonInvalid = ("KEY_JSON_INVALID", Error),
        /// The key text is JSON but neither a JWK nor a JWKS.
        NotJwk = ("KEY_NOT_JWK", Error),
        /// A JWK member is malformed: of the wrong type (ignored) or not strict base64url (read leniently).
        JwkMember = ("KEY_JWK_MEMBER", Warning),
        /// A key could not be read: a member or structure is missing or malformed.
        Invalid = ("KEY_INVALID", Error),
        /// An EC or Ed25519 public key is not a valid point on its curve.
        InvalidPoint = ("KEY_INVALID_POINT", Error),
        /// A key of a type, curve or format jwtlens does not verify with (DSA, Ed448, X25519, encrypted keys, …).
        Unsupported = ("KEY_UNSUPPORTED", Error),
        /// A PEM block is broken (no END line, not base64, empty).
        PemInvalid = ("KEY_PEM_INVALID", Error),
        /// Text outside the PEM blocks, or a block that holds no key, was ignored.
        TextIgnored = ("KEY_TEXT_IGNORED", Info),
        /// A DER key without PEM lines (bare base64, or a secret that decodes to one) was read as a key, never as a secret.
        BareDer = ("KEY_BARE_DER", Info),
        /// A private key was pasted; only its public part is used.
        Private = ("KEY_PRIVATE", Warning),
        /// A private key's embedded public key does not belong to it.
        PrivateMismatch = ("KEY_PRIVATE_MISMATCH", Error),
        /// The key was taken from an X.509 certificate, whose chain is not checked.
        Certificate = ("KEY_CERTIFICATE", Info),
        /// The certificate had expired at the evaluation time.
        CertificateExpired = ("KEY_CERT_EXPIRED", Warning),
        /// The certificate was not yet valid at the evaluation time.
        CertificateNotYetValid = ("KEY_CERT_NOT_YET_VALID", Warning),
        /// An RSA key under 2048 bits (RFC 7518 §3.3); it still verifies.
        RsaWeak = ("KEY_RSA_WEAK", Warning),
        /// An RSA key under 1024 bits, refused.
        RsaTooSmall = ("KEY_RSA_TOO_SMALL", Error),
        /// An RSA public exponent of 1, an even one, or an absurdly large one; the key is refused.
        RsaExponent = ("KEY_RSA_EXPONENT", Error),
        /// An RSA key with the ROCA fingerprint (CVE-2017-15361); refused.
        RsaRoca = ("KEY_RSA_ROCA", Error),
        /// An RSASSA-PSS key (id-RSASSA-PSS): it verifies only the PS algorithm its parameters allow.
        RsaPss = ("KEY_RSA_PSS", Info),
        /// An RSASSA-PSS key whose parameters match no JWS algorithm; it cannot verify anything.
        RsaPssUnusable = ("KEY_RSA_PSS_UNUSABLE", Error),
        /// An EC key spells out a named curve's parameters instead of naming it (RFC 5480 requires the name).
        EcExplicitParameters = ("KEY_EC_EXPLICIT_PARAMETERS", Warning),
        /// An EC JWK coordinate is shorter than the curve requires and was padded.
        EcCoordinateLength = ("KEY_EC_COORDINATE_LENGTH", Warning),
        /// The key is marked for encryption (`use: enc`, or `key_ops` without `verify`), not for signatures.
        NotForSigning = ("KEY_NOT_FOR_SIGNING", Warning),
        /// The key's `alg` is not a JWS signature algorithm, so the key verifies nothing.
        AlgNotJws = ("KEY_ALG_NOT_JWS", Warning),
        /// The key's `alg` does not fit its own type or curve, so the key verifies nothing.
        AlgMismatch = ("KEY_ALG_MISMATCH", Warning),
        /// An Ed25519 public key is a point of small order, for which signatures can be forged; refused.
        Ed25519SmallOrder = ("KEY_ED25519_SMALL_ORDER", Error),
        /// Several keys of the set have the same `kid`.
        DuplicateKid = ("KEY_DUPLICATE_KID", Warning),
    }
}

codes! {
    Verify =>
    /// Codes of the signature-verification phase.
    pub enum VerifyCode {
        /// The signature is valid: a key verified it and nothing else stands in the way.
        Valid = ("VERIFY_VALID", Info),
        /// The input holds no token to verify.
        NoToken = ("VERIFY_NO_TOKEN", Error),
        /// The input holds several tokens; the one named here was verified.
        TokenSelected = ("VERIFY_TOKEN_SELECTED", Info),
        /// The token is not a JWS (an encrypted token, or not a token at all), so there is no signature to verify.
        NotJws = ("VERIFY_NOT_JWS", Error),
        /// No key was given, or none could be read.
        NoKey = ("VERIFY_NO_KEY", Error),
        /// An option is invalid (an unknown or `none` algorithm in the allow-list, a token index out of range, …).
        OptionsInvalid = ("VERIFY_OPTIONS_INVALID", Error),
        /// The token is nested; only the outer signature was verified.
        NestedInner = ("VERIFY_NESTED_INNER", Info),
        /// The protected header could not be decoded, so the signature cannot be checked.
        HeaderUnreadable = ("SIG_HEADER_UNREADABLE", Error),
        /// The protected header has a duplicate member, which RFC 7515 §5.2 requires rejecting.
        HeaderDuplicate = ("SIG_HEADER_DUPLICATE", Error),
        /// The protected and unprotected headers share a parameter name (RFC 7515 §7.2.1).
        HeaderNotDisjoint = ("SIG_HEADER_NOT_DISJOINT", Error),
        /// `alg` is missing or not a string.
        AlgInvalid = ("SIG_ALG_INVALID", Error),
        /// `alg` is `none` (in any spelling): an unsecured token never verifies.
        AlgNone = ("SIG_ALG_NONE", Error),
        /// `alg` is not a signature algorithm jwtlens verifies.
        AlgUnsupported = ("SIG_ALG_UNSUPPORTED", Error),
        /// `alg` is only in the unprotected header of a JSON serialization, so it is not integrity protected.
        AlgUnprotected = ("SIG_ALG_UNPROTECTED", Warning),
        /// `alg` is not in the caller's allow-list.
        AlgNotAllowed = ("SIG_ALG_NOT_ALLOWED", Error),
        /// An HMAC token was offered a public or private key: the algorithm-confusion attack, refused.
        AlgConfusion = ("SIG_ALG_CONFUSION", Error),
        /// `crit` names an extension jwtlens does not implement, so the token must be rejected.
        CritUnknown = ("SIG_CRIT_UNKNOWN", Error),
        /// `crit` is malformed or not integrity protected.
        CritInvalid = ("SIG_CRIT_INVALID", Error),
        /// `crit` is an empty list, which producers must not send.
        CritEmpty = ("SIG_CRIT_EMPTY", Warning),
        /// `crit` names a parameter JWS itself defines, which producers must not do.
        CritRegistered = ("SIG_CRIT_REGISTERED", Warning),
        /// `crit` names a parameter the header does not carry.
        CritAbsent = ("SIG_CRIT_ABSENT", Warning),
        /// `b64` is not a boolean or not integrity protected.
        B64Invalid = ("SIG_B64_INVALID", Error),
        /// `b64` is false but not listed in `crit` (RFC 7797 §6).
        B64NotCritical = ("SIG_B64_NOT_CRITICAL", Error),
        /// The payload is signed unencoded (`b64: false`, RFC 7797).
        Unencoded = ("SIG_UNENCODED_PAYLOAD", Info),
        /// The detached payload given in the options was used as the signed content.
        Detached = ("SIG_DETACHED_PAYLOAD", Info),
        /// The signature is empty.
        Missing = ("SIG_MISSING", Error),
        /// The signature is not base64url, so its bytes are unknown.
        Unreadable = ("SIG_UNREADABLE", Error),
        /// An ECDSA signature is DER-encoded; JWS requires r‖s.
        EcdsaDer = ("SIG_ECDSA_DER", Error),
        /// The signature has the wrong length for the algorithm and key.
        Length = ("SIG_LENGTH", Error),
        /// The HMAC secret is shorter than the hash output (RFC 7518 §3.2); it still verifies.
        HmacShort = ("SIG_HMAC_SECRET_SHORT", Warning),
        /// None of the keys can verify this algorithm (wrong type or curve, refused, unreadable).
        NoCompatibleKey = ("SIG_NO_COMPATIBLE_KEY", Error),
        /// The token's `kid` matches none of the keys' `kid`s.
        KidNotFound = ("SIG_KID_NOT_FOUND", Error),
        /// Several usable keys share the token's `kid`, so the key is ambiguous.
        KidAmbiguous = ("SIG_KID_AMBIGUOUS", Error),
        /// The signature does not verify with any key that was tried.
        Mismatch = ("SIG_MISMATCH", Error),
        /// The signature verifies with a key that its `kid`, `use`, `key_ops` or `alg` excluded.
        MatchesExcludedKey = ("SIG_MATCHES_EXCLUDED_KEY", Warning),
        /// The signature verifies, but the token is not strict base64url as received, so strict verifiers reject it.
        NotStrict = ("SIG_NOT_STRICT", Error),
    }
}

codes! {
    Jwe =>
    /// Codes of JWE decryption and encryption (`crate::jwe`). Every failure is an error; the plaintext is shown only
    /// when the authentication tag matched.
    pub enum JweCode {
        /// The token was decrypted: its authentication tag matched under the key named.
        Decrypted = ("JWE_DECRYPTED", Info),
        /// The plaintext is itself a token (a nested JWT); it is decoded, verified and diagnosed as the next token.
        InnerToken = ("JWE_INNER_TOKEN", Info),
        /// Keys were given, but none of them is of the type the JWE's `alg` needs, or has the token's `kid`.
        NoKey = ("JWE_NO_KEY", Error),
        /// A key was given for a JWE, but its type or its own `alg`/`use`/`key_ops` does not fit the token's `alg`.
        KeyType = ("JWE_KEY_TYPE", Error),
        /// The key could not unwrap or decrypt the content encryption key: it is not the recipient's key.
        WrongKey = ("JWE_WRONG_KEY", Error),
        /// The authentication tag does not match: wrong key (RSA1_5, dir), or the token was altered.
        TagMismatch = ("JWE_TAG_MISMATCH", Error),
        /// The content encryption key has the wrong length for `enc` (a `dir` secret, or an unwrapped key).
        CekLength = ("JWE_CEK_LENGTH", Error),
        /// The header's `alg` is not a JWE key-management algorithm jwtlens decrypts.
        AlgUnsupported = ("JWE_ALG_UNSUPPORTED", Error),
        /// The header's `enc` is not a content-encryption algorithm jwtlens decrypts.
        EncUnsupported = ("JWE_ENC_UNSUPPORTED", Error),
        /// `zip` names a compression other than `DEF`.
        ZipUnsupported = ("JWE_ZIP_UNSUPPORTED", Error),
        /// The plaintext inflates beyond the limit (a decompression bomb, CVE-2024-28176); inflating stopped there.
        ZipTooLarge = ("JWE_ZIP_TOO_LARGE", Error),
        /// The compressed plaintext is not valid raw DEFLATE.
        ZipInvalid = ("JWE_ZIP_INVALID", Error),
        /// PBES2's iteration count `p2c` is above 10,000 (jose's `maxPBES2Count`); refused before any work.
        P2cTooLarge = ("JWE_P2C_TOO_LARGE", Error),
        /// PBES2's iteration count `p2c` is below 1,000, the minimum RFC 7518 §4.8.1.2 recommends.
        P2cSmall = ("JWE_P2C_SMALL", Warning),
        /// The ephemeral public key `epk` is missing, malformed, not on the curve, of small order, or on another curve than the key.
        EpkInvalid = ("JWE_EPK_INVALID", Error),
        /// A header parameter the algorithm needs (`iv`, `tag`, `p2s`, `p2c`, `epk`) is missing or malformed, or a parameter appears in two headers.
        HeaderInvalid = ("JWE_HEADER_INVALID", Error),
        /// The header's `crit` names an extension jwtlens does not understand, or is malformed: the token must be rejected.
        CritUnknown = ("JWE_CRIT_UNKNOWN", Error),
        /// A segment or member of the JWE is missing, not base64url, or of the wrong length for its algorithm.
        Malformed = ("JWE_MALFORMED", Error),
        /// `alg: RSA1_5` (RSAES-PKCS1-v1_5) is vulnerable to padding-oracle attacks; decrypted, but no new token should use it.
        Rsa15 = ("JWE_RSA1_5", Warning),
        /// Encryption was asked with no key, or with a key that cannot encrypt with the algorithm asked.
        EncryptKey = ("JWE_ENCRYPT_KEY", Error),
        /// Encryption was asked with an `alg` or `enc` jwtlens does not encrypt with (RSA1_5 is decrypt-only).
        EncryptAlg = ("JWE_ENCRYPT_ALG", Error),
        /// The platform gave no random numbers, which encryption needs for keys and IVs.
        NoRandomness = ("JWE_NO_RANDOMNESS", Error),
    }
}

codes! {
    Signing =>
    /// Codes of signing (`sign`).
    pub enum SigningCode {
        /// The header, or a payload that starts as JSON (`{` or `[`), is not valid JSON; the finding gives the line and column.
        JsonInvalid = ("SIGN_JSON_INVALID", Error),
        /// The header to sign is JSON but not an object.
        HeaderNotObject = ("SIGN_HEADER_NOT_OBJECT", Error),
        /// The payload is not a JSON object (other JSON, or plain text): the token is a JWS but not a JWT.
        PayloadNotObject = ("SIGN_PAYLOAD_NOT_OBJECT", Warning),
        /// The header or payload to sign has a member name twice; verifiers reject such tokens or read them differently.
        DuplicateMember = ("SIGN_DUPLICATE_MEMBER", Warning),
        /// The header's `alg` is not a string, or its `b64` is false (unencoded payloads are not signed here).
        HeaderInvalid = ("SIGN_HEADER_INVALID", Error),
        /// The algorithm asked for is not one jwtlens signs with.
        AlgUnknown = ("SIGN_ALG_UNKNOWN", Error),
        /// An unsecured token (`alg: none`) was made, as asked: it has no signature and proves nothing.
        AlgNone = ("SIGN_ALG_NONE", Warning),
        /// The header says `alg: none`, but the options do not ask for an unsecured token.
        NoneNotAsked = ("SIGN_NONE_NOT_ASKED", Error),
        /// No key was given, or none could be read.
        NoKey = ("SIGN_NO_KEY", Error),
        /// Only public keys were given; signing needs the private key.
        PublicKey = ("SIGN_PUBLIC_KEY", Error),
        /// Several keys could sign, and neither the `kid` nor the algorithm picks one.
        KeyAmbiguous = ("SIGN_KEY_AMBIGUOUS", Error),
        /// The key cannot sign: it is refused (as for verification), its private numbers are inconsistent, or it is marked for another use.
        KeyRefused = ("SIGN_KEY_REFUSED", Error),
        /// The key cannot make this algorithm's signatures: another key type or curve, its JWK `alg`, its PSS parameters, or too small for the padding.
        AlgKeyMismatch = ("SIGN_ALG_KEY_MISMATCH", Error),
        /// The RSA key has fewer than 2048 bits; RFC 7518 forbids it and jose and Node reject its tokens.
        RsaWeak = ("SIGN_RSA_WEAK", Warning),
        /// The HMAC secret is shorter than the hash output (RFC 7518 §3.2); strict libraries reject it.
        SecretShort = ("SIGN_SECRET_SHORT", Warning),
        /// An option (`alg`, `kid`, `typ`) differs from the header's own member, which was kept.
        OptionIgnored = ("SIGN_OPTION_IGNORED", Warning),
        /// A time helper (`iat: 'now'`, `expiresIn`) replaced the payload's own `iat` or `exp`.
        ClaimReplaced = ("SIGN_CLAIM_REPLACED", Info),
        /// `iat: 'now'` or `expiresIn` was asked without an evaluation time, or with a value that is not a finite number.
        TimeInvalid = ("SIGN_TIME_INVALID", Error),
        /// The platform gave no random numbers, which RSA (blinding, PSS salts) and ES512 (nonces) signatures need.
        NoRandomness = ("SIGN_NO_RANDOMNESS", Error),
        /// A claim named for selective disclosure is not a top-level claim of the payload, or is one SD-JWT reserves
        /// (`_sd`, `_sd_alg`, `...`, `cnf`), or the payload is not a JSON object.
        SdJwtClaim = ("SIGN_SDJWT_CLAIM", Error),
        /// A DPoP proof was asked without a method, an absolute http(s) URL or an evaluation time (`now`).
        DpopInput = ("SIGN_DPOP_INPUT", Error),
    }
}

codes! {
    Options =>
    /// Codes about the options themselves.
    pub enum OptionCode {
        /// An option could not be used (a malformed pool id, ARN, regex or number); the check it feeds was skipped.
        Invalid = ("OPTION_INVALID", Warning),
        /// A target's settings are incomplete (no pool ARN, issuer, audience, client id or operation); the rules that need them are open.
        TargetIncomplete = ("TARGET_INCOMPLETE", Warning),
    }
}

codes! {
    Time =>
    /// Codes of the time checks.
    pub enum TimeCode {
        /// No evaluation time was given, so `exp`, `nbf` and `iat` were not checked.
        NoNow = ("TIME_NO_NOW", Info),
        /// The token has expired: `exp` is past, beyond the clock skew.
        Expired = ("TIME_EXPIRED", Error),
        /// `exp`, `nbf` or `iat` fails at the evaluation time but passes within the clock skew allowed.
        WithinSkew = ("TIME_WITHIN_SKEW", Warning),
        /// `nbf` is in the future, beyond the clock skew: the token is not valid yet.
        NotYetValid = ("TIME_NOT_YET_VALID", Error),
        /// `iat` is in the future, beyond the clock skew: the issuer's clock or the evaluation time is off.
        IssuedInFuture = ("TIME_ISSUED_IN_FUTURE", Warning),
        /// The token has no `exp`: it never expires, and OIDC and many verifiers require one.
        NoExp = ("TIME_NO_EXP", Warning),
        /// A time claim holds milliseconds instead of seconds since the epoch.
        Milliseconds = ("TIME_MILLISECONDS", Error),
        /// A time claim is not a number (a NumericDate is a JSON number of seconds).
        NotNumber = ("TIME_NOT_NUMBER", Error),
        /// `exp` minus `iat` is longer than the detected provider ever issues.
        LifetimeTooLong = ("TIME_LIFETIME_TOO_LONG", Warning),
        /// `exp` is not after `iat` or `nbf`: the token was never valid.
        ExpBeforeIat = ("TIME_EXP_BEFORE_IAT", Error),
    }
}

codes! {
    Claim =>
    /// Codes of the checks against the caller's expectations.
    pub enum ClaimCode {
        /// A registered claim has the wrong JSON type (e.g. `iss` a number, `aud` an object, `scope` an array).
        WrongType = ("CLAIM_WRONG_TYPE", Error),
        /// An issuer is expected but the token has no `iss`.
        IssMissing = ("CLAIM_ISS_MISSING", Error),
        /// `iss` differs from the expected issuer.
        IssMismatch = ("CLAIM_ISS_MISMATCH", Error),
        /// `iss` and the expected issuer differ only by a trailing slash, which exact comparison does not forgive.
        IssTrailingSlash = ("CLAIM_ISS_TRAILING_SLASH", Error),
        /// `iss` and the expected issuer have the same path but a different scheme or host (a proxy, an internal name).
        IssHostMismatch = ("CLAIM_ISS_HOST_MISMATCH", Error),
        /// An audience is expected but the token has no `aud`.
        AudMissing = ("CLAIM_AUD_MISSING", Error),
        /// `aud` contains none of the expected audiences.
        AudMismatch = ("CLAIM_AUD_MISMATCH", Error),
        /// A required scope is missing from `scope` / `scp`.
        ScopeMissing = ("CLAIM_SCOPE_MISSING", Error),
        /// A nonce is expected but the ID token has no `nonce`.
        NonceMissing = ("CLAIM_NONCE_MISSING", Error),
        /// The ID token's `nonce` differs from the one sent in the authorization request.
        NonceMismatch = ("CLAIM_NONCE_MISMATCH", Error),
        /// An access token was given but the ID token has no `at_hash` to bind them (optional outside the implicit flow).
        AtHashMissing = ("CLAIM_AT_HASH_MISSING", Info),
        /// The ID token's `at_hash` does not match the access token given: they come from different responses.
        AtHashMismatch = ("CLAIM_AT_HASH_MISMATCH", Error),
        /// `at_hash` cannot be checked: the ID token's `alg` names no hash OIDC Core defines it for.
        AtHashUnchecked = ("CLAIM_AT_HASH_UNCHECKED", Info),
    }
}

codes! {
    Cognito =>
    /// Codes of the Amazon Cognito checks.
    pub enum CognitoCode {
        /// A token from a Cognito issuer has no valid `token_use` (`id` or `access`); Cognito verifiers reject it.
        TokenUseMissing = ("COGNITO_TOKEN_USE_MISSING", Error),
        /// An ID token was sent to a user-pool API operation, which takes only access tokens.
        IdTokenForApi = ("COGNITO_ID_TOKEN_FOR_API", Error),
        /// The access token lacks `aws.cognito.signin.user.admin`, which user-pool API operations such as GetUser require.
        AdminScopeMissing = ("COGNITO_ADMIN_SCOPE_MISSING", Error),
        /// A token not issued by a Cognito user pool was sent to a Cognito user-pool API operation.
        ForeignToken = ("COGNITO_FOREIGN_TOKEN", Error),
        /// The operation is not authorized by an access token (it takes IAM credentials, a refresh token, or nothing).
        OperationNotToken = ("COGNITO_OPERATION_NOT_TOKEN", Error),
        /// The operation is not a known Cognito user-pool API operation.
        OperationUnknown = ("COGNITO_OPERATION_UNKNOWN", Warning),
        /// The operation takes an access token or an alternative (a session, or a device key).
        OperationTokenOptional = ("COGNITO_OPERATION_TOKEN_OPTIONAL", Info),
        /// The app client id is not the expected one (`aud` of an ID token, `client_id` of an access token).
        ClientIdMismatch = ("COGNITO_CLIENT_ID_MISMATCH", Error),
        /// A Cognito access token has no `aud` by design; its app client is in `client_id`.
        AccessTokenNoAud = ("COGNITO_ACCESS_TOKEN_NO_AUD", Info),
        /// The issuer looks like Cognito's but is not `https://cognito-idp.<region>.amazonaws.com/<userPoolId>`.
        IssuerFormat = ("COGNITO_ISSUER_FORMAT", Error),
        /// The issuer's host is in a partition whose issuer format is not documented (China); not judged.
        IssuerUnconfirmed = ("COGNITO_ISSUER_UNCONFIRMED", Info),
        /// The region in the issuer's host differs from the region prefix of the user pool id.
        RegionMismatch = ("COGNITO_REGION_MISMATCH", Error),
        /// The token's user pool (or region) is not the expected one.
        PoolMismatch = ("COGNITO_POOL_MISMATCH", Error),
        /// The access token carries custom scopes, read as `resourceServerIdentifier/scopeName`.
        CustomScopes = ("COGNITO_CUSTOM_SCOPES", Info),
        /// The token is in none of the expected Cognito groups (`cognito:groups`).
        GroupMissing = ("COGNITO_GROUP_MISSING", Error),
        /// A Cognito refresh token (an encrypted JWE) was sent where an ID or access token is needed.
        RefreshTokenSent = ("COGNITO_REFRESH_TOKEN_SENT", Error),
        /// Only a Cognito refresh token was pasted: it is no bearer token; it only gets new ID and access tokens.
        RefreshTokenAlone = ("COGNITO_REFRESH_TOKEN_ALONE", Warning),
        /// The issuer is a local Cognito emulator (localhost, or a `local_` pool id); AWS rejects its tokens.
        Emulator = ("COGNITO_EMULATOR", Info),
    }
}

codes! {
    ApiGateway =>
    /// Codes of the API Gateway authorizer simulations.
    pub enum ApiGatewayCode {
        /// An access token was sent to a REST method without OAuth scopes; such a method accepts only ID tokens (401).
        RestAccessTokenWithoutScopes = ("APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES", Error),
        /// An ID token was sent to a REST method with OAuth scopes; such a method accepts only access tokens (401).
        RestIdTokenWithScopes = ("APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES", Error),
        /// The access token holds none of the REST method's OAuth scopes (401).
        RestNoMatchingScope = ("APIGW_REST_NO_MATCHING_SCOPE", Error),
        /// The token's issuer is none of the user pools in the authorizer's `providerARNs` (401).
        RestIssuerNotInPools = ("APIGW_REST_ISSUER_NOT_IN_POOLS", Error),
        /// A provider ARN is not a Cognito user pool ARN (or uses a stage variable jwtlens cannot resolve).
        RestProviderArnInvalid = ("APIGW_REST_PROVIDER_ARN_INVALID", Warning),
        /// A token-validation regex is set; it is matched against `aud`, which access tokens lack, so they get 401.
        RestValidationNoAud = ("APIGW_REST_VALIDATION_NO_AUD", Error),
        /// `aud` does not match the authorizer's token-validation regex (401).
        RestValidationMismatch = ("APIGW_REST_VALIDATION_MISMATCH", Error),
        /// The `Authorization` value has spaces or line breaks around or inside the token.
        HeaderWhitespace = ("APIGW_HEADER_WHITESPACE", Error),
        /// The `Authorization` value has quotes around the token.
        HeaderQuotes = ("APIGW_HEADER_QUOTES", Error),
        /// The `Authorization` value has `Bearer ` twice.
        HeaderBearerDoubled = ("APIGW_HEADER_BEARER_DOUBLED", Error),
        /// The `Authorization` value starts with `Bearer `, which AWS does not document for the REST Cognito authorizer.
        HeaderBearerPrefix = ("APIGW_HEADER_BEARER_PREFIX", Info),
        /// The `Authorization` value includes the header name (`Authorization: …`).
        HeaderNameIncluded = ("APIGW_HEADER_NAME_INCLUDED", Error),
        /// The `Authorization` value holds no single token (empty, JSON, a URL, several tokens, percent-escapes).
        HeaderNotAToken = ("APIGW_HEADER_NOT_A_TOKEN", Error),
        /// The `Authorization` value carries another token than the one inspected.
        HeaderOtherToken = ("APIGW_HEADER_OTHER_TOKEN", Warning),
        /// `iss` is not exactly the HTTP API authorizer's issuer (trailing slash included) (401).
        HttpIssuerMismatch = ("APIGW_HTTP_ISSUER_MISMATCH", Error),
        /// Neither `aud` nor `client_id` is among the HTTP API authorizer's audiences (401).
        HttpAudienceMismatch = ("APIGW_HTTP_AUDIENCE_MISMATCH", Error),
        /// Neither `scope` nor `scp` holds any of the route's authorization scopes (401/403).
        HttpNoMatchingScope = ("APIGW_HTTP_NO_MATCHING_SCOPE", Error),
        /// The token is not RSA-signed; AWS's 2023 documentation says HTTP API JWT authorizers support only RSA.
        HttpAlgNotRsa = ("APIGW_HTTP_ALG_NOT_RSA", Warning),
        /// The header has no `kid`, which the HTTP API JWT authorizer needs to find the key (401).
        HttpNoKid = ("APIGW_HTTP_NO_KID", Error),
        /// The route has no authorization scopes: any token of the issuer and audience passes, ID tokens included.
        HttpNoRouteScopes = ("APIGW_HTTP_NO_ROUTE_SCOPES", Info),
    }
}

codes! {
    Oidc =>
    /// Codes of the OpenID Connect and RFC 8725 / RFC 9068 checks.
    pub enum OidcCode {
        /// An ID token is used where an access token is expected (cross-JWT confusion, RFC 8725 §2.8).
        IdTokenAsAccess = ("OIDC_ID_TOKEN_AS_ACCESS_TOKEN", Error),
        /// An access token is used where an ID token is expected.
        AccessTokenAsId = ("OIDC_ACCESS_TOKEN_AS_ID_TOKEN", Error),
        /// Nothing in the token says whether it is an ID or access token, so the expected type could not be checked.
        TokenTypeUnknown = ("OIDC_TOKEN_TYPE_UNKNOWN", Info),
        /// An access token lacks `typ: at+jwt`; resource servers enforcing RFC 9068 reject it.
        TypNotAtJwt = ("OIDC_TYP_NOT_AT_JWT", Warning),
        /// An ID token lacks a claim OIDC Core requires (`iss`, `sub`, `aud`, `exp`, `iat`).
        RequiredClaimMissing = ("OIDC_REQUIRED_CLAIM_MISSING", Error),
        /// An ID token's `iss` is not an https URL without query or fragment.
        IssNotHttps = ("OIDC_ISS_NOT_HTTPS", Warning),
        /// An ID token's `sub` is longer than the 255 ASCII characters OIDC Core allows.
        SubInvalid = ("OIDC_SUB_INVALID", Warning),
        /// `azp` is present and is not the relying party's client id.
        AzpMismatch = ("OIDC_AZP_MISMATCH", Error),
        /// `aud` lists audiences besides the client; OIDC Core says to reject the token unless they are trusted.
        UntrustedAudience = ("OIDC_UNTRUSTED_AUDIENCE", Warning),
        /// An access token lacks claims RFC 9068 §2.2 requires (`iss`, `exp`, `aud`, `sub`, `client_id`, `iat`, `jti`).
        Rfc9068ClaimsMissing = ("RFC9068_CLAIMS_MISSING", Warning),
        /// The token is signed with an algorithm the service does not accept.
        AlgNotAllowed = ("TARGET_ALG_NOT_ALLOWED", Error),
        /// The header has no `kid`, which the service needs to pick the issuer's key.
        KidMissing = ("TARGET_KID_MISSING", Error),
        /// The token's client (`client_id`, `azp`, `cid` or `appid`, as its provider issues it) is not an allowed client.
        ClientNotAllowed = ("TARGET_CLIENT_NOT_ALLOWED", Error),
        /// The token lacks a role or permission the call requires (`roles`, Keycloak's realm or client roles, Auth0's `permissions`).
        RoleMissing = ("TARGET_ROLE_MISSING", Error),
        /// A claim the service is configured to check (an ALB additional claim) does not hold the value it requires.
        ClaimConditionFailed = ("TARGET_CLAIM_CONDITION_FAILED", Error),
    }
}

codes! {
    Provider =>
    /// Codes about providers other than Cognito, and about providers in general.
    pub enum ProviderCode {
        /// The issuer is a local emulator (localhost and the like); real services reject its tokens.
        Emulator = ("PROVIDER_EMULATOR", Warning),
        /// The provider never signs with this `alg` (Cognito, Entra, Firebase and Google use RS256; ALB uses ES256).
        UnexpectedAlg = ("PROVIDER_UNEXPECTED_ALG", Error),
        /// A Microsoft Entra v1.0 token (sts.windows.net) where a v2.0 issuer is expected, or the reverse.
        EntraVersionMismatch = ("ENTRA_VERSION_MISMATCH", Error),
        /// A token for Microsoft Graph: its format is Microsoft's own and your app cannot validate it.
        EntraGraphToken = ("ENTRA_GRAPH_TOKEN", Warning),
        /// Scopes were expected, but the Entra token carries app roles (`roles`, client credentials) and no `scp`.
        EntraRolesNotScp = ("ENTRA_ROLES_NOT_SCP", Warning),
        /// An Auth0 `aud` is an array (the API identifier and `/userinfo`); verifiers must accept an array.
        Auth0AudArray = ("AUTH0_AUD_ARRAY", Info),
        /// An access token from the Okta org authorization server, meant for Okta's own APIs only.
        OktaOrgServer = ("OKTA_ORG_SERVER_TOKEN", Warning),
        /// `iss` and the expected issuer differ by Keycloak's `/auth` path prefix (dropped in Keycloak 17).
        KeycloakAuthPrefix = ("KEYCLOAK_AUTH_PREFIX", Error),
        /// The expected client id is not in `aud` but in `azp`, where Keycloak puts the requesting client.
        KeycloakClientInAzp = ("KEYCLOAK_CLIENT_IN_AZP", Error),
        /// A Firebase ID token's `aud` is its project id, and something else was expected.
        FirebaseAudience = ("FIREBASE_AUD_PROJECT", Error),
        /// Google ID tokens use `accounts.google.com` or `https://accounts.google.com`; the other form was expected.
        GoogleIssuerForm = ("GOOGLE_ISSUER_FORM", Warning),
        /// An Application Load Balancer user-claims token (`x-amzn-oidc-data`): ES256, keys per `kid`, no JWKS.
        AlbToken = ("ALB_TOKEN", Info),
        /// The ALB token's `signer` is not the load balancer the backend trusts.
        AlbSignerMismatch = ("ALB_SIGNER_MISMATCH", Error),
        /// The ALB token's `client` header is not the OAuth client the load balancer is configured with.
        AlbClientMismatch = ("ALB_CLIENT_MISMATCH", Error),
        /// The ALB token has base64 `=` padding, which the load balancer adds; strict JWT libraries reject it.
        AlbPadding = ("ALB_PADDING", Info),
        /// An Entra v1.0 token whose `aud` is an App ID URI the API does not accept (Microsoft.Identity.Web expects api://<client id>).
        EntraAudience = ("ENTRA_AUDIENCE", Error),
        /// An Auth0 token whose only audience is `/userinfo`: requested without the API's `audience`.
        Auth0NoApiAudience = ("AUTH0_NO_API_AUDIENCE", Error),
        /// Auth0 permissions are required, and the token has no `permissions` claim (RBAC off, or not added to the token).
        Auth0RbacOff = ("AUTH0_RBAC_OFF", Warning),
        /// A Keycloak access token whose `aud` lacks the API: the client has no audience mapper for it.
        KeycloakAudienceMapper = ("KEYCLOAK_AUDIENCE_MAPPER", Warning),
        /// A Keycloak refresh token (`typ: Refresh`): it only gets new tokens at the token endpoint.
        KeycloakRefreshToken = ("KEYCLOAK_REFRESH_TOKEN", Error),
        /// A Firebase custom token (signed by a service account) where an ID token is needed.
        FirebaseCustomToken = ("FIREBASE_CUSTOM_TOKEN", Error),
        /// A Firebase ID token whose `sub` is empty, not a string, or longer than 128 characters.
        FirebaseSubInvalid = ("FIREBASE_SUB_INVALID", Error),
        /// A Firebase ID token whose `auth_time` is missing or in the future.
        FirebaseAuthTime = ("FIREBASE_AUTH_TIME", Error),
        /// A Google ID token's `azp` differs from `aud` (normal for Android and cross-client sign-in; verifyIdToken does not check it).
        GoogleAzpDiffers = ("GOOGLE_AZP_DIFFERS", Info),
    }
}

codes! {
    Pair =>
    /// Codes of the comparison of an ID token with the access token pasted with it.
    pub enum PairCode {
        /// The ID token and the access token pasted with it were issued together: everything compared agrees
        /// (`at_hash`; for Cognito also issuer, subject, sign-in and app client).
        SameSignIn = ("PAIR_SAME_SIGN_IN", Info),
        /// The ID token and the access token pasted with it are of one user and sign-in but not of one token
        /// response (`at_hash` or `auth_time` differs): one was probably refreshed and the other kept.
        NotIssuedTogether = ("PAIR_NOT_ISSUED_TOGETHER", Info),
        /// The ID token and the access token pasted with it belong to another user, app client or sign-in.
        DifferentSignIn = ("PAIR_DIFFERENT_SIGN_IN", Warning),
    }
}

codes! {
    Fetch =>
    /// Codes of fetching an issuer's keys (`fetchIssuerKeys`), which happens only on request.
    pub enum FetchCode {
        /// The source names no issuer: not an https URL, a Cognito user pool id or ARN, or a token with an `iss`.
        SourceUnknown = ("FETCH_SOURCE_UNKNOWN", Error),
        /// The issuer came from the token's own `iss`, which is not verified: these are the keys of the issuer the token names.
        IssuerUnverified = ("FETCH_ISSUER_UNVERIFIED", Info),
        /// A URL is not https (only `http://localhost` and `http://127.0.0.1` are allowed besides), so it was not requested.
        InsecureUrl = ("FETCH_INSECURE_URL", Error),
        /// The request failed before an answer: the network, or the issuer does not allow cross-origin requests (CORS).
        Network = ("FETCH_NETWORK", Error),
        /// The issuer did not answer within the time allowed; the request was aborted.
        Timeout = ("FETCH_TIMEOUT", Error),
        /// The issuer answered with a redirect, which is not followed.
        Redirect = ("FETCH_REDIRECT", Error),
        /// The issuer answered with an HTTP error status.
        HttpStatus = ("FETCH_HTTP_STATUS", Error),
        /// The answer is larger than allowed; reading it was stopped.
        TooLarge = ("FETCH_TOO_LARGE", Error),
        /// The answer is not JSON.
        NotJson = ("FETCH_NOT_JSON", Error),
        /// The discovery document has no https `jwks_uri`.
        NoJwksUri = ("FETCH_NO_JWKS_URI", Error),
        /// The discovery document named where the keys are (`jwks_uri`), which was then requested.
        JwksUri = ("FETCH_JWKS_URI", Info),
        /// The key set holds no key jwtlens can verify with.
        NoKeys = ("FETCH_NO_KEYS", Error),
    }
}

codes! {
    SdJwt =>
    /// Codes of SD-JWT presentations (RFC 9901): the disclosures, the digests that reference them and the key-binding
    /// JWT.
    pub enum SdJwtCode {
        /// An SD-JWT: an issuer-signed JWT, its disclosures and an optional key-binding JWT, separated by `~`.
        Presentation = ("SDJWT_PRESENTATION", Info),
        /// A disclosure is not base64url of a JSON array of 2 or 3 elements with a string salt and an allowed name.
        DisclosureMalformed = ("SDJWT_DISCLOSURE_MALFORMED", Error),
        /// A disclosure's digest appears nowhere in the issuer-signed payload or in another disclosure.
        Unreferenced = ("SDJWT_UNREFERENCED", Error),
        /// A digest appears twice (in `_sd` arrays or `...` elements), or one disclosure is presented twice.
        DuplicateDigest = ("SDJWT_DUPLICATE_DIGEST", Error),
        /// A disclosed claim's name is already a claim of the object it is disclosed into, or an object property
        /// disclosure is referenced as an array element (or the other way round).
        Misplaced = ("SDJWT_MISPLACED_DISCLOSURE", Error),
        /// `_sd_alg` names a hash other than `sha-256`, `sha-384` or `sha-512`, or is not a string.
        SdAlgUnsupported = ("SDJWT_SD_ALG_UNSUPPORTED", Error),
        /// The key-binding JWT's `sd_hash` is missing or is not the hash of the presentation it ends.
        SdHashMismatch = ("SDJWT_SD_HASH_MISMATCH", Error),
        /// The key-binding JWT is not signed by the holder key in the issuer payload's `cnf.jwk`.
        KbSignature = ("SDJWT_KB_SIGNATURE", Error),
        /// A key-binding JWT is present but the issuer payload has no `cnf.jwk` to verify it with.
        KbNoCnf = ("SDJWT_KB_NO_CNF", Error),
        /// Key binding is expected (the credential has `cnf` and a nonce, audience or `sdJwt.keyBinding` asks for it)
        /// but the presentation ends without a key-binding JWT.
        KbMissing = ("SDJWT_KB_MISSING", Error),
        /// The key-binding JWT's `iat` is older than the window allowed (`sdJwt.maxAge`, 300 seconds by default).
        KbStale = ("SDJWT_KB_STALE", Error),
        /// The key-binding JWT's `iat` is in the future, beyond the clock skew.
        KbFuture = ("SDJWT_KB_FUTURE", Error),
        /// The key-binding JWT's header `typ` is not `kb+jwt`.
        KbTyp = ("SDJWT_KB_TYP", Error),
        /// The key-binding JWT lacks one of `iat`, `aud`, `nonce`, `sd_hash`, or has it with the wrong type.
        KbClaimMissing = ("SDJWT_KB_CLAIM_MISSING", Error),
        /// The key-binding JWT's `nonce` is not the nonce expected (`expect.nonce`).
        KbNonce = ("SDJWT_KB_NONCE", Error),
        /// The key-binding JWT's `aud` is not the audience expected (`expect.audience`).
        KbAudience = ("SDJWT_KB_AUDIENCE", Error),
    }
}

codes! {
    Dpop =>
    /// Codes of DPoP (RFC 9449): the proof's checks of §4.3 and the access token's binding of §6 and §7.
    pub enum DpopCode {
        /// The paste is an HTTP request with DPoP headers: the access token and the proof were taken from them.
        Headers = ("DPOP_HEADERS", Info),
        /// The request sends `Authorization: DPoP` but carries no `DPoP` header with a proof.
        ProofMissing = ("DPOP_PROOF_MISSING", Error),
        /// The proof's header `typ` is not `dpop+jwt`.
        Typ = ("DPOP_TYP", Error),
        /// The proof's `alg` is not an asymmetric JWS algorithm (`none` and `HS*` are refused).
        Alg = ("DPOP_ALG", Error),
        /// The proof's header has no `jwk`, or its `jwk` is not a public key (it holds private members).
        Jwk = ("DPOP_JWK", Error),
        /// The proof's signature does not verify with the public key in its own `jwk` under its `alg`.
        Signature = ("DPOP_SIGNATURE", Error),
        /// The proof's `htm` is not the request's method.
        Htm = ("DPOP_HTM", Error),
        /// The proof's `htu` is not the request's URL (without query and fragment).
        Htu = ("DPOP_HTU", Error),
        /// The proof's `iat` is missing, older than the window allowed or in the future.
        Iat = ("DPOP_IAT", Error),
        /// The proof has no `jti`.
        Jti = ("DPOP_JTI", Error),
        /// The proof's `ath` is missing or is not the base64url SHA-256 hash of the access token sent with it.
        Ath = ("DPOP_ATH", Error),
        /// The access token's `cnf.jkt` is not the RFC 7638 thumbprint of the proof's key.
        Jkt = ("DPOP_JKT", Error),
        /// The proof's `nonce` is not the nonce the server gave (`DPoP-Nonce`).
        Nonce = ("DPOP_NONCE", Error),
        /// A DPoP-bound access token (`cnf.jkt`) is sent with the `Bearer` scheme instead of `DPoP`.
        BearerScheme = ("DPOP_BEARER_SCHEME", Error),
        /// The server answered `WWW-Authenticate: DPoP error="use_dpop_nonce"`: it wants a proof carrying its nonce.
        UseNonce = ("DPOP_USE_NONCE", Warning),
    }
}
