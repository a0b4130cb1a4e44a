// The decoder-only module the page loads first: the same inspection as the full module for a paste without keys,
// keys refused with a pointer to the full module, and none of the full module's exports (nothing of keys,
// verification, signing or fetching was linked in).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inspect, describeClaim } from 'jwtlens';
import * as glue from '../../dist/wasm/jwtlens-decoder.js';
import { api } from '../../js/core.js';
import { jws } from './tokens.mjs';
import { file, caseCall } from './cases.mjs';

glue.initSync({ module: readFileSync(new URL('../../dist/wasm/jwtlens-decoder_bg.wasm', import.meta.url)) });
const decoder = api(glue);

test('inspect: the same result as the full module for every diagnosis case (no keys)', () => {
  let n = 0;
  for (const c of file.cases) {
    for (const variant of [c.trigger, c.pass]) {
      const { input, options } = caseCall(variant);
      if (options.keys !== undefined) continue;
      assert.deepEqual(decoder.inspect(input, options), inspect(input, options), `${c.code}: ${c.check}`);
      n++;
    }
  }
  assert.equal(n, 210, 'both variants of the 105 cases (none has keys)');
});

test('keys are refused; describeClaim and planIssuerKeys work; the full exports and codes are absent', () => {
  const token = jws({ alg: 'RS256' }, { sub: 'u', iss: 'https://op.example' });
  assert.throws(() => decoder.inspect(token, { keys: 'secret' }), (e) => e.code === 'ERR_INVALID_OPTIONS' && /full module/.test(e.message));
  assert.deepEqual(decoder.describeClaim('exp'), describeClaim('exp'));
  assert.match(decoder.describeClaim('exp').meaning, /Expiration/);
  assert.equal(decoder.planIssuerKeys(token).url, 'https://op.example/.well-known/openid-configuration');
  // `codes` (the documented list, 34 KB of descriptions) is the full module's: the element never lists codes.
  for (const name of ['verify', 'parseKeys', 'sign', 'generateKey', 'fetchIssuerKeys', 'Verifier', 'codes']) assert.equal(glue[name], undefined, name);
});

test('an input over limits.inputBytes is answered from its length, not copied into the decoder\'s memory', () => {
  const before = glue.initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength;
  const result = decoder.inspect('eyJ'.repeat(10_000_000), { now: 1 });
  assert.deepEqual(result.findings.map((f) => f.code), ['LIMIT_INPUT_BYTES']);
  assert.match(result.findings[0].message, /^The input is at least 30,000,000 bytes/);
  const grown = glue.initSync({ module: new Uint8Array(0) }).memory.buffer.byteLength - before;
  assert.ok(grown < 4 * 1024 * 1024, `the decoder's memory grew by ${grown} bytes`);
});
