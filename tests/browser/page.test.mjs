// The static page in headless Chromium: it decodes a pasted token, and it is private by construction — every
// request goes to the page's own origin, none at all happens while a token is pasted and decoded, nothing lands in
// storage or the URL, and the content security policy forbids connections elsewhere.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../../scripts/serve.mjs';
import { launch } from './chromium.mjs';
import { jws } from '../js/tokens.mjs';

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
