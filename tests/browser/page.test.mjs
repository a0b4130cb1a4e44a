// The built page (dist/page/) in headless Chromium: what a user sees and can do, and that it stays private — every
// request goes to the page's own origin, none happens after load, nothing lands in storage, cookies or the URL,
// no CSP violation, and token content is only ever text.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { launch } from './chromium.mjs';
import { axeSource, openPage, paste, result, serve, shot, violations } from './helpers.mjs';
import { b64u, jws } from '../js/tokens.mjs';
import { generateKeyPair } from '../js/keys.mjs';

let server;
let url;
let context;

before(async () => {
  ({ server, url } = await serve());
  context = await launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
});

after(async () => {
  await context?.close();
  server?.close();
});

const now = () => Math.floor(Date.now() / 1000);
const clipboard = (page) => page.evaluate(() => navigator.clipboard.readText());

async function assertPrivate(page, log, loaded) {
  assert.equal(log.requests.length, loaded, `requests after load: ${log.requests.slice(loaded).join(', ')}`);
  const state = await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie, location.href, history.length]);
  assert.deepEqual(state.slice(0, 4), [0, 0, '', url]);
  // about:blank, then the page: nothing pushed since.
  assert.equal(state[4], 2, 'nothing pushed into the history');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(log.errors, []);
}

test('a pasted token is decoded and nothing is sent, stored or put in the URL', async () => {
  const { page, log } = await openPage(context, url);
  const loaded = log.requests.length;
  for (const u of log.requests) assert.ok(u.startsWith(url), `request outside the page's folder: ${u}`);
  const files = log.requests.map((u) => u.slice(url.length).replace(/-[\w-]{8}\./, '-HASH.'));
  assert.deepEqual(files.sort(), ['', 'assets/boot-HASH.js', 'assets/favicon-HASH.svg', 'assets/index-HASH.css', 'assets/index-HASH.js', 'assets/init-HASH.js', 'assets/jwtlens-decoder_bg-HASH.wasm', 'assets/jwtlens_bg-HASH.wasm'].sort(),
    'the page, its script, style, boot script, favicon, the decoder .wasm (fetched once: the preload is used) and, once idle, the full module\'s glue and .wasm');
  // The empty page opens with a prompt, not an error.
  assert.match(await page.textContent('#empty'), /Paste a token/);
  assert.equal(await page.locator('#findings').isHidden(), true);

  const token = jws({ alg: 'RS256', kid: 'k' }, { sub: 'pasted-user', token_use: 'access' });
  await page.fill('#token', `Bearer Bearer ${token}`);
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.querySelector('pre.json.payload')?.textContent.includes('pasted-user'));
  const codes = await page.locator('#findings li.finding').evaluateAll((els) => els.map((e) => e.dataset.code));
  assert.deepEqual(codes.sort(), ['PASTE_BEARER_DOUBLED', 'TIME_NO_EXP']);
  await assertPrivate(page, log, loaded);

  const csp = await page.evaluate(() => document.querySelector('meta[http-equiv="Content-Security-Policy"]').content);
  assert.match(csp, /default-src 'none'/);
  // Connections: the page's own files, and https (or http on this machine) for "Fetch keys from the issuer" only.
  assert.match(csp, /connect-src 'self' https: http:\/\/127\.0\.0\.1:\* http:\/\/localhost:\*;/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // The policy is live: a plain-http fetch elsewhere is refused by the browser before any request is made.
  const blocked = await page.evaluate(() => fetch('http://example.com/').then(() => 'sent', () => 'blocked'));
  assert.equal(blocked, 'blocked');
  assert.ok(!log.requests.some((u) => u.includes('example.com')));
  assert.deepEqual((await violations(page)).map((v) => v.split(' ')[0]), ['connect-src', 'connect-src']);
  await page.evaluate(() => window.__violations.splice(0));
  // Hostile claims are inert text.
  await paste(page, jws({ alg: 'HS256' }, { name: '<img src=x onerror="window.__pwned=1">', '<b>k</b>': 1 }));
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.locator('jwt-lens img').count(), 0);
  assert.match(await page.textContent('pre.json.payload'), /<img src=x onerror=/);
});

