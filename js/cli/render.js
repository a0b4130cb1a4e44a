// Human output of the command, from the view objects of view.js: the answers or the verdict, then findings by
// severity with their fixes, then each token's header and payload as their exact JSON text, indented. Every piece
// of text goes through `clean`, so a token cannot move the cursor, recolour or reorder the terminal. JSON is printed
// by the surfaces' one printer (js/json-text.js), exactly as written.
import { styledJson } from '../json-text.js';

const CODES = { bold: 1, dim: 2, red: 31, green: 32, yellow: 33, cyan: 36 };
const DECISION_COLOR = { allow: 'green', deny: 'red', unknown: 'yellow', pass: 'green', fail: 'red' };
const SEVERITY = { error: ['Errors', 'red'], warning: ['Warnings', 'yellow'], info: ['Notes', 'cyan'] };

/**
 * Control characters (C0 but tab and newline, DEL, C1) and bidirectional overrides, written out as `\u….` so
 * that decoded text shows what it holds instead of acting on the terminal.
 */
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export const clean = (text) => String(text).replace(UNSAFE, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** Text stylers: ANSI colours when `enabled`, plain text otherwise; all of them clean their text. */
export function palette(enabled) {
  const c = { plain: clean };
  for (const [name, code] of Object.entries(CODES)) c[name] = enabled ? (s) => `\x1b[${code}m${clean(s)}\x1b[0m` : clean;
  return c;
}

function decodedText(decoded, c) {
  if (!decoded) return c.dim('(not readable)');
  if (decoded.text === null) return `${c.dim('not UTF-8, hex:')} ${c.plain(decoded.hex)}`;
  return decoded.json ? styledJson(decoded.text, (cls, piece) => (cls.startsWith('key') ? c.cyan(piece) : c.plain(piece))) ?? c.plain(decoded.text) : `${c.dim('not JSON, as decoded:')}\n${c.plain(decoded.text)}`;
}

function answerLines(answers, c) {
  const out = [c.bold('From the token alone')];
  const several = new Set(answers.map((a) => a.token)).size > 1;
  for (const a of answers) {
    const which = several ? ` ${c.dim(`(token ${a.token + 1})`)}` : '';
    out.push(`  ${c[DECISION_COLOR[a.decision]](a.decision.toUpperCase().padEnd(8))} ${c.bold(a.service)}${which}`);
    out.push(`           ${c.plain(a.reason)}`);
    if (a.fix) out.push(`           Fix: ${c.plain(a.fix)}`);
    if (a.settle) out.push(`           Settle it: ${c.plain(a.settle)}`);
  }
  return out;
}

function verdictLines(v, c) {
  const out = [`${c.bold(v.target)}: ${c[DECISION_COLOR[v.decision]](v.decision.toUpperCase())}`, `  ${c.plain(v.summary)}`];
  const width = Math.max(...v.rules.map((r) => r.id.length));
  for (const r of v.rules) {
    out.push(`  ${c[DECISION_COLOR[r.outcome]](r.outcome.padEnd(8))} ${c.plain(r.id.padEnd(width))}  ${c.plain(r.description)}`);
    if (r.outcome !== 'pass') out.push(`  ${' '.repeat(11 + width)}${c.dim(r.detail)}`);
    if (r.settle) out.push(`  ${' '.repeat(11 + width)}${c.dim(`Settle it: ${r.settle}`)}`);
  }
  for (const a of v.assumptions) out.push(`  ${c.dim(`Assumed: ${a}`)}`);
  return out;
}

function findingLines(groups, c) {
  const out = [];
  for (const [severity, list] of Object.entries(groups)) {
    const [title, color] = SEVERITY[severity];
    out.push('', c.bold(`${title} (${list.length})`));
    for (const f of list) {
      out.push(`  ${c[color](f.code)}  ${c.plain(f.message)}`);
      if (f.fix) out.push(`    Fix: ${c.plain(f.fix)}`);
    }
  }
  return out;
}

function tokenLines(t, count, c, prefix = '') {
  const facts = [t.kind.toUpperCase(), t.alg, t.provider, t.use && `${t.use} token`].filter(Boolean).map(c.plain);
  const name = count > 1 ? `Token ${t.index + 1} of ${count}` : 'Token';
  const label = t.label ? ` (${c.plain(t.label)})` : '';
  const out = ['', `${c.bold(`${prefix}${name}`)}${label}: ${facts.join(', ')}`];
  if (t.signature) {
    const { key } = t.signature;
    const keyName = key && `key ${key.index + 1}${key.kid === null ? '' : ` (kid ${key.kid})`}`;
    out.push(t.signature.valid
      ? `Signature: ${c.green('valid')} ${c.plain([t.signature.algorithm, keyName].filter(Boolean).join(', '))}`
      : `Signature: ${c.red('not valid')} ${c.dim('(see the findings)')}`);
  } else if (t.kind === 'jws') {
    out.push(`Signature: ${c.dim('not checked (give --keys)')}`);
  }
  out.push(c.bold('Header'), decodedText(t.header, c));
  if (t.kind !== 'jwe') out.push(c.bold('Payload'), decodedText(t.payload, c));
  const width = Math.max(0, ...t.times.map((x) => x.name.length));
  for (const x of t.times) {
    out.push(`${c.plain(x.name.padEnd(width))}  ${c.plain(x.iso)}${x.relative ? `  ${c.dim(x.relative)}` : ''}`);
  }
  if (t.decryption) {
    const d = t.decryption;
    out.push(`Decryption: ${c[d.status === 'decrypted' ? 'green' : 'red'](d.status)} ${c.plain([d.alg, d.enc].filter(Boolean).join(', '))}${d.inner === null || d.inner === undefined ? '' : ` (the token inside is token ${d.inner + 1})`}`);
  }
  if (t.disclosures) {
    out.push(c.bold(`Disclosures (${t.disclosures.length})`));
    for (const d of t.disclosures) out.push(`  ${c.plain(d.status.padEnd(13))} ${c.cyan(d.name)}: ${c.plain(d.value)}`);
  }
  if (t.inner) out.push(...tokenLines(t.inner, 1, c, 'Inner '));
  return out;
}

const AGREEMENT = { confirmed: ['the token confirms it', 'green'], contradicted: ['the token contradicts it', 'red'], unknown: ['nothing to compare', 'yellow'] };

/** "What your server said": each recognised message, first, with the agreement in one line. */
function serviceErrorLines(list, c) {
  const out = [c.bold('What your server said')];
  for (const e of list) {
    const [word, color] = AGREEMENT[e.agreement] ?? [e.agreement, 'plain'];
    // The code once: a message that starts with it (`IDX10223: …`, `TokenExpiredError: …`) is not prefixed again.
    const code = e.code && !e.text.startsWith(e.code) ? ` ${c.plain(e.code)}` : '';
    out.push(`  ${c.bold([e.source, ...e.alsoFrom].join(' or '))}${code}: ${c.dim(e.text)}`);
    out.push(`           ${c[color](word)}: ${c.plain(e.agreementDetail)}`);
    out.push(`           ${c.plain(e.meaning)}`);
    if (e.fix) out.push(`           Fix: ${c.plain(e.fix)}`);
  }
  return out;
}

/** A DPoP proof's checks, in the order of RFC 9449 §4.3. */
function dpopLines(d, c) {
  const out = ['', c.bold(`DPoP proof (token ${d.proof + 1})${d.accessToken === null ? '' : ` for token ${d.accessToken + 1}`}`)];
  for (const x of d.checks) {
    out.push(`  ${c[DECISION_COLOR[x.outcome] ?? 'yellow'](x.outcome.padEnd(8))} ${c.plain(x.rule.padEnd(9))}  ${c.plain(x.detail)}`);
  }
  return out;
}

/** The whole report for one input; `heading` names the input when there are several. */
export function renderInspection(view, c, heading = null) {
  const out = heading ? [c.bold(`== ${heading}`)] : [];
  if (view.serviceErrors?.length) out.push(...serviceErrorLines(view.serviceErrors, c), '');
  if (view.answers.length) out.push(...answerLines(view.answers, c));
  else if (view.verdict) out.push(...verdictLines(view.verdict, c));
  if (view.dpop) out.push(...dpopLines(view.dpop, c));
  out.push(...findingLines(view.findings, c));
  if (!Object.keys(view.findings).length) out.push('', c.dim('No findings.'));
  for (const t of view.tokens) out.push(...tokenLines(t, view.tokens.length, c));
  while (out[0] === '') out.shift();
  // One blank line between blocks: "What your server said" ends with one, and the findings start with one.
  return `${out.filter((line, i) => line !== '' || out[i - 1] !== '').join('\n')}\n`;
}

/** What `jwtlens keys` prints: one block per key, then the findings. */
export function renderKeys(view, c) {
  const out = view.keys.length ? [] : [c.bold('No key found.')];
  for (const k of view.keys) {
    const facts = [k.format, k.type, k.kid !== null && `kid ${k.kid}`, k.alg && `alg ${k.alg}`, k.use && `use ${k.use}`,
      k.private && 'private key (only its public half is used)'];
    out.push(`${c.bold(`Key ${k.index + 1}`)}: ${c.plain(facts.filter(Boolean).join(', '))}`);
    out.push(`  Verifies: ${k.algorithms.length ? c.plain(k.algorithms.join(' ')) : c.red('nothing')}`);
    if (k.thumbprint) out.push(`  Thumbprint: ${c.plain(k.thumbprint)}`);
    const cert = k.certificate;
    if (cert) {
      const expired = cert.expired ? ` ${c.red('(expired)')}` : '';
      out.push(`  Certificate: ${c.plain(cert.subject)}, ${c.plain(cert.notBefore)} to ${c.plain(cert.notAfter)}${expired}`);
    }
  }
  out.push(...findingLines(view.findings, c));
  return `${out.join('\n')}\n`;
}
