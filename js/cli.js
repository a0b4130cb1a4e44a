// The `jwtlens` command (bin/jwtlens.js): arguments → API options → inspect / parseKeys / sign → text or JSON. It uses the
// package's own Node entry like any consumer. The token goes to standard output only; standard error gets usage
// errors, the --lines progress count and `jwtlens sign`'s findings, never a token. Nothing is sent anywhere.
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { inspectionView, keysView, lineRecord } from './cli-view.js';
import { clean, palette, renderInspection, renderKeys } from './cli-render.js';

/** A mistake in the command line: one line on standard error, exit status 2. */
class UsageError extends Error {}
/** The command could not answer as asked (the keys to fetch could not be fetched): exit 2, the reasons already said. */
class NoAnswer extends Error {}

const TARGETS = { rest: 'apiGatewayRest', http: 'apiGatewayHttp', oidc: 'oidc' };
const SECRET_ENCODINGS = ['utf8', 'base64', 'base64url', 'hex'];

/**
 * Every flag, in the order --help lists them: [group, flag, value placeholder (null for a switch), help, extras].
 * Extras: `repeat` (collects an array), `choices`, `target` (only with that --target), `in` (the commands that take
 * it, default the main one).
 */
const ALL = 'inspect keys sign';
const FLAGS = [
  ['Context', '--now', '<unix|ISO>', 'evaluation time (default: this machine\'s clock)', { in: ALL }],
  ['Context', '--skew', '<seconds>', 'clock skew allowed for exp, nbf and iat'],
  ['Context', '--issuer', '<iss>', 'expected issuer; with --target http or oidc, the one configured there'],
  ['Context', '--pool', '<id|ARN>', 'expected Cognito user pool'],
  ['Context', '--client-id', '<id>', 'expected client id; with --target oidc, the relying party\'s'],
  ['Context', '--audience', '<aud>', 'expected audience; with --target http, the configured audiences (repeatable)', { repeat: true }],
  ['Context', '--token-use', 'id|access', 'the token type expected', { choices: ['id', 'access'] }],
  ['Context', '--scope', '<scope>', 'a scope the token must carry (repeatable)', { repeat: true }],
  ['Target', '--target', '<service>', 'simulate a service: getuser or another Cognito user-pool operation (ChangePassword, …), rest, http or oidc'],
  ['Target', '--pool-arn', '<arn>', 'rest: a user pool ARN of the Cognito authorizer (repeatable)', { repeat: true, target: 'rest' }],
  ['Target', '--method-scope', '<scope>', 'rest: an OAuth scope of the method (repeatable)', { repeat: true, target: 'rest' }],
  ['Target', '--validation-regex', '<regex>', 'rest: the authorizer\'s token validation regex', { target: 'rest' }],
  ['Target', '--header', '<value>', 'rest: the Authorization header as sent; the input when no other is given', { target: 'rest' }],
  ['Target', '--route-scope', '<scope>', 'http: an authorization scope of the route (repeatable)', { repeat: true, target: 'http' }],
  ['Keys', '--keys', '<file|->', 'verify signatures with a JWK, JWKS, PEM keys or certificates, or an HMAC secret'],
  ['Keys', '--secret-encoding', SECRET_ENCODINGS.join('|'), 'how to read an HMAC secret (default utf8)', { choices: SECRET_ENCODINGS, in: ALL }],
  ['Keys', '--fetch-keys', null, 'fetch the issuer\'s published keys (of --pool or --issuer, else the token\'s own iss) and verify with them'],
  ['Sign', '--key', '<file|->', 'sign: the private key (PEM, JWK, JWKS) or HMAC secret to sign with', { in: 'sign' }],
  ['Sign', '--generate-key', '<alg>', 'sign: print a new throwaway test key for <alg> (private and public PEM, or a secret)', { in: 'sign' }],
  ['Sign', '--alg', '<alg>', 'sign: the algorithm when the header has none (default: from the key); none: unsecured', { in: 'sign' }],
  ['Sign', '--jose-header', '<json>', 'sign: the protected header (default {}); alg is written into it when missing', { in: 'sign' }],
  ['Sign', '--kid', '<kid>', 'sign: the kid header parameter', { in: 'sign' }],
  ['Sign', '--typ', '<typ>', 'sign: the typ header parameter (JWT, at+jwt, …)', { in: 'sign' }],
  ['Sign', '--iat', null, 'sign: add iat, the evaluation time (--now)', { in: 'sign' }],
  ['Sign', '--expires-in', '<seconds>', 'sign: add iat and exp = iat + seconds', { in: 'sign' }],
  ['Output', '--json', null, 'print the result object exactly as the API returns it', { in: ALL }],
  ['Output', '--lines', null, 'read one input per line of standard input, write one JSON object per line'],
  ['Output', '--no-color', null, 'no colour (also without a terminal, or with NO_COLOR set)', { in: ALL }],
  ['Output', '--help', null, 'this help (-h)', { in: ALL }],
  ['Output', '--version', null, 'the version (-v)', { in: ALL }],
];
const FLAG = new Map(FLAGS.map(([group, name, value, help, extras]) => [name, { group, name, value, help, in: 'inspect', ...extras }]));
const ALIASES = { '-h': '--help', '-v': '--version' };

