// The key box in Chromium: key files (chosen or dropped, text or DER bytes, never uploaded) and "Fetch keys from the
// issuer" against an issuer this test serves on 127.0.0.1 (never the internet). Nothing is requested before the
// click; the URL stated is the first URL requested; the issuer sees a GET with no cookie, no referrer and nothing of
// the token; failures show the finding's message and fix; the single-file build, a host policy and `no-fetch`
// each keep the request from happening.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createServer } from 'node:http';
import { pathToFileURL } from 'node:url';
import { launch } from './chromium.mjs';
import { axeSource, openPage, paste, repo, serve, violations } from './helpers.mjs';
import { b64u } from '../js/tokens.mjs';
import { generateKeyPair } from '../js/keys.mjs';

const pair = generateKeyPair('ec', { namedCurve: 'P-256' });
const JWKS = JSON.stringify({ keys: [{ ...pair.publicKey.export({ format: 'jwk' }), kid: 'issuer-key', alg: 'ES256', use: 'sig' }] });

/** A compact ES256 JWS signed with `privateKey`. */
function es256(payload, privateKey = pair.privateKey, header = { alg: 'ES256', kid: 'issuer-key' }) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(payload))}`;
  const signature = crypto.sign('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${input}.${signature}`;
}

// A minimal DER writer, enough for a self-signed X.509 certificate (RFC 5280 §4.1) around an EC P-256 key.
const derLength = (n) => (n < 0x80 ? [n] : n < 0x100 ? [0x81, n] : [0x82, n >> 8, n & 0xff]);
const tlv = (tag, ...parts) => {
  const body = Buffer.concat(parts.map((p) => Buffer.from(p)));
  return Buffer.concat([Buffer.from([tag, ...derLength(body.length)]), body]);
};
const seq = (...parts) => tlv(0x30, ...parts);
const ECDSA_SHA256 = seq(tlv(0x06, [0x2a, 0x86, 0x48, 0xce, 0x3d, 0x04, 0x03, 0x02]));
const utcTime = (date) => tlv(0x17, Buffer.from(`${date.toISOString().slice(2, 19).replace(/[-T:]/g, '')}Z`));

/** A self-signed certificate of `keys.publicKey`, valid from yesterday for a year, as DER. */
function certificate(keys) {
  const name = seq(tlv(0x31, seq(tlv(0x06, [0x55, 0x04, 0x03]), tlv(0x0c, Buffer.from('jwtlens test issuer')))));
  const day = 86_400_000;
  const tbs = seq(tlv(0xa0, tlv(0x02, [2])), tlv(0x02, [0x01, 0x23]), ECDSA_SHA256, name,
    seq(utcTime(new Date(Date.now() - day)), utcTime(new Date(Date.now() + 365 * day))), name,
    keys.publicKey.export({ type: 'spki', format: 'der' }));
  const signature = crypto.sign('sha256', tbs, { key: keys.privateKey, dsaEncoding: 'der' });
  const der = seq(tbs, ECDSA_SHA256, tlv(0x03, [0], signature));
  // Node reads it and its signature checks out: a real certificate, not just bytes.
  assert.equal(new crypto.X509Certificate(der).verify(keys.publicKey), true);
  return der;
}