test('fields are empty after a reload; the theme switch is not stored', async () => {
  const { page, log } = await openPage(context, url);
  await paste(page, jws({ alg: 'HS256' }, { sub: 'x' }));
  await page.click('#theme');
  await page.reload();
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.inputValue('#token'), '');
  assert.equal(await page.getAttribute('jwt-lens', 'theme'), 'light');
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie]), [0, 0, '']);
  assert.deepEqual(log.errors, []);
});

test('the token as written: coloured segments, the exact JSON text, duplicate members marked', async () => {
  const { page } = await openPage(context, url);
  const payload = '{"sub":"a","n":12345678901234567890,"f":1.50,"2":"x","sub":"b","exp":4102444800}';
  const token = `${b64u('{"kid":"k1","alg":"RS256"}')}.${b64u(payload)}.c2ln`;
  await paste(page, token);
  assert.equal(await page.textContent('pre.json.payload'), [
    '{', '  "sub": "a",', '  "n": 12345678901234567890,', '  "f": 1.50,', '  "2": "x",', '  "sub": "b",', '  "exp": 4102444800', '}',
  ].join('\n'));
  assert.equal(await page.textContent('pre.json.header'), '{\n  "kid": "k1",\n  "alg": "RS256"\n}');
  assert.deepEqual(await page.locator('pre.json.payload .dup').allTextContents(), ['"sub"', '"sub"']);
  assert.equal(await page.locator('#findings li[data-code="JSON_DUPLICATE_MEMBER"]').count(), 1);
  // The duplicate found by the core (line/column) is marked on the repeated key.
  assert.deepEqual(await page.locator('pre.json.payload .err').allTextContents(), ['"sub"']);
  const [h, p, s] = token.split('.');
  assert.deepEqual(await page.locator('.written .seg-header').allTextContents(), [h]);
  assert.deepEqual(await page.locator('.written .seg-payload').allTextContents(), [p]);
  assert.deepEqual(await page.locator('.written .seg-signature').allTextContents(), [s]);
  assert.equal(await page.textContent('.written'), token);
  const colours = await page.evaluate(() => ['header', 'payload', 'signature'].map((part) =>
    getComputedStyle(document.querySelector('jwt-lens').shadowRoot.querySelector(`.written .seg-${part}`)).color));
  assert.equal(new Set(colours).size, 3, `three colours: ${colours}`);
  // Claims inline with their values, exact numbers included.
  const claims = await page.locator('dl.claims').first().evaluate((dl) => [...dl.querySelectorAll('dt')].map((dt) => `${dt.querySelector('.claim-name').textContent}=${dt.nextElementSibling.querySelector('.value').textContent}`));
  assert.deepEqual(claims, ['kid=k1', 'alg=RS256', 'sub=a', 'n=12345678901234567890', 'f=1.50', '2=x', 'sub=b', 'exp=4102444800']);
});

test('a finding offset is highlighted in the token as written and in the finding', async () => {
  const { page } = await openPage(context, url);
  const token = jws({ alg: 'HS256' }, { sub: 'highlight-me', exp: 4102444800 });
  const [h, p, s] = token.split('.');
  const input = `${h}.${p.slice(0, 9)}*${p.slice(10)}.${s}`;
  await paste(page, input);
  const finding = page.locator('#findings li[data-code="B64_INVALID_CHARACTER"]');
  assert.equal(await finding.count(), 1);
  assert.equal(await finding.locator('.excerpt mark').textContent(), '*');
  const id = await finding.getAttribute('data-finding');
  const mark = page.locator(`.written mark[data-finding~="${id}"]`);
  assert.equal(await mark.textContent(), '*');
  assert.match(await mark.getAttribute('class'), /seg-payload/);
  // Its position: the characters before it in the written token are exactly the input before the offset.
  const before = await mark.evaluate((m) => {
    let text = '';
    for (let n = m.previousSibling; n; n = n.previousSibling) text = n.textContent + text;
    return text;
  });
  assert.equal(before, input.slice(0, h.length + 1 + 9));
});

