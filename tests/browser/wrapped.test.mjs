// The page's half of issues 24–26 (the command line's is tests/cli/wrapped.test.mjs): "What your server said" for a
// paste holding a service's message, JWE decryption with a key kept in the page and the Encode view's JWE output,
// SD-JWT disclosures and DPoP checks, and the Encode view's SD-JWT and DPoP outputs read back by the package's
// `inspect`. One browser, one page for the whole file; tokens are made here with the package, jose and Node's crypto.
import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import * as jose from 'jose';
import { dpopProof, generateKey, inspect, sign, signSdJwt, verify } from 'jwtlens';
import { launch } from './chromium.mjs';
import { axeSource, openPage, paste, result, serve, shot, violations } from './helpers.mjs';
import { jws } from '../js/tokens.mjs';
import { generateKeyPair } from '../js/keys.mjs';

const NOW = 1_700_000_000;
const ISS = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_AbC123xyz';
const CLIENT = '57cbishk4j24pabc1234567890';

let server;
let url;
let context;
let page;
let log;

before(async () => {
  ({ server, url } = await serve());
  context = await launch();
  ({ page, log } = await openPage(context, url));
  // The full module (decryption, verification, signing) is in use once the Encode view can sign.
  await page.click('#tab-encode');
  await page.waitForFunction(() => /^Not signed|^Signed/.test(document.querySelector('jwt-lens').shadowRoot.getElementById('encode-status').textContent));
  await page.click('#tab-decode');
});

after(async () => {
  await context?.close();
  server?.close();
});

/** True when the sections are shown, in this order from the top. */
const tops = (ids) => page.evaluate((list) => {
  const root = document.querySelector('jwt-lens').shadowRoot;
  const y = list.map((id) => (root.getElementById(id).hidden ? NaN : root.getElementById(id).getBoundingClientRect().top));
  return y.every((v, i) => i === 0 || v > y[i - 1]);
}, ids);
const texts = (selector) => page.locator(selector).allTextContents();
const codes = () => page.locator('#findings li.finding').evaluateAll((els) => els.map((e) => e.dataset.code));

/** The `inspect` context of the element, set while the token field is empty (so no stale result is awaited). */
async function setContext(ctx) {
  await paste(page, '');
  await page.evaluate((c) => { document.querySelector('jwt-lens').context = c; }, ctx);
}

/** What the page holds outside its memory: storage, cookies, the URL and the history, as one string. */
const persisted = () => page.evaluate(() => JSON.stringify([
  Object.entries(localStorage), Object.entries(sessionStorage), document.cookie, location.href, history.length, history.state,
]));

const pem = (key, type) => key.export({ type, format: 'pem' });

