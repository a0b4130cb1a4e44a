// SD-JWT (RFC 9901) through the package: the RFC's presentations, and round trips with @sd-jwt/core (the OpenWallet
// Foundation's TypeScript implementation, with @sd-jwt/crypto-nodejs for ES256 and SHA-256): it issues and presents →
// jwtlens decodes and verifies; jwtlens issues with `signSdJwt` → it verifies, key binding included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { SDJwtInstance } from '@sd-jwt/core';
import { ES256, digest, generateSalt } from '@sd-jwt/crypto-nodejs';
import { inspect, signSdJwt, generateKey } from 'jwtlens';

const vectors = JSON.parse(readFileSync(new URL('../vectors/rfc9901.json', import.meta.url), 'utf8'));
const errors = (r) => r.findings.filter((f) => f.severity === 'error' && f.code.startsWith('SDJWT_')).map((f) => f.code);
const NOW = 1_800_000_000;

test('RFC 9901 presentations: disclosed claims, matched disclosures, issuer signature', () => {
  let ran = 0;
  for (const c of vectors.presentations) {
    const expect = c.keyBinding ? { nonce: c.nonce, audience: c.audience } : undefined;
    const r = inspect(c.presentation, { now: (c.kbIat ?? NOW) + 5, keys: JSON.stringify(vectors.issuerKey), expect });
    const t = r.tokens[0];
    assert.equal(t.kind, 'sdJwt', c.source);
    assert.deepEqual(t.disclosedClaims, c.disclosedClaims, c.source);
    assert.equal(t.disclosures.filter((d) => d.status === 'matched').length, c.matched, c.source);
    assert.equal(t.keyBinding !== null, c.keyBinding, c.source);
    assert.equal(r.verifications[0].valid, true, c.source);
    assert.deepEqual(errors(r), [], c.source);
    ran += 1;
  }
  assert.equal(ran, 3);
});

async function library() {
  const issuer = await ES256.generateKeyPair();
  const holder = await ES256.generateKeyPair();
  const sdjwt = new SDJwtInstance({
    signer: await ES256.getSigner(issuer.privateKey),
    signAlg: ES256.alg,
    verifier: await ES256.getVerifier(issuer.publicKey),
    kbSigner: await ES256.getSigner(holder.privateKey),
    kbSignAlg: ES256.alg,
    kbVerifier: async (data, sig, payload) => (await ES256.getVerifier(payload.cnf.jwk))(data, sig),
    hasher: digest,
    hashAlg: 'sha-256',
    saltGenerator: generateSalt,
  });
  return { issuer, holder, sdjwt };
}

test('@sd-jwt/core issues and presents (nested, array, key binding) → jwtlens', async () => {
  const { issuer, holder, sdjwt } = await library();
  const { kty, crv, x, y } = holder.publicKey;
  const claims = { iss: 'https://issuer.example', vct: 'pid', given_name: 'Erika', family_name: 'Mustermann',
    address: { street: 'Heidestr. 17', locality: 'Köln' }, nationalities: ['DE', 'FR'], cnf: { jwk: { kty, crv, x, y } } };
  const frame = { _sd: ['given_name', 'family_name', 'address'], address: { _sd: ['street'] }, nationalities: { _sd: [0, 1] }, _sd_decoy: 2 };
  const issued = await sdjwt.issue(claims, frame);
  const presented = await sdjwt.present(issued, { given_name: true, address: { street: true }, nationalities: { 1: true } },
    { kb: { payload: { aud: 'https://verifier.example', nonce: 'n-1', iat: NOW } } });
  const keys = JSON.stringify(issuer.publicKey);
  const r = inspect(presented, { now: NOW + 5, keys, expect: { nonce: 'n-1', audience: 'https://verifier.example' } });
  assert.equal(r.verifications[0].valid, true);
  assert.deepEqual(errors(r), []);
  assert.deepEqual(r.tokens[0].disclosedClaims, { iss: 'https://issuer.example', vct: 'pid', nationalities: ['FR'],
    cnf: claims.cnf, given_name: 'Erika', address: { locality: 'Köln', street: 'Heidestr. 17' } });
  assert.equal(r.tokens[0].keyBinding.header.value.typ, 'kb+jwt');
  // Everything issued, no key binding: all disclosures matched.
  const all = inspect(issued, { now: NOW, keys });
  assert.ok(all.tokens[0].disclosures.every((d) => d.status === 'matched'));
  assert.equal(all.tokens[0].disclosures.length, 6);
  // Tampered: another nonce, a disclosure dropped after the key binding.
  assert.deepEqual(errors(inspect(presented, { now: NOW, keys, expect: { nonce: 'other' } })), ['SDJWT_KB_NONCE']);
  const parts = presented.split('~');
  const dropped = [parts[0], ...parts.slice(2)].join('~');
  assert.deepEqual(errors(inspect(dropped, { now: NOW, keys })), ['SDJWT_SD_HASH_MISMATCH']);
});

test('jwtlens signSdJwt → @sd-jwt/core verifies, with key binding', async () => {
  const { sdjwt } = await library();
  const issuer = generateKey('ES256');
  const holder = generateKey('ES256');
  const made = signSdJwt({ iss: 'https://issuer.example', given_name: 'Erika', age: 40 }, JSON.stringify(issuer.privateJwk),
    { disclose: ['given_name', 'age'], decoys: 3, now: NOW, keyBinding: { nonce: 'n-1', audience: 'https://verifier.example' } },
    JSON.stringify(holder.privateJwk));
  assert.ok(made.token, JSON.stringify(made.findings));
  assert.equal(made.disclosures.length, 2);
  sdjwt.config({ verifier: await ES256.getVerifier(issuer.publicJwk) });
  const verified = await sdjwt.verify(made.token, { keyBindingNonce: 'n-1', requiredClaimKeys: ['given_name', 'age'] });
  assert.equal(verified.payload.given_name, 'Erika');
  assert.equal(verified.payload.age, 40);
  assert.equal(verified.kb.payload.aud, 'https://verifier.example');
  // And jwtlens itself agrees.
  const r = inspect(made.token, { now: NOW + 1, keys: JSON.stringify(issuer.publicJwk), expect: { nonce: 'n-1', audience: 'https://verifier.example' } });
  assert.deepEqual(errors(r), []);
  assert.equal(r.verifications[0].valid, true);
});

test('the decoder-only module shows the same disclosures and claims', async () => {
  const { readFileSync: read } = await import('node:fs');
  const glue = await import('../../dist/wasm/jwtlens-decoder.js');
  const { api } = await import('../../js/core.js');
  glue.initSync({ module: read(new URL('../../dist/wasm/jwtlens-decoder_bg.wasm', import.meta.url)) });
  const decoder = api(glue);
  const c = vectors.presentations[1];
  const options = { now: c.kbIat, expect: { nonce: c.nonce, audience: c.audience } };
  const light = decoder.inspect(c.presentation, options);
  const full = inspect(c.presentation, options);
  assert.deepEqual(light.tokens, full.tokens);
  assert.deepEqual(errors(light), []);
});
