// Verify rows for scripts/bench.mjs: one per algorithm, a token signed with a fresh key, verified by jwtlens (the
// public key as JWK text, as a user pastes it) and by a peer: jose (an imported key, Node's native crypto, as
// servers do) for every algorithm jose supports; @noble/curves for ES256K, which jose dropped; jsrsasign (pure JS)
// as the second peer for RS256, PS256 and ES256. Both sides check the signature only (jose's compactVerify;
// jwtlens's verify also runs its key and header checks).
import { createRequire } from 'node:module';
import { webcrypto } from 'node:crypto';
import { secp256k1 } from '@noble/curves/secp256k1.js';

const require = createRequire(import.meta.url);
const { KJUR, KEYUTIL } = require('jsrsasign');

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];
const JSRSASIGN = new Set(['RS256', 'PS256', 'ES256']);

const payload = new TextEncoder().encode(JSON.stringify({ sub: 'bench', iss: 'https://issuer.example', exp: 4102444800 }));

/** jwtlens rows for one token and key text: key text each call, and a prepared verifier when the API has one. */
function ours(jwtlens, alg, token, keys) {
  const check = jwtlens.verify(token, keys);
  if (!check.valid) throw new Error(`jwtlens did not verify its ${alg} benchmark token: ${JSON.stringify(check.findings)}`);
  const rows = [[`verify ${alg} (key as JWK text)`, () => jwtlens.verify(token, keys)]];
  // Prepared keys (issue 15) are measured when the package has them.
  if (typeof jwtlens.createVerifier === 'function') {
    const verifier = jwtlens.createVerifier({ keys });
    if (verifier.verify(token).valid) rows.push([`verify ${alg} (prepared key)`, () => verifier.verify(token)]);
  }
  return rows;
}

/** [operation, peer, ours, theirs] rows for every algorithm. */
export async function verifyRows(jwtlens, jose) {
  const rows = [];
  for (const alg of ALGORITHMS) {
    let signKey;
    let verifyKey;
    let jwk;
    if (alg.startsWith('HS')) {
      const secret = webcrypto.getRandomValues(new Uint8Array(64));
      signKey = verifyKey = secret;
      jwk = { kty: 'oct', k: Buffer.from(secret).toString('base64url') };
    } else {
      const pair = await jose.generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
      signKey = pair.privateKey;
      verifyKey = pair.publicKey;
      jwk = await jose.exportJWK(pair.publicKey);
    }
    const token = await new jose.CompactSign(payload).setProtectedHeader({ alg }).sign(signKey);
    const keys = JSON.stringify(jwk);
    await jose.compactVerify(token, verifyKey);
    // What a prepared key costs to make: createVerifier reads the key text (and, for P-256, builds its tables);
    // jose's counterpart is importJWK.
    if (typeof jwtlens.createVerifier === 'function') {
      rows.push([`prepare ${alg} key (createVerifier)`, 'jose importJWK', () => jwtlens.createVerifier({ keys }), () => jose.importJWK(jwk, alg)]);
    }
    for (const [operation, fn] of ours(jwtlens, alg, token, keys)) {
      rows.push([operation, 'jose (native crypto)', fn, () => jose.compactVerify(token, verifyKey)]);
      if (JSRSASIGN.has(alg)) {
        const key = KEYUTIL.getKey(jwk);
        if (!KJUR.jws.JWS.verify(token, key, [alg])) throw new Error(`jsrsasign did not verify the ${alg} token`);
        rows.push([operation, 'jsrsasign (pure JS)', fn, () => KJUR.jws.JWS.verify(token, key, [alg])]);
      }
    }
  }

  // ES256K: jose dropped it; @noble/curves (pure JS) is the peer, verifying the JWS the way a JS verifier built on
  // it would: split, base64url-decode, verify r‖s over the signing input (noble hashes it with SHA-256). High S is
  // allowed, as JWS (RFC 8812) does not require low S.
  const secretKey = secp256k1.utils.randomSecretKey();
  const publicKey = secp256k1.getPublicKey(secretKey, false);
  const input = `${Buffer.from('{"alg":"ES256K"}').toString('base64url')}.${Buffer.from(payload).toString('base64url')}`;
  const signature = secp256k1.sign(new TextEncoder().encode(input), secretKey);
  const token = `${input}.${Buffer.from(signature).toString('base64url')}`;
  const b64 = (bytes) => Buffer.from(bytes).toString('base64url');
  const keys = JSON.stringify({ kty: 'EC', crv: 'secp256k1', x: b64(publicKey.slice(1, 33)), y: b64(publicKey.slice(33)) });
  const noble = () => {
    const dot = token.lastIndexOf('.');
    const sig = Buffer.from(token.slice(dot + 1), 'base64url');
    return secp256k1.verify(sig, new TextEncoder().encode(token.slice(0, dot)), publicKey, { lowS: false });
  };
  if (!noble()) throw new Error('@noble/curves did not verify the ES256K token');
  for (const [operation, fn] of ours(jwtlens, 'ES256K', token, keys)) rows.push([operation, '@noble/curves (pure JS)', fn, noble]);
  return rows;
}
