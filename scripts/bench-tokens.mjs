// The tokens the benchmark and the profiler measure, in one place (scripts/bench.mjs, scripts/profile-verify.mjs).
export const b64u = (s) => Buffer.from(s).toString('base64url');
/** A Cognito-sized access token's claims (as in the Cognito developer guide sample). */
export const cognitoClaims = {
  sub: 'aaaaaaaa-bbbb-cccc-dddd-example', device_key: 'aaaaaaaa-bbbb-cccc-dddd-example',
  'cognito:groups': ['admin'], token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: 1562190524,
  iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', exp: 1562194124, iat: 1562190524,
  origin_jti: 'aaaaaaaa-bbbb-cccc-dddd-example', jti: 'aaaaaaaa-bbbb-cccc-dddd-example',
  client_id: '57cbishk4j24pabc1234567890', username: 'janedoe@example.com',
};
export const cognitoHeader = b64u(JSON.stringify({ kid: '1234example=', alg: 'RS256' }));
/** That token with a 256-byte placeholder signature (decoding only). */
export const cognitoToken = `${cognitoHeader}.${b64u(JSON.stringify(cognitoClaims))}.${b64u('x'.repeat(256))}`;
