// The page's model (js/element/model.js, report.js, sign-view.js, and the JSON printer js/json-text.js) in Node, with the real core: the exact JSON printer, the view of a result,
// the redacted report and the example tokens. The browser tests check the same through the page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect, sign } from 'jwtlens';
import { jsonMembers, prettyJson } from '../../js/json-text.js';
import { examples } from '../../js/element/examples.js';
import { view } from '../../js/element/model.js';
import { report } from '../../js/element/report.js';
import { keyAlgorithm, signView } from '../../js/element/sign-view.js';
import { b64u, jws } from '../js/tokens.mjs';

test('prettyJson keeps every number, string, key order and duplicate as written', () => {
  const text = '{"sub":"a","n":12345678901234567890,"f":1.50,"2":"x","sub":"b","e":1E+2,"s":"caf\\u00e9 \\"q\\"","neg":-0.0}';
  assert.equal(prettyJson(text).text, [
    '{',
    '  "sub": "a",',
    '  "n": 12345678901234567890,',
    '  "f": 1.50,',
    '  "2": "x",',
    '  "sub": "b",',
    '  "e": 1E+2,',
    '  "s": "caf\\u00e9 \\"q\\"",',
    '  "neg": -0.0',
    '}',
  ].join('\n'));
  const dups = prettyJson(text).pieces.filter(([cls]) => cls === 'key dup').map(([, t]) => t);
  assert.deepEqual(dups, ['"sub"', '"sub"']);
  // Pieces concatenate to the text, and each token piece maps to its source offset.
  const { pieces, map } = prettyJson(text);
  pieces.forEach(([cls, t], i) => {
    if (cls !== 'space' && map[i] >= 0) assert.equal(text.slice(map[i], map[i] + t.length), t);
  });
});

test('prettyJson equals JSON.stringify(…, 2) for ordinary JSON, nested and empty containers included', () => {
  const values = [
    {}, [], { a: [] }, { a: {} }, [1, [2, [3, {}]]], { a: { b: { c: [true, false, null, 'x', -1.5e-7] } } },
    { alg: 'RS256', kid: 'k', x5c: ['MIIB', 'MIIC'] }, 'string', 42, null,
  ];
  let ran = 0;
  for (const v of values) {
    for (const spacing of [0, 1, 4]) {
      const text = JSON.stringify(v, null, spacing);
      assert.equal(prettyJson(text).text, JSON.stringify(v, null, 2), text);
      ran++;
    }
  }
  assert.equal(ran, 30);
});

test('prettyJson returns null for text that is not JSON', () => {
  for (const bad of ['{', '{"a":}', '{"a":1,}', '[1 2]', '{"a" 1}', 'nul', '"open', '{"a":1}}', '01', '{"a":"\u0001"}']) {
    assert.equal(prettyJson(bad), null, bad);
  }
});

test('jsonMembers lists top-level members as written, duplicates marked', () => {
  assert.deepEqual(jsonMembers('{"exp":1700000000.50,"sub":"a","aud":["x","y"],"sub":"b","o":{"k":12345678901234567890}}'), [
    { name: 'exp', value: '1700000000.50', type: 'number', duplicate: false },
    { name: 'sub', value: 'a', type: 'string', duplicate: true },
    { name: 'aud', value: '["x", "y"]', type: 'array', duplicate: false },
    { name: 'sub', value: 'b', type: 'string', duplicate: true },
    { name: 'o', value: '{"k": 12345678901234567890}', type: 'object', duplicate: false },
  ]);
  assert.deepEqual(jsonMembers('[1]'), []);
  assert.deepEqual(jsonMembers(null), []);
});

test('the view marks finding offsets in the token as written and in an excerpt', () => {
  const token = jws({ alg: 'HS256' }, { sub: 'x' });
  const [h, p, sig] = token.split('.');
  const input = `Bearer ${h}.${p.slice(0, 5)}*${p.slice(6)}.${sig}`;
  const result = inspect(input);
  const v = view(result, input, {});
  const f = v.findings.find((x) => x.code === 'B64_INVALID_CHARACTER');
  assert.equal(input.slice(f.start, f.end), '*');
  assert.deepEqual(f.excerpt.mark, '*');
  const marked = v.tokens[0].written.pieces.filter((x) => x.marks.includes(f.id));
  assert.deepEqual(marked.map((x) => [x.text, x.part]), [['*', 'payload']]);
  // The pieces are the input, in order, from the first segment to the last.
  assert.equal(v.tokens[0].written.pieces.map((x) => x.text).join(''), input.slice('Bearer '.length));
});