// The issuer: a discovery document naming its key set, and the ways fetching can fail. Every request is recorded
// with all its headers. Real issuers allow cross-origin reads of these documents; /nocors/ does not.
const seen = [];
let issuer;
let base;
const cors = { 'access-control-allow-origin': '*' };
const routes = {
  '/op/.well-known/openid-configuration': (res) => res.writeHead(200, { ...cors, 'content-type': 'application/json' })
    .end(JSON.stringify({ issuer: `${base}/op`, jwks_uri: `${base}/op/keys` })),
  '/op/keys': (res) => res.writeHead(200, { ...cors, 'content-type': 'application/json' }).end(JWKS),
  '/html/.well-known/openid-configuration': (res) => res.writeHead(200, { ...cors, 'content-type': 'text/html' }).end('<html>sign in</html>'),
  '/nocors/.well-known/openid-configuration': (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{}'),
  '/slow/.well-known/openid-configuration': (res) => setTimeout(() => res.writeHead(404, cors).end(), 1000),
};

let server;
let url;
let context;

before(async () => {
  issuer = createServer((req, res) => {
    seen.push({ method: req.method, url: req.url, headers: req.headers });
    (routes[req.url] ?? ((r) => r.writeHead(404, cors).end('not found')))(res);
  });
  await new Promise((resolve) => issuer.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${issuer.address().port}`;
  ({ server, url } = await serve());
  context = await launch();
  // A cookie the issuer's host would receive with any credentialed request: the fetch must not send it.
  await context.addCookies([{ name: 'session', value: 'cookie-secret', url: base }]);
  assert.equal((await context.cookies(base)).length, 1);
});

after(async () => {
  await context?.close();
  server?.close();
  issuer?.close();
});

const shadow = (page, id) => page.evaluate((x) => document.querySelector('jwt-lens').shadowRoot.getElementById(x)?.textContent ?? null, id);
const outside = (log) => log.requests.filter((u) => !u.startsWith(url));

test('nothing is requested before the click; then exactly the stated URL and the jwks_uri, with nothing of the token', async () => {
  const { page, log } = await openPage(context, url);
  const token = es256({ iss: `${base}/op`, sub: 'secret-user-42', exp: Math.floor(Date.now() / 1000) + 600 });
  seen.length = 0;
  await paste(page, `Bearer ${token}`);
  await page.click('#keys-box summary');
  await page.waitForSelector('#fetch-keys-button:visible');
  const stated = await page.textContent('#fetch-keys-url');
  assert.equal(stated, `${base}/op/.well-known/openid-configuration`);
  assert.match(await page.textContent('#fetch-keys-plan'), /^Requests GET \S+, then the jwks_uri it names\. Sends nothing of the token but the issuer in this URL: no cookies, no referrer\.$/);
  // The issuer came from the token itself: said so before anything is fetched.
  assert.match(await page.textContent('#fetch-keys-unverified'), /token's own iss, which nothing has verified/);
  assert.equal(await page.locator('#signature .decision-line').count(), 0, 'no key yet, no verdict');
  assert.deepEqual(outside(log), [], 'no request but the page\'s own before the click');
  assert.deepEqual(seen, []);

  const before = log.requests.length;
  // A double click makes one fetch: the button is disabled while it runs.
  await page.dblclick('#fetch-keys-button');
  await page.waitForSelector('#signature .decision-line.valid');
  assert.match(await page.textContent('#signature .decision-line'), /^Valid\s*ES256, key 1, kid issuer-key$/);
  assert.equal(await page.inputValue('#keys'), JWKS, 'the key box holds the key set as fetched');
  const made = log.requests.slice(before);
  assert.equal(made[0], stated, 'the first request is the URL stated');
  assert.deepEqual(made, [stated, `${base}/op/keys`]);
  assert.deepEqual(seen.map((r) => `${r.method} ${r.url}`), ['GET /op/.well-known/openid-configuration', 'GET /op/keys']);
  for (const r of seen) {
    assert.equal(r.headers.cookie, undefined, 'no cookie');
    assert.equal(r.headers.referer, undefined, 'no referrer');
    assert.equal(r.headers.authorization, undefined);
  }
  const sent = JSON.stringify(seen);
  for (const secret of [...token.split('.'), 'secret-user-42', 'cookie-secret']) assert.ok(!sent.includes(secret), `sent: ${secret}`);
  // The requests made, listed with their statuses; the summary announced.
  assert.deepEqual(await page.locator('#fetch-keys-details ol.requests li').allTextContents(),
    [`GET ${stated} — HTTP 200`, `GET ${base}/op/keys — HTTP 200`]);
  assert.match(await shadow(page, 'fetch-keys-status'), /^Fetched 1 key \(1 usable\) from http:\/\/127\.0\.0\.1:\d+\/op\/keys: now in the key box/);
  assert.equal(await page.getAttribute('#fetch-keys-status', 'role'), 'status');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(log.errors, []);

  // Accessible in both themes with the key box open and the fetch result shown.
  await page.evaluate(await axeSource());
  for (const theme of ['light', 'dark']) {
    if (await page.getAttribute('jwt-lens', 'theme') !== theme) await page.click('#theme');
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`), [], theme);
  }
  // Long URLs wrap: no horizontal scrolling on a phone.
  await page.setViewportSize({ width: 360, height: 740 });
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(w[0] <= w[1], `horizontal overflow at 360 px: ${w}`);
});