test('claims: meaning on hover and on keyboard focus; times in UTC, local time and relative; a timeline', async () => {
  const { page } = await openPage(context, url);
  const t = now();
  await paste(page, jws({ alg: 'RS256', kid: 'k' }, { sub: 'u', iat: t - 3600, nbf: t - 3600, auth_time: t - 7200, exp: t - 60 }));
  const name = page.locator('.claim-name', { hasText: /^exp$/ });
  const tipId = await name.getAttribute('aria-describedby');
  const tip = page.locator(`[id="${tipId}"]`);
  assert.equal(await tip.isVisible(), false);
  await name.focus();
  assert.equal(await tip.isVisible(), true, 'the meaning shows on keyboard focus');
  assert.match(await tip.textContent(), /Expiration time/);
  await page.locator('#token').focus();
  assert.equal(await tip.isVisible(), false);
  await name.hover();
  assert.equal(await tip.isVisible(), true, 'and on hover');
  const times = await name.locator('xpath=../following-sibling::dd[1]').locator('.time').allTextContents();
  assert.equal(times.length, 3, times.join(' | '));
  assert.match(times[0], /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
  assert.match(times[1], /\(your time zone\)$/);
  assert.match(times[2], /^expired 1 min( \d+ s)? ago$/);
  const labels = await page.locator('figure.timeline svg text').allTextContents();
  assert.deepEqual(labels, ['auth_time', 'iat, nbf', 'exp', 'now']);
  assert.match(await page.textContent('figure.timeline figcaption'), /It had expired at the evaluation time\./);
  assert.equal(await page.locator('figure.timeline svg').getAttribute('role'), 'img');
});

test('GetUser example, and a target chosen by keyboard: token → target → results, the verdict announced', async () => {
  const { page, log } = await openPage(context, url);
  const loaded = log.requests.length;
  await page.click('#example-getuser');
  await page.waitForSelector('pre.json.payload');
  assert.match(await page.textContent('pre.json.payload'), /"scope": "openid email"/);
  // The answer first, from the paste alone: GetUser would reject it, the scope named, the fix given — above the
  // findings and the token, before any service is chosen.
  const answers = page.locator('#answers li.answer');
  assert.equal(await answers.count(), (await result(page)).answers.length);
  assert.ok(await answers.count() >= 3);
  assert.equal(await answers.first().getAttribute('data-decision'), 'deny');
  assert.match(await answers.first().locator('.service').textContent(), /GetUser/);
  assert.match(await answers.first().locator('.reason').textContent(), /aws\.cognito\.signin\.user\.admin/);
  assert.match(await answers.first().locator('.fix').textContent(), /in the authorize call.*allow it on the app client.*sign in again/s);
  const top = await page.evaluate(() => ['answers', 'findings', 'tokens'].map((id) => document.querySelector('jwt-lens').shadowRoot.getElementById(id).getBoundingClientRect().top));
  assert.ok(top[0] < top[1] && top[1] < top[2], String(top));
  // Keyboard: from the token field, one Tab reaches the service picker.
  await page.locator('#token').focus();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.querySelector('jwt-lens').shadowRoot.activeElement?.id), 'target');
  await page.selectOption('#target', 'cognitoApi');
  await page.waitForSelector('#verdict .badge[data-decision="deny"]');
  assert.match(await page.textContent('#status'), /^Deny: /);
  assert.equal(await page.getAttribute('#status', 'role'), 'status');
  const failing = await page.locator('#verdict li.rule[data-outcome="fail"]').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(failing, ['scope']);
  assert.match(await page.textContent('#verdict li.rule[data-outcome="fail"] .fix'), /aws\.cognito\.signin\.user\.admin/);
  assert.ok((await page.locator('#findings li.finding').evaluateAll((els) => els.map((e) => e.dataset.code))).includes('COGNITO_ADMIN_SCOPE_MISSING'));
  // The verdict comes before the findings and the token, in the page as in the tab order.
  const order = await page.evaluate(() => ['verdict', 'findings', 'tokens'].map((id) => document.querySelector('jwt-lens').shadowRoot.getElementById(id).getBoundingClientRect().top));
  assert.ok(order[0] < order[1] && order[1] < order[2], String(order));
  await assertPrivate(page, log, loaded);
});

