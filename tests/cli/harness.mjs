// The installed `jwtlens` command for the CLI suites: the packed tarball in a scratch project (one per suite file),
// its bin run as a child process, the API of the same installed package, and the tokens the suites paste.
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scratchProject } from '../package/scratch.mjs';
import { jws } from '../js/tokens.mjs';

export const NOW = 1_700_000_000;
export const POOL = 'us-east-1_AbC123xyz';
export const ISS = `https://cognito-idp.us-east-1.amazonaws.com/${POOL}`;
export const ARN = `arn:aws:cognito-idp:us-east-1:123456789012:userpool/${POOL}`;
export const OTHER_ARN = 'arn:aws:cognito-idp:us-east-1:123456789012:userpool/us-east-1_Other99';
export const CLIENT = '57cbishk4j24pabc1234567890';
export const ADMIN = 'aws.cognito.signin.user.admin';

export const accessToken = (scope, claims = {}) =>
  jws({ kid: 'a=', alg: 'RS256' }, {
    sub: 'u-1', token_use: 'access', scope, auth_time: NOW - 60, iss: ISS, exp: NOW + 3540, iat: NOW - 60,
    jti: 'j', client_id: CLIENT, username: 'alice', ...claims,
  });
export const idToken = (claims = {}) =>
  jws({ kid: 'i=', alg: 'RS256' }, {
    sub: 'u-1', aud: CLIENT, token_use: 'id', auth_time: NOW - 60, iss: ISS, 'cognito:username': 'alice',
    exp: NOW + 3540, iat: NOW - 60, ...claims,
  });

let scratch;
let jwtlens;
let api;
/** The scratch project's folder, the installed bin, and the installed package's API (after `before`). */
export const installed = () => ({ scratch, jwtlens, api });

/** Installs the packed tarball in a scratch project: call from the suite's `before`; resolves to `installed()`. */
export async function setup() {
  ({ dir: scratch } = await scratchProject('jwtlens-cli-'));
  jwtlens = join(scratch, 'node_modules/.bin/jwtlens');
  // The API of the installed package, resolved by name from the scratch project as a user's code would.
  api = await import(pathToFileURL(createRequire(join(scratch, 'package.json')).resolve('jwtlens')).href);
  return installed();
}

/** Removes the scratch project: call from the suite's `after`. */
export async function teardown() {
  if (scratch) await rm(scratch, { recursive: true, force: true });
}

/** The environment without anything that changes colour or Node itself, plus `extra`. */
export function env(extra = {}) {
  const e = { ...process.env, ...extra };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'NODE_OPTIONS']) if (!(name in extra)) delete e[name];
  return e;
}

/** `npx jwtlens …` as a user types it; offline, so a missing local install fails instead of downloading. */
export function npx(args) {
  const r = spawnSync('npx', ['jwtlens', ...args], { cwd: scratch, env: env({ npm_config_offline: 'true' }), encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs the installed bin with `args`; standard input is `input` (a pipe, never a terminal). */
export function cli(args, { input = '', extra = {} } = {}) {
  const r = spawnSync(jwtlens, args, { input, encoding: 'utf8', cwd: scratch, env: env(extra) });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** Runs `command` (a shell line) with a pseudo-terminal as its standard input, output and error. */
export function onTerminal(command, extra = {}) {
  const r = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', cwd: scratch, env: env({ TERM: 'xterm', ...extra }) });
  return { status: r.status, transcript: r.stdout };
}

export const json = (value) => JSON.parse(JSON.stringify(value));
export const ESC = '\x1b';

/** Runs the installed bin without blocking this process (so a server here can answer it). */
export async function cliAsync(args, { input = '' } = {}) {
  const child = spawn(jwtlens, args, { cwd: scratch, env: env() });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  child.stdin.end(input);
  const [status] = await once(child, 'close');
  return { status, stdout, stderr };
}
