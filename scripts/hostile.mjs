// Hostile input (issue 16): prints the time and memory of each case found, and of the worst inputs that still fit
// the default limits (crate/src/limits.rs, docs/DESIGN.md "Limits"). Figures, not a test (crate/tests/limits.rs
// asserts the outcomes): every case runs in a fresh Node process, so that the WebAssembly memory it reports (which
// only ever grows) is that case's peak. Usage, after `npm run build`:
//   node scripts/hostile.mjs            every case
//   node scripts/hostile.mjs regex      the cases whose name contains "regex"
// "input MiB" counts every text passed (token and keys); "wasm MiB" is the module's memory after the call.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

const NOW = 1_700_000_000;
const SECRET = 'a-string-secret-at-least-256-bits-long';
const b64 = (data) => Buffer.from(data).toString('base64url');
const json64 = (value) => b64(typeof value === 'string' ? value : JSON.stringify(value));

/** A compact JWS with `header` and `payload` (objects or JSON text), signed by `sign(signingInput) → bytes`. */
function jws(header, payload, sign) {
  const input = `${json64(header)}.${json64(payload)}`;
  return `${input}.${b64(sign(input))}`;
}
const hs256 = (header, payload) => jws(header, payload, (input) => crypto.createHmac('sha256', SECRET).update(input).digest());