test('REST example: an ID token on a method with scopes is denied, rule by rule; incomplete settings are prompted', async () => {
  const { page } = await openPage(context, url);
  await page.click('#example-rest');
  await page.waitForSelector('#verdict .badge[data-decision="deny"]');
  assert.equal(await page.inputValue('#target'), 'apiGatewayRest');
  const failing = await page.locator('#verdict li.rule[data-outcome="fail"]').evaluateAll((els) => els.map((e) => e.dataset.rule));
  assert.deepEqual(failing, ['tokenType']);
  // Without the pool ARN the target is not judged: a prompt says what is missing, and no verdict is shown.
  await page.fill('#apiGatewayRest-providerArns', '');
  await page.waitForSelector('#prompt:visible');
  assert.match(await page.textContent('#prompt'), /user pool arn/i);
  assert.equal(await page.locator('#verdict').isHidden(), true);
  assert.equal(await page.getAttribute('#apiGatewayRest-providerArns', 'aria-invalid'), 'true');
  assert.equal((await result(page)).decision, null);
});

test('verification with a pasted JWKS shows which key matched', async () => {
  const { createSign } = await import('node:crypto');
  const one = generateKeyPair('ec', { namedCurve: 'P-256' });
  const two = generateKeyPair('ec', { namedCurve: 'P-256' });
  const jwks = { keys: [{ ...two.publicKey.export({ format: 'jwk' }), kid: 'other' }, { ...one.publicKey.export({ format: 'jwk' }), kid: 'signer' }] };
  const input = `${b64u(JSON.stringify({ alg: 'ES256', kid: 'signer' }))}.${b64u(JSON.stringify({ sub: 'jwks-user' }))}`;
  const signature = createSign('SHA256').update(input).sign({ key: one.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  const { page } = await openPage(context, url);
  await page.click('#keys-box summary');
  await page.fill('#keys', JSON.stringify(jwks));
  await page.fill('#token', `${input}.${signature}`);
  await page.waitForSelector('#signature .decision-line');
  assert.match(await page.textContent('#signature .decision-line'), /^Valid\s*ES256, key 2, kid signer$/);
  assert.equal(await page.locator('#signature li.attempt').count(), 2);
  assert.match(await page.textContent('#signature li.attempt >> nth=0'), /other/);
  await page.fill('#token', `${input.slice(0, -2)}xx.${signature}`);
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.querySelector('#signature .badge')?.textContent === 'Not verified');
});

test('copy buttons and the redacted report', async () => {
  const { page, log } = await openPage(context, url);
  const loaded = log.requests.length;
  const t = now();
  const token = jws({ alg: 'RS256', kid: 'k' }, {
    sub: 'subject-123', email: 'person@example.org', username: 'user-name-1', 'cognito:username': 'cognito-name-1', jti: 'jti-123456',
    token_use: 'id', aud: 'client-1', department: 'ticked-secret', exp: t + 600, iat: t,
  }, 'U2lnbmF0dXJlTXVzdE5vdExlYWs');
  await paste(page, token);
  await page.click('button:has-text("Copy token")');
  assert.equal(await clipboard(page), token);
  await page.click('button:has-text("Copy payload")');
  assert.match(await clipboard(page), /^\{\n {2}"sub": "subject-123",\n[^]*"department": "ticked-secret"/);
  await page.click('#report-options summary');
  await page.check('#redactions input[value="department"]');
  await page.click('#copy-report');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('note').textContent.includes('report'));
  const md = await clipboard(page);
  assert.equal(md, await page.evaluate(() => document.querySelector('jwt-lens').report()));
  assert.match(md, /^# jwtlens report/);
  for (const secret of ['subject-123', 'person@example.org', 'user-name-1', 'cognito-name-1', 'jti-123456', 'ticked-secret', 'U2lnbmF0dXJlTXVzdE5vdExlYWs', token.split('.')[1]]) {
    assert.ok(!md.includes(secret), `report leaks ${secret}`);
  }
  assert.match(md, /"aud": "client-1"/);
  assert.match(md, /Signature: removed/);
  assert.equal(log.requests.length, loaded);
  // Clear empties the fields and the results.
  await page.click('#clear');
  assert.equal(await page.inputValue('#token'), '');
  assert.equal(await page.locator('#tokens').isHidden(), true);
});

test('several tokens: labelled, an ID and an access token side by side; over 20, the rest behind "show all"', async () => {
  const { page } = await openPage(context, url);
  const t = now();
  const iss = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123';
  const id = jws({ alg: 'RS256', kid: 'a' }, { sub: 's', aud: 'c', token_use: 'id', iss, iat: t, exp: t + 3600, auth_time: t });
  const access = jws({ alg: 'RS256', kid: 'b' }, { sub: 's', client_id: 'c', token_use: 'access', scope: 'openid', iss, iat: t, exp: t + 3600, auth_time: t });
  await paste(page, JSON.stringify({ id_token: id, access_token: access, token_type: 'Bearer' }));
  const titles = await page.locator('article.token h3').allTextContents();
  assert.deepEqual(titles.map((x) => x.split(':')[0]), ['id_token', 'access_token']);
  const boxes = await page.locator('article.token').evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).map((r) => [r.top, r.left]));
  assert.equal(boxes[0][0], boxes[1][0], 'side by side on a desktop');
  assert.ok(boxes[0][1] < boxes[1][1]);
  await shot(page, 'pair-desktop-light');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.waitForFunction(() => document.querySelector('jwt-lens').getAttribute('theme') === 'dark', null, { timeout: 5000 });
  await shot(page, 'pair-desktop-dark');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.waitForFunction(() => document.querySelector('jwt-lens').getAttribute('theme') === 'light', null, { timeout: 5000 });

  const many = Array.from({ length: 45 }, (_, i) => jws({ alg: 'HS256' }, { sub: `user-${i}`, exp: 4102444800 })).join('\n');
  await paste(page, many);
  assert.equal(await page.locator('article.token').count(), 20);
  assert.match(await page.textContent('.more'), /25 more tokens not shown: 25 JWS/);
  await page.click('.more button.show-all');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.querySelectorAll('article.token').length === 45);
  assert.equal(await page.locator('.more').count(), 0);
  assert.match(await page.textContent('article.token >> nth=44'), /user-44/);
});

