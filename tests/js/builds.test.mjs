// The two builds of the full module (scripts/build.sh): jwtlens_bg.wasm, which browsers load (the jwtlens crate at
// opt-level "z"), and jwtlens-node_bg.wasm, which the package's Node entry loads ('jwtlens' here; opt-level 2). The
// same source with another optimisation level must give the same answers; these tests hold them to it, as every
// other Node test runs on the Node build and the browser tests on the other.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as node from 'jwtlens';
import * as glue from '../../dist/wasm/jwtlens.js';
import { api } from '../../js/core.js';
import { file, caseCall } from './cases.mjs';

glue.initSync({ module: readFileSync(new URL('../../dist/wasm/jwtlens_bg.wasm', import.meta.url)) });
const browser = api(glue);

test('the Node entry loads its own build, not the browsers\' module', () => {
  const source = readFileSync(new URL('../../js/node.js', import.meta.url), 'utf8');
  assert.match(source, /dist\/wasm\/jwtlens-node_bg\.wasm/);
  const sizes = ['jwtlens_bg.wasm', 'jwtlens-node_bg.wasm'].map((f) => readFileSync(new URL(`../../dist/wasm/${f}`, import.meta.url)).length);
  assert.notEqual(sizes[0], sizes[1], 'two different builds');
});

test('inspect: the same result from both builds for every diagnosis case, keys included', () => {
  let n = 0;
  for (const c of file.cases) {
    for (const variant of [c.trigger, c.pass]) {
      const { input, options } = caseCall(variant);
      assert.deepEqual(browser.inspect(input, options), node.inspect(input, options), `${c.code}: ${c.check}`);
      n++;
    }
  }
  assert.equal(n, 210, 'both variants of the 105 cases');
});

const ALGORITHMS = ['HS256', 'HS384', 'HS512', 'RS256', 'PS256', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA'];

test('sign with one build, verify with the other, for every algorithm; a damaged signature fails in both', () => {
  let n = 0;
  for (const alg of ALGORITHMS) {
    for (const [signer, verifier] of [[browser, node], [node, browser]]) {
      const key = signer.generateKey(alg);
      const signing = signer.sign({ sub: alg }, key.secret ?? key.privatePem, { alg });
      assert.ok(signing.token, `${alg}: ${JSON.stringify(signing.findings)}`);
      const keys = key.secret ?? key.publicPem;
      const options = { now: 1_700_000_000 };
      const there = verifier.verify(signing.token, keys, options);
      assert.equal(there.valid, true, `${alg}: ${JSON.stringify(there.findings)}`);
      assert.deepEqual(there, signer.verify(signing.token, keys, options), alg);
      // The first character of the signature changed (six real bits): both builds refuse it, with the same findings.
      const at = signing.token.lastIndexOf('.') + 1;
      const forged = `${signing.token.slice(0, at)}${signing.token[at] === 'A' ? 'B' : 'A'}${signing.token.slice(at + 1)}`;
      const refused = verifier.verify(forged, keys, options);
      assert.equal(refused.valid, false, alg);
      assert.deepEqual(refused, signer.verify(forged, keys, options), alg);
      // A prepared verifier of each build agrees too.
      const prepared = [signer, verifier].map((b) => b.createVerifier({ keys }));
      assert.deepEqual(prepared[0].verify(signing.token, options), prepared[1].verify(signing.token, options), alg);
      for (const p of prepared) p.free();
      n++;
    }
  }
  assert.equal(n, 2 * ALGORITHMS.length);
});
