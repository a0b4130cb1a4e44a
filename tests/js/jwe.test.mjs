// JWE through the package: jose (Node's OpenSSL underneath) encrypts and jwtlens decrypts with `inspect(jwe, { keys })`,
// and jwtlens `encrypt`s and jose decrypts, for every key-management algorithm but RSA1_5 (decrypt-only in jwtlens,
// gone from jose 6) × two content algorithms each (all six covered); then a nested signed token, a wrong key, a
// tampered tag and a huge p2c made by jose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import * as jose from 'jose';
import { encrypt, inspect } from 'jwtlens';

const codesOf = (r) => r.findings.map((f) => f.code);
const ALGS = ['RSA-OAEP', 'RSA-OAEP-256', 'ECDH-ES', 'ECDH-ES+A128KW', 'ECDH-ES+A192KW', 'ECDH-ES+A256KW', 'A128KW',
  'A192KW', 'A256KW', 'A128GCMKW', 'A192GCMKW', 'A256GCMKW', 'dir', 'PBES2-HS256+A128KW', 'PBES2-HS384+A192KW',
  'PBES2-HS512+A256KW'];
const ENCS = ['A128GCM', 'A192GCM', 'A256GCM', 'A128CBC-HS256', 'A192CBC-HS384', 'A256CBC-HS512'];
const ENC_BYTES = { A128GCM: 16, A192GCM: 24, A256GCM: 32, 'A128CBC-HS256': 32, 'A192CBC-HS384': 48, 'A256CBC-HS512': 64 };

const pair = (type, options) => {
  const { privateKey, publicKey } = crypto.generateKeyPairSync(type, options);
  return {
    privateKey, publicKey,
    privatePem: privateKey.export({ type: 'pkcs8', format: 'pem' }),
    publicPem: publicKey.export({ type: 'spki', format: 'pem' }),
  };
};
const rsa = pair('rsa', { modulusLength: 2048 });
const curves = [pair('ec', { namedCurve: 'P-256' }), pair('ec', { namedCurve: 'P-384' }), pair('ec', { namedCurve: 'P-521' }), pair('x25519')];
const secret = (n) => 'k'.repeat(n);

/** The key pair (jose's KeyObjects or bytes, jwtlens' text) for one alg and enc; `i` spreads ECDH-ES over the curves. */
function keysFor(alg, enc, i) {
  const bytes = (n) => ({ privateKey: new TextEncoder().encode(secret(n)), publicKey: new TextEncoder().encode(secret(n)), privatePem: secret(n), publicPem: secret(n) });
  if (alg.startsWith('RSA')) return rsa;
  if (alg.startsWith('ECDH')) return curves[i % 4];
  if (alg === 'dir') return bytes(ENC_BYTES[enc]);
  if (alg.startsWith('PBES2')) return bytes(28);
  return bytes(Number(alg.slice(1, 4)) / 8);
}

function cases() {
  const out = [];
  ALGS.forEach((alg, i) => {
    for (const enc of [ENCS[i % 6], ENCS[(i + 3) % 6]]) out.push({ alg, enc, i: out.length });
  });
  return out;
}

test('jose encrypts, jwtlens decrypts: every alg, every enc', async () => {
  let ran = 0;
  for (const { alg, enc, i } of cases()) {
    const keys = keysFor(alg, enc, i);
    const text = JSON.stringify({ sub: `${alg} ${enc}`, i });
    const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(text))
      .setProtectedHeader({ alg, enc })
      .encrypt(keys.publicKey);
    const result = inspect(jwe, { keys: keys.privatePem });
    const decryption = result.tokens[0].decryption;
    assert.equal(decryption?.status, 'decrypted', `${alg} ${enc}: ${codesOf(result)}`);
    assert.equal(decryption.plaintext.text, text);
    assert.ok(codesOf(result).includes('JWE_DECRYPTED'));
    ran += 1;
  }
  assert.equal(ran, 32);
});

