// The `inspect` API through the package, imported by name as users do.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inspect, codes, JwtlensError } from 'jwtlens';
import { b64u, jws, TOKEN } from './tokens.mjs';

// These tests are about decoding (issue 2). The diagnosis (time, claims, providers; tests/js/diagnose.test.mjs)
// also reports on these tokens — e.g. TOKEN's exp is in 2023 — so only the decoding phases' codes are compared.
const DECODING = new Set(
  codes()
    .filter(([phase]) => ['Paste hygiene', 'Base64url', 'JSON', 'Token structure'].includes(phase))
    .flatMap(([, list]) => list.map((c) => c.code)),
);
const codesOf = (r) => r.findings.map((f) => f.code).filter((c) => DECODING.has(c));
const only = (r) => {
  assert.equal(r.tokens.length, 1, JSON.stringify(r.findings));
  return r.tokens[0];
};

// Every paste form from issue 2: the cleaned token and the finding code.
const pasteForms = [
  ['surrounding whitespace', `  ${TOKEN}\n`, ['PASTE_SURROUNDING_WHITESPACE']],
  ['wrapped copy with newlines', `${TOKEN.slice(0, 30)}\n${TOKEN.slice(30, 60)}\r\n${TOKEN.slice(60)}`, ['PASTE_INNER_WHITESPACE']],
  ['space inside', `${TOKEN.slice(0, 10)} ${TOKEN.slice(10)}`, ['PASTE_INNER_WHITESPACE']],
  ['double quotes', `"${TOKEN}"`, ['PASTE_QUOTES']],
  ['single quotes', `'${TOKEN}'`, ['PASTE_QUOTES']],
  ['backticks', `\`${TOKEN}\``, ['PASTE_QUOTES']],
  ['Bearer prefix', `Bearer ${TOKEN}`, ['PASTE_BEARER_PREFIX']],
  ['bearer lowercase', `bearer ${TOKEN}`, ['PASTE_BEARER_PREFIX']],
  ['Bearer doubled', `Bearer Bearer ${TOKEN}`, ['PASTE_BEARER_DOUBLED']],
  ['header line', `Authorization: Bearer ${TOKEN}`, ['PASTE_HEADER_LINE', 'PASTE_BEARER_PREFIX']],
  ['quoted header value', `"Bearer ${TOKEN}"`, ['PASTE_QUOTES', 'PASTE_BEARER_PREFIX']],
  ['percent-encoded dots', TOKEN.replaceAll('.', '%2E'), ['PASTE_PERCENT_ENCODED']],
];

for (const [name, input, expected] of pasteForms) {
  test(`paste hygiene: ${name}`, () => {
    const r = inspect(input);
    assert.equal(only(r).compact, TOKEN);
    assert.deepEqual(codesOf(r), expected);
    assert.equal(only(r).payload.value.sub, 'user-1');
  });
}

test('paste hygiene: a JSON token response yields every token, labelled', () => {
  const id = jws({ alg: 'RS256' }, { token_use: 'id' });
  const access = jws({ alg: 'RS256' }, { token_use: 'access' });
  const r = inspect(JSON.stringify({ id_token: id, access_token: access, refresh_token: 'opaque', expires_in: 3600, token_type: 'Bearer' }));
  assert.deepEqual(r.tokens.map((t) => [t.label, t.compact]), [['id_token', id], ['access_token', access], ['refresh_token', 'opaque']]);
  assert.equal(r.findings[0].code, 'PASTE_TOKEN_RESPONSE');
  assert.equal(r.tokens[1].payload.value.token_use, 'access');
  // Segment offsets point into the original input.
  const input = JSON.stringify({ id_token: id });
  const seg = inspect(input).tokens[0].segments[0];
  assert.equal(input.slice(seg.start, seg.end), id.split('.')[0]);
});

test('paste hygiene: an OAuth redirect fragment yields id_token and access_token', () => {
  const id = jws({ alg: 'RS256' }, { token_use: 'id' });
  const access = jws({ alg: 'RS256' }, { token_use: 'access' });
  const r = inspect(`https://app.example/cb#id_token=${id}&access_token=${access}&token_type=Bearer&expires_in=3600`);
  assert.deepEqual(r.tokens.map((t) => [t.label, t.compact]), [['id_token', id], ['access_token', access]]);
  assert.deepEqual(codesOf(r), ['PASTE_URL']);
});

test('paste hygiene: a bare fragment works too', () => {
  const r = inspect(`#access_token=${TOKEN}`);
  assert.equal(only(r).compact, TOKEN);
  assert.equal(only(r).label, 'access_token');
});

test('paste hygiene: a ?code= URL is explained, not decoded', () => {
  const r = inspect('https://app.example/cb?code=5b2b7a5e-1111&state=abc');
  assert.equal(r.tokens.length, 0);
  assert.deepEqual(codesOf(r), ['PASTE_AUTHORIZATION_CODE']);
  assert.match(r.findings[0].fix, /token endpoint/);
});