test('issue 24: "What your server said" comes first, its agreement in one line; a look-alike shows nothing', async () => {
  await setContext({ now: NOW });
  const rs = (claims) => jws({ alg: 'RS256', kid: 'k' }, claims);
  const expired = rs({ sub: 'u', iss: 'https://issuer.example', exp: NOW - 600 });
  const live = rs({ sub: 'u', iss: 'https://issuer.example', exp: NOW + 2400 });
  const challenge = 'WWW-Authenticate: Bearer error="invalid_token", error_description="The token expired at \'11/14/2023 22:03:20\'"';
  const section = page.locator('#service-errors');
  const items = page.locator('#service-errors li.service-error');

  // ASP.NET Core's challenge with an expired token: confirmed, and shown above the answers and the findings.
  await paste(page, `curl -i -H "Authorization: Bearer ${expired}" https://api.example.com/orders\nHTTP/1.1 401 Unauthorized\n${challenge}`);
  assert.equal(await section.isVisible(), true);
  assert.equal(await page.textContent('#service-errors h2'), 'What your server said');
  assert.equal(await items.count(), 1);
  assert.deepEqual(await items.evaluate((li) => [li.dataset.agreement, li.dataset.code]), ['confirmed', 'invalid_token']);
  assert.equal(await items.locator('.quote').textContent(), 'The token expired at \'11/14/2023 22:03:20\'');
  assert.equal(await items.locator('.agreement').textContent(), 'The token confirms it This token expired 10 min ago (2023-11-14T22:03:20Z).');
  assert.match(await items.locator('.fix').textContent(), /^Get a fresh token/);
  // "In one line": the agreement paragraph is one line box high at this width.
  const lines = await items.locator('.agreement').evaluate((p) => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight));
  assert.ok(lines < 1.9, `the agreement takes ${lines.toFixed(2)} lines`);
  assert.ok(await tops(['service-errors', 'findings', 'tokens']));
  assert.deepEqual((await result(page)).serviceErrors.map((e) => [e.source, e.code, e.agreement]), [['ASP.NET Core JwtBearer', 'invalid_token', 'confirmed']]);
  await shot(page, 'service-errors-desktop');

  // The same message with a token that had not expired at the evaluation time: contradicted, the exp values named.
  await paste(page, `Authorization: Bearer ${live}\nHTTP/1.1 401 Unauthorized\n${challenge}`);
  assert.equal(await items.getAttribute('data-agreement'), 'contradicted');
  assert.equal(await items.locator('.agreement .badge').textContent(), 'The token contradicts it');
  assert.match(await items.locator('.agreement').textContent(), /names exp 2023-11-14T22:03:20Z, but this token's is 2023-11-14T22:53:20Z/);

  // An IDX10223 log line: confirmed with the expired token, contradicted with the live one.
  const idx = 'Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException: IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): \'11/14/2023 22:03:20\', Current time (UTC): \'11/14/2023 22:13:20\'.';
  for (const [token, agreement] of [[expired, 'confirmed'], [live, 'contradicted']]) {
    await paste(page, `${token}\n${idx}`);
    assert.deepEqual(await items.evaluateAll((els) => els.map((li) => [li.dataset.agreement, li.dataset.code])), [[agreement, 'IDX10223']]);
    assert.equal(await items.locator('.source').textContent(), 'Microsoft IdentityModel');
  }
  // jsonwebtoken's "jwt expired" names no time: the gap to the token's exp is the contradiction.
  await paste(page, `${live}\nTokenExpiredError: jwt expired`);
  assert.equal(await items.getAttribute('data-agreement'), 'contradicted');
  assert.match(await items.locator('.agreement').textContent(), /this token expires in 40 min/);

  // Cognito's scope message with an access token without aws.cognito.signin.user.admin: the message names no scope,
  // but every user-pool operation that takes an access token requires that one, so the token confirms it, and the
  // answers deny GetUser for the same missing scope.
  const access = jws({ kid: 'a=', alg: 'RS256' }, { sub: 'u-1', token_use: 'access', scope: 'openid email', auth_time: NOW - 60, iss: ISS,
    exp: NOW + 3540, iat: NOW - 60, jti: 'j', client_id: CLIENT, username: 'alice' });
  await paste(page, `${access}\n\nAn error occurred (NotAuthorizedException) when calling the GetUser operation: Access Token does not have required scopes`);
  assert.deepEqual(await items.evaluateAll((els) => els.map((li) => [li.dataset.agreement, li.dataset.code])), [['confirmed', 'NotAuthorizedException']]);
  assert.equal(await items.locator('.source').textContent(), 'Amazon Cognito');
  assert.match(await items.locator('.agreement').textContent(), /This token lacks aws\.cognito\.signin\.user\.admin \(it has openid, email\)\.$/);
  // The core's backticks are <code> elements, not literal backticks.
  assert.deepEqual(await items.locator('.agreement code').allTextContents(), ['aws.cognito.signin.user.admin', 'openid', 'email']);
  assert.match(await items.locator('.meaning').textContent(), /GetUser need aws\.cognito\.signin\.user\.admin/);
  assert.ok(await tops(['service-errors', 'answers', 'findings', 'tokens']), 'the message comes before the answers');
  assert.equal(await page.locator('#answers li.answer').first().getAttribute('data-decision'), 'deny');
  assert.match(await page.locator('#answers li.answer .service').first().textContent(), /GetUser/);

  // A README sentence that mentions 401 and expiry: not a service's message.
  await paste(page, `${live}\nIf the API answers 401 Unauthorized, check that your token has not expired and that the audience matches.`);
  assert.equal(await section.isHidden(), true);
  assert.equal(await items.count(), 0);
  assert.deepEqual((await result(page)).serviceErrors, []);
  assert.equal((await result(page)).tokenCount, 1);
  await setContext({});
});

