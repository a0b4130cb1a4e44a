// DPoP (RFC 9449) through the package: the RFC's proof, and round trips with jose — jose signs a proof → jwtlens checks
// it (paste and option forms); jwtlens signs with `dpopProof` → jose verifies it with the embedded key, and agrees on
// the RFC 7638 thumbprint.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as jose from 'jose';
import { inspect, dpopProof, generateKey, sign } from 'jwtlens';

const vectors = JSON.parse(readFileSync(new URL('../vectors/rfc9449.json', import.meta.url), 'utf8'));
const NOW = 1_800_000_000;
const failing = (r) => r.dpop.checks.filter((c) => c.status === 'fail').map((c) => c.rule);
const ath = (token) => crypto.createHash('sha256').update(token).digest('base64url');

test('RFC 9449 §4.1 proof in a pasted token request', () => {
  let ran = 0;
  for (const c of vectors.proofs) {
    const paste = `${c.method} /token HTTP/1.1\r\nHost: server.example.com\r\nDPoP: ${c.proof}\r\n`;
    const r = inspect(paste, { now: c.iat + 1 });
    assert.deepEqual(r.dpop.checks.filter((x) => x.status !== 'pass').map((x) => x.rule), ['jkt'], c.source);
    assert.equal(r.dpop.accessToken, null);
    ran += 1;
  }
  assert.equal(ran, 1);
});

async function josePair() {
  const { publicKey, privateKey } = await jose.generateKeyPair('ES256', { extractable: true });
  const jwk = await jose.exportJWK(publicKey);
  return { privateKey, jwk, jkt: await jose.calculateJwkThumbprint(jwk) };
}

function accessToken(jkt) {
  const key = generateKey('ES256');
  return sign({ iss: 'https://as.example', sub: 'u', exp: NOW + 600, cnf: { jkt } }, JSON.stringify(key.privateJwk)).token;
}

test('jose signs a proof → jwtlens checks it, in paste and option form', async () => {
  const { privateKey, jwk, jkt } = await josePair();
  const at = accessToken(jkt);
  const proof = await new jose.SignJWT({ htm: 'POST', htu: 'https://rs.example/orders', ath: ath(at), jti: crypto.randomUUID() })
    .setProtectedHeader({ alg: 'ES256', typ: 'dpop+jwt', jwk }).setIssuedAt(NOW).sign(privateKey);
  const option = inspect(at, { now: NOW + 2, dpop: { proof, method: 'POST', url: 'https://rs.example/orders?x=1' } });
  assert.ok(option.dpop.checks.every((c) => c.status === 'pass'), JSON.stringify(option.dpop.checks));
  assert.deepEqual([option.dpop.accessToken, option.dpop.proof], [0, 1]);
  const curl = `curl -X POST -H "Authorization: DPoP ${at}" -H "DPoP: ${proof}" https://rs.example/orders`;
  const pasted = inspect(curl, { now: NOW + 2 });
  assert.ok(pasted.dpop.checks.every((c) => c.status === 'pass'), JSON.stringify(pasted.dpop.checks));
  assert.deepEqual(failing(inspect(curl.replace('-X POST', '-X PUT'), { now: NOW + 2 })), ['htm']);
  assert.deepEqual(failing(inspect(curl, { now: NOW + 1000 })), ['iat']);
  const bearer = inspect(curl.replace('DPoP ey', 'Bearer ey'), { now: NOW + 2 });
  assert.ok(bearer.findings.some((f) => f.code === 'DPOP_BEARER_SCHEME'));
});

test('jwtlens dpopProof → jose verifies it with the embedded key', async () => {
  const key = generateKey('ES256');
  const publicJwk = key.publicJwk;
  const at = accessToken(key.kid);
  const made = dpopProof(JSON.stringify(key.privateJwk), { accessToken: at, method: 'GET', url: 'https://rs.example/items?page=2#f', now: NOW, nonce: 'srv' });
  assert.ok(made.token, JSON.stringify(made.findings));
  const { payload, protectedHeader } = await jose.jwtVerify(made.token, jose.EmbeddedJWK, { typ: 'dpop+jwt', currentDate: new Date(NOW * 1000) });
  assert.deepEqual([payload.htm, payload.htu, payload.ath, payload.nonce, payload.iat], ['GET', 'https://rs.example/items', ath(at), 'srv', NOW]);
  assert.equal(typeof payload.jti, 'string');
  assert.equal(await jose.calculateJwkThumbprint(protectedHeader.jwk), key.kid);
  assert.equal(await jose.calculateJwkThumbprint(publicJwk), key.kid);
  const r = inspect(`GET /items HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${made.token}\nDPoP-Nonce: srv\n`, { now: NOW + 1 });
  assert.ok(r.dpop.checks.every((c) => c.status === 'pass'), JSON.stringify(r.dpop.checks));
});

test('the decoder-only module: the same claim checks, the signature unknown', async () => {
  const glue = await import('../../dist/wasm/jwtlens-decoder.js');
  const { api } = await import('../../js/core.js');
  glue.initSync({ module: readFileSync(new URL('../../dist/wasm/jwtlens-decoder_bg.wasm', import.meta.url)) });
  const decoder = api(glue);
  const key = generateKey('ES256');
  const at = accessToken(key.kid);
  const made = dpopProof(JSON.stringify(key.privateJwk), { accessToken: at, method: 'GET', url: 'https://rs.example/items', now: NOW });
  const paste = `GET /items HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${made.token}\n`;
  const full = inspect(paste, { now: NOW });
  const light = decoder.inspect(paste, { now: NOW });
  const status = (r) => Object.fromEntries(r.dpop.checks.map((c) => [c.rule, c.status]));
  assert.deepEqual(status(light), { ...status(full), signature: 'unknown' });
  assert.equal(status(full).signature, 'pass');
});
