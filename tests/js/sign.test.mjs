// `sign` and `generateKey` through the package, imported by name. Round trips for every algorithm both ways with
// independent implementations: jose (WebCrypto: Node's OpenSSL) verifies what jwtlens signs and signs what jwtlens
// verifies, with jwtlens's generated keys imported as PKCS#8/SPKI PEM and JWK; ES256K, which jose does not do, with
// @noble/curves; and jwtlens's own `verify` every time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import * as jose from 'jose';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { sign, generateKey, verify, inspect, JwtlensError } from 'jwtlens';
import * as lazy from 'jwtlens/init';

const codesOf = (r) => r.findings.map((f) => f.code);
const ALGS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA', 'Ed25519'];

// One RSA key serves every RS*/PS* algorithm through its PEM (PKCS#8 carries no algorithm; the JWK names RS256):
// generating RSA keys is the slow part (see the README).
const rsa = generateKey('RS256');
const keys = new Map(ALGS.map((alg) => [alg, /^(RS|PS)/.test(alg) ? rsa : generateKey(alg)]));
const privateText = (key) => key.privatePem ?? key.secret;
const publicText = (key) => key.publicPem ?? key.secret;

/** jose's key for `alg` from a generated key: PEM through importPKCS8/importSPKI, or the secret's bytes. */
async function joseKey(key, alg, half) {
  if (key.secret !== null) return new TextEncoder().encode(key.secret);
  return half === 'private' ? jose.importPKCS8(key.privatePem, alg) : jose.importSPKI(key.publicPem, alg);
}

test('jwtlens signs, jose verifies: every algorithm jose implements', async () => {
  let ran = 0;
  for (const alg of ALGS) {
    const key = keys.get(alg);
    const signed = sign({ sub: 'jwtlens', n: 1 }, privateText(key), { alg, typ: 'JWT', kid: true, iat: 'now', expiresIn: 600 });
    assert.ok(signed.token, `${alg}: ${JSON.stringify(signed.findings)}`);
    assert.equal(signed.alg, alg);
    const { payload, protectedHeader } = await jose.jwtVerify(signed.token, await joseKey(key, alg, 'public'), { algorithms: [alg] });
    assert.equal(payload.sub, 'jwtlens', alg);
    assert.equal(protectedHeader.typ, 'JWT', alg);
    assert.ok(payload.exp - payload.iat === 600 && Math.abs(payload.iat - Date.now() / 1000) < 5, alg);
    if (signed.publicJwk) {
      // The result's public JWK carries the header's kid and verifies too.
      assert.equal(signed.publicJwk.kid, protectedHeader.kid, alg);
      await jose.jwtVerify(signed.token, await jose.importJWK(signed.publicJwk, alg), { algorithms: [alg] });
    }
    assert.ok(verify(signed.token, publicText(key)).valid, alg);
    ran += 1;
  }
  assert.equal(ran, 14);
});

test('jose signs with jwtlens keys (PEM and JWK), jwtlens verifies', async () => {
  let ran = 0;
  for (const alg of ALGS) {
    const key = keys.get(alg);
    const token = await new jose.SignJWT({ sub: 'jose' }).setProtectedHeader({ alg }).sign(await joseKey(key, alg, 'private'));
    const result = verify(token, publicText(key));
    assert.ok(result.valid, `${alg}: ${JSON.stringify(result.findings)}`);
    assert.equal(result.algorithm, alg);
    if (key.publicJwk && !/^(RS|PS)/.test(alg)) {
      // The private JWK imports into jose as well, and the public JWK verifies in jwtlens.
      const fromJwk = await new jose.SignJWT({ sub: 'jwk' }).setProtectedHeader({ alg }).sign(await jose.importJWK(key.privateJwk, alg));
      assert.ok(verify(fromJwk, JSON.stringify(key.publicJwk)).valid, alg);
    }
    ran += 1;
  }
  assert.equal(ran, 14);
});

