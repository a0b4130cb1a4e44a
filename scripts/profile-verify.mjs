// Where a jwtlens verify spends its time inside WebAssembly: runs one algorithm's verify in a loop under V8's
// sampling profiler and prints the functions with the most self time. Figures, not a test.
//
// Usage: node scripts/profile-verify.mjs DIR [ALG] [SECONDS]
//   DIR holds jwtlens.js + jwtlens_bg.wasm built WITH function names, e.g.:
//     cargo build --release --target wasm32-unknown-unknown -p jwtlens
//     source scripts/env.sh && "$bindgen" --target web --no-typescript --keep-debug --out-dir /tmp/prof \
//       --out-name jwtlens target/wasm32-unknown-unknown/release/jwtlens.wasm
//   (the shipped dist/wasm has gone through wasm-opt, which drops the names).
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import * as jose from 'jose';
import { api } from '../js/core.js';

const [dir, alg = 'RS256', seconds = '3'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/profile-verify.mjs DIR [ALG] [SECONDS]');
  process.exit(2);
}
const base = pathToFileURL(`${dir.replace(/\/$/, '')}/`);
const glue = await import(new URL('jwtlens.js', base));
glue.initSync({ module: readFileSync(new URL('jwtlens_bg.wasm', base)) });
const lens = api(glue);

let token;
let keys;
if (alg.startsWith('HS')) {
  const secret = new Uint8Array(64).fill(7);
  token = await new jose.CompactSign(new TextEncoder().encode('{"sub":"x"}')).setProtectedHeader({ alg }).sign(secret);
  keys = JSON.stringify({ kty: 'oct', k: Buffer.from(secret).toString('base64url') });
} else {
  const pair = await jose.generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
  token = await new jose.CompactSign(new TextEncoder().encode('{"sub":"x"}')).setProtectedHeader({ alg }).sign(pair.privateKey);
  keys = JSON.stringify(await jose.exportJWK(pair.publicKey));
}
if (!lens.verify(token, keys).valid) throw new Error('the token does not verify');

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
let n = 0;
while (performance.now() - start < Number(seconds) * 1000) {
  lens.verify(token, keys);
  n++;
}
const elapsed = performance.now() - start;
const { profile } = await session.post('Profiler.stop');

// Self time per function name, from the sample counts.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const self = new Map();
const counts = new Map();
for (const id of profile.samples) counts.set(id, (counts.get(id) ?? 0) + 1);
let total = 0;
for (const [id, count] of counts) {
  const name = byId.get(id).callFrame.functionName || '(anonymous)';
  self.set(name, (self.get(name) ?? 0) + count);
  total += count;
}
console.log(`${alg}: ${Math.round((n * 1000) / elapsed)} verifies/s under the profiler; self time by function:`);
for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
  console.log(`${((100 * count) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 140)}`);
}