test('a failing fetch shows the finding, its message and its fix; the key box stays as it was', async () => {
  const { page } = await openPage(context, url);
  await page.click('#keys-box summary');
  const cases = [
    ['missing', 'FETCH_HTTP_STATUS', /answered HTTP 404\./, /Check the issuer's URL/],
    ['html', 'FETCH_NOT_JSON', /is not JSON\./, /serves something else/],
    // No CORS: the browser refuses to show the answer; the fix says to paste the keys from the URL instead.
    ['nocors', 'FETCH_NETWORK', /could not be fetched: .*\(CORS\)/, /Open the URL in your browser and paste what it returns as the keys/],
  ];
  let ran = 0;
  for (const [path, code, message, fix] of cases) {
    await paste(page, es256({ iss: `${base}/${path}`, sub: 'u' }));
    await page.waitForFunction((p) => document.querySelector('jwt-lens').shadowRoot.getElementById('fetch-keys-url')?.textContent.includes(`/${p}/`), path);
    assert.equal(await shadow(page, 'fetch-keys-status'), '', 'the result of another issuer is not shown');
    await page.click('#fetch-keys-button');
    await page.waitForFunction(() => /^No keys were fetched/.test(document.querySelector('jwt-lens').shadowRoot.getElementById('fetch-keys-status').textContent));
    const finding = page.locator(`#fetch-keys-details li.finding[data-code="${code}"]`);
    assert.equal(await finding.count(), 1, code);
    assert.match(await finding.locator('.message').textContent(), message);
    assert.match(await finding.locator('.fix').textContent(), fix);
    assert.match(await shadow(page, 'fetch-keys-status'), message, 'the status line names what went wrong');
    assert.equal(await page.inputValue('#keys'), '');
    assert.equal(await page.isEnabled('#fetch-keys-button'), true);
    ran += 1;
  }
  assert.equal(ran, 3);

  // While a request runs: busy, the button disabled and saying so, the URL being requested announced.
  await paste(page, es256({ iss: `${base}/slow`, sub: 'u' }));
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('fetch-keys-url')?.textContent.includes('/slow/'));
  await page.click('#fetch-keys-button');
  assert.equal(await page.isDisabled('#fetch-keys-button'), true);
  assert.equal(await page.textContent('#fetch-keys-button'), 'Fetching keys…');
  assert.equal(await page.getAttribute('#fetch-keys', 'aria-busy'), 'true');
  assert.equal(await shadow(page, 'fetch-keys-status'), `Requesting ${base}/slow/.well-known/openid-configuration…`);
  await page.waitForSelector('#fetch-keys-details li.finding[data-code="FETCH_HTTP_STATUS"]');
  assert.equal(await page.isEnabled('#fetch-keys-button'), true);
  assert.equal(await page.getAttribute('#fetch-keys', 'aria-busy'), null);
});

test('the single-file build shows no button but a sentence naming the URL, and requests nothing', async () => {
  const file = pathToFileURL(`${repo}dist/jwtlens.html`).href;
  const page = await context.newPage();
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(file);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  seen.length = 0;
  await paste(page, es256({ iss: `${base}/op`, sub: 'u' }));
  await page.click('#keys-box summary');
  await page.waitForSelector('#fetch-keys-offline:visible');
  assert.equal(await page.locator('#fetch-keys-button').isVisible(), false);
  assert.equal(await page.textContent('#fetch-keys-offline'), `This copy of jwtlens makes no network requests at all. To verify with the issuer's keys, open ${base}/op/.well-known/openid-configuration in your browser, then the jwks_uri it names, and paste that key set here.`);
  assert.deepEqual(requests.filter((u) => !/^(file|blob|data):/.test(u)), [], 'no network request');
  assert.deepEqual(seen, []);
});

test('a host policy that forbids the request: the browser never sends it, FETCH_NETWORK is shown', async () => {
  const page = await context.newPage();
  // The same page under a policy without the issuer (connect-src 'self'), in its header and its meta tag.
  await page.route(url, async (route) => {
    const response = await route.fetch();
    const strict = (csp) => csp.replace(/connect-src [^;]+/, "connect-src 'self'");
    const body = (await response.text()).replace(/(http-equiv="Content-Security-Policy" content=")([^"]+)/, (_, a, csp) => a + strict(csp));
    await route.fulfill({ response, body, headers: { ...response.headers(), 'content-security-policy': strict(response.headers()['content-security-policy']) } });
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20_000 });
  seen.length = 0;
  await paste(page, es256({ iss: `${base}/op`, sub: 'u' }));
  await page.click('#keys-box summary');
  await page.click('#fetch-keys-button');
  await page.waitForSelector('#fetch-keys-details li.finding[data-code="FETCH_NETWORK"]');
  assert.deepEqual(seen, [], 'the issuer received nothing');
  // Reported once per policy in force (the header's and the meta tag's).
  const refused = await violations(page);
  assert.ok(refused.length > 0);
  for (const v of refused) assert.match(v, /^connect-src http:\/\/127\.0\.0\.1:\d+\/op\/\.well-known\/openid-configuration$/);
  assert.deepEqual(await page.locator('#fetch-keys-details ol.requests li').allTextContents(),
    [`GET ${base}/op/.well-known/openid-configuration — no answer`]);
});

test('no-fetch hides the feature; removing it brings the button back', async () => {
  const { page, log } = await openPage(context, url);
  await page.evaluate(() => document.querySelector('jwt-lens').setAttribute('no-fetch', ''));
  assert.equal(await page.evaluate(() => document.querySelector('jwt-lens').noFetch), true);
  await paste(page, es256({ iss: `${base}/op`, sub: 'u' }));
  await page.click('#keys-box summary');
  assert.equal(await page.locator('#fetch-keys').isHidden(), true);
  assert.equal(await page.locator('#fetch-keys-offline').isHidden(), true);
  assert.doesNotMatch(await page.locator('#keys-box').innerText(), /Fetch keys|network requests/);
  await page.evaluate(() => { document.querySelector('jwt-lens').noFetch = false; });
  await page.waitForSelector('#fetch-keys-button:visible');
  assert.deepEqual(outside(log), []);
});