test('jwtlens encrypts, jose decrypts: every alg, every enc', async () => {
  let ran = 0;
  for (const { alg, enc, i } of cases()) {
    const keys = keysFor(alg, enc, i);
    const text = JSON.stringify({ sub: `${alg} ${enc}`, i });
    const made = encrypt(text, keys.publicPem, { alg, enc });
    assert.ok(made.token, `${alg} ${enc}: ${codesOf(made)}`);
    // jose allows PBES2 only when asked (keyManagementAlgorithms), since a password is not a key.
    const { plaintext, protectedHeader } = await jose.compactDecrypt(made.token, keys.privateKey, { keyManagementAlgorithms: [alg] });
    assert.equal(new TextDecoder().decode(plaintext), text);
    assert.deepEqual([protectedHeader.alg, protectedHeader.enc], [alg, enc]);
    ran += 1;
  }
  assert.equal(ran, 32);
});

test('a signed token inside a JWE is the next token, verified with the issuer key', async () => {
  const issuer = pair('ec', { namedCurve: 'P-256' });
  const recipient = curves[0];
  const jws = await new jose.SignJWT({ sub: 'alice' }).setProtectedHeader({ alg: 'ES256', kid: 'sig' }).setIssuer('https://issuer.example').sign(issuer.privateKey);
  const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(jws)).setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'JWT' }).encrypt(recipient.publicKey);
  const keys = JSON.stringify({ keys: [
    { ...recipient.privateKey.export({ format: 'jwk' }), kid: 'enc', use: 'enc' },
    { ...issuer.publicKey.export({ format: 'jwk' }), kid: 'sig', use: 'sig' },
  ] });
  const result = inspect(jwe, { keys });
  assert.equal(result.tokens.length, 2, codesOf(result).join());
  assert.deepEqual(result.tokens[1].origin, { kind: 'decrypted', token: 0 });
  assert.equal(result.tokens[0].decryption.inner, 1);
  assert.equal(result.tokens[1].payload.value.sub, 'alice');
  assert.deepEqual(result.tokens[1].segments, []);
  const verification = result.verifications.find((v) => v.token === 1);
  assert.equal(verification?.valid, true);
  assert.equal(result.diagnoses.length, 2);
  // jwtlens' encrypt of a JWT sets cty: JWT, which jose reads back.
  const again = encrypt(jws, recipient.publicPem, { alg: 'ECDH-ES', enc: 'A128GCM' });
  const { protectedHeader } = await jose.compactDecrypt(again.token, recipient.privateKey);
  assert.equal(protectedHeader.cty, 'JWT');
});

test('wrong key, tampered tag and a huge p2c from jose are JWE_ findings, never throws', async () => {
  const jwe = await new jose.CompactEncrypt(new TextEncoder().encode('hello')).setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM' }).encrypt(rsa.publicKey);
  const other = pair('rsa', { modulusLength: 2048 });
  assert.ok(codesOf(inspect(jwe, { keys: other.privatePem })).includes('JWE_WRONG_KEY'));
  const parts = jwe.split('.');
  parts[4] = parts[4].startsWith('A') ? `B${parts[4].slice(1)}` : `A${parts[4].slice(1)}`;
  const tampered = inspect(parts.join('.'), { keys: rsa.privatePem });
  assert.ok(codesOf(tampered).includes('JWE_TAG_MISMATCH'));
  assert.equal(tampered.tokens[0].decryption.plaintext, null);
  const password = new TextEncoder().encode(secret(28));
  const pbes2 = await new jose.CompactEncrypt(new TextEncoder().encode('hello')).setProtectedHeader({ alg: 'PBES2-HS256+A128KW', enc: 'A128GCM' }).setKeyManagementParameters({ p2c: 20000, p2s: new Uint8Array(16) }).encrypt(password);
  const start = performance.now();
  const refused = inspect(pbes2, { keys: secret(28) });
  console.log(`p2c 20000 refused in ${(performance.now() - start).toFixed(1)} ms`);
  assert.ok(codesOf(refused).includes('JWE_P2C_TOO_LARGE'));
  await assert.rejects(jose.compactDecrypt(pbes2, password, { keyManagementAlgorithms: ['PBES2-HS256+A128KW'] }), /p2c|PBES2/i);
});