test('the report redacts personal claims, drops the signature and the encoded token', () => {
  const now = 1767223800;
  const claims = {
    sub: 'sub-value-1234', email: 'someone@example.com', username: 'jane-user', 'cognito:username': 'jane-cog', jti: 'jti-value-99',
    token_use: 'id', custom_secret: 'ticked-value', big: 12345678901234567890, aud: 'client-abc', exp: now + 60,
  };
  const payloadText = JSON.stringify(claims).replace('"big":12345678901234567000', '"big":12345678901234567890');
  const signature = 'U2lnbmF0dXJlLW11c3Qtbm90LWxlYWs';
  const token = `${b64u('{"alg":"RS256","kid":"k1"}')}.${b64u(payloadText)}.${signature}`;
  const result = inspect(token, { now });
  const md = report(result, token, { now }, { redact: ['custom_secret'] });
  for (const secret of ['sub-value-1234', 'someone@example.com', 'jane-user', 'jane-cog', 'jti-value-99', 'ticked-value', signature, token.split('.')[1], token.split('.')[0]]) {
    assert.ok(!md.includes(secret), `the report leaks ${secret}`);
  }
  assert.match(md, /"sub": "\[redacted\]"/);
  assert.match(md, /"email": "\[redacted\]"/);
  assert.match(md, /"custom_secret": "\[redacted\]"/);
  assert.match(md, /"big": 12345678901234567890/, 'numbers are copied as written');
  assert.match(md, /"aud": "client-abc"/, 'unticked claims stay');
  assert.match(md, /Signature: removed \(\d+ bytes\)/);
  assert.match(md, /^# jwtlens report/);
  assert.match(md, /Evaluation time: 2025-12-31T23:30:00Z/);
});

test('the report scrubs redacted values from messages, and gives the verdict rule by rule', () => {
  const e = examples(1767223800);
  const result = inspect(e.restIdToken.token, { now: 1767223800, ...e.restIdToken.context });
  const md = report(result, e.restIdToken.token, { now: 1767223800, ...e.restIdToken.context });
  assert.match(md, /## Verdict: DENY/);
  assert.match(md, /\| The method has OAuth scopes .* \| fail \|/);
  assert.ok(!md.includes('user@example.com') && !md.includes('example-user'));
});

test('the examples are the two motivating cases', () => {
  const now = 1767223800;
  const { getUser, restIdToken } = examples(now);
  const access = inspect(getUser.token, { now, target: { kind: 'cognitoApi', operation: 'GetUser' } });
  assert.equal(access.verdict.decision, 'deny');
  assert.ok(access.findings.some((f) => f.code === 'COGNITO_ADMIN_SCOPE_MISSING'));
  assert.equal(access.tokens[0].payload.value.scope, 'openid email');
  assert.equal(access.diagnoses[0].tokenUse, 'access');
  const id = inspect(restIdToken.token, { now, ...restIdToken.context });
  assert.equal(id.verdict.decision, 'deny');
  assert.deepEqual(id.verdict.rules.filter((r) => r.outcome === 'fail').map((r) => r.code), ['APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES']);
  // Nothing else is wrong with them: the examples show one problem each.
  assert.deepEqual(inspect(getUser.token, { now }).findings.filter((f) => f.severity !== 'info').map((f) => f.code), []);
});

test('over the cap, tokens are summarised', () => {
  const tokens = Array.from({ length: 25 }, (_, i) => jws({ alg: 'HS256' }, { sub: `u${i}`, exp: 4102444800 }));
  const input = tokens.join('\n');
  const v = view(inspect(input), input, {});
  assert.equal(v.tokens.length, 20);
  assert.equal(v.tokenCount, 25);
  assert.deepEqual(v.more, { count: 5, kinds: { jws: 5 }, withErrors: 0 });
});

test('the Encode view model: segments, editor errors with line and column, the key that verifies, the key algorithm', () => {
  const secret = 'a-string-secret-at-least-256-bits-long';
  const good = signView(sign('{"sub":"1"}', secret, { header: '{"typ":"JWT"}' }));
  assert.deepEqual(good.segments, good.token.split('.'));
  assert.equal(good.segments.length, 3);
  assert.deepEqual([good.alg, good.headerError, good.payloadError, good.publicJwk], ['HS256', null, null, null]);
  const broken = signView(sign('{"sub":\n}', secret, { header: '[1]' }));
  assert.equal(broken.token, null);
  assert.deepEqual(broken.payloadError, { line: 2, column: 1, message: broken.findings.find((f) => f.part === 'payload').message });
  assert.equal(broken.headerError.message, 'The header is JSON, an array, but it must be an object.');
  assert.deepEqual(broken.counts, { error: 2, warning: 0, info: 1 });
  assert.deepEqual(broken.findings.map((f) => f.id), ['sign-0', 'sign-1', 'sign-2']);
  assert.deepEqual(['', 'RS256', 'nope'].map((c) => keyAlgorithm(c, '{"alg":"PS384"}')), ['PS384', 'RS256', 'PS384']);
  assert.deepEqual([keyAlgorithm('', '{"alg":"Ed25519"}'), keyAlgorithm('', '{"alg":"none"}'), keyAlgorithm('', '{')], ['EdDSA', 'ES256', 'ES256']);
});
