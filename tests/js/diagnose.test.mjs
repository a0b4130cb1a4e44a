// The diagnosis through the package, imported by name: options cross from JS as JSON, `now` defaults to the
// caller's clock, and the two motivating cases plus a representative check per group come back as typed data.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inspect, codes, describeClaim, JwtlensError } from 'jwtlens';
import { jws } from './tokens.mjs';

const NOW = 1_700_000_000;
const POOL = 'us-east-1_AbC123xyz';
const ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
const ARN = `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL}`;
const CLIENT = '57cbishk4j24pabc1234567890';

const codesOf = (r) => r.findings.map((f) => f.code);
const rule = (r, id) => r.verdict.rules.find((x) => x.id === id);
const failing = (r) => r.verdict.rules.filter((x) => x.outcome === 'fail').map((x) => x.id);

const accessToken = (scope, claims = {}) =>
  jws({ kid: 'a=', alg: 'RS256' }, {
    sub: 'u-1', token_use: 'access', scope, auth_time: NOW - 60, iss: ISS, exp: NOW + 3540, iat: NOW - 60,
    jti: 'j', client_id: CLIENT, username: 'alice', ...claims,
  });
const idToken = (claims = {}) =>
  jws({ kid: 'i=', alg: 'RS256' }, {
    sub: 'u-1', aud: CLIENT, token_use: 'id', auth_time: NOW - 60, iss: ISS, 'cognito:username': 'alice',
    exp: NOW + 3540, iat: NOW - 60, ...claims,
  });

test('motivating case 1: GetUser with an access token lacking aws.cognito.signin.user.admin is denied, with the fix', () => {
  const r = inspect(accessToken('openid email profile'), { now: NOW, target: { kind: 'cognitoApi', operation: 'GetUser' } });
  assert.equal(r.verdict.decision, 'deny');
  assert.equal(r.verdict.target, 'cognitoApi');
  assert.deepEqual(failing(r), ['scope']);
  assert.equal(rule(r, 'scope').code, 'COGNITO_ADMIN_SCOPE_MISSING');
  const f = r.findings.find((x) => x.code === 'COGNITO_ADMIN_SCOPE_MISSING');
  assert.match(f.message, /Access Token does not have required scopes/);
  assert.match(f.fix, /in the authorize call/);
  assert.match(f.fix, /allow it on the app client/);
  assert.match(f.fix, /sign in again/);
  assert.match(f.fix, /pre-token-generation trigger/);
  assert.deepEqual(f.location, { token: 0, part: 'payload', member: 'scope' });
  // The same token with the scope: nothing jwtlens can see rejects it; the signature stays open until keys are
  // given, and revocation is an assumption no client can check.
  const ok = inspect(accessToken('openid aws.cognito.signin.user.admin'), { now: NOW, target: { kind: 'cognitoApi', operation: 'GetUser' } });
  assert.equal(ok.verdict.decision, 'unknown');
  assert.deepEqual(ok.verdict.rules.filter((x) => x.outcome === 'unknown').map((x) => x.id), ['signature']);
  assert.match(ok.verdict.assumptions[0], /revoked/);
  // An ID token is the wrong token type for the API.
  const id = inspect(idToken(), { now: NOW, target: { kind: 'cognitoApi', operation: 'ChangePassword' } });
  assert.ok(codesOf(id).includes('COGNITO_ID_TOKEN_FOR_API'));
});

