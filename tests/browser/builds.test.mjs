// The two builds and the server: the single file works from file:// with no network at all, the folder works from
// a sub-path, a folder opened from disk or a .wasm that cannot load says so visibly, and the server compresses,
// caches by content hash and sends the security headers.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';
import { paste, repo, requireBuild, serve, violations } from './helpers.mjs';
import { jws } from '../js/tokens.mjs';

let context;

before(async () => {
  await requireBuild();
  context = await launch();
});

after(async () => {
  await context?.close();
});

const HS_TOKEN = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.ZbPiInDeTyoXQXYqASeWZhLzYSbv2noODH_lFVn4iss';
const HS_SECRET = 'a-string-secret-at-least-256-bits-long';

async function tracked(url) {
  const page = await context.newPage();
  const requests = [];
  const errors = [];
  page.on('request', (r) => requests.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  return { page, requests, errors };
}

test('the single file decodes and verifies from file:// with no request at all', async () => {
  const url = pathToFileURL(`${repo}dist/jwtlens.html`).href;
  const { page, requests, errors } = await tracked(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /connect-src 'none'/);
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(csp, /unsafe-inline|'self'/);
  await page.click('#keys-box summary');
  await page.fill('#keys', HS_SECRET);
  await page.fill('#token', `Bearer ${HS_TOKEN}`);
  await page.waitForSelector('#signature .decision-line');
  assert.match(await page.textContent('#signature .decision-line'), /^Valid\s*HS256, key 1$/);
  assert.match(await page.textContent('pre.json.payload'), /"sub": "1"/);
  // A big paste goes to the Worker, which the single file starts from its inlined code.
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const many = Array.from({ length: 200 }, (_, i) => jws({ alg: 'HS256' }, { sub: `u${i}`, pad: 'p'.repeat(300), exp: 4102444800 })).join('\n');
  assert.ok(many.length > 64 * 1024);
  await paste(page, many);
  assert.equal((await page.evaluate(() => document.querySelector('jwt-lens').result)).tokenCount, 200);
  assert.deepEqual(workers.map((u) => u.split(':')[0]), ['blob']);
  assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), [], 'no network request');
  assert.deepEqual(requests.filter((u) => u.startsWith('file:')), [url], 'only the file itself');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(errors, []);
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
});

test('the folder build works from a sub-path; every request stays under it', async () => {
  const { server, url } = await serve('/tools/jwtlens/');
  try {
    const { page, requests, errors } = await tracked(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
    await page.fill('#token', HS_TOKEN);
    await page.waitForSelector('pre.json.payload');
    // A big paste: the Worker is loaded from the sub-path too.
    const many = Array.from({ length: 200 }, (_, i) => jws({ alg: 'HS256' }, { sub: `u${i}`, pad: 'p'.repeat(300), exp: 4102444800 })).join('\n');
    await paste(page, many);
    assert.equal((await page.evaluate(() => document.querySelector('jwt-lens').result)).tokenCount, 200);
    for (const u of requests) assert.ok(u.startsWith(url), `outside the sub-path: ${u}`);
    assert.ok(requests.some((u) => /worker-[\w-]+\.js$/.test(u)), 'the Worker came from the folder');
    assert.deepEqual(await violations(page), []);
    assert.deepEqual(errors, []);
  } finally {
    server.close();
  }
});

test('the folder build opened from disk says why it cannot work', async () => {
  const { page } = await tracked(pathToFileURL(`${repo}dist/page/index.html`).href);
  await page.waitForSelector('#boot.error');
  assert.match(await page.textContent('#boot'), /opened from a file.*jwtlens\.html/);
  assert.equal(await page.getAttribute('#boot', 'role'), 'alert');
});

test('a .wasm that cannot load gives a visible, specific error instead of "Loading…" forever', async () => {
  const { server, url } = await serve();
  try {
    const page = await context.newPage();
    await page.route('**/*.wasm', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
    await page.goto(url);
    await page.waitForSelector('body[data-ready="error"]', { timeout: 20_000 });
    const text = await page.textContent('#boot');
    assert.match(text, /The decoder \(WebAssembly\) could not be loaded: .+\. Check that jwtlens-decoder_bg\.wasm and jwtlens_bg\.wasm are served/);
    assert.equal(await page.isVisible('#boot'), true);
    assert.match(await page.textContent('#loading'), /could not be loaded/);
  } finally {
    server.close();
  }
});

function get(url, headers = {}) {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

test('the server: compressed, cacheable by content hash, security headers, favicon', async () => {
  const { server, url } = await serve();
  try {
    const index = await get(url, { 'accept-encoding': 'gzip, deflate, br' });
    assert.equal(index.status, 200);
    assert.equal(index.headers['content-encoding'], 'br');
    assert.equal(index.headers['cache-control'], 'no-cache');
    assert.match(index.headers['content-security-policy'], /frame-ancestors 'none'/);
    assert.match(index.headers['content-security-policy'], /default-src 'none'/);
    assert.equal(index.headers['x-content-type-options'], 'nosniff');
    assert.equal(index.headers['referrer-policy'], 'no-referrer');
    const html = (await get(url)).body.toString();
    const wasmPath = html.match(/href="\.\/(assets\/jwtlens-decoder_bg-[\w-]+\.wasm)"/)[1];
    const favicon = html.match(/rel="icon" href="\.\/(assets\/favicon-[\w-]+\.svg)"/)[1];
    const wasm = await get(url + wasmPath, { 'accept-encoding': 'br' });
    assert.equal(wasm.headers['content-encoding'], 'br');
    assert.equal(wasm.headers['content-type'], 'application/wasm');
    assert.equal(wasm.headers['cache-control'], 'public, max-age=31536000, immutable');
    const raw = await get(url + wasmPath);
    assert.equal(raw.headers['content-encoding'], undefined);
    assert.ok(wasm.body.length < raw.body.length * 0.4, `brotli ${wasm.body.length} of ${raw.body.length} bytes`);
    assert.equal((await get(url + wasmPath, { 'accept-encoding': 'gzip' })).headers['content-encoding'], 'gzip');
    const again = await get(url, { 'if-none-match': index.headers.etag, 'accept-encoding': 'br' });
    assert.equal(again.status, 304);
    const icon = await get(url + favicon);
    assert.equal(icon.headers['content-type'], 'image/svg+xml');
    assert.equal((await get(`${url}../package.json`)).status, 404);
    assert.equal((await get(`${url}assets/nothing.js`)).status, 404);
  } finally {
    server.close();
  }
});
