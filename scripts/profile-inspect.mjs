// Where a jwtlens `inspect` of a Cognito-sized access token spends its time: inside WebAssembly (by function) and
// in the glue around it. Figures, not a test. Same method as scripts/profile-verify.mjs (V8's sampling profiler).
//
// Usage: node scripts/profile-inspect.mjs DIR [SECONDS]
//   DIR holds jwtlens.js + jwtlens_bg.wasm built WITH function names (see scripts/profile-verify.mjs), e.g.
//     source scripts/env.sh && "$bindgen" --target web --no-typescript --keep-debug --out-dir /tmp/prof \
//       --out-name jwtlens dist/wasm/.jwtlens.source.wasm
import { readFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { pathToFileURL } from 'node:url';
import { api } from '../js/core.js';

const [dir, seconds = '3'] = process.argv.slice(2);
if (!dir) {
  console.error('usage: node scripts/profile-inspect.mjs DIR [SECONDS]');
  process.exit(2);
}
const base = pathToFileURL(`${dir.replace(/\/$/, '')}/`);
const glue = await import(new URL('jwtlens.js', base));
glue.initSync({ module: readFileSync(new URL('jwtlens_bg.wasm', base)) });
const lens = api(glue);

const b64u = (s) => Buffer.from(s).toString('base64url');
// The token of scripts/bench.mjs' "decode Cognito token" row.
const claims = {
  sub: 'aaaaaaaa-bbbb-cccc-dddd-example', device_key: 'aaaaaaaa-bbbb-cccc-dddd-example',
  'cognito:groups': ['admin'], token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: 1562190524,
  iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', exp: 1562194124, iat: 1562190524,
  origin_jti: 'aaaaaaaa-bbbb-cccc-dddd-example', jti: 'aaaaaaaa-bbbb-cccc-dddd-example',
  client_id: '57cbishk4j24pabc1234567890', username: 'janedoe@example.com',
};
const token = `${b64u(JSON.stringify({ kid: '1234example=', alg: 'RS256' }))}.${b64u(JSON.stringify(claims))}.${b64u('x'.repeat(256))}`;
console.log(`result JSON: ${JSON.stringify(lens.inspect(token)).length} bytes`);

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 100 });
await session.post('Profiler.start');
const start = performance.now();
let n = 0;
while (performance.now() - start < Number(seconds) * 1000) {
  lens.inspect(token);
  n++;
}
const elapsed = performance.now() - start;
const { profile } = await session.post('Profiler.stop');

// Self time per function, and the total time under each function (inclusive), from the sample counts.
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map();
for (const node of profile.nodes) for (const c of node.children ?? []) parent.set(c, node.id);
const self = new Map();
const inclusive = new Map();
let total = 0;
for (const id of profile.samples) {
  total++;
  const name = (i) => byId.get(i).callFrame.functionName || '(anonymous)';
  self.set(name(id), (self.get(name(id)) ?? 0) + 1);
  const seen = new Set();
  for (let i = id; i !== undefined; i = parent.get(i)) {
    const n2 = name(i);
    if (!seen.has(n2)) inclusive.set(n2, (inclusive.get(n2) ?? 0) + 1);
    seen.add(n2);
  }
}
const pct = (c) => `${((100 * c) / total).toFixed(1).padStart(5)}%`;
console.log(`inspect: ${Math.round((n * 1000) / elapsed)} calls/s under the profiler; self time by function:`);
for (const [name, count] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(`${pct(count)}  ${name.slice(0, 140)}`);
console.log('inclusive time (jwtlens functions):');
for (const [name, count] of [...inclusive].filter(([n2]) => n2.includes('jwtlens')).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
  console.log(`${pct(count)}  ${name.slice(0, 140)}`);
}
