// The `jwtlens` command's arguments: every flag, `--help`, and the API options they make. The target flags come from
// the core's tables (js/generated/tables.js): `--target` takes each target kind (`--target resourceServer`), its
// aliases (`rest`, `http`, …) or a Cognito operation name (`--target GetUser`), and each setting of a target is a
// flag of its own (its name, label and help are the table's). The evaluation time and the clock skew are checked by
// the core, not here: its refusal is reworded in the flag's terms (`--skew must be …`).
import { TARGETS } from '../generated/tables.js';

/** A mistake in the command line: one line on standard error, exit status 2. */
export class UsageError extends Error {}

const SECRET_ENCODINGS = ['utf8', 'base64', 'base64url', 'hex'];
const ALL = 'inspect keys sign';
const kinds = TARGETS.map((t) => t.kind);

/** The target a `--target` value names: a kind, an alias, or (anything else) a Cognito operation. */
export function targetOf(name) {
  return TARGETS.find((t) => t.kind === name || t.aliases.includes(name))
    ?? TARGETS.find((t) => t.kind === name.toLowerCase() || t.aliases.includes(name.toLowerCase()));
}
const COGNITO = TARGETS.find((t) => t.kind === 'cognitoApi');

/** Flags that are expectations without a target, and a target's own setting with one that has it. */
const CONTEXT = [
  ['--now', '<unix|ISO>', 'evaluation time (default: this machine\'s clock)', { in: ALL }],
  ['--skew', '<seconds>', 'clock skew allowed for exp, nbf and iat'],
  ['--issuer', '<iss>', 'expected issuer', { field: 'issuer' }],
  ['--pool', '<id|ARN>', 'expected Cognito user pool'],
  ['--client-id', '<id>', 'expected client id', { field: 'clientId' }],
  ['--audience', '<aud>', 'expected audience (repeatable)', { repeat: true, field: 'audience' }],
  ['--token-use', 'id|access', 'the token type expected', { choices: ['id', 'access'] }],
  ['--scope', '<scope>', 'a scope the token must carry (repeatable)', { repeat: true }],
];

/** The target's settings as flags: `{ flag, setting, target }` for each, from the tables. */
const SETTING_FLAGS = TARGETS.flatMap((t) => t.settings.map((s) => ({ flag: s.flag, setting: s, target: t })));

function targetFlags() {
  const byFlag = new Map();
  for (const { flag, setting, target } of SETTING_FLAGS) {
    const entry = byFlag.get(flag) ?? { uses: [], list: false, switch: false };
    entry.uses.push({ setting, target });
    entry.list ||= setting.kind === 'list';
    entry.switch ||= setting.kind === 'switch';
    byFlag.set(flag, entry);
  }
  return byFlag;
}
const TARGET_FLAGS = targetFlags();

/** `kind (aliases)` for help and messages. */
const named = (t) => (t.aliases.length ? `${t.kind} (${t.aliases.join(', ')})` : t.kind);
const uses = (entry) => entry.uses.map(({ setting, target }) => `${named(target)}: ${setting.hint}`).join('; ');

/**
 * Every flag, in the order --help lists them: [group, flag, value placeholder (null for a switch), help, extras].
 * Extras: `repeat` (collects an array), `choices`, `targets` (only with those targets, unless also an expectation),
 * `in` (the commands that take it, default the main one).
 */
const FLAGS = [
  ...CONTEXT.map(([flag, value, help, extras]) => {
    const entry = TARGET_FLAGS.get(flag);
    const more = entry ? `; with --target ${entry.uses.map(({ target }) => target.aliases[0] ?? target.kind).join(', ')}, the one configured there` : '';
    return ['Context', flag, value, help + more, { ...extras, repeat: extras?.repeat || entry?.list, context: true }];
  }),
  ['Target', '--target', '<service>', `simulate a service: ${TARGETS.map(named).join(', ')}; or a Cognito user-pool operation by name (GetUser, ChangePassword, …)`],
  ...[...TARGET_FLAGS].filter(([flag]) => !CONTEXT.some(([c]) => c === flag)).map(([flag, entry]) => ['Target', flag,
    entry.switch ? null : `<${entry.uses[0].setting.name}>`, `${uses(entry)}${entry.list ? ' (repeatable)' : ''}`,
    { repeat: entry.list, targets: entry.uses.map(({ target }) => target.kind) }]),
  ['Context', '--error', '<text>', 'what the service answered (a WWW-Authenticate header, a JSON error, a log line): explained and checked against the token; it may also be in the input'],
  ['Keys', '--keys', '<file|->', 'verify signatures with a JWK, JWKS, PEM keys or certificates, or an HMAC secret; decrypt a JWE with the recipient\'s private key or the shared secret'],
  ['Keys', '--decrypt-key', '<file|->', 'decrypt a JWE with the recipient\'s private key (PEM, JWK, JWKS) or the shared secret, never used to verify a signature'],
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
  ['Sign', '--encrypt-to', '<file|->', 'sign: then encrypt the token (JWE) for this recipient key (public PEM or JWK) or shared secret', { in: 'sign' }],
  ['Sign', '--enc', '<enc>', 'sign: the JWE content encryption with --encrypt-to (default A256GCM)', { in: 'sign' }],
  ['Sign', '--disclose', '<claim>', 'sign: make an SD-JWT with this top-level claim selectively disclosable (repeatable)', { in: 'sign', repeat: true }],
  ['Sign', '--dpop-url', '<url>', 'sign: make a DPoP proof for this URL (htu) instead of signing the payload', { in: 'sign' }],
  ['Sign', '--dpop-method', '<method>', 'sign: the DPoP proof\'s method (htm, default GET)', { in: 'sign' }],
  ['Sign', '--dpop-token', '<token>', 'sign: the access token the DPoP proof is sent with (ath)', { in: 'sign' }],
  ['Output', '--json', null, 'print the result object exactly as the API returns it', { in: ALL }],
  ['Output', '--lines', null, 'read one input per line of standard input, write one JSON object per line'],
  ['Output', '--no-color', null, 'no colour (also without a terminal, or with NO_COLOR set)', { in: ALL }],
  ['Output', '--help', null, 'this help (-h)', { in: ALL }],
  ['Output', '--version', null, 'the version (-v)', { in: ALL }],
];
export const FLAG = new Map(FLAGS.map(([group, name, value, help, extras]) => [name, { group, name, value, help, in: 'inspect', ...extras }]));
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