test('encode: edit a claim of a decoded token, re-sign it with a generated key, verify it in the Decode view', async () => {
  const { page, log } = await openPage(context, url);
  const loaded = log.requests.length;
  const workers = [];
  page.on('worker', (w) => workers.push(w.url()));
  const header = '{"alg":"RS256","kid":"prod-key","typ":"JWT"}';
  const payload = '{"sub":"user-1","role":"reader","n":12345678901234567890}';
  await paste(page, `${b64u(header)}.${b64u(payload)}.c2ln`);

  // "Edit and re-sign" brings the exact texts (not the indented view) into the Encode view.
  await page.click('article.token button.resign');
  assert.equal(await page.getAttribute('#tab-encode', 'aria-selected'), 'true');
  assert.equal(await page.locator('#decode-view').isHidden(), true);
  assert.equal(await page.inputValue('#encode-header'), header);
  assert.equal(await page.inputValue('#encode-payload'), payload);

  // Live JSON validation, with line and column.
  const edited = payload.replace('"reader"', '"admin"');
  await page.fill('#encode-payload', edited.replace(',"n"', ',\n"n" 1'));
  await page.waitForSelector('#encode-payload-error:not([hidden])');
  assert.match(await page.textContent('#encode-payload-error'), /^Line 2, column 5: The payload is not valid JSON: expected `:`/);
  assert.equal(await page.getAttribute('#encode-payload', 'aria-invalid'), 'true');
  await page.fill('#encode-payload', edited);
  await page.waitForSelector('#encode-payload-error[hidden]', { state: 'attached' });
  // No key yet: nothing is signed, and the findings say why.
  assert.match(await page.textContent('#encode-status'), /^Not signed: 1 error\.$/);
  assert.deepEqual(await page.locator('#encode-findings li.finding').evaluateAll((els) => els.map((e) => e.dataset.code)), ['SIGN_NO_KEY']);

  // The header names RS256, so the generated key is an RSA key, made in the Worker while a spinner turns.
  await page.click('#generate-key');
  assert.match(await page.textContent('#generate-status'), /^Generating an RSA 2048-bit key .* for RS256…$/);
  assert.equal(await page.locator('.spinner').isVisible(), true);
  await page.waitForSelector('#encode-token .seg-signature', { timeout: 30_000 });
  assert.equal(await page.locator('.spinner').isVisible(), false);
  assert.match(await page.textContent('#generate-status'), /^A new test key for RS256 \(kid [\w-]{43}\) is in the key box\.$/);
  assert.equal(workers.length, 1, 'the RSA key was generated in the Worker');
  assert.match(await page.inputValue('#encode-key'), /^-----BEGIN PRIVATE KEY-----\n/);
  assert.match(await page.textContent('#encode-status'), /^Signed with RS256\.$/);
  const token = await page.textContent('#encode-token');
  const [h, p] = token.split('.').map((x) => Buffer.from(x, 'base64url').toString());
  assert.deepEqual([h, p], [header, edited], 'the exact texts were signed');

  // The token, with the public key that verifies it, in the Decode view: valid.
  await page.click('#encode-check');
  assert.equal(await page.getAttribute('#tab-decode', 'aria-selected'), 'true');
  assert.equal(await page.inputValue('#token'), token);
  await page.waitForSelector('#signature .decision-line.valid');
  assert.match(await page.textContent('#signature .decision-line'), /^Valid\s*RS256, key 1, kid prod-key/);
  assert.match(await page.textContent('pre.json.payload'), /"role": "admin"/);

  // The tabs work by keyboard too (arrow keys, as the WAI-ARIA tabs pattern has it).
  await page.focus('#tab-decode');
  await page.keyboard.press('ArrowRight');
  assert.equal(await page.getAttribute('#tab-encode', 'aria-selected'), 'true');
  assert.equal(await page.evaluate(() => document.querySelector('jwt-lens').shadowRoot.activeElement?.id), 'tab-encode');
  await page.keyboard.press('Home');
  assert.equal(await page.getAttribute('#tab-decode', 'aria-selected'), 'true');

  // Nothing left the page: the only requests since load are the Worker's own script and the .wasm it compiles.
  const since = log.requests.slice(loaded).map((u) => u.slice(url.length).replace(/-[\w-]{8}\./, '-HASH.'));
  assert.deepEqual(since.sort(), ['assets/worker-HASH.js', 'assets/jwtlens_bg-HASH.wasm'].sort());
  assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length, document.cookie, location.href]), [0, 0, '', url]);
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(log.errors, []);
});

