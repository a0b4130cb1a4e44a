// Type declarations for the `jwtlens` package: the functions, by hand (they are the loaders' own); every option and
// result type is generated from the Rust types into ./types.d.ts, and the finding codes into ./codes.d.ts.
import type { Algorithm, ClaimMeaning, ClaimName, CodeEntry, Encryption, EncryptOptions, DescribeOptions, FetchOptions, GeneratedKey, InspectOptions, Inspection, KeyOptions, KeySet, KeysFetched, KeysPlan, SignOptions, Signing, SdJwtSignOptions, SdJwtSigning, DpopProofOptions, Verification, VerifierCall, VerifierOptions, VerifyOptions, VerifyResult } from './types.js';

export type { FindingCode } from './codes.js';
export type * from './types.js';

/** Thrown only for misuse (never for a bad token). */
export declare class JwtlensError extends Error {
  readonly code: 'ERR_INVALID_ARGUMENT' | 'ERR_INVALID_OPTIONS' | 'ERR_NOT_INITIALISED' | 'ERR_NO_RANDOMNESS' | 'ERR_INTERNAL';
}

/**
 * Finds every token in pasted text (cleaning `Bearer `, quotes, whitespace, URLs, token responses) and decodes
 * everything decodable; with a context (`now`, `clockSkew`, `expect`, `target`) diagnoses why a service would reject
 * it; with `keys`, verifies every signed token. Never throws for bad token input; throws `JwtlensError` if `input` is
 * not a string or `options` are invalid. Without `keys` it does NOT verify the signature.
 */
export declare function inspect(input: string, options?: InspectOptions): Inspection;

/**
 * Verifies the signature of the first token in `input` (or the one `options.token` selects) with the keys pasted in
 * `keys`: a JWK, a JWKS, PEM blocks (SPKI, PKCS#1, PKCS#8, SEC1, X.509 certificates), a bare base64 DER key, or an
 * HMAC secret. `input` goes through the same paste hygiene as `inspect`. The token never picks the key or the
 * algorithm family; `alg: none` never verifies. Never throws for bad tokens or keys (they yield findings); throws
 * `JwtlensError` for non-string arguments or invalid options. Does NOT check claims (`exp`, `aud`…): `inspect` does.
 */
export declare function verify(input: string, keys: string | Uint8Array, options?: VerifyOptions): VerifyResult;

/**
 * Reads every key in pasted key text, or in the bytes of a key file (PEM, JWK, JWKS, DER key or certificate), with a
 * finding for each problem. Never throws for bad keys.
 */
export declare function parseKeys(keys: string | Uint8Array, options?: KeyOptions): KeySet;

/**
 * Fetches an issuer's public keys — the one request jwtlens ever makes, and only when called. `source` names the
 * issuer: its URL, a Cognito user pool id or ARN, or a token (its `iss`, which is not verified: the result says so;
 * `options.issuer` wins over it). A Cognito pool's keys are at `<issuer>/.well-known/jwks.json`; any other issuer's
 * at the `jwks_uri` of `<issuer>/.well-known/openid-configuration`. GET only, https only (or http on localhost),
 * no credentials, no referrer, no redirects, at most `maxBytes` (1 MiB) within `timeoutMs` (10 s) per request;
 * nothing of the token but the issuer's URL is sent. Never rejects for a failed request (it yields findings).
 */
export declare function fetchIssuerKeys(source: string, options?: FetchOptions): Promise<KeysFetched>;

/**
 * Reads `options.keys` once and keeps them in the module's memory: each `verify` and `inspect` of the verifier then
 * skips reading the keys and returns no copy of them (`keys` holds the key set and its findings, read at creation;
 * certificates are judged at `options.now`, default the clock). `expect`, `target` and `clockSkew` apply to every
 * `inspect`. Free it with `free()` or a `using` declaration; an unfreed verifier is freed with its object. Throws
 * `JwtlensError` for bad options only.
 */
export declare function createVerifier(options: VerifierOptions): Verifier;

/** `Symbol.dispose` where the TypeScript lib declares it (`esnext.disposable`), so `using` type-checks there. */
type DisposeKey = SymbolConstructor extends { readonly dispose: infer K extends symbol } ? K : never;

/** A verifier from `createVerifier`. */
export type Verifier = {
  /** The keys read at creation, with their findings. */
  readonly keys: KeySet;
  /** As `verify(input, keys)`, with the verifier's keys; findings are the token's and the signature's. */
  verify(input: string, options?: VerifierCall): Verification;
  /** As `inspect(input, { keys, ... })` with the verifier's keys and context; `keys` is absent from the result. */
  inspect(input: string, options?: VerifierCall): Inspection;
  /** Releases the keys' memory; later calls throw `JwtlensError` (`ERR_INVALID_ARGUMENT`). Safe to call twice. */
  free(): void;
} & { [K in DisposeKey]: () => void };

/**
 * What `fetchIssuerKeys(source, options)` would request, decided without any request: the issuer, the first URL
 * (the key set of a Cognito pool, else the discovery document) and why nothing would be requested, if so. A page
 * shows the URL before the user asks for it.
 */