/** `--now` for the API: seconds as a number, anything else (an ISO 8601 date) as text for the core to read. */
export function nowOf(text) {
  return /^-?\d+(\.\d+)?$/.test(text) ? Number(text) : text;
}

/** The target object of `--target` and its flags, from the tables. */
function toTarget(f) {
  const name = f['--target'];
  const target = name === undefined ? undefined : targetOf(name) ?? COGNITO;
  for (const [flag, spec] of FLAG) {
    if (!spec.targets || !(flag in f) || spec.targets.includes(target?.kind)) continue;
    const wanted = TARGETS.filter((t) => spec.targets.includes(t.kind)).map((t) => t.aliases[0] ?? t.kind).join(' or ');
    throw new UsageError(`${flag} needs --target ${wanted}`);
  }
  if (!target) return undefined;
  const out = { kind: target.kind };
  // A Cognito operation named by --target itself (`--target getuser`, `--target ChangePassword`).
  if (target === COGNITO && !kinds.includes(name) && !target.aliases.includes(name)) {
    out.operation = COGNITO.settings[0].suggestions.find((op) => op.toLowerCase() === name.toLowerCase()) ?? name;
  }
  for (const s of target.settings) {
    if (s.name in out) continue;
    const given = f[s.flag];
    if (given === undefined) {
      if (s.required) throw new UsageError(`--target ${name} needs ${s.flag}`);
      continue;
    }
    if (s.kind === 'switch') out[s.name] = true;
    else if (s.kind === 'list') out[s.name] = [given].flat();
    else if (Array.isArray(given) && given.length > 1) throw new UsageError(`${s.flag} takes one value with --target ${name}`);
    else out[s.name] = [given].flat()[0];
  }
  return out;
}

/** The `inspect` options of the flags: only what was given, so the API's defaults apply to the rest. */
export function toOptions(f, keys, decryptionKeys) {
  const target = toTarget(f);
  const takes = (field) => target && field in target;
  const taken = (flag) => target && TARGETS.find((t) => t.kind === target.kind).settings.some((s) => s.flag === flag);
  const pool = f['--pool'];
  const expect = {
    issuer: taken('--issuer') ? undefined : f['--issuer'],
    clientId: taken('--client-id') || takes('clientId') ? undefined : f['--client-id'],
    audience: taken('--audience') ? undefined : f['--audience'],
    userPoolArn: pool?.startsWith('arn:') ? pool : undefined,
    userPoolId: pool?.startsWith('arn:') ? undefined : pool,
    tokenUse: f['--token-use'],
    scopes: f['--scope'],
  };
  return prune({
    now: '--now' in f ? nowOf(f['--now']) : undefined,
    clockSkew: '--skew' in f ? Number(f['--skew']) : undefined,
    expect: prune(expect),
    target: target && prune(target),
    keys,
    decryptionKeys,
    secretEncoding: f['--secret-encoding'],
    serviceError: f['--error'],
  });
}

/** The core's refusal of an option built from a flag, in the flag's terms (`options.clockSkew: …` → `--skew …`). */
export function rewordOptionError(message) {
  const flag = { 'options.now': '--now', 'options.clockSkew': '--skew' }[message.split(':')[0]];
  return flag ? `${flag} must be a valid value: ${message}` : message;
}

/**
 * Drops members left undefined, and objects left empty (but a target). Needed for `now`: the API reads a present
 * `now: undefined` as "no evaluation time", not as "the default clock".
 */
export function prune(object) {
  const entries = Object.entries(object).filter(([, v]) => v !== undefined);
  return entries.length || object.kind ? Object.fromEntries(entries) : undefined;
}

export function help() {
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
  lines.push('', 'Targets (--target <kind>):');
  for (const t of TARGETS) {
    const settings = t.settings.map((s) => `${s.flag}${s.required ? '' : ' (optional)'}`).join(', ');
    lines.push(`  ${named(t).padEnd(34)} ${t.label}. Settings: ${settings}`);
  }
  lines.push(
    '',
    'Exit status: 0 nothing wrong (or the target allows), 1 a deny verdict or an error finding, 2 a usage error.',
    'Every finding code is explained in docs/codes.md of the jwtlens repository.',
  );
  return `${lines.join('\n')}\n`;
}
