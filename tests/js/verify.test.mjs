// `verify` and `parseKeys` through the package, imported by name as users do. Tokens are signed here with Node's
// own crypto (OpenSSL), independently of the Rust signature crates, for every algorithm; keys are exported by Node
// in every format it writes, and certificates come from panva/jose's fixtures in ../shared/vectors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { verify, parseKeys, codes, JwtlensError } from 'jwtlens';
import * as lazy from 'jwtlens/init';
import { generateKeyPair } from './keys.mjs';

const b64u = (b) => Buffer.from(b).toString('base64url');
const codesOf = (r) => r.findings.map((f) => f.code);
const vectors = (path) => new URL(`../../../shared/vectors/${path}`, import.meta.url);

const HASH = { 256: 'sha256', 384: 'sha384', 512: 'sha512' };

/** Signs `header.payload` the way a JWS issuer does, with Node's crypto. */
function sign(alg, privateKey, input, { der = false } = {}) {
  const data = Buffer.from(input);
  if (alg.startsWith('HS')) return crypto.createHmac(HASH[alg.slice(2)], privateKey).update(data).digest();
  if (alg.startsWith('RS')) return crypto.sign(HASH[alg.slice(2)], data, privateKey);
  if (alg.startsWith('PS')) {
    const bits = alg.slice(2);
    return crypto.sign(HASH[bits], data, { key: privateKey, padding: crypto.constants.RSA_PKCS1_PSS_PADDING, saltLength: bits / 8 });
  }
  if (alg === 'EdDSA' || alg === 'Ed25519') return crypto.sign(null, data, privateKey);
  const hash = alg === 'ES256K' ? 'sha256' : HASH[alg.slice(2)];
  return crypto.sign(hash, data, { key: privateKey, dsaEncoding: der ? 'der' : 'ieee-p1363' });
}

function token(alg, privateKey, header = {}, payload = { sub: 'js' }, options) {
  const input = `${b64u(JSON.stringify({ alg, ...header }))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${b64u(sign(alg, privateKey, input, options))}`;
}

function keyPair(alg) {
  if (alg.startsWith('RS') || alg.startsWith('PS')) return generateKeyPair('rsa', { modulusLength: 2048 });
  if (alg === 'EdDSA' || alg === 'Ed25519') return generateKeyPair('ed25519');
  const namedCurve = { ES256: 'prime256v1', ES384: 'secp384r1', ES512: 'secp521r1', ES256K: 'secp256k1' }[alg];
  return generateKeyPair('ec', { namedCurve });
}

const ASYMMETRIC = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'Ed25519'];
const pairs = new Map(ASYMMETRIC.map((alg) => [alg, keyPair(alg)]));

test('every algorithm verifies with its public JWK, and a changed payload does not', () => {
  const secret = crypto.randomBytes(64);
  const jwkOf = (alg) => (alg.startsWith('HS') ? { kty: 'oct', k: b64u(secret) } : pairs.get(alg).publicKey.export({ format: 'jwk' }));
  for (const alg of ['HS256', 'HS384', 'HS512', ...ASYMMETRIC]) {
    const priv = alg.startsWith('HS') ? secret : pairs.get(alg).privateKey;
    const t = token(alg, priv);
    const keys = JSON.stringify(jwkOf(alg));
    const r = verify(t, keys);
    assert.equal(r.valid, true, `${alg}: ${JSON.stringify(r.findings)}`);
    assert.equal(r.algorithm, alg);
    assert.equal(r.matchedKey.index, 0);
    assert.deepEqual(r.attempts.map((a) => [a.outcome, a.tried]), [['matched', true]]);
    assert.ok(codesOf(r).includes('VERIFY_VALID'));
    const [h, , s] = t.split('.');
    const forged = verify(`${h}.${b64u('{"sub":"admin"}')}.${s}`, keys);
    assert.equal(forged.valid, false, alg);
    assert.ok(codesOf(forged).includes('SIG_MISMATCH'), `${alg}: ${codesOf(forged)}`);
  }
});

