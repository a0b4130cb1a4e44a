// Prints operations per second for jwtlens next to its peers in one Node process. Figures, not a test: run it with
// `npm run bench` (which builds first).
//
// Method: for every row, ROUNDS rounds; in each round jwtlens and the peer each run for ~MS milliseconds, in
// alternating order (jwtlens first in even rounds, the peer first in odd ones), so drift in the machine's speed hits
// both sides. The table shows the median ops/s of each side and the median of the per-round ratios (ours / theirs):
// medians, not best-of, so one lucky round does not make the figure. Async peers (jose's verify) run in batches of
// 50 concurrent calls, the way a server would run them.
//
// Usage: node scripts/bench.mjs [filter] [--wasm DIR]
//   filter       only rows whose name contains it (e.g. `RS256`, `decode`)
//   --wasm DIR   measure the wasm-bindgen output in DIR (jwtlens.js + jwtlens_bg.wasm) instead of the package,
//                e.g. a copy of an older dist/wasm, to put two builds side by side
//   BENCH_ROUNDS (default 7) and BENCH_MS (default 150) in the environment change the rounds.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import * as jose from 'jose';
import { jwtDecode } from 'jwt-decode';
import { verifyRows } from './bench-verify.mjs';
import { b64u, cognitoClaims, cognitoHeader, cognitoToken } from './bench-tokens.mjs';

const args = process.argv.slice(2);
const wasmDir = args.includes('--wasm') ? args[args.indexOf('--wasm') + 1] : null;
const filter = args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--wasm') ?? '';
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MS = Number(process.env.BENCH_MS ?? 150);

async function loadJwtlens() {
  if (!wasmDir) return import('jwtlens');
  const dir = pathToFileURL(`${wasmDir.replace(/\/$/, '')}/`);
  const glue = await import(new URL('jwtlens.js', dir));
  glue.initSync({ module: readFileSync(new URL('jwtlens_bg.wasm', dir)) });
  const { api } = await import('../js/core.js');
  return api(glue);
}
const jwtlens = await loadJwtlens();

/** Runs `fn` for about `ms` milliseconds; operations per second. */
async function run(fn, ms) {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < ms) {
    const first = fn();
    if (first instanceof Promise) {
      const batch = [first];
      for (let i = 1; i < 50; i++) batch.push(fn());
      await Promise.all(batch);
      n += 50;
    } else {
      for (let i = 1; i < 10; i++) fn();
      n += 10;
    }
    elapsed = performance.now() - start;
  }
  return (n * 1000) / elapsed;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};

/** Alternating rounds of `ours` and `theirs`: medians of each side and of the per-round ratios. */
async function compare(ours, theirs) {
  await run(ours, 20);
  await run(theirs, 20);
  const a = [];
  const b = [];
  const ratios = [];
  for (let round = 0; round < ROUNDS; round++) {
    let x;
    let y;
    if (round % 2 === 0) {
      x = await run(ours, MS);
      y = await run(theirs, MS);
    } else {
      y = await run(theirs, MS);
      x = await run(ours, MS);
    }
    a.push(x);
    b.push(y);
    ratios.push(x / y);
  }
  return { ours: median(a), theirs: median(b), ratio: median(ratios) };
}

const [claims, header, token] = [cognitoClaims, cognitoHeader, cognitoToken];
// A 100 KB payload: many small objects, so JSON parsing (not one long string) is what costs.
const items = [];
while (JSON.stringify(items).length < 100_000) items.push({ id: items.length, name: `item-${items.length}`, tags: ['a', 'b'], ok: true });
const bigToken = `${header}.${b64u(JSON.stringify({ ...claims, items }))}.${b64u('x'.repeat(256))}`;

const joseDecode = (t) => () => {
  jose.decodeProtectedHeader(t);
  jose.decodeJwt(t);
};
const jwtDecodeBoth = (t) => () => {
  jwtDecode(t, { header: true });
  jwtDecode(t);
};

/** [operation, peer name, ours, theirs]; `ours`/`theirs` are functions, or null when the row does not apply. */
const rows = [
  ['decode Cognito token (inspect)', 'jose decodeJwt+decodeProtectedHeader', () => jwtlens.inspect(token), joseDecode(token)],
  ['decode Cognito token (inspect)', 'jwt-decode (header+payload)', () => jwtlens.inspect(token), jwtDecodeBoth(token)],
  ['decode 100 KB payload (inspect)', 'jose decodeJwt+decodeProtectedHeader', () => jwtlens.inspect(bigToken), joseDecode(bigToken)],
  ['decode 100 KB payload (inspect)', 'jwt-decode (header+payload)', () => jwtlens.inspect(bigToken), jwtDecodeBoth(bigToken)],
  ...(await verifyRows(jwtlens, jose)),
];

const table = [];
for (const [operation, peer, ours, theirs] of rows) {
  if (!`${operation} ${peer}`.includes(filter)) continue;
  const r = await compare(ours, theirs);
  table.push({ operation, peer, jwtlens: Math.round(r.ours), peer_ops: Math.round(r.theirs), ratio: +r.ratio.toFixed(3) });
}

const source = wasmDir ?? 'the jwtlens package (dist/wasm)';
console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}, ${source}; operations per second,`);
console.log(`medians of ${ROUNDS} alternating rounds of ${MS} ms; ratio = median of per-round jwtlens/peer`);
console.table(table);
