// Prints what users download: the shipped .wasm raw and gzip -9, and the npm tarball (packed and unpacked).
// These are the figures the README quotes. Usage: npm run size   (after npm run build)
//
// With `--top` (or `--top FILE.wasm` for another build), also the top size contributors by crate and by item, from
// `twiggy` (cargo install twiggy) on the build's wasm as cargo wrote it (before wasm-bindgen and wasm-opt, which
// drop the function names). Those bytes are raw and pre-wasm-opt, so they rank contributors; the gzip figure above
// is the one that ships.
import { readFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
// The decoder-only module is what the page loads first; the full one is everything a browser loads; the Node copy
// (built for speed) is read from disk by Node only.
for (const [file, role] of [['jwtlens-decoder_bg.wasm', 'the page loads first'], ['jwtlens_bg.wasm', 'everything a browser loads'], ['jwtlens-node_bg.wasm', 'Node only, built for speed']]) {
  const url = new URL(`dist/wasm/${file}`, root);
  if (!existsSync(url)) continue;
  const bytes = readFileSync(url);
  console.log(`dist/wasm/${file}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip -9 (${role})`);
}
// The budget (scripts/size-budget.json, enforced by tests/js/size.test.mjs): each file set against its limit and
// issue 27's target.
const budget = JSON.parse(readFileSync(new URL('scripts/size-budget.json', root), 'utf8'));
for (const [name, { files, limit, target }] of Object.entries(budget).filter(([k]) => !k.startsWith('/'))) {
  const urls = files.map((f) => new URL(`dist/wasm/${f}`, root));
  if (!urls.every(existsSync)) continue;
  const size = urls.reduce((sum, u) => sum + gzipSync(readFileSync(u), { level: 9 }).length, 0);
  console.log(`budget ${name}: ${kb(size)} gzip -9 of ${files.join(' + ')}; limit ${limit} KiB, ${target ? `target ${target} KiB` : 'no target'}`);
}
if (process.argv.includes('--tarball')) {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' }));
  console.log(`npm tarball: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);
}

/** twiggy's rows of `file` ({ name, size }, bytes before wasm-opt), or null when twiggy is not on PATH. */
function twiggyRows(file) {
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch {
    return null;
  }
  return csv
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => {
      const m = line.match(/^(".*"|[^,]*),(\d+),/);
      return m ? { name: m[1].replace(/^"|"$/g, '').replace(/""/g, '"'), size: Number(m[2]) } : null;
    })
    .filter(Boolean)
    // Names, wasm-bindgen's metadata (a custom section and the __wbindgen_describe functions, which wasm-bindgen
    // removes) and twiggy's summary rows do not ship.
    .filter((r) => !/subsection|custom section|__wbindgen_describe|^Σ|^\.\.\. and/.test(r.name));
}

// The crate of an item: the first `name::` path segment, ignoring core's generic wrappers (drop_in_place<…> is
// attributed to the type it drops). Data segments are reported as such.
function crateOf(name) {
  if (name.startsWith('data segment')) return `(data: ${name.replace('data segment ', '')})`;
  const inner = name.replace(/^(core(\[[0-9a-f]+\])?::ptr::drop_in_place<)+/, '').replace(/^<+/, '');
  // Else the first `crate::` anywhere: `<T as der::Decode>::decode` belongs to der, `<str as core::…>` to core.
  const m = inner.match(/^&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/) ?? inner.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
  return m ? m[1] : '(other)';
}

function byCrate(rows) {
  const out = new Map();
  for (const r of rows) out.set(crateOf(r.name), (out.get(crateOf(r.name)) ?? 0) + r.size);
  return out;
}

const topIndex = process.argv.indexOf('--top');
if (topIndex !== -1) {
  const next = process.argv[topIndex + 1];
  const file = next && !next.startsWith('--') ? next : fileURLToPath(new URL('target/wasm32-unknown-unknown/release/jwtlens.wasm', root));
  if (!existsSync(file)) {
    console.log(`--top: ${file} not found (run npm run build first)`);
    process.exit(0);
  }
  const rows = twiggyRows(file);
  if (!rows) {
    console.log('--top needs twiggy on PATH: cargo install twiggy');
    process.exit(0);
  }
  const total = rows.reduce((s, r) => s + r.size, 0);
  const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
  console.log(`\ntop contributors of ${file} (code and data ${kb(total)}, before wasm-opt), by crate:`);
  for (const [name, size] of [...byCrate(rows)].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${kb(size).padStart(11)} ${pct(size).padStart(6)}  ${name}`);
  }
  console.log('largest items:');
  for (const r of [...rows].sort((a, b) => b.size - a.size).slice(0, 12)) {
    console.log(`${kb(r.size).padStart(11)} ${pct(r.size).padStart(6)}  ${r.name.slice(0, 110)}`);
  }
}

// --report: both modules side by side by crate, as a Markdown table (docs/performance.md carries its output).
// "full − decoder" is what the features beyond decoding add (verification, keys, signing, JWE): per feature.
if (process.argv.includes('--report')) {
  const files = ['jwtlens-decoder', 'jwtlens'].map((n) => fileURLToPath(new URL(`dist/wasm/.${n}.source.wasm`, root)));
  const tables = files.map((f) => (existsSync(f) ? twiggyRows(f) : null));
  if (tables.some((t) => !t)) {
    console.log('--report needs both modules built (npm run build) and twiggy on PATH (cargo install twiggy)');
    process.exit(0);
  }
  const [decoder, full] = tables.map(byCrate);
  const names = [...new Set([...decoder.keys(), ...full.keys()])].sort((a, b) => (full.get(b) ?? 0) - (full.get(a) ?? 0));
  const k = (n) => (n / 1024).toFixed(1);
  console.log('\n| crate | decoder module | full module | full − decoder |\n|---|---:|---:|---:|');
  let rest = [0, 0];
  for (const name of names) {
    const [d, f] = [decoder.get(name) ?? 0, full.get(name) ?? 0];
    if (Math.max(d, f) < 8 * 1024) {
      rest = [rest[0] + d, rest[1] + f];
      continue;
    }
    console.log(`| ${name} | ${k(d)} | ${k(f)} | ${k(f - d)} |`);
  }
  console.log(`| (${'each under 8 KiB'}) | ${k(rest[0])} | ${k(rest[1])} | ${k(rest[1] - rest[0])} |`);
  const sum = (m) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`| **total** (KiB raw, before wasm-opt) | ${k(sum(decoder))} | ${k(sum(full))} | ${k(sum(full) - sum(decoder))} |`);
}
