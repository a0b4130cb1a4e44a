// Generated from the Rust types by crate/tests/typescript.rs (JWTLENS_BLESS=1 cargo test --test typescript).
// Do not edit: change the Rust type or its doc comment, then regenerate. The functions are in index.d.ts.
import type { FindingCode } from './codes.js';

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]?: JsonValue } | null;

/**
 * How bad a finding is. Fixed per code.
 */
export type Severity = "info" | "warning" | "error";

/**
 * One documented code: what `docs/codes.md` lists.
 */
export type CodeEntry = { 
/**
 * The stable string code.
 */
code: FindingCode, 
/**
 * Its fixed severity.
 */
severity: Severity, 
/**
 * One sentence saying when it is reported.
 */
description: string, };

/**
 * Which part of a token a location points into.
 */
export type Part = "input" | "header" | "payload" | "signature" | "encryptedKey" | "iv" | "ciphertext" | "tag" | "key" | "disclosure" | "keyBinding";

/**
 * Where a finding applies. Every field is optional; offsets are into the original input.
 */
export type Location = { 
/**
 * Index of the token in [`crate::Inspection::tokens`].
 */
token?: number, 
/**
 * The part of the token.
 */
part?: Part, 
/**
 * Start offset in the original input. Byte offset inside the Rust core; UTF-16 code units in the JS API.
 */
start?: number, 
/**
 * End offset (exclusive), same unit as `start`.
 */
end?: number, 
/**
 * 1-based line inside decoded JSON text.
 */
line?: number, 
/**
 * 1-based column (in characters) inside decoded JSON text.
 */
column?: number, 
/**
 * The header parameter or claim concerned, e.g. `exp`.
 */
member?: string, 
/**
 * Index of the key concerned, for key and verification findings.
 */
key?: number, };

/**
 * One thing jwtlens noticed.
 */
export type Finding = { 
/**
 * Stable code from `docs/codes.md`.
 */
code: FindingCode, 
/**
 * How bad it is; fixed per code.
 */
severity: Severity, 
/**
 * One line in plain language.
 */
message: string, 
/**
 * What to do about it, when there is something to do.
 */
fix?: string, 
/**
 * Where it applies.
 */
location?: Location, };

/**
 * What kind of token a candidate turned out to be.
 */
export type TokenKind = "jws" | "unsecured" | "jwe" | "opaque" | "malformed" | "sdJwt";

/**
 * How a token was serialized.
 */
export type Serialization = "compact" | "jsonFlattened" | "jsonGeneral";

/**
 * A decoded header or payload: the exact text and the parsed value.
 */
export type Decoded = { 
/**
 * The decoded text exactly as in the token (key order, number spelling), when it is UTF-8.
 */
text: string | null, 
/**
 * The parsed JSON, when the text is valid JSON.
 */
value: JsonValue | null, 
/**
 * The decoded bytes as hex, when they are not UTF-8.
 */
hex?: string, };

/**
 * The byte range of one segment in the original input.
 */
export type Segment = { 
/**
 * Which part this segment is.
 */
part: Part, 
/**
 * Start offset in the original input (bytes in Rust, UTF-16 code units in JS).
 */
start: number, 
/**
 * End offset, exclusive.
 */
end: number, };

/**
 * One signature of a JWS JSON serialization.
 */
export type JsonSignature = { 
/**
 * The protected header.
 */
protected: Decoded | null, 
/**
 * The unprotected header (`header` member), as given.
 */
header: JsonValue | null, };

/**
 * Whether a disclosure is referenced by the issuer-signed payload.
 */
export type DisclosureStatus = "matched" | "unreferenced" | "invalid";

/**
 * One disclosure of an SD-JWT presentation.
 */
export type Disclosure = { 
/**
 * base64url of its hash under `_sd_alg`, over the disclosure text as presented (empty when the algorithm is
 * not supported).
 */
digest: string, 
/**
 * The salt, when the disclosure decoded.
 */
salt: string | null, 
/**
 * The claim name; `null` for an array element (and for an undecodable disclosure).
 */
name: string | null, 
/**
 * The disclosed value.
 */
value: JsonValue | null, 
/**
 * Whether the payload references it.
 */
status: DisclosureStatus, };

/**
 * How a decryption ended.
 */
export type DecryptionStatus = "decrypted" | "failed" | "noKey" | "unsupported";

/**
 * The decrypted content.
 */
export type Plaintext = { 
/**
 * The plaintext as text, when it is UTF-8.
 */
text?: string, 
/**
 * The plaintext as base64url, when it is not UTF-8.
 */
base64url?: string, 
/**
 * Its length in bytes (after decompression).
 */
bytes: number, };

/**
 * The decryption of one JWE with the keys given to `inspect`.
 */
export type Decryption = { 
/**
 * How it ended; the findings located on this token say why when it failed.
 */
status: DecryptionStatus, 
/**
 * The key-management algorithm (`alg`) of the recipient tried.
 */
alg: string | null, 
/**
 * The content-encryption algorithm (`enc`).
 */
enc: string | null, 
/**
 * The compression (`zip`), when the header names one.
 */
zip?: string, 
/**
 * The index (in the result's `keys`) of the key that decrypted the token.
 */
key: number | null, 
/**
 * That key's `kid`.
 */
kid: string | null, 
/**
 * Which recipient of a JSON-serialized JWE it was decrypted for (0 for the compact serialization).
 */
recipient: number | null, 
/**
 * The content, when decrypted.
 */
plaintext: Plaintext | null, 
/**
 * The index (in `tokens`) of the token decoded from the plaintext, when the plaintext is a token.
 */
inner: number | null, };

/**
 * Kinds of [`Origin`].
 */
export type OriginKind = "decrypted";

/**
 * Where a token that was not pasted came from.
 */
export type Origin = { 
/**
 * `decrypted`: the plaintext of a JWE.
 */
kind: OriginKind, 
/**
 * The index (in `tokens`) of the JWE it was decrypted from.
 */
token: number, };

/**
 * Everything decoded from one token.
 */
export type Token = { 
/**
 * Where the token came from when the input held several (`id_token`, `token 2`, …).
 */
label: string | null, 
/**
 * The cleaned token text (compact form, or the JSON serialization).
 */
compact: string, 
/**
 * What kind of token it is.
 */
kind: TokenKind, 
/**
 * How it was serialized.
 */
serialization: Serialization, 
/**
 * The (protected) header.
 */
header: Decoded | null, 
/**
 * The payload (claims). `None` for JWE, whose payload is encrypted.
 */
payload: Decoded | null, 
/**
 * Byte ranges of the segments in the original input (compact serialization only).
 */
segments: Array<Segment>, 
/**
 * Signatures of a JWS JSON serialization.
 */
signatures?: Array<JsonSignature>, 
/**
 * The token inside a nested JWT.
 */
inner: Token | null, 
/**
 * SD-JWT only: every disclosure of the presentation, in order, with its digest and whether the payload
 * references it.
 */
disclosures?: Array<Disclosure>, 
/**
 * SD-JWT only: the issuer's claims with every matched disclosure in place and `_sd`, `_sd_alg` and the `...`
 * array placeholders removed (what the holder disclosed). `None` when the payload is not a JSON object.
 */
disclosedClaims?: JsonValue, 
/**
 * SD-JWT only: the key-binding JWT that ends the presentation, decoded as a token (`null` when the presentation
 * ends with `~`).
 */
keyBinding?: Token | null, 
/**
 * A JWE's decryption with the keys given (`inspect` with `keys`).
 */
decryption?: Decryption, 
/**
 * Where a token that was not pasted came from: the plaintext of a JWE (`origin.token` is the JWE's index).
 * Such a token was never in the input, so its `segments` are empty and its findings carry no offsets.
 */
origin?: Origin, };

