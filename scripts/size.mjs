// Prints what users download: the shipped .wasm raw and gzip -9, and the npm tarball (packed and unpacked).
// These are the figures the README quotes. Usage: npm run size   (after npm run build)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';

const root = new URL('..', import.meta.url);
const bytes = readFileSync(new URL('dist/wasm/jwtlens_bg.wasm', root));
const gzip = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`dist/wasm/jwtlens_bg.wasm: ${kb(bytes.length)} raw, ${kb(gzip)} gzip -9`);
if (process.argv.includes('--tarball')) {
  const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8' }));
  console.log(`npm tarball: ${kb(pack.size)} packed, ${kb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);
}