export declare function planIssuerKeys(source: string, options?: FetchOptions): KeysPlan;

/**
 * Signs a test token: `payload` is JSON text (signed byte for byte: key order, spacing and numbers kept) or an object
 * (written with `JSON.stringify`); `key` is any private key `parseKeys` reads (PKCS#8, PKCS#1 or SEC1 PEM, a JWK with
 * `d`, a JWKS holding one private key) or an HMAC secret (`secretEncoding`). The header is `options.header` (default
 * `{}`) with `alg` written first when it has none (`options.alg`, else from the key); `kid` and `typ` are added when
 * asked, `iat: 'now'` and `expiresIn` write `iat` and `exp` from `options.now` (default: your clock). `alg: 'none'`
 * makes an unsecured token, flagged. Never throws for bad JSON or keys: `token` is `null` and the findings say why
 * (JSON errors with line and column). Throws `JwtlensError` for a payload that is neither a string nor an object, a
 * non-string key, or invalid options. For test tokens: a production key belongs in the issuer, not a debugger.
 */
export declare function sign(payload: string | Record<string, unknown>, key: string, options?: SignOptions): Signing;

/**
 * Makes a test SD-JWT (RFC 9901): the top-level claims of `payload` named in `options.disclose` become disclosures
 * (random salts; `options.decoys` decoy digests), the issuer signs the rest with `key` (as for `sign`; `options.sign`
 * holds `sign`'s options, `typ` default `dc+sd-jwt`). With `holderKey` (a private key), its public JWK goes into
 * `cnf.jwk` and a key-binding JWT (`iat` from `options.now`, default your clock; `options.keyBinding.nonce` and
 * `.audience`; `sd_hash`) ends the presentation. Never throws for bad JSON, claims or keys: `token` is `null` and the
 * findings say why.
 */
export declare function signSdJwt(payload: string | Record<string, unknown>, key: string, options?: SdJwtSignOptions, holderKey?: string): SdJwtSigning;

/**
 * Makes a test DPoP proof (RFC 9449) signed with the private key `key`: header `typ: dpop+jwt` with the key's public
 * `jwk`; claims `jti` (random unless given), `htm` (`options.method`), `htu` (`options.url` without query and
 * fragment), `iat` (`options.now`, default your clock), `ath` of `options.accessToken` and `nonce` when given. Never
 * throws for bad keys or a missing method or URL: `token` is `null` and the findings say why.
 */
export declare function dpopProof(key: string, options: DpopProofOptions): Signing;

/**
 * Encrypts a test token or JSON into a compact JWE for `key`: the recipient's public key (RSA, EC P-256/384/521 or
 * X25519; JWK, JWKS or PEM; a private key works too) or a shared secret (`secretEncoding`). `alg` defaults from the key
 * (RSA-OAEP-256, ECDH-ES, A*KW for a 16/24/32-byte secret, else PBES2-HS256+A128KW), `enc` to A256GCM; `cty: JWT` is
 * set when the plaintext is a token, `zip: true` compresses. RSA1_5 is decrypt-only. Never throws for bad keys:
 * `token` is `null` and the findings say why (`JWE_ENCRYPT_*`). Decrypt with `inspect(jwe, { keys })`: the token's
 * `decryption` holds the plaintext, and a plaintext token is the next token (`origin: { kind: 'decrypted' }`).
 */
export declare function encrypt(plaintext: string | Record<string, unknown>, key: string, options?: EncryptOptions): Encryption;

/**
 * Generates a throwaway key for testing: RSA 2048 bits (RS*, PS*), the algorithm's curve (ES*), Ed25519 (EdDSA), or
 * a random secret as long as the hash (HS*, as base64url text). Returns private and public JWK and PEM (PKCS#8, SPKI)
 * and the RFC 7638 thumbprint as `kid`. Randomness comes from the platform (`crypto.getRandomValues`). RSA
 * generation takes a while (see the README); the page runs it in a Worker. Throws `JwtlensError` for an unknown
 * algorithm (`ERR_INVALID_ARGUMENT`) or when the platform has no random source (`ERR_NO_RANDOMNESS`).
 */
export declare function generateKey(alg: Algorithm): GeneratedKey;

/**
 * What a header parameter or claim means and who defines it (a specification or a provider), for the members an
 * inspection lists in `diagnoses[i].catalogue`. Pass the token's `provider` for its own meaning (Cognito's `scope`).
 */
export declare function describeClaim(name: string, options?: DescribeOptions): ClaimMeaning;

/**
 * What each member of a token means, in one call: one `ClaimMeaning` per `{ name, part? }`, in order (`part`
 * defaults to `options.part`, else `payload`).
 */
export declare function describeClaims(names: ClaimName[], options?: DescribeOptions): ClaimMeaning[];

/** Every finding code, grouped by phase: `[phase title, codes]`. */
export declare function codes(): Array<[string, CodeEntry[]]>;

/** Resolves when the WebAssembly module is ready. Importing the package already waits for it. */
export declare const ready: Promise<void>;