/**
 * A JWS signature algorithm jwtlens can verify.
 */
export type Algorithm = "HS256" | "HS384" | "HS512" | "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" | "ES256" | "ES384" | "ES512" | "ES256K" | "EdDSA" | "Ed25519";

/**
 * The limits of one call. Every field is optional in the options; a missing one keeps its default.
 */
export type Limits = { 
/**
 * Bytes (UTF-8) of each text given: the pasted input, the key text, a detached payload, a header value.
 * Default 1 MiB (1,048,576).
 */
inputBytes?: number, 
/**
 * Tokens read from one paste; those beyond are not decoded. Default 1,000.
 */
tokens?: number, 
/**
 * Keys in one key text (JWKS entries, PEM blocks, JSON array elements); beyond it no key is read. Default 100.
 */
keys?: number, 
/**
 * Signatures of one JWS JSON serialization; beyond it none is decoded or verified. Default 16.
 */
signatures?: number, 
/**
 * Members of one JSON object (header, payload, JWS JSON, JWK, token response); beyond it the JSON is not
 * parsed. Default 1,000.
 */
members?: number, 
/**
 * Nesting depth of JSON (objects and arrays); beyond it the JSON is not parsed. Default 32, at most 127.
 */
depth?: number, 
/**
 * Signature checks in one call (each key tried on each signature, including keys tried for diagnosis only);
 * beyond it the remaining keys are not tried. Default 64.
 */
checks?: number, 
/**
 * Compiled size in bytes of the API Gateway REST token-validation regex (regex-lite's size limit); a larger
 * regex is not evaluated. Default 64 KiB (65,536).
 */
regexBytes?: number, 
/**
 * Characters of `aud` values the token-validation regex is matched against in one call; beyond it the regex
 * is not evaluated. Default 4,096.
 */
regexText?: number, };

/**
 * Options for `encrypt`. Every field is optional.
 */
export type EncryptOptions = { 
/**
 * The key-management algorithm. Default: `RSA-OAEP-256` for an RSA key, `ECDH-ES` for an EC or X25519 key,
 * `A128KW`/`A192KW`/`A256KW` for a secret of 16/24/32 bytes, else `PBES2-HS256+A128KW` (the secret is the
 * password). `RSA1_5` is refused.
 */
alg?: string, 
/**
 * The content-encryption algorithm. Default `A256GCM`.
 */
enc?: string, 
/**
 * `kid` in the header. Default: the key's own `kid`, when it has one.
 */
kid?: string, 
/**
 * `cty` in the header. Default `JWT` when the plaintext is a compact token, else none.
 */
cty?: string, 
/**
 * Compress the plaintext with raw DEFLATE (`zip: DEF`) before encrypting. Default false.
 */
zip?: boolean, 
/**
 * PBES2's iteration count. Default 2048 (jose's); at most 10,000.
 */
p2c?: number, 
/**
 * How to read a secret given as text. Default `utf8`.
 */
secretEncoding?: SecretEncoding, };

/**
 * The result of `encrypt`.
 */
export type Encryption = { 
/**
 * The JWE in the compact serialization; `None` when nothing could be encrypted (the findings say why).
 */
token: string | null, 
/**
 * The key-management algorithm used.
 */
alg: string | null, 
/**
 * The content-encryption algorithm used.
 */
enc: string | null, 
/**
 * The index of the key used (in the key text's keys).
 */
key: number | null, 
/**
 * What was noticed: `JWE_ENCRYPT_*` errors, and the key findings.
 */
findings: Array<Finding>, };

/**
 * How an HMAC secret typed as text is turned into bytes.
 */
export type SecretEncoding = "utf8" | "base64" | "base64url" | "hex";

/**
 * Options for [`parse_keys`]. Every field is optional.
 */
export type KeyOptions = { 
/**
 * How to read an HMAC secret. Default `utf8`.
 */
secretEncoding?: SecretEncoding, 
/**
 * The evaluation time certificates are judged at, in seconds since the Unix epoch (as `inspect`'s `now`).
 * Without it, expiry is not judged: jwtlens never reads the clock (the JS API passes the caller's).
 */
now?: number | Date | null, 
/**
 * How much to read (`inputBytes` of the key text, `keys`, and `members`/`depth` of JSON keys). Default: each
 * limit's default (see `Limits`).
 */
limits?: Limits, };

/**
 * The format a key was pasted in.
 */
export type KeyFormat = "jwk" | "jwks" | "spki" | "pkcs1" | "x509" | "pkcs8" | "pkcs1Private" | "sec1" | "secret" | "unknown";

/**
 * What a certificate says about itself. Nothing here was checked against a trust anchor.
 */
export type CertificateInfo = { 
/**
 * Subject distinguished name (RFC 4514 string).
 */
subject: string, 
/**
 * Issuer distinguished name.
 */
issuer: string, 
/**
 * Serial number, hex.
 */
serialNumber: string, 
/**
 * Start of validity, `YYYY-MM-DDTHH:MM:SSZ`.
 */
notBefore: string, 
/**
 * End of validity, `YYYY-MM-DDTHH:MM:SSZ`.
 */
notAfter: string, 
/**
 * Start of validity, Unix seconds.
 */
notBeforeUnix: bigint, 
/**
 * End of validity, Unix seconds.
 */
notAfterUnix: bigint, 
/**
 * Expired at the evaluation time; `None` when no evaluation time was given.
 */
expired: boolean | null, 
/**
 * Not yet valid at the evaluation time; `None` when no evaluation time was given.
 */
notYetValid: boolean | null, 
/**
 * Subject equals issuer (a self-issued, usually self-signed, certificate).
 */
selfIssued: boolean, };

/**
 * One key found in the pasted text.
 */
export type KeyInfo = { 
/**
 * Position in [`KeySet::keys`]; findings about this key carry it as `location.key`.
 */
index: number, 
/**
 * Which part of the paste it came from: the n-th PEM block, JWKS entry or JSON array element (0-based).
 */
source: number, 
/**
 * The format it was pasted in.
 */
format: KeyFormat, 
/**
 * `RSA`, `EC`, `OKP` or `oct` (as given by a JWK, even when the key could not be read).
 */
kty: string | null, 
/**
 * The curve: `P-256`, `P-384`, `P-521`, `secp256k1`, `Ed25519`.
 */
crv: string | null, 
/**
 * Size in bits: RSA modulus, curve size, or secret length.
 */
bits: number | null, 
/**
 * The JWK `kid`.
 */
kid: string | null, 
/**
 * The JWK `alg`.
 */
alg: string | null, 
/**
 * The JWK `use`.
 */
use: string | null, 
/**
 * The JWK `key_ops`.
 */
keyOps: Array<string> | null, 
/**
 * RFC 7638 thumbprint (base64url SHA-256) of the public key. Never computed for secrets: the hash of a
 * guessable secret lets anyone test guesses.
 */
thumbprint: string | null, 
/**
 * A private key was pasted; only its public part is used.
 */
private: boolean, 
/**
 * The algorithms this key may verify (after its type, `alg`, `use`, `key_ops` and the refusal rules).
 */
algorithms: Array<Algorithm>, 
/**
 * Whether the key can verify anything at all (`algorithms` is not empty).
 */
usable: boolean, 
/**
 * The certificate the key came from.
 */
certificate: CertificateInfo | null, };

