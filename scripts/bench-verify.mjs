// Verify rows for scripts/bench.mjs: one per algorithm, a token signed by jose with a fresh key, verified by
// jwtlens (the public key as a JWK string, as a user pastes it) and by jose (an imported key, as servers do).
// Both check the signature only (jose's compactVerify; jwtlens's verify also runs its key and header checks).
import { webcrypto } from 'node:crypto';

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'EdDSA'];

export async function verifyRows(jwtlens, jose, opsPerSecond) {
  const rows = [];
  const payload = new TextEncoder().encode(JSON.stringify({ sub: 'bench', iss: 'https://issuer.example', exp: 4102444800 }));
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
    const check = jwtlens.verify(token, keys);
    if (!check.valid) throw new Error(`jwtlens did not verify its ${alg} benchmark token: ${JSON.stringify(check.findings)}`);
    rows.push([`verify ${alg}`, await opsPerSecond(() => jwtlens.verify(token, keys)), await opsPerSecond(() => jose.compactVerify(token, verifyKey))]);
  }
  return rows;
}
