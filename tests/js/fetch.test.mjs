// fetchIssuerKeys against servers started here on 127.0.0.1 (never the internet): the Cognito key-set path, an OIDC
// discovery document naming its jwks_uri, and every way a request can fail — each asserted with the exact requests
// the server saw: GET, the expected path, no cookie, no referrer, nothing of the token.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { fetchIssuerKeys, planIssuerKeys, inspect, JwtlensError } from 'jwtlens';
import { jws } from './tokens.mjs';
import { generateKeyPair } from './keys.mjs';

const jwk = { ...generateKeyPair('rsa', { modulusLength: 2048 }).publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' };
const JWKS = JSON.stringify({ keys: [jwk] });
const seen = [];
let server;
let base;

/** Routes of the test issuer. */
const routes = {
  '/local_pool1/.well-known/jwks.json': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JWKS),
  '/op/.well-known/openid-configuration': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ issuer: `${base}/op`, jwks_uri: `${base}/op/keys` })),
  '/op/keys': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(JWKS),
  '/moved/.well-known/openid-configuration': (res) => res.writeHead(302, { location: `${base}/op/.well-known/openid-configuration` }).end(),
  '/big/.well-known/openid-configuration': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end(`{"pad":"${'x'.repeat(2 * 1024 * 1024)}"}`),
  '/slow/.well-known/openid-configuration': (res) => setTimeout(() => res.writeHead(200).end('{}'), 1500),
  '/html/.well-known/openid-configuration': (res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<html>login</html>'),
  '/empty/.well-known/openid-configuration': (res) => res.writeHead(200).end(JSON.stringify({ jwks_uri: `${base}/empty/keys` })),
  '/empty/keys': (res) => res.writeHead(200).end('{"keys":[]}'),
};

before(async () => {
  server = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, cookie: req.headers.cookie, referer: req.headers.referer, authorization: req.headers.authorization });
    (routes[req.url] ?? ((r) => r.writeHead(404).end('not found')))(res);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
});

after(() => server.close());

/** Runs `fetchIssuerKeys` and returns its result with the requests the server saw meanwhile. */
async function fetched(source, options) {
  seen.length = 0;
  const result = await fetchIssuerKeys(source, options);
  return { result, requests: seen.map((r) => `${r.method} ${r.url}`), raw: [...seen] };
}

const codes = (r) => r.findings.map((f) => f.code);

test('a Cognito-shaped issuer: its jwks.json, requested once, with nothing but the URL', async () => {
  const { result, requests, raw } = await fetched(`${base}/local_pool1`);
  assert.deepEqual(requests, ['GET /local_pool1/.well-known/jwks.json']);
  assert.deepEqual(result.requests, [{ url: `${base}/local_pool1/.well-known/jwks.json`, status: 200 }]);
  assert.deepEqual(raw.map((r) => [r.cookie, r.referer, r.authorization]), [[undefined, undefined, undefined]]);
  assert.equal(result.jwks, JWKS);
  assert.deepEqual(result.keys.keys.map((k) => [k.kid, k.usable]), [['k1', true]]);
  assert.deepEqual(codes(result), []);
  assert.deepEqual(result.issuer, { issuer: `${base}/local_pool1`, from: 'issuer', unverified: false });
});

test('an OIDC issuer: the discovery document, then its jwks_uri, reported', async () => {
  const { result, requests } = await fetched(`${base}/op`);
  assert.deepEqual(requests, ['GET /op/.well-known/openid-configuration', 'GET /op/keys']);
  assert.deepEqual(codes(result), ['FETCH_JWKS_URI']);
  assert.equal(result.keys.keys.length, 1);
});

