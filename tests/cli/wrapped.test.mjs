// The command line's half of issues 24–26 (the page's is tests/browser/wrapped.test.mjs), from the packed tarball:
// "What your server said" for a paste from a file, from standard input and from `--error`; a JWE made by
// `sign --encrypt-to` that jose decrypts, and one jose made that `--keys` decrypts; SD-JWT disclosures and DPoP checks
// printed, and `sign --disclose` / `sign --dpop-url` outputs that the package's `inspect` reads back.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import { closeSync, openSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as jose from 'jose';
import { generateKeyPair } from '../js/keys.mjs';
import { jws } from '../js/tokens.mjs';
import { ADMIN, NOW, accessToken, cli, env, json, onTerminal, setup, teardown } from './harness.mjs';

let scratch;
let jwtlens;
let api;
before(async () => ({ scratch, jwtlens, api } = await setup()));
after(teardown);

/** Runs the installed bin with standard input read from a file (a redirect, not a pipe). */
function fromFile(args, path) {
  const fd = openSync(path, 'r');
  try {
    const r = spawnSync(jwtlens, args, { stdio: [fd, 'pipe', 'pipe'], encoding: 'utf8', cwd: scratch, env: env() });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

const file = async (name, text) => {
  const path = join(scratch, name);
  await writeFile(path, text);
  return path;
};
const pem = (key, type) => key.export({ type, format: 'pem' });
const IDX = 'Microsoft.IdentityModel.Tokens.SecurityTokenExpiredException: IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): \'11/14/2023 22:03:20\', Current time (UTC): \'11/14/2023 22:13:20\'.';

test('issue 24: a service message from a file, from standard input and from --error: first, its agreement in one line', async () => {
  const live = jws({ alg: 'RS256', kid: 'k' }, { sub: 'u', iss: 'https://issuer.example', exp: NOW + 2400 });
  const expired = jws({ alg: 'RS256', kid: 'k' }, { sub: 'u', iss: 'https://issuer.example', exp: NOW - 600 });
  const mixed = `curl -H "Authorization: Bearer ${live}" https://api.example.com/orders\n${IDX}\n`;
  const path = await file('mixed.txt', mixed);
  const now = ['--now', String(NOW)];

  const fromDisk = fromFile(now, path);
  const piped = cli(now, { input: mixed });
  assert.equal(fromDisk.status, 0, fromDisk.stderr);
  assert.equal(fromDisk.stderr, '');
  assert.equal(fromDisk.stdout, piped.stdout, 'a redirected file and a pipe are the same input');
  const lines = fromDisk.stdout.split('\n');
  assert.deepEqual(lines.slice(0, 5), [
    'What your server said',
    '  Microsoft IdentityModel: IDX10223: Lifetime validation failed. The token is expired. ValidTo (UTC): \'11/14/2023 22:03:20\', Current time (UTC): \'11/14/2023 22:13:20\'',
    '           the token contradicts it: The message names `exp` 2023-11-14T22:03:20Z, but this token\'s is 2023-11-14T22:53:20Z: the service received a different token.',
    '           The service says the token has expired: its `exp` is in the past at the service\'s clock. IdentityModel allows 5 minutes of clock skew by default.',
    '           Fix: Get a fresh token (refresh it); if a fresh token fails too, compare the service\'s clock with the token\'s times.',
  ]);
  // One blank line, then the findings, then the token.
  assert.deepEqual(lines.slice(5, 7), ['', 'Notes (1)']);
  assert.ok(fromDisk.stdout.indexOf('What your server said') < fromDisk.stdout.indexOf('\nToken: JWS'));

  // --json is the API's result exactly, for the file and for standard input.
  const asJson = JSON.parse(fromFile([...now, '--json'], path).stdout);
  assert.deepEqual(asJson, json(api.inspect(mixed.replace(/\n$/, ''), { now: NOW })));
  assert.deepEqual(JSON.parse(cli([...now, '--json'], { input: mixed }).stdout), asJson);
  assert.deepEqual(asJson.serviceErrors.map((e) => [e.source, e.code, e.fact, e.agreement, e.input]),
    [['Microsoft IdentityModel', 'IDX10223', 'expired', 'contradicted', 'paste']]);

  // The expired token with the same line: confirmed, and the TIME_EXPIRED error makes it exit 1.
  const confirmed = cli(now, { input: `${expired}\n${IDX}` });
  assert.equal(confirmed.status, 1);
  assert.match(confirmed.stdout, /^ {11}the token confirms it: This token expired 10 min ago \(2023-11-14T22:03:20Z\)\.$/m);

  // --error <text> with the token as an argument: the message is explained the same way, its offsets into --error.
  const message = 'TokenExpiredError: jwt expired';
  const given = cli([...now, '--error', message, live]);
  assert.equal(given.status, 0);
  assert.match(given.stdout, /^What your server said\n {2}jsonwebtoken: TokenExpiredError: jwt expired\n {11}the token contradicts it: The service says expired, but this token expires in 40 min/);
  const givenJson = JSON.parse(cli([...now, '--json', '--error', message, live]).stdout);
  assert.deepEqual(givenJson, json(api.inspect(live, { now: NOW, serviceError: message })));
  const [e] = givenJson.serviceErrors;
  assert.deepEqual([e.source, e.code, e.agreement, e.input, message.slice(e.start, e.end)], ['jsonwebtoken', 'TokenExpiredError', 'contradicted', 'serviceError', message]);

  // Cognito's scope message with an access token lacking the admin scope: nothing to compare (the message names no
  // scope), while the paste-alone answer denies GetUser and exits 1.
  const cognito = cli(now, { input: `${accessToken('openid email')}\nNotAuthorizedException: Access Token does not have required scopes` });
  assert.equal(cognito.status, 1);
  assert.match(cognito.stdout, /^What your server said\n {2}Amazon Cognito NotAuthorizedException: Access Token does not have required scopes\n {11}the token confirms it: This token lacks `aws\.cognito\.signin\.user\.admin` \(it has `openid`, `email`\)\.$/m);
  assert.ok(cognito.stdout.indexOf('What your server said') < cognito.stdout.indexOf('From the token alone'));
  assert.match(cognito.stdout.split('\nErrors')[0], new RegExp(`From the token alone\\n {2}DENY[^\\n]*GetUser[^]*${ADMIN}`));

  // A README sentence mentioning 401 is not a service's message.
  const readme = cli([...now, '--json'], { input: `${live}\nIf the API answers 401 Unauthorized, check that your token has not expired.` });
  assert.deepEqual(JSON.parse(readme.stdout).serviceErrors, []);
  assert.doesNotMatch(cli(now, { input: `${live}\nIf the API answers 401 Unauthorized, check that your token has not expired.` }).stdout, /What your server said/);
});

test('issue 25: sign --encrypt-to makes a JWE jose decrypts; --keys decrypts a JWE jose made', async () => {
  const issuer = api.generateKey('ES256');
  const recipient = generateKeyPair('rsa', { modulusLength: 2048 });
  const issuerKey = await file('issuer.pem', issuer.privatePem);
  const recipientPublic = await file('recipient.pub.pem', pem(recipient.publicKey, 'spki'));
  const recipientPrivate = await file('recipient.pem', pem(recipient.privateKey, 'pkcs8'));

  const payload = '{"sub":"cli-jwe","n":12345678901234567890}';
  const r = cli(['sign', payload, '--key', issuerKey, '--kid', 'sig-1', '--encrypt-to', recipientPublic, '--enc', 'A256GCM', '--jose-header', '{\n  "typ": "JWT"\n}']);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const jwe = r.stdout.trimEnd();
  assert.equal(jwe.split('.').length, 5);
  const { plaintext, protectedHeader } = await jose.compactDecrypt(jwe, recipient.privateKey);
  assert.deepEqual(protectedHeader, { alg: 'RSA-OAEP-256', enc: 'A256GCM', cty: 'JWT' });
  const signed = new TextDecoder().decode(plaintext);
  assert.equal(Buffer.from(signed.split('.')[1], 'base64url').toString(), payload);
  assert.equal(api.verify(signed, issuer.publicPem).valid, true);
  // --json: the encryption with the signed token beside it.
  const asJson = JSON.parse(cli(['sign', payload, '--json', '--key', issuerKey, '--encrypt-to', recipientPublic, '--enc', 'A128GCM']).stdout);
  assert.deepEqual([asJson.alg, asJson.enc, asJson.signed.alg, asJson.token.split('.').length], ['RSA-OAEP-256', 'A128GCM', 'ES256', 5]);
  assert.equal(new TextDecoder().decode((await jose.compactDecrypt(asJson.token, recipient.privateKey)).plaintext), asJson.signed.token);
  assert.match(cli(['sign', payload, '--key', issuerKey, '--enc', 'A128GCM']).stderr, /--enc needs --encrypt-to/);

  // jose encrypts a signed token; --keys with the recipient's key and the issuer's public key decrypts and verifies.
  const inner = api.sign('{"sub":"made-by-jose","exp":4102444800}', issuer.privatePem, { kid: 'sig-1' }).token;
  const fromJose = await new jose.CompactEncrypt(new TextEncoder().encode(inner)).setProtectedHeader({ alg: 'RSA-OAEP', enc: 'A192CBC-HS384', cty: 'JWT' }).encrypt(recipient.publicKey);
  const both = await file('both.pem', `${pem(recipient.privateKey, 'pkcs8')}${issuer.publicPem}`);
  const d = cli(['--keys', both, fromJose]);
  assert.equal(d.status, 0, d.stdout);
  assert.match(d.stdout, /^Token 1 of 2: JWE, RSA-OAEP$/m);
  assert.match(d.stdout, /^Decryption: decrypted RSA-OAEP, A192CBC-HS384 \(the token inside is token 2\)$/m);
  assert.match(d.stdout, /^Token 2 of 2 \(decrypted from token 1\): JWS, ES256\nSignature: valid ES256/m);
  assert.match(d.stdout, /^ {2}"sub": "made-by-jose",$/m);
  assert.match(d.stdout, /^ {2}JWE_DECRYPTED {2}Decrypted with key 1 \(RSA-OAEP \+ A192CBC-HS384\)/m);
  const dJson = JSON.parse(cli(['--json', '--now', String(NOW), '--keys', both, fromJose]).stdout);
  assert.deepEqual(dJson, json(api.inspect(fromJose, { now: NOW, keys: `${pem(recipient.privateKey, 'pkcs8')}${issuer.publicPem}` })));
  assert.deepEqual([dJson.tokens[0].decryption.status, dJson.tokens[0].decryption.inner, dJson.tokens[1].origin], ['decrypted', 1, { kind: 'decrypted', token: 0 }]);
  // The recipient's key from standard input works the same; another RSA key is a JWE_WRONG_KEY error (exit 1).
  assert.match(cli(['--keys', '-', fromJose], { input: pem(recipient.privateKey, 'pkcs8') }).stdout, /^Decryption: decrypted /m);
  const wrong = cli(['--keys', '-', fromJose], { input: pem(generateKeyPair('rsa', { modulusLength: 2048 }).privateKey, 'pkcs8') });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stdout, /^ {2}JWE_WRONG_KEY {2}Key 1: RSA-OAEP decryption of the encrypted key failed/m);
  assert.match(wrong.stdout, /^Decryption: failed RSA-OAEP, A192CBC-HS384$/m);
  assert.doesNotMatch(wrong.stdout, /Token 2/);
  assert.match(cli(['--help']).stdout, /--keys <file\|-> .*decrypt a JWE with the recipient's private key/);
  // --decrypt-key decrypts only: with a JWK verification key beside it (one key text could not hold PEM and JWK), the
  // inner token verifies; alone, the inner signature is left unchecked (exit 0), never failed by the decryption key.
  const recipientFile = await file('recipient.pem', pem(recipient.privateKey, 'pkcs8'));
  const issuerJwk = await file('issuer.jwk', JSON.stringify({ ...issuer.publicJwk, kid: 'sig-1' }));
  const split = cli(['--decrypt-key', recipientFile, '--keys', issuerJwk, fromJose]);
  assert.equal(split.status, 0, split.stdout);
  assert.match(split.stdout, /^Token 2 of 2 \(decrypted from token 1\): JWS, ES256\nSignature: valid ES256/m);
  const alone = cli(['--decrypt-key', '-', fromJose], { input: pem(recipient.privateKey, 'pkcs8') });
  assert.equal(alone.status, 0, alone.stdout);
  assert.match(alone.stdout, /^Decryption: decrypted RSA-OAEP, A192CBC-HS384 \(the token inside is token 2\)$/m);
  assert.doesNotMatch(alone.stdout, /SIG_|Signature: invalid/);
  assert.equal(cli(['--decrypt-key', '-', '--keys', '-', fromJose]).status, 2);
  assert.match(cli(['--help']).stdout, /--decrypt-key <file\|-> .*never used to verify a signature/);
});

test('issue 26: SD-JWT disclosures and DPoP checks are printed, in text and --json', async () => {
  const issuer = api.generateKey('ES256');
  const made = api.signSdJwt('{"iss":"https://issuer.example","given_name":"Erika","age":40,"exp":4102444800}', issuer.privatePem, { disclose: ['given_name', 'age'], now: NOW });
  const keys = await file('issuer.pub.pem', issuer.publicPem);
  const r = cli(['--now', String(NOW), '--keys', keys, made.token]);
  assert.equal(r.status, 0, r.stdout);
  assert.match(r.stdout, /^Token: SDJWT, ES256\nSignature: valid ES256/m);
  assert.match(r.stdout, /^Disclosures \(2\)\n {2}matched {7}given_name: "Erika"\n {2}matched {7}age: 40$/m);
  const asJson = JSON.parse(cli(['--now', String(NOW), '--json', made.token]).stdout);
  assert.deepEqual(asJson, json(api.inspect(made.token, { now: NOW })));
  assert.deepEqual(asJson.tokens[0].disclosures.map((x) => [x.name, x.value, x.status]), [['given_name', 'Erika', 'matched'], ['age', 40, 'matched']]);
  // A changed disclosure: unreferenced, an error.
  const parts = made.token.split('~');
  const [salt, name] = JSON.parse(Buffer.from(parts[1], 'base64url').toString());
  parts[1] = Buffer.from(JSON.stringify([salt, name, 'Mallory'])).toString('base64url');
  const tampered = cli(['--now', String(NOW), parts.join('~')]);
  assert.equal(tampered.status, 1);
  assert.match(tampered.stdout, /^ {2}unreferenced {2}given_name: "Mallory"$/m);
  assert.match(tampered.stdout, /^ {2}SDJWT_UNREFERENCED /m);

  // DPoP: a request with the access token and its proof.
  const holder = api.generateKey('ES256');
  const at = api.sign(JSON.stringify({ iss: 'https://as.example', sub: 'u', exp: NOW + 600, cnf: { jkt: holder.kid } }), issuer.privatePem).token;
  const proof = api.dpopProof(holder.privatePem, { accessToken: at, method: 'POST', url: 'https://rs.example/orders', now: NOW }).token;
  const request = `POST /orders HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${proof}\n`;
  const ok = cli(['--now', String(NOW + 5)], { input: request });
  assert.equal(ok.status, 0, ok.stdout);
  const block = ok.stdout.split('\n\n')[0].split('\n');
  assert.equal(block[0], 'DPoP proof (token 2) for token 1');
  assert.deepEqual(block.slice(1).map((l) => l.slice(0, 22).trimEnd()),
    ['typ', 'alg', 'jwk', 'signature', 'htm', 'htu', 'iat', 'jti', 'ath', 'jkt', 'nonce'].map((rule) => `  pass     ${rule}`));
  assert.match(ok.stdout, /^ {2}pass {5}iat {8}"iat" is 5 s old, within 300 s\.$/m);
  const wrongMethod = cli(['--now', String(NOW + 5)], { input: request.replace('POST /orders', 'PUT /orders') });
  assert.equal(wrongMethod.status, 1);
  assert.match(wrongMethod.stdout, /^ {2}fail {5}htm {8}"htm" is "POST", but the request's method is PUT\.$/m);
  assert.match(wrongMethod.stdout, /^ {2}DPOP_HTM /m);
  const dJson = JSON.parse(cli(['--now', String(NOW + 5), '--json'], { input: request }).stdout);
  assert.deepEqual(dJson, json(api.inspect(request.replace(/\n$/, ''), { now: NOW + 5 })));
  assert.deepEqual([dJson.dpop.proof, dJson.dpop.accessToken, dJson.dpop.checks.every((c) => c.status === 'pass')], [1, 0, true]);
});

test('issue 26: sign --disclose makes an SD-JWT and sign --dpop-url a proof that inspect reads back', async () => {
  const issuer = api.generateKey('ES256');
  const key = await file('sd-issuer.pem', issuer.privatePem);
  const sd = cli(['sign', '{"iss":"https://issuer.example","sub":"s","given_name":"Erika","email":"e@example.org"}', '--key', key, '--disclose', 'given_name', '--disclose', 'email']);
  assert.equal(sd.status, 0, sd.stderr);
  assert.match(sd.stdout, /^[\w-]+\.[\w-]+\.[\w-]+~[\w-]+~[\w-]+~\n$/);
  const r = api.inspect(sd.stdout.trimEnd(), { keys: issuer.publicPem });
  assert.equal(r.tokens[0].kind, 'sdJwt');
  assert.deepEqual(r.tokens[0].disclosures.map((d) => [d.name, d.value, d.status]), [['given_name', 'Erika', 'matched'], ['email', 'e@example.org', 'matched']]);
  assert.equal(r.tokens[0].payload.value.given_name, undefined);
  assert.equal(r.verifications[0].valid, true);
  assert.match(cli(['sign', '{"sub":"s"}', '--key', key, '--disclose', 'nope']).stderr, /nope/);

  // A DPoP proof for POST with an access token bound to the holder's key; the key from standard input.
  const holder = api.generateKey('ES256');
  const at = api.sign(JSON.stringify({ iss: 'https://as.example', sub: 'u', exp: NOW + 600, cnf: { jkt: holder.kid } }), issuer.privatePem).token;
  const args = ['sign', '--key', '-', '--dpop-url', 'https://rs.example/orders', '--dpop-method', 'POST', '--dpop-token', at, '--now', String(NOW)];
  const p = cli(args, { input: holder.privatePem });
  assert.equal(p.status, 0, p.stderr);
  const proof = p.stdout.trimEnd();
  const claims = JSON.parse(Buffer.from(proof.split('.')[1], 'base64url'));
  assert.deepEqual([claims.htm, claims.htu, claims.iat, claims.ath], ['POST', 'https://rs.example/orders', NOW, crypto.createHash('sha256').update(at).digest('base64url')]);
  const request = `POST /orders HTTP/1.1\nHost: rs.example\nAuthorization: DPoP ${at}\nDPoP: ${proof}`;
  const checked = api.inspect(request, { now: NOW + 1 });
  assert.deepEqual(checked.dpop.checks.map((c) => [c.rule, c.status]).filter(([, s]) => s !== 'pass'), []);
  assert.equal(checked.dpop.checks.length, 11);
  assert.deepEqual(api.inspect(request.replace('POST /orders', 'GET /orders'), { now: NOW + 1 }).dpop.checks.filter((c) => c.status === 'fail').map((c) => c.rule), ['htm']);
  // A proof takes no payload, and on a terminal it does not wait for one on standard input.
  const keyFile = await file('holder.pem', holder.privatePem);
  assert.match(cli(['sign', '{}', '--key', keyFile, '--dpop-url', 'https://rs.example/x']).stderr, /--dpop-url makes a DPoP proof .* it takes no payload/);
  const tty = onTerminal(`timeout 10 ${jwtlens} sign --key ${keyFile} --dpop-url https://rs.example/x`);
  assert.equal(tty.status, 0, tty.transcript);
  assert.doesNotMatch(tty.transcript, /reading standard input/);
  assert.match(tty.transcript, /^eyJ[\w-]+\.[\w-]+\.[\w-]+\r?\n$/);
  assert.match(cli(['sign', '--key', keyFile, '--dpop-method', 'POST']).stderr, /--dpop-method and --dpop-token need --dpop-url/);
});