/**
 * What [`parse_keys`] found.
 */
export type KeySet = { 
/**
 * Every key found, usable or not, in paste order.
 */
keys: Array<KeyInfo>, 
/**
 * Everything noticed; findings about one key carry its index as `location.key`.
 */
findings: Array<Finding>, };

/**
 * Options for [`verify`]. Every field is optional.
 */
export type VerifyOptions = { 
/**
 * Allow-list of algorithm names. Default: whatever the keys' types allow. `none` is never allowed.
 */
algorithms?: Array<Algorithm>, 
/**
 * How to read an HMAC secret. Default `utf8`.
 */
secretEncoding?: SecretEncoding, 
/**
 * The evaluation time, in seconds since the Unix epoch (as `inspect`'s `now`): certificates are judged at it.
 * Without it, certificate expiry is not judged. Claims are not checked by `verify`; `inspect` does that.
 */
now?: number | Date | null, 
/**
 * Which token of the input to verify (index into `inspect`'s tokens). Default 0.
 */
token?: number, 
/**
 * Which signature of a general JWS JSON serialization to verify. Default: all; valid when one is.
 */
signature?: number, 
/**
 * The content of a detached-payload JWS (RFC 7515 Appendix F), as text or bytes; used when the payload segment
 * is empty.
 */
detachedPayload?: string | Uint8Array, 
/**
 * How much to read and do (`inputBytes`, `keys`, `signatures`, `checks`, …). Default: each limit's
 * default (see `Limits`).
 */
limits?: Limits, };

/**
 * What happened with one key for one signature.
 */
export type AttemptOutcome = "matched" | "signatureMismatch" | "signatureMalformed" | "kidMismatch" | "wrongKeyType" | "wrongCurve" | "algorithmConfusion" | "notForSigning" | "algMismatch" | "keyRefused" | "unusable" | "notTried";

/**
 * One key's row for one signature.
 */
export type KeyAttempt = { 
/**
 * Index of the key in [`Verification::keys`].
 */
key: number, 
/**
 * Index of the signature (0 unless the token is a general JWS JSON serialization).
 */
signature: number, 
/**
 * The key's `kid`.
 */
kid: string | null, 
/**
 * Whether the key was used to verify (policy allowed it).
 */
tried: boolean, 
/**
 * What happened.
 */
outcome: AttemptOutcome, 
/**
 * For keys that were not used because of their metadata: whether the signature would have verified with them.
 */
signatureMatches: boolean | null, 
/**
 * The outcome in plain language.
 */
reason: string, };

/**
 * The key a signature verified with.
 */
export type MatchedKey = { 
/**
 * Index in [`Verification::keys`].
 */
index: number, 
/**
 * Its `kid`.
 */
kid: string | null, 
/**
 * Its RFC 7638 thumbprint (none for secrets).
 */
thumbprint: string | null, 
/**
 * Which signature it verified.
 */
signature: number, };

/**
 * The verification of one token's signature: the verdict, the key that matched, one row per key, and the
 * signature findings. Inside an [`crate::Inspection`] it holds only this token's signature findings (the keys and
 * their findings are listed once, in `Inspection.keys`); [`crate::verify()`] returns it with every finding.
 */
export type Verification = { 
/**
 * The verdict: a used key verifies the signature and nothing stands in the way.
 */
valid: boolean, 
/**
 * Index of the verified token among the input's tokens.
 */
token: number | null, 
/**
 * The token's `alg`, as written.
 */
algorithm: string | null, 
/**
 * The key whose signature check passed. Set even when `valid` is false for another reason (an ambiguous `kid`,
 * a non-strict encoding); the findings say why.
 */
matchedKey: MatchedKey | null, 
/**
 * One row per key (per signature).
 */
attempts: Array<KeyAttempt>, 
/**
 * The verification's findings (signature, header rules, token selection, options).
 */
findings: Array<Finding>, };

/**
 * The result of [`verify`]: the [`Verification`] (whose findings here include the decoding and key findings) and
 * the keys read from the key text.
 */
export type VerifyResult = { 
/**
 * The keys read from the key text.
 */
keys: Array<KeyInfo>, 
/**
 * The verdict: a used key verifies the signature and nothing stands in the way.
 */
valid: boolean, 
/**
 * Index of the verified token among the input's tokens.
 */
token: number | null, 
/**
 * The token's `alg`, as written.
 */
algorithm: string | null, 
/**
 * The key whose signature check passed. Set even when `valid` is false for another reason (an ambiguous `kid`,
 * a non-strict encoding); the findings say why.
 */
matchedKey: MatchedKey | null, 
/**
 * One row per key (per signature).
 */
attempts: Array<KeyAttempt>, 
/**
 * The verification's findings (signature, header rules, token selection, options).
 */
findings: Array<Finding>, };

/**
 * The `iat` option.
 */
export type Iat = "now";

/**
 * Options for [`crate::sign()`]. Every field is optional.
 */
export type SignOptions = { 
/**
 * The protected header: JSON text (signed exactly as given) or an object. Default `{}`. Its `alg` is used; without
 * one, `alg` is written first into it.
 */
header?: string | Record<string, unknown>, 
/**
 * The algorithm when the header names none. Default: the key's JWK `alg`, else the key's type (RSA → RS256, P-256
 * → ES256, P-384 → ES384, P-521 → ES512, secp256k1 → ES256K, Ed25519 → EdDSA, a secret → HS256). `none` makes an
 * unsecured token (flagged), and only when asked for here.
 */
alg?: Algorithm | "none", 
/**
 * A `kid` to write into the header, or `true` for the key's `kid` (else its RFC 7638 thumbprint).
 */
kid?: string | boolean, 
/**
 * A `typ` to write into the header (`JWT`, `at+jwt`, …).
 */
typ?: string, 
/**
 * `now`: write `iat` (the evaluation time, in whole seconds) into the payload.
 */
iat?: Iat, 
/**
 * Write `exp` = evaluation time + this many seconds into the payload (negative: an expired token).
 */
expiresIn?: number, 
/**
 * The evaluation time for `iat` and `expiresIn`, in seconds since the Unix epoch. jwtlens never reads the clock;
 * the JS API passes the caller's.
 */
now?: number | Date | null, 
/**
 * How to read an HMAC secret. Default `utf8`.
 */
secretEncoding?: SecretEncoding, };

/**
 * A JSON Web Key (RFC 7517) as jwtlens writes it: members in the conventional order, absent ones left out.
 */
export type Jwk = { 
/**
 * `RSA`, `EC`, `OKP` or `oct`.
 */
kty: string, 
/**
 * The curve: `P-256`, `P-384`, `P-521`, `secp256k1`, `Ed25519`.
 */
crv?: string, 
/**
 * EC x coordinate, or the Ed25519 public key.
 */
x?: string, 
/**
 * EC y coordinate.
 */
y?: string, 
/**
 * RSA modulus.
 */
n?: string, 
/**
 * RSA public exponent.
 */
e?: string, 
/**
 * The private key: RSA private exponent, EC scalar, Ed25519 seed. Only in private JWKs.
 */
d?: string, 
/**
 * RSA first prime factor.
 */
p?: string, 
/**
 * RSA second prime factor.
 */
q?: string, 
/**
 * RSA first CRT exponent.
 */
dp?: string, 
/**
 * RSA second CRT exponent.
 */
dq?: string, 
/**
 * RSA CRT coefficient.
 */
qi?: string, 
/**
 * The HMAC secret.
 */
k?: string, 
/**
 * The key id.
 */
kid?: string, 
/**
 * The algorithm the key is for.
 */
alg?: string, 
/**
 * `sig`.
 */
use?: string, };