test('paste hygiene: an OAuth error redirect is reported', () => {
  const r = inspect('https://app.example/cb?error=invalid_scope&error_description=An+unknown+scope');
  assert.deepEqual(codesOf(r), ['PASTE_OAUTH_ERROR']);
  assert.match(r.findings[0].message, /invalid_scope`: An unknown scope/);
});

test('paste hygiene: several tokens on separate lines are all inspected', () => {
  const a = jws({ alg: 'RS256' }, { n: 1 });
  const b = jws({ alg: 'ES256' }, { n: 2 });
  const r = inspect(`${a}\n${b}\n`);
  assert.deepEqual(r.tokens.map((t) => [t.label, t.payload.value.n]), [['token 1', 1], ['token 2', 2]]);
  assert.deepEqual(codesOf(r), ['PASTE_SURROUNDING_WHITESPACE', 'PASTE_SEVERAL_TOKENS']);
});

test('paste hygiene: empty input and a pasted key', () => {
  assert.deepEqual(codesOf(inspect('  \n')), ['INPUT_EMPTY']);
  assert.deepEqual(codesOf(inspect('{"keys":[{"kty":"RSA","n":"AQAB","e":"AQAB"}]}')), ['INPUT_IS_KEY']);
});

test('structure: unsecured JWS', () => {
  const r = inspect(jws({ alg: 'none' }, { sub: 'x' }, ''));
  assert.equal(only(r).kind, 'unsecured');
  assert.deepEqual(codesOf(r), ['TOKEN_UNSECURED']);
  const signed = inspect(jws({ alg: 'nOnE' }, { sub: 'x' }, 'c2ln'));
  assert.deepEqual(codesOf(signed), ['TOKEN_UNSECURED', 'TOKEN_UNSECURED_WITH_SIGNATURE']);
});

test('structure: JWE header only, Cognito refresh token recognised', () => {
  const header = b64u(JSON.stringify({ cty: 'JWT', enc: 'A256GCM', alg: 'RSA-OAEP' }));
  const r = inspect(`${header}.ZW5jcnlwdGVkLWtleQ.aXY.Y2lwaGVydGV4dA.dGFn`);
  const t = only(r);
  assert.equal(t.kind, 'jwe');
  assert.equal(t.header.value.enc, 'A256GCM');
  assert.equal(t.payload, null);
  assert.deepEqual(codesOf(r), ['TOKEN_ENCRYPTED', 'TOKEN_COGNITO_REFRESH']);
  assert.deepEqual(t.segments.map((s) => s.part), ['header', 'encryptedKey', 'iv', 'ciphertext', 'tag']);
});

test('structure: JWS JSON serialization, flattened and general', () => {
  const protectedHeader = b64u('{"alg":"ES256"}');
  const payload = b64u('{"sub":"json"}');
  const flat = inspect(JSON.stringify({ payload, protected: protectedHeader, signature: 'c2ln' }));
  assert.equal(only(flat).serialization, 'jsonFlattened');
  assert.equal(only(flat).payload.value.sub, 'json');
  assert.equal(only(flat).signatureHex, undefined, 'signatures are not copied out as hex: they are in the token text');
  const general = inspect(JSON.stringify({ payload, signatures: [{ protected: protectedHeader, signature: 'c2ln' }, { protected: b64u('{"alg":"HS256"}'), header: { kid: 'h' }, signature: 'AAAA' }] }));
  assert.equal(only(general).serialization, 'jsonGeneral');
  assert.equal(only(general).signatures.length, 2);
  assert.deepEqual(only(general).signatures[1].header, { kid: 'h' });
  assert.ok(codesOf(general).includes('TOKEN_JSON_SERIALIZATION'));
});

test('structure: nested JWT decodes the inner token', () => {
  const inner = jws({ alg: 'RS256' }, { sub: 'inner' });
  const r = inspect(jws({ alg: 'HS256', cty: 'JWT' }, inner));
  const t = only(r);
  assert.equal(t.inner.payload.value.sub, 'inner');
  assert.equal(t.inner.kind, 'jws');
  assert.deepEqual(codesOf(r), ['TOKEN_NESTED']);
});

test('structure: not a JWT at all', () => {
  const r = inspect('2YotnFZFEjr1zCsicMWpAA');
  assert.equal(only(r).kind, 'opaque');
  assert.deepEqual(codesOf(r), ['TOKEN_NOT_JWT']);
  assert.match(r.findings[0].message, /opaque/);
});

test('structure: wrong segment count still decodes what it can', () => {
  const [h, p] = TOKEN.split('.');
  const r = inspect(`${h}.${p}`);
  assert.deepEqual(codesOf(r), ['TOKEN_SEGMENT_COUNT']);
  assert.equal(only(r).payload.value.sub, 'user-1');
});

test('structure: stripped signature', () => {
  const r = inspect(TOKEN.replace(/\.[^.]*$/, '.'));
  assert.deepEqual(codesOf(r), ['TOKEN_SIGNATURE_MISSING']);
});

test('encoding: padding and the standard alphabet are tolerated and flagged', () => {
  const header = Buffer.from('{"alg":"RS256","x":"?>?"}').toString('base64'); // has '/' or '+' and '='
  const r = inspect(`${header}.${b64u('{"a":1}')}.c2ln`);
  const t = only(r);
  assert.equal(t.header.value.x, '?>?');
  assert.ok(codesOf(r).includes('B64_STANDARD_ALPHABET'), codesOf(r).join());
  assert.ok(codesOf(r).includes('B64_PADDING'), codesOf(r).join());
});

test('encoding: an invalid character names the segment, offset and character', () => {
  const input = `Bearer ${TOKEN.slice(0, 40)}*${TOKEN.slice(41)}`;
  const r = inspect(input);
  const f = r.findings.find((x) => x.code === 'B64_INVALID_CHARACTER');
  assert.ok(f, JSON.stringify(r.findings));
  assert.equal(f.location.part, 'payload');
  assert.equal(f.location.start, 47);
  assert.equal(input[f.location.start], '*');
  assert.match(f.message, /'\*'/);
  // Partial result: the header still decoded.
  assert.equal(only(r).header.value.alg, 'RS256');
});

test('encoding: offsets count UTF-16 units when the input has non-ASCII text', () => {
  const input = `“${TOKEN.slice(0, 5)}é${TOKEN.slice(6)}”`;
  const f = inspect(input).findings.find((x) => x.code === 'B64_INVALID_CHARACTER');
  assert.equal(input.slice(f.location.start, f.location.end), 'é');
});

test('JSON: invalid JSON gives line and column; exact text kept', () => {
  const r = inspect(jws('{"alg":"RS256"}', '{"sub":"x",\n "exp" 1}'));
  const f = r.findings.find((x) => x.code === 'JSON_INVALID');
  assert.deepEqual([f.location.part, f.location.line, f.location.column], ['payload', 2, 8]);
  assert.equal(only(r).payload.text, '{"sub":"x",\n "exp" 1}');
  assert.equal(only(r).payload.value, null);
});

test('JSON: duplicate members, non-object, non-UTF-8, non-JSON payloads', () => {
  const dup = inspect(jws('{"alg":"RS256","alg":"none"}', { a: 1 }));
  // The last "alg" wins, as in JSON.parse, so the token reads as unsecured: exactly the smuggling risk.
  assert.deepEqual(codesOf(dup), ['JSON_DUPLICATE_MEMBER', 'TOKEN_UNSECURED', 'TOKEN_UNSECURED_WITH_SIGNATURE']);
  assert.equal(dup.findings[0].location.member, 'alg');
  assert.deepEqual(codesOf(inspect(jws({ alg: 'RS256' }, '[1,2]'))), ['JSON_NOT_OBJECT']);
  const binary = `${b64u('{"alg":"RS256"}')}.${Buffer.from([0xff, 0x00, 0x10]).toString('base64url')}.c2ln`;
  const r = inspect(binary);
  assert.deepEqual(codesOf(r), ['TOKEN_PAYLOAD_NOT_JSON']);
  assert.equal(only(r).payload.hex, 'ff0010');
  const text = inspect(jws({ alg: 'RS256' }, 'hello world'));
  assert.equal(only(text).payload.text, 'hello world');
  assert.deepEqual(codesOf(inspect(`${Buffer.from([0x7b, 0xff]).toString('base64url')}.e30.c2ln`)), ['JSON_NOT_UTF8']);
});

test('exact text keeps key order and number spelling', () => {
  const payload = '{"z":1.50,"a":1e3,"m":[1,2]}';
  const t = only(inspect(jws({ alg: 'RS256' }, payload)));
  assert.equal(t.payload.text, payload);
  assert.deepEqual(Object.keys(t.payload.value), ['z', 'a', 'm']);
});

test('misuse throws a JwtlensError with a code; bad tokens never throw', () => {
  assert.throws(() => inspect(42), (e) => e instanceof JwtlensError && e instanceof Error && e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => inspect('x', 'nope'), (e) => e.code === 'ERR_INVALID_ARGUMENT');
  assert.throws(() => inspect('x', { bogus: 1 }), (e) => e.code === 'ERR_INVALID_OPTIONS');
  for (const junk of ['', '.', '...', '....', 'a.b.c.d.e.f', '{', '"', '%', '\u0000', 'é.é.é']) {
    assert.ok(Array.isArray(inspect(junk).findings));
  }
});

test('codes() matches the TypeScript union and docs/codes.md', async () => {
  const { readFile } = await import('node:fs/promises');
  const listed = codes().flatMap(([, entries]) => entries.map((e) => e.code));
  const ts = await readFile(new URL('../../js/codes.d.ts', import.meta.url), 'utf8');
  const union = [...ts.matchAll(/\| '([A-Z0-9_]+)'/g)].map((m) => m[1]);
  assert.deepEqual(union, listed);
  const doc = await readFile(new URL('../../docs/codes.md', import.meta.url), 'utf8');
  for (const code of listed) assert.match(doc, new RegExp(`\\| \`${code}\` \\|`));
  assert.ok(listed.length >= 40);
});