test('one key in every format Node writes gives one thumbprint and one verdict', () => {
  const formats = {
    rsa: ['RS256', [
      ['jwk', (k) => JSON.stringify(k.publicKey.export({ format: 'jwk' }))],
      ['jwk', (k) => JSON.stringify(k.privateKey.export({ format: 'jwk' }))],
      ['jwks', (k) => JSON.stringify({ keys: [{ ...k.publicKey.export({ format: 'jwk' }), kid: 'k1', use: 'sig' }] })],
      ['spki', (k) => k.publicKey.export({ type: 'spki', format: 'pem' })],
      ['pkcs1', (k) => k.publicKey.export({ type: 'pkcs1', format: 'pem' })],
      ['pkcs8', (k) => k.privateKey.export({ type: 'pkcs8', format: 'pem' })],
      ['pkcs1Private', (k) => k.privateKey.export({ type: 'pkcs1', format: 'pem' })],
      ['spki', (k) => k.publicKey.export({ type: 'spki', format: 'der' }).toString('base64')],
    ]],
    ec: ['ES384', [
      ['jwk', (k) => JSON.stringify(k.publicKey.export({ format: 'jwk' }))],
      ['spki', (k) => k.publicKey.export({ type: 'spki', format: 'pem' })],
      ['pkcs8', (k) => k.privateKey.export({ type: 'pkcs8', format: 'pem' })],
      ['sec1', (k) => k.privateKey.export({ type: 'sec1', format: 'pem' })],
    ]],
    secp256k1: ['ES256K', [
      ['jwk', (k) => JSON.stringify(k.publicKey.export({ format: 'jwk' }))],
      ['spki', (k) => k.publicKey.export({ type: 'spki', format: 'pem' })],
      ['sec1', (k) => k.privateKey.export({ type: 'sec1', format: 'pem' })],
    ]],
    ed25519: ['EdDSA', [
      ['jwk', (k) => JSON.stringify(k.publicKey.export({ format: 'jwk' }))],
      ['spki', (k) => k.publicKey.export({ type: 'spki', format: 'pem' })],
      ['pkcs8', (k) => k.privateKey.export({ type: 'pkcs8', format: 'pem' })],
    ]],
  };
  for (const [name, [alg, list]] of Object.entries(formats)) {
    const pair = pairs.get(alg);
    const t = token(alg, pair.privateKey, { kid: 'k1' });
    const thumbprints = new Set();
    for (const [format, text] of list) {
      const keys = text(pair);
      const r = verify(t, keys);
      assert.equal(r.valid, true, `${name} ${format}: ${JSON.stringify(r.findings)}`);
      assert.equal(r.keys[0].format, format, name);
      assert.equal(r.keys[0].private, /PRIVATE|"d"/.test(keys), `${name} ${format}`);
      if (r.keys[0].private) assert.ok(codesOf(r).includes('KEY_PRIVATE'));
      thumbprints.add(r.matchedKey.thumbprint);
      const set = parseKeys(keys);
      assert.equal(set.keys[0].thumbprint, r.matchedKey.thumbprint);
      assert.ok(set.keys[0].algorithms.includes(alg), `${name} ${format}: ${set.keys[0].algorithms}`);
    }
    assert.equal(thumbprints.size, 1, name);
  }
  // The same thumbprint Node computes... is RFC 7638's: check one by hand.
  const jwk = pairs.get('EdDSA').publicKey.export({ format: 'jwk' });
  const expected = b64u(crypto.createHash('sha256').update(JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x })).digest());
  assert.equal(parseKeys(JSON.stringify(jwk)).keys[0].thumbprint, expected);
});

test('X.509 certificates: subject, validity and expiry at `now` (a Date or seconds)', () => {
  const fixtures = JSON.parse(readFileSync(vectors('peer-fixtures/panva-jose/keys.json'), 'utf8'));
  for (const [name, alg, expired] of [['P256', 'ES256', true], ['RSA', 'RS256', true], ['Ed25519', 'EdDSA', false]]) {
    const privateKey = crypto.createPrivateKey({ key: fixtures[name].jwk, format: 'jwk' });
    const t = token(alg, privateKey);
    const r = verify(t, fixtures[name].x509, { now: new Date('2024-01-01T00:00:00Z') });
    assert.equal(r.valid, true, name);
    const cert = r.keys[0].certificate;
    assert.equal(r.keys[0].format, 'x509');
    assert.match(cert.subject, /C=CZ/);
    assert.equal(cert.expired, expired, name);
    assert.equal(codesOf(r).includes('KEY_CERT_EXPIRED'), expired, name);
    assert.ok(codesOf(r).includes('KEY_CERTIFICATE'));
    assert.equal(verify(t, fixtures[name].x509, { now: 1_680_000_000 }).keys[0].certificate.expired, false, `${name} in 2023`);
    assert.equal(verify(t, fixtures[name].x509, { now: null }).keys[0].certificate.expired, null, `${name} without a time`);
  }
});

