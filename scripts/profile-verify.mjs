// Where a jwtlens verify (or, with `inspect` for ALG, an inspect of scripts/bench.mjs' Cognito token) spends its time
// inside WebAssembly and the glue: runs it in a loop under V8's sampling profiler and prints the functions with the
// most self time, and the jwtlens functions with the most time under them. Figures, not a test.
//
// Usage: node scripts/profile-verify.mjs DIR [ALG|inspect] [SECONDS] [--prepared]
//   --prepared   verify through createVerifier({ keys }) (the prepared-key rows of scripts/bench.mjs)
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
import { cognitoToken } from './bench-tokens.mjs';

const prepared = process.argv.includes('--prepared');
const [dir, alg = 'RS256', seconds = '3'] = process.argv.slice(2).filter((a) => a !== '--prepared');
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
if (alg === 'inspect') {
  token = cognitoToken;
  console.log(`result JSON: ${JSON.stringify(lens.inspect(token)).length} bytes`);
} else if (alg.startsWith('HS')) {
  const secret = new Uint8Array(64).fill(7);
  token = await new jose.CompactSign(new TextEncoder().encode('{"sub":"x"}')).setProtectedHeader({ alg }).sign(secret);
  keys = JSON.stringify({ kty: 'oct', k: Buffer.from(secret).toString('base64url') });
} else {
  const pair = await jose.generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
  token = await new jose.CompactSign(new TextEncoder().encode('{"sub":"x"}')).setProtectedHeader({ alg }).sign(pair.privateKey);
  keys = JSON.stringify(await jose.exportJWK(pair.publicKey));
}
if (alg !== 'inspect' && !lens.verify(token, keys).valid) throw new Error('the token does not verify');
const verifier = prepared && alg !== 'inspect' ? lens.createVerifier({ keys }) : null;
const once = alg === 'inspect' ? () => lens.inspect(token) : verifier ? () => verifier.verify(token) : () => lens.verify(token, keys);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
let n = 0;
while (performance.now() - start < Number(seconds) * 1000) {
  once();
  n++;
}
const elapsed = performance.now() - start;
const { profile } = await session.post('Profiler.stop');

// Self time per function, and the time under each function (inclusive), from the sample counts.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const name = (id) => byId.get(id).callFrame.functionName || '(anonymous)';
const self = new Map();
const inclusive = new Map();
for (const id of profile.samples) {
  self.set(name(id), (self.get(name(id)) ?? 0) + 1);
  const seen = new Set();
  for (let i = id; i !== undefined; i = parent.get(i)) seen.add(name(i));
  for (const n2 of seen) inclusive.set(n2, (inclusive.get(n2) ?? 0) + 1);
}
const total = profile.samples.length;
const pct = (count) => `${((100 * count) / total).toFixed(1).padStart(5)}%`;
console.log(`${alg}: ${Math.round((n * 1000) / elapsed)} calls/s under the profiler; self time by function:`);
for (const [fn, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) console.log(`${pct(count)}  ${fn.slice(0, 140)}`);
console.log('inclusive time (jwtlens functions):');
for (const [fn, count] of [...inclusive].filter(([f]) => f.includes('jwtlens')).sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25))) {
  console.log(`${pct(count)}  ${fn.slice(0, 140)}`);
}