test('motivating case 2: the REST Cognito authorizer answers 401 for the wrong token type, with the fix', () => {
  const noScopes = { now: NOW, target: { kind: 'apiGatewayRest', providerArns: [ARN] } };
  const r = inspect(accessToken('aws.cognito.signin.user.admin'), noScopes);
  assert.equal(r.verdict.decision, 'deny');
  assert.match(r.verdict.summary, /401 Unauthorized/);
  assert.deepEqual(failing(r), ['tokenType']);
  const f = r.findings.find((x) => x.code === 'APIGW_REST_ACCESS_TOKEN_WITHOUT_METHOD_SCOPES');
  assert.match(f.fix, /Send the ID token/);
  assert.match(f.fix, /add OAuth scopes to the method/);
  assert.equal(inspect(idToken(), noScopes).verdict.decision, 'unknown');

  const withScopes = { now: NOW, target: { kind: 'apiGatewayRest', providerArns: [ARN], scopes: ['https://api.example.com/read'] } };
  const id = inspect(idToken(), withScopes);
  assert.equal(id.verdict.decision, 'deny');
  assert.match(id.findings.find((x) => x.code === 'APIGW_REST_ID_TOKEN_WITH_METHOD_SCOPES').fix, /Send the access token/);
  assert.ok(codesOf(inspect(accessToken('aws.cognito.signin.user.admin'), withScopes)).includes('APIGW_REST_NO_MATCHING_SCOPE'));
  assert.equal(inspect(accessToken('https://api.example.com/read'), withScopes).verdict.decision, 'unknown');
  // What no client can see (the deployed configuration) is an assumption, not a rule.
  const assumed = inspect(idToken(), noScopes).verdict;
  assert.equal(rule({ verdict: assumed }, 'deployment'), undefined);
  assert.match(assumed.assumptions[0], /redeploy/);
});

test('REST authorizer: every failure at once, header hygiene, and the aud regex', () => {
  const other = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other99';
  const token = accessToken('x');
  const r = inspect(token, {
    now: NOW + 7200,
    target: { kind: 'apiGatewayRest', providerArns: [other], identityValidationExpression: CLIENT, headerValue: `Bearer Bearer ${token}` },
  });
  assert.deepEqual(failing(r), ['header', 'issuer', 'exp', 'tokenType', 'validationExpression']);
  for (const code of ['APIGW_HEADER_BEARER_DOUBLED', 'APIGW_REST_ISSUER_NOT_IN_POOLS', 'TIME_EXPIRED', 'APIGW_REST_VALIDATION_NO_AUD']) {
    assert.ok(codesOf(r).includes(code), code);
  }
  // A single Bearer prefix is undocumented for this authorizer: open, not an error.
  const bearer = inspect(idToken(), { now: NOW, target: { kind: 'apiGatewayRest', providerArns: [ARN], headerValue: `Bearer ${idToken()}` } });
  assert.equal(rule(bearer, 'header').outcome, 'unknown');
  assert.ok(codesOf(bearer).includes('APIGW_HEADER_BEARER_PREFIX'));
});

test('HTTP API JWT authorizer: exact issuer, aud or client_id, scope or scp', () => {
  const auth0 = jws({ alg: 'RS256', kid: 'k' }, { iss: 'https://dev-x.us.auth0.com/', aud: 'https://api', scope: 'read', iat: NOW, exp: NOW + 60 });
  const r = inspect(auth0, { now: NOW, target: { kind: 'apiGatewayHttp', issuer: 'https://dev-x.us.auth0.com', audiences: ['https://api'], scopes: ['read'] } });
  assert.deepEqual(failing(r), ['iss']);
  assert.match(r.findings.find((x) => x.code === 'APIGW_HTTP_ISSUER_MISMATCH').message, /trailing slash/);
  const cognito = { now: NOW, target: { kind: 'apiGatewayHttp', issuer: ISS, audiences: [CLIENT], scopes: ['aws.cognito.signin.user.admin'] } };
  assert.equal(inspect(accessToken('aws.cognito.signin.user.admin'), cognito).verdict.decision, 'unknown');
  assert.ok(codesOf(inspect(idToken(), cognito)).includes('APIGW_HTTP_NO_MATCHING_SCOPE'));
  const wrongAud = inspect(accessToken('x'), { now: NOW, target: { kind: 'apiGatewayHttp', issuer: ISS, audiences: ['other'] } });
  assert.match(wrongAud.findings.find((x) => x.code === 'APIGW_HTTP_AUDIENCE_MISMATCH').message, /does not have a valid audience/);
});