test('issue 25: a JWE decrypted with a key kept in the page; a wrong key is a JWE_ finding; Encode makes a JWE', async () => {
  const issuer = generateKey('ES256');
  const recipient = generateKeyPair('rsa', { modulusLength: 2048 });
  const other = generateKeyPair('rsa', { modulusLength: 2048 });
  const recipientPem = pem(recipient.privateKey, 'pkcs8');
  const inner = sign('{"sub":"inside-the-jwe","exp":4102444800}', JSON.stringify(issuer.privateJwk), { kid: 'sig-1' }).token;
  const jwe = await new jose.CompactEncrypt(new TextEncoder().encode(inner))
    .setProtectedHeader({ alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT', kid: 'enc-1' }).encrypt(recipient.publicKey);
  const loaded = log.requests.length;
  const before = await persisted();

  // No key: only the header, and a pointer to the Decrypt field.
  await paste(page, jwe);
  assert.equal(await page.locator('article.token').count(), 1);
  assert.match(await page.locator('article.token h3').textContent(), /^JWE/);
  assert.match(await page.locator('article.token').textContent(), /Encrypted \(JWE\): only the header can be read/);
  assert.ok((await codes()).includes('TOKEN_ENCRYPTED'));

  // The recipient's private key in the Decrypt field: the decryption line, and the inner token's card labelled.
  await page.click('#keys-box summary');
  await page.fill('#decrypt-keys', recipientPem);
  await page.waitForSelector('.decryption[data-status="decrypted"]');
  assert.equal(await page.textContent('.decryption'), 'Decrypted (RSA-OAEP-256, A256GCM): the token inside is token 2.');
  assert.deepEqual((await texts('article.token h3')).map((t) => t.replace(/\s+/g, ' ')), ['token 1: JWE', 'decrypted from token 1: JWS']);
  assert.match(await page.locator('article.token >> nth=1').locator('pre.json.payload').textContent(), /"sub": "inside-the-jwe"/);
  assert.deepEqual((await codes()).filter((c) => c.startsWith('JWE_')).sort(), ['JWE_DECRYPTED', 'JWE_INNER_TOKEN']);
  await shot(page, 'jwe-decrypted-desktop');

  // The issuer's public JWK beside it (the verification box): the inner token's signature verifies too.
  await page.fill('#keys', JSON.stringify({ ...issuer.publicJwk, kid: 'sig-1' }));
  await page.fill('#decrypt-keys', JSON.stringify(pem2jwk(recipient.privateKey, 'enc-1')));
  await page.waitForSelector('#signature .decision-line.valid');
  assert.match(await page.textContent('#signature .decision-line'), /^Valid\s*ES256, key 1, kid sig-1 \(decrypted from token 1\)$/);
  assert.equal(await page.getAttribute('.decryption', 'data-status'), 'decrypted');
  // A PEM decryption key beside the JWK verification key (two options, never one key text): decrypts and verifies.
  await page.fill('#decrypt-keys', recipientPem);
  await page.waitForSelector('.decryption[data-status="decrypted"]');
  await page.waitForSelector('#signature .decision-line.valid');
  assert.match(await page.textContent('#signature .decision-line'), /^Valid\s*ES256, key 1, kid sig-1 \(decrypted from token 1\)$/);
  // The decryption key alone: decrypted, and the inner token's signature is not checked (not failed) by it.
  await page.fill('#keys', '');
  await page.waitForSelector('#signature .decision-line.valid', { state: 'detached' });
  assert.equal(await page.getAttribute('.decryption', 'data-status'), 'decrypted');
  assert.equal(await page.locator('#findings li.finding[data-code^="SIG_"]').count(), 0);

  // Another RSA private key: not decrypted, JWE_WRONG_KEY shown, and no inner token.
  await page.fill('#decrypt-keys', pem(other.privateKey, 'pkcs8'));
  await page.waitForSelector('.decryption[data-status="failed"]');
  assert.equal(await page.textContent('.decryption'), 'Not decrypted (failed, RSA-OAEP-256, A256GCM): the findings say why.');
  assert.equal(await page.locator('#findings li.finding[data-code="JWE_WRONG_KEY"][data-severity="error"]').count(), 1);
  assert.match(await page.textContent('#findings li.finding[data-code="JWE_WRONG_KEY"] .message'), /not the recipient's private key/);
  assert.equal(await page.locator('article.token').count(), 1);

  // The keys never left the page's memory: no storage, cookie, URL or history entry, no request since the paste.
  await page.fill('#decrypt-keys', recipientPem);
  await page.waitForSelector('.decryption[data-status="decrypted"]');
  const now = await persisted();
  assert.equal(now, before);
  for (const secret of ['PRIVATE KEY', recipientPem.split('\n')[1]]) assert.ok(!now.includes(secret), secret);
  assert.deepEqual(JSON.parse(now).slice(0, 4), [[], [], '', url]);
  assert.deepEqual(log.requests.slice(loaded), []);
  // Clear empties the Decrypt field too.
  await page.click('#clear');
  assert.equal(await page.inputValue('#decrypt-keys'), '');

  // Encode: the signed test token encrypted for a recipient, which jose decrypts back to the signed token.
  await page.click('#tab-encode');
  await page.selectOption('#encode-alg', 'ES256');
  await page.click('#generate-key');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('encode-status').textContent === 'Signed with ES256.');
  await page.fill('#encode-payload', '{"sub":"encode-jwe","n":12345678901234567890}');
  await page.selectOption('#encode-output', 'jwe');
  assert.equal(await page.locator('[data-mode="jwe"]').isVisible(), true);
  assert.equal(await page.textContent('#encode-status'), 'Give the recipient\'s key to encrypt for.');
  await page.fill('#encode-recipient', pem(recipient.publicKey, 'spki'));
  await page.selectOption('#encode-enc', 'A128CBC-HS256');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('encode-status').textContent === 'Encrypted with RSA-OAEP-256 and A128CBC-HS256.');
  assert.equal(await page.textContent('#encode-output-title'), 'The signed test token, encrypted for the recipient (JWE)');
  const made = await page.textContent('#encode-token');
  assert.equal(made.split('.').length, 5);
  const { plaintext, protectedHeader } = await jose.compactDecrypt(made, recipient.privateKey);
  assert.deepEqual([protectedHeader.alg, protectedHeader.enc, protectedHeader.cty], ['RSA-OAEP-256', 'A128CBC-HS256', 'JWT']);
  const signed = new TextDecoder().decode(plaintext);
  assert.equal(Buffer.from(signed.split('.')[1], 'base64url').toString().startsWith('{"sub":"encode-jwe","n":12345678901234567890,"iat":'), true);
  assert.equal(verify(signed, await page.inputValue('#encode-public')).valid, true);
  await shot(page, 'jwe-encode-desktop');
  await page.selectOption('#encode-output', 'jws');
  await page.click('#tab-decode');
  assert.deepEqual(await violations(page), []);
  assert.deepEqual(log.errors, []);
});

/** A private KeyObject as a JWK with a kid (the Decrypt field takes JWKs as well as PEM). */
function pem2jwk(key, kid) {
  return { ...key.export({ format: 'jwk' }), kid, use: 'enc' };
}

test('issue 26: SD-JWT disclosures, one row each with its status; a tampered disclosure shows it', async () => {
  const issuer = generateKey('ES256');
  const made = signSdJwt('{"iss":"https://issuer.example","given_name":"Erika","age":40,"exp":4102444800}', JSON.stringify(issuer.privateJwk),
    { disclose: ['given_name', 'age'], now: NOW });
  assert.ok(made.token, JSON.stringify(made.findings));
  const rows = () => page.locator('table.disclosures tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.cells].map((td) => td.textContent).concat(tr.dataset.status)));
  await paste(page, made.token);
  assert.match(await page.locator('article.token h3').textContent(), /^SDJWT/);
  assert.deepEqual(await texts('table.disclosures thead th'), ['Claim', 'Value', 'Status']);
  assert.deepEqual(await rows(), [['given_name', '"Erika"', 'matched', 'matched'], ['age', '40', 'matched', 'matched']]);
  assert.equal(await page.textContent('article.token h4:has-text("Disclosures")'), 'Disclosures (2)');
  await shot(page, 'sdjwt-desktop');

  // The first disclosure's value changed: its digest is in no _sd any more.
  const parts = made.token.split('~');
  const [salt, name] = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  parts[1] = Buffer.from(JSON.stringify([salt, name, 'Mallory'])).toString('base64url');
  await paste(page, parts.join('~'));
  assert.deepEqual(await rows(), [['given_name', '"Mallory"', 'unreferenced', 'unreferenced'], ['age', '40', 'matched', 'matched']]);
  assert.equal(await page.locator('#findings li.finding[data-code="SDJWT_UNREFERENCED"][data-severity="error"]').count(), 1);
  // A disclosure that is not base64url JSON: invalid.
  const broken = made.token.split('~');
  broken[2] = `${broken[2].slice(0, -4)}!!!!`;
  await paste(page, broken.join('~'));
  assert.deepEqual((await rows()).map((r) => r.at(-1)), ['matched', 'invalid']);
  assert.ok((await codes()).includes('SDJWT_DISCLOSURE_MALFORMED'));
});

test('issue 26: a DPoP request shows the proof\'s checks rule by rule; a wrong method fails htm', async () => {
  await setContext({ now: NOW });
  const holder = generateKey('ES256');
  const at = sign(JSON.stringify({ iss: 'https://as.example', sub: 'u', exp: NOW + 600, cnf: { jkt: holder.kid } }), JSON.stringify(generateKey('ES256').privateJwk)).token;
  const proof = dpopProof(JSON.stringify(holder.privateJwk), { accessToken: at, method: 'POST', url: 'https://rs.example/orders', now: NOW - 5 }).token;
  const request = `POST /orders HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${proof}\n`;
  const RULES = ['typ', 'alg', 'jwk', 'signature', 'htm', 'htu', 'iat', 'jti', 'ath', 'jkt', 'nonce'];
  const outcomes = () => page.locator('#dpop li.rule').evaluateAll((els) => els.map((e) => [e.dataset.rule, e.dataset.outcome]));
  await paste(page, request);
  assert.equal(await page.locator('#dpop').isVisible(), true);
  assert.equal(await page.textContent('#dpop h2'), 'DPoP proof for access_token');
  assert.deepEqual(await outcomes(), RULES.map((r) => [r, 'pass']));
  assert.equal(await page.textContent('#dpop .summary'), 'No check fails.');
  assert.equal(await page.textContent('#dpop li.rule[data-rule="iat"] .detail'), '"iat" is 5 s old, within 300 s.');
  assert.match(await page.textContent('#dpop li.rule[data-rule="jkt"] .detail'), new RegExp(`thumbprint of the proof's jwk \\(${holder.kid}\\)`));
  assert.deepEqual((await result(page)).dpop.checks.map((c) => c.outcome), RULES.map(() => 'pass'));
  await shot(page, 'dpop-desktop');

  // The proof was made for POST; the request is a PUT.
  await paste(page, request.replace('POST /orders', 'PUT /orders'));
  assert.deepEqual(await outcomes(), RULES.map((r) => [r, r === 'htm' ? 'fail' : 'pass']));
  assert.equal(await page.textContent('#dpop .summary'), '1 of 11 checks fail: the server refuses this proof.');
  assert.equal(await page.textContent('#dpop li.rule[data-rule="htm"] .detail'), '"htm" is "POST", but the request\'s method is PUT.');
  assert.equal(await page.textContent('#dpop li.rule[data-rule="htm"] .meta code'), 'DPOP_HTM');
  assert.equal(await page.locator('#findings li.finding[data-code="DPOP_HTM"][data-severity="error"]').count(), 1);
  // And a plain token: no DPoP section.
  await paste(page, at);
  assert.equal(await page.locator('#dpop').isHidden(), true);
  await setContext({});
});

test('issue 26: the Encode view\'s SD-JWT and DPoP outputs are read back by inspect', async () => {
  await page.click('#tab-encode');
  await page.selectOption('#encode-alg', 'ES256');
  await page.click('#generate-key');
  await page.waitForFunction(() => /^A new test key for ES256 \(kid [\w-]{43}\)/.test(document.querySelector('jwt-lens').shadowRoot.getElementById('generate-status').textContent));
  const publicPem = await page.inputValue('#encode-public');
  const kid = (await page.textContent('#generate-status')).match(/kid ([\w-]{43})/)[1];
  await page.fill('#encode-payload', '{"iss":"https://issuer.example","sub":"holder","given_name":"Erika","email":"erika@example.org"}');

  // SD-JWT: given_name and email selectively disclosable.
  await page.selectOption('#encode-output', 'sdJwt');
  await page.fill('#encode-disclose', 'given_name, email');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('encode-status').textContent === 'An SD-JWT with 2 disclosure(s).');
  assert.equal(await page.textContent('#encode-output-title'), 'An SD-JWT signed with your key');
  const sd = await page.textContent('#encode-token');
  const r = inspect(sd, { keys: publicPem });
  assert.equal(r.tokens[0].kind, 'sdJwt');
  assert.deepEqual(r.tokens[0].disclosures.map((d) => [d.name, d.value, d.status]), [['given_name', 'Erika', 'matched'], ['email', 'erika@example.org', 'matched']]);
  assert.equal(r.tokens[0].payload.value.given_name, undefined, 'the disclosed claims are not in the signed payload');
  assert.equal(r.tokens[0].disclosedClaims.sub, 'holder');
  assert.equal(r.verifications[0].valid, true);
  await shot(page, 'sdjwt-encode-desktop');

  // DPoP: a proof for POST https://rs.example/orders with an access token bound to the generated key.
  const at = sign(JSON.stringify({ iss: 'https://as.example', sub: 'u', exp: 4102444800, cnf: { jkt: kid } }), JSON.stringify(generateKey('ES256').privateJwk)).token;
  await page.selectOption('#encode-output', 'dpop');
  await page.fill('#encode-dpop-token', at);
  await page.fill('#encode-dpop-method', 'POST');
  await page.fill('#encode-dpop-url', 'https://rs.example/orders?page=2');
  await page.waitForFunction(() => document.querySelector('jwt-lens').shadowRoot.getElementById('encode-status').textContent === 'A DPoP proof for POST https://rs.example/orders?page=2.');
  assert.equal(await page.textContent('#encode-output-title'), 'A DPoP proof signed with your key');
  const proof = await page.textContent('#encode-token');
  const claims = JSON.parse(Buffer.from(proof.split('.')[1], 'base64url'));
  assert.deepEqual([claims.htm, claims.htu, claims.ath], ['POST', 'https://rs.example/orders', crypto.createHash('sha256').update(at).digest('base64url')]);
  const checked = inspect(`POST /orders?page=2 HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${proof}\n`, { now: claims.iat + 1 });
  assert.deepEqual(checked.dpop.checks.filter((c) => c.status !== 'pass'), []);
  assert.equal(checked.dpop.checks.length, 11);
  // The wrong method, read back: htm fails.
  const wrong = inspect(`GET /orders HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${proof}\n`, { now: claims.iat + 1 });
  assert.deepEqual(wrong.dpop.checks.filter((c) => c.status === 'fail').map((c) => c.rule), ['htm']);
  await shot(page, 'dpop-encode-desktop');
  await page.selectOption('#encode-output', 'jws');
  assert.equal(await page.textContent('#encode-output-title'), 'A test token signed with your key');
  await page.click('#tab-decode');
  assert.deepEqual(log.errors, []);
});

test('at 360 px the new sections do not scroll sideways, and axe-core finds no serious violation, light and dark', async () => {
  await page.setViewportSize({ width: 360, height: 740 });
  await page.evaluate(await axeSource());
  const issuer = generateKey('ES256');
  const holder = generateKey('ES256');
  const long = 'x'.repeat(200);
  const sd = signSdJwt(JSON.stringify({ iss: 'https://issuer.example', address: { street: long, locality: 'Köln' }, exp: 4102444800 }), JSON.stringify(issuer.privateJwk),
    { disclose: ['address'], now: NOW }).token;
  const at = sign(JSON.stringify({ iss: 'https://as.example', sub: 'u', exp: NOW + 600, cnf: { jkt: holder.kid } }), JSON.stringify(issuer.privateJwk)).token;
  const proof = dpopProof(JSON.stringify(holder.privateJwk), { accessToken: at, method: 'POST', url: `https://rs.example/${'orders/'.repeat(12)}`, now: NOW }).token;
  const live = jws({ alg: 'RS256', kid: 'k' }, { sub: 'u', exp: NOW + 2400 });
  const cases = {
    'service-errors': `${live}\n${'Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException: IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): \'11/14/2023 22:03:20\', Current time (UTC): \'11/14/2023 22:13:20\'.'}`,
    sdjwt: sd,
    dpop: `POST /${'orders/'.repeat(12)} HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${proof}\n`,
  };
  await setContext({ now: NOW + 1 });
  const widths = [];
  for (const [name, text] of Object.entries(cases)) {
    await paste(page, text);
    assert.equal(await page.locator(name === 'sdjwt' ? 'table.disclosures' : `#${name}`).isVisible(), true, name);
    for (const scheme of ['light', 'dark']) {
      await page.emulateMedia({ colorScheme: scheme });
      const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
      widths.push(`${name}/${scheme}: ${w}`);
      assert.ok(w[0] <= w[1], `horizontal overflow in ${name} (${scheme}): ${w}`);
      const axe = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join('; ')}`), [], `${name}/${scheme}`);
    }
    await shot(page, `${name}-phone-dark`);
    await page.emulateMedia({ colorScheme: 'light' });
  }
  assert.equal(widths.length, 6);
  await setContext({});
  await page.setViewportSize({ width: 1280, height: 900 });
});