/** A key pair as JWKs (generated as PEM and imported again: see tests/js/keys.mjs for why). */
function keyPair(type, options) {
  const pair = crypto.generateKeyPairSync(type, {
    ...options,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  const privateKey = crypto.createPrivateKey(pair.privateKey);
  return { privateKey, jwk: crypto.createPublicKey(pair.publicKey).export({ format: 'jwk' }), spki: pair.publicKey };
}
const keySet = (jwk, n, kid = (i) => `key-${i}`) => JSON.stringify({ keys: Array.from({ length: n }, (_, i) => ({ ...jwk, kid: kid(i) })) });
const lines = (item, n) => Array(n).fill(item).join('\n');
const cognitoIss = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';
const rest = (expression) => ({ kind: 'apiGatewayRest', providerArns: ['arn:aws:cognito-idp:us-east-1:1:userpool/us-east-1_AbC123'], identityValidationExpression: expression });
const audToken = (aud) => hs256({ alg: 'RS256' }, { iss: cognitoIss, token_use: 'id', aud, exp: 1_800_000_000 });
const claims = (n, nameLength) => `{${Array.from({ length: n }, (_, i) => `"${'n'.repeat(Math.max(0, nameLength - 8))}${String(i).padStart(8, '0')}":1`).join(',')}}`;
const wrongTypes = hs256({ alg: 'HS256', kid: 1, typ: 2 }, '{"iss":7,"sub":["x"],"aud":5,"exp":"tomorrow","nbf":"now","iat":{},"auth_time":"x","token_use":1,"scope":2,"client_id":3,"cognito:groups":"admin","email_verified":"yes","azp":[]}');
const jwsJson = (signatures, alg, signature) =>
  JSON.stringify({ payload: json64({ sub: '1' }), signatures: Array.from({ length: signatures }, () => ({ protected: json64({ alg }), signature })) });
/** Pseudo-random printable text of `n` bytes (deterministic). */
function randomText(n) {
  const bytes = Buffer.alloc(n);
  let x = 2_463_534_242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x ^= x >>> 17; x ^= x << 5;
    bytes[i] = 32 + ((x >>> 0) % 95);
  }
  return bytes.toString('latin1');
}
const MiB = 1 << 20;
const RAISED = { inputBytes: 16 * MiB };

/**
 * Each case: a name, and a function building the call (not timed) that returns `[operation, ...arguments]` and
 * what to print of the result. The cases first, at the default limits, then the worst inputs that fit.
 */
const CASES = {
  // Issue 16, found cases (each now meets a limit, or is linear).
  '1 2,300 HS256 tokens + secret (inspect, 0.25 MB)': () => ['inspect', lines(hs256({ alg: 'HS256' }, { sub: '1' }), 2_300), { now: NOW, keys: SECRET }],
  '1 1,000 tokens x 100-key RSA JWKS (inspect)': () => {
    const { privateKey, jwk } = keyPair('rsa', { modulusLength: 2048 });
    const token = jws({ alg: 'RS256', kid: 'key-7' }, { sub: '1' }, (input) => crypto.sign('sha256', Buffer.from(input), privateKey));
    return ['inspect', lines(token, 1_000), { now: NOW, keys: keySet(jwk, 100) }];
  },
  '1 JWS JSON 3,000 signatures x 3,000 secrets (verify)': () => {
    const secrets = JSON.stringify({ keys: Array.from({ length: 3_000 }, (_, i) => ({ kty: 'oct', k: b64(`secret ${i}`) })) });
    return ['verify', jwsJson(3_000, 'HS256', b64('x'.repeat(32))), secrets, {}];
  },
  '2 100,000 distinct claims, 2 MB (inspect)': () => ['inspect', hs256({ alg: 'HS256' }, claims(100_000, 12)), { now: NOW }],
  '2 100,000 distinct claims, 2 MB (verify)': () => ['verify', hs256({ alg: 'HS256' }, claims(100_000, 12)), SECRET, {}],
  '2 20,000 members with 406-character names (inspect)': () => ['inspect', hs256({ alg: 'HS256' }, claims(20_000, 406)), { now: NOW }],
  '2 3,000 copies of a token with wrong-typed claims (inspect)': () => ['inspect', lines(wrongTypes, 3_000), { now: NOW }],
  '2 10,000 copies, with a target (inspect)': () => ['inspect', lines(wrongTypes, 10_000), { now: NOW, target: { kind: 'cognitoApi', operation: 'GetUser' } }],
  '3 150 MB of random text (inspect)': () => ['inspect', randomText(150 * 1_000_000), { now: NOW }],
  '3 200 MB of base64-like text (inspect)': () => ['inspect', 'eyJhbGciOiJIUzI1NiJ9'.repeat(10_000_000), { now: NOW }],
  '4 10,000-key RSA JWKS, unknown kid (verify)': () => {
    const { jwk } = keyPair('rsa', { modulusLength: 2048 });
    return ['verify', jws({ alg: 'RS256', kid: 'elsewhere' }, { sub: '1' }, () => Buffer.alloc(256, 1)), keySet(jwk, 10_000), {}];
  },
  '4 10,000 P-256 keys (verify)': () => {
    const { jwk } = keyPair('ec', { namedCurve: 'P-256' });
    return ['verify', jws({ alg: 'ES256' }, { sub: '1' }, () => Buffer.alloc(64, 1)), keySet(jwk, 10_000), {}];
  },
  '4 JWS JSON, 10,000 signatures x 2-key JWKS, 3.8 MB (verify)': () => {
    const { jwk } = keyPair('rsa', { modulusLength: 2048 });
    return ['verify', jwsJson(10_000, 'RS256', b64(Buffer.alloc(256, 3))), keySet(jwk, 2), {}];
  },
  '7 regex (?:a|b){1000}c, 1,000 tokens with 1,000-character aud (inspect)': () =>
    ['inspect', lines(audToken('ab'.repeat(500)), 1_000), { now: NOW, target: rest('(?:a|b){1000}c') }],
  '7 regex (?:a|b){1000}c, 10,000 aud entries (inspect)': () =>
    ['inspect', audToken(Array(10_000).fill('ab'.repeat(500))), { now: NOW, target: rest('(?:a|b){1000}c') }],
  // The same, with `inputBytes` raised so that the next limit answers (beyond the defaults: linear, not bounded by 1 s).
  'raised 2 100,000 distinct claims (inspect)': () => ['inspect', hs256({ alg: 'HS256' }, claims(100_000, 12)), { now: NOW, limits: RAISED }],
  'raised 2 20,000 members with 406-character names (inspect)': () => ['inspect', hs256({ alg: 'HS256' }, claims(20_000, 406)), { now: NOW, limits: RAISED }],
  'raised 2 10,000 copies, with a target (inspect)': () => ['inspect', lines(wrongTypes, 10_000), { now: NOW, limits: RAISED, target: { kind: 'cognitoApi', operation: 'GetUser' } }],
  'raised 4 10,000-key RSA JWKS, unknown kid (verify)': () => {
    const { jwk } = keyPair('rsa', { modulusLength: 2048 });
    return ['verify', jws({ alg: 'RS256', kid: 'elsewhere' }, { sub: '1' }, () => Buffer.alloc(256, 1)), keySet(jwk, 10_000), { limits: RAISED }];
  },
  'raised 4 JWS JSON, 10,000 signatures x 2-key JWKS (verify)': () => {
    const { jwk } = keyPair('rsa', { modulusLength: 2048 });
    return ['verify', jwsJson(10_000, 'RS256', b64(Buffer.alloc(256, 3))), keySet(jwk, 2), { limits: RAISED }];
  },
  'raised 7 regex (?:a|b){1000}c, 10,000 aud entries (inspect)': () =>
    ['inspect', audToken(Array(10_000).fill('ab'.repeat(500))), { now: NOW, limits: RAISED, target: rest('(?:a|b){1000}c') }],
  '8 JSON nested 128 levels (inspect)': () => ['inspect', hs256({ alg: 'HS256' }, `{"a":${'['.repeat(127)}1${']'.repeat(127)}}`), { now: NOW }],
  '8 small-order Ed25519 key (parseKeys)': () => ['parseKeys', JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: b64(Buffer.from('01'.padEnd(64, '0'), 'hex')) }), {}],

  // At the default limits: the most work each limit still lets through.
  'limit 1 MiB of random text (inspect)': () => ['inspect', randomText(MiB), { now: NOW }],
  'limit 1 MiB of base64-like text, one segment (inspect)': () => ['inspect', 'eyJhbGciOiJIUzI1NiJ9'.repeat(MiB / 20), { now: NOW }],
  'limit 1 MiB, 100 tokens of 10 KB + secret (inspect)': () => {
    const token = hs256({ alg: 'HS256' }, { sub: '1', pad: 'x'.repeat(7_400) });
    return ['inspect', lines(token, 100), { now: NOW, keys: SECRET, target: { kind: 'cognitoApi', operation: 'GetUser' } }];
  },
  'limit 1 MiB token, objects of 1,000 members (inspect)': () => {
    const object = claims(1_000, 8);
    return ['inspect', hs256({ alg: 'HS256' }, `{"a":[${Array(58).fill(object).join(',')}]}`), { now: NOW }];
  },
  'limit 1 MiB token, every member repeated (inspect)': () => {
    const object = `{${Array.from({ length: 500 }, (_, i) => `"m${i}":1,"m${i}":2`).join(',')}}`;
    return ['inspect', hs256({ alg: 'HS256' }, `{"a":[${Array(60).fill(object).join(',')}]}`), { now: NOW }];
  },
  'limit 1 MiB token nested 32 deep, many times (inspect)': () => {
    const deep = `${'['.repeat(30)}1${']'.repeat(30)}`;
    return ['inspect', hs256({ alg: 'HS256' }, `{"a":[${Array(11_000).fill(deep).join(',')}]}`), { now: NOW }];
  },
  'limit 1 MiB of dots (inspect)': () => ['inspect', '.'.repeat(MiB), { now: NOW }],
  'limit 1 MiB URL with 100,000 parameters (inspect)': () => ['inspect', `https://app/cb#${'ab=cd&'.repeat(100_000)}id_token=${hs256({ alg: 'HS256' }, { sub: '1' })}`, { now: NOW }],
  'limit 1 MiB log text around 100 tokens (inspect)': () => {
    const token = hs256({ alg: 'HS256' }, { sub: '1' });
    return ['inspect', Array(100).fill(`level=info msg="${'x'.repeat(10_000)}" token=${token}`).join('\n'), { now: NOW, keys: SECRET }];
  },
  'limit 1 MiB token response of 1,000 fields (inspect)': () => {
    const token = hs256({ alg: 'HS256' }, { sub: '1', pad: 'y'.repeat(600) });
    const fields = Array.from({ length: 1_000 }, (_, i) => `"f${i}":"${i < 100 ? token : 'z'.repeat(900)}"`);
    return ['inspect', `{${fields.join(',')}}`, { now: NOW }];
  },
  'limit 1 MiB of percent-escapes (inspect)': () => ['inspect', `eyJ${'%2E'.repeat(MiB / 3 - 2)}`, { now: NOW }],
  'limit 100 tokens, a 1 MiB REST headerValue and expect.accessToken (inspect)': () => {
    const token = audToken('4c3s8a9d2k1l0mnb7v6c5x4z3a');
    const big = `Bearer ${'x'.repeat(MiB - 8)}`;
    return ['inspect', lines(token, 100), { now: NOW, expect: { accessToken: big }, target: { ...rest('^[a-z0-9]{26}$'), headerValue: big } }];
  },
  'limit 100 tokens x 100-key RSA JWKS, no kid (inspect)': () => {
    const { privateKey, jwk } = keyPair('rsa', { modulusLength: 2048 });
    const token = jws({ alg: 'RS256' }, { sub: '1' }, (input) => crypto.sign('sha256', Buffer.from(input), privateKey));
    return ['inspect', lines(token, 100), { now: NOW, keys: keySet(jwk, 100) }];
  },
  'limit 100 RSA-4096 keys, unknown kid (verify)': () => {
    const { jwk } = keyPair('rsa', { modulusLength: 4096 });
    return ['verify', jws({ alg: 'RS512', kid: 'elsewhere' }, { sub: '1' }, () => Buffer.alloc(512, 1)), keySet(jwk, 100), {}];
  },
  'limit 100 P-384 keys, no kid (verify)': () => {
    const { privateKey, jwk } = keyPair('ec', { namedCurve: 'P-384' });
    const token = jws({ alg: 'ES384' }, { sub: '1' }, () => Buffer.alloc(96, 1));
    void privateKey;
    return ['verify', token, keySet(jwk, 100), {}];
  },
  'limit 100 P-521 keys, unknown kid (verify)': () => {
    const { jwk } = keyPair('ec', { namedCurve: 'P-521' });
    return ['verify', jws({ alg: 'ES512', kid: 'elsewhere' }, { sub: '1' }, () => Buffer.alloc(132, 1)), keySet(jwk, 100), {}];
  },
  'limit JWS JSON 16 signatures x 100 P-384 keys (verify)': () => {
    const { jwk } = keyPair('ec', { namedCurve: 'P-384' });
    return ['verify', jwsJson(16, 'ES384', b64(Buffer.alloc(96, 1))), keySet(jwk, 100), {}];
  },
  'limit 100 PEM certificates (parseKeys)': () => {
    const { privateKey, spki } = keyPair('rsa', { modulusLength: 4096 });
    void privateKey;
    return ['parseKeys', Array(100).fill(spki).join('\n'), {}];
  },
  'limit regex near 64 KiB compiled, 4,096 characters of aud (inspect)': () =>
    ['inspect', lines(audToken('ab'.repeat(500)), 5), { now: NOW, target: rest('(?:a|b){400}c') }],
};