test('from a token: its iss, unverified and said so, and nothing of the token is sent', async () => {
  const token = jws({ alg: 'RS256', kid: 'k1', jku: 'https://attacker.example/keys' }, { iss: `${base}/op`, sub: 'secret-user' });
  const { result, raw } = await fetched(`Bearer ${token}`);
  assert.equal(result.issuer.unverified, true);
  assert.ok(codes(result).includes('FETCH_ISSUER_UNVERIFIED'));
  const sent = JSON.stringify(raw);
  assert.ok(!sent.includes('secret-user') && !sent.includes(token.split('.')[1]) && !sent.includes('attacker'), sent);
  // The issuer you trust wins over the token's.
  const trusted = await fetched(token, { issuer: `${base}/local_pool1` });
  assert.deepEqual(trusted.requests, ['GET /local_pool1/.well-known/jwks.json']);
  assert.equal(trusted.result.issuer.unverified, false);
});

test('each failure is a finding: redirect, 404, too large, too slow, not JSON, no keys, no issuer, not https', async () => {
  const cases = [
    ['moved', 'FETCH_REDIRECT', 302],
    ['missing', 'FETCH_HTTP_STATUS', 404],
    ['big', 'FETCH_TOO_LARGE', 200],
    ['html', 'FETCH_NOT_JSON', 200],
  ];
  for (const [path, code, status] of cases) {
    const { result, requests } = await fetched(`${base}/${path}`);
    assert.deepEqual(codes(result), [code], path);
    assert.deepEqual(requests, [`GET /${path}/.well-known/openid-configuration`], `${path}: not followed, not retried`);
    assert.equal(result.requests[0].status, status, path);
    assert.equal(result.keys, null, path);
  }
  const slow = await fetched(`${base}/slow`, { timeoutMs: 300 });
  assert.deepEqual(codes(slow.result), ['FETCH_TIMEOUT']);
  assert.equal(slow.result.requests[0].status, undefined);
  const empty = await fetched(`${base}/empty`);
  assert.deepEqual(codes(empty.result), ['FETCH_JWKS_URI', 'FETCH_NO_KEYS']);
  const unknown = await fetched('nothing to fetch here');
  assert.deepEqual([codes(unknown.result), unknown.requests], [['FETCH_SOURCE_UNKNOWN'], []]);
  const insecure = await fetched('http://op.example');
  assert.deepEqual([codes(insecure.result), insecure.requests], [['FETCH_INSECURE_URL'], []]);
  const down = await fetched('http://127.0.0.1:9/op');
  assert.deepEqual(codes(down.result), ['FETCH_NETWORK']);
  await assert.rejects(fetchIssuerKeys(42), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_ARGUMENT');
});

test('the keys fetched verify the token they were fetched for', async () => {
  const { result } = await fetched(`${base}/op`);
  const r = inspect(jws({ alg: 'RS256', kid: 'k1' }, { iss: `${base}/op` }), { keys: result.jwks });
  assert.equal(r.keys.keys[0].kid, 'k1');
  assert.equal(r.verifications[0].valid, false, 'a made-up signature does not verify');
  assert.equal(r.verifications[0].attempts[0].tried, true, 'the fetched key was used');
});

test('planIssuerKeys states the first URL fetchIssuerKeys requests, and requests nothing itself', async () => {
  seen.length = 0;
  const cognito = planIssuerKeys('us-east-1_AbC123');
  assert.deepEqual(cognito, {
    issuer: { issuer: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123', from: 'userPoolId', unverified: false },
    url: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123/.well-known/jwks.json', discovery: false, findings: [],
  });
  const token = jws({ alg: 'RS256', kid: 'k1' }, { iss: `${base}/op`, sub: 'u' });
  const fromToken = planIssuerKeys(token);
  assert.equal(fromToken.url, `${base}/op/.well-known/openid-configuration`);
  assert.equal(fromToken.discovery, true);
  assert.deepEqual(codes(fromToken), ['FETCH_ISSUER_UNVERIFIED']);
  assert.deepEqual(codes(planIssuerKeys('http://example.com/op')), ['FETCH_INSECURE_URL']);
  assert.equal(planIssuerKeys('not an issuer').url, undefined ?? null);
  assert.deepEqual(seen, []);
  // The plan's URL is the request made.
  const { requests } = await fetched(token);
  assert.equal(requests[0], `GET ${new URL(fromToken.url).pathname}`);
});