test('encode: every algorithm signs with a generated key and verifies in the Decode view; alg none is flagged', async () => {
  const { page, log } = await openPage(context, url);
  await page.click('#tab-encode');
  let ran = 0;
  for (const alg of ['HS256', 'ES256', 'ES384', 'ES512', 'ES256K', 'EdDSA', 'PS256']) {
    await page.selectOption('#encode-alg', alg);
    await page.click('#generate-key');
    await page.waitForFunction((a) => document.querySelector('jwt-lens').shadowRoot.getElementById('encode-status').textContent === `Signed with ${a}.`, alg, { timeout: 30_000 });
    await page.click('#encode-check');
    await page.waitForSelector('#signature .decision-line.valid');
    assert.match(await page.textContent('#signature .decision-line'), new RegExp(`^Valid\\s*${alg}, key 1`), alg);
    await page.click('#tab-encode');
    ran += 1;
  }
  assert.equal(ran, 7);
  await page.selectOption('#encode-alg', 'none');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('encode-token').textContent.endsWith('.'));
  assert.deepEqual(await page.locator('#encode-findings li.finding').evaluateAll((els) => els.map((e) => e.dataset.code)), ['SIGN_ALG_NONE']);
  assert.deepEqual(log.errors, []);
});

test('no horizontal scrolling at 360 px, light and dark, in every main state', async () => {
  const { page, log } = await openPage(context, url, { viewport: { width: 360, height: 740 } });
  const widths = [];
  const check = async (name) => {
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      widths.push(`${name}/${scheme}: ${w}`);
      assert.ok(w[0] <= w[1], `horizontal overflow in ${name} (${scheme}): ${w}`);
      await shot(page, `${name}-phone-${scheme}`);
    }
  };
  await check('empty');
  await page.click('#example-getuser');
  await page.waitForSelector('pre.json.payload');
  await check('getuser');
  await page.click('#example-rest');
  await page.waitForSelector('#verdict .badge');
  await check('rest-verdict');
  const t = now();
  await paste(page, `Bearer ${jws({ alg: 'HS256' }, { sub: 'x'.repeat(300), aud: ['a'.repeat(120), 'b'], nested: { deep: ['y'.repeat(200)] }, exp: t })}`);
  await page.click('#keys-box summary');
  await page.fill('#keys', 'a-secret-that-is-long-enough-for-hs256-keys!!');
  await page.waitForSelector('#signature .decision-line');
  await check('long-values');
  await page.click('#tab-encode');
  await page.selectOption('#encode-alg', 'ES512');
  await page.click('#generate-key');
  await page.waitForSelector('#encode-token .seg-signature');
  await page.click('#encode-public-box summary');
  await check('encode');
  assert.deepEqual(log.errors, []);
});