/** Runs one case in this process and prints one JSON line: time of the call, memory, and the limits reached. */
async function child(name) {
  const jwtlens = await import('jwtlens');
  // The glue module the package instantiated (the same module instance): its memory is what the case used.
  const glue = await import('../dist/wasm/jwtlens.js');
  const [operation, ...args] = CASES[name]();
  const inputBytes = args.filter((a) => typeof a === 'string').reduce((n, a) => n + Buffer.byteLength(a), 0);
  const start = performance.now();
  const result = jwtlens[operation](...args);
  const ms = performance.now() - start;
  const findings = [...(result.findings ?? []), ...(result.keys?.findings ?? []), ...(result.verifications ?? []).flatMap((v) => v.findings)];
  const limits = [...new Set(findings.map((f) => f.code).filter((c) => c.startsWith('LIMIT_') || c === 'KEY_ED25519_SMALL_ORDER'))];
  const wasmBytes = glue.initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength;
  console.log(JSON.stringify({ ms, wasmMiB: wasmBytes / MiB, maxRssMiB: process.resourceUsage().maxRSS / 1024, inputMiB: inputBytes / MiB, resultMiB: JSON.stringify(result).length / MiB, limits }));
}

function main() {
  const filter = process.argv[2] ?? '';
  const names = Object.keys(CASES).filter((n) => n.includes(filter));
  if (names.length === 0) throw new Error(`no case matches "${filter}"`);
  const rows = [];
  for (const name of names) {
    const run = spawnSync(process.execPath, ['--max-old-space-size=4096', fileURLToPath(import.meta.url), '--child', name], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = run.stdout.trim().split('\n').pop();
    if (run.status !== 0 || !line?.startsWith('{')) {
      rows.push({ case: name, error: (run.stderr || run.stdout).trim().split('\n').slice(-3).join(' ') });
      continue;
    }
    const r = JSON.parse(line);
    rows.push({
      case: name,
      'input MiB': +r.inputMiB.toFixed(2),
      'time ms': Math.round(r.ms),
      'wasm MiB': Math.round(r.wasmMiB),
      'max RSS MiB': Math.round(r.maxRssMiB),
      'result MiB': +r.resultMiB.toFixed(2),
      'limits reached': r.limits.join(' '),
    });
  }
  console.table(rows);
  const timed = rows.filter((r) => r['time ms'] !== undefined && !r.case.startsWith('raised'));
  if (timed.length) {
    const slowest = timed.reduce((a, b) => (b['time ms'] > a['time ms'] ? b : a));
    console.log(`slowest within the default limits: ${slowest.case}, ${slowest['time ms']} ms (one Node ${process.version} process per case; the time is the one API call; "raised" cases set inputBytes to 16 MiB)`);
  }
  if (rows.some((r) => r.error)) process.exitCode = 1;
}

if (process.argv[2] === '--child') await child(process.argv[3]);
else main();
