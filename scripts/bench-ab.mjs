// A/B comparison of jwtlens builds: the same verify and decode workloads on several wasm-bindgen outputs, in one
// Node process, rounds alternating between the builds. Figures, not a test.
//
// It counts operations per CPU second of this process (process.cpuUsage), not per wall-clock second, so that other
// work on a shared machine does not move the figures much; jwtlens runs synchronously on the main thread, so the
// two are the same on an idle machine. Use it to decide between builds (opt-levels, an arithmetic change);
// `npm run bench` gives the wall-clock figures next to the peers.
//
// Usage: node scripts/bench-ab.mjs DIR [DIR...] [--only RS256,ES256,...]
//   each DIR holds jwtlens.js + jwtlens_bg.wasm (a copy of dist/wasm after a build)
//   BENCH_ROUNDS (default 7) and BENCH_MS (default 150, CPU milliseconds per round) in the environment.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { webcrypto } from 'node:crypto';
import * as jose from 'jose';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { api } from '../js/core.js';

const args = process.argv.slice(2);
const only = args.includes('--only') ? args[args.indexOf('--only') + 1].split(',') : null;
const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--only');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MS = Number(process.env.BENCH_MS ?? 150);
if (dirs.length === 0) {
  console.error('usage: node scripts/bench-ab.mjs DIR [DIR...] [--only RS256,ES256]');
  process.exit(2);
}

const builds = [];
for (const dir of dirs) {
  const base = pathToFileURL(`${dir.replace(/\/$/, '')}/`);
  // A query string makes each glue file its own module instance even when two builds share a path name.
  const glue = await import(`${new URL('jwtlens.js', base)}?${builds.length}`);
  glue.initSync({ module: readFileSync(new URL('jwtlens_bg.wasm', base)) });
  builds.push({ name: basename(dir), lens: api(glue) });
}

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
function run(fn, ms) {
  let n = 0;
  const start = cpuMs();
  let elapsed = 0;
  while (elapsed < ms) {
    for (let i = 0; i < 10; i++) fn();
    n += 10;
    elapsed = cpuMs() - start;
  }
  return (n * 1000) / elapsed;
}
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

const payload = new TextEncoder().encode(JSON.stringify({ sub: 'bench', iss: 'https://issuer.example', exp: 4102444800 }));
const workloads = [];
const b64u = (s) => Buffer.from(s).toString('base64url');
const cognito = `${b64u('{"kid":"1234example=","alg":"RS256"}')}.${b64u(JSON.stringify({ sub: 'aaaaaaaa-bbbb-cccc-dddd-example', token_use: 'access', scope: 'aws.cognito.signin.user.admin', iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', exp: 1562194124, iat: 1562190524, client_id: '57cbishk4j24pabc1234567890', username: 'janedoe@example.com' }))}.${b64u('x'.repeat(256))}`;
workloads.push(['decode', (lens) => () => lens.inspect(cognito)]);
for (const alg of ['HS256', 'RS256', 'RS512', 'PS256', 'ES256', 'ES384', 'ES512', 'EdDSA']) {
  let signKey;
  let jwk;
  if (alg.startsWith('HS')) {
    signKey = webcrypto.getRandomValues(new Uint8Array(64));
    jwk = { kty: 'oct', k: b64u(signKey) };
  } else {
    const pair = await jose.generateKeyPair(alg, { extractable: true, crv: alg === 'EdDSA' ? 'Ed25519' : undefined });
    signKey = pair.privateKey;
    jwk = await jose.exportJWK(pair.publicKey);
  }
  const token = await new jose.CompactSign(payload).setProtectedHeader({ alg }).sign(signKey);
  const keys = JSON.stringify(jwk);
  workloads.push([alg, (lens) => () => lens.verify(token, keys)]);
  // The same token through a prepared verifier (createVerifier: keys read once), the way a server verifies.
  workloads.push([`${alg} prepared`, (lens) => {
    const verifier = lens.createVerifier({ keys });
    return () => verifier.verify(token);
  }]);
}
{
  const sk = secp256k1.utils.randomSecretKey();
  const pk = secp256k1.getPublicKey(sk, false);
  const input = `${b64u('{"alg":"ES256K"}')}.${b64u(payload)}`;
  const token = `${input}.${b64u(secp256k1.sign(new TextEncoder().encode(input), sk))}`;
  const keys = JSON.stringify({ kty: 'EC', crv: 'secp256k1', x: b64u(pk.slice(1, 33)), y: b64u(pk.slice(33)) });
  workloads.push(['ES256K', (lens) => () => lens.verify(token, keys)]);
}

const table = [];
for (const [name, make] of workloads) {
  if (only && !only.includes(name)) continue;
  const fns = builds.map(({ lens }) => {
    const fn = make(lens);
    if (name !== 'decode' && !fn().valid) throw new Error(`a build did not verify ${name}`);
    return fn;
  });
  for (const fn of fns) run(fn, 20);
  const figures = fns.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    // Rotate the starting build each round.
    for (let k = 0; k < fns.length; k++) {
      const i = (round + k) % fns.length;
      figures[i].push(run(fns[i], MS));
    }
  }
  const row = { workload: name };
  const first = median(figures[0]);
  builds.forEach(({ name: build }, i) => {
    const m = median(figures[i]);
    row[build] = Math.round(m);
    if (i > 0) row[`${build}/${builds[0].name}`] = +(m / first).toFixed(2);
  });
  table.push(row);
}
console.log(`ops per CPU second, medians of ${ROUNDS} rotating rounds of ${MS} CPU ms`);
console.table(table);
