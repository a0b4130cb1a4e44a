// Prints operations per second for jwtlens next to jose in the same Node process. Figures, not a test: run it with
// `npm run bench` (which builds first). Each figure is the best of 5 rounds of ~300 ms.
import * as jose from 'jose';
import * as jwtlens from 'jwtlens';

/**
 * Best of 5 rounds of ~300 ms, in operations per second. `fn` may return a promise (jose's verify is async): each
 * batch of 50 calls then runs concurrently and is awaited, the way a server would run it.
 */
async function opsPerSecond(fn) {
  let best = 0;
  for (let round = 0; round < 5; round++) {
    let n = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < 300) {
      const results = [];
      for (let i = 0; i < 50; i++) results.push(fn());
      if (results[0] instanceof Promise) await Promise.all(results);
      n += 50;
      elapsed = performance.now() - start;
    }
    best = Math.max(best, (n * 1000) / elapsed);
  }
  return best;
}

const b64u = (s) => Buffer.from(s).toString('base64url');
// A Cognito-sized access token (claims as in the Cognito developer guide sample).
const claims = {
  sub: 'aaaaaaaa-bbbb-cccc-dddd-example', device_key: 'aaaaaaaa-bbbb-cccc-dddd-example',
  'cognito:groups': ['admin'], token_use: 'access', scope: 'aws.cognito.signin.user.admin', auth_time: 1562190524,
  iss: 'https://cognito-idp.us-west-2.amazonaws.com/us-west-2_example', exp: 1562194124, iat: 1562190524,
  origin_jti: 'aaaaaaaa-bbbb-cccc-dddd-example', jti: 'aaaaaaaa-bbbb-cccc-dddd-example',
  client_id: '57cbishk4j24pabc1234567890', username: 'janedoe@example.com',
};
const token = `${b64u(JSON.stringify({ kid: '1234example=', alg: 'RS256' }))}.${b64u(JSON.stringify(claims))}.${b64u('x'.repeat(256))}`;

const rows = [];
const row = (operation, ours, theirs) => rows.push({ operation, jwtlens: Math.round(ours), jose: Math.round(theirs), ratio: +(ours / theirs).toFixed(2) });

row('decode (inspect vs decodeJwt+decodeProtectedHeader)', await opsPerSecond(() => jwtlens.inspect(token)),
  await opsPerSecond(() => { jose.decodeProtectedHeader(token); jose.decodeJwt(token); }));

if (typeof jwtlens.verify === 'function') {
  const { verifyRows } = await import('./bench-verify.mjs');
  for (const [operation, ours, theirs] of await verifyRows(jwtlens, jose, opsPerSecond)) row(operation, ours, theirs);
}

console.log(`Node ${process.version}, ${new Date().toISOString().slice(0, 10)}; operations per second (best of 5)`);
console.table(rows);
