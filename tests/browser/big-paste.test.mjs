// A 1 MB paste of 1,000 tokens must not freeze the page: it is decoded in the element's Worker and only the first
// 20 tokens are rendered. The paste is made as the issue measures it: `value` set and an `input` event dispatched
// (Playwright's fill() of 1 MB is itself one ~2.9 s task in Chromium, whatever the page does). The longest main-
// thread task is printed; what is asserted is the structure: a Worker decodes, the DOM stays small.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './chromium.mjs';
import { openPage, serve } from './helpers.mjs';
import { jws } from '../js/tokens.mjs';

let server;
let url;
let context;

before(async () => {
  ({ server, url } = await serve());
  context = await launch();
});

after(async () => {
  await context?.close();
  server?.close();
});

/** 1,000 Cognito-like access tokens of about 1,000 characters each, one per line. */
export function bigPaste(count = 1000) {
  const t = 1767222000;
  return Array.from({ length: count }, (_, i) => jws({ kid: `key-${i % 2}`, alg: 'RS256' }, {
    sub: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, token_use: 'access', scope: 'openid email',
    iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_EXAMPLE', client_id: '1example2client3id4abcdefg',
    username: `user-${i}`, jti: `jti-${i}`, iat: t, auth_time: t, exp: t + 3600, note: 'n'.repeat(165),
  }, 'A'.repeat(342))).join('\n');
}

/** In the page: starts collecting long tasks, pastes `text` and resolves with timings once the result is shown. */
function measuredPaste(page, text) {
  return page.evaluate((input) => new Promise((resolve) => {
    const lens = document.querySelector('jwt-lens');
    const area = lens.shadowRoot.getElementById('token');
    const long = [];
    const observer = new PerformanceObserver((list) => long.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: 'longtask' });
    const start = performance.now();
    lens.addEventListener('jwtlens-result', () => {
      const shown = performance.now() - start;
      // Let the render's layout and paint (and their long tasks, if any) happen before reading.
      setTimeout(() => {
        observer.disconnect();
        resolve({ handler, shown, long, nodes: lens.shadowRoot.querySelectorAll('*').length });
      }, 1000);
    }, { once: true });
    area.value = input;
    const before = performance.now();
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const handler = performance.now() - before;
  }), text);
}

test('a 1 MB paste of 1,000 tokens is decoded in a Worker and rendered lazily; typing afterwards stays cheap', async () => {
  const { page, log } = await openPage(context, url);
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const input = bigPaste();
  assert.ok(input.length > 1_000_000 && input.length < 1_100_000, `${input.length} characters`);

  const paste = await measuredPaste(page, input);
  assert.equal(workers.length, 1, 'decoded in a Worker');
  assert.match(workers[0], /worker-[\w-]+\.js$/);
  const result = await page.evaluate(() => document.querySelector('jwt-lens').result);
  assert.equal(result.tokenCount, 1000);
  assert.equal(await page.locator('article.token').count(), 20, 'only the first 20 tokens are rendered');
  assert.match(await page.textContent('.more'), /980 more tokens not shown/);
  assert.ok(paste.nodes < 15_000, `${paste.nodes} elements in the shadow root`);

  // One more character typed at the end: decoded again in the Worker, the main thread only renders.
  const typed = await measuredPaste(page, `${input}x`);
  assert.equal(workers.length, 1, 'the same Worker');
  const longest = (m) => Math.max(0, ...m.long).toFixed(0);
  console.log(`1 MB paste (${input.length} characters, 1,000 tokens): input handler ${paste.handler.toFixed(1)} ms, result shown after ${paste.shown.toFixed(0)} ms, `
    + `longest main-thread task ${longest(paste)} ms (${paste.long.length} long tasks); a keystroke afterwards: handler ${typed.handler.toFixed(1)} ms, `
    + `longest task ${longest(typed)} ms; ${paste.nodes} elements`);
  assert.deepEqual(log.errors, []);
});