test('time: now defaults to the caller clock; null skips; Date and clock skew are accepted', () => {
  const old = jws({ alg: 'RS256' }, { sub: 'x', exp: NOW });
  const byDefault = inspect(old);
  assert.ok(codesOf(byDefault).includes('TIME_EXPIRED'), 'the default now is the caller clock, long after 2023');
  const exp = byDefault.diagnoses[0].catalogue.find((e) => e.name === 'exp');
  assert.equal(exp.time.iso, '2023-11-14T22:13:20Z');
  assert.match(exp.time.relative, /^expired .* ago$/);
  assert.ok(exp.time.secondsFromNow < 0);

  const skipped = inspect(old, { now: null });
  assert.deepEqual(codesOf(skipped), ['TIME_NO_NOW']);
  assert.equal(skipped.diagnoses[0].catalogue.find((e) => e.name === 'exp').time.relative, null);

  assert.deepEqual(codesOf(inspect(old, { now: new Date((NOW - 10) * 1000) })), []);
  const skew = inspect(old, { now: NOW + 30, clockSkew: 60 });
  assert.deepEqual(codesOf(skew), ['TIME_WITHIN_SKEW']);
  assert.equal(codesOf(inspect(jws({ alg: 'RS256' }, { exp: NOW * 1000 }), { now: NOW }))[0], 'TIME_MILLISECONDS');
});

test('expectations: issuer, audience, Cognito client id and pool, at_hash', () => {
  const slash = inspect(jws({ alg: 'RS256' }, { iss: 'https://dev-x.us.auth0.com/', exp: NOW + 60 }), { now: NOW, expect: { issuer: 'https://dev-x.us.auth0.com' } });
  assert.deepEqual(codesOf(slash), ['CLAIM_ISS_TRAILING_SLASH']);
  assert.equal(slash.findings[0].location.member, 'iss');
  const access = inspect(accessToken('x'), { now: NOW, expect: { audience: CLIENT, userPoolId: POOL } });
  assert.deepEqual(codesOf(access), ['COGNITO_ACCESS_TOKEN_NO_AUD'], 'a Cognito access token has no aud: never an error');
  assert.ok(codesOf(inspect(idToken(), { now: NOW, expect: { clientId: 'other' } })).includes('COGNITO_CLIENT_ID_MISMATCH'));
  assert.ok(codesOf(inspect(idToken(), { now: NOW, expect: { userPoolId: 'eu-west-1_Other1' } })).includes('COGNITO_POOL_MISMATCH'));
  // OIDC Core Appendix A.3's access token and at_hash.
  const at = 'jHkWEdUXMU1BwAsC4vtUsZwnNvTIxEl0z9K3vx5KF0Y';
  const withHash = (h) => jws({ alg: 'RS256' }, { iss: 'https://op.example', sub: 's', aud: 'c', nonce: 'n', exp: NOW + 60, iat: NOW, at_hash: h });
  assert.deepEqual(codesOf(inspect(withHash('77QmUPtjPfzWtF2AnpK9RQ'), { now: NOW, expect: { accessToken: at, nonce: 'n' } })), []);
  assert.deepEqual(codesOf(inspect(withHash('x'), { now: NOW, expect: { accessToken: at } })), ['CLAIM_AT_HASH_MISMATCH']);
});