/**
 * The result of [`crate::sign()`].
 */
export type Signing = { 
/**
 * The compact token; `null` when nothing could be signed (the error findings say why).
 */
token: string | null, 
/**
 * The header text signed: the given text, with `alg` (and `kid`, `typ` when asked) added when it lacked them.
 */
header: string, 
/**
 * The payload text signed: the given text, with `iat` and `exp` set when asked.
 */
payload: string, 
/**
 * The algorithm of the token (`none` for an unsecured one), when it is known.
 */
alg: Algorithm | "none" | null, 
/**
 * Index in `keys` of the key that signed.
 */
key: number | null, 
/**
 * The keys read from the key text (their public facts only; nothing private is ever in a result).
 */
keys: Array<KeyInfo>, 
/**
 * The public key that verifies the token, as a JWK (with the header's `kid`); `null` for a secret.
 */
publicJwk: Jwk | null, 
/**
 * Everything noticed: the JSON, the keys, the choice of key and algorithm, what verifiers would reject.
 */
findings: Array<Finding>, };

/**
 * A generated test key. For an HMAC algorithm only `secret` and `privateJwk` are set; for the others, the PEM and
 * JWK forms of both halves.
 */
export type GeneratedKey = { 
/**
 * The algorithm the key was made for (also its JWKs' `alg`).
 */
alg: Algorithm, 
/**
 * The key id: the RFC 7638 thumbprint of the public key; `null` for a secret.
 */
kid: string | null, 
/**
 * The HMAC secret as text: its UTF-8 bytes are the key (base64url characters, as long as the hash).
 */
secret: string | null, 
/**
 * The private key as a JWK (`d` and, for RSA, the primes and CRT values), or the secret as an `oct` JWK.
 */
privateJwk: Jwk, 
/**
 * The public key as a JWK, to verify with.
 */
publicJwk: Jwk | null, 
/**
 * The private key as PEM (`PRIVATE KEY`, PKCS#8).
 */
privatePem: string | null, 
/**
 * The public key as PEM (`PUBLIC KEY`, SPKI).
 */
publicPem: string | null, };

/**
 * What the key-binding JWT of a test SD-JWT carries.
 */
export type KeyBindingOptions = { 
/**
 * The verifier's nonce.
 */
nonce?: string, 
/**
 * The verifier (its `aud`).
 */
audience?: string, };

/**
 * Options for making a test SD-JWT.
 */
export type SdJwtSignOptions = { 
/**
 * How the issuer-signed JWT is signed (header, `alg`, `kid`, times, `now`). Its `typ` defaults to `dc+sd-jwt`.
 */
sign?: SignOptions, 
/**
 * The top-level claims to make selectively disclosable, each a disclosure of its own.
 */
disclose?: Array<string>, 
/**
 * How many decoy digests to add to `_sd`. Default 0.
 */
decoys?: number, 
/**
 * With a key-binding JWT: what it carries. The holder key itself is the separate `holderKey` argument.
 */
keyBinding?: KeyBindingOptions, 
/**
 * The evaluation time (the key-binding JWT's `iat`; `sign.now` when that is not given), in seconds since the
 * Unix epoch.
 */
now?: number | Date | null, };

/**
 * A test SD-JWT.
 */
export type SdJwtSigning = { 
/**
 * `<issuer-signed JWT>~<disclosure>~…~[<key-binding JWT>]`; `null` when nothing could be signed.
 */
token: string | null, 
/**
 * The disclosures, encoded, in the order they are presented.
 */
disclosures: Array<string>, 
/**
 * The issuer-signed JWT as [`crate::sign()`] answers it (payload with `_sd`, `_sd_alg` and `cnf`).
 */
issuer: Signing, 
/**
 * The key-binding JWT, when a holder key was given.
 */
keyBinding: Signing | null, 
/**
 * What making the disclosures noticed (the signing findings are in `issuer` and `keyBinding`).
 */
findings: Array<Finding>, };

/**
 * Options for making a test DPoP proof.
 */
export type DpopProofOptions = { 
/**
 * The access token the proof is sent with (its hash becomes `ath`); none for a token request.
 */
accessToken?: string, 
/**
 * The request's method (`htm`).
 */
method?: string, 
/**
 * The request's URL (`htu`, written without query and fragment).
 */
url?: string, 
/**
 * The server's `DPoP-Nonce`.
 */
nonce?: string, 
/**
 * A `jti` to write; default 96 random bits.
 */
jti?: string, 
/**
 * The algorithm; default the key's.
 */
alg?: string, 
/**
 * The evaluation time (`iat`), in seconds since the Unix epoch.
 */
now?: number | Date | null, };

/**
 * A string or a list of strings, as JSON allows for `aud`-like values.
 */
export type OneOrMany = string | Array<string>;

/**
 * Which of the two user-facing token types is meant.
 */
export type ExpectedTokenUse = "id" | "access";

/**
 * What the caller's own verifier expects. Each field given adds a check; absent fields are not checked.
 */
export type Expectations = { 
/**
 * The exact issuer (`iss`) expected.
 */
issuer?: string, 
/**
 * A Cognito user pool id (`us-east-1_AbC123`); the issuer is derived from it.
 */
userPoolId?: string, 
/**
 * A Cognito user pool ARN (`arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_AbC123`); the issuer
 * is derived from it.
 */
userPoolArn?: string, 
/**
 * An AWS region (`eu-west-1`): the token's Cognito issuer must be in it.
 */
region?: string, 
/**
 * The audience expected in `aud` (a resource server's identifier, or an OIDC client id).
 */
audience?: OneOrMany, 
/**
 * The OAuth client (app client) id: `aud` of an ID token, `client_id` of a Cognito access token.
 */
clientId?: string, 
/**
 * Which token type is expected.
 */
tokenUse?: ExpectedTokenUse, 
/**
 * Scopes that must all be present in `scope` (or `scp`).
 */
scopes?: Array<string>, 
/**
 * Cognito groups: the token must be in at least one (`cognito:groups`), as aws-jwt-verify checks.
 */
groups?: Array<string>, 
/**
 * The nonce sent in the authorization request; an ID token must echo it.
 */
nonce?: string, 
/**
 * The access token issued with the ID token; the ID token's `at_hash` must match it.
 */
accessToken?: string, };

/**
 * A Cognito user-pool API call.
 */
export type CognitoApiTarget = { 
/**
 * The operation name as in the API reference, e.g. `GetUser`.
 */
operation: string, };

/**
 * An API Gateway REST API `COGNITO_USER_POOLS` authorizer and the method it protects.
 */
export type ApiGatewayRestTarget = { 
/**
 * The authorizer's `providerARNs`: the user pool ARNs it accepts.
 */
providerArns: Array<string>, 
/**
 * The method's OAuth scopes (`authorizationScopes`). Absent or empty: the method wants an ID token.
 */
scopes?: Array<string>, 
/**
 * The authorizer's token-validation regex (`identityValidationExpression`), matched against `aud`.
 */
identityValidationExpression?: string, 
/**
 * The `Authorization` header value exactly as the client sends it.
 */
headerValue?: string, };

