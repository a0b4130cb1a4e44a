// The JS boundary both ways, measured (issue 14): options read from a JS object with serde-wasm-bindgen against
// JSON.stringify + serde_json, and results as JSON text + JSON.parse against JS objects built by serde-wasm-bindgen.
// Run with `npm run bench:boundary` (scripts/bench-boundary.sh builds the extra exports first). Figures, not a test.
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import * as wasm from '../target/boundary-bench/pkg/bench.js';

wasm.initSync({ module: readFileSync(new URL('../target/boundary-bench/pkg/bench_bg.wasm', import.meta.url)) });

/** Median of 7 rounds of ~200 ms, in microseconds per call. */
function microseconds(fn) {
  const rounds = [];
  for (let round = 0; round < 7; round++) {
    let n = 0;
    const start = performance.now();
    while (performance.now() - start < 200) {
      for (let i = 0; i < 20; i++) fn();
      n += 20;
    }
    rounds.push(((performance.now() - start) * 1000) / n);
  }
  return rounds.sort((a, b) => a - b)[3];
}

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
// The README's Cognito access token, and the options a Cognito user brings: expectations and an API Gateway target.
const token = `${b64({ kid: 'k1', alg: 'RS256' })}.${b64({
  sub: 'aaaaaaaa-bbbb-cccc-dddd-example', token_use: 'access', scope: 'openid email', client_id: '57cbishk4j24pabc1234567890',
  iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example', exp: 1767225600, iat: 1767222000, username: 'jane',
})}.c2ln`;
const options = {
  now: 1767223800,
  clockSkew: 60,
  expect: { userPoolId: 'us-east-1_example', clientId: '57cbishk4j24pabc1234567890', tokenUse: 'access', scopes: ['openid', 'email'] },
  target: {
    kind: 'apiGatewayRest',
    providerArns: ['arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_example'],
    scopes: ['openid', 'email', 'aws.cognito.signin.user.admin'],
  },
};
const small = { now: 1767223800, target: { kind: 'cognitoApi', operation: 'GetUser' } };

// Both ways read the options alike, and give the same result.
assert.equal(wasm.benchOptionsFromValue(options), 1);
assert.equal(wasm.benchOptionsFromJson(JSON.stringify(options)), 1);
const viaJson = JSON.parse(wasm.benchResultAsJson(token, options));
const viaValue = wasm.benchResultAsValue(token, options);
assert.deepEqual(viaValue, viaJson);

const rows = [];
const row = (what, json, value) =>
  rows.push({ what, 'JSON text µs': +json.toFixed(2), 'JS value µs': +value.toFixed(2), 'value/JSON': +(value / json).toFixed(2) });
for (const [name, opts] of [['options in (README Cognito + REST target)', options], ['options in (GetUser target only)', small]]) {
  row(name, microseconds(() => wasm.benchOptionsFromJson(JSON.stringify(opts))), microseconds(() => wasm.benchOptionsFromValue(opts)));
}
const bytes = JSON.stringify(viaJson).length;
row(`inspect + result out (${bytes} B as JSON)`, microseconds(() => JSON.parse(wasm.benchResultAsJson(token, options))),
  microseconds(() => wasm.benchResultAsValue(token, options)));
console.table(rows);
const parts = {
  'inspect alone': microseconds(() => wasm.benchInspectOnly(token, options)),
  'inspect + serde_json::to_string in wasm': microseconds(() => wasm.benchResultJsonInside(token, options)),
  '+ the string to JS': microseconds(() => wasm.benchResultAsJson(token, options)),
  '+ JSON.parse': microseconds(() => JSON.parse(wasm.benchResultAsJson(token, options))),
};
console.table(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, { 'µs': +v.toFixed(2) }])));
console.log(`node ${process.version}; median of 7 rounds of 200 ms; repeat with: npm run bench:boundary`);