test('HMAC secrets in every encoding; short secrets warn', () => {
  const secret = crypto.randomBytes(32);
  const t = token('HS256', secret);
  for (const [secretEncoding, text] of [['base64', secret.toString('base64')], ['base64url', b64u(secret)], ['hex', secret.toString('hex')]]) {
    const r = verify(t, text, { secretEncoding });
    assert.equal(r.valid, true, secretEncoding);
    assert.equal(r.keys[0].format, 'secret');
    assert.equal(r.keys[0].thumbprint, null, 'never a thumbprint of a secret');
  }
  const short = token('HS256', 'your-256-bit-secret');
  const r = verify(short, 'your-256-bit-secret');
  assert.equal(r.valid, true);
  assert.ok(codesOf(r).includes('SIG_HMAC_SECRET_SHORT'));
  assert.ok(!JSON.stringify(r).includes('your-256-bit-secret'), 'the secret never appears in the result');
});

test('algorithm confusion: an HS256 token keyed with the public key is refused in every format', () => {
  const pair = pairs.get('RS256');
  for (const text of [pair.publicKey.export({ type: 'spki', format: 'pem' }), pair.publicKey.export({ type: 'pkcs1', format: 'pem' }), JSON.stringify(pair.publicKey.export({ format: 'jwk' }))]) {
    const forged = token('HS256', Buffer.from(text));
    const r = verify(forged, text, { algorithms: ['HS256'] });
    assert.equal(r.valid, false);
    assert.ok(codesOf(r).includes('SIG_ALG_CONFUSION'), codesOf(r).join());
    assert.equal(r.attempts[0].outcome, 'algorithmConfusion');
    assert.equal(r.attempts[0].tried, false);
  }
});

test('alg none never verifies; DER ECDSA is named; the allow-list holds', () => {
  const none = `${b64u('{"alg":"none"}')}.${b64u('{"sub":"admin"}')}.`;
  for (const keys of ['secret', JSON.stringify(pairs.get('ES256').publicKey.export({ format: 'jwk' }))]) {
    const r = verify(none, keys);
    assert.equal(r.valid, false);
    assert.ok(codesOf(r).includes('SIG_ALG_NONE'));
  }
  const pair = pairs.get('ES256');
  const jwk = JSON.stringify(pair.publicKey.export({ format: 'jwk' }));
  const der = verify(token('ES256', pair.privateKey, {}, { sub: 'js' }, { der: true }), jwk);
  assert.equal(der.valid, false);
  assert.ok(codesOf(der).includes('SIG_ECDSA_DER'));
  assert.equal(der.attempts[0].outcome, 'signatureMalformed');
  const good = token('ES256', pair.privateKey);
  assert.equal(verify(good, jwk, { algorithms: ['ES256'] }).valid, true);
  const notAllowed = verify(good, jwk, { algorithms: ['RS256'] });
  assert.equal(notAllowed.valid, false);
  assert.ok(codesOf(notAllowed).includes('SIG_ALG_NOT_ALLOWED'));
});

test('a JWKS: the kid picks the key, rows explain every other key', () => {
  const a = pairs.get('ES256');
  const b = pairs.get('RS256');
  const set = JSON.stringify({
    keys: [
      { ...b.publicKey.export({ format: 'jwk' }), kid: 'rsa', use: 'sig' },
      { ...a.publicKey.export({ format: 'jwk' }), kid: 'ec-old' },
      { ...a.publicKey.export({ format: 'jwk' }), kid: 'ec', alg: 'ES256' },
      { ...a.publicKey.export({ format: 'jwk' }), kid: 'ec-enc', use: 'enc' },
    ],
  });
  const r = verify(token('ES256', a.privateKey, { kid: 'ec' }), set);
  assert.equal(r.valid, true);
  assert.deepEqual(r.matchedKey, { index: 2, kid: 'ec', thumbprint: r.keys[2].thumbprint, signature: 0 });
  assert.deepEqual(r.attempts.map((x) => x.outcome), ['wrongKeyType', 'kidMismatch', 'matched', 'notForSigning']);
  for (const row of r.attempts) assert.equal(typeof row.reason, 'string');
  // A kid that is not in the set: nothing is used, and the diagnosis says which key would have matched.
  const rotated = verify(token('ES256', a.privateKey, { kid: 'ec-new' }), set);
  assert.equal(rotated.valid, false);
  assert.ok(codesOf(rotated).includes('SIG_KID_NOT_FOUND'));
  assert.ok(codesOf(rotated).includes('SIG_MATCHES_EXCLUDED_KEY'));
  assert.equal(rotated.attempts[1].signatureMatches, true);
});