test('axe-core finds no serious or critical violation, light and dark, after a paste', async () => {
  const { page } = await openPage(context, url);
  await shot(page, 'empty-desktop-light');
  await page.click('#theme');
  await shot(page, 'empty-desktop-dark');
  await page.click('#theme');
  await page.evaluate(await axeSource());
  const report = [];
  for (const state of ['getuser', 'rest']) {
    await page.click(state === 'getuser' ? '#example-getuser' : '#example-rest');
    await page.waitForSelector('pre.json.payload');
    await page.click('#context-box summary');
    for (const theme of ['light', 'dark']) {
      if (await page.getAttribute('jwt-lens', 'theme') !== theme) await page.click('#theme');
      const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      report.push(`${state}/${theme}: ${results.violations.length} violations (${results.violations.map((v) => `${v.id}:${v.impact}`).join(', ') || 'none'})`);
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`), [], report.at(-1));
      await shot(page, `${state}-desktop-${theme}`);
    }
    await page.click('#context-box summary');
  }
  // The Encode view, with a generated key, its public key and the token shown.
  await page.click('#tab-encode');
  await page.click('#generate-key');
  await page.waitForSelector('#encode-token .seg-signature');
  await page.click('#encode-public-box summary');
  for (const theme of ['light', 'dark']) {
    if (await page.getAttribute('jwt-lens', 'theme') !== theme) await page.click('#theme');
    const results = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    report.push(`encode/${theme}: ${results.violations.length} violations (${results.violations.map((v) => `${v.id}:${v.impact}`).join(', ') || 'none'})`);
    assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`), [], report.at(-1));
    await shot(page, `encode-desktop-${theme}`);
  }
  console.log(`axe-core ${await page.evaluate(() => window.axe.version)}: ${report.join('; ')}`);
});

test('every field that can hold a token has spellcheck off', async () => {
  const { page } = await openPage(context, url);
  for (const id of ['token', 'keys', 'apiGatewayRest-headerValue', 'apiGatewayRest-providerArns', 'issuer', 'encode-header', 'encode-payload', 'encode-key', 'encode-public']) {
    assert.equal(await page.getAttribute(`#${id}`, 'spellcheck'), 'false', id);
  }
});
