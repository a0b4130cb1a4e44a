// Prints the size of the shipped .wasm, raw and gzip -9: the figures the README quotes.
// Usage: node scripts/size.mjs   (after npm run build)
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const path = new URL('../dist/wasm/jwtlens_bg.wasm', import.meta.url);
const bytes = readFileSync(path);
const gzip = gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
console.log(`dist/wasm/jwtlens_bg.wasm: ${kb(bytes.length)} raw, ${kb(gzip)} gzip -9 (${bytes.length} / ${gzip} bytes)`);