/**
 * An API Gateway HTTP API JWT authorizer and the route it protects.
 */
export type ApiGatewayHttpTarget = { 
/**
 * The configured issuer, compared with `iss` exactly.
 */
issuer: string, 
/**
 * The configured audiences: `aud` or `client_id` must be one of them.
 */
audiences: Array<string>, 
/**
 * The route's authorization scopes: `scope` or `scp` must hold at least one.
 */
scopes?: Array<string>, };

/**
 * An OpenID Connect relying party (OIDC Core §3.1.3.7).
 */
export type OidcTarget = { 
/**
 * The issuer from the provider's discovery document.
 */
issuer: string, 
/**
 * The relying party's client id.
 */
clientId: string, };

/**
 * A resource server (an API) validating JWT access tokens, as RFC 9068 §4 and RFC 7519 §7.2 describe.
 */
export type ResourceServerTarget = { 
/**
 * The issuer it trusts, compared with `iss` exactly (or use `issuers`).
 */
issuer: string, 
/**
 * Several accepted issuers: `iss` must be one of them (with `issuer`, either passes).
 */
issuers?: Array<string>, 
/**
 * Its own identifier: `aud` must contain it (or one of `audiences`).
 */
audience: string, 
/**
 * Several accepted audiences: `aud` must contain one of them.
 */
audiences?: Array<string>, 
/**
 * Scopes the call needs: `scope` (a string) or `scp` (a string or an array) must hold every one.
 */
scopes?: Array<string>, 
/**
 * Roles the call needs, every one: from `roles`, Keycloak's `realm_access.roles` / `resource_access.<client>.roles`,
 * or Auth0's `permissions`.
 */
roles?: Array<string>, 
/**
 * Allowed clients: the provider's client claim (`client_id`, `azp`, `cid` or `appid`) must be one of them.
 */
clients?: Array<string>, 
/**
 * Whether it requires RFC 9068's `typ: at+jwt` (explicit typing). Default false: most APIs do not check it.
 */
requireAtJwt?: boolean, };

/**
 * An ASP.NET Core API protected by Microsoft.Identity.Web (`AddMicrosoftIdentityWebApi`), configured as in its
 * `AzureAd` section of `appsettings.json`.
 */
export type EntraApiTarget = { 
/**
 * The Directory (tenant) ID (`TenantId`).
 */
tenantId: string, 
/**
 * The API's Application (client) ID (`ClientId`).
 */
clientId: string, 
/**
 * The App ID URI when it is configured as `Audience` (e.g. `api://orders`); default `api://<client id>`.
 */
audience?: string, 
/**
 * Delegated scopes the call accepts (`[RequiredScope]`): `scp` must hold one.
 */
scopes?: Array<string>, 
/**
 * App roles (application permissions) the call accepts: `roles` must hold one.
 */
appRoles?: Array<string>, 
/**
 * Allowed client applications (`appid` of v1.0 tokens, `azp` of v2.0 tokens).
 */
clients?: Array<string>, };

/**
 * A Node API protected by Auth0's express-oauth2-jwt-bearer (`auth({ issuerBaseURL, audience })`).
 */
export type Auth0ApiTarget = { 
/**
 * The tenant's domain or custom domain (`dev-x.us.auth0.com`); the issuer is `https://<domain>/`.
 */
domain: string, 
/**
 * The API Identifier (Applications > APIs > your API > Settings).
 */
audience: string, 
/**
 * Scopes the route requires (`requiredScopes`): `scope` must hold every one.
 */
scopes?: Array<string>, 
/**
 * RBAC permissions the route requires (`claimIncludes('permissions', …)`): every one.
 */
permissions?: Array<string>, 
/**
 * The API's signing algorithm (`tokenSigningAlg`): RS256 (default) or HS256.
 */
signingAlg?: string, };

/**
 * An API validating Okta access tokens with okta-jwt-verifier (`verifyAccessToken(token, expectedAudience)`).
 */
export type OktaApiTarget = { 
/**
 * The authorization server's issuer (`https://<okta domain>/oauth2/default`).
 */
issuer: string, 
/**
 * The expected audience (the authorization server's Audience, default `api://default`).
 */
audience: string, 
/**
 * Allowed client ids (`assertClaims: { cid }`).
 */
clients?: Array<string>, 
/**
 * Scopes the call needs (`scp`, every one).
 */
scopes?: Array<string>, };

/**
 * An API validating Keycloak access tokens of one realm.
 */
export type KeycloakApiTarget = { 
/**
 * The realm's URL, which is its issuer (`https://sso.example.com/realms/acme`).
 */
realmUrl: string, 
/**
 * The audience the API requires, when it checks one (the API's client id).
 */
audience?: string, 
/**
 * Allowed clients (`azp`).
 */
clients?: Array<string>, 
/**
 * Roles the call needs, every one: realm roles, or `<client>:<role>` for a client role.
 */
roles?: Array<string>, 
/**
 * Scopes the call needs (`scope`, every one).
 */
scopes?: Array<string>, };

/**
 * A backend verifying Google ID tokens with google-auth-library (`verifyIdToken({ idToken, audience })`).
 */
export type GoogleIdTokenTarget = { 
/**
 * The OAuth client ids accepted as `aud` (web, Android, iOS clients).
 */
audiences: Array<string>, 
/**
 * The Google Workspace domain the user must belong to (`hd`), when the backend checks it.
 */
hostedDomain?: string, };

/**
 * A backend verifying Firebase ID tokens with firebase-admin (`getAuth().verifyIdToken(idToken)`).
 */
export type FirebaseIdTokenTarget = { 
/**
 * The Firebase project id (Project settings > General > Project ID).
 */
projectId: string, };

/**
 * A backend behind an Application Load Balancer that authenticates users with OIDC or Cognito: it reads the
 * user-claims token of `x-amzn-oidc-data`.
 */
export type AlbOidcTarget = { 
/**
 * The load balancer's ARN: the token's `signer` must be it.
 */
albArn: string, 
/**
 * The OAuth client id of the listener's authenticate action: the header's `client` must be it.
 */
clientId?: string, 
/**
 * The identity provider's issuer of the authenticate action: the header's `iss` must be it.
 */
issuer?: string, };

/**
 * An Application Load Balancer listener rule whose action verifies a JWT (`jwt-validation`).
 */
export type AlbJwtTarget = { 
/**
 * The action's `Issuer`: `iss` must be it.
 */
issuer: string, 
/**
 * The action's `JwksEndpoint` (an https URL the load balancer fetches the keys from).
 */
jwksEndpoint: string, 
/**
 * The action's additional claims, each `name=value` (several values separated by spaces): the claim must hold
 * one of the values.
 */
claims?: Array<string>, };

/**
 * The service a token is sent to, whose decision jwtlens simulates.
 */
export type Target = { "kind": "cognitoApi" } & CognitoApiTarget | { "kind": "apiGatewayRest" } & ApiGatewayRestTarget | { "kind": "apiGatewayHttp" } & ApiGatewayHttpTarget | { "kind": "oidc" } & OidcTarget | { "kind": "resourceServer" } & ResourceServerTarget | { "kind": "entraApi" } & EntraApiTarget | { "kind": "auth0Api" } & Auth0ApiTarget | { "kind": "oktaApi" } & OktaApiTarget | { "kind": "keycloakApi" } & KeycloakApiTarget | { "kind": "googleIdToken" } & GoogleIdTokenTarget | { "kind": "firebaseIdToken" } & FirebaseIdTokenTarget | { "kind": "albOidc" } & AlbOidcTarget | { "kind": "albJwt" } & AlbJwtTarget;

