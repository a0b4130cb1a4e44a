// Types of signature verification and key parsing: the options passed to `verify` and `parseKeys`, and what comes
// back. Mirrors crate/src/verify/mod.rs and crate/src/keys/mod.rs (serde camelCase; Rust `Option` is `null`);
// nothing is `any`.
import type { Finding } from './index.js';

/** A JWS signature algorithm jwtlens verifies. `none` is not one, by design. */
export type Algorithm =
  | 'HS256'
  | 'HS384'
  | 'HS512'
  | 'RS256'
  | 'RS384'
  | 'RS512'
  | 'PS256'
  | 'PS384'
  | 'PS512'
  | 'ES256'
  | 'ES384'
  | 'ES512'
  | 'ES256K'
  | 'EdDSA'
  | 'Ed25519';

/** How an HMAC secret typed as text becomes bytes. */
export type SecretEncoding = 'utf8' | 'base64' | 'base64url' | 'hex';

/** Options of `parseKeys`; `verify` takes them too. Every field is optional. */
export interface KeyOptions {
  /** How to read an HMAC secret. Default `'utf8'` (the text's bytes, as most frameworks use a configured secret). */
  secretEncoding?: SecretEncoding;
  /**
   * The evaluation time certificates are judged at: seconds since the Unix epoch, or a `Date`. Defaults to the
   * caller's clock; `null` means "do not judge expiry".
   */
  now?: number | Date | null;
}

/** Options of `verify`. Every field is optional. */
export interface VerifyOptions extends KeyOptions {
  /** Allow-list. Default: whatever the keys' types allow. */
  algorithms?: Algorithm[];
  /** Which token of the input to verify, as indexed in `inspect(...).tokens`. Default 0. */
  token?: number;
  /** Which signature of a general JWS JSON serialization to verify. Default: all (valid when one is). */
  signature?: number;
  /** The content of a detached-payload JWS (RFC 7515 Appendix F), used when the payload segment is empty. */
  detachedPayload?: string;
}

/** The format a key was pasted in. */
export type KeyFormat = 'jwk' | 'jwks' | 'spki' | 'pkcs1' | 'x509' | 'pkcs8' | 'pkcs1Private' | 'sec1' | 'secret' | 'unknown';

/** What a certificate says about itself; nothing here was checked against a trust anchor. */
export interface CertificateInfo {
  /** Subject distinguished name (RFC 4514). */
  subject: string;
  issuer: string;
  /** Hex. */
  serialNumber: string;
  /** `YYYY-MM-DDTHH:MM:SSZ`. */
  notBefore: string;
  notAfter: string;
  /** Seconds since the Unix epoch. */
  notBeforeUnix: number;
  notAfterUnix: number;
  /** At the evaluation time; `null` without one. */
  expired: boolean | null;
  notYetValid: boolean | null;
  selfIssued: boolean;
}

/** One key found in the pasted key text. */
export interface KeyInfo {
  /** Position in the key list; findings about this key carry it as `location.key`. */
  index: number;
  /** The n-th PEM block, JWKS entry or array element it came from (0-based). */
  source: number;
  format: KeyFormat;
  /** `'RSA' | 'EC' | 'OKP' | 'oct'`, or what an unsupported JWK says. */
  kty: string | null;
  /** `'P-256' | 'P-384' | 'P-521' | 'secp256k1' | 'Ed25519'`. */
  crv: string | null;
  /** RSA modulus, curve size or secret length, in bits. */
  bits: number | null;
  kid: string | null;
  /** The JWK's `alg`, as written (it restricts the key). */
  alg: string | null;
  use: string | null;
  keyOps: string[] | null;
  /** RFC 7638 thumbprint (base64url SHA-256). Never given for secrets. */
  thumbprint: string | null;
  /** A private key was pasted; only its public part is used. */
  private: boolean;
  /** What this key may verify, after its type, `alg`, `use`, `key_ops` and the refusal rules. */
  algorithms: Algorithm[];
  /** `algorithms` is not empty. */
  usable: boolean;
  certificate: CertificateInfo | null;
}

/** The result of `parseKeys`. */
export interface KeySet {
  keys: KeyInfo[];
  /** Key findings carry `location.key`. */
  findings: Finding[];
}

/** What happened with one key for one signature. */
export type AttemptOutcome =
  /** Used; the signature verifies with it. */
  | 'matched'
  /** Used; the signature does not verify. */
  | 'signatureMismatch'
  /** Used; the signature has the wrong shape (length, DER-encoded ECDSA). */
  | 'signatureMalformed'
  | 'kidMismatch'
  | 'wrongKeyType'
  | 'wrongCurve'
  /** A public or private key offered for HS256/384/512: refused. */
  | 'algorithmConfusion'
  /** `use: enc`, or `key_ops` without `verify`. */
  | 'notForSigning'
  /** The key's `alg` (or RSASSA-PSS parameters) name another algorithm. */
  | 'algMismatch'
  /** Weak RSA, ROCA, empty or published secret. */
  | 'keyRefused'
  | 'unusable'
  /** Verification stopped before keys were tried (the reason says why). */
  | 'notTried';

/** One key's row for one signature. */
export interface KeyAttempt {
  /** Index into `Verification.keys`. */
  key: number;
  /** 0 unless the token is a general JWS JSON serialization. */
  signature: number;
  kid: string | null;
  /** The key was used to verify. */
  tried: boolean;
  outcome: AttemptOutcome;
  /** For keys excluded by `kid`, `use`, `key_ops` or `alg`: whether the signature would have verified with them. */
  signatureMatches: boolean | null;
  /** The outcome in plain language. */
  reason: string;
}

/** The key a signature verified with. */
export interface MatchedKey {
  index: number;
  kid: string | null;
  thumbprint: string | null;
  signature: number;
}

/** The result of `verify`. */
export interface Verification {
  /** A used key verifies the signature, no other used key shares the token's `kid`, and the token is strict. */
  valid: boolean;
  /** Index of the verified token among the input's tokens; `null` when there was none. */
  token: number | null;
  /** The token's `alg`, as written. */
  algorithm: string | null;
  /** Set whenever a used key's signature check passed, even if `valid` is false for another reason (see findings). */
  matchedKey: MatchedKey | null;
  attempts: KeyAttempt[];
  /** In an inspection: this token's signature findings. From `verify()`: also the paste, decoding and key findings. */
  findings: Finding[];
}

/** What `verify()` returns: the verification with every finding, and the keys read. */
export interface VerifyResult extends Verification {
  keys: KeyInfo[];
}
