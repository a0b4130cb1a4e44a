// Types for `jwtlens/element`: the <jwt-lens> custom element (the debugger UI), defined on import.
import type { Decision, Finding, InspectOptions, Severity, Target, Verdict } from './types.js';
import type { InitSource } from './init.js';

/** One paste-alone answer: what a service the token makes plausible would decide. */
export interface ElementAnswer {
  token: number;
  tokenLabel: string | null;
  service: string;
  decision: Decision;
  rule: string | null;
  code: string | null;
  reason: string;
  fix: string | null;
  /** Pass as `context.target` for the service's rule-by-rule verdict. */
  target: Target;
}

/** The detail of the `jwtlens-result` event (and the element's `result` property). */
export interface ElementResult {
  tokenCount: number;
  /** The chosen target's decision; null without a target (or with its settings incomplete). */
  decision: Decision | null;
  verdict: (Omit<Verdict, 'rules'> & { tokenLabel: string | null; assumptions: string[]; rules: Array<Verdict['rules'][number] & { settle: string | null; fix: string | null }> }) | null;
  /** Empty when a target was given. */
  answers: ElementAnswer[];
  /** Up to 100 findings per severity (see `truncated`). */
  findings: Array<Pick<Finding, 'code' | 'severity' | 'message'> & { fix: string | null; token: number | null }>;
  findingCounts: Record<Severity, number>;
  truncated: boolean;
}

/** The element's context: the `inspect` options besides the keys. */
export type ElementContext = Pick<InspectOptions, 'now' | 'clockSkew' | 'expect' | 'target'>;

export interface ElementConfig {
  /** The WebAssembly module: compiled, its bytes, or where to fetch it. Default: the .wasm next to the glue. */
  wasm?: InitSource;
  /** Makes the Worker that decodes big pastes and generates RSA test keys (running `jwtlens/js/element-worker.js`),
   * or `false` for none. */
  worker?: (() => Worker) | false;
  /** True where the page allows no connection at all (`connect-src 'none'`, as the single-file build): the key box
   * names the issuer's key URL to open instead of offering "Fetch keys from the issuer". */
  offline?: boolean;
}

/** Where the element loads its WebAssembly module and Worker from; call before the first element connects. */
export declare function configure(options?: ElementConfig): void;

/**
 * `<jwt-lens token="…" keys="…" context='{"target": …}' theme="dark">`: the debugger. Attributes and properties:
 * `token`, `keys`, `context` (JSON in the attribute, an object as property), `theme` (`light` | `dark`, absent:
 * the system's), `no-fetch` (boolean; property `noFetch`). The key box ("Verify the signature") reads key files
 * (chosen or dropped; never uploaded) and offers "Fetch keys from the issuer": on a click only, after stating the
 * URL, a GET without cookies or referrer, under the page's Content-Security-Policy. Events: `jwtlens-ready`, `jwtlens-result` (detail: `ElementResult`), `jwtlens-error`
 * (detail: `{ message }`). Two views, chosen by its tabs: Decode, and Encode (header and payload editors, an
 * algorithm, a key or "Generate a test key", the test token as it updates; "Edit and re-sign" on a decoded token
 * fills it). Parts: `base`, `tabs`, `input`, `target`, `results`, `answers`, `verdict`, `findings`, `signature`,
 * `report`, `tokens`, `encode`.
 */
export declare class JwtLens extends HTMLElement {
  /** The pasted text: a token, an Authorization header, a token response or a redirect URL. */
  token: string;
  /** Keys to verify with: a JWK, a JWKS, PEM blocks or an HMAC secret; or the bytes of a DER key or certificate
   * (what a binary key file gives). */
  keys: string | Uint8Array;
  /** True: no "Fetch keys from the issuer" (the `no-fetch` attribute), for apps that never want a request. */
  noFetch: boolean;
  context: ElementContext;
  /** The last result, as the last `jwtlens-result` event carried it. */
  readonly result: ElementResult | null;
  /** Resolves when the element can decode; rejects when the WebAssembly module cannot load. */
  readonly ready: Promise<void>;
  /** The redacted Markdown report of the current result (no signature, personal claims redacted). */
  report(): Promise<string>;
}

declare global {
  interface HTMLElementTagNameMap {
    'jwt-lens': JwtLens;
  }
  interface HTMLElementEventMap {
    'jwtlens-ready': CustomEvent<null>;
    'jwtlens-result': CustomEvent<ElementResult>;
    'jwtlens-error': CustomEvent<{ message: string }>;
  }
}