test('OIDC relying party and RFC 8725/9068: wrong token type, azp, at+jwt', () => {
  const access = jws({ alg: 'RS256', typ: 'at+jwt' }, { iss: 'https://op.example', aud: 'web', scope: 'read', exp: NOW + 60, iat: NOW });
  const r = inspect(access, { now: NOW, target: { kind: 'oidc', issuer: 'https://op.example', clientId: 'web' } });
  assert.equal(r.verdict.decision, 'deny');
  assert.ok(codesOf(r).includes('OIDC_ACCESS_TOKEN_AS_ID_TOKEN'));
  const asAccess = inspect(idToken(), { now: NOW, expect: { tokenUse: 'access' } });
  assert.ok(codesOf(asAccess).includes('OIDC_ID_TOKEN_AS_ACCESS_TOKEN'));
  const untyped = jws({ alg: 'RS256', typ: 'JWT' }, { iss: 'https://op.example', aud: 'api', scope: 'read', exp: NOW + 60 });
  assert.ok(codesOf(inspect(untyped, { now: NOW, expect: { tokenUse: 'access' } })).includes('OIDC_TYP_NOT_AT_JWT'));
  assert.ok(!codesOf(inspect(accessToken('x'), { now: NOW, expect: { tokenUse: 'access' } })).includes('OIDC_TYP_NOT_AT_JWT'), 'not for Cognito');
});

test('other providers: detection and their classic confusions', () => {
  const tok = (claims, header = { alg: 'RS256', kid: 'k' }) => jws(header, { exp: NOW + 60, ...claims });
  const entra = inspect(tok({ iss: 'https://sts.windows.net/t/', aud: 'api://x', scp: 'read', ver: '1.0' }), { now: NOW, expect: { issuer: 'https://login.microsoftonline.com/t/v2.0' } });
  assert.deepEqual(codesOf(entra), ['ENTRA_VERSION_MISMATCH']);
  assert.equal(entra.diagnoses[0].provider.id, 'entraV1');
  assert.equal(entra.diagnoses[0].provider.tenantId, 't');
  assert.ok(codesOf(inspect(tok({ iss: 'https://sts.windows.net/t/', aud: '00000003-0000-0000-c000-000000000000' }), { now: NOW })).includes('ENTRA_GRAPH_TOKEN'));
  const keycloak = inspect(tok({ iss: 'https://sso.example.com/realms/acme', aud: 'account', azp: 'web' }), { now: NOW, expect: { issuer: 'https://sso.example.com/auth/realms/acme', clientId: 'web' } });
  assert.deepEqual(codesOf(keycloak).sort(), ['KEYCLOAK_AUTH_PREFIX', 'KEYCLOAK_CLIENT_IN_AZP']);
  assert.equal(keycloak.diagnoses[0].provider.realm, 'acme');
  const firebase = inspect(tok({ iss: 'https://securetoken.google.com/proj', aud: 'proj', sub: 'u', iat: NOW }), { now: NOW, expect: { audience: 'AIzaWebApiKey' } });
  assert.deepEqual(codesOf(firebase), ['FIREBASE_AUD_PROJECT']);
  const okta = inspect(tok({ iss: 'https://dev-1.okta.com', cid: 'c', uid: 'u', scp: ['openid'] }), { now: NOW });
  assert.deepEqual(codesOf(okta), ['OKTA_ORG_SERVER_TOKEN']);
  assert.ok(okta.diagnoses[0].catalogue.some((e) => e.name === 'scp'));
  assert.equal(describeClaim('scp', { provider: okta.diagnoses[0].provider.id }).definedBy, 'Okta');
  assert.match(describeClaim('scope', { provider: 'cognito' }).meaning, /aws\.cognito\.signin\.user\.admin/);
  assert.equal(describeClaim('kid', { part: 'header' }).definedBy, 'RFC 7515 (JWS)');
  assert.equal(describeClaim('x-custom', { part: 'header' }).definedBy, null);
});

test('a token response: each token gets its diagnosis, and the verdict is for the token to send', () => {
  const response = JSON.stringify({ id_token: idToken(), access_token: accessToken('aws.cognito.signin.user.admin') });
  const r = inspect(response, { now: NOW, target: { kind: 'cognitoApi', operation: 'GetUser' } });
  assert.deepEqual(r.diagnoses.map((d) => [d.tokenUse, d.verdict.decision]), [['id', 'deny'], ['access', 'unknown']]);
  assert.equal(r.verdict.token, 1);
  assert.equal(inspect(idToken(), { now: NOW }).verdict, null);
});

