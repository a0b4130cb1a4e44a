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

// The provider presets and the ALB targets, each with a token signed as its provider signs (ES256 for the ALB).
const TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const ENTRA_API = '6e74172b-be56-4843-9ff4-e66a39bb12e3';
const ALB_ARN = 'arn:aws:elasticloadbalancing:us-west-2:123456789012:loadbalancer/app/web/50dc6c495c0c9188';
const alb = generateKeyPair('ec', { namedCurve: 'P-256' });
const PRESET_JWKS = JSON.stringify({
  keys: [...JSON.parse(JWKS).keys, { ...alb.publicKey.export({ format: 'jwk' }), kid: 'alb-1', alg: 'ES256', use: 'sig' }],
});
function signAlb(claims, header) {
  const input = `${b64u(JSON.stringify({ alg: 'ES256', kid: 'alb-1', ...header }))}.${b64u(JSON.stringify(claims))}`;
  const sig = createSign('SHA256').update(input).sign({ key: alb.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${input}.${sig}`;
}
const PRESETS = {
  entraApi: [
    { kind: 'entraApi', tenantId: TENANT, clientId: ENTRA_API, scopes: ['Orders.Read'], clients: ['web'] },
    sign({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: ENTRA_API, azp: 'web', tid: TENANT, ver: '2.0', scp: 'Orders.Read', sub: 's', ...times }, { typ: 'JWT' }),
  ],
  entraApiV1AppOnly: [
    { kind: 'entraApi', tenantId: TENANT, clientId: ENTRA_API, scopes: ['Orders.Read'], appRoles: ['Orders.Read.All'] },
    sign({ iss: `https://sts.windows.net/${TENANT}/`, aud: `api://${ENTRA_API}`, appid: 'daemon', tid: TENANT, ver: '1.0', roles: ['Orders.Read.All'], sub: 's', ...times }),
  ],
  auth0Api: [
    { kind: 'auth0Api', domain: 'dev-x.us.auth0.com', audience: 'https://api.example.com', scopes: ['read:items'], permissions: ['read:items'] },
    sign({ iss: 'https://dev-x.us.auth0.com/', sub: 'auth0|u', aud: ['https://api.example.com', 'https://dev-x.us.auth0.com/userinfo'], azp: 'spa', scope: 'openid read:items', permissions: ['read:items'], ...times }),
  ],
  oktaApi: [
    { kind: 'oktaApi', issuer: 'https://dev-1.okta.com/oauth2/default', audience: 'api://default', clients: ['0oa1'], scopes: ['orders:read'] },
    sign({ ver: 1, iss: 'https://dev-1.okta.com/oauth2/default', aud: 'api://default', cid: '0oa1', uid: '00u1', sub: 'a@example.com', scp: ['openid', 'orders:read'], jti: 'AT.1', ...times }),
  ],
  keycloakApi: [
    { kind: 'keycloakApi', realmUrl: 'https://sso.example.com/realms/acme', audience: 'orders-api', clients: ['web-app'], roles: ['user', 'orders-api:reader'] },
    sign({ iss: 'https://sso.example.com/realms/acme', aud: ['orders-api', 'account'], azp: 'web-app', typ: 'Bearer', sub: 'u', scope: 'openid', realm_access: { roles: ['user'] }, resource_access: { 'orders-api': { roles: ['reader'] } }, ...times }),
  ],
  googleIdToken: [
    { kind: 'googleIdToken', audiences: ['web.apps.googleusercontent.com', 'android.apps.googleusercontent.com'] },
    sign({ iss: 'accounts.google.com', aud: 'web.apps.googleusercontent.com', azp: 'android.apps.googleusercontent.com', sub: '1', email: 'a@example.com', ...times }, { typ: 'JWT' }),
  ],
  firebaseIdToken: [
    { kind: 'firebaseIdToken', projectId: 'my-project' },
    sign({ iss: 'https://securetoken.google.com/my-project', aud: 'my-project', sub: 'uid1', user_id: 'uid1', firebase: { sign_in_provider: 'password' }, ...times }, { typ: 'JWT' }),
  ],
  albOidc: [
    { kind: 'albOidc', albArn: ALB_ARN, clientId: 'c1', issuer: 'https://idp.example' },
    signAlb({ sub: 'u1', email: 'a@example.com', exp: NOW + 60, iss: 'https://idp.example' }, { signer: ALB_ARN, iss: 'https://idp.example', client: 'c1', exp: NOW + 60 }),
  ],
  albJwt: [
    { kind: 'albJwt', issuer: 'https://op.example', jwksEndpoint: 'https://op.example/jwks', claims: ['scope=orders:write'] },
    sign({ iss: 'https://op.example', sub: 'svc', scope: 'orders:read orders:write', ...times }),
  ],
  resourceServerLists: [
    { kind: 'resourceServer', issuers: ['accounts.google.com', 'https://op.example'], audiences: ['a', 'https://api.example.com'], scopes: ['read'], roles: ['admin'], clients: ['c'] },
    sign({ iss: 'https://op.example', sub: 'u1', aud: 'https://api.example.com', scp: ['read'], roles: ['admin'], client_id: 'c', jti: 'j', ...times }),
  ],
};

test('every provider preset and ALB target reaches allow with a real signature', () => {
  assert.equal(Object.keys(PRESETS).length, 10);
  for (const [name, [target, token]] of Object.entries(PRESETS)) {
    const r = inspect(token, { now: NOW, keys: PRESET_JWKS, target });
    assert.equal(r.verdict.decision, 'allow', `${name}: ${r.verdict.summary}\n${JSON.stringify(r.verdict.rules.filter((x) => x.outcome !== 'pass'))}`);
    assert.equal(r.verifications[0].valid, true, name);
  }
});

test("the presets deny the classic mistakes with the provider's own cause, and answers list every failing rule", () => {
  const deny = (target, token) => {
    const r = inspect(token, { now: NOW, keys: PRESET_JWKS, target });
    assert.equal(r.verdict.decision, 'deny', r.verdict.summary);
    return r.verdict.rules.filter((x) => x.outcome === 'fail').map((x) => x.code);
  };
  const [entra] = PRESETS.entraApi;
  const appOnly = sign({ iss: `https://login.microsoftonline.com/${TENANT}/v2.0`, aud: ENTRA_API, azp: 'web', ver: '2.0', roles: ['Orders.Read.All'], ...times });
  assert.deepEqual(deny(entra, appOnly), ['ENTRA_ROLES_NOT_SCP']);
  const [auth0] = PRESETS.auth0Api;
  assert.deepEqual(deny(auth0, sign({ iss: 'https://dev-x.us.auth0.com/', aud: 'https://dev-x.us.auth0.com/userinfo', scope: 'openid read:items', ...times })), ['AUTH0_NO_API_AUDIENCE', 'AUTH0_RBAC_OFF']);
  const [keycloak] = PRESETS.keycloakApi;
  assert.ok(deny(keycloak, sign({ iss: 'https://sso.example.com/realms/acme', aud: 'account', azp: 'web-app', typ: 'Bearer', scope: 'openid', realm_access: { roles: ['user'] }, ...times })).includes('KEYCLOAK_AUDIENCE_MAPPER'));
  const [alb] = PRESETS.albOidc;
  const other = signAlb({ sub: 'u1', exp: NOW + 60 }, { signer: 'arn:aws:elasticloadbalancing:us-west-2:1:loadbalancer/app/evil/1', client: 'c1', iss: 'https://idp.example', exp: NOW + 60 });
  assert.deepEqual(deny(alb, other), ['ALB_SIGNER_MISMATCH']);
  // From the paste alone, an expired hosted-UI token without the admin scope: GetUser lists both failing rules.
  const expired = inspect(access('openid email'), { now: NOW + 365 * 86400, keys: JWKS });
  const getUser = expired.answers[0];
  assert.deepEqual(getUser.failing.map((f) => f.rule), ['exp', 'scope']);
  assert.ok(getUser.failing.every((f) => f.fix), JSON.stringify(getUser.failing));
  assert.equal(getUser.provider, 'cognito');
  // A recognised provider's token is answered by its preset.
  const answers = inspect(PRESETS.entraApi[1], { now: NOW, keys: PRESET_JWKS }).answers;
  assert.deepEqual(answers.map((a) => [a.target.kind, a.decision, a.provider]), [['entraApi', 'allow', 'entraV2']]);
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
