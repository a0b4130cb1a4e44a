// Prints the size of what `inspect` returns for realistic Cognito pastes with the pool's key set, as JSON text:
// the figure the lean-results work is measured by. Usage: node scripts/result-size.mjs (after npm run build).
import { generateKeyPairSync, createSign } from 'node:crypto';
import { inspect } from 'jwtlens';

const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
const pair = () => generateKeyPairSync('rsa', { modulusLength: 2048 });
const [one, two] = [pair(), pair()];
const jwks = JSON.stringify({
  keys: [
    { ...one.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'RS256', use: 'sig' },
    { ...two.publicKey.export({ format: 'jwk' }), kid: 'k2', alg: 'RS256', use: 'sig' },
  ],
});
const now = 1767223800;
const iss = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_example';
const common = { sub: 'aaaaaaaa-bbbb-cccc-dddd-example', iss, auth_time: now - 600, iat: now - 600, exp: now + 3000, origin_jti: 'bbbbbbbb-cccc-dddd-eeee-example', event_id: 'cccccccc-dddd-eeee-ffff-example' };
const sign = (claims) => {
  const input = `${b64({ kid: 'k1', alg: 'RS256' })}.${b64(claims)}`;
  return `${input}.${createSign('RSA-SHA256').update(input).sign(one.privateKey).toString('base64url')}`;
};
const access = sign({ ...common, token_use: 'access', scope: 'openid email', jti: 'dddddddd-eeee-ffff-0000-example', client_id: '57cbishk4j24pabc1234567890', username: 'jane' });
const id = sign({ ...common, token_use: 'id', aud: '57cbishk4j24pabc1234567890', 'cognito:username': 'jane', email: 'jane@example.com', email_verified: true, jti: 'eeeeeeee-ffff-0000-1111-example' });

const size = (input) => JSON.stringify(inspect(input, { now, keys: jwks })).length;
console.log(`Cognito access token (${access.length} characters) with a 2-key JWKS: ${size(access)} bytes of JSON`);
const response = JSON.stringify({ id_token: id, access_token: access, token_type: 'Bearer', expires_in: 3600 });
console.log(`ID + access token response with the same JWKS: ${size(response)} bytes of JSON`);
