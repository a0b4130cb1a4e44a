// The boundary between JavaScript and the WebAssembly core: options read as objects (a bad field named by its
// path), the evaluation time from the binding's clock and validated, keys and payloads as bytes, every misuse a
// JwtlensError with a code, and a trapped module restarted so that the next call works.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect, verify, parseKeys, describeClaim, describeClaims, codes, createVerifier, JwtlensError } from 'jwtlens';
// The glue the package's Node entry (js/node.js) instantiates: the same module instance as 'jwtlens' here.
import * as glue from '../../dist/wasm/jwtlens-node.js';
import { api } from '../../js/core.js';
import { jws } from './tokens.mjs';
import { generateKeyPair } from './keys.mjs';

const token = jws({ alg: 'RS256', kid: 'k' }, { sub: 'u', exp: 1_700_000_000 });
const misuse = (code, pattern) => (e) => e instanceof JwtlensError && e.code === code && pattern.test(e.message);

test('options: a bad field is named by its path and what was expected', () => {
  const cases = [
    [{ target: { kind: 'apiGatewayHttp', issuer: 'https://i', audiences: ['a'], scopes: ['s', 't', 42] } }, /^options\.target\.scopes\[2\]: expected a string, got 42$/],
    [{ expect: { audience: { not: 'a list' } } }, /^options\.expect\.audience: expected a string or a list of strings, got an object$/],
    [{ clockskew: 5 }, /^options\.clockskew: unknown field `clockskew`, expected one of `now`, `clockSkew`/],
    [{ expect: { issuers: 'x' } }, /^options\.expect\.issuers: unknown field `issuers`/],
    [{ target: { kind: 'lambda' } }, /^options\.target\.kind: unknown variant `lambda`/],
    [{ target: { kind: 'oidc', issuer: 'x' } }, /^options\.target: missing field `clientId`$/],
    [{ keys: 42 }, /^options\.keys: expected a string or bytes/],
    [{ expect: { audience: ['a', 3] } }, /^options\.expect\.audience\[1\]: expected a string, got 3$/],
    // Two bad fields: the first one read is named (the path is searched for only after reading failed).
    [{ expect: { tokenUse: 'bearer', audience: 7 } }, /^options\.expect\.tokenUse: unknown variant `bearer`/],
  ];
  for (const [options, pattern] of cases) {
    assert.throws(() => inspect(token, options), misuse('ERR_INVALID_OPTIONS', pattern), JSON.stringify(options));
  }
  // An array argument: the element's index comes first.
  assert.throws(() => describeClaims([{ name: 'sub' }, { name: 1 }]), misuse('ERR_INVALID_OPTIONS', /^names\[1\]\.name: expected a string, got 1$/));
  assert.throws(() => createVerifier({ keys: 42 }), misuse('ERR_INVALID_OPTIONS', /^options\.keys: expected a string or bytes/));
});

