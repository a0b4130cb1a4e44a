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
// The decoder-only module is what the page loads first; the full one is everything (what the package loads).
for (const [file, role] of [['jwtlens-decoder_bg.wasm', 'the page loads first'], ['jwtlens_bg.wasm', 'everything']]) {
  const url = new URL(`dist/wasm/${file}`, root);
  if (!existsSync(url)) continue;
  const bytes = readFileSync(url);
  console.log(`dist/wasm/${file}: ${kb(bytes.length)} raw, ${kb(gzipSync(bytes, { level: 9 }).length)} gzip -9 (${role})`);
}
if (process.argv.includes('--tarball')) {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' }));
  console.log(`npm tarball: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);
}

const topIndex = process.argv.indexOf('--top');
if (topIndex !== -1) {
  const next = process.argv[topIndex + 1];
  const file = next && !next.startsWith('--') ? next : fileURLToPath(new URL('target/wasm32-unknown-unknown/release/jwtlens.wasm', root));
  if (!existsSync(file)) {
    console.log(`--top: ${file} not found (run npm run build first)`);
    process.exit(0);
  }
  let csv;
  try {
    csv = execFileSync('twiggy', ['top', '-n', '1000000', '--format', 'csv', file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  } catch {
    console.log('--top needs twiggy on PATH: cargo install twiggy');
    process.exit(0);
  }
  const rows = csv
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
  const total = rows.reduce((s, r) => s + r.size, 0);
  // The crate of an item: the first `name::` path segment, ignoring core's generic wrappers (drop_in_place<…> is
  // attributed to the type it drops). Data segments are reported as such.
  const crateOf = (name) => {
    if (name.startsWith('data segment')) return `(data: ${name.replace('data segment ', '')})`;
    const inner = name.replace(/^(core(\[[0-9a-f]+\])?::ptr::drop_in_place<)+/, '').replace(/^<+/, '');
    // Else the first `crate::` anywhere: `<T as der::Decode>::decode` belongs to der, `<str as core::…>` to core.
    const m = inner.match(/^&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)(?:\[[0-9a-f]+\])?::/) ?? inner.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    return m ? m[1] : '(other)';
  };
  const byCrate = new Map();
  for (const r of rows) byCrate.set(crateOf(r.name), (byCrate.get(crateOf(r.name)) ?? 0) + r.size);
  const pct = (n) => `${((100 * n) / total).toFixed(1)}%`;
  console.log(`\ntop contributors of ${file} (code and data ${kb(total)}, before wasm-opt), by crate:`);
  for (const [name, size] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 20)) {
    console.log(`${kb(size).padStart(11)} ${pct(size).padStart(6)}  ${name}`);
  }
  console.log('largest items:');
  for (const r of [...rows].sort((a, b) => b.size - a.size).slice(0, 12)) {
    console.log(`${kb(r.size).padStart(11)} ${pct(r.size).padStart(6)}  ${r.name.slice(0, 110)}`);
  }
}