/**
 * What a token is for, as far as it can be told from the token alone.
 */
export type TokenUse = "id" | "access" | "refresh" | "unknown";

/**
 * The providers jwtlens recognises.
 */
export type ProviderId = "cognito" | "entraV1" | "entraV2" | "auth0" | "oktaOrg" | "oktaCustom" | "keycloak" | "firebase" | "google" | "alb" | "unknown";

/**
 * Who issued the token, and what could be read from the issuer.
 */
export type ProviderDetection = { 
/**
 * The provider.
 */
id: ProviderId, 
/**
 * Its name for people.
 */
name: string, 
/**
 * What the detection rests on.
 */
evidence: string, 
/**
 * True for a local emulator (localhost issuers, Cognito `local_` pools, Firebase's emulator).
 */
emulator: boolean, 
/**
 * AWS region (Cognito, ALB).
 */
region?: string, 
/**
 * Cognito user pool id.
 */
userPoolId?: string, 
/**
 * Entra tenant id.
 */
tenantId?: string, 
/**
 * Keycloak realm.
 */
realm?: string, 
/**
 * Firebase / Google Cloud project id.
 */
projectId?: string, 
/**
 * Okta custom authorization server id.
 */
authorizationServer?: string, };

/**
 * A NumericDate, for people.
 */
export type TimeInfo = { 
/**
 * The NumericDate itself, in seconds since the Unix epoch (what surfaces compute with; `iso` is for reading).
 */
seconds: number, 
/**
 * ISO-8601 UTC, e.g. `2023-11-14T22:13:20Z`.
 */
iso: string, 
/**
 * The distance from the evaluation time in words, e.g. `expired 3 h 12 min ago`; absent without `now`.
 */
relative: string | null, 
/**
 * Seconds from the evaluation time to this date (negative: in the past); absent without `now`.
 */
secondsFromNow: number | null, };

/**
 * One header parameter or claim present in a token, with its time for people when it is a NumericDate.
 */
export type CatalogueEntry = { 
/**
 * `header` or `payload`.
 */
part: Part, 
/**
 * True for the inner token of a nested JWT.
 */
inner?: boolean, 
/**
 * The member name; what it means is [`crate::describe_claim`]'s answer (static text stays out of results).
 */
name: string, 
/**
 * For NumericDate claims: the date and its distance from the evaluation time.
 */
time?: TimeInfo, };

/**
 * What a header parameter or claim means, and who defines it: [`crate::describe_claim`]'s answer.
 */
export type ClaimMeaning = { 
/**
 * The specification or provider that defines it; `null` when unknown.
 */
definedBy: string | null, 
/**
 * What it means, in one line.
 */
meaning: string, };

/**
 * Options for [`describe_claim`]. Every field is optional.
 */
export type DescribeOptions = { 
/**
 * `header` for a header parameter; default `payload` (a claim).
 */
part?: Part, 
/**
 * The token's provider (`TokenDiagnosis.provider.id`), for its own meaning of a claim. Default: none.
 */
provider?: ProviderId, };

/**
 * One member of a token to describe with [`describe_claims`].
 */
export type ClaimName = { 
/**
 * The member's name.
 */
name: string, 
/**
 * `header` for a header parameter; default `payload` (a claim).
 */
part?: Part, };

/**
 * The outcome of one rule of a target.
 */
export type Outcome = "pass" | "fail" | "unknown";

/**
 * The decision a target service would make.
 */
export type Decision = "allow" | "unknown" | "deny";

/**
 * The service a verdict simulates; the `kind` of its target in the options.
 */
export type TargetKind = "cognitoApi" | "apiGatewayRest" | "apiGatewayHttp" | "oidc" | "resourceServer" | "entraApi" | "auth0Api" | "oktaApi" | "keycloakApi" | "googleIdToken" | "firebaseIdToken" | "albOidc" | "albJwt";

/**
 * A rule a target applies; its stable id in results ([`RuleId::as_str`]).
 */
export type RuleId = "operation" | "format" | "header" | "issuer" | "signature" | "alg" | "kid" | "tokenUse" | "tokenType" | "iss" | "aud" | "azp" | "exp" | "nbf" | "iat" | "scope" | "validationExpression" | "nonce" | "atHash" | "typ" | "roles" | "client" | "claims" | "signer" | "sub" | "authTime" | "conditions";

/**
 * One rule a target applies, with its outcome for this token.
 */
export type Rule = { 
/**
 * Stable rule id.
 */
id: RuleId, 
/**
 * What the service checks, in one line.
 */
description: string, 
/**
 * Pass, fail or unknown for this token.
 */
outcome: Outcome, 
/**
 * Why: the values compared, or what is unknown. For a failure, the message of the finding that explains it.
 */
detail: string, 
/**
 * The finding code that explains the outcome, when there is one.
 */
code?: FindingCode, 
/**
 * For an `unknown` rule that an input of the caller's would decide: which one (the issuer's keys, an evaluation
 * time, a setting of the service).
 */
settle?: string, };

/**
 * What a target service would decide for one token, and the rules that decided it.
 */
export type Verdict = { 
/**
 * Index of the token in `Inspection.tokens`: the one the service takes, when several were pasted.
 */
token: number, 
/**
 * The target's kind, as in the options.
 */
target: TargetKind, 
/**
 * Allow, deny, or unknown.
 */
decision: Decision, 
/**
 * One line saying what the service would answer and why.
 */
summary: string, 
/**
 * Every rule, in the order the service applies them: the documented order for the HTTP API JWT authorizer and
 * OIDC Core §3.1.3.7; where AWS documents no order (Cognito's API, the REST authorizer), the order of AWS's own
 * troubleshooting checklist. All rules are evaluated, not only up to the first failure.
 */
rules: Array<Rule>, 
/**
 * What no client-side tool can see and the decision assumes: that the token is not revoked, that the service
 * runs the configuration given, that it is up.
 */
assumptions: Array<string>, };

/**
 * One failing rule of a plausible service's verdict.
 */
export type FailingRule = { 
/**
 * The rule.
 */
rule: RuleId, 
/**
 * The finding code that explains it.
 */
code?: FindingCode, 
/**
 * Why it fails.
 */
detail: string, 
/**
 * What to do about it.
 */
fix?: string, };

/**
 * What one service the token makes plausible would decide.
 */
export type Answer = { 
/**
 * Index of the token in `Inspection.tokens`.
 */
token: number, 
/**
 * The service, in words.
 */
service: string, 
/**
 * The target simulated: pass it as `options.target` for its rule-by-rule verdict.
 */
target: Target, 
/**
 * Allow, deny or unknown.
 */
decision: Decision, 
/**
 * The rule that decides it: the first failing rule, else the first open one.
 */
rule?: RuleId, 
/**
 * The finding code that explains the decision.
 */
code?: FindingCode, 
/**
 * Why, in one line.
 */
reason: string, 
/**
 * What to do about it.
 */
fix?: string, 
/**
 * For an open decision: the input of the caller's that would settle it.
 */
settle?: string, 
/**
 * The provider detected from the token.
 */
provider: ProviderId, 
/**
 * Every failing rule, in the service's order, each with its code and fix (empty unless the decision is deny).
 */
failing: Array<FailingRule>, };