test('options are checked: a misspelt field or unknown target throws ERR_INVALID_OPTIONS', () => {
  for (const bad of [{ clockskew: 5 }, { target: { kind: 'lambda' } }, { expect: { issuers: 'x' } }, { target: { kind: 'oidc', issuer: 'x' } }]) {
    assert.throws(() => inspect('a.b.c', bad), (e) => e instanceof JwtlensError && e.code === 'ERR_INVALID_OPTIONS', JSON.stringify(bad));
  }
});

test('every code and rule id produced is declared in the types', async () => {
  const documented = new Set(codes().flatMap(([, list]) => list.map((c) => c.code)));
  const dts = await readFile(new URL('../../js/types.d.ts', import.meta.url), 'utf8');
  const ruleIds = new Set([...dts.match(/export type RuleId =([^;]+);/)[1].matchAll(/"(\w+)"/g)].map((m) => m[1]));
  assert.ok(ruleIds.size >= 20, `RuleId lists ${ruleIds.size} ids`);
  const targets = [
    { kind: 'cognitoApi', operation: 'GetUser' },
    { kind: 'apiGatewayRest', providerArns: [ARN], scopes: ['s'], identityValidationExpression: '.*', headerValue: 'x' },
    { kind: 'apiGatewayHttp', issuer: ISS, audiences: [CLIENT], scopes: ['s'] },
    { kind: 'oidc', issuer: ISS, clientId: CLIENT },
  ];
  let seen = 0;
  for (const target of targets) {
    for (const token of [idToken({ azp: 'x', nonce: 'n', at_hash: 'h' }), accessToken('s')]) {
      const r = inspect(token, { now: NOW, target, expect: { nonce: 'n', accessToken: 'a' } });
      for (const f of r.findings) assert.ok(documented.has(f.code), f.code);
      for (const x of r.verdict.rules) {
        assert.ok(ruleIds.has(x.id), `rule id ${x.id} missing from RuleId`);
        if (x.code) assert.ok(documented.has(x.code), x.code);
        seen++;
      }
    }
  }
  assert.ok(seen > 40, `only ${seen} rules seen`);
});

test('inspect with keys: the signature rule is decided, so a verdict can be allow; a wrong key denies', async () => {
  const { createHmac } = await import('node:crypto');
  const secret = 'a-string-secret-at-least-256-bits-long';
  const now = 1_700_000_000;
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const signingInput = `${b64({ alg: 'HS256' })}.${b64({ iss: 'https://issuer.example', aud: 'client-1', sub: 'u', exp: now + 600, iat: now - 60 })}`;
  const token = `${signingInput}.${createHmac('sha256', secret).update(signingInput).digest('base64url')}`;
  const target = { kind: 'oidc', issuer: 'https://issuer.example', clientId: 'client-1' };
  const good = inspect(token, { now, target, keys: secret });
  assert.equal(good.verifications.length, 1);
  assert.equal(good.verifications[0].valid, true);
  assert.equal(good.verdict.rules.find((r) => r.id === 'signature').outcome, 'pass');
  assert.equal(good.verdict.rules.filter((r) => r.outcome === 'fail').length, 0);
  const bad = inspect(token, { now, target, keys: 'another-secret-that-is-also-long-enough!' });
  assert.equal(bad.verifications[0].valid, false);
  assert.equal(bad.verdict.rules.find((r) => r.id === 'signature').outcome, 'fail');
  assert.equal(bad.verdict.decision, 'deny');
  assert.ok(bad.verifications[0].findings.some((f) => f.code === 'SIG_MISMATCH'));
  // Without keys nothing is verified and the rule stays unknown.
  const none = inspect(token, { now, target });
  assert.deepEqual(none.verifications, []);
  assert.equal(none.verdict.rules.find((r) => r.id === 'signature').outcome, 'unknown');
  assert.throws(() => inspect(token, { keys: 42 }), (e) => e.code === 'ERR_INVALID_OPTIONS' && e.message.startsWith('options.keys: '));
});
