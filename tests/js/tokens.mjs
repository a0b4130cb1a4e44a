// Helpers that build test tokens. The signature is whatever the test says; decoding never checks it.
export const b64u = (s) => Buffer.from(s).toString('base64url');

/** A compact JWS from header and payload objects (or raw strings) and a signature string. */
export function jws(header, payload, signature = 'c2lnbmF0dXJl') {
  const enc = (v) => b64u(typeof v === 'string' ? v : JSON.stringify(v));
  return `${enc(header)}.${enc(payload)}.${signature}`;
}

export const TOKEN = jws({ alg: 'RS256', kid: 'k1' }, { sub: 'user-1', exp: 1700000000 });