test('parseKeys reports unsupported and broken keys as findings located at the key', () => {
  const dsa = generateKeyPair('dsa', { modulusLength: 2048, divisorLength: 256 }).publicKey.export({ type: 'spki', format: 'pem' });
  const ed448 = generateKeyPair('ed448').publicKey.export({ type: 'spki', format: 'pem' });
  const x25519 = JSON.stringify(generateKeyPair('x25519').publicKey.export({ format: 'jwk' }));
  for (const text of [dsa, ed448, '-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----', '{"kty":"EC","crv":"P-256","x":"AA","y":"AA"}']) {
    const set = parseKeys(text);
    assert.equal(set.keys.length, 1, text);
    assert.equal(set.keys[0].usable, false);
    const f = set.findings.find((x) => x.severity === 'error');
    assert.ok(f, text);
    assert.equal(f.location.key, 0);
    assert.equal(f.location.part, 'key');
  }
  // X25519 is read since JWE decryption (issue 25): a key agreement key, never a signature key.
  const x = parseKeys(x25519);
  assert.equal(x.keys.length, 1);
  assert.deepEqual(x.keys[0].algorithms, []);
  assert.ok(codesOf(x).includes('KEY_NOT_FOR_SIGNING'), JSON.stringify(codesOf(x)));
  assert.deepEqual(codesOf(parseKeys('')), ['KEY_NONE']);
});

test('JWS JSON serialization and detached content', () => {
  const pair = pairs.get('PS256');
  const protectedB64 = b64u('{"alg":"PS256"}');
  const payload = b64u('hello');
  const signature = b64u(sign('PS256', pair.privateKey, `${protectedB64}.${payload}`));
  const jwk = JSON.stringify(pair.publicKey.export({ format: 'jwk' }));
  const general = JSON.stringify({ payload, signatures: [{ protected: protectedB64, signature }] });
  assert.equal(verify(general, jwk).valid, true);
  const detached = `${protectedB64}..${signature}`;
  assert.equal(verify(detached, jwk, { detachedPayload: 'hello' }).valid, true);
  assert.equal(verify(detached, jwk).valid, false);
});

test('finding offsets count UTF-16 code units, as in inspect', () => {
  const secret = crypto.randomBytes(32);
  const t = token('HS256', secret);
  const broken = `${t.slice(0, 10)}*${t.slice(11)}`;
  const input = JSON.stringify({ note: '🙂 é', id_token: broken });
  const r = verify(input, b64u(secret), { secretEncoding: 'base64url' });
  const bad = r.findings.find((f) => f.code === 'B64_INVALID_CHARACTER');
  assert.ok(bad, codesOf(r).join());
  assert.equal(input.slice(bad.location.start, bad.location.end), '*');
});

test('misuse throws JwtlensError; bad tokens and keys never throw', () => {
  assert.throws(() => verify(1, 'k'), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => verify('x', null), (e) => e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => verify('x', 'k', []), (e) => e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => verify('x', 'k', { algorithm: ['RS256'] }), (e) => e.code === 'ERR_INVALID_OPTIONS');
  assert.throws(() => verify('x', 'k', { secretEncoding: 'latin1' }), (e) => e.code === 'ERR_INVALID_OPTIONS');
  assert.throws(() => parseKeys({}), (e) => e.code === 'ERR_INVALID_ARGUMENT');
  for (const junk of ['', '.', '{', '-----BEGIN', '\u0000', 'é.é.é', '{"keys":[1,2]}']) {
    assert.equal(verify(junk, junk).valid, false);
    assert.ok(Array.isArray(parseKeys(junk).findings));
  }
});

test('jwtlens/init exports verify and parseKeys too', async () => {
  await lazy.init();
  const secret = 'a-secret-of-thirty-two-bytes-or-more!';
  assert.equal(lazy.verify(token('HS256', secret), secret).valid, true);
  assert.equal(lazy.parseKeys(secret).keys[0].format, 'secret');
});

test('codes() lists the key and verification phases', () => {
  const phases = codes().map(([phase]) => phase);
  assert.ok(phases.includes('Keys') && phases.includes('Signature verification'));
});