/**
 * Reads the command line: `{ command: 'inspect' | 'keys' | 'sign', flags: { '--now': '…', '--scope': [...] }, inputs }`.
 * Accepts `--flag value` and `--flag=value`; `--` ends the flags; `-` is an input meaning standard input.
 */
export function parseArgs(argv) {
  const flags = {};
  const inputs = [];
  let rest = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (rest || arg === '-' || !arg.startsWith('-')) {
      inputs.push(arg);
      continue;
    }
    if (arg === '--') {
      rest = true;
      continue;
    }
    const eq = arg.indexOf('=');
    const name = ALIASES[arg] ?? (eq > 0 ? arg.slice(0, eq) : arg);
    const spec = FLAG.get(name);
    if (!spec) throw new UsageError(`unknown option ${name}`);
    let value = true;
    if (spec.value === null) {
      if (eq > 0) throw new UsageError(`${name} takes no value`);
    } else if (eq > 0) {
      value = arg.slice(eq + 1);
    } else if (i + 1 < argv.length) {
      value = argv[++i];
    } else {
      throw new UsageError(`${name} needs a value ${spec.value}`);
    }
    if (spec.choices && !spec.choices.includes(value)) throw new UsageError(`${name} must be one of ${spec.choices.join(', ')}`);
    if (spec.repeat) (flags[name] ??= []).push(value);
    else if (name in flags) throw new UsageError(`${name} is given twice`);
    else flags[name] = value;
  }
  const command = inputs[0] === 'keys' || inputs[0] === 'sign' ? inputs.shift() : 'inspect';
  const misplaced = Object.keys(flags).find((f) => !FLAG.get(f).in.split(' ').includes(command));
  if (misplaced) throw new UsageError(`${misplaced} is not an option of jwtlens${command === 'inspect' ? '' : ` ${command}`}`);
  if (command === 'keys' && inputs.length !== 1 && !flags['--help']) {
    throw new UsageError('jwtlens keys takes one file (or - for standard input)');
  }
  return { command, flags, inputs };
}

/** `--now` as seconds since the epoch: a number, or an ISO 8601 date. */
function parseNow(text) {
  const seconds = /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : Date.parse(text) / 1000;
  if (!Number.isFinite(seconds)) throw new UsageError('--now must be seconds since the epoch or an ISO 8601 date');
  return seconds;
}

function parseSkew(text) {
  if (!/^\d+(\.\d+)?$/.test(text)) throw new UsageError('--skew must be a number of seconds');
  return Number(text);
}

/** The target object of `--target` and its flags. */
function toTarget(f) {
  const name = f['--target'];
  for (const [flag, spec] of FLAG) {
    if (spec.target && flag in f && spec.target !== name) throw new UsageError(`${flag} needs --target ${spec.target}`);
  }
  if (name === undefined) return undefined;
  const need = (flag) => {
    if (!(flag in f)) throw new UsageError(`--target ${name} needs ${flag}`);
    return f[flag];
  };
  switch (TARGETS[name]) {
    case 'apiGatewayRest':
      return {
        kind: 'apiGatewayRest', providerArns: need('--pool-arn'), scopes: f['--method-scope'],
        identityValidationExpression: f['--validation-regex'], headerValue: f['--header'],
      };
    case 'apiGatewayHttp':
      return { kind: 'apiGatewayHttp', issuer: need('--issuer'), audiences: need('--audience'), scopes: f['--route-scope'] };
    case 'oidc':
      return { kind: 'oidc', issuer: need('--issuer'), clientId: need('--client-id') };
    default:
      return { kind: 'cognitoApi', operation: name.toLowerCase() === 'getuser' ? 'GetUser' : name };
  }
}

