// The Encode view's model: what `sign` returned, as the element shows it, and the algorithms it offers (the core's
// tables).
import { ALGORITHMS } from '../generated/tables.js';

/**
 * Algorithms the Encode view offers, in the order of RFC 7518 (then RFC 8812 and RFC 8037): every one of the core's
 * but `Ed25519`, RFC 9864's fully specified name, which the view signs as `EdDSA` (what verifiers know more widely).
 */
export const SIGN_ALGORITHMS = ALGORITHMS.map((a) => a.name).filter((name) => name !== 'Ed25519');

/**
 * The view of a `Signing` result: the token and its three segments, the findings (as finding views), the JSON error
 * of each editor (line, column, message) and the text that verifies the token in the Decode view (the public JWK,
 * or for a secret the secret itself, which the caller holds).
 * @param {object} signing a `sign` result
 */
export function signView(signing) {
  const findings = signing.findings.map((f, i) => {
    const loc = f.location ?? {};
    return { id: `sign-${i}`, code: f.code, severity: f.severity, message: f.message, fix: f.fix ?? null, part: loc.part ?? null,
      member: loc.member ?? null, line: loc.line ?? null, column: loc.column ?? null, tokenLabel: null, excerpt: null };
  });
  const editorError = (part) => {
    const f = findings.find((x) => x.part === part && x.severity === 'error' && /^SIGN_(JSON_INVALID|HEADER_NOT_OBJECT)$/.test(x.code));
    return f ? { line: f.line, column: f.column, message: f.message } : null;
  };
  const counts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return {
    token: signing.token,
    segments: signing.token ? signing.token.split('.') : null,
    alg: signing.alg,
    header: signing.header,
    payload: signing.payload,
    findings,
    counts,
    headerError: editorError('header'),
    payloadError: editorError('payload'),
    publicJwk: signing.publicJwk ? JSON.stringify(signing.publicJwk) : null,
  };
}

/**
 * The algorithm a test key is generated for: the one chosen, else the header's own `alg` when it names a signature
 * algorithm, else ES256 (fast to generate, and what most providers' docs show after RS256).
 */
export function keyAlgorithm(chosen, headerText) {
  if (SIGN_ALGORITHMS.includes(chosen)) return chosen;
  try {
    const alg = JSON.parse(headerText)?.alg;
    if (SIGN_ALGORITHMS.includes(alg)) return alg;
    if (alg === 'Ed25519') return 'EdDSA';
  } catch {
    // Not JSON yet: the editor shows why.
  }
  return 'ES256';
}