/**
 * The diagnosis of one token.
 */
export type TokenDiagnosis = { 
/**
 * Index of the token in `Inspection.tokens`.
 */
token: number, 
/**
 * The issuer detected from `iss` and the token's shape.
 */
provider: ProviderDetection, 
/**
 * ID, access, refresh or unknown.
 */
tokenUse: TokenUse, 
/**
 * What `tokenUse` was told from.
 */
tokenUseReason: string, 
/**
 * Every header parameter and claim present, in token order, explained.
 */
catalogue: Array<CatalogueEntry>, 
/**
 * With a target: its verdict for this token.
 */
verdict: Verdict | null, };

/**
 * Options for SD-JWT presentations in `inspect`.
 */
export type SdJwtOptions = { 
/**
 * Require a key-binding JWT when the credential names a holder key (`cnf`). Default: required when
 * `expect.nonce` or `expect.audience` is given.
 */
keyBinding?: boolean, 
/**
 * How old the key-binding JWT's `iat` may be, in seconds (plus `clockSkew`). Default 300.
 */
maxAge?: number, };

/**
 * The request a DPoP proof is checked against, for `inspect(accessToken, { dpop })`; a pasted request (headers,
 * `curl -H`, a request line with `Host`) gives the same.
 */
export type DpopOptions = { 
/**
 * The proof (the `DPoP` header's value). Without it, a proof pasted with the access token is used.
 */
proof?: string, 
/**
 * The request's method (`GET`, `POST`, …), which `htm` must equal.
 */
method?: string, 
/**
 * The request's URL, which `htu` must equal (query and fragment ignored).
 */
url?: string, 
/**
 * The nonce the server gave in `DPoP-Nonce`, which the proof's `nonce` must equal.
 */
nonce?: string, 
/**
 * How old the proof's `iat` may be, in seconds (plus `clockSkew`). Default 300.
 */
maxAge?: number, };

/**
 * One check of RFC 9449 §4.3 (and §6, for the access token's binding).
 */
export type DpopRule = "typ" | "alg" | "jwk" | "signature" | "htm" | "htu" | "iat" | "jti" | "ath" | "jkt" | "nonce";

/**
 * Pass, fail or unknown.
 */
export type CheckStatus = "pass" | "fail" | "unknown";

/**
 * One rule's outcome for the proof.
 */
export type DpopCheck = { 
/**
 * Which rule.
 */
rule: DpopRule, 
/**
 * Its outcome.
 */
status: CheckStatus, 
/**
 * The values compared; for a failure, the message of the finding that explains it; for an unknown rule, what
 * settles it.
 */
detail: string, 
/**
 * The finding code of a failure.
 */
code?: FindingCode, };

/**
 * `Inspection.dpop`: the proof, the access token it was sent with, and the checks.
 */
export type DpopResult = { 
/**
 * Index of the proof in `tokens`.
 */
proof: number, 
/**
 * Index of the access token in `tokens`, when one was sent with the proof.
 */
accessToken: number | null, 
/**
 * The checks of RFC 9449 §4.3, in its order, and the access token's binding.
 */
checks: Array<DpopCheck>, };

/**
 * Options for [`inspect`]: the context the tokens are diagnosed in. Every field is optional.
 *
 * The core never reads a clock: `now` is the evaluation time (the WebAssembly binding fills it from the JavaScript
 * clock unless told otherwise). Without it, the checks that need a time are skipped and a `TIME_NO_NOW` finding
 * says so.
 */
export type InspectOptions = { 
/**
 * The evaluation time, in seconds since the Unix epoch (fractions allowed).
 */
now?: number | Date | null, 
/**
 * Leeway in seconds for `exp`, `nbf` and `iat`. Default 0, as in `jose` and `aws-jwt-verify`; a check that
 * fails at `now` but passes within the leeway is reported as `TIME_WITHIN_SKEW`.
 */
clockSkew?: number, 
/**
 * What the caller's verifier expects of the token.
 */
expect?: Expectations, 
/**
 * The service the token is sent to, whose decision is simulated in a [`Verdict`].
 */
target?: Target, 
/**
 * Keys to verify every signed token with (any format [`crate::parse_keys`] reads). With keys, the result has
 * one [`Verification`] per signed token and the target's signature rule passes or fails instead of being
 * unknown.
 */
keys?: string | Uint8Array, 
/**
 * Keys that only decrypt (JWE): the recipient's private key (PEM, PKCS#8, JWK, JWKS) or the shared secret.
 * Never used to verify a signature, so a decryption key given alone leaves the inner token's signature unchecked
 * rather than failed. `keys` decrypt too; these are tried first.
 */
decryptionKeys?: string | Uint8Array, 
/**
 * How to read an HMAC secret in `keys` and `decryptionKeys`. Default `utf8`.
 */
secretEncoding?: SecretEncoding, 
/**
 * Allow-list of algorithms for the verification. Default: whatever the keys' types allow; never `none`.
 */
algorithms?: Array<Algorithm>, 
/**
 * How much one call reads and does: input size, tokens, keys, signatures, JSON members and depth, signature
 * checks, the token-validation regex. Beyond a limit a `LIMIT_*` finding says which and how to raise it.
 * Default: each limit's default (see `Limits`), far above anything real.
 */
limits?: Limits, 
/**
 * SD-JWT presentations: whether key binding is required, and how old a key-binding JWT may be.
 */
sdJwt?: SdJwtOptions, 
/**
 * DPoP: the proof sent with the access token (when it is not in the paste), and the request it must match.
 */
dpop?: DpopOptions, 
/**
 * What the service answered (a `WWW-Authenticate` header, an HTTP response, a JSON error body, a log line),
 * for callers holding it apart from the token; the paste itself may hold one too. Each message recognised is a
 * [`ServiceError`] in `serviceErrors`, its offsets into this text. Not read beyond `limits.inputBytes`.
 */
serviceError?: string, };

/**
 * What a message says about the token (or that it says nothing about it): what the agreement compares.
 */
export type Fact = "expired" | "notYetValid" | "issuedInFuture" | "notActive" | "tooOld" | "noExpiry" | "audience" | "audienceMissing" | "issuer" | "issuerMissing" | "signature" | "keyNotFound" | "noKid" | "noKeys" | "algorithm" | "malformed" | "unsecured" | "scope" | "tokenType" | "client" | "claim" | "revoked" | "noToken" | "rejected" | "dpopProof" | "dpopNonce" | "request" | "config" | "grant";

/**
 * Whether the pasted token bears out what the service said.
 */
export type Agreement = "confirmed" | "contradicted" | "unknown";

/**
 * Which text a [`ServiceError`]'s offsets point into.
 */
export type ErrorInput = "paste" | "serviceError";

/**
 * A value the message carries (an expected audience, a `kid`, a time), as written.
 */
export type ErrorValue = { 
/**
 * What it is: `expected`, `aud`, `iss`, `kid`, `exp`, `now`, `scope`, `claim`, `actual`, `detail`…
 */
name: string, 
/**
 * The value as the message writes it.
 */
value: string, 
/**
 * True when the service hid it (.NET's `[PII of type … is hidden]`): the token has to supply it.
 */
hidden: boolean, };

/**
 * One message of the service recognised in the paste (or in the `serviceError` option).
 */