/** The `inspect` options of the flags: only what was given, so the API's defaults apply to the rest. */
function toOptions(f, keys) {
  const target = toTarget(f);
  const takes = (field) => target && field in target;
  const pool = f['--pool'];
  const expect = {
    issuer: takes('issuer') ? undefined : f['--issuer'],
    clientId: takes('clientId') ? undefined : f['--client-id'],
    audience: takes('audiences') ? undefined : f['--audience'],
    userPoolArn: pool?.startsWith('arn:') ? pool : undefined,
    userPoolId: pool?.startsWith('arn:') ? undefined : pool,
    tokenUse: f['--token-use'],
    scopes: f['--scope'],
  };
  return prune({
    now: '--now' in f ? parseNow(f['--now']) : undefined,
    clockSkew: '--skew' in f ? parseSkew(f['--skew']) : undefined,
    expect: prune(expect),
    target: target && prune(target),
    keys,
    secretEncoding: f['--secret-encoding'],
  });
}

/**
 * Drops members left undefined, and objects left empty (but a target). Needed for `now`: the API reads a present
 * `now: undefined` as "no evaluation time", not as "the default clock".
 */
function prune(object) {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined);
  return entries.length || object.kind ? Object.fromEntries(entries) : undefined;
}

function hintIfTerminal(io) {
  if (io.stdin.isTTY) io.stderr.write('jwtlens: reading standard input (end with Ctrl-D; jwtlens --help for usage)\n');
}