test('the clock: now omitted or undefined is the binding\'s clock; null skips time checks; bad times throw', () => {
  const exp = Math.floor(Date.now() / 1000) + 2;
  const fresh = jws({ alg: 'RS256' }, { exp });
  const at = (options) => inspect(fresh, options).diagnoses[0].catalogue.find((e) => e.name === 'exp').time;
  for (const options of [undefined, {}, { now: undefined }]) {
    const { secondsFromNow } = at(options);
    assert.ok(secondsFromNow > 0.5 && secondsFromNow <= 2.5, `${JSON.stringify(options)}: ${secondsFromNow}`);
  }
  assert.equal(at({ now: null }).secondsFromNow, null);
  assert.ok(inspect(fresh, { now: null }).findings.some((f) => f.code === 'TIME_NO_NOW'));
  assert.equal(at({ now: new Date((exp - 10) * 1000) }).secondsFromNow, 10);
  assert.equal(at({ now: new Date((exp - 10) * 1000).toISOString() }).secondsFromNow, 10);
  for (const now of [NaN, Infinity, -Infinity, new Date('not a date'), 'yesterday', {}, [], true, 10n]) {
    assert.throws(() => inspect(fresh, { now }), misuse('ERR_INVALID_OPTIONS', /^options\.now: /), String(now));
    assert.throws(() => verify(fresh, 'secret', { now }), misuse('ERR_INVALID_OPTIONS', /^options\.now: /), String(now));
  }
  for (const clockSkew of [NaN, Infinity, -1, '30']) {
    assert.throws(() => inspect(fresh, { clockSkew }), misuse('ERR_INVALID_OPTIONS', /^options\.clockSkew: /), String(clockSkew));
  }
  // An expired token's verdict stays deny with any valid time: no bad time silently switches the checks off.
  const expired = inspect(jws({ alg: 'RS256' }, { exp: 1, token_use: 'access', scope: 'aws.cognito.signin.user.admin', iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_A', client_id: 'c', username: 'u' }), { target: { kind: 'cognitoApi', operation: 'GetUser' } });
  assert.equal(expired.verdict.decision, 'deny');
});

test('every misuse is a JwtlensError with a code, whatever the value passed', () => {
  const circular = {};
  circular.expect = circular;
  const deep = {};
  let node = deep;
  for (let i = 0; i < 40; i++) node = node.expect = {};
  const arguments_ = [
    () => inspect(42),
    () => inspect(token, []),
    () => inspect(token, new Date()),
    () => inspect(token, () => {}),
    () => inspect(token, 'options'),
    () => verify(token, { kty: 'oct' }),
    () => verify(Symbol('x'), 'k'),
    () => parseKeys(null),
    () => describeClaim(1n),
  ];
  for (const f of arguments_) assert.throws(f, (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_ARGUMENT', String(f));
  for (const options of [circular, deep, { now: 1n }, { expect: { audience: [Symbol('a')] } }, { target: new Map() }]) {
    assert.throws(() => inspect(token, options), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_OPTIONS');
  }
  assert.ok(codes().some(([phase]) => /Paste/.test(phase)), 'the module still works');
});

test('keys as the bytes of a file: DER SPKI, PKCS#1 and a certificate read as their PEM text', () => {
  const { publicKey } = generateKeyPair('rsa', { modulusLength: 2048 });
  const same = (pem, der) => {
    const [a, b] = [parseKeys(pem).keys[0], parseKeys(new Uint8Array(der)).keys[0]];
    for (const field of ['format', 'kty', 'bits', 'thumbprint', 'usable']) assert.deepEqual(b[field], a[field], field);
  };
  same(publicKey.export({ type: 'spki', format: 'pem' }), publicKey.export({ type: 'spki', format: 'der' }));
  same(publicKey.export({ type: 'pkcs1', format: 'pem' }), publicKey.export({ type: 'pkcs1', format: 'der' }));
  const fixtures = JSON.parse(readFileSync(new URL('../../../shared/vectors/peer-fixtures/panva-jose/keys.json', import.meta.url), 'utf8'));
  const pem = fixtures.RSA.x509;
  const der = Buffer.from(pem.replace(/-----[^-]+-----|\s/g, ''), 'base64');
  same(pem, der);
  assert.equal(parseKeys(new Uint8Array(der)).keys[0].format, 'x509');
  // A PEM file read as bytes is its text; a binary file that is no key is a secret.
  assert.equal(parseKeys(new TextEncoder().encode(pem)).keys[0].format, 'x509');
  assert.equal(parseKeys(new Uint8Array([0xff, 0xfe, 0x00, 0x01])).keys[0].format, 'secret');
  // Bytes work as inspect's keys and as verify's, and as a detached payload.
  const secret = crypto.randomBytes(32);
  const header = Buffer.from('{"alg":"HS256"}').toString('base64url');
  const payload = new Uint8Array([0, 159, 146, 150]);
  const signature = crypto.createHmac('sha256', secret).update(`${header}.${Buffer.from(payload).toString('base64url')}`).digest('base64url');
  const detached = `${header}..${signature}`;
  assert.equal(verify(detached, new Uint8Array(secret), { detachedPayload: payload }).valid, true);
  assert.equal(verify(detached, new Uint8Array(secret), { detachedPayload: new Uint8Array([1]) }).valid, false);
  const compact = `${header}.${Buffer.from('{}').toString('base64url')}`;
  const signed = `${compact}.${crypto.createHmac('sha256', secret).update(compact).digest('base64url')}`;
  assert.equal(inspect(signed, { keys: new Uint8Array(secret) }).verifications[0].valid, true);
});

test('a trap restarts the module: the call throws ERR_INTERNAL, the next one works', () => {
  // A real trap (WebAssembly `unreachable`) inside a call the loader makes: the loader catches it, re-instantiates
  // the module and reports it; the package's API, on the same module, works afterwards.
  const trapping = api({ ...glue, inspect: () => glue.__jwtlensTestTrap() });
  assert.throws(() => trapping.inspect(token), misuse('ERR_INTERNAL', /was restarted/));
  assert.equal(inspect(token, { now: 1 }).tokens[0].payload.value.sub, 'u');
  const big = `${token}\n`.repeat(1000);
  assert.equal(inspect(big, { now: 1 }).tokens.length, 1000, 'a large call works after the restart');
  for (let i = 0; i < 50; i++) assert.throws(() => trapping.inspect(token), misuse('ERR_INTERNAL', /restarted/));
  assert.equal(inspect(big, { now: 1 }).tokens.length, 1000, 'and after many');
});

test('results are plain objects; a number beyond 2^53 in a claim comes back as JSON.parse reads it', () => {
  const plain = inspect(token, { now: 1_600_000_000 });
  assert.equal(Object.getPrototypeOf(plain), Object.prototype);
  assert.equal(Object.getPrototypeOf(plain.tokens[0]), Object.prototype);
  assert.ok(Array.isArray(plain.findings));
  // 2^64 - 1 is a u64 in Rust, which no JS number holds exactly: it is the nearest number, and the exact text stays.
  const b64 = (text) => Buffer.from(text).toString('base64url');
  const big = `${b64('{"alg":"HS256"}')}.${b64('{"sub":"u","n":18446744073709551615}')}.c2ln`;
  const result = inspect(big, { now: 1_600_000_000 });
  assert.equal(result.tokens.length, 1);
  assert.match(JSON.stringify(result), /18446744073709552000/);
  assert.match(result.tokens[0].payload.text, /18446744073709551615/);
});

test('an input over limits.inputBytes is answered from its length and never copied into wasm memory', () => {
  // A JavaScript string's length (UTF-16 code units) never exceeds its UTF-8 bytes, so the binding knows a 64 MB
  // paste is over the 1 MiB default before copying it: wasm memory, which never shrinks, stays as it was.
  const memory = () => glue.initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength;
  const big = `${token}\n`.repeat(Math.ceil(64_000_000 / (token.length + 1)));
  const before = memory();
  const expectUnread = (findings, what) => {
    // verify goes on to say it found no token (and what the keys are); the limit comes first.
    assert.equal(findings[0].code, 'LIMIT_INPUT_BYTES', what);
    assert.ok(!findings.slice(1).some((f) => f.code.startsWith('PASTE_') || f.code.startsWith('DECODE_')), what);
    assert.match(findings[0].message, new RegExp(`^The input is at least ${big.length.toLocaleString('en-US')} bytes, over the limit of 1,048,576`), what);
  };
  expectUnread(inspect(big, { now: 1 }).findings, 'inspect');
  expectUnread(verify(big, 'secret', { now: 1 }).findings, 'verify');
  const verifier = createVerifier({ keys: 'secret' });
  expectUnread(verifier.verify(big).findings, 'a verifier\'s verify');
  expectUnread(verifier.inspect(big).findings, 'a verifier\'s inspect');
  verifier.free();
  const grown = memory() - before;
  assert.ok(grown < 4 * 1024 * 1024, `wasm memory grew by ${grown} bytes for a ${big.length}-character input`);

  // Under the limit in characters but over it in bytes: copied, measured in bytes, the same answer with the exact size.
  const wide = 'é'.repeat(600_000);
  const [finding] = inspect(wide, { now: 1 }).findings;
  assert.equal(finding.code, 'LIMIT_INPUT_BYTES');
  assert.match(finding.message, /^The input is 1,200,000 bytes, over the limit/);
  // A raised limit reads the same large input.
  const raised = inspect(big.slice(0, 2_000_000), { now: 1, limits: { inputBytes: 4_000_000 } });
  assert.ok(!raised.findings.some((f) => f.code === 'LIMIT_INPUT_BYTES'));
  assert.equal(raised.tokens.length, 1000, 'read, up to limits.tokens');
});
