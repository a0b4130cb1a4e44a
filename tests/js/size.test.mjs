// The size budget of what the page and the package ship (scripts/size-budget.json): prints the figures and fails
// when a shipped .wasm file set grows past its hard limit. Sizes, not timings: the same build gives the same bytes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const root = new URL('../../', import.meta.url);
const budget = JSON.parse(readFileSync(new URL('scripts/size-budget.json', root), 'utf8'));
const gzipKiB = (file) => gzipSync(readFileSync(new URL(`dist/wasm/${file}`, root)), { level: 9 }).length / 1024;

for (const [name, { files, limit, target }] of Object.entries(budget).filter(([k]) => !k.startsWith('/'))) {
  test(`size budget: ${name} (${files.join(' + ')}) within ${limit} KiB gzip -9`, (t) => {
    const size = files.reduce((sum, f) => sum + gzipKiB(f), 0);
    const against = target ? `, issue 27's target ${target} (${(size / target).toFixed(2)}× it)` : ' (no size target)';
    t.diagnostic(`${name}: ${size.toFixed(1)} KiB gzip -9; limit ${limit}${against}`);
    assert.ok(size > 0 && size <= limit, `${name} is ${size.toFixed(1)} KiB gzip -9, over its limit of ${limit} KiB (scripts/size-budget.json)`);
  });
}