export type ServiceError = { 
/**
 * The catalogue entry (`MS-IDX10223`); docs/errors.md lists them.
 */
id: string, 
/**
 * Who emits it ("Microsoft IdentityModel", "Amazon Cognito", "Envoy jwt_authn (also Istio)").
 */
source: string, 
/**
 * Other emitters of the same wording, when the envelope does not tell which one answered.
 */
alsoFrom: Array<string>, 
/**
 * Where the emitter's messages are written.
 */
link: string, 
/**
 * The emitter's own code (`IDX10223`, `AADSTS50013`, `NotAuthorizedException`, `invalid_token`), if any.
 */
code: string | null, 
/**
 * The message as pasted.
 */
text: string, 
/**
 * Offset of the message in the text `input` names (UTF-16 code units in JavaScript, like other offsets).
 */
start: number, 
/**
 * End offset (exclusive).
 */
end: number, 
/**
 * Which text the offsets point into.
 */
input: ErrorInput, 
/**
 * What the message states about the token.
 */
fact: Fact, 
/**
 * What it means, in plain words.
 */
meaning: string, 
/**
 * What to do, in plain words.
 */
fix: string, 
/**
 * The jwtlens finding codes that decide the same fact.
 */
findings: FindingCode[], 
/**
 * The values the message carries.
 */
values: Array<ErrorValue>, 
/**
 * Whether the pasted token bears the message out, at the evaluation time.
 */
agreement: Agreement, 
/**
 * The comparison in one sentence ("the server says expired, but this token expires in 40 min: …").
 */
agreementDetail: string, 
/**
 * The token compared with (index into `tokens`), if any.
 */
token: number | null, };

/**
 * The result of [`inspect`].
 */
export type Inspection = { 
/**
 * The tokens found in the input, in order.
 */
tokens: Array<Token>, 
/**
 * Everything noticed, for all tokens; each finding's location says which token.
 */
findings: Array<Finding>, 
/**
 * Per token (same order as `tokens`): the detected provider and token type, the claim catalogue, and the
 * target's verdict for that token.
 */
diagnoses: Array<TokenDiagnosis>, 
/**
 * With a target: its verdict for the token it takes (an ID or access token, when both were pasted), else the
 * best verdict among the tokens; `verdict.token` says which.
 */
verdict: Verdict | null, 
/**
 * Without a target: the answer from the paste alone — what every service the tokens make plausible would
 * decide, the rule that decides it and the fix.
 */
answers: Array<Answer>, 
/**
 * With `keys`: the keys read from them, once for all tokens, with the key findings.
 */
keys?: KeySet, 
/**
 * With `decryptionKeys`: the keys read from them, with their key findings.
 */
decryptionKeys?: KeySet, 
/**
 * With `keys`: the verification of each signed token (`verification.token` says which), with that token's
 * signature findings. Empty without keys.
 */
verifications: Array<Verification>, 
/**
 * With a DPoP proof (pasted with its request, or `dpop.proof`): the proof, the access token sent with it and the
 * checks of RFC 9449 §4.3; each failed check is also a `DPOP_*` finding.
 */
dpop: DpopResult | null, 
/**
 * What the service said: each error message recognised in the paste or in the `serviceError` option, what it
 * means, and whether the pasted token confirms or contradicts it. Empty when no message was recognised.
 */
serviceErrors: Array<ServiceError>, };

/**
 * Options for [`plan`]. Every field is optional.
 */
export type FetchOptions = { 
/**
 * The issuer you trust, used instead of a token's own `iss`: an issuer URL, or a Cognito user pool id or ARN.
 */
issuer?: string, 
/**
 * Time allowed for each request, in milliseconds. Default 10,000.
 */
timeoutMs?: number, 
/**
 * Largest answer read, in bytes. Default 1 MiB.
 */
maxBytes?: number, 
/**
 * The evaluation time certificates in the key set are judged at (as `parseKeys`'s `now`).
 */
now?: number | Date | null, };

/**
 * Where the issuer came from.
 */
export type IssuerFrom = "issuer" | "userPoolId" | "userPoolArn" | "token";

/**
 * The issuer whose keys are fetched.
 */
export type FetchedIssuer = { 
/**
 * The issuer, as its tokens name it.
 */
issuer: string, 
/**
 * Where it came from.
 */
from: IssuerFrom, 
/**
 * True when it came from a token's own `iss`, which nothing verified.
 */
unverified: boolean, };

/**
 * One request made.
 */
export type FetchRequest = { 
/**
 * The exact URL requested (GET, no credentials, no referrer, nothing of the token).
 */
url: string, 
/**
 * The HTTP status answered; absent when no answer came.
 */
status?: number, };

/**
 * The result of `fetchIssuerKeys`.
 */
export type KeysFetched = { 
/**
 * The issuer whose keys were asked for; absent when the source named none.
 */
issuer: FetchedIssuer | null, 
/**
 * Every request made, in order.
 */
requests: Array<FetchRequest>, 
/**
 * The key set's text as received (paste it as `keys`); absent when none was received.
 */
jwks: string | null, 
/**
 * The keys read from it, as `parseKeys` reads them.
 */
keys: KeySet | null, 
/**
 * What went wrong, or what is worth knowing (an unverified issuer, the `jwks_uri` followed).
 */
findings: Array<Finding>, };

/**
 * What `fetchIssuerKeys` would request for a source, before anything is requested: a page states the URL before
 * the user asks for it.
 */
export type KeysPlan = { 
/**
 * The issuer whose keys would be fetched; absent when the source names none.
 */
issuer: FetchedIssuer | null, 
/**
 * The first URL that would be requested; absent when nothing would be.
 */
url: string | null, 
/**
 * True when that URL is the issuer's discovery document, whose `jwks_uri` would be requested next.
 */
discovery: boolean, 
/**
 * Why nothing would be requested, or what is worth knowing first (an unverified issuer).
 */
findings: Array<Finding>, };

/**
 * Options for [`Verifier::new`] (`createVerifier`): the keys, how to use them, and the context every `inspect` of
 * the verifier is diagnosed in.
 */
export type VerifierOptions = { 
/**
 * The keys, in any format [`crate::parse_keys`] reads: text, or the bytes of a key file.
 */
keys: string | Uint8Array, 
/**
 * How to read an HMAC secret in `keys`. Default `utf8`.
 */
secretEncoding?: SecretEncoding, 
/**
 * Allow-list of algorithms. Default: whatever the keys' types allow; never `none`.
 */
algorithms?: Array<Algorithm>, 
/**
 * When the keys are read, in seconds since the Unix epoch: certificates are judged at it. Default: the clock.
 */
now?: number | Date | null, 
/**
 * Leeway in seconds for `exp`, `nbf` and `iat` in `inspect`.
 */
clockSkew?: number, 
/**
 * What `inspect` expects of every token.
 */
expect?: Expectations, 
/**
 * The service every token is sent to, for `inspect`'s verdict.
 */
target?: Target, 
/**
 * How much each call reads and does (as for `inspect`); the key text is read within them too.
 */
limits?: Limits, };

/**
 * Per-call options of a verifier's `verify` and `inspect`.
 */
export type VerifierCall = { 
/**
 * The evaluation time, in seconds since the Unix epoch; default the clock, `null` none (time checks skipped).
 */
now?: number | Date | null, 
/**
 * `verify` only: which token of the input to verify. Default 0.
 */
token?: number, 
/**
 * `verify` only: the content of a detached-payload JWS.
 */
detachedPayload?: string | Uint8Array, };
