// Type declarations for the `jwtlens` package. Every exported value is typed exactly; nothing is `any`.
// Finding codes (`FindingCode`) are generated from the Rust source into ./codes.d.ts.
import type { FindingCode } from './codes.js';
import type { DiagnoseOptions, TokenDiagnosis, Verdict } from './diagnose.js';
import type { Algorithm, KeyOptions, KeySet, SecretEncoding, Verification, VerifyOptions, VerifyResult } from './verify.js';

export type { FindingCode } from './codes.js';
export type * from './diagnose.js';
export type * from './verify.js';

/** How bad a finding is; fixed per code. */
export type Severity = 'error' | 'warning' | 'info';

/** The part of a token (or of the input) a location points into. */
export type Part =
  | 'input'
  | 'header'
  | 'payload'
  | 'signature'
  | 'encryptedKey'
  | 'iv'
  | 'ciphertext'
  | 'tag'
  | 'key';

/** Where a finding applies. Offsets count UTF-16 code units of the original input, like `String.prototype.slice`. */
export interface Location {
  /** Index into `Inspection.tokens`. */
  token?: number;
  part?: Part;
  start?: number;
  /** Exclusive. */
  end?: number;
  /** 1-based line inside decoded JSON. */
  line?: number;
  /** 1-based column inside decoded JSON. */
  column?: number;
  /** The header parameter or claim concerned, e.g. `"exp"`. */
  member?: string;
  /** Index of the key concerned (verification). */
  key?: number;
}

/** One thing jwtlens noticed. `code` is stable and documented in docs/codes.md. */
export interface Finding {
  code: FindingCode;
  severity: Severity;
  /** One line in plain language. */
  message: string;
  /** What to do about it. */
  fix?: string;
  location?: Location;
}

/** A JSON value as parsed by `JSON.parse`. */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [member: string]: JsonValue };

/** A decoded header or payload. */
export interface Decoded {
  /** The decoded text exactly as in the token (key order, number spelling); `null` when not UTF-8. */
  text: string | null;
  /** The parsed JSON; `null` when the text is not valid JSON. For duplicate members the last one wins. */
  value: JsonValue | null;
  /** The bytes as hex, present only when they are not UTF-8. */
  hex?: string;
}

export type TokenKind = 'jws' | 'unsecured' | 'jwe' | 'opaque' | 'malformed';
export type Serialization = 'compact' | 'jsonFlattened' | 'jsonGeneral';

/** The byte range of one segment of a compact token in the original input (UTF-16 code units). */
export interface Segment {
  part: Part;
  start: number;
  end: number;
}

/** One signature of a JWS JSON serialization. */
export interface JsonSignature {
  protected: Decoded | null;
  /** The unprotected `header` member, as given. */
  header: JsonValue | null;
  signatureHex: string | null;
  signature: Uint8Array | null;
}

/** Everything decoded from one token. Decoding never says whether the signature is good. */
export interface Token {
  /** Where the token came from when the input held several: a field name (`id_token`) or `token 2`. */
  label: string | null;
  /** The cleaned token text. */
  compact: string;
  kind: TokenKind;
  serialization: Serialization;
  /** The (protected) header. */
  header: Decoded | null;
  /** The payload; `null` for a JWE (encrypted) or when undecodable. */
  payload: Decoded | null;
  signatureHex: string | null;
  signature: Uint8Array | null;
  segments: Segment[];
  /** JWS JSON serialization only. */
  signatures?: JsonSignature[];
  /** The inner token of a nested JWT. */
  inner: Token | null;
}

/**
 * Options for `inspect`: the context the tokens are diagnosed in (evaluation time, clock skew, expectations, target).
 * Every field is optional; see ./diagnose.d.ts.
 */
export interface InspectOptions extends DiagnoseOptions {
  /**
   * Keys to verify every signed token with: a JWK, a JWKS, PEM keys or certificates, or an HMAC secret (as for
   * `verify`). With keys, `verifications` holds one result per signed token and a target's signature rule passes or
   * fails instead of being `unknown`, so a verdict can be `allow`.
   */
  keys?: string;
  /** How to read an HMAC secret in `keys`. Default `'utf8'`. */
  secretEncoding?: SecretEncoding;
  /** Allow-list of algorithms for the verification. Default: whatever the keys' types allow; never `none`. */
  algorithms?: Algorithm[];
}

/** The result of `inspect`. */
export interface Inspection {
  tokens: Token[];
  /** Everything noticed: decoding, then the diagnosis; each finding's location says which token and claim. */
  findings: Finding[];
  /** One per token, same order as `tokens`: provider, token type, claim catalogue, and the target's verdict. */
  diagnoses: TokenDiagnosis[];
  /** With a target: its verdict for the token you most likely mean to send (the best among the tokens). */
  verdict: Verdict | null;
  /**
   * With `keys`: one verification per signed token (`token` says which), each a complete report as `verify` gives
   * (its findings repeat the decoding findings of its token). Empty without keys.
   */
  /** With `options.keys`: the keys read, once for all tokens, with the key findings. */
  keys?: KeySet;
  verifications: Verification[];
}

/** One documented finding code. */
export interface CodeInfo {
  code: FindingCode;
  severity: Severity;
  description: string;
}

/** Thrown only for misuse (never for a bad token). */
export declare class JwtlensError extends Error {
  readonly code: 'ERR_INVALID_ARGUMENT' | 'ERR_INVALID_OPTIONS' | 'ERR_NOT_INITIALISED' | 'ERR_INTERNAL';
}

/**
 * Finds every token in pasted text (cleaning `Bearer `, quotes, whitespace, URLs, token responses) and decodes
 * everything decodable. Never throws for bad token input; throws `JwtlensError` if `input` is not a string or
 * `options` is not an object. Does NOT verify the signature.
 */
export declare function inspect(input: string, options?: InspectOptions): Inspection;

/**
 * Verifies the signature of the first token in `input` (or the one `options.token` selects) with the keys pasted in
 * `keys`: a JWK, a JWKS, PEM blocks (SPKI, PKCS#1, PKCS#8, SEC1, X.509 certificates), a bare base64 DER key, or an
 * HMAC secret. `input` goes through the same paste hygiene as `inspect`. The token never picks the key or the
 * algorithm family; `alg: none` never verifies. Never throws for bad tokens or keys (they yield findings); throws
 * `JwtlensError` for non-string arguments or invalid options. Does NOT check claims (`exp`, `aud`…): `inspect` does.
 */
export declare function verify(input: string, keys: string, options?: VerifyOptions): VerifyResult;

/** Reads every key in pasted key text, with a finding for each problem. Never throws for bad keys. */
export declare function parseKeys(text: string, options?: KeyOptions): KeySet;

/** Every finding code, grouped by phase: `[phase title, codes]`. */
export declare function codes(): Array<[string, CodeInfo[]]>;

/** Resolves when the WebAssembly module is ready. Importing the package already waits for it. */
export declare const ready: Promise<void>;