/** Standard input as pasted text: without the one line break that ends `echo` or a file (it was never pasted). */
async function readInput(io) {
  hintIfTerminal(io);
  const chunks = [];
  for await (const chunk of io.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString('utf8').replace(/\r?\n$/, '');
}

/** A file's text (keys are read as they are, a trailing line break included), or standard input's for `-`. */
function readFile(path, what, io) {
  if (path === '-') return readInput(io);
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${e.code ?? e.message}`);
  }
}

/** A key file: its text when it is UTF-8 (PEM, JWK, a secret), else its bytes (a DER key or certificate). */
async function readKeyFile(path, what, io) {
  if (path === '-') return readInput(io);
  let bytes;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    throw new UsageError(`cannot read ${what} ${path}: ${e.code ?? e.message}`);
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new Uint8Array(bytes);
  }
}

/**
 * `--fetch-keys`: the key set of the issuer named by --pool or --issuer, else by the token's own (unverified) iss.
 * Says on standard error what is requested before requesting it; what went wrong is on standard error too, and
 * no answer is given without the keys asked for (exit 2).
 */
async function fetchedKeys(api, flags, text, io) {
  const source = flags['--pool'] ?? flags['--issuer'] ?? text;
  const plan = api.planIssuerKeys(source);
  const say = (f) => io.stderr.write(`jwtlens: ${f.message}${f.fix ? ` ${f.fix}` : ''}\n`);
  if (!plan.url) {
    plan.findings.forEach(say);
    throw new NoAnswer('--fetch-keys: nothing to fetch');
  }
  const then = plan.discovery ? ', then the jwks_uri it names' : '';
  io.stderr.write(`jwtlens: fetching the issuer's keys: GET ${plan.url}${then} (no credentials; nothing of the token is sent)\n`);
  const fetched = await api.fetchIssuerKeys(source);
  fetched.findings.forEach(say);
  if (fetched.jwks === undefined || fetched.jwks === null) throw new NoAnswer('--fetch-keys: no keys were fetched');
  return fetched.jwks;
}

/** Writes respecting back-pressure, so a slow reader of a pipe never makes output pile up in memory. */
async function write(stream, text) {
  if (!stream.write(text)) await once(stream, 'drain');
}

/** Lines longer than this are reported, not inspected: WebAssembly memory grows with the largest input and stays. */
const MAX_LINE = 1 << 20;

/**
 * `--lines`: one record per input line, streamed. Each line is handled as readline emits it, so only the current
 * input chunk is held; when the reader of standard output falls behind, input pauses until it drains. (readline's
 * async iterator would queue up to 1,024 lines ahead.) Returns 1 when any line has status 1.
 */
async function runLines(api, options, io) {
  hintIfTerminal(io);
  const progress = io.stderr.isTTY ? progressMeter(io.stderr) : null;
  const lines = createInterface({ input: io.stdin, crlfDelay: Infinity });
  let line = 0;
  let status = 0;
  let failure = null;
  let waiting = false;
  // With keys, a verifier reads them once instead of once per line.
  const { keys, secretEncoding, now, ...context } = options ?? {};
  const verifier = keys === undefined ? null : api.createVerifier({ keys, secretEncoding, now, ...context });
  const inspect = verifier ? (text) => verifier.inspect(text, now === undefined ? {} : { now }) : (text) => api.inspect(text, options);
  lines.on('line', (text) => {
    if (failure) return;
    try {
      line++;
      const record = text.length > MAX_LINE
        ? { line, status: 1, decision: null, codes: [], tokens: [], skipped: `longer than ${MAX_LINE} characters` }
        : lineRecord(inspect(text), line);
      status = Math.max(status, record.status);
      if (!io.stdout.write(`${JSON.stringify(record)}\n`) && !waiting) {
        waiting = true;
        lines.pause();
        io.stdout.once('drain', () => {
          waiting = false;
          lines.resume();
        });
      }
      progress?.(line);
    } catch (e) {
      failure = e;
      lines.close();
    }
  });
  await once(lines, 'close');
  verifier?.free();
  if (failure) throw failure;
  progress?.(line, true);
  return status;
}

/** A count on standard error (a terminal), shown once input takes over a second, updated four times a second. */
function progressMeter(stderr) {
  const start = Date.now();
  let shown = 0;
  return (lines, done = false) => {
    const now = Date.now();
    if (done) {
      if (shown) stderr.write(`\rjwtlens: ${lines.toLocaleString('en')} lines in ${((now - start) / 1000).toFixed(1)} s\n`);
    } else if (now - start > 1000 && now - shown >= 250) {
      shown = now;
      const rate = Math.round(lines / ((now - start) / 1000));
      stderr.write(`\rjwtlens: ${lines.toLocaleString('en')} lines, ${rate.toLocaleString('en')}/s `);
    }
  };
}

/** `--expires-in` as a number of seconds (negative: an expired token). */
function parseSeconds(text) {
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw new UsageError('--expires-in must be a number of seconds');
  return Number(text);
}

/**
 * `jwtlens sign`: the token alone on standard output (so `$(jwtlens sign …)` captures it), its findings on standard
 * error; or, with --generate-key, a new test key. Exit status 1 when nothing was signed.
 */
async function runSign(api, flags, inputs, io) {
  if (flags['--generate-key'] !== undefined) {
    if (inputs.length || flags['--key'] !== undefined) throw new UsageError('--generate-key takes no payload and no --key: it prints a new key');
    const key = api.generateKey(flags['--generate-key']);
    const text = flags['--json'] ? `${JSON.stringify(key)}\n` : key.secret !== null ? `${key.secret}\n` : `${key.privatePem}${key.publicPem}`;
    await write(io.stdout, text);
    return 0;
  }
  if (inputs.length > 1) throw new UsageError('jwtlens sign takes one payload (JSON text, or - for standard input)');
  const unsecured = flags['--alg'] === 'none';
  if (flags['--key'] === undefined && !unsecured) throw new UsageError('jwtlens sign needs --key <file|-> (or --generate-key <alg> to make one)');
  const payloadArg = inputs[0] ?? '-';
  if (payloadArg === '-' && flags['--key'] === '-') throw new UsageError('standard input can be read only once');
  const key = flags['--key'] === undefined ? '' : await readFile(flags['--key'], '--key file', io);
  const payload = payloadArg === '-' ? await readInput(io) : payloadArg;
  const expiresIn = '--expires-in' in flags ? parseSeconds(flags['--expires-in']) : undefined;
  const options = prune({
    header: flags['--jose-header'],
    alg: flags['--alg'],
    kid: flags['--kid'],
    typ: flags['--typ'],
    iat: flags['--iat'] || expiresIn !== undefined ? 'now' : undefined,
    expiresIn,
    now: '--now' in flags ? parseNow(flags['--now']) : undefined,
    secretEncoding: flags['--secret-encoding'],
  }) ?? {};
  const signed = api.sign(payload, key, options);
  if (flags['--json']) {
    await write(io.stdout, `${JSON.stringify(signed)}\n`);
  } else {
    // Warnings and errors; notes (what the key text was read as, a replaced claim) are in --json.
    for (const f of signed.findings.filter((x) => x.severity !== 'info')) {
      io.stderr.write(`jwtlens: ${f.severity} ${f.code}: ${clean(f.message)}\n`);
    }
    if (signed.token) await write(io.stdout, `${signed.token}\n`);
  }
  return signed.token ? 0 : 1;
}

function help() {
  const lines = [
    'Usage: jwtlens [options] [input…]     decode and diagnose tokens (no input: standard input)',
    '       jwtlens --lines [options]       one input per line of standard input, JSON lines out',
    '       jwtlens keys <file|->           what jwtlens reads in a key file',
    '       jwtlens sign <payload|-> --key <file|->   sign a test token (JSON payload; no payload: standard input)',
    '       jwtlens sign --generate-key <alg>       print a throwaway test key',
    '',
    'Each input is pasted text: a token, an Authorization header, a token response, a redirect URL. Give',
    'several tokens in one input ("$ID $ACCESS") to have them compared. Everything runs locally.',
  ];
  let group;
  for (const spec of FLAG.values()) {
    if (spec.group !== group) lines.push('', `${(group = spec.group)}:`);
    lines.push(`  ${`${spec.name}${spec.value ? ` ${spec.value}` : ''}`.padEnd(34)} ${spec.help}`);
  }
  lines.push(
    '',
    'Exit status: 0 nothing wrong (or the target allows), 1 a deny verdict or an error finding, 2 a usage error.',
    'Every finding code is explained in docs/codes.md of the jwtlens repository.',
  );
  return `${lines.join('\n')}\n`;
}

function version() {
  return JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')).version;
}

/** Colour only on a terminal, never with NO_COLOR (any non-empty value), TERM=dumb or --no-color. */
function wantsColor(io, flags) {
  return Boolean(io.stdout.isTTY) && !flags['--no-color'] && !io.env.NO_COLOR && io.env.TERM !== 'dumb';
}

/**
 * Runs one command line with `io` = `{ stdin, stdout, stderr, env }`. Resolves to the exit status: 0 nothing wrong
 * (or allow), 1 a deny verdict or an error finding, 2 a usage error (or anything else that prevented an answer).
 */
export async function main(argv, io) {
  try {
    const { command, flags, inputs } = parseArgs(argv);
    if (flags['--help']) return await write(io.stdout, help()), 0;
    if (flags['--version']) return await write(io.stdout, `${version()}\n`), 0;
    if (flags['--fetch-keys'] && flags['--keys'] !== undefined) throw new UsageError('give --keys or --fetch-keys, not both');
    if (flags['--fetch-keys'] && flags['--lines'] && !flags['--pool'] && !flags['--issuer']) {
      throw new UsageError('--fetch-keys with --lines needs --pool or --issuer (the lines may name several issuers)');
    }
    const colors = palette(wantsColor(io, flags));
    const api = await import('./node.js');

    if (command === 'sign') return await runSign(api, flags, inputs, io);

    if (command === 'keys') {
      const now = '--now' in flags ? parseNow(flags['--now']) : undefined;
      const set = api.parseKeys(await readKeyFile(inputs[0], 'key file', io), prune({ now, secretEncoding: flags['--secret-encoding'] }));
      const view = keysView(set);
      await write(io.stdout, flags['--json'] ? `${JSON.stringify(set)}\n` : renderKeys(view, colors));
      return view.status;
    }

    if (flags['--lines'] && inputs.length) throw new UsageError('--lines reads standard input: give no input arguments');
    const stdinReaders = inputs.filter((i) => i === '-').length + (flags['--keys'] === '-');
    if (stdinReaders > 1) throw new UsageError('standard input can be read only once');
    if (flags['--keys'] === '-' && !inputs.length && !flags['--header']) {
      throw new UsageError('--keys - reads standard input: give the token as an argument');
    }
    if (!flags['--lines'] && !inputs.length) inputs.push(flags['--header'] ?? '-');
    // Standard input is read once, before any key fetch that may need the token's issuer.
    const texts = [];
    for (const input of inputs) texts.push(input === '-' ? await readInput(io) : input);
    let keys = flags['--keys'] === undefined ? undefined : await readKeyFile(flags['--keys'], '--keys file', io);
    if (flags['--fetch-keys']) keys = await fetchedKeys(api, flags, texts[0], io);
    const options = toOptions(flags, keys);
    if (flags['--lines']) return await runLines(api, options, io);

    let status = 0;
    for (const [i, text] of texts.entries()) {
      const result = api.inspect(text, options);
      const view = inspectionView(result);
      const heading = inputs.length > 1 ? `Input ${i + 1} of ${inputs.length}` : null;
      await write(io.stdout, flags['--json'] ? `${JSON.stringify(result)}\n` : renderInspection(view, colors, heading));
      status = Math.max(status, view.status);
    }
    return status;
  } catch (e) {
    // A JwtlensError is the API refusing options built from the command line: a usage error too.
    const usage = e instanceof UsageError || e?.name === 'JwtlensError';
    if (e instanceof NoAnswer) io.stderr.write(`jwtlens: ${e.message}\n`);
    else io.stderr.write(usage ? `jwtlens: ${e.message} (see jwtlens --help)\n` : `jwtlens: internal error: ${e?.message}\n`);
    // Never 1, which scripts read as "deny".
    return 2;
  }
}
