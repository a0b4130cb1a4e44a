// createVerifier: keys read once and kept in wasm memory, then verify/inspect as often as needed — the same answers
// as verify(input, keys) and inspect(input, { keys }), without the keys copied into each result; freed explicitly,
// by `using`, or with its object; made again transparently after the module restarts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createVerifier, verify, inspect, JwtlensError } from 'jwtlens';
// The glue the package's Node entry (js/node.js) instantiates: the same module instance as 'jwtlens' here.
import * as glue from '../../dist/wasm/jwtlens-node.js';
import { api } from '../../js/core.js';
import crypto from 'node:crypto';
import { b64u } from './tokens.mjs';
import { generateKeyPair } from './keys.mjs';

const { privateKey, publicKey } = generateKeyPair('ec', { namedCurve: 'P-256' });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES256' };
const keys = JSON.stringify({ keys: [jwk] });
/** An ES256 token signed with `key` (r||s, as JWS wants). */
function es256(claims, key) {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', kid: 'k1' }))}.${b64u(JSON.stringify(claims))}`;
  return `${input}.${crypto.sign('sha256', Buffer.from(input), { key, dsaEncoding: 'ieee-p1363' }).toString('base64url')}`;
}
const good = es256({ sub: 'u', exp: 2_000_000_000 }, privateKey);
const forged = es256({ sub: 'u', exp: 2_000_000_000 }, generateKeyPair('ec', { namedCurve: 'P-256' }).privateKey);

test('verify: the same verdict and findings as verify(input, keys), without the key list', () => {
  const verifier = createVerifier({ keys });
  for (const token of [good, forged, `Bearer ${good}`, 'not a token']) {
    const prepared = verifier.verify(token);
    const { keys: read, ...direct } = verify(token, keys);
    assert.equal(read.length, 1);
    assert.equal('keys' in prepared, false);
    assert.deepEqual(prepared, direct, token);
  }
  assert.equal(verifier.verify(good).valid, true);
  assert.equal(verifier.verify(forged).valid, false);
  assert.deepEqual(verifier.keys.keys.map((k) => [k.kid, k.usable]), [['k1', true]]);
  verifier.free();
});

test('inspect: the verifier\'s keys and context on every call, as inspect(input, { keys, ... })', () => {
  const context = { expect: { audience: 'api' }, clockSkew: 30 };
  const verifier = createVerifier({ keys, ...context });
  const prepared = verifier.inspect(good, { now: 1_700_000_000 });
  const { keys: read, ...direct } = inspect(good, { keys, now: 1_700_000_000, ...context });
  assert.ok(read);
  assert.equal(prepared.keys, undefined);
  assert.deepEqual(prepared, direct);
  assert.equal(prepared.verifications[0].valid, true);
  assert.ok(prepared.findings.some((f) => f.code.startsWith('CLAIM_AUD')), 'the expected audience is checked');
  verifier.free();
});

test('misuse: options without keys or with a bad field throw; a freed verifier throws; free twice is fine', () => {
  assert.throws(() => createVerifier(), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => createVerifier({}), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_OPTIONS' && /keys/.test(e.message));
  assert.throws(() => createVerifier({ keys, algorithm: ['ES256'] }), (e) => e.code === 'ERR_INVALID_OPTIONS' && /options\.algorithm: unknown field/.test(e.message));
  const verifier = createVerifier({ keys });
  assert.throws(() => verifier.verify(good, { now: 'soon' }), (e) => e.code === 'ERR_INVALID_OPTIONS' && /options\.now/.test(e.message));
  assert.throws(() => verifier.verify(42), (e) => e.code === 'ERR_INVALID_ARGUMENT');
  verifier.free();
  verifier.free();
  assert.throws(() => verifier.verify(good), (e) => e instanceof JwtlensError && /freed/.test(e.message));
});

test('Symbol.dispose frees it (what `using` calls)', () => {
  const verifier = createVerifier({ keys });
  assert.equal(typeof Symbol.dispose, 'symbol', 'Node 20.4+ defines Symbol.dispose');
  verifier[Symbol.dispose]();
  assert.throws(() => verifier.verify(good), /freed/);
});

test('bytes: a DER public key file as keys', () => {
  const verifier = createVerifier({ keys: new Uint8Array(publicKey.export({ format: 'der', type: 'spki' })) });
  assert.equal(verifier.verify(good).valid, true);
  verifier.free();
});

test('after a trap restarts the module, a verifier made before keeps working', () => {
  const local = api(glue);
  const verifier = local.createVerifier({ keys });
  assert.equal(verifier.verify(good).valid, true);
  // The trap goes through a second api() over the same glue: the restart is the glue's, seen by both.
  const trapping = api({ ...glue, inspect: () => glue.__jwtlensTestTrap() });
  assert.throws(() => trapping.inspect('x'), (e) => e.code === 'ERR_INTERNAL');
  assert.equal(verifier.verify(good).valid, true);
  assert.equal(verifier.verify(forged).valid, false);
  assert.deepEqual(verifier.keys.keys.map((k) => k.kid), ['k1']);
  verifier.free();
});
