// The example tokens of <jwt-lens>, for the two motivating cases. Claims are obviously fake (example pool, zero
// UUIDs, example.com); the signature is zero bytes of the right length, so nothing here verifies.
import { clockSeconds } from '../clock.js';

function b64url(text) {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const EXAMPLE_POOL = 'us-east-1_EXAMPLE';
const EXAMPLE_ISS = `https://cognito-idp.us-east-1.amazonaws.com/${EXAMPLE_POOL}`;
const EXAMPLE_CLIENT = '1example2client3id4abcdefg';
const zeroSignature = 'A'.repeat(342);

/**
 * The example tokens: `getUser`, a hosted-UI access token requested with scope "openid email" (GetUser refuses
 * it: no aws.cognito.signin.user.admin scope), and `restIdToken`, an ID token sent to a REST API method whose
 * Cognito authorizer has OAuth scopes (401: such methods want an access token). Each comes with the context to
 * paste it in. Times are relative to `now` (seconds).
 */
export function examples(now = Math.floor(clockSeconds())) {
  const header = b64url(JSON.stringify({ kid: 'EXAMPLEkeyid1234567890=', alg: 'RS256' }));
  const common = {
    iss: EXAMPLE_ISS,
    origin_jti: '00000000-0000-4000-8000-00000000aaaa',
    event_id: '00000000-0000-4000-8000-00000000bbbb',
    auth_time: now - 600,
    exp: now + 3000,
    iat: now - 600,
    jti: '00000000-0000-4000-8000-00000000cccc',
  };
  const access = {
    sub: '00000000-0000-4000-8000-000000000000', token_use: 'access', scope: 'openid email', ...common,
    version: 2, client_id: EXAMPLE_CLIENT, username: 'example-user',
  };
  const id = {
    at_hash: 'EXAMPLEathash000000000A', sub: '00000000-0000-4000-8000-000000000000', email_verified: true, ...common,
    'cognito:username': 'example-user', aud: EXAMPLE_CLIENT, token_use: 'id', email: 'user@example.com',
  };
  return {
    getUser: {
      title: 'Cognito GetUser: access token without the admin scope',
      token: `${header}.${b64url(JSON.stringify(access))}.${zeroSignature}`,
      context: {},
    },
    restIdToken: {
      title: 'API Gateway REST: ID token on a method with scopes',
      token: `${header}.${b64url(JSON.stringify(id))}.${zeroSignature}`,
      context: { target: { kind: 'apiGatewayRest', providerArns: [`arn:aws:cognito-idp:us-east-1:123456789012:userpool/${EXAMPLE_POOL}`], scopes: ['example-api/orders.read'] } },
    },
  };
}

