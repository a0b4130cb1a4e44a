// Verdicts that answer, with real signatures: every target reaches `allow` for a signed token of the right type and
// scopes with its JWKS, denies the wrong ones with the rule and code that decide, and with no target given the
// paste alone answers for every service the token makes plausible.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSign } from 'node:crypto';
import { inspect } from 'jwtlens';
import { b64u } from './tokens.mjs';
import { generateKeyPair } from './keys.mjs';

const NOW = 1_700_000_000;
const POOL = 'us-east-1_AbC123xyz';
const ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const ARN = `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL}`;
const CLIENT = '57cbishk4j24pabc1234567890';
const ADMIN = 'aws.cognito.signin.user.admin';

const pool = generateKeyPair('rsa', { modulusLength: 2048 });
const other = generateKeyPair('rsa', { modulusLength: 2048 });
const JWKS = JSON.stringify({
  keys: [
    { ...pool.publicKey.export({ format: 'jwk' }), kid: 'pool-1', alg: 'RS256', use: 'sig' },
    { ...other.publicKey.export({ format: 'jwk' }), kid: 'pool-2', alg: 'RS256', use: 'sig' },
  ],
});

/** A compact RS256 token signed with the pool's key (header kid pool-1 unless told otherwise). */
function sign(claims, header = {}) {
  const input = `${b64u(JSON.stringify({ kid: 'pool-1', alg: 'RS256', ...header }))}.${b64u(JSON.stringify(claims))}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(pool.privateKey).toString('base64url')}`;
}

const times = { auth_time: NOW - 60, iat: NOW - 60, exp: NOW + 3540 };
const access = (scope, extra = {}) => sign({ sub: 'u-1', token_use: 'access', scope, iss: ISS, client_id: CLIENT, username: 'alice', jti: 'j', origin_jti: 'o', ...times, ...extra });
const id = (extra = {}) => sign({ sub: 'u-1', token_use: 'id', aud: CLIENT, iss: ISS, 'cognito:username': 'alice', origin_jti: 'o', ...times, ...extra });
const oidcId = (extra = {}) => sign({ iss: 'https://op.example', sub: 'u1', aud: 'web', nonce: 'n1', ...times, ...extra }, { typ: 'JWT' });

const judge = (token, target, extra = {}) => inspect(token, { now: NOW, keys: JWKS, target, ...extra });
const failing = (r) => r.verdict.rules.filter((x) => x.outcome === 'fail').map((x) => x.id);
const open = (r) => r.verdict.rules.filter((x) => x.outcome === 'unknown').map((x) => x.id);

const TARGETS = {
  getUser: { kind: 'cognitoApi', operation: 'GetUser' },
  restNoScopes: { kind: 'apiGatewayRest', providerArns: [ARN] },
  restScopes: { kind: 'apiGatewayRest', providerArns: [ARN], scopes: ['https://api.example.com/read'] },
  http: { kind: 'apiGatewayHttp', issuer: ISS, audiences: [CLIENT], scopes: ['https://api.example.com/read'] },
  oidc: { kind: 'oidc', issuer: 'https://op.example', clientId: 'web' },
  api: { kind: 'resourceServer', issuer: 'https://op.example', audience: 'https://api.example.com', scopes: ['read'], requireAtJwt: true },
};

test('allow is reached for every target with a valid token of the right type and scopes, assuming what no one can see', () => {
  const cases = [
    ['getUser', access(`openid ${ADMIN}`)],
    ['restNoScopes', id()],
    ['restScopes', access('openid https://api.example.com/read')],
    ['http', access('https://api.example.com/read')],
    ['oidc', oidcId()],
    ['api', sign({ iss: 'https://op.example', sub: 'u1', aud: 'https://api.example.com', scope: 'read write', client_id: 'c', jti: 'j', ...times }, { typ: 'at+jwt' })],
  ];
  assert.equal(cases.length, Object.keys(TARGETS).length);
  for (const [name, token] of cases) {
    const r = judge(token, TARGETS[name], name === 'oidc' ? { expect: { nonce: 'n1' } } : {});
    assert.equal(r.verdict.decision, 'allow', `${name}: ${r.verdict.summary}\n${JSON.stringify(r.verdict.rules.filter((x) => x.outcome !== 'pass'))}`);
    assert.ok(r.verdict.rules.every((x) => x.outcome === 'pass'), name);
    assert.equal(r.verifications[0].valid, true, name);
    if (r.verdict.assumptions.length) assert.match(r.verdict.summary, /would accept this token, assuming /, name);
  }
  assert.match(judge(access(ADMIN), TARGETS.getUser).verdict.assumptions[0], /revoked/);
});

