// The `jwtlens` command (bin/jwtlens.js): arguments (args.js) → API options → inspect / parseKeys / sign → text or
// JSON (view.js, render.js). It uses the package's own Node entry like any consumer. The token goes to standard output only; standard error gets usage
// errors, the --lines progress count and `jwtlens sign`'s findings, never a token. Nothing is sent anywhere.
import { readFileSync } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { UsageError, help, nowOf, parseArgs, prune, rewordOptionError, toOptions } from './args.js';
import { clean, palette, renderInspection, renderKeys } from './render.js';
import { inspectionView, keysView, lineRecord } from './view.js';

/** The command could not answer as asked (the keys to fetch could not be fetched): exit 2, the reasons already said. */
class NoAnswer extends Error {}

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
  const start = performance.now();
  let shown = 0;
  return (lines, done = false) => {
    const now = performance.now();
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
  // A DPoP proof is made of its flags and the key alone: no payload, so standard input is not waited for (and stays
  // free for `--key -`).
  const proof = flags['--dpop-url'] !== undefined;
  if (proof && inputs.length) throw new UsageError('--dpop-url makes a DPoP proof of its flags and the key: it takes no payload');
  const payloadArg = proof ? null : inputs[0] ?? '-';
  if (payloadArg === '-' && flags['--key'] === '-') throw new UsageError('standard input can be read only once');
  const key = flags['--key'] === undefined ? '' : await readFile(flags['--key'], '--key file', io);
  const payload = payloadArg === null ? '' : payloadArg === '-' ? await readInput(io) : payloadArg;
  const expiresIn = '--expires-in' in flags ? parseSeconds(flags['--expires-in']) : undefined;
  const options = prune({
    header: flags['--jose-header'],
    alg: flags['--alg'],
    kid: flags['--kid'],
    typ: flags['--typ'],
    iat: flags['--iat'] || expiresIn !== undefined ? 'now' : undefined,
    expiresIn,
    now: '--now' in flags ? nowOf(flags['--now']) : undefined,
    secretEncoding: flags['--secret-encoding'],
  }) ?? {};
  const signed = await made(api, flags, { payload, key, options }, io);
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

/**
 * What `jwtlens sign` makes: the signed token, or (--dpop-url) a DPoP proof signed with the key, or (--disclose) an
 * SD-JWT of the payload, then (--encrypt-to) the result encrypted for a recipient. Always `{ token, findings }`.
 */
async function made(api, flags, { payload, key, options }, io) {
  if (flags['--enc'] !== undefined && flags['--encrypt-to'] === undefined) throw new UsageError('--enc needs --encrypt-to');
  let out;
  if (flags['--dpop-url'] !== undefined) {
    if (flags['--disclose']) throw new UsageError('--dpop-url and --disclose make different tokens: give one');
    out = api.dpopProof(key, prune({ url: flags['--dpop-url'], method: flags['--dpop-method'] ?? 'GET', accessToken: flags['--dpop-token'], now: options.now }));
  } else if (flags['--dpop-method'] !== undefined || flags['--dpop-token'] !== undefined) {
    throw new UsageError('--dpop-method and --dpop-token need --dpop-url');
  } else if (flags['--disclose']) {
    out = api.signSdJwt(payload, key, prune({ disclose: flags['--disclose'], sign: options, now: options.now }));
  } else {
    out = api.sign(payload, key, options);
  }
  if (flags['--encrypt-to'] === undefined || !out.token) return out;
  const recipient = await readFile(flags['--encrypt-to'], '--encrypt-to file', io);
  // A signed JWT inside says so with cty (RFC 7519 §5.2), whatever its header's spacing: the core guesses a token only
  // from a compact header that starts `eyJ`. An SD-JWT or a DPoP proof inside is left to the core.
  const cty = flags['--disclose'] || flags['--dpop-url'] !== undefined ? undefined : 'JWT';
  const jwe = api.encrypt(out.token, recipient, prune({ enc: flags['--enc'], cty, secretEncoding: flags['--secret-encoding'] }) ?? {});
  return { ...jwe, findings: [...out.findings, ...jwe.findings], signed: out };
}

function version() {
  return JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
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
    const api = await import('../node.js');

    if (command === 'sign') return await runSign(api, flags, inputs, io);

    if (command === 'keys') {
      const now = '--now' in flags ? nowOf(flags['--now']) : undefined;
      const set = api.parseKeys(await readKeyFile(inputs[0], 'key file', io), prune({ now, secretEncoding: flags['--secret-encoding'] }));
      const view = keysView(set);
      await write(io.stdout, flags['--json'] ? `${JSON.stringify(set)}\n` : renderKeys(view, colors));
      return view.status;
    }

    if (flags['--lines'] && inputs.length) throw new UsageError('--lines reads standard input: give no input arguments');
    const stdinReaders = inputs.filter((i) => i === '-').length + (flags['--keys'] === '-') + (flags['--decrypt-key'] === '-');
    if (stdinReaders > 1) throw new UsageError('standard input can be read only once');
    for (const flag of ['--keys', '--decrypt-key']) {
      if (flags[flag] === '-' && !inputs.length && !flags['--header']) {
        throw new UsageError(`${flag} - reads standard input: give the token as an argument`);
      }
    }
    if (!flags['--lines'] && !inputs.length) inputs.push(flags['--header'] ?? '-');
    // Standard input is read once, before any key fetch that may need the token's issuer.
    const texts = [];
    for (const input of inputs) texts.push(input === '-' ? await readInput(io) : input);
    let keys = flags['--keys'] === undefined ? undefined : await readKeyFile(flags['--keys'], '--keys file', io);
    if (flags['--fetch-keys']) keys = await fetchedKeys(api, flags, texts[0], io);
    const decryptionKeys = flags['--decrypt-key'] === undefined ? undefined : await readKeyFile(flags['--decrypt-key'], '--decrypt-key file', io);
    const options = toOptions(flags, keys, decryptionKeys);
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
    else io.stderr.write(usage ? `jwtlens: ${rewordOptionError(e.message)} (see jwtlens --help)\n` : `jwtlens: internal error: ${e?.message}\n`);
    // Never 1, which scripts read as "deny".
    return 2;
  }
}