test('ES256K both ways with @noble/curves, and with jwtlens verify', () => {
  const key = generateKey('ES256K');
  const bytes = (b64u) => Buffer.from(b64u, 'base64url');
  const publicKey = Buffer.concat([Buffer.from([4]), bytes(key.publicJwk.x), bytes(key.publicJwk.y)]);
  let ran = 0;
  for (const keyText of [key.privatePem, JSON.stringify(key.privateJwk)]) {
    const signed = sign('{"sub":"k256"}', keyText, { alg: 'ES256K' });
    const [h, p, s] = signed.token.split('.');
    const signature = bytes(s);
    assert.equal(signature.length, 64, 'r‖s');
    assert.ok(secp256k1.verify(signature, Buffer.from(`${h}.${p}`), publicKey), 'noble verifies (SHA-256 prehash, low S)');
    assert.ok(verify(signed.token, key.publicPem).valid);
    ran += 1;
  }
  // noble signs, jwtlens verifies.
  const input = `${Buffer.from('{"alg":"ES256K"}').toString('base64url')}.${Buffer.from('{"sub":"noble"}').toString('base64url')}`;
  const signature = secp256k1.sign(Buffer.from(input), bytes(key.privateJwk.d));
  const result = verify(`${input}.${Buffer.from(signature).toString('base64url')}`, JSON.stringify(key.publicJwk));
  assert.ok(result.valid, JSON.stringify(result.findings));
  assert.equal(ran, 2);
});

test('the payload text is signed exactly; objects are written with JSON.stringify', () => {
  const secret = 'a-string-secret-at-least-256-bits-long';
  const text = '{\n  "sub": "1",\n  "big": 12345678901234567890,\n  "f": 1.50\n}';
  const signed = sign(text, secret, { header: '{ "typ": "JWT" }' });
  assert.equal(signed.payload, text);
  assert.equal(signed.header, '{ "alg": "HS256", "typ": "JWT" }');
  assert.equal(inspect(signed.token).tokens[0].payload.text, text);
  const fromObject = sign({ sub: '1' }, secret, { header: { typ: 'JWT' } });
  const input = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIn0'; // {"alg":"HS256","typ":"JWT"}.{"sub":"1"}
  const mac = crypto.createHmac('sha256', secret).update(input).digest('base64url');
  assert.equal(fromObject.token, `${input}.${mac}`, 'the HMAC Node computes over the same bytes');
  // `now` defaults to the caller's clock, as for inspect; a Date works too.
  const timed = sign({}, secret, { iat: 'now', expiresIn: 60, now: new Date('2026-01-01T00:00:00Z') });
  assert.equal(timed.payload, '{"iat":1767225600,"exp":1767225660}');
  assert.deepEqual(codesOf(sign({}, secret, { iat: 'now', now: null })), ['SIGN_TIME_INVALID', 'KEY_SECRET']);
});

test('refusals are findings; misuse throws JwtlensError', () => {
  const broken = sign('{"sub": 1,\n "x": }', 'a-string-secret-at-least-256-bits-long');
  assert.equal(broken.token, null);
  assert.deepEqual(broken.findings[0].location, { part: 'payload', line: 2, column: 7 });
  const pub = sign('{}', keys.get('ES256').publicPem);
  assert.deepEqual(codesOf(pub), ['SIGN_PUBLIC_KEY']);
  assert.match(pub.findings[0].message, new RegExp(keys.get('ES256').kid));
  assert.deepEqual(codesOf(sign('{}', 'x', { alg: 'none' })), ['SIGN_ALG_NONE']);
  assert.throws(() => sign(42, 'k'), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => sign('{}', { kty: 'oct' }), (e) => e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => sign('{}', 'k', { algg: 'HS256' }), (e) => e.code === 'ERR_INVALID_OPTIONS');
  assert.throws(() => generateKey('HS1'), (e) => e.code === 'ERR_INVALID_ARGUMENT' && /HS256/.test(e.message));
  assert.throws(() => generateKey(), (e) => e.code === 'ERR_INVALID_ARGUMENT');
});

test('generated keys: the forms agree and the secret is long enough', () => {
  const es = keys.get('ES384');
  assert.equal(es.kid, es.publicJwk.kid);
  assert.deepEqual({ ...es.privateJwk, d: undefined }, { ...es.publicJwk, d: undefined });
  assert.match(es.privatePem, /^-----BEGIN PRIVATE KEY-----\n[A-Za-z0-9+/=\n]+-----END PRIVATE KEY-----\n$/);
  const hs = keys.get('HS512');
  assert.equal(hs.secret.length, 86);
  assert.equal(Buffer.from(hs.privateJwk.k, 'base64url').toString(), hs.secret);
  assert.equal(hs.publicPem, null);
  assert.equal(rsa.publicJwk.e, 'AQAB');
  assert.equal(Buffer.from(rsa.publicJwk.n, 'base64url').length, 256);
});

test('jwtlens/init exposes sign and generateKey too', async () => {
  await lazy.init();
  assert.ok(lazy.sign('{}', lazy.generateKey('EdDSA').privatePem).token);
});