test('key files: DER SPKI and a DER certificate verify as bytes (also in the Worker), PEM fills the box, size capped', async () => {
  const { page, log } = await openPage(context, url);
  const signer = generateKeyPair('ec', { namedCurve: 'P-256' });
  const token = es256({ sub: 'file-user', exp: 4102444800 }, signer.privateKey, { alg: 'ES256' });
  await paste(page, token);
  await page.click('#keys-box summary');
  // Valid, with the key read as `format` (the attempt names it): each step waits for its own key's verdict.
  const valid = (format) => page.waitForFunction((f) => {
    const sig = document.querySelector('jwt-lens').shadowRoot.getElementById('signature');
    return sig.querySelector('.decision-line.valid') && sig.querySelector('li.attempt')?.textContent.includes(f);
  }, format);
  const notVerified = () => page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.querySelector('#signature .badge')?.textContent === 'Not verified');

  // DER SPKI, chosen with the file input: kept as bytes, the textarea a read-only note.
  const spki = signer.publicKey.export({ type: 'spki', format: 'der' });
  await page.setInputFiles('#key-file', { name: 'signer.der', mimeType: 'application/octet-stream', buffer: spki });
  await valid('spki');
  assert.equal(await page.getAttribute('#keys', 'readonly'), '');
  assert.match(await page.inputValue('#keys'), new RegExp(`^Key file signer\\.der \\(${spki.length} bytes, binary DER\\): read in this page, not uploaded\\.`));
  const held = await page.evaluate(() => { const k = document.querySelector('jwt-lens').keys; return [k instanceof Uint8Array, k.length]; });
  assert.deepEqual(held, [true, spki.length]);
  // A big paste is decoded in the Worker: the bytes reach it and verify there too.
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const big = es256({ sub: 'file-user', pad: 'p'.repeat(70_000), exp: 4102444800 }, signer.privateKey, { alg: 'ES256' });
  await paste(page, big);
  await valid('spki');
  assert.equal(workers.length, 1, 'decoded in the Worker');
  await paste(page, token);
  // Removed: the textarea is editable and empty again, the signature unchecked.
  await page.click('#remove-key-file');
  assert.equal(await page.getAttribute('#keys', 'readonly'), null);
  assert.equal(await page.inputValue('#keys'), '');
  await page.waitForFunction(() => !document.querySelector('jwt-lens').shadowRoot.querySelector('#signature .decision-line'));

  // A DER certificate of another key: read, and it does not verify; then one of the signer's key: it does.
  await page.setInputFiles('#key-file', { name: 'other.cer', mimeType: 'application/pkix-cert', buffer: certificate(generateKeyPair('ec', { namedCurve: 'P-256' })) });
  await notVerified();
  await page.setInputFiles('#key-file', { name: 'signer.cer', mimeType: 'application/pkix-cert', buffer: certificate(signer) });
  await valid('x509');

  // A PEM file dropped on the textarea fills it with its text, which verifies like pasted text.
  const pem = signer.publicKey.export({ type: 'spki', format: 'pem' });
  await page.evaluate((text) => {
    const area = document.querySelector('jwt-lens').shadowRoot.getElementById('keys');
    const data = new DataTransfer();
    data.items.add(new File([text], 'signer.pem', { type: 'application/x-pem-file' }));
    area.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  }, pem);
  await page.waitForFunction((text) => document.querySelector('jwt-lens').shadowRoot.getElementById('keys').value === text, pem);
  assert.equal(await page.getAttribute('#keys', 'readonly'), null);
  await valid('spki');
  assert.match(await page.textContent('#key-file-status'), /^Read signer\.pem \(\d+ bytes\) into the box\. It stays in this page\.$/);

  // Over 1 MiB: not read, and said why; the key box keeps its key.
  await page.setInputFiles('#key-file', { name: 'huge.pem', mimeType: 'text/plain', buffer: Buffer.alloc(1024 * 1024 + 1, 0x41) });
  await page.waitForFunction(() => /huge\.pem was not read/.test(document.querySelector('jwt-lens').shadowRoot.getElementById('key-file-status').textContent));
  assert.match(await page.textContent('#key-file-status'), /it is 1,048,577 bytes, and a key file may be at most 1,048,576 bytes/);
  assert.equal(await page.inputValue('#keys'), pem);
  assert.deepEqual(outside(log), [], 'files are never uploaded: no request');
  assert.deepEqual(log.errors, []);
});
