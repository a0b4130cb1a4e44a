// `jwtlens sign` from the packed tarball: test keys, the token alone on standard output, findings on standard error.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { repo, run } from '../package/scratch.mjs';
import { generateKeyPair } from '../js/keys.mjs';
import { b64u, jws } from '../js/tokens.mjs';
import { ADMIN, ARN, CLIENT, ESC, ISS, NOW, OTHER_ARN, POOL, accessToken, cli, cliAsync, env, idToken, json, setup, teardown, npx, onTerminal } from './harness.mjs';

let scratch;
let jwtlens;
let api;
before(async () => ({ scratch, jwtlens, api } = await setup()));
after(teardown);

test('sign: a generated test key, the token alone on standard output, findings on standard error', async () => {
  const generated = cli(['sign', '--generate-key', 'ES256']);
  assert.equal(generated.status, 0, generated.stderr);
  assert.match(generated.stdout, /^-----BEGIN PRIVATE KEY-----\n[\s\S]+-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n[\s\S]+-----END PUBLIC KEY-----\n$/);
  const keyFile = join(scratch, 'test-key.pem');
  await writeFile(keyFile, generated.stdout);

  const payload = '{"sub":"cli","n":12345678901234567890}';
  const r = cli(['sign', payload, '--key', keyFile, '--kid', 'k1', '--typ', 'JWT', '--expires-in', '60', '--now', String(NOW)]);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stderr, '');
  const token = r.stdout.trimEnd();
  assert.match(r.stdout, /^[\w-]+\.[\w-]+\.[\w-]{86}\n$/);
  const [header, body] = token.split('.').slice(0, 2).map((s) => Buffer.from(s, 'base64url').toString());
  assert.equal(header, '{"alg":"ES256","typ":"JWT","kid":"k1"}');
  assert.equal(body, `{"sub":"cli","n":12345678901234567890,"iat":${NOW},"exp":${NOW + 60}}`);
  assert.ok(api.verify(token, generated.stdout).valid);
  // --json is the API's result exactly; the payload can come from standard input.
  const asJson = cli(['sign', '--json', '--key', keyFile, '--alg', 'ES256'], { input: `${payload}\n` });
  const result = JSON.parse(asJson.stdout);
  assert.equal(result.payload, payload);
  assert.ok(api.verify(result.token, JSON.stringify(result.publicJwk)).valid);
  assert.deepEqual({ ...result, token: null }, { ...json(api.sign(payload, generated.stdout, { alg: 'ES256' })), token: null });

  // An HMAC secret as printed; --alg none needs no key; refusals exit 1 with nothing on standard output.
  const secret = cli(['sign', '--generate-key', 'HS384']).stdout.trimEnd();
  assert.match(secret, /^[\w-]{64}$/);
  const hs = cli(['sign', '{}', '--key', '-', '--alg', 'HS384'], { input: secret });
  assert.ok(api.verify(hs.stdout.trimEnd(), secret).valid);
  const none = cli(['sign', '{"sub":"x"}', '--alg', 'none']);
  assert.deepEqual(none, { status: 0, stdout: 'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.\n', stderr: none.stderr });
  assert.match(none.stderr, /^jwtlens: warning SIGN_ALG_NONE: /);
  const pub = cli(['sign', '{}', '--key', '-'], { input: api.generateKey('EdDSA').publicPem });
  assert.equal(pub.status, 1);
  assert.equal(pub.stdout, '');
  assert.match(pub.stderr, /^jwtlens: error SIGN_PUBLIC_KEY: Key 1 is a public key/);
  const broken = cli(['sign', '{"sub":', '--key', keyFile]);
  assert.equal(broken.status, 1);
  assert.match(broken.stderr, /SIGN_JSON_INVALID: The payload is not valid JSON: .* at line 1, column 7\./);

  for (const [args, message] of [
    [['sign', '{}'], /jwtlens sign needs --key/],
    [['sign', '{}', '--generate-key', 'ES256'], /--generate-key takes no payload/],
    [['sign', '--generate-key', 'HS1'], /alg must be one of HS256/],
    [['sign', '{}', '{}', '--key', keyFile], /takes one payload/],
    [['sign', '-', '--key', '-'], /standard input can be read only once/],
    [['sign', '{}', '--key', keyFile, '--expires-in', 'soon'], /--expires-in must be a number/],
    [['sign', '{}', '--key', keyFile, '--target', 'rest'], /--target is not an option of jwtlens sign/],
  ]) {
    const u = cli(args);
    assert.equal(u.status, 2, args.join(' '));
    assert.match(u.stderr, message);
    assert.equal(u.stdout, '');
  }
});

