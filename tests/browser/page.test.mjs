// The static page in headless Chromium: it decodes a pasted token, and it is private by construction — every
// request goes to the page's own origin, none at all happens while a token is pasted and decoded, nothing lands in
// storage or the URL, and the content security policy forbids connections elsewhere.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './chromium.mjs';
import { jws } from '../js/tokens.mjs';
import { generateKeyPair } from '../js/keys.mjs';

let server;
let context;
let origin;

before(async () => {
  server = await startServer(0);
  origin = `http://127.0.0.1:${server.address().port}`;
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
});

test('the page decodes a pasted token and sends nothing anywhere', async () => {
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const loaded = requests.length;
  assert.ok(loaded >= 4, `page, script, glue and wasm load: ${requests.join(', ')}`);
  for (const url of requests) assert.ok(url.startsWith(`${origin}/`), `request outside the origin: ${url}`);

  const token = jws({ alg: 'RS256', kid: 'k' }, { sub: 'pasted-user', token_use: 'access' });
  await page.fill('#input', `Bearer Bearer ${token}`);
  await page.waitForFunction(() => document.querySelector('#tokens pre.payload')?.textContent.includes('pasted-user'));
  const findings = await page.locator('#findings code').allTextContents();
  assert.deepEqual(findings, ['PASTE_BEARER_DOUBLED', 'TIME_NO_EXP']);
  assert.equal(requests.length, loaded, `requests after paste: ${requests.slice(loaded).join(', ')}`);

  const storage = await page.evaluate(() => [localStorage.length, sessionStorage.length, location.href, document.cookie]);
  assert.deepEqual(storage, [0, 0, `${origin}/`, '']);
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /default-src 'none'/);
  assert.match(csp, /connect-src 'self'/);
  // The policy is live: a fetch elsewhere is refused by the browser before any request is made.
  const blocked = await page.evaluate(() => fetch('https://example.com/').then(() => 'sent', () => 'blocked'));
  assert.equal(blocked, 'blocked');
  assert.ok(!requests.some((u) => u.includes('example.com')));
  assert.deepEqual(errors, []);
});

test('the page simulates Cognito GetUser and explains the missing admin scope', async () => {
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  const now = Math.floor(Date.now() / 1000);
  const token = jws({ kid: 'k', alg: 'RS256' }, {
    sub: 'u', token_use: 'access', scope: 'openid email', client_id: 'abc', username: 'jane', jti: 'j',
    iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123', iat: now - 60, auth_time: now - 60, exp: now + 3000,
  });
  await page.selectOption('#target', 'cognitoApi');
  await page.fill('#input', token);
  await page.waitForSelector('#verdict .decision');
  assert.equal(await page.textContent('#verdict .decision'), 'DENY');
  const codes = await page.locator('#findings code').allTextContents();
  assert.ok(codes.includes('COGNITO_ADMIN_SCOPE_MISSING'), codes.join());
  assert.match(await page.textContent('#findings'), /aws\.cognito\.signin\.user\.admin/);
  await page.screenshot({ path: process.env.SCREENSHOT ?? '/dev/null', fullPage: true }).catch(() => {});
});

test('the page verifies with a pasted JWKS and shows which key matched', async () => {
  const { createSign } = await import('node:crypto');
  const one = generateKeyPair('ec', { namedCurve: 'P-256' });
  const two = generateKeyPair('ec', { namedCurve: 'P-256' });
  const jwks = { keys: [{ ...two.publicKey.export({ format: 'jwk' }), kid: 'other' }, { ...one.publicKey.export({ format: 'jwk' }), kid: 'signer' }] };
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const input = `${b64({ alg: 'ES256', kid: 'signer' })}.${b64({ sub: 'jwks-user' })}`;
  const signature = createSign('SHA256').update(input).sign({ key: one.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  const page = await context.newPage();
  await page.goto(`${origin}/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.click('#verify-box summary');
  await page.fill('#keys', JSON.stringify(jwks));
  await page.fill('#input', `${input}.${signature}`);
  await page.waitForSelector('#verification .decision');
  assert.match(await page.textContent('#verification .decision'), /^Valid \(ES256, key 2, kid signer\)$/);
  const rows = await page.locator('#verification tbody tr').allTextContents();
  assert.equal(rows.length, 2);
  assert.match(rows[0], /other/);
  // A tampered payload with the same keys: not verified.
  await page.fill('#input', `${input.slice(0, -2)}xx.${signature}`);
  await page.waitForFunction(() => document.querySelector('#verification .decision')?.textContent === 'Not verified');
});