test('the HTTP API kid rule passes when the keys hold the kid, fails when they do not, and needs the keys otherwise', () => {
  const token = access('https://api.example.com/read');
  const kid = (r) => r.verdict.rules.find((x) => x.id === 'kid');
  assert.equal(kid(judge(token, TARGETS.http)).outcome, 'pass');
  const missing = judge(access('https://api.example.com/read', {}), TARGETS.http, { keys: JSON.stringify({ keys: [JSON.parse(JWKS).keys[1]] }) });
  assert.equal(kid(missing).outcome, 'fail');
  assert.equal(kid(missing).code, 'SIG_KID_NOT_FOUND');
  const unchecked = inspect(token, { now: NOW, target: TARGETS.http });
  assert.equal(kid(unchecked).outcome, 'unknown');
  assert.equal(kid(unchecked).settle, "the issuer's keys (its JWKS)");
  assert.deepEqual(open(unchecked), ['kid', 'signature']);
  assert.match(unchecked.verdict.summary, /Give the issuer's keys \(its JWKS\) to settle it\./);
});

test('denials name the deciding rule and code, with real signatures', () => {
  const cases = [
    ['getUser', access('openid email'), ['scope'], 'COGNITO_ADMIN_SCOPE_MISSING'],
    ['getUser', id(), ['tokenUse'], 'COGNITO_ID_TOKEN_FOR_API'],
    ['restNoScopes', access(ADMIN), ['tokenType'], 'APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES'],
    ['restScopes', id(), ['tokenType'], 'APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES'],
    ['restScopes', access(ADMIN), ['scope'], 'APIGW_REST_NO_MATCHING_SCOPE'],
    ['restNoScopes', id({ exp: NOW - 10 }), ['exp'], 'TIME_EXPIRED'],
    ['http', access('other'), ['scope'], 'APIGW_HTTP_NO_MATCHING_SCOPE'],
    ['oidc', oidcId({ aud: 'other' }), ['aud'], 'CLAIM_AUD_MISMATCH'],
    ['api', sign({ iss: 'https://op.example', aud: 'https://api.example.com', scope: 'read', ...times }), ['typ'], 'OIDC_TYP_NOT_AT_JWT'],
  ];
  for (const [name, token, rules, code] of cases) {
    const r = judge(token, TARGETS[name]);
    assert.equal(r.verdict.decision, 'deny', name);
    assert.deepEqual(failing(r), rules, name);
    assert.equal(r.verdict.rules.find((x) => x.id === rules[0]).code, code, name);
    assert.ok(r.findings.some((f) => f.code === code), `${name}: ${code}`);
  }
  // A signature from another key: the signature rule fails.
  const forged = `${access(ADMIN).split('.').slice(0, 2).join('.')}.${access('x').split('.')[2]}`;
  assert.deepEqual(failing(judge(forged, TARGETS.getUser)), ['signature']);
});

test('a matching signature on a token altered in transit: the signature rule says so', () => {
  const token = id();
  const wrapped = `${token.slice(0, 40)}\n${token.slice(40)}`;
  const r = judge(wrapped, TARGETS.restNoScopes);
  const signature = r.verdict.rules.find((x) => x.id === 'signature');
  assert.equal(signature.outcome, 'fail');
  assert.equal(signature.code, 'SIG_NOT_STRICT');
  assert.match(signature.detail, /matches a key supplied, but the token as sent is not the text that was signed/);
});

test('the answer from the paste alone: GetUser, the REST authorizer with and without scopes, the HTTP API', () => {
  const r = inspect(access('openid email'), { now: NOW, keys: JWKS });
  assert.equal(r.verdict, null);
  const rows = r.answers.map((a) => [a.target.kind, a.decision, a.rule ?? null, a.code ?? null]);
  assert.deepEqual(rows, [
    ['cognitoApi', 'deny', 'scope', 'COGNITO_ADMIN_SCOPE_MISSING'],
    ['apiGatewayRest', 'allow', null, null],
    ['apiGatewayRest', 'deny', 'tokenType', 'APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES'],
    ['apiGatewayHttp', 'allow', null, null],
  ]);
  const getUser = r.answers[0];
  assert.match(getUser.service, /^Cognito GetUser/);
  assert.match(getUser.reason, /aws\.cognito\.signin\.user\.admin/);
  assert.match(getUser.fix, /in the authorize call.*allow it on the app client.*sign in again/s);
  assert.deepEqual(r.answers[1].target.scopes, ['openid', 'email']);
  assert.match(r.answers[1].service, /openid email/);
  // The ID token of the same sign-in: the REST method without scopes takes it; GetUser does not.
  const idRows = inspect(id(), { now: NOW, keys: JWKS }).answers.map((a) => [a.target.kind, a.target.scopes ? 'scopes' : '', a.decision]);
  assert.deepEqual(idRows, [['apiGatewayRest', '', 'allow'], ['apiGatewayHttp', '', 'allow'], ['apiGatewayRest', 'scopes', 'deny'], ['cognitoApi', '', 'deny']]);
  // Another provider's ID token: its own relying party.
  const oidc = inspect(oidcId(), { now: NOW, keys: JWKS }).answers;
  assert.equal(oidc.length, 1);
  assert.deepEqual([oidc[0].target.kind, oidc[0].target.issuer, oidc[0].target.clientId, oidc[0].decision], ['oidc', 'https://op.example', 'web', 'allow']);
  // A token response: answers for both tokens; the answers' target passed back gives the full verdict.
  const both = inspect(JSON.stringify({ id_token: id(), access_token: access('openid') }), { now: NOW, keys: JWKS });
  assert.deepEqual([...new Set(both.answers.map((a) => a.token))], [0, 1]);
  const full = inspect(access('openid email'), { now: NOW, keys: JWKS, target: getUser.target });
  assert.equal(full.verdict.decision, 'deny');
});

test('the paste as the Authorization header, read as sent by the REST authorizer', () => {
  const token = id();
  const r = judge(`Bearer Bearer ${token}`, TARGETS.restNoScopes);
  assert.equal(r.verdict.decision, 'deny');
  const header = r.verdict.rules.find((x) => x.id === 'header');
  assert.match(header.detail, /^If your client sends exactly what was pasted, the authorizer answers 401/);
  assert.equal(header.code, 'APIGW_HEADER_BEARER_DOUBLED');
  // A curl command: the token is found inside it and its header value is the one judged.
  const curl = judge(`curl -H "Authorization: Bearer Bearer ${token}" https://api.example.com/items`, TARGETS.restNoScopes);
  assert.ok(curl.findings.some((f) => f.code === 'PASTE_TOKEN_IN_TEXT'));
  assert.equal(curl.verdict.rules.find((x) => x.id === 'header').code, 'APIGW_HEADER_BEARER_DOUBLED');
  assert.equal(curl.verifications[0].valid, true);
});

test('a JWKS URL pasted as the key is named, never fetched or used as a secret', () => {
  const r = inspect(id(), { now: NOW, keys: `${ISS}/.well-known/jwks.json`, target: TARGETS.restNoScopes });
  assert.deepEqual(r.keys.findings.map((f) => f.code), ['KEY_IS_URL']);
  assert.deepEqual(r.keys.keys, []);
  assert.equal(r.verdict.rules.find((x) => x.id === 'signature').outcome, 'unknown', 'no key was read: the signature is not decided');
});
