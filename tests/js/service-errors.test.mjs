// "What your server said", end to end through the package: mixed pastes (a curl command, an HTTP response, a log)
// holding a token signed here with Node's crypto and the service's message; the agreement confirms or contradicts
// the message against the token at the evaluation time; the `serviceError` option for callers holding them apart;
// UTF-16 offsets; and the decoder-only module (what the page loads first) recognises the same.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inspect } from 'jwtlens';
import * as glue from '../../dist/wasm/jwtlens-decoder.js';
import { api } from '../../js/core.js';
import { generateKeyPair } from './keys.mjs';

glue.initSync({ module: readFileSync(new URL('../../dist/wasm/jwtlens-decoder_bg.wasm', import.meta.url)) });
const decoder = api(glue);

const NOW = 1700000000;
const b64u = (b) => Buffer.from(b).toString('base64url');
const { publicKey, privateKey } = generateKeyPair('rsa', { modulusLength: 2048 });
const jwk = { ...publicKey.export({ format: 'jwk' }), kid: 'key-1', alg: 'RS256', use: 'sig' };
const keys = JSON.stringify({ keys: [jwk] });

function rs256(payload) {
  const input = `${b64u(JSON.stringify({ alg: 'RS256', kid: 'key-1', typ: 'JWT' }))}.${b64u(JSON.stringify(payload))}`;
  return `${input}.${b64u(crypto.sign('sha256', Buffer.from(input), privateKey))}`;
}

const envoy = (token) =>
  `curl -i -H "Authorization: Bearer ${token}" http://orders.example.com/api/orders\n` +
  'HTTP/1.1 401 Unauthorized\nwww-authenticate: Bearer realm="http://orders.example.com/api/orders", error="invalid_token"\n' +
  'content-type: text/plain\nserver: istio-envoy\n\nJwt is expired';

test('a still-valid token with "Jwt is expired": contradicted, with the gap', () => {
  const token = rs256({ sub: 'u1', iss: 'https://issuer.example.com', exp: NOW + 2400 });
  const result = inspect(envoy(token), { now: NOW, keys });
  assert.equal(result.tokens.length, 1);
  assert.equal(result.tokens[0].compact, token);
  assert.equal(result.verifications[0].valid, true);
  assert.equal(result.serviceErrors.length, 1);
  const [e] = result.serviceErrors;
  assert.equal(e.source, 'Envoy jwt_authn (also Istio)');
  assert.equal(e.code, 'invalid_token');
  assert.equal(e.fact, 'expired');
  assert.deepEqual(e.findings, ['TIME_EXPIRED']);
  assert.equal(e.agreement, 'contradicted');
  assert.match(e.agreementDetail, /expires in 40 min/);
  assert.equal(e.text, 'Jwt is expired');
  assert.equal(envoy(token).slice(e.start, e.end), e.text);
});

test('an expired token with a Cognito message: confirmed', () => {
  const token = rs256({ sub: 'u1', token_use: 'access', exp: NOW - 3600 });
  const paste = `${token}\n\nHTTP/1.1 400 Bad Request\nx-amzn-ErrorType: NotAuthorizedException:\n\n{"__type":"NotAuthorizedException","message":"Access Token has expired"}`;
  const [e] = inspect(paste, { now: NOW }).serviceErrors;
  assert.equal(e.source, 'Amazon Cognito');
  assert.equal(e.code, 'NotAuthorizedException');
  assert.equal(e.agreement, 'confirmed');
  assert.match(e.agreementDetail, /expired 1 h ago/);
});

test('a signature the service refuses but the given key verifies: contradicted', () => {
  const token = rs256({ sub: 'u1', exp: NOW + 600 });
  const paste = `jwt.exceptions.InvalidSignatureError: Signature verification failed\n${token}`;
  const [e] = inspect(paste, { now: NOW, keys }).serviceErrors;
  assert.equal(e.source, 'PyJWT');
  assert.equal(e.agreement, 'contradicted');
  assert.match(e.agreementDetail, /another key/);
});

test('the expected audience is the token\'s own: contradicted, the service is configured otherwise', () => {
  const token = rs256({ aud: 'api://orders', exp: NOW + 600 });
  const message = 'JsonWebTokenError: jwt audience invalid. expected: api://orders';
  const serviceError = `  ${message}`;
  const result = inspect(token, { now: NOW, serviceError });
  const [e] = result.serviceErrors;
  assert.equal(e.input, 'serviceError');
  assert.equal(serviceError.slice(e.start, e.end), 'jwt audience invalid. expected: api://orders');
  assert.equal(e.agreement, 'contradicted');
  assert.match(e.agreementDetail, /configured with a different value/);
  assert.deepEqual(e.values, [{ name: 'expected', value: 'api://orders', hidden: false }]);
});

test('the error alone: recognised, no token, nothing to compare; look-alikes yield nothing', () => {
  const result = inspect('{"message":"Unauthorized"}', { now: NOW });
  assert.equal(result.tokens.length, 0);
  assert.deepEqual(result.findings, []);
  assert.equal(result.serviceErrors[0].source, 'Amazon API Gateway');
  assert.deepEqual(result.serviceErrors[0].alsoFrom, ['Kong jwt plugin']);
  assert.equal(result.serviceErrors[0].agreement, 'unknown');
  for (const text of ['If the token has expired, sign in again.', '{"status":"ok","message":"created"}']) {
    assert.deepEqual(inspect(text, { now: NOW }).serviceErrors, [], text);
  }
  assert.deepEqual(inspect(rs256({ exp: NOW }), { now: NOW }).serviceErrors, []);
});

test('offsets are UTF-16 code units, like every other offset', () => {
  const paste = `é😀 ${rs256({ exp: NOW - 10 })}\nTokenExpiredError: jwt expired`;
  const [e] = inspect(paste, { now: NOW }).serviceErrors;
  assert.equal(paste.slice(e.start, e.end), 'TokenExpiredError: jwt expired');
  assert.equal(e.agreement, 'confirmed');
});

test('the decoder-only module recognises the same', () => {
  const token = rs256({ sub: 'u1', exp: NOW + 2400 });
  assert.deepEqual(decoder.inspect(envoy(token), { now: NOW }).serviceErrors, inspect(envoy(token), { now: NOW }).serviceErrors);
  assert.equal(decoder.inspect(envoy(token), { now: NOW }).serviceErrors[0].agreement, 'contradicted');
});
